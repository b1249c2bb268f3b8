/* parse.h — TABARI's shallow parse of one sentence, step by step, and the
 * pipeline that runs the steps in TABARI's order (tabari-manual 7.10). */
#ifndef DY_PARSE_H
#define DY_PARSE_H

#include "parse/lexer.h"
#include "parse/sentence.h"

void dy_convert_agents(dy_sentence *s);        /* agents.c */
void dy_mark_compounds(dy_sentence *s);        /* compound.c */
void dy_mark_subordinates(dy_sentence *s);     /* comma.c */
void dy_null_subordinates(dy_sentence *s);     /* comma.c */
void dy_mark_clauses(dy_sentence *s);          /* clause.c */
void dy_dereference_pronouns(dy_sentence *s);  /* pronoun.c */

/* Lexes and parses: nouns, agents, compounds, subordinate clauses, clauses,
 * pronouns, discards. When the dictionary has an <ATTRIB> section the
 * subordinate clauses are only marked: the caller nulls them after looking
 * for attribution (dy_null_subordinates). */
dyad_status dy_parse(dy_sentence *s, dy_arena *a, const dyad_dict *d, const dy_options *opt,
                     const dy_tokens *toks, int date, const dy_forward *fwd,
                     dy_lexcache *cache, dyad_error *err);

/* The same with a Treebank parse aligned to toks (NULL: as dy_parse). The
 * tree replaces the guesses: compounds come from coordinated noun phrases,
 * and no comma clauses or conjunction clauses are cut (the coder takes
 * clauses from the tree instead). */
struct dy_tree;
dyad_status dy_parse_tree(dy_sentence *s, dy_arena *a, const dyad_dict *d, const dy_options *opt,
                          const dy_tokens *toks, int date, const dy_forward *fwd,
                          dy_lexcache *cache, const struct dy_tree *tree, dyad_error *err);

/* The actor the next sentence's pronouns may forward to (first compound or
 * first actor that is not itself a pronoun). */
void dy_forward_from(const dy_sentence *s, dy_forward *out);

#endif
