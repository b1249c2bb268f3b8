/* token.h — words of a sentence as the coder sees them: normalised upper-case
 * text plus where each word sits in the original story. */
#ifndef DY_TOKEN_H
#define DY_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "dyad.h"

enum dy_token_flag {
    DY_TOK_CAPITALIZED = 1 << 0,  /* first letter upper case in the original */
    DY_TOK_NUMBER      = 1 << 1,  /* starts with a digit */
    DY_TOK_COMMA       = 1 << 2,  /* "," (also from ';') */
    DY_TOK_QUOTE       = 1 << 3,  /* a double quote of any kind */
    DY_TOK_PUNCT       = 1 << 4,  /* other stand-alone punctuation: ( ) : */
    DY_TOK_ALLCAPS     = 1 << 5,  /* every letter upper case in the original */
    DY_TOK_MAIN        = 1 << 6   /* syntax mode: a word of the main clause's head
                                   * (its verb), which no comma clause may cut off */
};

typedef struct dy_token {
    const char *text;   /* upper case, diacritics removed, NUL-terminated; ASCII
                         * for Latin script, UTF-8 for others (docs/text.md) */
    uint32_t len;
    uint32_t flags;     /* dy_token_flag */
    size_t start, end;  /* byte range in the story text */
} dy_token;

typedef struct dy_tokens {
    dy_token *v;
    size_t n;
    int all_caps;       /* the sentence has no lower-case letters at all */
} dy_tokens;

/* Sentences of a story: writes spans into *out (allocated in a), in order.
 * Survives abbreviations (U.S., Gen., Jan.), initials (J. R. Smith), decimals,
 * and quotes that close after the full stop. */
dyad_status dy_split_sentences(dy_arena *a, const char *text, size_t len,
                               dyad_span **out, size_t *n, dyad_error *err);

/* Words of text[start, end) after TABARI's input filtering (tabari-manual 7.3):
 * upper case, diacritics removed, sentence-final periods dropped while U.N.
 * keeps its periods, '?' '!' '-' become blanks, commas inside numbers vanish,
 * ';' becomes ',', commas and quotes stand alone, and /+ ... +/-style
 * comments (slash-star to star-slash) are skipped. Invalid UTF-8 bytes are
 * treated as blanks. At most max_tokens words are kept; *truncated says if
 * more were dropped. */
dyad_status dy_tokenize(dy_arena *a, const char *text, size_t start, size_t end,
                        size_t max_tokens, dy_tokens *out, int *truncated,
                        dyad_error *err);

/* Folds one dictionary word the way dy_tokenize folds text, so entries like
 * "ERDOĞAN" match: ASCII upper-cased, other letters upper-cased without
 * diacritics, typographic quotes/dashes/spaces to their ASCII forms, invalid
 * bytes to '_', other ASCII (including ' ', '_' and '-') unchanged.
 * Writes at most cap-1 bytes and a NUL to out; returns the length written. */
size_t dy_fold_word(const char *s, size_t n, char *out, size_t cap);

#endif
