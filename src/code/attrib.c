/* attrib.c — the attribution actor (<ATTRIB> section, tabari-manual 10.4):
 * the last attribution phrase decides; its @, else an actor before it up to a
 * comma, else the first actor of the sentence. */
#include "code/actors.h"
#include "code/attrib.h"
#include "code/pattern.h"
#include "code/section.h"

/* Actor before the phrase back to a comma, else the first in the sentence. */
static void attrib_actor(dy_code_state *cs, int loc)
{
    const dy_sentence *s = cs->s;
    for (int k = loc; k >= 0 && s->w[k].wtype != DY_W_COMMA; --k) {
        if (s->w[k].wtype != DY_W_ACTOR) continue;
        int h = k;
        if (!s->w[h].deref)
            while (h > 0 && !dy_is_head(s, h, DY_W_ACTOR)) --h;
        if (dy_is_head(s, h, DY_W_ACTOR)) {
            dy_actor_codes_at(s, h, &cs->attrib);
            return;
        }
    }
    for (int k = 0; k < s->n; ++k)
        if (s->w[k].wtype == DY_W_ACTOR && dy_is_head(s, k, DY_W_ACTOR)) {
            dy_actor_codes_at(s, k, &cs->attrib);
            return;
        }
}

static dy_attrib_result special(const dy_vcode *c)
{
    if (c->special == DY_SPECIAL_DISCARD) return DY_ATTRIB_DISCARD;
    if (c->special == DY_SPECIAL_COMPLEX) return DY_ATTRIB_COMPLEX;
    return DY_ATTRIB_OK;
}

dy_attrib_result dy_check_attrib(dy_code_state *cs)
{
    const dy_sentence *s = cs->s;
    const dyad_dict *d = s->dict;
    dy_actor_zero(&cs->attrib);
    for (int i = s->n - 1; i >= 0; --i) {
        if (!dy_is_tail(s, i, DY_W_ATTRIB)) continue;
        const dy_root *r = &s->roots[s->w[i].tail_of];
        if (r->closed || r->ref.kind != DY_ENTRY_VERB) continue;
        const dy_verb *v = &d->verbs[r->ref.index];
        uint32_t k = 0;
        dy_pmatch m;
        const dy_pattern *p = dy_section_pattern(s, r, &k, &m);
        if (p) {
            dy_attrib_result sp = special(&p->code);
            if (sp != DY_ATTRIB_OK) return sp;
            if (m.attrib >= 0) dy_actor_codes_at(s, m.attrib, &cs->attrib);
            else attrib_actor(cs, r->head);
            return DY_ATTRIB_OK;
        }
        dy_attrib_result sp = special(&v->code);
        if (sp != DY_ATTRIB_OK) return sp;
        attrib_actor(cs, r->head);
        return DY_ATTRIB_OK;
    }
    return DY_ATTRIB_OK;
}
