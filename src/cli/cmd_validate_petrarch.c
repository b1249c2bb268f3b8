/* cmd_validate_petrarch.c — `dyad validate FILE.xml`: runs a PETRARCH
 * validation file (its <Environment> dictionaries, <Config>s and records). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "io/petrarch_validation.h"

typedef struct prun {
    dyad_coder *coder;
    const cli_petr_opts *o;
    int passed, failed, excluded;
} prun;

static void print_expected(const dy_pv_item *it)
{
    if (it->error[0])
        printf(" {error: %s}", it->error);
    else if (it->noevents || it->n_events == 0)
        fputs(" {---}", stdout);
    for (int i = 0; i < it->n_events; i++)
        printf(" {%s/%s/%s}", it->events[i].source, it->events[i].target, it->events[i].code);
}

static void run_record(prun *v, const dy_pv_item *it, const char *file)
{
    if (v->o->only && strcmp(v->o->only, it->id) != 0)
        return;
    if (it->excluded && !v->o->only) {
        v->excluded++;
        return;
    }
    dyad_presplit ps;
    memset(&ps, 0, sizeof ps);
    ps.end = it->text_len;
    ps.id = it->id;
    if (!v->o->no_parse && it->parse) {
        ps.parse = it->parse;
        ps.parse_len = it->parse_len;
    }
    dyad_story story;
    memset(&story, 0, sizeof story);
    story.id = it->id;
    story.date = it->date;
    story.text = it->text;
    story.text_len = it->text_len;
    story.one_sentence = 1;
    story.presplit = &ps;
    story.n_presplit = 1;
    dyad_error err = {0};
    if (v->o->only)
        cli_print_explanation(v->coder, &story);
    dyad_result res;
    if (dyad_code(v->coder, &story, &res, &err) != DYAD_OK) {
        printf("FAIL %s %s:%ld error: %s\n", it->id, file, it->line, err.message);
        v->failed++;
        return;
    }
    int ok = dy_pv_matches(it, &res);
    if (ok)
        v->passed++;
    else
        v->failed++;
    if (!ok || v->o->verbose || v->o->only) {
        printf("%s %s [%s] %s:%ld expected", ok ? "pass" : "FAIL", it->id, it->category, file,
               it->line);
        print_expected(it);
        fputs(" got", stdout);
        cli_print_got(&res, "---", 0, 0);
        fputc('\n', stdout);
    }
}

static void apply_config(prun *v, const dy_pv_item *it, const char *path)
{
    char line[512];
    snprintf(line, sizeof line, "%s = %s", it->option, it->value);
    cli_set_option(v->coder, line, path, it->line);
}

int cli_validate_petrarch(const char *path, const cli_petr_opts *o)
{
    prun v;
    memset(&v, 0, sizeof v);
    v.o = o;
    dyad_error err = {0};
    dy_pv_file f;
    if (dy_pv_open(&f, path, &err) != DYAD_OK) {
        cli_report(&err);
        return CLI_ERROR;
    }
    /* the file's <Environment> names its dictionaries, unless --dict does */
    dyad_dict *dict = cli_load_dict(o->dict ? o->dict : path, !o->no_cache);
    if (!dict) {
        dy_pv_close(&f);
        return CLI_ERROR;
    }
    if (dyad_coder_new(dict, &v.coder, &err) != DYAD_OK) {
        cli_report(&err);
        dyad_dict_free(dict);
        dy_pv_close(&f);
        return CLI_ERROR;
    }
    const char *slash = strrchr(path, '/');
    const char *file = slash ? slash + 1 : path;
    dy_pv_item it;
    int rc;
    while ((rc = dy_pv_next(&f, &it, &err)) != 0) {
        if (rc < 0) {
            printf("FAIL %s:%ld bad record: %s\n", file, err.line, err.message);
            v.failed++;
            continue;
        }
        if (it.kind == DY_PV_CONFIG)
            apply_config(&v, &it, path);
        else
            run_record(&v, &it, file);
    }
    dyad_coder_free(v.coder);
    dyad_dict_free(dict);
    dy_pv_close(&f);
    if (v.excluded)   /* never with --only, which runs left-out records too */
        printf("(%d records left out by <Skip> or the <Include> list)\n", v.excluded);
    return cli_validate_totals(v.passed, v.failed, o->only, path);
}
