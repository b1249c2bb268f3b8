/* fold.h — what the tokenizer makes of one non-ASCII code point: an ASCII
 * stand-in (curly quote -> '"', dash -> '-'), or upper-case letters without marks. */
#ifndef DY_FOLD_H
#define DY_FOLD_H

#include <stdint.h>

enum dy_fold_kind {
    DY_FOLD_IGNORE,  /* invisible: zero-width, soft hyphen, stray combining mark */
    DY_FOLD_BLANK,   /* separates words: spaces, unknown punctuation, symbols */
    DY_FOLD_ASCII,   /* behaves exactly like the ASCII character in .ascii */
    DY_FOLD_WORD     /* word characters in .out (UTF-8, upper case, no marks) */
};

enum dy_fold_case { DY_CASE_NONE = 0, DY_CASE_UPPER, DY_CASE_LOWER };

#define DY_FOLD_MAX 32   /* bytes of .out; longer expansions are cut */

typedef struct dy_fold {
    int kind;            /* dy_fold_kind */
    int letter_case;     /* dy_fold_case of the original code point */
    char ascii;          /* for DY_FOLD_ASCII */
    unsigned len;        /* bytes in out, for DY_FOLD_WORD */
    char out[DY_FOLD_MAX];
} dy_fold;

/* Fills *f for code point cp (>= 0x80). */
void dy_fold_codepoint(int32_t cp, dy_fold *f);

/* Case of a code point: DY_CASE_UPPER for Lu/Lt, DY_CASE_LOWER for Ll. */
int dy_fold_case(int32_t cp);

/* The version of the Unicode tables folding follows (utf8proc's): a
 * dictionary compiled with other tables may fold its words otherwise, so
 * the dictionary cache keys on it (dict/cache_key.c). */
const char *dy_fold_tables_version(void);

#endif
