/* tokenize.c — TABARI's input filtering (tabari-manual 7.3): one sentence of
 * story text to upper-case words that remember their byte range. */
#include "text/token.h"

#include <string.h>
#include <utf8proc.h>

#include "base/error.h"
#include "text/fold.h"

/* TABARI ends a word at 63 characters; we cut it into pieces of at most this
 * many bytes (nothing is dropped) so the rest of the sentence still parses. */
#define DY_WORD_MAX 63

/* What the previous source character was; the period rules look back at it. */
enum prev_kind { P_OTHER, P_LOWER, P_UPPER, P_DIGIT, P_PERIOD };

typedef struct tk {
    dy_arena *arena;
    const char *text;
    size_t end;              /* of the range being tokenized */
    dy_token *v;
    size_t n, alloc, cap;    /* tokens made, room in v, most allowed */
    int nomem;
    char *p, *buf_end;       /* write cursor in the packed string block */
    int truncated;
    int prev;                /* prev_kind */
    int any_lower, any_upper;
    /* the word being built: its bytes are w_text[0, p - w_text) */
    int in_word;
    char *w_text;
    size_t w_start, w_end_keep;  /* source range, less trailing apostrophes */
    char *w_keep;                /* write cursor after the last non-apostrophe */
    int w_first_upper, w_lower, w_upper, w_periods;
} tk;

/* Word-at-a-time classification of ASCII bytes (GCC and Clang on
 * little-endian machines): byte k of the word is byte k of the text. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define DY_SWAR 1
#define SW_ONES 0x0101010101010101ull
#define SW_HIGHS 0x8080808080808080ull
/* High bit of each byte of x (all below 0x80) that lies in [lo, hi]. */
static inline uint64_t sw_range(uint64_t x, unsigned lo, unsigned hi)
{
    uint64_t ge = x + SW_ONES * (0x80u - lo);   /* high bit: byte >= lo */
    uint64_t gt = x + SW_ONES * (0x7Fu - hi);   /* high bit: byte > hi */
    return ge & ~gt & SW_HIGHS;
}
#else
#define DY_SWAR 0
#endif

static inline int is_digit(int c) { return c >= '0' && c <= '9'; }

/* Closes the word in progress; a word of only apostrophes is no word. */
static inline void word_end(tk *t)
{
    if (!t->in_word)
        return;
    t->in_word = 0;
    t->p = t->w_keep;
    if (t->w_keep == t->w_text)
        return;
    *t->p++ = '\0';
    dy_token *k = &t->v[t->n++];
    k->text = t->w_text;
    k->len = (uint32_t)(t->w_keep - t->w_text);
    k->start = t->w_start;
    k->end = t->w_end_keep;
    uint32_t fl = 0;
    if (t->w_first_upper)
        fl |= DY_TOK_CAPITALIZED;
    if (t->w_upper && !t->w_lower)
        fl |= DY_TOK_ALLCAPS;
    if (is_digit((unsigned char)t->w_text[0]))
        fl |= DY_TOK_NUMBER;
    k->flags = fl;
}

/* Room for one more token? Grows the array (in the arena) by doubling, and
 * records truncation when the limit is reached. */
static int room(tk *t)
{
    if (t->n < t->alloc)
        return 1;
    if (t->n >= t->cap) {
        t->truncated = 1;
        return 0;
    }
    size_t na = t->alloc * 2 < t->cap ? t->alloc * 2 : t->cap;
    dy_token *nv = dy_arena_alloc(t->arena, na * sizeof *nv);
    if (!nv) {
        t->nomem = 1;
        return 0;
    }
    memcpy(nv, t->v, t->n * sizeof *nv);
    t->v = nv;
    t->alloc = na;
    return 1;
}

static int word_begin(tk *t, size_t src, int letter_case)
{
    if (!room(t))
        return 0;
    t->in_word = 1;
    t->w_text = t->w_keep = t->p;
    t->w_start = t->w_end_keep = src;
    t->w_first_upper = letter_case == DY_CASE_UPPER;
    t->w_lower = t->w_upper = t->w_periods = 0;
    return 1;
}

/* Appends m bytes made from source range [s, e) to the word, starting one if
 * needed; keep is 0 for apostrophes, which a word may not end with. */
static int word_put(tk *t, const char *b, size_t m, size_t s, size_t e,
                    int letter_case, int keep)
{
    if (t->in_word && (size_t)(t->p - t->w_text) + m > DY_WORD_MAX)
        word_end(t);
    if (!t->in_word && !word_begin(t, s, letter_case))
        return 0;
    if (t->p + m + 1 > t->buf_end)   /* only absurd expansions get here */
        return 1;
    memcpy(t->p, b, m);
    t->p += m;
    if (letter_case == DY_CASE_UPPER) {
        t->w_upper = 1;
        t->any_upper = 1;
    } else if (letter_case == DY_CASE_LOWER) {
        t->w_lower = 1;
        t->any_lower = 1;
    }
    if (keep) {
        t->w_keep = t->p;
        t->w_end_keep = e;
    }
    return 1;
}

/* A token of its own: comma, quote or bracket. */
static int single(tk *t, char c, uint32_t flag, size_t s, size_t e)
{
    word_end(t);
    if (!room(t))
        return 0;
    if (t->p + 2 > t->buf_end)
        return 1;
    dy_token *k = &t->v[t->n++];
    k->text = t->p;
    k->len = 1;
    k->flags = flag;
    k->start = s;
    k->end = e;
    *t->p++ = c;
    *t->p++ = '\0';
    return 1;
}

/* Byte after e in the range, or 0. */
static inline int next_byte(const tk *t, size_t e)
{
    return e < t->end ? (unsigned char)t->text[e] : 0;
}

/* One ASCII character c standing for source bytes [s, e). Returns 0 once the
 * token limit is reached. */
static int ascii(tk *t, int c, size_t s, size_t e)
{
    int prev = t->prev;
    t->prev = P_OTHER;
    if (c >= 'a' && c <= 'z') {
        char u = (char)(c - ('a' - 'A'));
        t->prev = P_LOWER;
        return word_put(t, &u, 1, s, e, DY_CASE_LOWER, 1);
    }
    if (c >= 'A' && c <= 'Z') {
        char u = (char)c;
        t->prev = P_UPPER;
        return word_put(t, &u, 1, s, e, DY_CASE_UPPER, 1);
    }
    if (is_digit(c)) {
        char u = (char)c;
        t->prev = P_DIGIT;
        return word_put(t, &u, 1, s, e, DY_CASE_NONE, 1);
    }
    switch (c) {
    case '.': {
        int nx = next_byte(t, e);
        int keep = 0;
        if (prev == P_UPPER && t->in_word)
            keep = !(nx == '.' && t->w_periods == 0);   /* "SAID..." is an ellipsis */
        else if (prev == P_DIGIT && t->in_word)
            keep = is_digit(nx);                         /* 3.5 */
        else if (prev != P_PERIOD && !t->in_word)
            keep = is_digit(nx);                         /* .5 */
        t->prev = P_PERIOD;
        if (!keep) {
            word_end(t);
            return 1;
        }
        t->w_periods++;
        return word_put(t, ".", 1, s, e, DY_CASE_NONE, 1);
    }
    case ',':
        if (t->in_word && prev == P_DIGIT && is_digit(next_byte(t, e))) {
            t->prev = P_DIGIT;                           /* 1,500 -> 1500 */
            return 1;
        }
        return single(t, ',', DY_TOK_COMMA, s, e);
    case ';':
        return single(t, ',', DY_TOK_COMMA, s, e);
    case '"':
        return single(t, '"', DY_TOK_QUOTE, s, e);
    case ':':
        if (t->in_word && prev == P_DIGIT && is_digit(next_byte(t, e)))
            return word_put(t, ":", 1, s, e, DY_CASE_NONE, 1);   /* 10:30 */
        return single(t, ':', DY_TOK_PUNCT, s, e);
    case '(': case ')': case '[': case ']': case '{': case '}':
        return single(t, (char)c, DY_TOK_PUNCT, s, e);
    case '\'': case '`':
        if (t->in_word)
            return word_put(t, "'", 1, s, e, DY_CASE_NONE, 0);
        return 1;                                        /* no leading apostrophes */
    case '?': case '!': case '-': case '_':
        word_end(t);   /* '_' too: TABARI reads "Dol_Amroth" as two words */
        return 1;
    case '$': case '%': case '&': case '#': case '@': case '+':
    case '=': case '<': case '>': case '|': case '~': case '^': case '*':
    case '\\': case '/': {
        char u = (char)c;
        return word_put(t, &u, 1, s, e, DY_CASE_NONE, 1);
    }
    default:                                             /* blanks, controls, NUL */
        word_end(t);
        return 1;
    }
}

/* One code point >= 0x80 at [s, e). */
static int wide(tk *t, int32_t cp, size_t s, size_t e)
{
    dy_fold f;
    dy_fold_codepoint(cp, &f);
    switch (f.kind) {
    case DY_FOLD_IGNORE:
        return 1;
    case DY_FOLD_ASCII:
        return ascii(t, (unsigned char)f.ascii, s, e);
    case DY_FOLD_WORD:
        t->prev = f.letter_case == DY_CASE_LOWER ? P_LOWER
                : f.letter_case == DY_CASE_UPPER ? P_UPPER : P_OTHER;
        return word_put(t, f.out, f.len, s, e, f.letter_case, 1);
    default:
        t->prev = P_OTHER;
        word_end(t);
        return 1;
    }
}

/* Index just past the end of the comment opened at i ("/" "*"), or end. */
static size_t skip_comment(const char *text, size_t i, size_t end)
{
    for (size_t j = i + 2; j + 1 < end; j++)
        if (text[j] == '*' && text[j + 1] == '/')
            return j + 2;
    return end;
}

/* A sentence-final period kept after a capital ("SAID." in an all-caps
 * sentence, "UN.") goes, unless the word is an abbreviation like "U.S.". */
static void drop_final_period(tk *t)
{
    size_t i = t->n;
    while (i > 0 && (t->v[i - 1].flags & (DY_TOK_QUOTE | DY_TOK_PUNCT)))
        i--;
    if (i == 0)
        return;
    dy_token *k = &t->v[i - 1];
    if (k->len < 2 || k->text[k->len - 1] != '.' || (k->flags & DY_TOK_NUMBER))
        return;
    if (memchr(k->text, '.', k->len - 1))
        return;
    ((char *)k->text)[--k->len] = '\0';
    k->end--;
}

dyad_status dy_tokenize(dy_arena *a, const char *text, size_t start, size_t end,
                        size_t max_tokens, dy_tokens *out, int *truncated,
                        dyad_error *err)
{
    if (truncated)
        *truncated = 0;
    if (!a || !out || start > end || (!text && end > start))
        return dy_error_set(err, DYAD_ERR_ARG, "dy_tokenize", 0,
                            "bad arguments (range %zu-%zu)", start, end);
    out->v = NULL;
    out->n = 0;
    out->all_caps = 0;
    size_t len = end - start;
    if (len == 0)
        return DYAD_OK;

    /* Every token eats at least one source byte; every token's text is at
     * most DY_WORD_MAX bytes plus a NUL, and ASCII at most doubles. Words
     * average five bytes or more, so len/4 tokens rarely need to grow. */
    tk t;
    memset(&t, 0, sizeof t);
    t.arena = a;
    t.text = text;
    t.end = end;
    t.cap = max_tokens < len ? max_tokens : len;
    t.alloc = len / 4 + 16 < t.cap ? len / 4 + 16 : t.cap;
    size_t bytes = 2 * len + 2 * DY_FOLD_MAX;
    if (t.cap < bytes / (DY_WORD_MAX + 1))
        bytes = t.cap * (DY_WORD_MAX + 1) + DY_FOLD_MAX;
    t.v = t.alloc ? dy_arena_alloc(a, t.alloc * sizeof *t.v) : NULL;
    t.p = dy_arena_alloc(a, bytes);
    if ((t.alloc && !t.v) || !t.p)
        return dy_error_set(err, DYAD_ERR_NOMEM, "dy_tokenize", 0,
                            "no memory for %zu bytes of text", len);
    t.buf_end = t.p + bytes;

    const unsigned char *u = (const unsigned char *)text;
    size_t i = start;
    while (i < end) {
        unsigned c = u[i];
        /* a word opening with an ASCII letter or digit is begun here (as
         * ascii() would) and filled by the fast path below */
        if (!t.in_word && (c - 'a' < 26u || c - 'A' < 26u || c - '0' < 10u)) {
            int lc = c - 'a' < 26u ? DY_CASE_LOWER : c - 'A' < 26u ? DY_CASE_UPPER : DY_CASE_NONE;
            if (!word_begin(&t, i, lc))
                break;
        }
        /* fast path: a run of ASCII letters and digits inside a word, in
         * locals (t's fields live in memory: it is passed to the helpers) */
        if (t.in_word && t.p < t.buf_end - 1) {
            char *limit = t.w_text + DY_WORD_MAX;
            if (limit > t.buf_end - 1)
                limit = t.buf_end - 1;
            char *p = t.p;
            if (limit < p)
                limit = p;
            size_t j = i, stop = end - i;
            if ((size_t)(limit - p) < stop)
                stop = (size_t)(limit - p);   /* one byte written per byte read */
            stop += i;
            int lower = 0, upper = 0, stopped = 0;
#if DY_SWAR
            /* eight bytes at a time while they are letters and digits; the
             * byte loop below finishes the word */
            while (j + 8 <= stop) {
                uint64_t x, letter, digit, bad, lows, m;
                memcpy(&x, u + j, 8);
                uint64_t x7 = x & ~SW_HIGHS;   /* no carries between bytes */
                letter = sw_range(x7 | SW_ONES * 0x20, 'a', 'z');
                digit = sw_range(x7, '0', '9');
                bad = ~((letter | digit) & ~x) & SW_HIGHS;
                unsigned n = bad ? (unsigned)__builtin_ctzll(bad) >> 3 : 8;
                stopped = n < 8;   /* u[j + n] ends the run: no byte loop */
                if (n == 0)
                    break;
                m = n == 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * n)) - 1;
                letter &= m;
                lows = (letter >> 2) & x;            /* bit 5 of lower-case letters */
                if (lows)
                    lower = 1;
                if (letter & ~(lows << 2))
                    upper = 1;
                x &= ~lows;
                memcpy(p, &x, 8);                    /* room: j + 8 <= stop */
                p += n;
                j += n;
                if (n < 8)
                    break;
            }
#endif
            while (!stopped && j < stop) {
                c = u[j];
                if (c - 'a' < 26u) {
                    *p++ = (char)(c - ('a' - 'A'));
                    lower = 1;
                } else if (c - 'A' < 26u) {
                    *p++ = (char)c;
                    upper = 1;
                } else if (c - '0' < 10u) {
                    *p++ = (char)c;
                } else {
                    break;
                }
                j++;
            }
            if (j != i) {
                unsigned last = u[j - 1];
                t.p = t.w_keep = p;
                t.w_end_keep = j;
                t.prev = last - 'a' < 26u ? P_LOWER : last - 'A' < 26u ? P_UPPER : P_DIGIT;
                i = j;
            }
            if (lower)
                t.w_lower = t.any_lower = 1;
            if (upper)
                t.w_upper = t.any_upper = 1;
            if (i >= end)
                break;
            c = u[i];
        }
        int ok;
        if (c == ' ') {   /* what ascii() does with a blank, without the call */
            word_end(&t);
            t.prev = P_OTHER;
            i++;
            continue;
        }
        if (c < 0x80) {
            if (c == '/' && i + 1 < end && u[i + 1] == '*') {
                word_end(&t);
                t.prev = P_OTHER;
                i = skip_comment(text, i, end);
                continue;
            }
            ok = ascii(&t, (int)c, i, i + 1);
            i++;
        } else {
            utf8proc_int32_t cp;
            utf8proc_ssize_t m = utf8proc_iterate(u + i, (utf8proc_ssize_t)(end - i), &cp);
            if (m <= 0) {                       /* invalid UTF-8: one blank byte */
                word_end(&t);
                t.prev = P_OTHER;
                i++;
                continue;
            }
            ok = wide(&t, cp, i, i + (size_t)m);
            i += (size_t)m;
        }
        if (!ok)
            break;
    }
    if (t.nomem)
        return dy_error_set(err, DYAD_ERR_NOMEM, "dy_tokenize", 0,
                            "no memory for %zu tokens", t.n);
    if (!t.truncated) {
        word_end(&t);
        drop_final_period(&t);
    }

    out->v = t.v;
    out->n = t.n;
    out->all_caps = t.any_upper && !t.any_lower;
    if (truncated)
        *truncated = t.truncated;
    return DYAD_OK;
}
