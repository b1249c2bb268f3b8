/* test_dict_production.c — the field's real dictionaries in ../shared load
 * without error and with plausible counts (skipped when ../shared is absent). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dict/dict.h"

/* $SHARED (set by tests/run.sh) or ../shared, with a trailing '/'. */
static const char *shared_path(const char *rel)
{
    static char buf[4][1024];
    static int k;
    const char *root = getenv("SHARED");
    char *b = buf[k++ & 3];
    snprintf(b, sizeof buf[0], "%s/%s", root && *root ? root : "../shared", rel);
    return b;
}
#define SH(rel) shared_path(rel)

static int have(const char *path)
{
    if (access(path, R_OK) == 0)
        return 1;
    printf("skipped: %s not found\n", path);
    return 0;
}

static dyad_dict *load(const char *path)
{
    dyad_dict *d = NULL;
    dyad_error err;
    memset(&err, 0, sizeof err);
    dyad_status st = dyad_dict_load(path, &d, &err);
    cr_assert_eq(st, DYAD_OK, "%s: %s:%ld: %s", path, err.where, err.line, err.message);
    return d;
}

Test(dict_production, cameo_master_verbs)
{
    if (!have(SH("dictionaries/tabari-cameo/CAMEO.091003.master.verbs")))
        return;
    dyad_dict *d = load(SH("dictionaries/tabari-cameo"));
    dyad_dict_stats s;
    dyad_dict_get_stats(d, &s);
    cr_assert_gt(s.verbs, 1000);
    cr_assert_gt(s.patterns, 15000);
    /* every pattern has exactly one verb marker and sits under its root */
    for (size_t i = 0; i < d->n_verbs; i++) {
        const dy_verb *v = &d->verbs[i];
        for (uint32_t k = 1; k < v->n_patterns; k++)
            cr_assert_geq(d->patterns[v->first_pattern + k - 1].length,
                          d->patterns[v->first_pattern + k].length);
    }
    dy_entry_ref refs[16];
    cr_assert_gt(dy_lookup(d, "ACCEPTED", 8, refs, 16), 0);
    cr_assert_not_null(dy_find_code(d, "042"));
    dyad_dict_free(d);
}

Test(dict_production, phoenix_set)
{
    if (!have(SH("dictionaries/phoenix/Phoenix.Countries.actors.txt")))
        return;
    dyad_dict *d = load(SH("dictionaries/phoenix"));
    dyad_dict_stats s;
    dyad_dict_get_stats(d, &s);
    cr_assert_gt(s.actors, 30000);
    cr_assert_gt(s.agents, 3000);
    cr_assert_gt(s.verbs, 2000);       /* CAMEO.verbpatterns (PETRARCH-1 format) */
    cr_assert_gt(s.patterns, 10000);
    cr_assert_gt(s.synsets, 30);
    cr_assert_gt(s.discards, 400);
    cr_assert_gt(d->n_issues, 3000);
    dy_entry_ref refs[64];
    cr_assert_gt(dy_lookup(d, "AFGHANISTAN", 11, refs, 64), 0);
    cr_assert_not_null(dy_find_code(d, "AFG"));
    dyad_dict_free(d);
}

Test(dict_production, validation_projects)
{
    if (!have(SH("validation/tabari/Validate.project")))
        return;
    dyad_dict *d = load(SH("validation/tabari/Validate.project"));
    dyad_dict_stats s;
    dyad_dict_get_stats(d, &s);
    cr_assert_gt(s.actors, 100);
    cr_assert_gt(s.agents, 50);
    cr_assert_gt(s.patterns, 300);
    cr_assert_eq(s.synsets, 5);
    cr_assert(d->has_time);
    dyad_dict_free(d);
    d = load(SH("validation/tabari/TABARI.Demo.project"));
    dyad_dict_free(d);
}

Test(dict_production, petrarch_validation)
{
    if (!have(SH("validation/petrarch1/PETR.Validate.verbs.txt")))
        return;
    dyad_dict *d = load(SH("validation/petrarch1"));
    dyad_dict_stats s;
    dyad_dict_get_stats(d, &s);
    cr_assert_gt(s.actors, 100);
    cr_assert_gt(s.verbs, 100);
    dyad_dict_free(d);
}

Test(dict_production, petrarch2_syntax_fails_cleanly)
{
    /* CAMEO.2.0.txt has PETRARCH-2 syntax: not supported yet, must not crash */
    const char *p = SH("dictionaries/phoenix/CAMEO.2.0.txt");
    if (!have(p))
        return;
    char dir[] = "/tmp/dyad_p2_XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    char link[256], cwd[2048], real[4096];
    snprintf(link, sizeof link, "%s/CAMEO.2.0.verbs", dir);
    cr_assert_not_null(getcwd(cwd, sizeof cwd));
    snprintf(real, sizeof real, "%s/%s", cwd, p);
    cr_assert_eq(symlink(real, link), 0);
    dyad_dict *d = NULL;
    dyad_error err;
    dyad_status st = dyad_dict_load(dir, &d, &err);
    if (st == DYAD_OK)
        dyad_dict_free(d);
    else
        cr_assert_null(d);
    unlink(link);
    rmdir(dir);
}
