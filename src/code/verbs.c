/* verbs.c — TABARI's checkVerbs/doVerb/makeEvent: walks the clauses, tries each
 * verb's patterns longest first, finds source and target, records raw events. */
#include <string.h>

#include "code/actors.h"
#include "code/patindex.h"
#include "code/pattern.h"
#include "code/verbs.h"

static void put_one(dy_code_state *cs, const dy_vcode *vc, const char *code, int verb,
                    const dy_actor_ref *src, const dy_actor_ref *tgt,
                    const dy_pattern *pat, const dy_verb *vroot, const dy_pmatch *m)
{
    if (cs->nev >= DY_MAX_RAW_EVENTS) { cs->overflow = 1; return; }
    dy_evt *e = &cs->ev[cs->nev++];
    memset(e, 0, sizeof *e);     /* code_sentence does not clear the raw events */
    e->src = *src;
    e->tgt = *tgt;
    e->attrib = cs->attrib.code;
    e->code = code;
    e->special = code ? DY_SPECIAL_NONE : vc->special;
    e->sub = vc->subordinate;
    e->dom = vc->dominant;
    e->verb = verb;
    e->pat = pat;
    e->vroot = vroot;
    e->lo = m ? m->lo : verb;
    e->hi = m ? m->hi : verb;
}

/* putEvent: the event and, for paired codes [a:b], its mirror. */
static void put_event(dy_code_state *cs, const dy_vcode *vc, int verb, const dy_actor_ref *src,
                      const dy_actor_ref *tgt, const dy_pattern *pat, const dy_verb *vroot,
                      const dy_pmatch *m)
{
    put_one(cs, vc, vc->code, verb, src, tgt, pat, vroot, m);
    if (vc->paired) put_one(cs, vc, vc->paired, verb, tgt, src, pat, vroot, m);
}

static int is_compound_head(const dy_sentence *s, int where)
{
    return where >= 0 && s->w[where].compound && s->w[where].cmp_end >= 0;
}

/* Next actor of a parsed compound after the one at idx; -1 at its end. */
static int next_member(const dy_sentence *s, int idx, int *last)
{
    for (++idx; idx < s->n; ++idx)
        if (s->w[idx].head_of >= 0 && s->w[idx].wtype == DY_W_ACTOR) break;
    if (idx >= s->n) return -1;
    int ka = idx;
    while (ka < s->n - 1 && !dy_is_tail(s, ka, DY_W_ACTOR)) ++ka;
    if (s->w[ka].cmp_start >= 0) *last = 1;
    return idx;
}

static void member_ref(dy_code_state *cs, int idx, const dy_actor_ref *whole, dy_actor_ref *out)
{
    if (idx < 0 || whole->where == DY_WHERE_DEFAULT) { *out = *whole; return; }
    dy_actor_codes_at(cs->s, idx, out);
    dy_find_agent(cs->s, idx, cs->end, out);
}

/* Tree mode: one event per member of the source and of the target, which
 * are PETRARCH-1's compounds when they are conjuncts (dy_tree_members). */
static void tree_events(dy_code_state *cs, const dy_vcode *vc, int verb, const dy_pattern *pat,
                        const dy_verb *vroot, const dy_pmatch *m)
{
    dy_actor_ref src[DY_TREE_MEMBERS], tgt[DY_TREE_MEMBERS];
    int ns = dy_tree_members(cs, &cs->source, src, DY_TREE_MEMBERS);
    int nt = dy_tree_members(cs, &cs->target, tgt, DY_TREE_MEMBERS);
    if (ns == 0) { src[0] = cs->source; ns = 1; }
    if (nt == 0) { tgt[0] = cs->target; nt = 1; }
    for (int i = 0; i < ns; ++i)
        for (int j = 0; j < nt; ++j) put_event(cs, vc, verb, &src[i], &tgt[j], pat, vroot, m);
}

/* makeEvent: fills in missing actors, handles passive voice and parsed
 * compounds (one event per source-target pair). */
static void make_event(dy_code_state *cs, const dy_vcode *vc, int verb, const dy_pattern *pat,
                       const dy_verb *vroot, const dy_pmatch *m)
{
    const dy_sentence *s = cs->s;
    dy_vcode voiced;
    if (cs->has_frame && vc->passive && cs->frame.voice_passive) {
        /* PETRARCH-2 [active:passive]: the passive voice has its own code */
        voiced = *vc;
        voiced.code = vc->passive;
        voiced.paired = NULL;
        voiced.special = DY_SPECIAL_NONE;
        vc = &voiced;
    }
    if (vc->special == DY_SPECIAL_NULL) return;
    if (cs->has_frame) {
        /* the tree names subject and object; the text searches are the fallback */
        if (dy_actor_empty(&cs->source)) dy_tree_source(cs, verb);
        if (dy_actor_empty(&cs->target)) dy_tree_target(cs, verb);
        /* require_dyad = false: an uncoded noun phrase is PETRARCH's null actor */
        if (!cs->opt->require_dyad && !dy_actor_empty(&cs->source) &&
            dy_actor_empty(&cs->target) && cs->opt->default_target[0] &&
            dy_tree_object_np(cs, verb)) {
            cs->target.where = DY_WHERE_DEFAULT;
            cs->target.code = cs->opt->default_target;
        }
    } else {
        if (dy_actor_empty(&cs->source)) dy_regular_source(cs, verb);
        if (dy_actor_empty(&cs->target)) dy_regular_target(cs, verb);
    }
    if (dy_actor_empty(&cs->source) || dy_actor_empty(&cs->target)) return;

    if (!cs->has_frame && cs->regular_source && cs->regular_target && dy_check_passive(s, verb)) {
        dy_actor_ref t = cs->source;
        cs->source = cs->target;
        cs->target = t;
        cs->passive = 1;
    }
    int in_src = cs->source.where >= 0 && s->w[cs->source.where].compound;
    int in_tgt = cs->target.where >= 0 && s->w[cs->target.where].compound;
    if (cs->has_frame) {
        tree_events(cs, vc, verb, pat, vroot, m);
    } else if (!in_src && !in_tgt) {
        put_event(cs, vc, verb, &cs->source, &cs->target, pat, vroot, m);
    } else {
        int cs_src = is_compound_head(s, cs->source.where);
        int cs_tgt = is_compound_head(s, cs->target.where);
        int si = cs->source.where, slast = !cs_src;
        for (int guard = 0; guard < DY_MAX_WORDS; ++guard) {
            dy_actor_ref src, tgt;
            member_ref(cs, cs_src ? si : -1, &cs->source, &src);
            int ti = cs->target.where, tlast = !cs_tgt;
            for (int g2 = 0; g2 < DY_MAX_WORDS; ++g2) {
                member_ref(cs, cs_tgt ? ti : -1, &cs->target, &tgt);
                put_event(cs, vc, verb, &src, &tgt, pat, vroot, m);
                if (tlast) break;
                ti = next_member(s, ti, &tlast);
                if (ti < 0) break;
            }
            if (slast) break;
            si = next_member(s, si, &slast);
            if (si < 0) break;
        }
    }
    if (!cs->regular_source) dy_actor_zero(&cs->source);
    if (!cs->regular_target) dy_actor_zero(&cs->target);
}

/* The actor a pattern's $ or + names at word k, with its agent. */
static void pattern_actor(dy_code_state *cs, int k, dy_actor_ref *out)
{
    if (cs->has_frame) {
        dy_tree_actor_at(cs, k, cs->end, out);
        return;
    }
    dy_actor_codes_at(cs->s, k, out);
    dy_find_agent(cs->s, k, cs->end, out);
}

/* The code of a verb root (forms share the code of their main root). */
static const dy_vcode *root_code(const dyad_dict *d, const dy_verb *v)
{
    if (v->code.code || v->code.special) return &v->code;
    return &d->verbs[v->main].code;
}

static const dy_verb *patterns_owner(const dyad_dict *d, const dy_verb *v)
{
    return v->n_patterns ? v : &d->verbs[v->main];
}

static void take_pattern_actors(dy_code_state *cs, const dy_pmatch *m)
{
    const dy_sentence *s = cs->s;
    if (m->source >= 0) pattern_actor(cs, m->source, &cs->source);
    if (m->target >= 0) pattern_actor(cs, m->target, &cs->target);
    if (m->attrib >= 0) dy_actor_codes_at(s, m->attrib, &cs->attrib);
    /* % wants a compound there; in tree mode (PETRARCH) it names no actor:
     * the parse's subject and object are the source and target */
    if (m->compound >= 0 && !cs->has_frame) {
        dy_actor_codes_at(s, m->compound, &cs->source);
        dy_actor_codes_at(s, m->compound, &cs->target);
    }
}

/* Where doVerb's pattern loop stands. */
typedef struct vloop {
    int got_pat, got_alt, maxlen, old_nev;
} vloop;

/* One pattern of the loop (the need filter passed). */
static void try_pattern(dy_code_state *cs, vloop *st, const dy_pattern *p, int index,
                        const dy_verb *v, const dy_root *r)
{
    const dy_sentence *s = cs->s;
    const dyad_dict *d = s->dict;
    dy_pmatch m;
    if (!cs->initials) {   /* the sentence's first match: the words' initials */
        uint8_t *ini = dy_arena_alloc(cs->arena, (size_t)s->n + 1);
        if (ini) {         /* else the matcher reads the tokens */
            for (int i = 0; i < s->n; ++i) ini[i] = (uint8_t)s->w[i].tok->text[0];
            cs->initials = ini;
        }
    }
    if (!dy_match_pattern(s, cs->initials, p->phrase, r->head, r->tail, cs->end, &m)) return;
    if (cs->has_frame && !dy_tree_groups_ok(s->tree, d, p->phrase, &m)) return;
    int make = 0;
    if (m.lenalt) {
        st->got_alt = 1;
        if ((int)p->length + m.lenalt > st->maxlen) {
            make = 1;
            st->maxlen = (int)p->length - dy_pattern_maxalt(d, p->phrase) + m.lenalt;
        }
    } else {
        st->got_alt = 0;
        st->got_pat = 1;
        make = 1;
    }
    if (make) {
        take_pattern_actors(cs, &m);
        cs->nev = st->old_nev;   /* a longer match replaces an alternative's event */
        make_event(cs, &p->code, index, p, v, &m);
    }
}

static inline int lowest_bit(uint64_t b)
{
#if defined(__GNUC__)
    return __builtin_ctzll(b);
#else
    int n = 0;
    while (!(b & 1)) { b >>= 1; ++n; }
    return n;
#endif
}

/* The loop over the patterns the index (code/patindex.h) says may match,
 * in order. Patterns are sorted longest first, so "a pattern no longer than
 * maxlen comes next" is decided at the next candidate, or after the last. */
static void indexed_loop(dy_code_state *cs, vloop *st, const uint64_t *cand, size_t nw,
                         uint32_t first, uint32_t npat, int index, const dy_verb *v,
                         const dy_root *r)
{
    const dy_pattern *pats = &cs->s->dict->patterns[first];
    const dy_need *need = &cs->need[first];
    long last = -1;
    for (size_t w = 0; w < nw; ++w) {
        for (uint64_t b = cand[w]; b; b &= b - 1) {
            uint32_t k = (uint32_t)(w * 64 + (size_t)lowest_bit(b));
            last = k;
            if (st->got_alt && (int)pats[k].length <= st->maxlen) { st->got_pat = 1; return; }
            if (!dy_wordmask_covers(cs->have, &need[k])) continue;
            try_pattern(cs, st, &pats[k], index, v, r);
            if (st->got_pat) return;
        }
    }
    if (st->got_alt && last + 1 < (long)npat && (int)pats[npat - 1].length <= st->maxlen)
        st->got_pat = 1;
}

/* doVerb: patterns longest first; a match with alternatives keeps looking at
 * longer-than-matched patterns before it is accepted (manual 5.7.1). */
static int do_verb(dy_code_state *cs, int index)
{
    const dy_sentence *s = cs->s;
    const dyad_dict *d = s->dict;
    const dy_root *r = dy_root_at(s, index);
    if (!r || r->closed || r->ref.kind != DY_ENTRY_VERB) return 0;
    const dy_verb *v = &d->verbs[r->ref.index];
    const dy_verb *pv = patterns_owner(d, v);

    dy_actor_zero(&cs->target);
    if (cs->passive) { dy_actor_zero(&cs->source); cs->passive = 0; }

    vloop st = {0, 0, 0, cs->nev};
    const dy_pattern *pats = &d->patterns[pv->first_pattern];
    const dy_need *need = cs->need ? &cs->need[pv->first_pattern] : NULL;
    uint32_t npat = pv->n_patterns;
    uint64_t cand[DY_PATINDEX_WORDS];
    size_t nw = need ? dy_patindex_candidates(cs->pidx, (uint32_t)(pv - d->verbs), cs->have,
                                              cand)
                     : 0;
    if (nw) {
        indexed_loop(cs, &st, cand, nw, pv->first_pattern, npat, index, v, r);
    } else {
        for (uint32_t k = 0; k < npat && !st.got_pat; ++k) {
            if (st.got_alt) {
                if ((int)pats[k].length <= st.maxlen) { st.got_pat = 1; break; }
                if (need && !dy_wordmask_covers(cs->have, &need[k])) continue;
            } else if (need) {
                /* most patterns need a word the sentence does not have: a
                 * tight scan on the most selective one, then the others */
                const dy_wordmask *have = cs->have;
                for (; k < npat; ++k)
                    if (dy_wordmask_has(have, need[k].h[0]) && dy_wordmask_covers(have, &need[k]))
                        break;
                if (k == npat) break;
            }
            try_pattern(cs, &st, &pats[k], index, v, r);
        }
    }
    const dy_vcode *rc = root_code(d, v);
    if (!st.got_pat && (rc->code || rc->special)) make_event(cs, rc, index, NULL, v, NULL);
    return st.got_pat || rc->code || (rc->special && rc->special != DY_SPECIAL_NULL);
}

/* Next clause after cs->end; 0 when there is none (setClauseBounds). */
static int next_clause(dy_code_state *cs, int first)
{
    const dy_sentence *s = cs->s;
    if (!s->has_clauses) {
        if (!first) return 0;
        cs->start = 0;
        cs->end = s->n - 1;
        return 1;
    }
    int st = first ? 0 : cs->end + 1;
    while (st < s->n && !s->w[st].clause_start) ++st;
    if (st >= s->n) return 0;
    int en = st;
    while (en < s->n - 1 && !s->w[en].clause_end) ++en;
    cs->start = st;
    cs->end = en;
    return 1;
}

/* Tree mode: every verb the parse puts in a verb phrase, left to right; a
 * clause is the tree's clause of the verb. SET: CODE BY CLAUSE stops a clause
 * (not the sentence) at its first non-subordinate event; a PETRARCH
 * configuration codes every verb phrase (every_verb_phrase). */
static void check_verbs_tree(dy_code_state *cs)
{
    const dy_sentence *s = cs->s;
    int code_by = cs->opt->every_verb_phrase ? DY_CODE_ALL : cs->opt->code_by;
    int done[DY_MAX_WORDS], ndone = 0, skip_to = -1;
    for (int i = 0; i < s->n; ++i) {
        if (i <= skip_to || !dy_is_head(s, i, DY_W_VERB)) continue;
        /* a multi-word verb ("wire tapped") may have its verb last */
        const dy_root *vr = dy_root_at(s, i);
        if (!dy_tree_frame(s->tree, i, &cs->frame) &&
            !(vr && vr->tail > i && dy_tree_frame(s->tree, vr->tail, &cs->frame)))
            continue;
        int cl = cs->frame.unit, seen = 0;
        for (int k = 0; k < ndone && !seen; ++k) seen = done[k] == cl;
        if (seen) continue;
        cs->has_frame = 1;
        cs->start = cs->frame.cstart >= 0 ? cs->frame.cstart : 0;
        cs->end = cs->frame.cend >= 0 ? cs->frame.cend : s->n - 1;
        dy_actor_zero(&cs->source);
        cs->regular_source = cs->regular_target = 0;
        int before = cs->nev;
        /* PETRARCH: a verb that has a code takes its whole verb phrase; the
         * verbs inside it are not coded on their own */
        if (do_verb(cs, i) && cs->frame.vend > i) skip_to = cs->frame.vend;
        cs->has_frame = 0;
        if (code_by == DY_CODE_ALL) continue;
        for (int e = before; e < cs->nev; ++e) {
            if (cs->ev[e].sub) continue;
            if (code_by == DY_CODE_BY_SENTENCE) return;
            if (ndone < DY_MAX_WORDS) done[ndone++] = cl;
            break;
        }
    }
}

/* Can the verb loop make any event? make_event needs a source and a target,
 * and without a default actor both come from a word that is an actor, a
 * pronoun dereferenced to one, or the head of a compound. Most news
 * sentences have none: their verbs' patterns need not be tried. */
static int may_find_actors(const dy_code_state *cs)
{
    const dy_sentence *s = cs->s;
    if (s->tree || cs->opt->default_source[0] || cs->opt->default_target[0]) return 1;
    /* the parse says so without a look at the words when it found no actor
     * (agents made actors included) and no pronoun (that could refer to one) */
    uint32_t may = (1u << DY_W_ACTOR) | (1u << DY_W_PRONOUN);
    if (s->lexed_types && !(s->lexed_types & may)) return 0;
    for (int i = 0; i < s->n; ++i) {
        const dy_word *w = &s->w[i];
        if (w->wtype == DY_W_ACTOR || w->deref || w->cmp_end >= 0) return 1;
    }
    return 0;
}

void dy_check_verbs(dy_code_state *cs)
{
    const dy_sentence *s = cs->s;
    int code_by = cs->opt->code_by;
    if (!may_find_actors(cs)) return;
    if (s->tree) {
        dy_actor_zero(&cs->source);
        dy_actor_zero(&cs->target);
        cs->passive = 0;
        check_verbs_tree(cs);
        return;
    }
    dy_actor_zero(&cs->source);
    dy_actor_zero(&cs->target);
    cs->passive = 0;
    int start_event = 0;
    for (int first = 1; next_clause(cs, first); first = 0) {
        if (cs->end - cs->start < 2) continue;
        if (cs->start > 0 && dy_is_head(s, cs->start, DY_W_ACTOR))
            dy_actor_codes_at(s, cs->start, &cs->source);
        dy_actor_zero(&cs->target);
        if (code_by == DY_CODE_BY_CLAUSE) start_event = cs->nev;
        int got = 0;
        for (int i = cs->start; i <= cs->end && i < s->n && !got;) {
            if (s->w[i].sub_end >= 0) { i = s->w[i].sub_end + 1; continue; }
            if (dy_is_head(s, i, DY_W_VERB)) {
                do_verb(cs, i);
                if (code_by != DY_CODE_ALL) {
                    for (int e = start_event; e < cs->nev; ++e) {
                        if (!cs->ev[e].sub) {
                            got = 1;
                            if (code_by == DY_CODE_BY_SENTENCE) return;
                            break;
                        }
                    }
                }
            }
            ++i;
        }
    }
}
