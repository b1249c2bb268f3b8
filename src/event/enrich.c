/* enrich.c — adds to each coded event what users count, map and join by:
 * the CAMEO table's facts, actor country and agents, the sentence's own date
 * and place. Called once per sentence by the coder (src/code/coder.c). */
#include <string.h>

#include "event/cameo.h"
#include "event/enrich.h"
#include "event/place.h"
#include "event/when.h"

static int upper3(const char *s)
{
    for (int i = 0; i < 3; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

void dy_actor_split(const char *code, dyad_actor_parts *out)
{
    memset(out, 0, sizeof *out);
    if (!code)
        return;
    if (code[0] == '~') {   /* agent only: "~MOS" */
        size_t n = strlen(code + 1);
        if (n >= sizeof out->agents)
            n = sizeof out->agents - 1;
        memcpy(out->agents, code + 1, n);
        return;
    }
    size_t n = strlen(code);
    if (n < 3 || !upper3(code))
        return;
    memcpy(out->country, code, 3);
    out->is_country = dy_iso3_known(code);
    size_t rest = n - 3;
    if (rest >= sizeof out->agents)
        rest = sizeof out->agents - 1;
    memcpy(out->agents, code + 3, rest);
    /* "NGO~" style prefixes leave a '~'; agents are plain letters */
    char *w = out->agents;
    for (const char *r = out->agents; *r; r++)
        if (*r != '~')
            *w++ = *r;
    *w = '\0';
}

void dy_enrich_codes(dyad_event *ev)
{
    static const char *const roots[21] = {
        "", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10",
        "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"
    };
    const char *code = ev->code ? ev->code : "";
    const dy_cameo *c = dy_cameo_find(code, strlen(code));
    ev->code_name = c ? c->name : "";
    ev->quad_class = dy_cameo_quad_gdelt(code);
    ev->quad_phoenix = dy_cameo_quad_phoenix(code);
    ev->root_code = ev->quad_class ? roots[(code[0] - '0') * 10 + (code[1] - '0')] : "";
    ev->has_goldstein = c != NULL;
    ev->goldstein = c ? c->goldstein : 0.0;
    ev->plover_type = c ? c->plover_type : "";
    ev->plover_mode = c ? c->plover_mode : "";
    ev->plover_context = c ? c->plover_context : "";
    dy_actor_split(ev->source, &ev->source_parts);
    dy_actor_split(ev->target, &ev->target_parts);
}

static int same_country(const char *a, const char *b)
{
    return a == b || (a && b && !memcmp(a, b, 3));
}

void dy_enrich_sentence(dyad_event *ev, size_t n, const dy_tokens *toks, int story_date)
{
    if (n == 0)
        return;
    int date = 0;
    dyad_span date_span = {0, 0};
    int named = toks && dy_when_find(toks, story_date, &date, &date_span);
    const dyad_place *prev_place = NULL;   /* the previous event's, and its countries */
    const char *prev1 = NULL, *prev2 = NULL;
    for (size_t k = 0; k < n; k++) {
        dyad_event *e = &ev[k];
        dy_enrich_codes(e);
        if (e->date_shift) {   /* a dictionary <TIME> phrase wins */
            e->date_origin = DYAD_DATE_SHIFT;
        } else if (named) {
            e->date = date;
            e->date_origin = DYAD_DATE_SENTENCE;
            e->date_span = date_span;
        }
        if (toks) {
            const char *p1 = e->source_parts.is_country ? e->source_parts.country : NULL;
            const char *p2 = e->target_parts.is_country ? e->target_parts.country : NULL;
            /* the countries only break ties: the same ones find the same place */
            if (prev_place && same_country(p1, prev1) && same_country(p2, prev2))
                e->place = *prev_place;
            else
                dy_place_find(toks, p1, p2, &e->place);
            prev_place = &e->place;
            prev1 = p1;
            prev2 = p2;
        }
    }
}
