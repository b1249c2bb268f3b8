/* common.c — what the dyad subcommands share: error printing, option
 * parsing, finding and loading the dictionary and the syntax model. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


void cli_report(const dyad_error *err)
{
    if (err->where[0] && err->line > 0)
        fprintf(stderr, "dyad: %s:%ld: %s\n", err->where, err->line, err->message);
    else if (err->where[0])
        fprintf(stderr, "dyad: %s: %s\n", err->where, err->message);
    else
        fprintf(stderr, "dyad: %s\n", err->message);
}

void cli_errorf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("dyad: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void cli_error_fill(dyad_error *e, dyad_status status, const char *where, long line,
                    const char *fmt, ...)
{
    e->status = status;
    snprintf(e->where, sizeof e->where, "%s", where ? where : "");
    e->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
}

int cli_usage(const char *cmd, const char *complaint, const char *arg)
{
    if (arg)
        fprintf(stderr, "dyad: %s: %s\n", complaint, arg);
    else
        fprintf(stderr, "dyad: %s\n", complaint);
    fprintf(stderr, "Try 'dyad help %s'.\n", cmd);
    return CLI_USAGE;
}

int cli_usage_choice(const char *cmd, const char *complaint, const char *arg,
                     const char *choices)
{
    fprintf(stderr, "dyad: %s: %s (want %s)\n", complaint, arg, choices);
    fprintf(stderr, "Try 'dyad help %s'.\n", cmd);
    return CLI_USAGE;
}

int cli_opt_value(int argc, char **argv, int *i, const char *name, const char **val)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0)
        return 0;
    if (a[n] == '=') {
        *val = a + n + 1;
        return 1;
    }
    if (a[n] != '\0')
        return 0;
    if (*i + 1 >= argc)
        return -1;
    *val = argv[++*i];
    return 1;
}

const char *cli_dict_path(const char *opt)
{
    if (opt && *opt)
        return opt;
    const char *env = getenv("DYAD_DICT");
    if (env && *env)
        return env;
    return NULL;
}

/* The loader's remarks, on stderr: all of them when there are few, else
 * the first and how many more (production dictionaries hold hundreds of
 * duplicates: `dyad dict check` lists them). */
static void report_remarks(const dyad_dict *dict, const char *opt)
{
    const char *w = dyad_dict_warnings(dict);
    /* the production dictionaries give a megabyte of remarks: the line
     * ends are found by memchr, not by a loop over every byte */
    size_t n = 0;
    for (const char *c = w, *end = w + strlen(w); (c = memchr(c, '\n', (size_t)(end - c))); c++)
        n++;
    if (n == 0)
        return;
    if (n <= 3) {
        for (const char *c = w; *c;) {
            const char *e = strchr(c, '\n');
            fprintf(stderr, "dyad: warning: %.*s\n", (int)(e - c), c);
            c = e + 1;
        }
        return;
    }
    const char *e = strchr(w, '\n');
    fprintf(stderr, "dyad: warning: %.*s\n", (int)(e - w), w);
    fprintf(stderr, "dyad: warning: and %zu more remarks about the dictionaries (duplicates, "
            "blocks ignored): 'dyad dict check%s%s' lists them\n", n - 1, opt ? " --dict " : "",
            opt ? opt : "");
}

int cli_cache_disabled(void)
{
    const char *env = getenv("DYAD_NO_CACHE");
    return env && *env && strcmp(env, "0") != 0;
}

/* Loads opt's dictionary, through the cache when use_cache. */
static dyad_dict *load_dict(const char *opt, int use_cache)
{
    dyad_dict *dict = NULL;
    dyad_error err = {0};
    const char *path = cli_dict_path(opt);
    char dir[4096];
    const char *cache_dir = NULL;
    dyad_error no_dir;
    if (path && use_cache && !cli_cache_disabled() &&
        dyad_dict_cache_dir(dir, sizeof dir, &no_dir) == DYAD_OK)
        cache_dir = dir;   /* no HOME at all: no cache, and nothing to say */
    dyad_cache_report cache;
    dyad_status st = path ? dyad_dict_load_cached(path, cache_dir, &dict, &cache, &err)
                          : dyad_dict_load_default(&dict, &err);
    if (st == DYAD_OK && path && cache.use == DYAD_CACHE_FAILED) {
        const dyad_error *p = &cache.problem;
        fprintf(stderr, "dyad: warning: %s%s%s (--no-cache or DYAD_NO_CACHE=1 turns the "
                "cache off)\n", p->where, p->where[0] ? ": " : "", p->message);
    }
    if (st != DYAD_OK) {
        /* a path from the environment: say so, or the user looks for a --dict */
        if (path && path != opt && !strcmp(err.where, path))
            snprintf(err.where, sizeof err.where, "DYAD_DICT=%s", path);
        cli_report(&err);
        return NULL;
    }
    /* a dictionary that can code nothing is loaded, but not silently */
    dyad_dict_stats ds;
    dyad_dict_get_stats(dict, &ds);
    if (ds.actors == 0)
        fprintf(stderr, "dyad: warning: %s: no actors: no event can be coded\n", path);
    if (ds.verbs == 0 && ds.patterns == 0)
        fprintf(stderr, "dyad: warning: %s: no verbs: no event can be coded\n", path);
    return dict;
}

dyad_dict *cli_load_dict(const char *opt, int use_cache)
{
    dyad_dict *dict = load_dict(opt, use_cache);
    if (dict)
        report_remarks(dict, cli_dict_path(opt));
    return dict;
}

dyad_dict *cli_load_dict_quiet(const char *opt)
{
    return load_dict(opt, 0);
}

int cli_parse_date(const char *s)
{
    int d = dyad_parse_date(s, strlen(s));
    if (!d)
        cli_errorf("bad date '%s' (want YYYY-MM-DD or YYYYMMDD)", s);
    return d;
}

/* Online processors; 1 when the system will not say. */
int cli_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

/* -j N, -jN, --jobs N, --jobs=N: coder threads (0: one per core).
 * Returns 1 on a match, -1 when the number is missing or bad, 0 otherwise. */
int cli_jobs_opt(int argc, char **argv, int *i, int *jobs)
{
    const char *val = NULL;
    int m = cli_opt_value(argc, argv, i, "--jobs", &val);
    if (m < 0) return -1;
    if (m == 0) {
        if (strncmp(argv[*i], "-j", 2) != 0) return 0;
        if (argv[*i][2]) val = argv[*i] + 2;
        else if (*i + 1 < argc) val = argv[++*i];
        else return -1;
    }
    char *end;
    errno = 0;
    long n = strtol(val, &end, 10);
    if (errno || end == val || *end || n < 0 || n > 1024) return -1;
    *jobs = (int)n;
    return 1;
}

dyad_model *cli_load_model(const char *opt)
{
    const char *path = opt ? opt : getenv("DYAD_MODEL");
    if (path && !*path)
        path = NULL;
    dyad_model *m = NULL;
    dyad_error err = {0};
    dyad_status st = path ? dyad_model_load(path, &m, &err) : dyad_model_load_default(&m, &err);
    if (st != DYAD_OK) {
        if (!opt && path && !err.where[0])
            snprintf(err.where, sizeof err.where, "DYAD_MODEL=%s", path);
        cli_report(&err);
        return NULL;
    }
    return m;
}

int cli_output_is_input(const char *path, const char *what, char *const *inputs, int n)
{
    struct stat out;
    if (stat(path, &out) != 0)
        return 0;   /* does not exist yet: cannot be an input */
    for (int i = 0; i < n; i++) {
        struct stat in;
        int is_stdin = !strcmp(inputs[i], "-");
        if ((is_stdin ? fstat(0, &in) : stat(inputs[i], &in)) != 0)
            continue;
        if (in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
            cli_errorf("%s %s is also an input (%s): writing it would empty it before it is "
                       "read; choose another file", what, path, is_stdin ? "stdin" : inputs[i]);
            return 1;
        }
    }
    return 0;
}

int cli_write_file(const char *path, const void *data, size_t len)
{
    dyad_error err = {0};
    if (dyad_write_file(path, data, len, &err) != DYAD_OK) {
        cli_report(&err);
        return 0;
    }
    return 1;
}
