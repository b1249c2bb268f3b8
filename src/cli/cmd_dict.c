/* cmd_dict.c — `dyad dict compile`: loads dictionaries and writes them as one
 * compiled .dyd file that later loads instantly (src/dict/dyd.c); `dyad dict
 * check`: loads them and lists every remark the loader made, with counts;
 * `dyad dict cache`: where the compiled-dictionary cache is and what it
 * holds, or (--clear) empties it (src/dict/cache.c). */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static int compile(int argc, char **argv)
{
    const char *dict_opt = NULL, *out = NULL, *val;
    int m;
    for (int i = 1; i < argc; i++) {
        if ((m = cli_opt_value(argc, argv, &i, "--dict", &val)) != 0) {
            if (m < 0) return cli_usage("dict", "missing value for", "--dict");
            dict_opt = val;
        } else if ((m = cli_opt_value(argc, argv, &i, "-o", &val)) != 0 ||
                   (m = cli_opt_value(argc, argv, &i, "--out", &val)) != 0) {
            if (m < 0) return cli_usage("dict", "missing value for", "-o");
            out = val;
        } else {
            return cli_usage("dict", "unexpected argument", argv[i]);
        }
    }
    if (!out) return cli_usage("dict", "missing", "-o FILE.dyd");
    /* compiling reads the sources: what it writes must not depend on a cache */
    dyad_dict *dict = cli_load_dict(dict_opt, 0);
    if (!dict) return CLI_ERROR;
    dyad_error err = {0};
    int rc = CLI_OK;
    if (dyad_dict_save(dict, out, &err) != DYAD_OK) {
        cli_report(&err);
        rc = CLI_ERROR;
    }
    dyad_dict_free(dict);
    return rc;
}

/* Every remark (a duplicate entry, a bad date block dropped...) on stdout,
 * one a line, then what was loaded. */
static int check(int argc, char **argv)
{
    const char *dict_opt = NULL, *val;
    int m;
    for (int i = 1; i < argc; i++) {
        if ((m = cli_opt_value(argc, argv, &i, "--dict", &val)) != 0) {
            if (m < 0) return cli_usage("dict", "missing value for", "--dict");
            dict_opt = val;
        } else {
            return cli_usage("dict", "unexpected argument", argv[i]);
        }
    }
    dyad_dict *dict = cli_load_dict_quiet(dict_opt);
    if (!dict) return CLI_ERROR;
    const char *w = dyad_dict_warnings(dict);
    size_t remarks = 0;
    for (const char *c = w; *c; c++)
        remarks += *c == '\n';
    fputs(w, stdout);
    dyad_dict_stats ds;
    dyad_dict_get_stats(dict, &ds);
    printf("%zu actors, %zu agents, %zu verbs, %zu patterns, %zu synsets, %zu discards; "
           "%zu remark%s\n", ds.actors, ds.agents, ds.verbs, ds.patterns, ds.synsets,
           ds.discards, remarks, remarks == 1 ? "" : "s");
    dyad_dict_free(dict);
    return CLI_OK;
}

/* The folder, how many entries and their size; --clear removes them. */
static int cache(int argc, char **argv)
{
    int clear = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--clear")) clear = 1;
        else return cli_usage("dict", "unexpected argument", argv[i]);
    }
    char dir[4096];
    dyad_error err = {0};
    if (dyad_dict_cache_dir(dir, sizeof dir, &err) != DYAD_OK) {
        cli_report(&err);
        return CLI_ERROR;
    }
    size_t n = 0;
    unsigned long long bytes = 0;
    dyad_status st = clear ? dyad_dict_cache_clear(dir, &n, &err)
                           : dyad_dict_cache_stats(dir, &n, &bytes, &err);
    if (st != DYAD_OK) {
        cli_report(&err);
        return CLI_ERROR;
    }
    if (clear)
        printf("%s: %zu compiled dictionar%s removed\n", dir, n, n == 1 ? "y" : "ies");
    else
        printf("%s: %zu compiled dictionar%s, %.1f MB%s\n", dir, n, n == 1 ? "y" : "ies",
               bytes / 1e6, cli_cache_disabled() ? " (DYAD_NO_CACHE is set: not used)" : "");
    return CLI_OK;
}

int cmd_dict(int argc, char **argv)
{
    if (argc < 2) return cli_usage("dict", "missing", "subcommand (compile, check or cache)");
    if (!strcmp(argv[1], "compile")) return compile(argc - 1, argv + 1);
    if (!strcmp(argv[1], "check")) return check(argc - 1, argv + 1);
    if (!strcmp(argv[1], "cache")) return cache(argc - 1, argv + 1);
    return cli_usage("dict", "unknown subcommand", argv[1]);
}
