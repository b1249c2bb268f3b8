/* lexer.h — first parsing step: words of a sentence to classified words and
 * dictionary roots (longest match), plus verb-to-noun shifting. */
#ifndef DY_LEXER_H
#define DY_LEXER_H

#include "parse/lexcache.h"
#include "parse/sentence.h"

/* Fills *s from the tokens; arrays are allocated in a. Words beyond
 * DY_MAX_WORDS are dropped (s->truncated). */
dyad_status dy_lex(dy_sentence *s, dy_arena *a, const dyad_dict *d, const dy_options *opt,
                   const dy_tokens *toks, int date, dy_lexcache *cache, dyad_error *err);

/* The longest agent phrase that starts at word i, matched as the lexer
 * matches roots (the lexer itself keeps one root per word): its agent index,
 * or -1; *tail gets its last word. Lookups allocate from a. */
int dy_lex_agent_at(const dy_sentence *s, dy_arena *a, int i, int *tail);

/* The closed-class word spelled w[0..n), or DY_C_NONE. */
int dy_closed_lookup(const char *w, size_t n);

/* Extra characters a regular ending adds to a whole-word match of a phrase's
 * last word (tabari-manual 5.2.3; PETRARCH's verb forms for DY_MATCH_FORMS),
 * or -1 when `rest` is not such an ending (lexcache.c). */
int dy_regular_ending(uint8_t wtype, uint8_t match, char last, const char *rest, size_t n);

#endif
