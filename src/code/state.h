/* state.h — what the coder tracks while coding one sentence: the current
 * source and target, the clause bounds, and the raw events found so far. */
#ifndef DY_CODE_STATE_H
#define DY_CODE_STATE_H

#include "parse/sentence.h"
#include "parse/tree.h"

#define DY_WHERE_DEFAULT (-2)  /* actor came from a DEFAULT: option */
#define DY_WHERE_FORWARD (-3)  /* actor forwarded from the previous sentence */
#define DY_MAX_RAW_EVENTS 128

/* An actor as the coder sees it: codes, agent and where it was found. */
typedef struct dy_actor_ref {
    int where;                   /* head word; -1 empty; DY_WHERE_DEFAULT */
    int from;                    /* word that was found (a pronoun may point elsewhere) */
    const char *code;            /* first (or only) actor code */
    const dy_dated_code *codes;  /* all codes when a coded compound, else NULL */
    uint8_t special;             /* dy_special of the actor's code ([+++]) */
    const char *agent;           /* agent code, without '~' */
    uint8_t agent_prefix;        /* agent goes before the actor code */
    int agent_where;             /* first word of the agent, or -1 */
} dy_actor_ref;

/* One raw event, before compound expansion. */
typedef struct dy_evt {
    dy_actor_ref src, tgt;
    const char *attrib;          /* attribution code, or NULL */
    const char *code;            /* NULL when special */
    uint8_t special;             /* dy_special of the event code */
    uint8_t sub, dom;            /* subordinate ?, dominant ! */
    int verb;                    /* verb head word */
    const dy_pattern *pat;       /* pattern that fired, NULL for the verb's own code */
    const dy_verb *vroot;        /* the verb entry */
    int lo, hi;                  /* words the match covered */
} dy_evt;

typedef struct dy_code_state {
    const dy_sentence *s;
    const dy_options *opt;
    int start, end;              /* current clause */
    dy_actor_ref source, target;
    dy_actor_ref attrib;         /* attribution actor (<ATTRIB>, @) */
    int regular_source, regular_target;  /* found by the default search (TABARI flags) */
    int passive;
    const struct dy_need *need;       /* per pattern of the dictionary, or NULL */
    const struct dy_wordmask *have;   /* words of the sentence */
    const struct dy_patindex *pidx;   /* patterns by needed word (patindex.h), or NULL */
    dy_arena *arena;             /* per-sentence scratch, reset before the next sentence */
    const uint8_t *initials;     /* first byte of each word (pattern.h), or NULL */
    dy_arena *keep;              /* lives as long as the story's result: codes built
                                    here may end up in events */
    dy_tframe frame;             /* tree mode: the current verb's frame */
    int has_frame;
    dy_evt ev[DY_MAX_RAW_EVENTS];
    int nev;
    int overflow;
} dy_code_state;

static inline int dy_actor_empty(const dy_actor_ref *a) { return a->where == -1; }
static inline void dy_actor_zero(dy_actor_ref *a)
{
    a->where = a->from = a->agent_where = -1;
    a->code = a->agent = NULL;
    a->codes = NULL;
    a->special = 0;
    a->agent_prefix = 0;
}

#endif
