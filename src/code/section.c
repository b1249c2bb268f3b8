/* section.c — the verbs of the <TIME> and <ATTRIB> sections: their patterns
 * tried in order against the sentence (shared by time.c and attrib.c). */
#include "code/section.h"

const dy_pattern *dy_section_pattern(const dy_sentence *s, const dy_root *r, uint32_t *k,
                                     dy_pmatch *m)
{
    const dyad_dict *d = s->dict;
    const dy_verb *v = &d->verbs[r->ref.index];
    const dy_verb *pv = v->n_patterns ? v : &d->verbs[v->main];
    while (*k < pv->n_patterns) {
        const dy_pattern *p = &d->patterns[pv->first_pattern + (*k)++];
        if (dy_match_pattern(s, NULL, p->phrase, r->head, r->tail, s->n - 1, m))
            return p;
    }
    return NULL;
}
