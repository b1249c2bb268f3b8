/* issues.c — issue coding: finds the issue phrases of an IssueCoding file
 * in a sentence's words and lists their codes for its events. */
#include <string.h>

#include "code/issues.h"

#define MAX_REFS 64
#define MAX_CODES 32

/* Does the issue phrase match the words from toks->v[at] on, one word each? */
static int phrase_at(const struct dyad_dict *d, const dy_issue *is, const dy_tokens *toks,
                     size_t at)
{
    if (at + is->phrase.count > toks->n)
        return 0;
    for (uint32_t i = 0; i < is->phrase.count; i++) {
        const dy_elem *e = &d->elems[is->phrase.first + i];
        const dy_token *t = &toks->v[at + i];
        if (e->kind != DY_EL_WORD || !dy_word_matches(e, t->text, t->len, i + 1 == is->phrase.count))
            return 0;
    }
    return 1;
}

const char *dy_sentence_issues(dy_arena *a, const struct dyad_dict *d, const dy_tokens *toks)
{
    if (!d->n_issues || !toks->n)
        return NULL;
    const char *codes[MAX_CODES];
    size_t n_codes = 0, total = 0;
    dy_entry_ref refs[MAX_REFS];
    for (size_t k = 0; k < toks->n; k++) {
        const dy_token *t = &toks->v[k];
        size_t nr = dy_lookup(d, t->text, t->len, refs, MAX_REFS);
        if (nr > MAX_REFS)
            nr = MAX_REFS;
        for (size_t r = 0; r < nr; r++) {
            if (refs[r].kind != DY_ENTRY_ISSUE)
                continue;
            const dy_issue *is = &d->issues[refs[r].index];
            if (!phrase_at(d, is, toks, k))
                continue;
            if (!is->code)
                return NULL;    /* an exclusion phrase */
            size_t j = 0;
            while (j < n_codes && codes[j] != is->code)   /* interned: compare pointers */
                j++;
            if (j == n_codes && n_codes < MAX_CODES) {
                codes[n_codes++] = is->code;
                total += strlen(is->code) + 1;
            }
        }
    }
    if (!n_codes)
        return NULL;
    char *out = dy_arena_alloc(a, total);
    if (!out)
        return NULL;
    size_t p = 0;
    for (size_t j = 0; j < n_codes; j++) {
        size_t m = strlen(codes[j]);
        if (j)
            out[p++] = ' ';
        memcpy(out + p, codes[j], m);
        p += m;
    }
    out[p] = '\0';
    return out;
}
