/* input.c — what the commands that read stories share: the JSON Lines member
 * options, opening an input in its format (saying what was assumed), folders. */
#include "input.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

void cli_input_init(cli_input *ci)
{
    memset(ci, 0, sizeof *ci);
    ci->in = DYAD_INPUT_AUTO;
}

void cli_input_output(cli_input *ci, FILE *f)
{
    struct stat st;
    if (ci->n_out < 2 && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode)) {
        ci->out_dev[ci->n_out] = st.st_dev;
        ci->out_ino[ci->n_out] = st.st_ino;
        ci->n_out++;
    }
}

/* Is the open input f one of the files the run writes? */
static int is_output(const cli_input *ci, FILE *f)
{
    struct stat st;
    if (ci->n_out == 0 || fstat(fileno(f), &st) != 0)
        return 0;
    for (int i = 0; i < ci->n_out; i++)
        if (st.st_dev == ci->out_dev[i] && st.st_ino == ci->out_ino[i])
            return 1;
    return 0;
}

int cli_input_field_opt(cli_input *ci, const char *cmd, int argc, char **argv, int *i)
{
    static const char *const names[] = {"--id-field", "--text-field", "--date-field",
                                        "--title-field"};
    for (int k = 0; k < 4; k++) {
        const char *val = NULL;
        int m = cli_opt_value(argc, argv, i, names[k], &val);
        if (m == 0)
            continue;
        if (m < 0 || !*val) {
            cli_usage(cmd, "missing value for", names[k]);
            return -1;
        }
        ci->fields[k] = val;
        return 1;
    }
    return 0;
}

/* Decides rd's format from its first bytes and says what it assumed: once
 * per input, since a wrong guess would code the wrong thing silently. */
static int sniff(const cli_input *ci, dyad_reader *rd)
{
    char why[64];
    dyad_error err = {0};
    if (dyad_reader_sniff(rd, why, sizeof why, &err) != DYAD_OK) {
        cli_report(&err);
        return 0;
    }
    if (dyad_reader_cancelled(rd))   /* a signal came before the first byte: nothing to say */
        return 1;
    dyad_input in = dyad_reader_format(rd);
    if (ci->no_records && (in == DYAD_INPUT_TABARI || in == DYAD_INPUT_PETRARCH))
        dyad_reader_set(rd, DYAD_READER_FORMAT, DYAD_INPUT_TEXT, NULL);
    cli_errorf("%s: reading as %s (%s; use --in to choose)", dyad_reader_name(rd),
               dyad_input_name(dyad_reader_format(rd)), why);
    return 1;
}

/* The reader of f with the run's choices; NULL after reporting. */
static dyad_reader *new_reader(const cli_input *ci, FILE *f, const char *name, dyad_input in,
                               int date)
{
    dyad_reader *rd = NULL;
    dyad_error err = {0};
    dyad_status st = dyad_reader_new(f, name, in, &rd, &err);
    if (st == DYAD_OK && date)
        st = dyad_reader_set(rd, DYAD_READER_DATE, date, &err);
    for (int k = 0; k < 4 && st == DYAD_OK; k++)
        if (ci->fields[k])
            st = dyad_reader_set_member(rd, (dyad_jsonl_member)(k + 1), ci->fields[k], &err);
    if (st != DYAD_OK) {
        cli_report(&err);
        dyad_reader_free(rd);
        return NULL;
    }
    dyad_reader_set_cancel(rd, ci->cancel);   /* sniffing may wait on a feed too */
    return rd;
}

dyad_reader *cli_input_open(const cli_input *ci, const char *path, int date, FILE **fp)
{
    int is_stdin = !strcmp(path, "-");
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    *fp = NULL;
    if (!f) {
        cli_errorf("%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    if (!is_stdin && is_output(ci, f)) {
        cli_errorf("%s: input file is also the output; not read", path);
        fclose(f);
        return NULL;
    }
    dyad_input in = ci->in != DYAD_INPUT_AUTO ? ci->in
                    : is_stdin                ? DYAD_INPUT_AUTO
                                              : dyad_input_detect(path);
    dyad_reader *rd = new_reader(ci, f, is_stdin ? "stdin" : path, in, date);
    if (!rd || (in == DYAD_INPUT_AUTO && !sniff(ci, rd))) {
        cli_input_close(rd, f);
        return NULL;
    }
    *fp = f;
    return rd;
}

void cli_input_close(dyad_reader *rd, FILE *f)
{
    dyad_reader_free(rd);
    if (f && f != stdin)
        fclose(f);
}

/* What a walk left out, said once per entry (sub-folders: once per folder). */
static void left_out(dyad_walk k, const char *path, const dyad_error *err, int *failed)
{
    switch (k) {
    case DYAD_WALK_LINK_SKIPPED:
        cli_errorf("%s: a symbolic link to a folder; not entered", path);
        break;
    case DYAD_WALK_LOOP:
        cli_errorf("%s: a folder already being read; not entered", path);
        break;
    case DYAD_WALK_OTHER:
        cli_errorf("%s: not a regular file; skipped", path);
        break;
    case DYAD_WALK_ERROR:
        cli_report(err);
        *failed = 1;
        break;
    default:
        break;
    }
}

static int each_in_folder(const cli_input *ci, const char *dir,
                          int (*fn)(void *ctx, const char *file), void *ctx, int *failed)
{
    dyad_dirwalk *w = NULL;
    dyad_error err = {0};
    if (dyad_dirwalk_open(dir, ci->recursive, &w, &err) != DYAD_OK) {
        cli_report(&err);
        *failed = 1;
        return 1;
    }
    long files = 0, not_entered = 0;
    int go = 1;
    const char *path;
    dyad_walk k;
    while (go && (k = dyad_dirwalk_next(w, &path, &err)) != DYAD_WALK_END) {
        if (k == DYAD_WALK_FILE) {
            files++;
            go = fn(ctx, path);
        } else if (k == DYAD_WALK_DIR_SKIPPED) {
            not_entered++;
        } else {
            left_out(k, path, &err, failed);
        }
    }
    dyad_dirwalk_free(w);
    if (go && not_entered)
        cli_errorf("%s: %ld sub-folder%s not entered (use -r)", dir, not_entered,
                   not_entered == 1 ? "" : "s");
    if (go && !files)
        cli_errorf("%s: no file to read in it", dir);
    return go;
}

int cli_input_each(const cli_input *ci, const char *path, int (*fn)(void *ctx, const char *file),
                   void *ctx, int *failed)
{
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return each_in_folder(ci, path, fn, ctx, failed);
    return fn(ctx, path);
}
