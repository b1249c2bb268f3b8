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

#include <stdint.h>
#include <string.h>

#define MIN_WORDS 12            /* fewer words: too short to judge */
#define MIN_COMMON_PER_100 8    /* English news: 25-45 per 100 words */
#define MAX_OTHER_SCRIPT_PCT 50 /* letters outside Latin, percent */

/* Common English function words (and "said"), lower case, by length. */
static const char *const common2[] = {"an", "as", "at", "be", "by", "he", "if", "in", "is",
                                      "it", "no", "of", "on", "or", "so", "to", "up", "we"};
static const char *const common3[] = {"all", "and", "are", "but", "can", "for", "had", "has",
                                      "her", "his", "its", "not", "one", "our", "out", "she",
                                      "the", "two", "was", "who", "why", "you"};
static const char *const common4[] = {"also", "been", "from", "have", "into", "more", "over",
                                      "said", "says", "some", "than", "that", "them", "they",
                                      "this", "were", "what", "when", "will", "with"};
static const char *const common5[] = {"about", "after", "could", "their", "there", "these",
                                      "which", "while", "would"};

/* Function words of other languages written in Latin letters, leaving out
 * those that are English words too ("die", "son", "do", "per", "van"). */
static const char *const other1[] = {"e", "o", "y"};
static const char *const other2[] = {"da", "de", "di", "du", "el", "em", "en", "er", "es", "et",
                                     "il", "ke", "la", "le", "lo", "na", "ne", "se", "si", "un",
                                     "wa", "ya", "zu"};
static const char *const other3[] = {"aux", "che", "con", "das", "dei", "del", "dem", "der", "des",
                                     "een", "ein", "est", "het", "ini", "itu", "les", "los", "mit",
                                     "nel", "par", "por", "que", "qui", "sie", "und", "una", "une",
                                     "uma", "von"};
static const char *const other4[] = {"akan", "auch", "como", "dans", "dari", "dass", "eine",
                                     "esta", "este", "nach", "niet", "oleh", "para", "pada",
                                     "pour", "sind", "sono", "voor", "wird", "yang", "zijn"};
static const char *const other5[] = {"avait", "della", "desde", "durch", "einen", "entre",
                                     "nicht", "sobre", "tidak"};

static int in_list(const char *const *list, size_t n, const char *w, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (memcmp(list[i], w, len) == 0)
            return 1;
    return 0;
}

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* 1 for an English function word, -1 for another language's, else 0. */
static int function_word(const char *w, size_t len)
{
    switch (len) {
    case 1: return w[0] == 'a' ? 1 : in_list(other1, COUNT(other1), w, 1) ? -1 : 0;
    case 2: return in_list(common2, COUNT(common2), w, 2) ? 1
                   : in_list(other2, COUNT(other2), w, 2) ? -1 : 0;
    case 3: return in_list(common3, COUNT(common3), w, 3) ? 1
                   : in_list(other3, COUNT(other3), w, 3) ? -1 : 0;
    case 4: return in_list(common4, COUNT(common4), w, 4) ? 1
                   : in_list(other4, COUNT(other4), w, 4) ? -1 : 0;
    case 5: return in_list(common5, COUNT(common5), w, 5) ? 1
                   : in_list(other5, COUNT(other5), w, 5) ? -1 : 0;
    default: return 0;
    }
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

int dy_language_not_english(const char *text, size_t len, dy_language *out)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = len < DY_LANGUAGE_SCAN ? len : DY_LANGUAGE_SCAN;
    dy_language lg = {0, 0, 0, 0, 0};
    char word[6];
    size_t wlen = 0;   /* ASCII letters of the current word, up to 6 */
    int in_word = 0, ascii_word = 1;
    for (size_t i = 0; i <= n;) {
        uint32_t cp = 0;
        size_t step = 1;
        int letter = 0;
        if (i < n) {
            if (s[i] < 0x80) {
                cp = s[i];
                letter = (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
            } else {
                step = decode(s + i, n - i, &cp);
                /* any non-ASCII code point that is not punctuation or a
                 * symbol block counts as a letter here */
                letter = cp >= 0xC0 && !(cp >= 0x2000 && cp <= 0x2BFF) &&
                         !(cp >= 0x3000 && cp <= 0x303F) && cp != 0xD7 && cp != 0xF7;
            }
        }
        if (letter) {
            lg.letters++;
            if (cp >= 0x80 && other_script(cp))
                lg.other_script++;
            if (cp < 0x80 && wlen < sizeof word)
                word[wlen++] = (char)(cp | 0x20);
            if (cp >= 0x80)
                ascii_word = 0;
            in_word = 1;
        } else if (in_word && cp != '\'') {
            lg.words++;
            int fw = ascii_word && wlen < sizeof word ? function_word(word, wlen) : 0;
            lg.common += fw > 0;
            lg.other += fw < 0;
            in_word = 0;
            ascii_word = 1;
            wlen = 0;
        } else if (in_word) {   /* an apostrophe inside a word (don't, Iran's) */
            wlen = sizeof word; /* not a function word */
        }
        i += step;
    }
    if (out)
        *out = lg;
    if (lg.letters > 0 && lg.other_script * 100 > lg.letters * MAX_OTHER_SCRIPT_PCT)
        return 1;
    return lg.words >= MIN_WORDS &&
           (lg.common * 100 < lg.words * MIN_COMMON_PER_100 || lg.other > lg.common);
}
