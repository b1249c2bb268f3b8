/* pattern.c — TABARI's checkPattern: the part after '*' is matched forward from
 * the verb, the part before it backward; blank connectors let words be skipped. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "code/pattern.h"

typedef struct matcher {
    const dy_sentence *s;
    const dyad_dict *d;
    int last;            /* highest word the forward match may use */
    int up;              /* 1 forward, 0 backward */
    int in_alt;          /* inside alternatives: count matched characters */
    int depth;           /* synsets being matched inside each other */
    int nest;            /* inside { } alternatives */
    const dy_elem *base; /* the pattern's own elements, for m->pos */
    dy_pmatch *m;
    const uint8_t *initial;  /* first byte of each word, or NULL */
} matcher;

/* Remembers the word an element of the pattern itself matched. */
static void record(matcher *mt, const dy_elem *e, int at)
{
    if (mt->nest || mt->depth) return;
    ptrdiff_t k = e - mt->base;
    if (k >= 0 && k < DY_PM_POS) mt->m->pos[k] = (int16_t)at;
}

static void touch(matcher *mt, int i)
{
    if (i < mt->m->lo) mt->m->lo = i;
    if (i > mt->m->hi) mt->m->hi = i;
}

/* 2 exact, 1 the word starts with it, 0 no match (TABARI's hasLitr). */
static int word_match(const dy_elem *e, const dy_token *t)
{
    /* the first letter rejects most words without a call to memcmp */
    if (t->len < e->len || (e->len && t->text[0] != e->word[0]) ||
        memcmp(t->text, e->word, e->len) != 0)
        return 0;
    return t->len == e->len ? 2 : 1;
}

/* Head of the actor word i belongs to (following a pronoun reference). */
static int actor_head(const dy_sentence *s, int i)
{
    if (s->w[i].deref) {
        if (s->w[i].refer < 0) return i;     /* forwarded: the pronoun stands for it */
        i = s->w[i].refer;
    }
    while (i > 0 && !dy_is_head(s, i, DY_W_ACTOR)) --i;
    return dy_is_head(s, i, DY_W_ACTOR) ? i : -1;
}

static int actor_tail(const dy_sentence *s, int i)
{
    if (s->w[i].deref) return i;
    while (i < s->n - 1 && !dy_is_tail(s, i, DY_W_ACTOR)) ++i;
    return i;
}

/* Can a member of synset ss (index ref) start with the whole word t? Its
 * first letter and its length must both occur among the members'. */
static inline int synset_may_start(const dy_sentence *s, const dy_synset *ss, uint32_t ref,
                                   const dy_token *t)
{
    if (!(ss->initials & dy_initial_bit(t->text[0]))) return 0;
    return !s->synset_lens || ((s->synset_lens[ref] >> (t->len < 63 ? t->len : 63)) & 1u);
}

static int match_seq(matcher *mt, const dy_elem *el, int count, int *at, int skip);
static int match_row(matcher *mt, const dy_elem *el, int count, int *at);
static int match_one(matcher *mt, const dy_elem *e, int *i);

/* Does synset member `ph` match at word i? Its first word must match whole
 * (synsets are not stemmed); forward the rest of the member must follow,
 * backward only the first word is checked (as TABARI does). */
static int member_match(matcher *mt, dy_phrase ph, int *pi)
{
    const dy_elem *el = &mt->d->elems[ph.first];
    int i = *pi;
    if (ph.count == 0) return 0;
    if (!mt->up && mt->s->tree && ph.count > 1) {
        /* tree mode (PETRARCH): backward, the whole member ends at word i */
        int at = i, save_alt = mt->in_alt;
        mt->in_alt = 0;
        int ok = match_row(mt, el, (int)ph.count, &at);
        mt->in_alt = save_alt;
        if (ok) *pi = at;
        return ok;
    }
    if (el[0].kind == DY_EL_WORD) {
        if (word_match(&el[0], mt->s->w[i].tok) != 2) return 0;
    } else {
        int at = i;
        if (!match_one(mt, &el[0], &at)) return 0;
        i = at;
    }
    if (!mt->up || ph.count == 1) return 1;
    int at = i + 1, save_alt = mt->in_alt;
    if (at > mt->last) return 0;
    mt->in_alt = 0;
    /* PETRARCH (tree mode): SILVER CROWN is two words in a row */
    int ok = mt->s->tree ? match_row(mt, el + 1, (int)ph.count - 1, &at)
                         : match_seq(mt, el + 1, (int)ph.count - 1, &at, !el[0].adjacent);
    mt->in_alt = save_alt;
    return ok;
}

/* Tries element e at word i; returns 0 fail, 1 partial, 2 full. May move *i
 * (skipping over an actor with ^). */
static int match_one(matcher *mt, const dy_elem *e, int *i)
{
    const dy_sentence *s = mt->s;
    const dy_word *w = &s->w[*i];
    int h;
    switch (e->kind) {
    case DY_EL_WORD:
        /* PETRARCH (tree mode) matches pattern words whole */
        if (s->tree) return word_match(e, w->tok) == 2 ? 2 : 0;
        return word_match(e, w->tok);
    case DY_EL_SOURCE:
    case DY_EL_TARGET:
    case DY_EL_ATTRIB:
        if (w->wtype != DY_W_ACTOR || (h = actor_head(s, *i)) < 0) return 0;
        if (e->kind == DY_EL_SOURCE) mt->m->source = h;
        else if (e->kind == DY_EL_TARGET) mt->m->target = h;
        else mt->m->attrib = h;
        return 2;
    case DY_EL_SKIP:
        if (w->wtype == DY_W_ACTOR && (h = actor_head(s, *i)) >= 0) {
            *i = mt->up ? actor_tail(s, *i) : h;
            return 2;
        }
        /* PETRARCH (tree mode): ^ skips the rest of a noun phrase, actor or not */
        if (s->tree) {
            int first, last;
            if (!dy_tree_np_around(s->tree, *i, &first, &last)) return 0;
            *i = mt->up ? last : first;
            return 2;
        }
        return 0;
    case DY_EL_COMPOUND:
        if (w->cmp_end < 0) return 0;
        mt->m->compound = *i;
        return 2;
    case DY_EL_SYNSET: {
        if (e->ref >= mt->d->n_synsets) return 0;
        if (mt->depth >= DY_SYNSET_DEPTH_MAX) return 0;
        const dy_synset *ss = &mt->d->synsets[e->ref];
        /* no member starts with this word's letter (tree mode backward
         * matches a member's last word here, so it cannot ask) */
        if ((mt->up || !s->tree) && w->tok->len && !synset_may_start(s, ss, e->ref, w->tok))
            return 0;
        int ok = 0;
        const dy_token *tk = w->tok;
        int whole_first = mt->up || !s->tree;   /* member_match tests the first word whole */
        ++mt->depth;
        for (uint32_t k = 0; k < ss->n_alts && !ok; ++k) {
            dy_phrase ph = mt->d->alts[ss->first_alt + k];
            if (ph.count == 0) continue;
            /* most members fail on the first word's length or letter: no call */
            const dy_elem *e0 = &mt->d->elems[ph.first];
            if (e0->kind == DY_EL_WORD && (whole_first || ph.count == 1) &&
                (tk->len != e0->len || (e0->len && tk->text[0] != e0->word[0])))
                continue;
            ok = member_match(mt, ph, i);
        }
        --mt->depth;
        return ok ? 2 : 0;
    }
    default:
        return 0;
    }
}

static int full_only(const dy_elem *e)
{
    return e->kind == DY_EL_WORD && e->match != DY_MATCH_STEM;
}

/* Matches one element starting at *at, advancing over skippable words when
 * `skip`; on success *at is the word it matched. */
static int match_elem(matcher *mt, const dy_elem *e, int *at, int skip)
{
    const dy_sentence *s = mt->s;
    if (e->kind == DY_EL_ALT) {
        for (uint32_t k = 0; k < e->nref; ++k) {
            dy_phrase ph = mt->d->alts[e->ref + k];
            int pos = *at, save = mt->m->lenalt, save_in = mt->in_alt;
            dy_pmatch keep = *mt->m;
            mt->in_alt = 1;
            ++mt->nest;
            int ok = match_seq(mt, &mt->d->elems[ph.first], (int)ph.count, &pos, skip);
            --mt->nest;
            mt->in_alt = save_in;
            if (ok) { *at = pos; return 1; }
            *mt->m = keep;
            mt->m->lenalt = save;
        }
        return 0;
    }
    /* backward synsets search the whole remaining text (TABARI's docheck
     * loop); PETRARCH (tree mode) honours the connector */
    if (e->kind == DY_EL_SYNSET && !mt->up && !s->tree) skip = 1;
    int step = mt->up ? 1 : -1;
    int quick = e->kind == DY_EL_WORD && e->len > 0;
    const dy_synset *qss = e->kind == DY_EL_SYNSET && e->ref < mt->d->n_synsets &&
                                   (mt->up || !s->tree)
                               ? &mt->d->synsets[e->ref]
                               : NULL;
    /* $ + @ ^ take only an actor (^ any noun phrase in tree mode), % only a
     * compound's head (as match_one) */
    int want_actor = e->kind == DY_EL_SOURCE || e->kind == DY_EL_TARGET ||
                     e->kind == DY_EL_ATTRIB || (e->kind == DY_EL_SKIP && !s->tree);
    int want_compound = e->kind == DY_EL_COMPOUND;
    for (;;) {
        if (quick && skip && mt->initial) {
            /* words not starting with the element's letter are skipped in a
             * tight loop over the initials (the test below rejects them) */
            const uint8_t *ini = mt->initial;
            uint8_t c = (uint8_t)e->word[0];
            if (mt->up) {
                int lim = mt->last < s->n - 1 ? mt->last : s->n - 1;
                while (*at <= lim && ini[*at] != c) ++*at;
            } else {
                while (*at >= 0 && ini[*at] != c) --*at;
            }
        }
        if (*at < 0 || *at > mt->last || *at >= s->n) return 0;
        /* skipping words: most fail on length or first letter, or are not
         * actors, without a call */
        const dy_word *w = &s->w[*at];
        int reject = 0;
        if (quick || qss) {
            const dy_token *t = w->tok;
            reject = quick ? (t->len < e->len || t->text[0] != e->word[0])
                           : (t->len && !synset_may_start(s, qss, e->ref, t));
        } else if (want_actor) {
            reject = w->wtype != DY_W_ACTOR;
        } else if (want_compound) {
            reject = w->cmp_end < 0;
        }
        if (reject) {
            if (!skip) return 0;
            *at += step;
            continue;
        }
        int i = *at;
        int r = match_one(mt, e, &i);
        if (r == 2 || (r == 1 && !full_only(e))) {
            if (mt->in_alt && e->kind == DY_EL_WORD) mt->m->lenalt += (int)e->len;
            touch(mt, *at);
            touch(mt, i);
            *at = i;
            return 1;
        }
        if (!skip) return 0;
        *at += step;
    }
}

/* Matches count elements in the current direction; `skip` says whether the
 * first may be preceded by other words. On success *at is the last word used. */
static int match_seq(matcher *mt, const dy_elem *el, int count, int *at, int skip)
{
    if (mt->up) {
        for (int k = 0; k < count; ++k) {
            if (k > 0) { ++*at; skip = !el[k - 1].adjacent; }
            if (!match_elem(mt, &el[k], at, skip)) return 0;
            record(mt, &el[k], *at);
        }
    } else {
        for (int k = count - 1; k >= 0; --k) {
            if (k < count - 1) { --*at; skip = !el[k].adjacent; }
            if (!match_elem(mt, &el[k], at, skip)) return 0;
            record(mt, &el[k], *at);
        }
    }
    return 1;
}

/* match_seq with no word skipped anywhere: a synset member's words in tree
 * mode (PETRARCH matches them in a row, whatever the connectors). */
static int match_row(matcher *mt, const dy_elem *el, int count, int *at)
{
    for (int j = 0; j < count; ++j) {
        int k = mt->up ? j : count - 1 - j;
        if (j > 0) *at += mt->up ? 1 : -1;
        if (!match_elem(mt, &el[k], at, 0)) return 0;
        record(mt, &el[k], *at);
    }
    return 1;
}

int dy_match_pattern(const dy_sentence *s, const uint8_t *initials, dy_phrase ph, int head,
                     int tail, int last, dy_pmatch *m)
{
    const dyad_dict *d = s->dict;
    const dy_elem *el = &d->elems[ph.first];
    int n = (int)ph.count, v = -1;
    for (int k = 0; k < n; ++k)
        if (el[k].kind == DY_EL_VERB) { v = k; break; }
    m->source = m->target = m->attrib = m->compound = -1;
    m->lenalt = 0;
    m->lo = head;
    m->hi = tail;
    for (int k = 0; k < DY_PM_POS; ++k) m->pos[k] = -1;
    if (v < 0) return 0;
    if (v < DY_PM_POS) m->pos[v] = (int16_t)head;
    if (last >= s->n) last = s->n - 1;

    matcher mt = {s, d, last, 1, 0, 0, 0, el, m, initials};
    if (v + 1 < n) {
        int at = tail + 1;
        if (at > last) return 0;
        if (!match_seq(&mt, el + v + 1, n - v - 1, &at, !el[v].adjacent)) return 0;
    }
    if (v > 0) {
        mt.up = 0;
        mt.last = s->n - 1;
        int at = head - 1;
        if (at < 0) return 0;
        if (!match_seq(&mt, el, v, &at, !el[v - 1].adjacent)) return 0;
    }
    return 1;
}

uint64_t *dy_synset_lens(const dyad_dict *d)
{
    if (!d->n_synsets) return NULL;
    uint64_t *lens = calloc(d->n_synsets, sizeof *lens);
    if (!lens) return NULL;
    for (size_t i = 0; i < d->n_synsets; ++i) {
        const dy_synset *ss = &d->synsets[i];
        for (uint32_t k = 0; k < ss->n_alts; ++k) {
            dy_phrase ph = d->alts[ss->first_alt + k];
            if (ph.count == 0) continue;                 /* never matches */
            const dy_elem *e0 = &d->elems[ph.first];
            if (e0->kind != DY_EL_WORD) lens[i] = ~0ull;
            else lens[i] |= 1ull << (e0->len < 63 ? e0->len : 63);
        }
    }
    return lens;
}

static int alt_len(const dyad_dict *d, dy_phrase ph)
{
    int len = 0;
    for (uint32_t k = 0; k < ph.count; ++k) {
        const dy_elem *e = &d->elems[ph.first + k];
        if (e->kind == DY_EL_WORD) len += (int)e->len;
        if (e->adjacent && k + 1 < ph.count) ++len;    /* TABARI counts underscores */
    }
    return len;
}

int dy_pattern_maxalt(const dyad_dict *d, dy_phrase ph)
{
    int total = 0;
    for (uint32_t k = 0; k < ph.count; ++k) {
        const dy_elem *e = &d->elems[ph.first + k];
        if (e->kind != DY_EL_ALT) continue;
        int best = 0;
        for (uint32_t a = 0; a < e->nref; ++a) {
            int l = alt_len(d, d->alts[e->ref + a]);
            if (l > best) best = l;
        }
        total += best;
    }
    return total;
}

void dy_pattern_need(const dyad_dict *d, dy_phrase ph, dy_need *need)
{
    /* three-letter prefixes first (one- and two-letter ones are common),
     * each hash once; which four are kept only changes how much is filtered */
    uint16_t by_len[3][DY_NEED_MAX];
    unsigned nlen[3] = {0, 0, 0};
    for (uint32_t k = 0; k < ph.count; ++k) {
        const dy_elem *e = &d->elems[ph.first + k];
        if (e->kind != DY_EL_WORD || e->len == 0) continue;
        size_t plen = e->len < 3 ? e->len : 3;
        unsigned c = (unsigned)(3 - plen), j = 0;
        if (nlen[c] == DY_NEED_MAX) continue;
        uint16_t h = dy_prefix_hash(e->word, plen);
        while (j < nlen[c] && by_len[c][j] != h) ++j;
        if (j == nlen[c]) by_len[c][nlen[c]++] = h;
    }
    unsigned n = 0;
    for (int c = 0; c < 3; ++c) {
        for (unsigned i = 0; i < nlen[c] && n < DY_NEED_MAX; ++i) {
            unsigned j = 0;
            while (j < n && need->h[j] != by_len[c][i]) ++j;
            if (j == n) need->h[n++] = by_len[c][i];
        }
    }
    need->h[0] = n ? need->h[0] : (uint16_t)DY_HASH_ALWAYS;
    for (unsigned j = n ? n : 1; j < DY_NEED_MAX; ++j) need->h[j] = need->h[0];
}
