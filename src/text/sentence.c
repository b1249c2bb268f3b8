/* sentence.c — splits a story into sentences: full stops, '?', '!', blank
 * lines, minus the abbreviations, initials and decimals that fool naive splitters. */
#include "text/token.h"
#include "text/simd.h"

#include <string.h>
#include <utf8proc.h>

#include "base/error.h"
#include "text/fold.h"

/* Abbreviations that never end a sentence: a name always follows. */
static const char *const TITLES[] = {
    "Mr", "Mrs", "Ms", "Dr", "Messrs", "Mme", "Mlle", "Gen", "Gens", "Lt", "Col",
    "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig", "Gov",
    "Sen", "Sens", "Rep", "Reps", "Prof", "Rev", "Hon", "Pres", "Supt", "Insp",
    "Fr", "Atty", "Amb", "St", "Ste", "Mt", "Ft", "vs", "v", NULL
};

/* Never end a sentence when a number follows ("Jan. 5", "No. 10"). */
static const char *const BEFORE_NUMBER[] = {
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "No", "Nos", "Art", "Fig", "Vol", "pp", "p", "Ch", "Sec", NULL
};

/* End a sentence only before a typical sentence opener ("Inc. The ..."). */
static const char *const OTHER_ABBREVS[] = {
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "Inc", "Corp", "Ltd", "Co", "Cos", "Bros", "Jr", "Sr", "etc", "approx",
    "est", "Dept", "Univ", "Govt", "Assn", "Ave", "Blvd", "Rd", "No",
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind",
    "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb",
    "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", NULL
};

/* Words that typically open a sentence; after "U.S." or "Inc." they mean the
 * full stop also ended the sentence. */
static const char *const STARTERS[] = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That",
    "These", "Those", "There", "Their", "His", "Her", "Its", "Our", "But", "And",
    "Or", "So", "Yet", "In", "On", "At", "As", "For", "From", "With", "By", "After",
    "Before", "When", "While", "If", "Although", "Though", "Since", "However",
    "Meanwhile", "Also", "Still", "Now", "Then", "Some", "Many", "Most", "Others",
    "All", "No", "Earlier", "Later", "Last", "Both", "Such", "What", "Why", "How",
    "Who", "Officials", "Police", NULL
};

#define ABBREV_MAX 32   /* longer words are never abbreviations */

static int in_list(const char *const *list, const char *w, size_t n)
{
    for (; *list; list++)
        if (strlen(*list) == n && memcmp(*list, w, n) == 0)
            return 1;
    return 0;
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Length of a sentence-ending mark at s[i] ('.', '?', '!', '…', CJK and
 * fullwidth forms), 0 if none; *question is set for everything but '.'. */
static size_t end_mark(const unsigned char *s, size_t len, size_t i, int *question, int *dots)
{
    unsigned char c = s[i];
    if (c == '.') {
        ++*dots;
        return 1;
    }
    if (c == '?' || c == '!') {
        *question = 1;
        return 1;
    }
    if (c < 0x80 || i + 2 >= len)
        return 0;
    if (c == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0xA6) {           /* … */
        *dots += 3;
        return 3;
    }
    if ((c == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x82) ||         /* 。 */
        (c == 0xEF && s[i + 1] == 0xBC && (s[i + 2] == 0x9F || s[i + 2] == 0x81))) {
        *question = 1;                                                  /* ？ ！ */
        return 3;
    }
    return 0;
}

/* Length of a closing quote or bracket at s[i], 0 if none. */
static size_t closer(const unsigned char *s, size_t len, size_t i)
{
    unsigned char c = s[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}')
        return 1;
    if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && (s[i + 2] == 0x9D || s[i + 2] == 0x99))
        return 3;                                                       /* ” ’ */
    if (c == 0xC2 && i + 1 < len && s[i + 1] == 0xBB)
        return 2;                                                       /* » */
    return 0;
}

/* Length of an opening quote or bracket at s[i], 0 if none. */
static size_t opener(const unsigned char *s, size_t len, size_t i)
{
    unsigned char c = s[i];
    if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '{')
        return 1;
    if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && (s[i + 2] == 0x9C || s[i + 2] == 0x98))
        return 3;                                                       /* “ ‘ */
    if (c == 0xC2 && i + 1 < len && s[i + 1] == 0xAB)
        return 2;                                                       /* « */
    return 0;
}

enum next_kind { N_END, N_LOWER, N_UPPER, N_OTHER };

/* What starts the text at s[q]: lower-case letter, capital (or a letter
 * without case, or a digit), end of text. */
static int next_kind(const unsigned char *s, size_t len, size_t q)
{
    if (q >= len)
        return N_END;
    if (is_lower(s[q]))
        return N_LOWER;
    if (is_upper(s[q]) || is_digit(s[q]))
        return N_UPPER;
    if (s[q] >= 0x80) {
        utf8proc_int32_t cp;
        if (utf8proc_iterate(s + q, (utf8proc_ssize_t)(len - q), &cp) > 0) {
            int c = dy_fold_case(cp);
            if (c == DY_CASE_LOWER)
                return N_LOWER;
            if (c == DY_CASE_UPPER || utf8proc_category(cp) == UTF8PROC_CATEGORY_LO)
                return N_UPPER;
        }
    }
    return N_OTHER;
}

/* Sentences may open with a bullet or an amount ("$5 billion ..."), not with
 * other punctuation: "(Salaam Bombay!) - nominated", ". . .", ":-)". */
static int bullet_or_currency(const unsigned char *s, size_t len, size_t q)
{
    if (s[q] == '$' || s[q] == '#' || s[q] == '*')
        return 1;
    utf8proc_int32_t cp;
    if (s[q] < 0x80 || utf8proc_iterate(s + q, (utf8proc_ssize_t)(len - q), &cp) <= 0)
        return 0;
    return cp == 0x2022 || cp == 0x25CF || cp == 0x25AA ||
           utf8proc_category(cp) == UTF8PROC_CATEGORY_SC;
}

/* Is the word at s[q] a typical sentence opener? */
static int starter_at(const unsigned char *s, size_t len, size_t q)
{
    size_t e = q;
    while (e < len && e - q <= ABBREV_MAX && (is_upper(s[e]) || is_lower(s[e])))
        e++;
    return e > q && in_list(STARTERS, (const char *)s + q, e - q);
}

/* "U.S", "a.m", "U.S.S.R", "Ph.D": letters in groups of one or two. */
static int dotted(const unsigned char *w, size_t n)
{
    size_t run = 0, groups = 1;
    for (size_t i = 0; i < n; i++) {
        if (w[i] == '.') {
            if (run == 0)
                return 0;
            run = 0;
            groups++;
        } else if (is_upper(w[i]) || is_lower(w[i])) {
            if (++run > 2)
                return 0;
        } else {
            return 0;
        }
    }
    return groups > 1 && run > 0;
}

/* Does a single '.' at s[i] end the sentence, given what follows at q? */
static int period_ends(const unsigned char *s, size_t len, size_t i, size_t q)
{
    size_t ws = i;
    while (ws > 0 && i - ws <= ABBREV_MAX && !is_space(s[ws - 1]) &&
           s[ws - 1] != '"' && s[ws - 1] != '(' && s[ws - 1] != '[' && s[ws - 1] != '\'')
        ws--;
    const char *w = (const char *)s + ws;
    size_t n = i - ws;
    if (n == 0 || n > ABBREV_MAX)
        return 1;
    if (in_list(TITLES, w, n))
        return 0;
    if (is_digit(s[q]) && in_list(BEFORE_NUMBER, w, n))
        return 0;
    if ((n == 1 && is_upper((unsigned char)w[0])) || dotted((const unsigned char *)w, n) ||
        in_list(OTHER_ABBREVS, w, n))
        return starter_at(s, len, q);
    return 1;
}

/* If the end mark at s[i] ends a sentence, returns 1 and sets *stop to the
 * sentence end (after closing quotes); *resume is where scanning goes on. */
static int sentence_end(const unsigned char *s, size_t len, size_t i,
                        size_t *stop, size_t *resume)
{
    int question = 0, dots = 0;
    size_t j = i, m;
    while (j < len && (m = end_mark(s, len, j, &question, &dots)) > 0)
        j += m;
    *resume = j;
    size_t k = j;
    int quoted = 0;                            /* a quote closes after the mark */
    while (k < len && (m = closer(s, len, k)) > 0) {
        quoted |= s[k] != ')' && s[k] != ']' && s[k] != '}';
        k += m;
    }
    if (k < len && !is_space(s[k]))
        return 0;                              /* 3.5, U.S.-led, "e.g.," */
    size_t q = k;
    while (q < len && is_space(s[q]))
        q++;
    /* A quote standing alone after the stop closes the quotation: 'no. " He' */
    if (q < len && (m = closer(s, len, q)) > 0 && s[q] != ')' &&
        (q + m == len || is_space(s[q + m]))) {
        k = q + m;
        quoted = 1;
        q = k;
        while (q < len && is_space(s[q]))
            q++;
    }
    /* An ellipsis inside a quotation marks an omission, not an end. */
    if (dots > 1 && !question && !quoted)
        return 0;
    while (q < len && (m = opener(s, len, q)) > 0)
        q += m;
    int next = next_kind(s, len, q);
    if (next == N_LOWER || (next == N_OTHER && !bullet_or_currency(s, len, q)))
        return 0;
    if (next != N_END && !question && dots == 1 && !period_ends(s, len, i, q))
        return 0;
    *stop = k;
    *resume = k;
    return 1;
}

/* Counts [b, e) less surrounding white space, if anything is left, and
 * writes it to out[*n] while *n < cap. */
static void emit(const unsigned char *s, size_t b, size_t e, dyad_span *out, size_t cap,
                 size_t *n)
{
    while (b < e && (is_space(s[b]) || s[b] == 0))
        b++;
    while (e > b && (is_space(s[e - 1]) || s[e - 1] == 0))
        e--;
    if (b == e)
        return;
    if (*n < cap) {
        out[*n].start = b;
        out[*n].end = e;
    }
    ++*n;
}

/* Bytes at which the scan has something to decide: a line end, or the first
 * byte of a sentence-ending mark (end_mark). Every other byte is passed over
 * without a look, so a story costs a few instructions per sixteen bytes. */
#define K_ROW(c) ((c) == '\n' || (c) == '.' || (c) == '?' || (c) == '!' || \
                  (c) == 0xE2 || (c) == 0xE3 || (c) == 0xEF)
#define K_ROW4(c) K_ROW(c), K_ROW((c) + 1), K_ROW((c) + 2), K_ROW((c) + 3)
#define K_ROW16(c) K_ROW4(c), K_ROW4((c) + 4), K_ROW4((c) + 8), K_ROW4((c) + 12)
static const unsigned char key_byte[256] = {
    K_ROW16(0x00), K_ROW16(0x10), K_ROW16(0x20), K_ROW16(0x30),
    K_ROW16(0x40), K_ROW16(0x50), K_ROW16(0x60), K_ROW16(0x70),
    K_ROW16(0x80), K_ROW16(0x90), K_ROW16(0xA0), K_ROW16(0xB0),
    K_ROW16(0xC0), K_ROW16(0xD0), K_ROW16(0xE0), K_ROW16(0xF0),
};

/* The first key byte at or after s[i], len if none. */
static size_t next_key(const unsigned char *s, size_t len, size_t i)
{
#if DY_SSE2
    const __m128i nl = _mm_set1_epi8('\n'), dot = _mm_set1_epi8('.');
    const __m128i qm = _mm_set1_epi8('?'), ex = _mm_set1_epi8('!');
    const __m128i e2 = _mm_set1_epi8((char)0xE2), e3 = _mm_set1_epi8((char)0xE3);
    const __m128i ef = _mm_set1_epi8((char)0xEF);
    for (; i + 16 <= len; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i m = _mm_or_si128(
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, nl), _mm_cmpeq_epi8(x, dot)),
                         _mm_or_si128(_mm_cmpeq_epi8(x, qm), _mm_cmpeq_epi8(x, ex))),
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, e2), _mm_cmpeq_epi8(x, e3)),
                         _mm_cmpeq_epi8(x, ef)));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits)
            return i + (size_t)__builtin_ctz(bits);
    }
#endif
    while (i < len && !key_byte[s[i]])
        i++;
    return i;
}

/* Finds the sentences; writes the first cap of them to out (which may be
 * NULL when cap is 0) and returns how many there are. */
static size_t scan(const unsigned char *s, size_t len, dyad_span *out, size_t cap)
{
    size_t n = 0, begin = 0, i = 0;
    while ((i = next_key(s, len, i)) < len) {
        unsigned char c = s[i];
        if (c == '\n') {
            size_t p = i + 1;
            while (p < len && (s[p] == ' ' || s[p] == '\t' || s[p] == '\r' ||
                               s[p] == '\f' || s[p] == '\v'))
                p++;
            if (p < len && s[p] == '\n') {     /* a blank line ends a paragraph */
                emit(s, begin, i, out, cap, &n);
                begin = i = p;
            } else {
                i = p;
            }
            continue;
        }
        int question = 0, dots = 0;
        if (end_mark(s, len, i, &question, &dots) == 0) {
            i++;
            continue;
        }
        size_t stop, resume;
        if (sentence_end(s, len, i, &stop, &resume)) {
            emit(s, begin, stop, out, cap, &n);
            begin = stop;
        }
        i = resume;
    }
    emit(s, begin, len, out, cap, &n);
    return n;
}

dyad_status dy_split_sentences(dy_arena *a, const char *text, size_t len,
                               dyad_span **out, size_t *n, dyad_error *err)
{
    if (!a || !out || !n || (!text && len > 0))
        return dy_error_set(err, DYAD_ERR_ARG, "dy_split_sentences", 0, "bad arguments");
    *out = NULL;
    *n = 0;
    const unsigned char *s = (const unsigned char *)text;
    /* Most stories have a few sentences: they are found in one pass into
     * this buffer; only a longer story is scanned again into its array. */
    dyad_span first[32];
    size_t count = scan(s, len, first, sizeof first / sizeof *first);
    if (count == 0)
        return DYAD_OK;
    dyad_span *v = dy_arena_alloc(a, count * sizeof *v);
    if (!v)
        return dy_error_set(err, DYAD_ERR_NOMEM, "dy_split_sentences", 0,
                            "no memory for %zu sentences", count);
    if (count <= sizeof first / sizeof *first)
        memcpy(v, first, count * sizeof *v);
    else
        scan(s, len, v, count);
    *n = count;
    *out = v;
    return DYAD_OK;
}
