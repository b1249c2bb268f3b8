/* input.c — what the commands that read stories share: the JSON Lines member
 * options, opening an input in its format (saying what was assumed), folders. */
#include "input.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "io/dirwalk.h"

void cli_input_init(cli_input *ci)
{
    memset(ci, 0, sizeof *ci);
    ci->in = DY_IN_AUTO;
    ci->fields.id = "id";
    ci->fields.text = "text";
    ci->fields.date = "date";
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
    const char **slots[] = {&ci->fields.id, &ci->fields.text, &ci->fields.date,
                            &ci->fields.title};
    for (int k = 0; k < 4; k++) {
        const char *val = NULL;
        int m = cli_opt_value(argc, argv, i, names[k], &val);
        if (m == 0)
            continue;
        if (m < 0 || !*val) {
            cli_usage(cmd, "missing value for", names[k]);
            return -1;
        }
        *slots[k] = val;
        return 1;
    }
    return 0;
}

/* Decides rd's format from its first bytes and says what it assumed: once
 * per input, since a wrong guess would code the wrong thing silently. */
static int sniff(const cli_input *ci, dy_reader *rd)
{
    dy_sniff sn;
    dyad_error err = {0};
    if (dy_reader_sniff(rd, &sn, &err) != DYAD_OK) {
        cli_report(&err);
        return 0;
    }
    if (rd->lr.cancelled)   /* a signal came before the first byte: nothing to say */
        return 1;
    if (ci->no_records && (rd->fmt == DY_IN_TABARI || rd->fmt == DY_IN_PETRARCH))
        rd->fmt = DY_IN_TEXT;
    char why[64];
    dy_sniff_describe(&sn, why, sizeof why);
    cli_errorf("%s: reading as %s (%s; use --in to choose)", rd->name,
               dy_in_format_name(rd->fmt), why);
    return 1;
}

FILE *cli_input_open(const cli_input *ci, const char *path, dy_reader *rd, int date)
{
    int is_stdin = !strcmp(path, "-");
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        cli_errorf("%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    if (!is_stdin && is_output(ci, f)) {
        cli_errorf("%s: input file is also the output; not read", path);
        fclose(f);
        return NULL;
    }
    dy_in_format fmt = ci->in != DY_IN_AUTO ? ci->in
                       : is_stdin           ? DY_IN_AUTO
                                            : dy_in_format_detect(path);
    dy_reader_init(rd, f, is_stdin ? "stdin" : path, fmt, date);
    rd->fields = ci->fields;
    dy_reader_set_cancel(rd, ci->cancel);   /* sniffing may wait on a feed too */
    if (fmt == DY_IN_AUTO && !sniff(ci, rd)) {
        cli_input_close(rd, f);
        return NULL;
    }
    return f;
}

void cli_input_close(dy_reader *rd, FILE *f)
{
    dy_reader_free(rd);
    if (f && f != stdin)
        fclose(f);
}

/* What a walk left out, said once per entry (sub-folders: once per folder). */
static void left_out(dy_walk_kind k, const char *path, const dyad_error *err, int *failed)
{
    switch (k) {
    case DY_WALK_LINK_SKIPPED:
        cli_errorf("%s: a symbolic link to a folder; not entered", path);
        break;
    case DY_WALK_LOOP:
        cli_errorf("%s: a folder already being read; not entered", path);
        break;
    case DY_WALK_OTHER:
        cli_errorf("%s: not a regular file; skipped", path);
        break;
    case DY_WALK_ERROR:
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
    dy_dirwalk *w = NULL;
    dyad_error err = {0};
    if (dy_dirwalk_open(dir, ci->recursive, &w, &err) != DYAD_OK) {
        cli_report(&err);
        *failed = 1;
        return 1;
    }
    long files = 0, not_entered = 0;
    int go = 1;
    const char *path;
    dy_walk_kind k;
    while (go && (k = dy_dirwalk_next(w, &path, &err)) != DY_WALK_END) {
        if (k == DY_WALK_FILE) {
            files++;
            go = fn(ctx, path);
        } else if (k == DY_WALK_DIR_SKIPPED) {
            not_entered++;
        } else {
            left_out(k, path, &err, failed);
        }
    }
    dy_dirwalk_free(w);
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
