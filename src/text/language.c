/* language.c — a cheap test that a story is not English, for a warning.
 *
 * English prose is held together by a few dozen short function words: in
 * news text "the", "of", "to", "in", "and", "a", "said" ... make up a quarter
 * to a half of the words, sentence after sentence. French, Spanish, German,
 * Portuguese, Italian, Dutch, Indonesian or Swahili text shares only a few of
 * them by accident ("a", "in", "on") and has its own ("de", "la", "und",
 * "yang"), which English has only in names ("de Gaulle"). A text is flagged
 * when English function words are under 8 in 100 words, or fewer than those
 * of the other languages. Text mostly in another script (Arabic, Cyrillic,
 * CJK) is caught by its letters. A story too short to judge is never
 * flagged; the margins on English news are wide (docs/errors.md). */
#include "text/language.h"
#include "text/simd.h"

#include <stdint.h>
#include <string.h>

#define MIN_WORDS 12            /* fewer words: too short to judge */
#define MIN_COMMON_PER_100 8    /* English news: 25-45 per 100 words */
#define MAX_OTHER_SCRIPT_PCT 50 /* letters outside Latin, percent */

/* Function words, by first letter, then length, then byte order (a unit
 * test checks the order and by_letter_len[] through
 * dy_language_table_sorted): 1 for common English ones
 * (and "said"), -1 for those of other languages written in Latin letters,
 * leaving out those that are English words too ("die", "son", "do", "per",
 * "van"). Searched once per short word of the first 4 KB of every story, so
 * a list scan with memcmp was a tenth of a shallow run (perf). */
typedef struct function_word_entry {
    char w[8];          /* NUL-padded: compared as one 64-bit word */
    signed char kind;
} function_word_entry;

static const function_word_entry words[] = {
    {"a", 1}, {"an", 1}, {"as", 1}, {"at", 1}, {"all", 1}, {"and", 1}, {"are", 1}, {"aux", -1},
    {"akan", -1}, {"also", 1}, {"auch", -1}, {"about", 1}, {"after", 1}, {"avait", -1},
    {"be", 1}, {"by", 1}, {"but", 1}, {"been", 1},
    {"can", 1}, {"che", -1}, {"con", -1}, {"como", -1}, {"could", 1},
    {"da", -1}, {"de", -1}, {"di", -1}, {"du", -1}, {"das", -1}, {"dei", -1}, {"del", -1},
    {"dem", -1}, {"der", -1}, {"des", -1}, {"dans", -1}, {"dari", -1}, {"dass", -1},
    {"della", -1}, {"desde", -1}, {"durch", -1},
    {"e", -1}, {"el", -1}, {"em", -1}, {"en", -1}, {"er", -1}, {"es", -1}, {"et", -1},
    {"een", -1}, {"ein", -1}, {"est", -1}, {"eine", -1}, {"esta", -1}, {"este", -1},
    {"einen", -1}, {"entre", -1},
    {"for", 1}, {"from", 1},
    {"he", 1}, {"had", 1}, {"has", 1}, {"her", 1}, {"het", -1}, {"his", 1}, {"have", 1},
    {"if", 1}, {"il", -1}, {"in", 1}, {"is", 1}, {"it", 1}, {"ini", -1}, {"its", 1},
    {"itu", -1}, {"into", 1},
    {"ke", -1},
    {"la", -1}, {"le", -1}, {"lo", -1}, {"les", -1}, {"los", -1},
    {"mit", -1}, {"more", 1},
    {"na", -1}, {"ne", -1}, {"no", 1}, {"nel", -1}, {"not", 1}, {"nach", -1}, {"niet", -1},
    {"nicht", -1},
    {"o", -1}, {"of", 1}, {"on", 1}, {"or", 1}, {"one", 1}, {"our", 1}, {"out", 1},
    {"oleh", -1}, {"over", 1},
    {"par", -1}, {"por", -1}, {"pada", -1}, {"para", -1}, {"pour", -1},
    {"que", -1}, {"qui", -1},
    {"se", -1}, {"si", -1}, {"so", 1}, {"she", 1}, {"sie", -1}, {"said", 1}, {"says", 1},
    {"sind", -1}, {"some", 1}, {"sono", -1}, {"sobre", -1},
    {"to", 1}, {"the", 1}, {"two", 1}, {"than", 1}, {"that", 1}, {"them", 1}, {"they", 1},
    {"this", 1}, {"their", 1}, {"there", 1}, {"these", 1}, {"tidak", -1},
    {"un", -1}, {"up", 1}, {"uma", -1}, {"una", -1}, {"und", -1}, {"une", -1},
    {"von", -1}, {"voor", -1},
    {"wa", -1}, {"we", 1}, {"was", 1}, {"who", 1}, {"why", 1}, {"were", 1}, {"what", 1},
    {"when", 1}, {"will", 1}, {"wird", -1}, {"with", 1}, {"which", 1}, {"while", 1},
    {"would", 1},
    {"y", -1}, {"ya", -1}, {"you", 1}, {"yang", -1},
    {"zu", -1}, {"zijn", -1},
};

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* Where the words of each first letter and length start in words[]: those
 * of letter c ('a' + 0..25) and length n (1..5) are words[by_letter_len[5 * c
 * + n - 1], by_letter_len[5 * c + n]); the last entry is the end. A word is
 * compared with the few of its letter and length only. */
static const unsigned char by_letter_len[26 * 5 + 1] = {
      0,   1,   4,   8,  11,   /* a */
     14,  14,  16,  17,  18,   /* b */
     18,  18,  18,  21,  22,   /* c */
     23,  23,  27,  33,  36,   /* d */
     39,  40,  46,  49,  52,   /* e */
     54,  54,  54,  55,  56,   /* f */
     56,  56,  56,  56,  56,   /* g */
     56,  56,  57,  62,  63,   /* h */
     63,  63,  68,  71,  72,   /* i */
     72,  72,  72,  72,  72,   /* j */
     72,  72,  73,  73,  73,   /* k */
     73,  73,  76,  78,  78,   /* l */
     78,  78,  78,  79,  80,   /* m */
     80,  80,  83,  85,  87,   /* n */
     88,  89,  92,  95,  97,   /* o */
     97,  97,  97,  99, 102,   /* p */
    102, 102, 102, 104, 104,   /* q */
    104, 104, 104, 104, 104,   /* r */
    104, 104, 107, 109, 114,   /* s */
    115, 115, 116, 118, 123,   /* t */
    127, 127, 129, 133, 133,   /* u */
    133, 133, 133, 134, 135,   /* v */
    135, 135, 137, 140, 146,   /* w */
    149, 149, 149, 149, 149,   /* x */
    149, 150, 151, 152, 153,   /* y */
    153, 153, 154, 154, 155,   /* z */
    155
};

/* The eight bytes of a table word as a number whose order is the words'
 * byte order: the first byte most significant. */
static uint64_t word_order(const char *w)
{
    uint64_t v;
    memcpy(&v, w, sizeof v);
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return __builtin_bswap64(v);
#else
    v = 0;
    for (int k = 0; k < 8; k++)
        v = v << 8 | (unsigned char)w[k];
    return v;
#endif
}

int dy_language_table_sorted(void)
{
    if (by_letter_len[26 * 5] != COUNT(words))
        return 0;
    for (size_t i = 0; i < COUNT(words); i++) {
        size_t n = strlen(words[i].w);
        int c = words[i].w[0] - 'a';
        if (c < 0 || c >= 26 || n < 1 || n > 5)
            return 0;
        size_t b = 5 * (size_t)c + n - 1;
        if (i < by_letter_len[b] || i >= by_letter_len[b + 1])
            return 0;
        if (i > by_letter_len[b] && word_order(words[i - 1].w) >= word_order(words[i].w))
            return 0;
    }
    return 1;
}

/* 1 for an English function word, -1 for another language's, else 0; key
 * is the lower-case ASCII word of n letters (1..5) as word_order gives it
 * (NUL-padded). The few words of its first letter and length are compared
 * whole, in order, so a word not in the table stops at the first one past it. */
static int function_word(uint64_t key, size_t n)
{
    size_t b = 5 * ((unsigned)(key >> 56) - 'a') + n - 1;
    for (size_t i = by_letter_len[b], end = by_letter_len[b + 1]; i < end; i++) {
        uint64_t entry = word_order(words[i].w);
        if (entry >= key)
            return entry == key ? words[i].kind : 0;
    }
    return 0;
}

/* A UTF-8 letter outside the Latin script: a lead byte whose code point is
 * past Latin Extended-B and IPA (U+02AF) and before the Latin Extended
 * Additional block, or past it. Approximate on purpose: the Greek, Cyrillic,
 * Arabic, Hebrew, Indic and CJK blocks are what matters; punctuation in the
 * U+2000 block is not counted (it is not a letter). */
static int other_script(uint32_t cp)
{
    if (cp < 0x0370)
        return 0;
    if (cp >= 0x1E00 && cp <= 0x1EFF)   /* Latin Extended Additional (Vietnamese) */
        return 0;
    if (cp >= 0x2000 && cp <= 0x2BFF)   /* punctuation, symbols, arrows */
        return 0;
    if (cp >= 0x3000 && cp <= 0x303F)   /* CJK punctuation */
        return 0;
    if (cp >= 0xFE00 && cp <= 0xFFFF)   /* variation selectors, forms, specials */
        return 0;
    return 1;
}

/* Decodes one UTF-8 sequence at s[0..n); returns its length (1 for a stray
 * byte, which then counts as no letter). */
static size_t decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (len == 1 || len > n) {
        *cp = 0;
        return 1;
    }
    uint32_t v = c & (0x3F >> (len - 1));
    for (size_t k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80) {
            *cp = 0;
            return 1;
        }
        v = (v << 6) | (s[k] & 0x3F);
    }
    *cp = v;
    return len;
}

static int ascii_letter(unsigned c)
{
    return ((c | 0x20) - 'a') < 26u;
}

#if DY_SSE2
/* 0xFF in each of the sixteen bytes of x that is an ASCII letter (x | 0x20
 * folds the capitals onto a..z). */
static inline __m128i letters16(__m128i x)
{
    return dy_in_range(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 'z');
}
#endif

/* Where the run of ASCII letters from s[i] ends (by n): sixteen bytes
 * classified at once while they last, the rest byte by byte. */
static size_t letters_end(const unsigned char *s, size_t n, size_t i)
{
#if DY_SSE2
    for (; i + 16 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned other = ~(unsigned)_mm_movemask_epi8(letters16(x)) & 0xFFFFu;
        if (other)
            return i + (size_t)__builtin_ctz(other);
    }
#endif
    while (i < n && s[i] < 0x80 && ascii_letter(s[i]))
        i++;
    return i;
}

/* The kind of the word of plain ASCII letters s[at, at + wlen) of a text
 * of len bytes (function_word): one of five letters at most can be one. */
static int word_kind(const unsigned char *s, size_t at, size_t wlen, size_t len)
{
    if (wlen == 0 || wlen > 5)
        return 0;
    uint64_t key = 0;
    if (at + 8 <= len) {
        key = word_order((const char *)s + at);   /* the bytes past the word masked off */
        key &= ~(~0ull >> (8 * wlen));
        key |= 0x2020202020202020ull & ~(~0ull >> (8 * wlen));
    } else {
        for (size_t k = 0; k < wlen; k++)
            key |= (uint64_t)(s[at + k] | 0x20) << (56 - 8 * k);
    }
    return function_word(key, wlen);
}

/* What the scan has counted so far, and the word it is reading. */
typedef struct lang_scan {
    dy_language lg;
    size_t wstart;   /* where the word being read starts */
    int in_word;
    int plain;       /* the word is so far one run of ASCII letters: only
                        such a word can be a function word */
} lang_scan;

/* The word being read ends at s[end] (of a text of len bytes). A plain
 * word ends right after its run of letters, so its length is end - wstart. */
static inline void end_word(lang_scan *sc, const unsigned char *s, size_t end, size_t len)
{
    int fw = sc->plain && end - sc->wstart <= 5 ? word_kind(s, sc->wstart, end - sc->wstart, len)
                                                : 0;
    sc->lg.words++;
    sc->lg.common += fw > 0;
    sc->lg.other += fw < 0;
    sc->in_word = 0;
}

/* Reads s[i..n) character by character until past `stop` (<= n), or a
 * little beyond to finish a character or a run of letters; returns where
 * it got. A word ends at a character that is neither a letter nor an
 * apostrophe inside the word (don't, Iran's). */
static size_t scan_chars(lang_scan *sc, const unsigned char *s, size_t n, size_t len,
                         size_t i, size_t stop)
{
    if (sc->in_word && sc->plain) {   /* a run of letters begun before i goes on */
        size_t j = letters_end(s, n, i);
        sc->lg.letters += (long)(j - i);
        i = j;
    }
    while (i < stop) {
        unsigned c = s[i];
        if (c < 0x80) {
            if (ascii_letter(c)) {
                size_t start = i;
                i = letters_end(s, n, i + 1);
                sc->lg.letters += (long)(i - start);
                if (sc->in_word) {
                    sc->plain = 0;
                } else {
                    sc->in_word = sc->plain = 1;
                    sc->wstart = start;
                }
                continue;
            }
            if (sc->in_word && c == '\'')
                sc->plain = 0;
            else if (sc->in_word)
                end_word(sc, s, i, len);
            i++;
            continue;
        }
        uint32_t cp;
        size_t step = decode(s + i, n - i, &cp);
        /* any non-ASCII code point that is not punctuation or a symbol block
         * counts as a letter here */
        int letter = cp >= 0xC0 && !(cp >= 0x2000 && cp <= 0x2BFF) &&
                     !(cp >= 0x3000 && cp <= 0x303F) && cp != 0xD7 && cp != 0xF7;
        if (letter) {
            sc->lg.letters++;
            sc->lg.other_script += other_script(cp);
            sc->in_word = 1;
            sc->plain = 0;
        } else if (sc->in_word) {
            end_word(sc, s, i, len);
        }
        i += step;
    }
    return i;
}

#if DY_SSE2
/* The ASCII letters and apostrophes of the 64 bytes at p, one bit each
 * (bit k: p[k]); returns 0 when some byte is not ASCII. */
static int ascii_masks(const unsigned char *p, uint64_t *letter, uint64_t *apos)
{
    const __m128i quote = _mm_set1_epi8('\'');
    uint64_t l = 0, a = 0;
    unsigned high = 0;
    for (int k = 0; k < 4; k++) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
        high |= (unsigned)_mm_movemask_epi8(x);
        l |= (uint64_t)(unsigned)_mm_movemask_epi8(letters16(x)) << (16 * k);
        a |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, quote)) << (16 * k);
    }
    *letter = l;
    *apos = a;
    return high == 0;
}

/* The 64 ASCII bytes at s[base] as scan_chars would read them, whole runs
 * at a time from their bit masks: a word is a run of letters and
 * apostrophes from its first letter on; one with an apostrophe is not plain.
 * A word still open at the last byte goes on into what follows. */
static void scan_ascii64(lang_scan *sc, const unsigned char *s, size_t base, size_t len,
                         uint64_t letter, uint64_t apos)
{
    uint64_t inword = letter | apos, from = ~0ull;   /* from: the bits not yet read */
    sc->lg.letters += __builtin_popcountll(letter);
    for (;;) {
        if (sc->in_word) {
            uint64_t stop = ~inword & from;
            if (!stop) {
                if (apos & from)
                    sc->plain = 0;
                return;
            }
            uint64_t first = stop & (0 - stop), below = first - 1;
            if (apos & from & below)
                sc->plain = 0;
            end_word(sc, s, base + (size_t)__builtin_ctzll(stop), len);
            from = ~(below | first);   /* 0 when the stop was the last bit */
        }
        uint64_t next = letter & from;
        if (!next)
            return;
        sc->in_word = sc->plain = 1;
        sc->wstart = base + (size_t)__builtin_ctzll(next);
        from = ~((next & (0 - next)) - 1);
    }
}
#endif

int dy_language_not_english(const char *text, size_t len, dy_language *out)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = len < DY_LANGUAGE_SCAN ? len : DY_LANGUAGE_SCAN;
    lang_scan sc;
    memset(&sc, 0, sizeof sc);
    size_t i = 0;
    /* This runs over every byte of every story: 64 bytes of ASCII are read
     * a word at a time from bit masks, anything else a character at a time.
     * The last bytes are read from a copy padded with NULs, which end a
     * word at n as the end of the text does. */
    while (i < n) {
#if DY_SSE2
        const unsigned char *p = s + i;
        unsigned char pad[64];
        size_t avail = n - i;
        if (avail < 64) {
            memset(pad, 0, sizeof pad);
            memcpy(pad, p, avail);
            p = pad;
        }
        uint64_t letter, apos;
        if (ascii_masks(p, &letter, &apos)) {
            scan_ascii64(&sc, s, i, len, letter, apos);
            i += avail < 64 ? avail : 64;
            continue;
        }
#endif
        i = scan_chars(&sc, s, n, len, i, n - i > 64 ? i + 64 : n);
    }
    if (sc.in_word)
        end_word(&sc, s, n, len);
    dy_language lg = sc.lg;
    if (out)
        *out = lg;
    if (lg.letters > 0 && lg.other_script * 100 > lg.letters * MAX_OTHER_SCRIPT_PCT)
        return 1;
    return lg.words >= MIN_WORDS &&
           (lg.common * 100 < lg.words * MIN_COMMON_PER_100 || lg.other > lg.common);
}
