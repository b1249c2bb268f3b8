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
 * pronouns, discards. `null_subord` is 0 when attribution is coded first. */
dyad_status dy_parse(dy_sentence *s, dy_arena *a, const dyad_dict *d, const dy_options *opt,
                     const dy_tokens *toks, int date, const dy_forward *fwd,
                     dy_lexcache *cache, dyad_error *err);

/* The actor the next sentence's pronouns may forward to (first compound or
 * first actor that is not itself a pronoun). */
void dy_forward_from(const dy_sentence *s, dy_forward *out);

/* Word index where the subordinate clause containing... — helpers for walkers:
 * if word i opens a nulled clause, the first word after it; else i. */
static inline int dy_skip_subord(const dy_sentence *s, int i)
{
    while (i < s->n && s->w[i].sub_end >= 0) i = s->w[i].sub_end + 1;
    return i;
}

#endif
