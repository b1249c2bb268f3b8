/* language.h — does a story's text look like English? dyad's dictionaries
 * and parser read English only, so a French or Arabic story can only give
 * "no event"; this check lets the caller say why instead of staying silent. */
#ifndef DY_LANGUAGE_H
#define DY_LANGUAGE_H

#include <stddef.h>

typedef struct dy_language {
    long words;        /* words read (runs of letters) */
    long common;       /* of which common English function words */
    long other;        /* of which function words of other languages */
    long letters;      /* letters read */
    long other_script; /* of which outside the Latin script */
} dy_language;

/* Reads at most the first DY_LANGUAGE_SCAN bytes of text into *out and
 * returns 1 when they do not look English: mostly letters of another script,
 * or enough words and too few of them common English ones (or fewer than
 * those of other languages). Short texts
 * (headlines, three-word sentences) always pass. Linear, no allocation. */
#define DY_LANGUAGE_SCAN 4096
int dy_language_not_english(const char *text, size_t len, dy_language *out);

/* 1 when the function-word table is in the order its search needs (a
 * unit test calls it). */
int dy_language_table_sorted(void);

#endif
