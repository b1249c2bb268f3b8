/* enrich.h — what dyad adds to each event after the coder found it: the
 * CAMEO table's facts, actor parts, the date the sentence names, the place. */
#ifndef DY_ENRICH_H
#define DY_ENRICH_H

#include <stddef.h>

#include "dyad.h"
#include "text/token.h"

/* Code name, root, quads, Goldstein, PLOVER and the actor parts of ev. */
void dy_enrich_codes(dyad_event *ev);

/* Splits an actor code into country and agent groups (dyad_actor_parts). */
void dy_actor_split(const char *code, dyad_actor_parts *out);

/* Everything for the n events of one sentence (toks: its words): codes, the
 * date the sentence names (unless a <TIME> shift already moved it) and the
 * place. story_date is YYYYMMDD or 0 (no relative dates then). */
void dy_enrich_sentence(dyad_event *ev, size_t n, const dy_tokens *toks, int story_date);

#endif
