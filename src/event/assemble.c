/* assemble.c — TABARI's evaluateEvents, expandCompoundCodes and makeEventStrings:
 * keeps the right raw events, expands coded compounds, drops duplicates. */
#include <string.h>

#include "event/assemble.h"

/* An expanded event: one source code, one target code. */
typedef struct flat {
    const char *scode, *sagent, *tcode, *tagent;
    uint8_t sprefix, tprefix;
    const dy_evt *ev;
} flat;

static int same(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static int aligned_find(const char *hay, const char *needle)
{
    const char *p = strstr(hay, needle);
    return p && (p - hay) % 3 == 0;
}

const char *dy_compose_code(dy_arena *a, const char *actor, const char *agent, int prefix)
{
    if (!agent || !agent[0]) return actor;
    if (!actor) actor = "";
    size_t la = strlen(actor), lg = strlen(agent);
    char *s = dy_arena_alloc(a, la + lg + 2);
    if (!s) return actor;
    if (la == 0) {                       /* converted agent: "~MOS" / "NGO~" */
        if (prefix) { memcpy(s, agent, lg); s[lg] = '~'; }
        else { s[0] = '~'; memcpy(s + 1, agent, lg); }
        s[lg + 1] = '\0';
        return s;
    }
    if (aligned_find(actor, agent)) return actor;
    if (prefix) { memcpy(s, agent, lg); memcpy(s + lg, actor, la); }
    else { memcpy(s, actor, la); memcpy(s + la, agent, lg); }
    s[la + lg] = '\0';
    return s;
}

static int flat_same_actors(const flat *f)
{
    if (!f->scode || !f->tcode) return 1;
    return same(f->scode, f->tcode) && same(f->sagent, f->tagent) && f->sprefix == f->tprefix;
}

static int flat_dup(const flat *a, const flat *b)
{
    return same(a->scode, b->scode) && same(a->sagent, b->sagent) && same(a->tcode, b->tcode) &&
           same(a->tagent, b->tagent) && same(a->ev->code, b->ev->code) &&
           a->ev->special == b->ev->special;
}

static int ncodes(const dy_actor_ref *r)
{
    return r->codes ? r->codes->n_codes : 1;
}

static const char *nth_code(const dy_actor_ref *r, int k)
{
    return r->codes ? r->codes->codes[k] : r->code;
}

dy_assemble_result dy_assemble(const dy_code_state *cs, dy_arena *a,
                               dy_final_event *out, int max, int *n)
{
    *n = 0;
    int keep[DY_MAX_RAW_EVENTS];
    int has_dom = 0, non_sub = 0;
    for (int k = 0; k < cs->nev; ++k) {
        const dy_evt *e = &cs->ev[k];
        keep[k] = e->special != DY_SPECIAL_NULL;
        if (!keep[k]) continue;
        if (e->special == DY_SPECIAL_DISCARD) return DY_ASM_DISCARD;
        if (e->special == DY_SPECIAL_COMPLEX || e->src.special == DY_SPECIAL_COMPLEX ||
            e->tgt.special == DY_SPECIAL_COMPLEX)
            return DY_ASM_COMPLEX;
        if (e->dom) { has_dom = non_sub = 1; break; }
        if (!e->sub) non_sub = 1;
    }
    for (int k = 0; k < cs->nev; ++k) {
        if (has_dom && !cs->ev[k].dom) keep[k] = 0;
        else if (!has_dom && non_sub && cs->ev[k].sub) keep[k] = 0;
    }

    /* expand coded compounds: sources, then targets; order as TABARI lists them */
    enum { MAXF = 512 };
    flat fl[MAXF];
    int nf = 0;
    for (int k = 0; k < cs->nev && nf < MAXF; ++k) {
        if (!keep[k]) continue;
        const dy_evt *e = &cs->ev[k];
        for (int i = 0; i < ncodes(&e->src) && nf < MAXF; ++i) {
            for (int j = 0; j < ncodes(&e->tgt) && nf < MAXF; ++j) {
                flat f = {nth_code(&e->src, i), e->src.agent, nth_code(&e->tgt, j), e->tgt.agent,
                          e->src.agent_prefix, e->tgt.agent_prefix, e};
                fl[nf++] = f;
            }
        }
    }
    for (int k = 0; k < nf && *n < max; ++k) {
        if (flat_same_actors(&fl[k])) continue;
        int dup = 0;
        for (int j = 0; j < k && !dup; ++j) dup = flat_dup(&fl[j], &fl[k]);
        if (dup) continue;
        const char *src = dy_compose_code(a, fl[k].scode, fl[k].sagent, fl[k].sprefix);
        const char *tgt = dy_compose_code(a, fl[k].tcode, fl[k].tagent, fl[k].tprefix);
        if (same(src, tgt)) continue;   /* e.g. MED+~MED and MED: same actor after merging */
        dy_final_event *o = &out[(*n)++];
        o->source = src;
        o->target = tgt;
        o->code = fl[k].ev->code;
        o->ev = fl[k].ev;
    }
    return DY_ASM_EVENTS;
}
