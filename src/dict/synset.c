/* synset.c — the synset being read from a verbs file (&NAME, then +MEMBER
 * lines), shared by the TABARI and PETRARCH-2 verb readers. */
#include <stdlib.h>

#include "base/error.h"
#include "dict/build.h"

void dy_synset_reader_init(dy_synset_reader *r)
{
    r->cur = -1;
    r->members.v = NULL;
    r->members.n = r->members.cap = 0;
}

void dy_synset_reader_free(dy_synset_reader *r)
{
    dy_vec_free(&r->members);
}

static dyad_status nomem(const char *file, long line, dyad_error *err)
{
    return dy_error_set(err, DYAD_ERR_NOMEM, file, line, "out of memory");
}

dyad_status dy_synset_close(dy_build *b, dy_synset_reader *r, const char *file, long line,
                            dyad_error *err)
{
    if (r->cur < 0)
        return DYAD_OK;
    dy_synset *sy = &b->synsets.v[r->cur];
    sy->first_alt = (uint32_t)b->alts.n;
    sy->n_alts = (uint32_t)r->members.n;
    for (size_t i = 0; i < r->members.n; i++)
        if (dy_vec_push(&b->alts, r->members.v[i]) != 0)
            return nomem(file, line, err);
    if (r->members.n == 0)
        dy_build_warn(b, file, line, "synset &%s has no members", sy->name);
    r->members.n = 0;
    r->cur = -1;
    return DYAD_OK;
}

dyad_status dy_synset_open(dy_build *b, dy_synset_reader *r, const char *name, size_t n,
                           const char *file, long line, dyad_error *err)
{
    dyad_status st = dy_synset_close(b, r, file, line, err);
    if (st != DYAD_OK)
        return st;
    uint32_t old;
    if (dy_strset_get(&b->synset_names, name, n, &old)) {
        /* the manual's own example declares &CURRENCY twice in a row */
        dy_build_warn(b, file, line, "synset &%.*s declared again; members added", (int)n,
                      name);
        /* reopen: earlier members are kept by copying them back */
        dy_synset *sy = &b->synsets.v[old];
        for (uint32_t i = 0; i < sy->n_alts; i++)
            if (dy_vec_push(&r->members, b->alts.v[sy->first_alt + i]) != 0)
                return nomem(file, line, err);
        r->cur = old;
        return DYAD_OK;
    }
    dy_synset sy = {0};
    sy.name = dy_build_str(b, name, n);
    if (!sy.name || dy_strset_put(&b->synset_names, sy.name, (uint32_t)b->synsets.n, NULL) < 0 ||
        dy_vec_push(&b->synsets, sy) != 0)
        return nomem(file, line, err);
    r->cur = (long)b->synsets.n - 1;
    return DYAD_OK;
}

dyad_status dy_synset_member(dy_synset_reader *r, dy_phrase ph, const char *file, long line,
                             dyad_error *err)
{
    return dy_vec_push(&r->members, ph) ? nomem(file, line, err) : DYAD_OK;
}
