/* dyd_check.c — a compiled dictionary checked whole before use: every index
 * from one array into another in range, every phrase inside the elements,
 * every enum known, the string pool terminated, the hash sets able to stop.
 * A .dyd is a file users exchange; its checksum only catches accidents. */
#include <string.h>

#include "dict/build.h"
#include "dict/dyd.h"

typedef struct chk {
    const struct dyad_dict *d;
    const char *why;
} chk;

static int bad(chk *c, const char *why)
{
    if (!c->why) c->why = why;
    return 0;
}

static int phrase_ok(chk *c, dy_phrase p)
{
    if ((uint64_t)p.first + p.count > c->d->n_elems) return bad(c, "a phrase outside the words");
    return 1;
}

static int elems_ok(chk *c)
{
    const struct dyad_dict *d = c->d;
    for (size_t i = 0; i < d->n_elems; i++) {
        const dy_elem *e = &d->elems[i];
        if (e->kind > DY_EL_ALT || e->match > DY_MATCH_FORMS)
            return bad(c, "a word of unknown kind");
        if (e->kind == DY_EL_WORD && (!e->word || strlen(e->word) != e->len))
            return bad(c, "a word whose length is wrong");
        if (e->kind == DY_EL_SYNSET && e->ref >= d->n_synsets)
            return bad(c, "a synset reference out of range");
        if (e->kind == DY_EL_ALT && (e->nref == 0 || (uint64_t)e->ref + e->nref > d->n_alts))
            return bad(c, "alternatives out of range");
    }
    for (size_t i = 0; i < d->n_alts; i++)
        if (!phrase_ok(c, d->alts[i])) return 0;
    for (size_t i = 0; i < d->n_synsets; i++) {
        const dy_synset *s = &d->synsets[i];
        if (!s->name || (uint64_t)s->first_alt + s->n_alts > d->n_alts)
            return bad(c, "a synset's members out of range");
    }
    return 1;
}

static int special_ok(uint8_t s)
{
    return s <= DY_SPECIAL_COMPLEX;
}

static int entries_ok(chk *c)
{
    const struct dyad_dict *d = c->d;
    for (size_t i = 0; i < d->n_dated; i++) {
        const dy_dated_code *k = &d->dated[i];
        if (!special_ok(k->special) || (k->n_codes && !k->codes))
            return bad(c, "a bad actor code");
        for (uint16_t j = 0; j < k->n_codes; j++)
            if (!k->codes[j]) return bad(c, "a missing actor code");
    }
    for (size_t i = 0; i < d->n_actors; i++) {
        const dy_actor *a = &d->actors[i];
        if (!phrase_ok(c, a->phrase) || a->parent >= d->n_actors ||
            (uint64_t)a->first_code + a->n_codes > d->n_dated)
            return bad(c, "an actor out of range");
    }
    for (size_t i = 0; i < d->n_agents; i++)
        if (!phrase_ok(c, d->agents[i].phrase) || !special_ok(d->agents[i].special))
            return bad(c, "an agent out of range");
    for (size_t i = 0; i < d->n_nouns; i++)
        if (!phrase_ok(c, d->nouns[i])) return 0;
    for (size_t i = 0; i < d->n_adjectives; i++)
        if (!phrase_ok(c, d->adjectives[i])) return 0;
    for (size_t i = 0; i < d->n_verbs; i++) {
        const dy_verb *v = &d->verbs[i];
        if (!phrase_ok(c, v->root) || v->main >= d->n_verbs || v->section > DY_SECTION_ATTRIB ||
            !special_ok(v->code.special) ||
            (uint64_t)v->first_pattern + v->n_patterns > d->n_patterns)
            return bad(c, "a verb out of range");
    }
    for (size_t i = 0; i < d->n_patterns; i++) {
        const dy_pattern *p = &d->patterns[i];
        if (!phrase_ok(c, p->phrase) || !special_ok(p->code.special))
            return bad(c, "a pattern out of range");
        int verbs = 0;   /* the coder anchors a pattern on its one '*' */
        for (uint32_t k = 0; k < p->phrase.count; k++)
            verbs += d->elems[p->phrase.first + k].kind == DY_EL_VERB;
        if (verbs != 1) return bad(c, "a pattern without exactly one verb");
    }
    for (size_t i = 0; i < d->n_issues; i++)   /* code NULL: an exclusion ("~phrase") */
        if (!phrase_ok(c, d->issues[i].phrase) || d->issues[i].cat >= d->n_issue_cats)
            return bad(c, "an issue out of range");
    for (size_t i = 0; i < d->n_issue_cats; i++)
        if (!d->issue_cats[i].name) return bad(c, "an issue category without a name");
    for (size_t i = 0; i < d->n_discards; i++)
        if (!phrase_ok(c, d->discards[i].phrase)) return 0;
    return 1;
}

/* The interned codes: an open-addressing set must have a power-of-two size
 * and an empty slot, or a lookup of a missing code would never stop. */
static int codes_ok(chk *c, const dy_strset *s)
{
    if (s->cap == 0) return s->n == 0 ? 1 : bad(c, "a bad code set");
    if ((s->cap & (s->cap - 1)) != 0 || s->n >= s->cap) return bad(c, "a bad code set");
    size_t used = 0;
    for (size_t i = 0; i < s->cap; i++) used += s->keys[i] != NULL;
    if (used != s->n) return bad(c, "a bad code set");
    return 1;
}

int dy_dyd_check(const struct dyad_dict *d, const dy_index_parts *ip, const char *pool,
                 size_t pool_len, const char **why)
{
    chk c = {d, NULL};
    int ok = pool_len > 0 && pool[pool_len - 1] == '\0';
    if (!ok)
        bad(&c, "unterminated strings");
    ok = ok && elems_ok(&c) && entries_ok(&c) && codes_ok(&c, &ip->codes) &&
         dy_index_check(ip, d, &c.why);
    if (!ok && !c.why)
        c.why = "a value out of range";
    *why = c.why;
    return ok ? 0 : -1;
}
