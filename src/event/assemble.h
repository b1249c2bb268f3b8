/* assemble.h — from the raw events of a sentence to the events reported:
 * subordinate/dominant rules, coded compounds, duplicates, actor+agent codes. */
#ifndef DY_ASSEMBLE_H
#define DY_ASSEMBLE_H

#include "base/arena.h"
#include "code/state.h"

typedef struct dy_final_event {
    const char *source, *target;   /* actor code with its agent merged in */
    const char *code;
    const dy_evt *ev;              /* the raw event it came from */
} dy_final_event;

typedef enum dy_assemble_result {
    DY_ASM_EVENTS = 0,   /* *n events (maybe none) */
    DY_ASM_DISCARD,      /* a pattern carried [###] */
    DY_ASM_COMPLEX       /* a pattern or actor carried [+++] */
} dy_assemble_result;

/* Writes at most max events to out; strings live in a. */
dy_assemble_result dy_assemble(const dy_code_state *cs, dy_arena *a,
                               dy_final_event *out, int max, int *n);

/* Actor code with agent code added (tabari-manual 5.4): "~GOV" suffixes,
 * "NGO~" prefixes, and a code already present on a 3-character boundary is
 * not added twice. */
const char *dy_compose_code(dy_arena *a, const char *actor, const char *agent, int prefix);

#endif
