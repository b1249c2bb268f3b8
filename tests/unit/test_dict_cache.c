/* test_dict_cache.c — the compiled-dictionary cache's key (dict/cache_key.c)
 * changes with whatever changes the compiled result and with nothing else;
 * dyad_dict_load_cached stores, then hits, and loads exactly what the
 * sources give. tests/cli/dict_cache.sh checks the folder's safety. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dict/cache.h"

/* A scratch folder with a small project: one actors file, one verbs file. */
static char dir[256];

static void put(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    cr_assert(f, "%s", path);
    fputs(text, f);
    fclose(f);
}

static const char *in_dir(const char *name)
{
    static char path[4][512];
    static int k;
    char *p = path[k++ & 3];
    snprintf(p, sizeof path[0], "%s/%s", dir, name);
    return p;
}

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/dyad-test-cache-XXXXXX");
    cr_assert(mkdtemp(dir));
    put("t.project", "<actorsfile> t.actors\n<verbsfile> t.verbs\n");
    put("t.actors", "FRANCE [FRA]\nGERMANY [DEU]\n");
    put("t.verbs", "PRAISE_ [051]\n");
}

static void teardown(void)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

static uint64_t key_of(const char *path)
{
    uint64_t k = 0;
    dyad_error err = {0};
    cr_assert_eq(dy_dict_cache_key(path, &k, &err), DYAD_OK, "%s", err.message);
    return k;
}

TestSuite(dict_cache, .init = setup, .fini = teardown);

Test(dict_cache, key_is_stable_and_ignores_file_times)
{
    uint64_t k = key_of(in_dir("t.project"));
    cr_assert_eq(key_of(in_dir("t.project")), k);
    struct timespec old[2] = {{1000000, 0}, {1000000, 0}};
    cr_assert_eq(utimensat(AT_FDCWD, in_dir("t.actors"), old, 0), 0);
    cr_assert_eq(key_of(in_dir("t.project")), k, "the content decides, not the time");
}

Test(dict_cache, key_follows_every_file_content)
{
    uint64_t k0 = key_of(in_dir("t.project"));
    put("t.actors", "FRANCE [FRA]\nGERMANY [DEX]\n");   /* one byte, same size */
    uint64_t k1 = key_of(in_dir("t.project"));
    cr_assert_neq(k1, k0);
    put("t.verbs", "PRAISE_ [052]\n");
    uint64_t k2 = key_of(in_dir("t.project"));
    cr_assert_neq(k2, k1);
    cr_assert_neq(k2, k0);
    put("t.verbs", "PRAISE_ [051]\n");
    put("t.actors", "FRANCE [FRA]\nGERMANY [DEU]\n");
    cr_assert_eq(key_of(in_dir("t.project")), k0, "the same content gives the same key again");
}

Test(dict_cache, key_follows_the_project_and_the_path)
{
    uint64_t k0 = key_of(in_dir("t.project"));
    /* the same files in the other order load otherwise (the first entry wins) */
    put("t.project", "<verbsfile> t.verbs\n<actorsfile> t.actors\n");
    uint64_t k1 = key_of(in_dir("t.project"));
    cr_assert_neq(k1, k0);
    /* the same project named otherwise: messages quote the names */
    char other[512];
    snprintf(other, sizeof other, "%s/./t.project", dir);
    cr_assert_neq(key_of(other), k1);
    /* a folder: its one .project, and the remark about a file it does not name */
    uint64_t kf = key_of(dir);
    cr_assert_neq(kf, k1);
    put("extra.actors", "BRAZIL [BRA]\n");
    cr_assert_neq(key_of(dir), kf);
    cr_assert_eq(key_of(in_dir("t.project")), k1, "the project alone does not look at the folder");
}

Test(dict_cache, sources_that_cannot_be_keyed)
{
    uint64_t k;
    dyad_error err = {0};
    put("t.project", "<actorsfile> t.actors\n<verbsfile> missing.verbs\n");
    cr_assert_neq(dy_dict_cache_key(in_dir("t.project"), &k, &err), DYAD_OK);
    cr_assert(strstr(err.where, "missing.verbs"), "%s", err.where);
    /* a pipe could be read only once: never keyed, never waited on */
    cr_assert_eq(mkfifo(in_dir("fifo.verbs"), 0600), 0);
    put("t.project", "<actorsfile> t.actors\n<verbsfile> fifo.verbs\n");
    memset(&err, 0, sizeof err);
    cr_assert_eq(dy_dict_cache_key(in_dir("t.project"), &k, &err), DYAD_ERR_ARG);
    cr_assert(strstr(err.message, "not a regular file"), "%s", err.message);
}

Test(dict_cache, stored_then_hit_and_the_same_dictionary)
{
    char cache[512];
    snprintf(cache, sizeof cache, "%s/cache/dyad", dir);
    dyad_dict *src = NULL, *a = NULL, *b = NULL;
    dyad_error err = {0};
    dyad_cache_report rep;
    cr_assert_eq(dyad_dict_load(in_dir("t.project"), &src, &err), DYAD_OK);
    cr_assert_eq(dyad_dict_load_cached(in_dir("t.project"), cache, &a, &rep, &err), DYAD_OK);
    cr_assert_eq(rep.use, DYAD_CACHE_STORED, "%s", rep.problem.message);
    cr_assert_eq(rep.key, key_of(in_dir("t.project")));
    cr_assert_eq(dyad_dict_load_cached(in_dir("t.project"), cache, &b, &rep, &err), DYAD_OK);
    cr_assert_eq(rep.use, DYAD_CACHE_HIT, "%s", rep.problem.message);
    unsigned long long cs, ca, cb;
    cr_assert_eq(dyad_dict_checksum(src, &cs, &err), DYAD_OK);
    cr_assert_eq(dyad_dict_checksum(a, &ca, &err), DYAD_OK);
    cr_assert_eq(dyad_dict_checksum(b, &cb, &err), DYAD_OK);
    cr_assert_eq(ca, cs);
    cr_assert_eq(cb, cs, "the cached dictionary is the one the sources give");
    cr_assert_str_eq(dyad_dict_warnings(b), dyad_dict_warnings(src));
    size_t n;
    unsigned long long bytes;
    cr_assert_eq(dyad_dict_cache_stats(cache, &n, &bytes, &err), DYAD_OK);
    cr_assert_eq(n, 1);
    cr_assert_gt(bytes, 0);
    dyad_dict_free(src);
    dyad_dict_free(a);
    dyad_dict_free(b);
}

Test(dict_cache, no_cache_and_errors_are_the_loaders)
{
    dyad_dict *d = NULL;
    dyad_error err = {0};
    dyad_cache_report rep;
    cr_assert_eq(dyad_dict_load_cached(in_dir("t.project"), NULL, &d, &rep, &err), DYAD_OK);
    cr_assert_eq(rep.use, DYAD_CACHE_NONE);
    dyad_dict_free(d);
    char cache[512];
    snprintf(cache, sizeof cache, "%s/cache", dir);
    /* a source that does not load: the loader's error, and nothing cached */
    put("t.project", "<actorsfile> t.actors\n<verbsfile> missing.verbs\n");
    d = NULL;
    dyad_error direct = {0};
    dyad_status want = dyad_dict_load(in_dir("t.project"), &d, &direct);
    cr_assert_eq(want, DYAD_ERR_IO);
    cr_assert_eq(dyad_dict_load_cached(in_dir("t.project"), cache, &d, &rep, &err), want);
    cr_assert_null(d);
    cr_assert_str_eq(err.message, direct.message);
    cr_assert_eq(rep.use, DYAD_CACHE_NONE);
    size_t n;
    unsigned long long bytes;
    cr_assert_eq(dyad_dict_cache_stats(cache, &n, &bytes, &err), DYAD_OK);
    cr_assert_eq(n, 0);
}

Test(dict_cache, cache_dir_from_the_environment)
{
    char buf[512];
    dyad_error err = {0};
    setenv("XDG_CACHE_HOME", "/x/cache", 1);
    cr_assert_eq(dyad_dict_cache_dir(buf, sizeof buf, &err), DYAD_OK);
    cr_assert_str_eq(buf, "/x/cache/dyad");
    setenv("XDG_CACHE_HOME", "relative", 1);   /* ignored, as XDG asks */
    setenv("HOME", "/home/u", 1);
    cr_assert_eq(dyad_dict_cache_dir(buf, sizeof buf, &err), DYAD_OK);
    cr_assert_str_eq(buf, "/home/u/.cache/dyad");
    unsetenv("XDG_CACHE_HOME");
    unsetenv("HOME");
    cr_assert_eq(dyad_dict_cache_dir(buf, sizeof buf, &err), DYAD_ERR_ARG);
    setenv("HOME", "/home/u", 1);
    cr_assert_eq(dyad_dict_cache_dir(buf, 8, &err), DYAD_ERR_LIMIT);
}
