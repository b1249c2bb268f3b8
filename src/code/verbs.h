/* verbs.h — the verb loop of the coder: clauses, verbs, patterns, raw events
 * (TABARI's checkVerbs, doVerb and makeEvent). */
#ifndef DY_VERBS_H
#define DY_VERBS_H

#include "code/state.h"

/* Codes every clause of cs->s per SET: CODE BY; raw events go to cs->ev. */
void dy_check_verbs(dy_code_state *cs);

#endif
