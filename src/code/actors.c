/* actors.c — reading an actor's codes and agent off the parsed sentence, and
 * the default source and target searches (tabari-manual 5.4, 5.8, 7.9, 8.5). */
#include <string.h>

#include "code/actors.h"

static int same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

int dy_actor_equal(const dy_actor_ref *a, const dy_actor_ref *b)
{
    return same_str(a->code, b->code) && same_str(a->agent, b->agent) &&
           a->agent_prefix == b->agent_prefix && a->codes == b->codes;
}

/* Codes of the actor root headed at loc (after following a pronoun). */
void dy_actor_codes_at(const dy_sentence *s, int loc, dy_actor_ref *a)
{
    const dyad_dict *d = s->dict;
    dy_actor_zero(a);
    a->from = loc;
    for (int guard = 0; s->w[loc].deref && s->w[loc].refer >= 0 && guard < 8; ++guard)
        loc = s->w[loc].refer;
    const dy_root *r = dy_root_at(s, loc);
    dy_root fwd;
    a->where = loc;
    if (s->w[loc].deref && s->w[loc].refer == DY_REFER_FORWARD) {
        fwd.closed = DY_C_NONE;
        fwd.ref = s->fwd_ref;
        r = &fwd;
        a->where = DY_WHERE_FORWARD;
    }
    if (!r || r->closed) return;
    if (r->ref.kind == DY_ENTRY_ACTOR) {
        const dy_dated_code *c = dy_actor_codes(d, &d->actors[r->ref.index], s->date);
        if (!c) return;
        if (c->special == DY_SPECIAL_DISCARD && !s->opt->actor_discards) {
            a->code = "###";   /* PETRARCH: a code like any other */
            return;
        }
        a->special = c->special;
        if (c->n_codes > 0) a->code = c->codes[0];
        if (c->n_codes > 1) a->codes = c;
    } else if (r->ref.kind == DY_ENTRY_AGENT) {
        /* converted agent: coded by the agent alone, "~MOS" as TABARI prints it */
        const dy_agent *ag = &d->agents[r->ref.index];
        a->special = ag->special;
        a->agent = ag->code;
        a->agent_prefix = ag->prefix;
        a->code = "";
    }
}

static int former_at(const dy_sentence *s, int i)
{
    return i >= 0 && i < s->n && s->w[i].wtype == DY_W_ADJ && dy_closed_at(s, i) == DY_C_FORMER;
}

int dy_actor_tail(const dy_sentence *s, int loc, int end)
{
    if (s->w[loc].deref) return loc;
    while (loc < end && !dy_is_tail(s, loc, DY_W_ACTOR)) ++loc;
    return loc;
}

static void set_agent(const dy_sentence *s, dy_actor_ref *a, int head, int former)
{
    const dy_root *r = dy_root_at(s, head);
    a->agent_where = head;
    if (former) {
        a->agent = "ELI";
        a->agent_prefix = 0;
        return;
    }
    if (r && !r->closed && r->ref.kind == DY_ENTRY_AGENT) {
        const dy_agent *ag = &s->dict->agents[r->ref.index];
        if (ag->special != DY_SPECIAL_NONE) return;
        a->agent = ag->code;
        a->agent_prefix = ag->prefix;
    }
}

/* An agent right after the actor, or right before it (optionally across IN/OF);
 * FORMER next to either turns the agent into ELI (TABARI's findAgent). */
void dy_find_agent(const dy_sentence *s, int loc, int end, dy_actor_ref *a)
{
    if (a->agent && a->code && !a->code[0]) return;    /* a converted agent */
    int tloc = dy_actor_tail(s, loc, end);
    int former = 0;
    if (former_at(s, tloc + 1)) { former = 1; ++tloc; }
    if (!former && former_at(s, loc - 1)) former = 1;
    if (tloc + 1 < s->n && s->w[tloc + 1].wtype == DY_W_AGENT && dy_is_head(s, tloc + 1, DY_W_AGENT)) {
        set_agent(s, a, tloc + 1, former);
        return;
    }
    if (loc > 0 && s->w[loc - 1].wtype == DY_W_PREP) --loc;
    if (loc > 0 && s->w[loc - 1].wtype == DY_W_AGENT && dy_is_tail(s, loc - 1, DY_W_AGENT)) {
        int h = loc - 1;
        while (h >= 0 && !dy_is_head(s, h, DY_W_AGENT)) --h;
        if (h >= 0) {
            if (!former && former_at(s, h - 1)) former = 1;
            set_agent(s, a, h, former);
        }
    }
}

/* First actor head at or after loc within the current clause. */
static int find_actor(dy_code_state *cs, int loc, dy_actor_ref *a)
{
    const dy_sentence *s = cs->s;
    for (; loc <= cs->end && loc < s->n; ++loc) {
        if (s->w[loc].wtype == DY_W_ACTOR && dy_is_head(s, loc, DY_W_ACTOR)) {
            dy_actor_codes_at(s, loc, a);
            dy_find_agent(s, loc, cs->end, a);
            return loc;
        }
    }
    return -1;
}

/* Nearest actor at or before loc within the clause. */
static int back_actor(dy_code_state *cs, int loc, dy_actor_ref *a)
{
    const dy_sentence *s = cs->s;
    for (; loc >= cs->start && loc >= 0; --loc) {
        if (s->w[loc].wtype != DY_W_ACTOR) continue;
        int h = loc;
        if (!s->w[h].deref)
            while (h > 0 && !dy_is_head(s, h, DY_W_ACTOR)) --h;
        if (!dy_is_head(s, h, DY_W_ACTOR)) return -1;
        dy_actor_codes_at(s, h, a);
        dy_find_agent(s, h, cs->end, a);
        return h;
    }
    return -1;
}

static void set_default(dy_code_state *cs, dy_actor_ref *a, const char *code)
{
    dy_actor_zero(a);
    a->where = DY_WHERE_DEFAULT;
    a->code = code;
    (void)cs;
}

void dy_regular_source(dy_code_state *cs, int verb)
{
    const dy_options *o = cs->opt;
    dy_actor_ref a;
    int loc = cs->start;
    for (;;) {
        int found = find_actor(cs, loc, &a);
        if (found < 0) break;
        if (o->default_source_prior && o->default_source[0] && found > verb) {
            set_default(cs, &cs->source, o->default_source);
            cs->regular_source = 1;
            return;
        }
        if (!dy_actor_equal(&a, &cs->target)) {
            cs->source = a;
            cs->regular_source = 1;
            return;
        }
        loc = found + 1;
    }
    if (o->default_source[0]) {
        set_default(cs, &cs->source, o->default_source);
        cs->regular_source = 1;
    }
}

void dy_regular_target(dy_code_state *cs, int verb)
{
    const dy_options *o = cs->opt;
    const dy_sentence *s = cs->s;
    dy_actor_ref a;
    int loc = verb + 1;
    for (;;) {
        int found = find_actor(cs, loc, &a);
        if (found < 0) break;
        if (!dy_actor_equal(&a, &cs->source)) {
            cs->target = a;
            cs->regular_target = 1;
            return;
        }
        loc = found + 1;
    }
    if (o->default_target_after && o->default_target[0]) {
        set_default(cs, &cs->target, o->default_target);
        cs->regular_target = 1;
        return;
    }
    loc = verb - 1;
    for (;;) {
        int found = back_actor(cs, loc, &a);
        if (found < 0) break;
        if (!dy_actor_equal(&a, &cs->source)) {
            cs->target = a;
            return;
        }
        loc = found - 1;
    }
    /* a compound source with nothing else around is its own target */
    if (cs->source.codes || (cs->source.where >= 0 && s->w[cs->source.where].compound)) {
        cs->target = cs->source;
    } else if (o->default_target[0]) {
        set_default(cs, &cs->target, o->default_target);
        cs->regular_target = 1;
    }
}

/* Passive voice: BY one to three words after the verb, WAS/WERE/BEEN one or two
 * words before it (tabari-manual 7.9). */
int dy_check_passive(const dy_sentence *s, int verb)
{
    int by = 0;
    for (int k = 1; k <= 3; ++k)
        if (verb + k < s->n && s->w[verb + k].wtype == DY_W_BY) by = 1;
    if (!by) return 0;
    return (verb > 0 && s->w[verb - 1].wtype == DY_W_AUXIL) ||
           (verb > 1 && s->w[verb - 2].wtype == DY_W_AUXIL);
}
