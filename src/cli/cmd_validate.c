/* cmd_validate.c — `dyad validate`: runs a TABARI validation project and
 * prints failing records and a final "N passed, N failed" line. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "io/expect.h"
#include "io/project.h"
#include "io/record.h"

typedef struct vrun {
    dyad_coder *coder;
    int all, verbose;
    const char *only;
    int time_check;          /* SET: TIME SHIFT is on: compare expected dates */
    int passed, failed, stop;
} vrun;

static void print_expected(const dy_expect *e)
{
    if (e->none)
        fputs(" {---}", stdout);
    if (e->discard)
        fputs(" {###}", stdout);
    if (e->complex)
        fputs(" {+++}", stdout);
    for (int i = 0; i < e->n_events; i++) {
        const dy_expect_event *x = &e->events[i];
        printf(" {%s/%s/%s}", x->source, x->target, x->code);
        if (x->date)
            printf(" %d", x->date);
    }
    if (e->partial)
        fputs(" -{...}", stdout);
}

/* Tracks SET: TIME SHIFT so expected dates are compared only when it is on. */
static void note_time_shift(vrun *v, const char *opt)
{
    char up[256];
    size_t n = 0;
    for (const char *p = opt; *p && n + 1 < sizeof up; p++)
        up[n++] = (char)toupper((unsigned char)*p);
    up[n] = '\0';
    if (strstr(up, "SET:") && strstr(up, "TIME SHIFT"))
        v->time_check = strstr(up, "TRUE") != NULL;
}

static void apply_options(vrun *v, const dy_expect *e, const char *file, long line)
{
    for (int i = 0; i < e->n_options; i++) {
        cli_set_option(v->coder, e->options[i], file, line);
        note_time_shift(v, e->options[i]);
    }
}

static void run_record(vrun *v, const dy_record *rec, const char *file)
{
    dyad_error err = {0};
    dy_expect e;
    if (dy_expect_parse(rec->comment, rec->comment_len, &e, file, rec->line, &err) != DYAD_OK) {
        printf("FAIL %s %s:%ld bad expectations: %s\n", rec->id, file, rec->line, err.message);
        v->failed++;
        return;
    }
    if (e.n_fields == 0)
        return; /* no expectations: not a test */
    apply_options(v, &e, file, rec->line);
    if (dy_expect_is_option_only(&e))
        return;
    if (v->only && strcmp(v->only, rec->id) != 0)
        return;

    dyad_story story = {0};
    story.id = rec->id;
    story.date = rec->date;
    story.text = rec->text;
    story.text_len = rec->text_len;
    story.one_sentence = 1;

    if (v->only)
        cli_print_explanation(v->coder, &story);

    dyad_result res;
    if (dyad_code(v->coder, &story, &res, &err) != DYAD_OK) {
        printf("FAIL %s %s:%ld error: %s\n", rec->id, file, rec->line, err.message);
        v->failed++;
        return;
    }
    int ok = dy_expect_matches(&e, &res, v->time_check);
    if (ok)
        v->passed++;
    else
        v->failed++;
    if (!ok || v->verbose || v->only) {
        printf("%s %s %s:%ld expected", ok ? "pass" : "FAIL", rec->id, file, rec->line);
        print_expected(&e);
        fputs(" got", stdout);
        cli_print_got(&res, "", v->time_check, 1);
        fputc('\n', stdout);
    }
}

static int run_file(vrun *v, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        cli_errorf("%s: cannot open: %s", path, strerror(errno));
        return CLI_ERROR;
    }
    const char *slash = strrchr(path, '/');
    const char *file = slash ? slash + 1 : path;
    dy_record_reader rr;
    dy_record rec;
    dyad_error err = {0};
    int rc = 0;
    dy_record_reader_init(&rr, f, path);
    while (!v->stop && (rc = dy_record_next(&rr, &rec, &err)) > 0) {
        if (!v->all && !strcmp(rec.id, "FINAL-01")) {
            v->stop = 1;
            break;
        }
        run_record(v, &rec, file);
    }
    dy_record_reader_free(&rr);
    fclose(f);
    if (!v->stop && rc < 0) {
        cli_report(&err);
        return CLI_ERROR;
    }
    return CLI_OK;
}

int cmd_validate(int argc, char **argv)
{
    vrun v = {0};
    const char *project = NULL, *val, *dict_opt = NULL;
    int no_parse = 0, no_cache = 0;
    for (int i = 1; i < argc; i++) {
        int m;
        if (!strcmp(argv[i], "--all"))
            v.all = 1;
        else if (!strcmp(argv[i], "--no-parse"))
            no_parse = 1;
        else if (!strcmp(argv[i], "--no-cache"))
            no_cache = 1;
        else if ((m = cli_opt_value(argc, argv, &i, "--dict", &val)) != 0) {
            if (m < 0)
                return cli_usage("validate", "missing value for", "--dict");
            dict_opt = val;
        }
        else if (!strcmp(argv[i], "--verbose") || !strcmp(argv[i], "-v"))
            v.verbose = 1;
        else if ((m = cli_opt_value(argc, argv, &i, "--only", &val)) != 0) {
            if (m < 0)
                return cli_usage("validate", "missing value for", "--only");
            v.only = val;
        } else if (argv[i][0] == '-' && argv[i][1])
            return cli_usage("validate", "unknown option", argv[i]);
        else if (project)
            return cli_usage("validate", "more than one project", argv[i]);
        else
            project = argv[i];
    }
    if (!project)
        return cli_usage("validate", "missing PROJECT", NULL);
    size_t plen = strlen(project);
    if (plen > 4 && !strcmp(project + plen - 4, ".xml")) {
        cli_petr_opts po = {dict_opt, v.only, v.verbose, no_parse, no_cache};
        return cli_validate_petrarch(project, &po);
    }
    if (no_parse)
        return cli_usage("validate", "--no-parse is for PETRARCH .xml files", NULL);

    dyad_error err = {0};
    dy_project_texts texts;
    if (dy_project_textfiles(project, &texts, &err) != DYAD_OK) {
        cli_report(&err);
        return CLI_ERROR;
    }
    if (texts.n == 0) {
        cli_errorf("%s: no <textfile> in the project", project);
        return CLI_ERROR;
    }
    /* --dict: the project's dictionaries compiled (`dyad dict compile`), say */
    dyad_dict *dict = cli_load_dict(dict_opt ? dict_opt : project, !no_cache);
    if (!dict)
        return CLI_ERROR;
    if (dyad_coder_new(dict, &v.coder, &err) != DYAD_OK) {
        cli_report(&err);
        dyad_dict_free(dict);
        return CLI_ERROR;
    }
    int status = CLI_OK;
    for (int i = 0; i < texts.n && !v.stop && status == CLI_OK; i++)
        status = run_file(&v, texts.path[i]);
    dyad_coder_free(v.coder);
    dyad_dict_free(dict);
    if (status != CLI_OK)
        return status;
    return cli_validate_totals(v.passed, v.failed, v.only, project);
}
