/* discards.c — finds whole-story discard phrases ('+' lines of a Phoenix
 * discards file) in a sentence's words. */
#include "code/discards.h"

#define MAX_REFS 64

static int phrase_at(const struct dyad_dict *d, dy_phrase ph, const dy_tokens *toks, size_t at)
{
    if (at + ph.count > toks->n)
        return 0;
    for (uint32_t i = 0; i < ph.count; i++) {
        const dy_elem *e = &d->elems[ph.first + i];
        const dy_token *t = &toks->v[at + i];
        if (e->kind != DY_EL_WORD || !dy_word_matches(e, t->text, t->len, i + 1 == ph.count))
            return 0;
    }
    return 1;
}

int dy_story_discard(const struct dyad_dict *d, const dy_tokens *toks)
{
    dy_entry_ref refs[MAX_REFS];
    for (size_t k = 0; k < toks->n; k++) {
        size_t nr = dy_lookup(d, toks->v[k].text, toks->v[k].len, refs, MAX_REFS);
        if (nr > MAX_REFS)
            nr = MAX_REFS;
        for (size_t r = 0; r < nr; r++) {
            if (refs[r].kind != DY_ENTRY_DISCARD)
                continue;
            const dy_discard *x = &d->discards[refs[r].index];
            if (x->whole_story && phrase_at(d, x->phrase, toks, k))
                return 1;
        }
    }
    return 0;
}
