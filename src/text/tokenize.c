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

/* What an ASCII byte is to the word loops: one table load instead of three
 * range tests per byte. */
enum { C_LOWER = 1, C_UPPER = 2, C_DIGIT = 4, C_ALNUM = C_LOWER | C_UPPER | C_DIGIT };
#define C_ROW(c) ((c) >= 'a' && (c) <= 'z' ? C_LOWER : (c) >= 'A' && (c) <= 'Z' ? C_UPPER \
                  : (c) >= '0' && (c) <= '9' ? C_DIGIT : 0)
#define C_ROW4(c) C_ROW(c), C_ROW((c) + 1), C_ROW((c) + 2), C_ROW((c) + 3)
#define C_ROW16(c) C_ROW4(c), C_ROW4((c) + 4), C_ROW4((c) + 8), C_ROW4((c) + 12)
static const unsigned char char_class[256] = {
    C_ROW16(0x00), C_ROW16(0x10), C_ROW16(0x20), C_ROW16(0x30),
    C_ROW16(0x40), C_ROW16(0x50), C_ROW16(0x60), C_ROW16(0x70),
};   /* bytes >= 0x80 are 0: never part of an ASCII run */

/* x86-64 always has SSE2: sixteen bytes of a word are classified and
 * upper-cased at once; elsewhere, and for the last few bytes, byte by byte. */
#include "text/simd.h"

#if DY_SSE2
/* Copies the sixteen bytes at u to out, upper-cased; returns how many of
 * them open with ASCII letters and digits, and ORs bits of those that are
 * letters (bit b: byte b) into *letters, of lower-case ones into *lows. */
static inline unsigned block16(const unsigned char *u, char *out, unsigned *letters,
                               unsigned *lows)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)u);
    __m128i lower = dy_in_range(x, 'a', 'z');
    __m128i letter = dy_in_range(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 'z');
    __m128i digit = dy_in_range(x, '0', '9');
    unsigned alnum = (unsigned)_mm_movemask_epi8(_mm_or_si128(letter, digit));
    unsigned n = (unsigned)__builtin_ctz(~alnum);   /* <= 16 */
    unsigned run = (1u << n) - 1;
    *lows |= (unsigned)_mm_movemask_epi8(lower) & run;
    *letters |= (unsigned)_mm_movemask_epi8(letter) & run;
    _mm_storeu_si128((__m128i *)(void *)out, _mm_sub_epi8(x, _mm_and_si128(lower, _mm_set1_epi8(0x20))));
    return n;
}

/* C_LOWER and C_UPPER from block16's bits. */
static inline unsigned block_cases(unsigned letters, unsigned lows)
{
    return (lows ? C_LOWER : 0) | (letters & ~lows ? C_UPPER : 0);
}
#endif

/* Copies the run of ASCII letters and digits that starts at u[i] and ends by
 * stop to out, upper-cased (out has room for stop - i bytes). Returns where
 * the run ends; *cases gets C_LOWER and C_UPPER for the letters seen. */
static inline size_t copy_alnum(const unsigned char *u, size_t i, size_t stop, char *out,
                                unsigned *cases)
{
    size_t j = i;
    unsigned k = 0;
#if DY_SSE2
    unsigned lows = 0, letters = 0;
    while (j + 16 <= stop) {
        unsigned n = block16(u + j, out + (j - i), &letters, &lows);   /* j + 16 <= stop */
        j += n;
        if (n < 16)
            break;
    }
    k = block_cases(letters, lows);
    if (j + 16 > stop)   /* else the run ended inside the last block */
#endif
        for (; j < stop; j++) {
            unsigned c = u[j], kc = char_class[c];
            if (!kc)
                break;
            out[j - i] = (char)(kc == C_LOWER ? c - ('a' - 'A') : c);
            k |= kc;
        }
    *cases = k & (C_LOWER | C_UPPER);
    return j;
}

static inline int is_digit(int c) { return c >= '0' && c <= '9'; }

/* Closes the word in progress; a word of only apostrophes is no word. */
/* "U.S", "U.K", "U.S.A": capitals joined by periods, the last one missing,
 * as news often writes them. */
static int bare_initialism(const char *w, size_t n)
{
    if (n < 3 || n % 2 == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (i % 2 ? w[i] != '.' : !(w[i] >= 'A' && w[i] <= 'Z'))
            return 0;
    return 1;
}

static inline void word_end(tk *t)
{
    if (!t->in_word)
        return;
    t->in_word = 0;
    t->p = t->w_keep;
    if (t->w_keep == t->w_text)
        return;
    size_t len = (size_t)(t->w_keep - t->w_text);
    /* gets its final period back, so that U.S matches the dictionaries'
     * U.S. (and U.S._ARMY_ and the rest); the span stays the source's */
    if (t->w_periods && bare_initialism(t->w_text, len) && t->p + 2 <= t->buf_end) {
        *t->p++ = '.';
        len++;
    }
    *t->p++ = '\0';
    dy_token *k = &t->v[t->n++];
    k->text = t->w_text;
    k->len = (uint32_t)len;
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

/* Bytes left in the text block for a word's text, less its NUL. */
static inline size_t text_room(const tk *t)
{
    size_t left = (size_t)(t->buf_end - t->p);
    return left ? left - 1 : 0;
}

/* The prev_kind an ASCII letter or digit leaves. */
static inline int prev_of(unsigned c)
{
    unsigned k = char_class[c];
    return k == C_LOWER ? P_LOWER : k == C_UPPER ? P_UPPER : P_DIGIT;
}

/* Flags a word has from the class of its first byte. */
static const uint32_t first_flags[C_ALNUM + 1] = {
    [C_UPPER] = DY_TOK_CAPITALIZED, [C_DIGIT] = DY_TOK_NUMBER,
};

/* The common case, from u[i], a letter or digit outside a word, with room
 * for a whole word in the text block and in the token array: words of ASCII
 * letters and digits that a blank or the end closes (most words of news
 * text) become tokens at once, in locals. Stops before a byte that is not a
 * letter or digit, when either room runs short, or at a run that something
 * else follows (punctuation, an apostrophe, a letter beyond ASCII, the
 * DY_WORD_MAX cut), left as the word in progress just as word_begin and
 * word_put would have left it. Returns where it stopped, past u[i]. */
static size_t plain_words(tk *t, const unsigned char *u, size_t i, size_t end)
{
    char *p = t->p;
    const char *buf_end = t->buf_end;
    dy_token *k = t->v + t->n, *k_end = t->v + t->alloc;
    unsigned seen = 0, cls = char_class[u[i]];
    for (;;) {
        size_t j;
        unsigned cases;
#if DY_SSE2
        unsigned letters = 0, lows = 0, n16;
        if (end - i >= 16 && (n16 = block16(u + i, p, &letters, &lows)) < 16) {
            j = i + n16;   /* a word shorter than sixteen bytes: one block */
            cases = block_cases(letters, lows);
        } else
#endif
            j = copy_alnum(u, i, end - i > DY_WORD_MAX ? i + DY_WORD_MAX : end, p, &cases);
        seen |= cases;
        if (j < end && u[j] != ' ') {
            t->in_word = 1;
            t->w_text = p;
            t->w_start = i;
            t->w_end_keep = j;
            t->w_first_upper = cls == C_UPPER;
            t->w_lower = (cases & C_LOWER) != 0;
            t->w_upper = (cases & C_UPPER) != 0;
            t->w_periods = 0;
            p += j - i;
            t->w_keep = p;
            t->prev = prev_of(u[j - 1]);
            i = j;
            break;
        }
        size_t n = j - i;
        p[n] = '\0';
        k->text = p;
        k->len = (uint32_t)n;
        k->start = i;
        k->end = j;
        k->flags = first_flags[cls] | (cases == C_UPPER ? DY_TOK_ALLCAPS : 0);
        k++;
        p += n + 1;
        t->prev = P_OTHER;   /* what the blank leaves; nothing reads it at the end */
        if (j >= end - 1) {  /* the end, or a blank just before it */
            i = end;
            break;
        }
        i = j + 1;
        cls = char_class[u[i]];
        if (!cls || k == k_end || (size_t)(buf_end - p) <= DY_WORD_MAX)
            break;
    }
    t->p = p;
    t->n = (size_t)(k - t->v);
    if (seen & C_LOWER)
        t->any_lower = 1;
    if (seen & C_UPPER)
        t->any_upper = 1;
    return i;
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
        unsigned c = u[i], cls = char_class[c];
        if (!t.in_word && cls && text_room(&t) > DY_WORD_MAX) {
            if (t.n == t.alloc && !room(&t))
                break;
            i = plain_words(&t, u, i, end);
            if (!t.in_word)
                continue;
            c = u[i];   /* what goes on with the word */
        } else if (cls) {
            /* letters and digits going on with a word begun by something
             * else ("don't", "ERDOĞAN"), or one begun where the text block
             * is nearly full: the same copy, limited by both */
            if (!t.in_word && !word_begin(&t, i, cls == C_LOWER   ? DY_CASE_LOWER
                                                 : cls == C_UPPER ? DY_CASE_UPPER
                                                                  : DY_CASE_NONE))
                break;
            size_t used = (size_t)(t.p - t.w_text);
            size_t stop = end - i, space = text_room(&t);
            size_t left = used < DY_WORD_MAX ? DY_WORD_MAX - used : 0;
            if (stop > left)
                stop = left;
            if (stop > space)
                stop = space;
            unsigned cases = 0;
            size_t j = copy_alnum(u, i, i + stop, t.p, &cases);
            if (cases & C_LOWER)
                t.w_lower = t.any_lower = 1;
            if (cases & C_UPPER)
                t.w_upper = t.any_upper = 1;
            if (j != i) {
                t.p = t.w_keep = t.p + (j - i);
                t.w_end_keep = i = j;
                t.prev = prev_of(u[j - 1]);
                if (i >= end)
                    break;
                c = u[i];
            }
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
