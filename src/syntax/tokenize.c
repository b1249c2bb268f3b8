/* tokenize.c — the UD tokenizer: raw English text to sentences and syntactic
 * words, cut as the English Web Treebank cuts them (docs/syntax.md). */
#include "syntax/syntax.h"

#include <string.h>
#include <utf8proc.h>

#include "base/error.h"

/* ------------------------------------------------------------ characters */

/* Byte classes. Every control byte (NUL too) and DEL separate words like a
 * space; bytes of multibyte characters are looked at as code points. */
enum { C_SP = 1, C_DG = 2, C_UP = 4, C_LO = 8, C_HI = 16 };
#define C_ALPHA (C_UP | C_LO)
#define C_ALNUM (C_DG | C_UP | C_LO)

#define S C_SP
#define D C_DG
#define U C_UP
#define L C_LO
#define H C_HI
#define P 0
static const unsigned char CLS[256] = {
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    S, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
    D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,
    P, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, P, P, P, P, P,
    P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, S,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
};
#undef S
#undef D
#undef U
#undef L
#undef H
#undef P

/* The code point at s[i] and its length in *n; -1 and length 1 for a byte
 * that does not start a valid UTF-8 sequence. */
static int32_t u8_at(const unsigned char *s, size_t len, size_t i, size_t *n)
{
    unsigned char c = s[i];
    size_t k;
    int32_t cp, min;
    *n = 1;
    if (c < 0x80)
        return c;
    if (c >= 0xC2 && c <= 0xDF) {
        k = 1, cp = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        k = 2, cp = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 3, cp = c & 0x07, min = 0x10000;
    } else {
        return -1;
    }
    if (len - i <= k)
        return -1;
    for (size_t j = 1; j <= k; j++) {
        if ((s[i + j] & 0xC0) != 0x80)
            return -1;
        cp = (cp << 6) | (s[i + j] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return -1;
    *n = k + 1;
    return cp;
}

/* What a non-ASCII character is to the tokenizer. */
enum { K_LETTER, K_SPACE, K_PUNCT };
static int ukind(int32_t cp)
{
    if (cp < 0)
        return K_LETTER;   /* an invalid byte */
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return K_SPACE;
    case UTF8PROC_CATEGORY_CF:   /* zero-width space and BOM part words; soft hyphens do not */
        return cp == 0x200B || cp == 0xFEFF || cp == 0x2060 ? K_SPACE : K_LETTER;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO:
        return K_PUNCT;
    default:
        return K_LETTER;   /* letters, marks, digits, private use, unassigned */
    }
}

/* Bytes of the white space at s[i], 0 if none. */
static size_t space_at(const unsigned char *s, size_t len, size_t i)
{
    if (CLS[s[i]] & C_SP)
        return 1;
    if (!(CLS[s[i]] & C_HI))
        return 0;
    size_t n;
    int32_t cp = u8_at(s, len, i, &n);
    return ukind(cp) == K_SPACE ? n : 0;
}

/* Bytes of the letter or digit at s[i], 0 if it is none. */
static inline size_t wordch_at(const unsigned char *s, size_t len, size_t i)
{
    unsigned c = CLS[s[i]];
    if (c & C_ALNUM)
        return 1;
    if (!(c & C_HI))
        return 0;
    size_t n;
    int32_t cp = u8_at(s, len, i, &n);
    return ukind(cp) == K_LETTER ? n : 0;
}

/* Is s[i] the right single quote U+2019, the typographic apostrophe? */
static int rsquo_at(const unsigned char *s, size_t len, size_t i)
{
    return len - i >= 3 && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x99;
}

/* Bytes of the apostrophe (' or ’) at s[i], 0 if none. */
static size_t apos_at(const unsigned char *s, size_t len, size_t i)
{
    return s[i] == '\'' ? 1 : rsquo_at(s, len, i) ? 3 : 0;
}

static unsigned char lower(unsigned char c)
{
    return (CLS[c] & C_UP) ? (unsigned char)(c + 32) : c;
}

/* Does s[0, n) spell the lower-case word w, in any case? */
static int ieq(const unsigned char *s, size_t n, const char *w)
{
    for (size_t i = 0; i < n; i++)
        if (w[i] == '\0' || lower(s[i]) != (unsigned char)w[i])
            return 0;
    return w[n] == '\0';
}

/* ---------------------------------------------------------------- output */

typedef struct tk {
    dy_arena *a;
    const unsigned char *s;
    size_t len;
    dy_utoken *w;    /* the words so far, grown by doubling in the arena */
    size_t n, cap;
    int nomem;
    int squote;      /* a single quote is open: a ' after "states" closes it */
} tk;

static int grow(tk *t)
{
    size_t cap = t->cap ? 2 * t->cap : t->len / 4 + 16;
    if (cap > 65536 && !t->cap)
        cap = 65536;   /* long texts grow; short ones fit at once */
    if (cap > SIZE_MAX / sizeof(dy_utoken))
        return -1;
    dy_utoken *w = dy_arena_alloc(t->a, cap * sizeof *w);
    if (!w)
        return -1;
    if (t->n)
        memcpy(w, t->w, t->n * sizeof *w);
    t->w = w;
    t->cap = cap;
    return 0;
}

/* Appends the word s[b, e). After an allocation failure it only notes it:
 * dy_ud_tokenize reports it once at the end. */
static void add(tk *t, size_t b, size_t e)
{
    if (t->nomem || (t->n == t->cap && grow(t) != 0)) {
        t->nomem = 1;
        return;
    }
    dy_utoken *w = &t->w[t->n++];
    w->start = b;
    w->end = e;
    w->space_after = e >= t->len || space_at(t->s, t->len, e) > 0;
    w->mwt = 0;
    w->sent_start = 0;
}

/* Appends one written token of two words, s[b, m) and s[m, e): "do|n't". */
static void add_mwt(tk *t, size_t b, size_t m, size_t e)
{
    add(t, b, m);
    if (!t->nomem)
        t->w[t->n - 1].mwt = 2;
    add(t, m, e);
}

/* ----------------------------------------------------------------- words */

enum { R_DOT = 1, R_LDOT = 2, R_HYPHEN = 4, R_AT = 8 };

/* Does a sentence start at s[q], right after a full stop: a capitalised
 * word that is not part of a host or an address ("Mail.Com", "Ann.Lee@x")? */
static int missing_space(const unsigned char *s, size_t len, size_t q)
{
    size_t e = q + 1;
    if (len - q < 2 || !(CLS[s[q]] & C_UP) || !(CLS[s[e]] & C_LO))
        return 0;
    while (e < len && (CLS[s[e]] & C_ALNUM))
        e++;
    if (e < len && (s[e] == '@' || s[e] == '.' || s[e] == '_'))
        return 0;
    return !ieq(s + q, e - q, "com") && !ieq(s + q, e - q, "net") && !ieq(s + q, e - q, "org");
}

/* Bytes of a mark at s[q] that joins the letters or digits on either side
 * into one word (3.5, 1,000, U.S, e-mail, AT&T, don't, 11:30, 9/11, a@b.c),
 * 0 if it does not. s[q - 1] ends a letter or digit of the run from s[p]. */
static size_t joiner(const unsigned char *s, size_t len, size_t p, size_t q, unsigned *f)
{
    unsigned prev = CLS[s[q - 1]], add = 0;
    size_t m = 1;
    switch (s[q]) {
    case '.':
        if (len - q > 4 && s[q + 1] == '.' && s[q + 2] == '.' && s[q + 3] == '@') {
            m = 4, add = R_AT;   /* "jo...@mail.com", an address with its middle hidden */
            break;
        }
        if (q >= 2 && (prev & C_LO) && (CLS[s[q - 2]] & C_LO) && missing_space(s, len, q + 1))
            return 0;            /* "said.The": a space left out after a full stop */
        add = R_DOT;
        break;
    case '-': add = R_HYPHEN; break;
    case '@': add = R_AT; break;
    case '\'': case '_': break;
    case ',': case ':':   /* inside numbers and times only */
        if (!(prev & C_DG) || q + 1 >= len || !(CLS[s[q + 1]] & C_DG))
            return 0;
        break;
    case '/':             /* dates, fractions; "b/c", "w/o" */
        if (q + 1 >= len)
            return 0;
        if (prev & C_DG) {
            if (!(CLS[s[q + 1]] & C_DG))
                return 0;
        } else if (q - p != 1 || !(prev & C_ALPHA) || !(CLS[s[q + 1]] & C_ALPHA) ||
                   (q + 2 < len && (CLS[s[q + 2]] & C_ALNUM))) {
            return 0;
        }
        break;
    case '&':                        /* AT&T, R&D; "Smith & Wesson" is three */
        if (!(prev & C_ALPHA) || q + 1 >= len || !(CLS[s[q + 1]] & C_ALPHA))
            return 0;
        break;
    case 0xE2:
        if (!rsquo_at(s, len, q))
            return 0;
        m = 3;
        break;
    default:
        return 0;
    }
    if (q + m >= len || !wordch_at(s, len, q + m))
        return 0;
    if (add == R_DOT && (prev & C_ALPHA) && (CLS[s[q + 1]] & C_ALPHA))
        add |= R_LDOT;
    *f |= add;
    return m;
}

/* The end of the run of letters, digits and joiners that starts at s[p]. */
static size_t run_end(const unsigned char *s, size_t len, size_t p, unsigned *flags)
{
    size_t q = p, m;
    unsigned f = 0;
    for (;;) {
        while (q < len && (CLS[s[q]] & C_ALNUM))
            q++;
        if (q < len && (m = wordch_at(s, len, q)) > 0) {
            q += m;
            continue;
        }
        if (q >= len || q == p || (m = joiner(s, len, p, q, &f)) == 0)
            break;
        q += m;
    }
    *flags = f;
    return q;
}

/* "U.S", "a.m", "Ph.D", "e.g": groups of one or two ASCII letters joined by
 * single periods. */
static int dotted(const unsigned char *w, size_t n)
{
    size_t run = 0, groups = 1;
    for (size_t i = 0; i < n; i++) {
        if (w[i] == '.') {
            if (run == 0)
                return 0;
            run = 0;
            groups++;
        } else if ((CLS[w[i]] & C_ALPHA) && run < 2) {
            run++;
        } else {
            return 0;
        }
    }
    return groups > 1 && run > 0;
}

/* The word lists' classes of s[0, n), or of "Ltd" when it is written "LTD". */
static unsigned wordlist_any_case(const unsigned char *s, size_t n)
{
    unsigned f = dy_ud_wordlist((const char *)s, n);
    char cap[16];
    if (f || n < 2 || n > sizeof cap)
        return f;
    for (size_t i = 0; i < n; i++) {
        if (!(CLS[s[i]] & C_UP))
            return 0;
        cap[i] = (char)(i ? s[i] + 32 : s[i]);
    }
    return dy_ud_wordlist(cap, n);
}

/* Does the word s[b, e) keep the period at s[e]? Abbreviations and initials
 * do, and keep it at the end of a sentence too ("in the U.S."), as in EWT. */
static int keeps_period(const unsigned char *s, size_t len, size_t b, size_t e)
{
    size_t n = e - b;
    if (len - e > 2 && s[e + 1] == '.' && s[e + 2] == '.')
        return 0;   /* "etc..." is "etc" and an ellipsis; "Inc.." is "Inc." "." */
    if (n == 1)     /* an initial; "a." and "I." end sentences */
        return (CLS[s[b]] & C_ALPHA) && s[b] != 'a' && s[b] != 'I';
    if (dotted(s + b, n))
        return 1;
    unsigned f = wordlist_any_case(s + b, n);
    if (f & DY_UDW_ABBR)
        return 1;
    if (f & DY_UDW_NUMABBR) {   /* "No. 10", but "the answer is no." */
        size_t q = e + 1;
        while (q < len && s[q] == ' ')
            q++;
        return q < len && (CLS[s[q]] & C_DG);
    }
    return 0;
}

/* Do the hyphens of s[b, e) stay inside it? Numbers written with hyphens
 * (555-0100, 11-20-2000), e-mail addresses, file and host names do. */
static int keeps_hyphens(const unsigned char *s, size_t b, size_t e, unsigned f)
{
    if (f & (R_AT | R_LDOT))
        return 1;
    size_t hyphens = 0, group = 0, first = 0;
    for (size_t i = b; i < e; i++) {
        if (s[i] == '-') {
            if (hyphens++ == 0)
                first = group;
            group = 0;
        } else if (CLS[s[i]] & C_DG) {
            group++;
        } else {
            return 0;
        }
    }
    return hyphens >= 2 || (first <= 3 && group == 4);   /* and 555-0100, ext. 3-5213 */
}

/* Is s[b, e) a prefix whose hyphen stays ("non-stop", "co-founder")? */
static int is_prefix(const unsigned char *s, size_t b, size_t e)
{
    char low[8];
    if (e - b >= sizeof low)
        return 0;
    for (size_t i = b; i < e; i++)
        low[i - b] = (char)lower(s[i]);
    return (dy_ud_wordlist(low, e - b) & DY_UDW_PREFIX) != 0;
}

/* Where the word s[b, e) splits into a host and a clitic, as EWT writes
 * them as two words of one token ("do|n't", "ca|n't", "it|'s", "I|'m",
 * "can|not", "gon|na"); 0 if it does not split. */
static size_t clitic_at(const unsigned char *s, size_t b, size_t e)
{
    size_t n = e - b;
    if (n < 3)
        return 0;
    unsigned char z = lower(s[e - 1]), y = lower(s[e - 2]);
    if (z == 't') {   /* n't, n’t */
        if (n >= 4 && y == '\'' && lower(s[e - 3]) == 'n')
            return e - 3;
        if (n >= 6 && rsquo_at(s, e, e - 4) && lower(s[e - 5]) == 'n')
            return e - 5;
    }
    if (z == 's' || z == 'm' || z == 'd') {   /* 's 'm 'd; "1980's" is a plural */
        if (y == '\'' && !(CLS[s[e - 3]] & C_DG))
            return e - 2;
        if (n >= 5 && rsquo_at(s, e, e - 4) && !(CLS[s[e - 5]] & C_DG))
            return e - 4;
    }
    if ((y == 'r' && z == 'e') || (y == 'v' && z == 'e') || (y == 'l' && z == 'l')) {
        if (n >= 4 && s[e - 3] == '\'')   /* 're 've 'll */
            return e - 3;
        if (n >= 6 && rsquo_at(s, e, e - 5))
            return e - 5;
    }
    if ((n == 5 && z == 'a' && (ieq(s + b, n, "gonna") || ieq(s + b, n, "wanna") ||
                                ieq(s + b, n, "gotta"))) ||
        (n == 6 && z == 't' && ieq(s + b, n, "cannot")))
        return b + 3;
    /* Negations written without the apostrophe (web text: "dont"). */
    static const char *const NT[] = {
        "dont", "doesnt", "didnt", "isnt", "wasnt", "werent", "arent", "couldnt",
        "wouldnt", "shouldnt", "hasnt", "havent", "hadnt", NULL
    };
    if (z == 't' && y == 'n')
        for (const char *const *w = NT; *w; w++)
            if (ieq(s + b, n, *w))
                return e - 2;
    return 0;
}

/* Where the unit of "600m", "1.13bn", "11:30am", "5kg" starts (EWT writes
 * the number and the unit as two words); 0 for words that stay whole:
 * ordinals, decades, a number with one capital ("4th", "1980s", "4A"). */
static size_t unit_at(const unsigned char *s, size_t b, size_t e)
{
    if (!(CLS[s[b]] & C_DG))
        return 0;
    size_t k = b;
    while (k < e && ((CLS[s[k]] & C_DG) || s[k] == '.' || s[k] == ',' || s[k] == ':'))
        k++;
    if (k == e || !(CLS[s[k - 1]] & C_DG))
        return 0;
    for (size_t i = k; i < e; i++)
        if (!(CLS[s[i]] & C_ALPHA))
            return 0;
    size_t n = e - k;
    if (n == 1)
        return s[k] == 's' || s[k] == 'S' || ((CLS[s[k]] & C_UP) && !strchr("MKBT", s[k]))
                   ? 0 : k;
    if (n == 2 && (ieq(s + k, 2, "st") || ieq(s + k, 2, "nd") || ieq(s + k, 2, "rd") ||
                   ieq(s + k, 2, "th")))
        return 0;
    if (ieq(s + k, n, "am") || ieq(s + k, n, "pm"))
        return k;
    for (size_t i = k; i < e; i++)
        if (!(CLS[s[i]] & C_UP))
            return k;
    return 0;   /* "10MM", "4105SF": a code rather than a unit */
}

/* A piece of a word between hyphens: a number and its unit are two words. */
static void add_piece(tk *t, size_t b, size_t e)
{
    size_t k = unit_at(t->s, b, e);
    if (k) {
        add(t, b, k);
        add(t, k, e);
    } else {
        add(t, b, e);
    }
}

/* The last piece s[b, e) of a word: a clitic splits off; a kept period or a
 * possessive apostrophe (after q) belongs to it. */
static void add_last(tk *t, size_t b, size_t q, size_t e, int period)
{
    if (period) {
        add(t, b, e);
    } else if (e > q) {
        add_mwt(t, b, q, e);   /* "states|'" */
    } else {
        size_t m = clitic_at(t->s, b, q);
        if (m)
            add_mwt(t, b, m, q);
        else
            add_piece(t, b, q);
    }
}

/* A URL at s[p] ("http://", "www."...): its length, less the punctuation
 * that closes the sentence or bracket around it; 0 if none starts here. */
static size_t url_len(const unsigned char *s, size_t len, size_t p)
{
    const char *w;
    switch (lower(s[p])) {   /* most words start with no scheme's letter */
    case 'h': w = len - p > 4 && lower(s[p + 4]) == 's' ? "https://" : "http://"; break;
    case 'f': w = "ftp://"; break;
    case 'w': w = "www."; break;
    case 'm': w = "mailto:"; break;
    default: return 0;
    }
    size_t k = strlen(w);
    if (len - p <= k || !ieq(s + p, k, w) || !(CLS[s[p + k]] & C_ALNUM))
        return 0;
    size_t e = p + k;
    long parens = 0;
    while (e < len && !(CLS[s[e]] & (C_SP | C_HI)) && s[e] != '"' && s[e] != '<' &&
           s[e] != '>') {
        parens += (s[e] == '(') - (s[e] == ')');
        e++;
    }
    static const char TRAIL[] = ".,;:!?'\")]}";
    while (e > p + k && memchr(TRAIL, s[e - 1], sizeof TRAIL - 1)) {
        if (s[e - 1] == ')' && parens >= 0)
            break;   /* closes a '(' of the URL: Wikipedia links */
        parens += s[e - 1] == ')';
        e--;
    }
    return e - p;
}

/* Is s[p, q) one to three letters whose hyphen at s[q] ends the word, as
 * a prefix before "and" ("pre- and post-war") or a word broken off? */
static int cut_off(const unsigned char *s, size_t len, size_t p, size_t q)
{
    if (q - p > 3 || q >= len || s[q] != '-' || (q + 1 < len && !space_at(s, len, q + 1)))
        return 0;
    for (size_t i = p; i < q; i++)
        if (!(CLS[s[i]] & C_ALPHA))
            return 0;
    return 1;
}

/* The word that starts at s[p] with a letter or digit; returns its end. */
static size_t word(tk *t, size_t p)
{
    const unsigned char *s = t->s;
    size_t len = t->len, u = url_len(s, len, p);
    if (u) {
        add(t, p, p + u);
        return p + u;
    }
    unsigned f;
    size_t q = run_end(s, len, p, &f), last = p, e = q, a;
    if (cut_off(s, len, p, q)) {   /* "pre- and post-war", "kn- I know" */
        add(t, p, q + 1);
        return q + 1;
    }
    if (f & R_HYPHEN)
        for (size_t i = q; i > p; i--)
            if (s[i - 1] == '-') {
                last = i;
                break;
            }
    int period = q < len && s[q] == '.' && keeps_period(s, len, last, q);
    if (period)
        e = q + 1;
    else if (q < len && (a = apos_at(s, len, q)) > 0 && !t->squote &&
             (s[q - 1] == 's' || s[q - 1] == 'S'))
        e = q + a;   /* the possessive of a plural: "states'" */
    if ((f & R_AT) || ((f & R_LDOT) && !period)) {
        size_t m = clitic_at(s, p, q);   /* e-mail, host or file name: one word, */
        if (m)                           /* but "Amazon.com's" */
            add_mwt(t, p, m, q);
        else
            add(t, p, q);
        return q;
    }
    size_t b = p;
    if ((f & R_HYPHEN) && !keeps_hyphens(s, p, q, f)) {
        size_t part = p;   /* since the last hyphen */
        for (size_t i = p; i < q; i++) {
            if (s[i] != '-')
                continue;
            if (!is_prefix(s, part, i)) {
                add_piece(t, b, i);
                add(t, i, i + 1);
                b = i + 1;
            }
            part = i + 1;
        }
    }
    add_last(t, b, q, e, period);
    return e;
}

/* ----------------------------------------------------------- punctuation */

/* The end of the run of '.', '?', '!' and '…' at s[p]: "...", "?!", "!!!";
 * an ellipsis and a question mark after it are two words. */
static size_t stops_end(const unsigned char *s, size_t len, size_t p)
{
    size_t dots = 0;
    while (p < len) {
        if (s[p] == '.')
            p++, dots++;
        else if ((s[p] == '?' || s[p] == '!') && dots >= 2)
            break;
        else if (s[p] == '?' || s[p] == '!')
            p++, dots = 0;
        else if (len - p >= 3 && s[p] == 0xE2 && s[p + 1] == 0x80 && s[p + 2] == 0xA6)
            p += 3, dots += 3;
        else
            break;
    }
    return p;
}

/* The end of the repeats of the n-byte character at s[p]: "--", "***", "’’". */
static size_t same_end(const unsigned char *s, size_t len, size_t p, size_t n)
{
    size_t e = p + n;
    while (len - e >= n && memcmp(s + e, s + p, n) == 0)
        e += n;
    return e;
}

/* Length of an emoticon standing alone at s[p], 0 if none: ":)" is one word. */
static size_t emoticon(const unsigned char *s, size_t len, size_t p)
{
    static const char *const FACES[] = {
        ":-)", ":-(", ";-)", ":-D", ":-P", ":'(", "^_^", ":)", ":(", ";)", ":D", ":P",
        ":p", ":/", "=)", "=(", "(:", ";D", "<3", ":|", NULL
    };
    if (!memchr(":;=(^<", s[p], 6))
        return 0;
    for (const char *const *f = FACES; *f; f++) {
        size_t n = strlen(*f);
        if (len - p >= n && memcmp(s + p, *f, n) == 0 &&
            (p + n == len || space_at(s, len, p + n)))
            return n;
    }
    return 0;
}

/* The end of a file extension standing alone at s[p] (".doc", ".pdf"), or p + 1. */
static size_t extension_end(const unsigned char *s, size_t len, size_t p)
{
    size_t e = p + 1;
    while (e < len && e - p <= 5 && (CLS[s[e]] & (C_LO | C_DG)))
        e++;
    if (e - p < 3 || e - p > 5 || (e < len && (CLS[s[e]] & C_ALNUM)))
        return p + 1;
    return e;
}

/* A straight single quote at s[p]: a quotation mark, "''", or the start of
 * "'90s" or of the "'s" after a bracket or quote. */
static size_t squote(tk *t, size_t p, int after_space)
{
    const unsigned char *s = t->s;
    size_t len = t->len, e = p + 1;
    if (e < len && s[e] == '\'')
        return e + 1;
    if (e < len && (CLS[s[e]] & C_DG)) {   /* '90s, '72 */
        unsigned f;
        return run_end(s, len, e, &f);
    }
    if (!after_space && e < len && lower(s[e]) == 's' &&
        (e + 1 == len || !wordch_at(s, len, e + 1)))
        return e + 1;   /* "(IAEA)'s" */
    t->squote = after_space && e < len && !space_at(s, len, e);
    return e;
}

/* The punctuation (ASCII) at s[p]; returns where the next word may start. */
static size_t punct(tk *t, size_t p, int after_space)
{
    const unsigned char *s = t->s;
    size_t len = t->len, e = p + 1;
    unsigned f;
    if ((after_space || (p > 0 && (CLS[s[p - 1]] & C_ALPHA))) &&
        (e = p + emoticon(s, len, p)) > p) {
        add(t, p, e);
        return e;
    }
    e = p + 1;
    switch (s[p]) {
    case '.':   /* ".5", and ".doc" standing alone */
        if (e < len && (CLS[s[e]] & C_DG)) {
            e = run_end(s, len, e, &f);
            break;
        }
        if (after_space && (e = extension_end(s, len, p)) > p + 1)
            break;
        /* fall through */
    case '?': case '!':
        e = stops_end(s, len, p);
        break;
    case '\'':
        e = squote(t, p, after_space);
        break;
    case '#': case '@':   /* hashtags and handles */
        if (e < len && ((CLS[s[e]] & C_ALPHA) || (s[p] == '@' && (CLS[s[e]] & C_DG))))
            e = run_end(s, len, e, &f);
        else
            e = same_end(s, len, p, 1);
        break;
    case '+':             /* "+44", a country calling code */
        if (after_space && e < len && (CLS[s[e]] & C_DG)) {
            e = run_end(s, len, e, &f);
            break;
        }
        e = same_end(s, len, p, 1);
        break;
    case '-': case '*': case '=': case '_': case '~': case '<': case '>': case '$':
    case '^': case '|': case '`': case '/': case '\\':
        e = same_end(s, len, p, 1);
        break;
    default:
        break;
    }
    add(t, p, e);
    return e;
}

/* A non-ASCII punctuation mark or symbol cp of n bytes at s[p]. */
static size_t punct_u(tk *t, size_t p, int32_t cp, size_t n)
{
    size_t e = p + n;
    switch (cp) {
    case 0x2026:   /* … */
        e = stops_end(t->s, t->len, p);
        break;
    case 0x2018:   /* ‘ */
        t->squote = 1;
        e = same_end(t->s, t->len, p, n);
        break;
    case 0x2019:   /* ’ standing alone closes a quotation */
        t->squote = 0;
        e = same_end(t->s, t->len, p, n);
        break;
    case 0x2014: case 0x2013: case 0x201C: case 0x201D:
        e = same_end(t->s, t->len, p, n);
        break;
    default:
        break;
    }
    add(t, p, e);
    return e;
}

/* Cuts the whole text into words. */
static void scan(tk *t)
{
    const unsigned char *s = t->s;
    size_t len = t->len, p = 0;
    int after_space = 1;
    while (p < len && !t->nomem) {
        unsigned c = CLS[s[p]];
        if (c & C_SP) {
            if (s[p] == '\n')
                t->squote = 0;   /* quotations do not run over lines */
            p++;
            after_space = 1;
            continue;
        }
        if (c & C_ALNUM) {
            p = word(t, p);
        } else if (!(c & C_HI)) {
            p = punct(t, p, after_space);
        } else {
            size_t n;
            int32_t cp = u8_at(s, len, p, &n);
            int k = ukind(cp);
            if (k == K_SPACE) {
                p += n;
                after_space = 1;
                continue;
            }
            p = k == K_LETTER ? word(t, p) : punct_u(t, p, cp, n);
        }
        after_space = 0;
    }
}

/* ------------------------------------------------------------- sentences */

/* How a word may end a sentence. */
enum { E_NONE, E_STOP, E_MARK, E_DOTS, E_ABBR, E_TITLE };

static int end_kind(const unsigned char *s, const dy_utoken *w)
{
    size_t b = w->start, e = w->end;
    unsigned char c = s[b];
    if (c == '.' || c == '?' || c == '!' || c == 0xE2) {
        size_t dots = 0, marks = 0;
        for (size_t i = b; i < e;) {
            if (s[i] == '.') {
                dots++, i++;
            } else if (s[i] == '?' || s[i] == '!') {
                marks++, i++;
            } else if (e - i >= 3 && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0xA6) {
                dots += 3, i += 3;
            } else {
                return E_NONE;   /* ".5", a dash */
            }
        }
        return marks ? E_MARK : dots == 1 ? E_STOP : E_DOTS;
    }
    if (e - b >= 2 && s[e - 1] == '.' && CLS[c] != 0) {   /* kept its period */
        unsigned f = dy_ud_wordlist((const char *)s + b, e - 1 - b);
        return (f & DY_UDW_TITLE) ? E_TITLE : E_ABBR;
    }
    return E_NONE;
}

/* Is word i a closing quote or bracket, which stays with the sentence it
 * follows? A straight quote closes when it is glued to what precedes it or
 * stands alone between spaces. i > 0. */
static int is_closer(const unsigned char *s, const dy_utoken *w, size_t i)
{
    size_t b = w[i].start, n = w[i].end - b;
    unsigned char c = s[b];
    if (c == ')' || c == ']' || c == '}')
        return 1;
    if (c == '"' || c == '\'')
        return n == 1 ? !w[i - 1].space_after || w[i].space_after : s[b + 1] == '\'';
    if (n >= 3 && c == 0xE2 && s[b + 1] == 0x80 && (s[b + 2] == 0x9D || s[b + 2] == 0x99))
        return 1;   /* ” ’ */
    return n == 2 && c == 0xC2 && s[b + 1] == 0xBB;   /* » */
}

/* After "[17]", a footnote mark glued to the end of a sentence (Wikipedia):
 * the word after it; 0 if word j does not open one. */
static size_t footnote_end(const unsigned char *s, const dy_utoken *w, size_t n, size_t j)
{
    if (j + 2 >= n || s[w[j].start] != '[' || s[w[j + 2].start] != ']')
        return 0;
    for (size_t i = w[j + 1].start; i < w[j + 1].end; i++)
        if (!(CLS[s[i]] & C_DG))
            return 0;
    return j + 3;
}

/* Is word i an opening quote or bracket? */
static int is_opener(const unsigned char *s, const dy_utoken *w, size_t i)
{
    size_t b = w[i].start, n = w[i].end - b;
    unsigned char c = s[b];
    if (n == 1)
        return c == '(' || c == '[' || c == '{' || c == '"' || c == '\'';
    if (c == '`')
        return 1;
    if (n == 3 && c == 0xE2 && s[b + 1] == 0x80 && (s[b + 2] == 0x9C || s[b + 2] == 0x98))
        return 1;   /* “ ‘ */
    return n == 2 && c == 0xC2 && s[b + 1] == 0xAB;   /* « */
}

/* What the word at s[b] starts with, for deciding whether a sentence
 * starts there: a capital, a caseless letter, a digit, a currency sign or
 * a bullet may start one, a lower-case letter or other punctuation does not. */
static int may_start(const unsigned char *s, size_t len, size_t b)
{
    unsigned c = CLS[s[b]];
    if (c & (C_UP | C_DG))
        return 1;
    if (s[b] == '$' || s[b] == '#' || s[b] == '*' || s[b] == '-')
        return 1;   /* an amount, a number sign, a bullet */
    if (!(c & C_HI))
        return 0;
    size_t n;
    int32_t cp = u8_at(s, len, b, &n);
    if (cp < 0 || cp == 0x2022)
        return 1;   /* an invalid byte is a letter without case; a bullet */
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_ND:
        return 1;
    default:
        return 0;
    }
}

/* A full stop or question mark right after a word, then a lower-case
 * word: in careless text, a sentence the writer did not capitalise ("at
 * 303-555-0100. they have"); abbreviations have kept their period. An
 * exclamation mark after a name may belong to it: "Yahoo! and". */
static int lower_start(const unsigned char *s, const dy_utoken *w, size_t i, int kind)
{
    if ((kind != E_STOP && kind != E_MARK) || i == 0 || w[i - 1].space_after ||
        w[i - 1].end - w[i - 1].start < 2 || !(CLS[s[w[i + 1].start]] & C_LO))
        return 0;
    unsigned c = CLS[s[w[i - 1].start]];
    if (kind == E_MARK && s[w[i].start] == '!' && (c & C_UP))
        return 0;
    return (c & C_ALNUM) != 0;
}

/* Does a sentence start at word j, after word i of end kind `kind` and
 * the closing quotes between them? */
static int starts_at(const unsigned char *s, size_t len, const dy_utoken *w, size_t n,
                     size_t i, size_t j, int kind)
{
    size_t k = j;
    while (k < n && is_opener(s, w, k))
        k++;
    if (k == n)
        return 0;
    if (!may_start(s, len, w[k].start))
        return k == i + 1 && lower_start(s, w, i, kind);
    switch (kind) {
    case E_STOP: case E_MARK: case E_DOTS:
        return 1;
    case E_ABBR:   /* "Inc. The", but "U.S. Army" */
        return (dy_ud_wordlist((const char *)s + w[k].start, w[k].end - w[k].start) &
                DY_UDW_STARTER) != 0;
    default:
        return 0;
    }
}

/* Is there a blank line in s[b, e)? */
static int blank_line(const unsigned char *s, size_t b, size_t e)
{
    int lines = 0;
    for (size_t i = b; i < e; i++)
        if (s[i] == '\n' && ++lines == 2)
            return 1;
    return 0;
}

/* Marks the first word of every sentence: after a full stop, question or
 * exclamation mark (and the quotes closing after it) when a capital
 * follows, after an abbreviation when a typical opener follows, and at
 * blank lines. */
static void mark_sentences(const unsigned char *s, size_t len, dy_utoken *w, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (w[i - 1].end < w[i].start && blank_line(s, w[i - 1].end, w[i].start))
            w[i].sent_start = 1;
    for (size_t i = 0; i < n; i++) {
        int kind = end_kind(s, &w[i]);
        if (kind == E_NONE || w[i].sent_start)
            continue;   /* "... Now" opens a sentence: it does not end one */
        size_t j = i + 1;
        for (size_t k; j < n && !w[j].sent_start; j = k) {
            if (is_closer(s, w, j))
                k = j + 1;
            else if ((k = footnote_end(s, w, n, j)) == 0)
                break;
        }
        if (j < n && !w[j].sent_start && starts_at(s, len, w, n, i, j, kind))
            w[j].sent_start = 1;
        i = j - 1;
    }
}

/* Cuts every sentence longer than DY_SYN_MAX_WORDS words, never inside a
 * multiword token. */
static void cut_long(dy_utoken *w, size_t n)
{
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i].sent_start) {
            start = i;
            continue;
        }
        if (i - start < DY_SYN_MAX_WORDS)
            continue;
        size_t cut = i;
        for (size_t k = i; k > start && i - k < 256; k--)
            if (w[k - 1].mwt && k - 1 + w[k - 1].mwt > i) {
                cut = k - 1;
                break;
            }
        w[cut].sent_start = 1;
        start = i = cut;
    }
}

dyad_status dy_ud_tokenize(dy_arena *a, const char *text, size_t len, int one_sentence,
                           dy_utoken **out, size_t *n, dyad_error *err)
{
    if (!a || !out || !n || (!text && len > 0))
        return dy_error_set(err, DYAD_ERR_ARG, "dy_ud_tokenize", 0, "bad arguments");
    *out = NULL;
    *n = 0;
    tk t = {.a = a, .s = (const unsigned char *)text, .len = len};
    scan(&t);
    if (t.nomem)
        return dy_error_set(err, DYAD_ERR_NOMEM, "dy_ud_tokenize", 0,
                            "no memory for the words of a %zu-byte text", len);
    if (t.n) {
        t.w[0].sent_start = 1;
        if (!one_sentence)
            mark_sentences(t.s, len, t.w, t.n);
        cut_long(t.w, t.n);
    }
    *out = t.w;
    *n = t.n;
    return DYAD_OK;
}
