/* words.h — fixed words (with their lengths) that the date and place finders
 * compare with every token of a coded sentence: the length rejects most. */
#ifndef DY_EVENT_WORDS_H
#define DY_EVENT_WORDS_H

#include <string.h>

#include "text/token.h"

typedef struct dy_word_lit {
    const char *w;
    size_t n;
} dy_word_lit;

#define DY_WORD(lit) {lit, sizeof(lit) - 1}

/* Token texts end at len and hold no NUL, so this is strcmp(t->text, w) == 0
 * (n > 0); the first letters are compared without a call. */
static inline int dy_tok_is(const dy_token *t, const char *w, size_t n)
{
    return t->len == n && t->text[0] == w[0] && memcmp(t->text, w, n) == 0;
}

/* The same with a string literal. */
#define DY_TOK_IS(t, lit) dy_tok_is((t), (lit), sizeof(lit) - 1)

/* Is the token one of the n words? */
static inline int dy_tok_is_any(const dy_token *t, const dy_word_lit *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (dy_tok_is(t, words[i].w, words[i].n))
            return 1;
    return 0;
}

#endif
