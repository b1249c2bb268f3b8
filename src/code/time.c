/* time.c — time-shift phrases (<TIME> section, tabari-manual 10.5): the first
 * non-null one moves the event date by its number of days. */
#include "code/complexity.h"
#include "code/pattern.h"
#include "code/section.h"

static dy_time_result apply(const dy_vcode *c, int *shift)
{
    if (c->special == DY_SPECIAL_DISCARD) return DY_TIME_DISCARD;
    if (c->special == DY_SPECIAL_COMPLEX) return DY_TIME_COMPLEX;
    if (c->special == DY_SPECIAL_NULL) return DY_TIME_NONE;
    *shift = c->shift;
    return DY_TIME_SHIFT;
}

dy_time_result dy_check_time(const dy_sentence *s, int *shift)
{
    const dyad_dict *d = s->dict;
    *shift = 0;
    for (int i = 0; i < s->n; ++i) {
        if (!dy_is_head(s, i, DY_W_TIME)) continue;
        const dy_root *r = dy_root_at(s, i);
        if (r->closed || r->ref.kind != DY_ENTRY_VERB) continue;
        const dy_verb *v = &d->verbs[r->ref.index];
        uint32_t k = 0;
        dy_pmatch m;
        for (const dy_pattern *p; (p = dy_section_pattern(s, r, &k, &m)) != NULL;) {
            dy_time_result t = apply(&p->code, shift);
            if (t != DY_TIME_NONE) return t;
        }
        const dy_vcode *c = (v->code.code || v->code.special || v->code.shift) ? &v->code
                                                                               : &d->verbs[v->main].code;
        if (c->code || c->special || c->shift) {
            dy_time_result t = apply(c, shift);
            if (t != DY_TIME_NONE) return t;
            i = r->tail;
        }
    }
    return DY_TIME_NONE;
}
