/* cmd_parse.c — `dyad parse`: raw text, lines, JSON Lines stories or
 * CoNLL-U sentences through dyad's tagger and parser, out as CoNLL-U. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dyad_io.h"
#include "input.h"

typedef struct prun {
    dyad_pipeline *pipe;
    int conllu;            /* the inputs are CoNLL-U sentences */
    cli_input ci;          /* --in, the JSON Lines members, -r */
    int date;
    long read, parsed, skipped, sentences, words;
    int failed, write_failed;
} prun;

/* Every story's CoNLL-U, in input order; a skipped one is counted and
 * reported with its place. */
static int sink(void *vctx, dyad_status st, const dyad_story *story, const dyad_result *res,
                const dyad_error *err)
{
    (void)res;   /* a parse has no coded result: its CoNLL-U is asked for */
    prun *r = vctx;
    if (!story) {
        if (st != DYAD_ERR_PARSE) {   /* a read error ends this input */
            cli_report(err);
            return st != DYAD_ERR_IO;
        }
        r->read++;
        r->skipped++;
        cli_report(err);
        return 0;
    }
    r->read++;
    if (st != DYAD_OK) {
        r->skipped++;
        dyad_error e = *err;
        if (!e.where[0]) snprintf(e.where, sizeof e.where, "%s", story->id);
        cli_report(&e);
        return 0;
    }
    size_t len, sentences, words;
    const char *text = dyad_pipeline_lines(r->pipe, &len, NULL);
    dyad_pipeline_parsed(r->pipe, &sentences, &words);
    r->parsed++;
    r->sentences += (long)sentences;
    r->words += (long)words;
    if (fwrite(text, 1, len, stdout) != len) {
        r->write_failed = 1;
        return 1;
    }
    return 0;
}

/* The format an input's name asks for (DYAD_INPUT_AUTO: its first bytes
 * will tell), or DYAD_INPUT_AUTO for stdin. */
static dyad_input named_format(const prun *r, const char *path)
{
    if (r->ci.in != DYAD_INPUT_AUTO)
        return r->ci.in;
    return strcmp(path, "-") ? dyad_input_detect(path) : DYAD_INPUT_AUTO;
}

/* One input file (or stdin), for cli_input_each; returns 0 to stop. */
static int parse_file(void *ctx, const char *path)
{
    prun *r = ctx;
    dyad_input fmt = named_format(r, path);
    if (fmt == DYAD_INPUT_TABARI || fmt == DYAD_INPUT_PETRARCH) {
        cli_errorf("%s: dyad parse reads text, lines, jsonl or conllu, not %s",
                   strcmp(path, "-") ? path : "stdin", dyad_input_name(fmt));
        r->failed = 1;
        return 1;
    }
    FILE *f;
    dyad_reader *rd = cli_input_open(&r->ci, path, r->date, &f);
    if (!rd) {
        r->failed = 1;
        return 1;
    }
    if ((dyad_reader_format(rd) == DYAD_INPUT_CONLLU) != (r->conllu != 0)) {
        cli_errorf("%s: CoNLL-U and other inputs cannot be mixed in one run",
                   dyad_reader_name(rd));
        cli_input_close(rd, f);
        r->failed = 1;
        return 1;
    }
    dyad_reader_set(rd, DYAD_READER_DATE_OPTIONAL, 1, NULL);
    dyad_error err = {0};
    dyad_status st = dyad_pipeline_run(r->pipe, rd, sink, r, &err);
    if (st == DYAD_ERR_NOMEM) cli_report(&err);
    if (st == DYAD_ERR_IO) r->failed = 1;
    cli_input_close(rd, f);
    return st == DYAD_OK || st == DYAD_ERR_IO;
}

int cmd_parse(int argc, char **argv)
{
    const char *model_opt = NULL, *val;
    prun r;
    memset(&r, 0, sizeof r);
    cli_input_init(&r.ci);
    r.ci.no_records = 1;
    int jobs = 1, m, status = CLI_OK, nfiles = 0;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files) {
        cli_errorf("out of memory");
        return CLI_ERROR;
    }
    for (int i = 1; i < argc && status == CLI_OK; i++) {
        if ((m = cli_opt_value(argc, argv, &i, "--model", &val)) != 0) {
            if (m < 0) status = cli_usage("parse", "missing value for", "--model");
            else model_opt = val;
        } else if ((m = cli_opt_value(argc, argv, &i, "--in", &val)) != 0) {
            if (m < 0)
                status = cli_usage("parse", "missing value for", "--in");
            else if ((r.ci.in = dyad_input_parse(val)) == DYAD_INPUT_AUTO ||
                     r.ci.in == DYAD_INPUT_TABARI || r.ci.in == DYAD_INPUT_PETRARCH)
                status = cli_usage("parse", "--in wants text, lines, jsonl or conllu, got", val);
        } else if ((m = cli_input_field_opt(&r.ci, "parse", argc, argv, &i)) != 0) {
            if (m < 0) status = CLI_USAGE;
        } else if (!strcmp(argv[i], "-r") || !strcmp(argv[i], "--recursive")) {
            r.ci.recursive = 1;
        } else if ((m = cli_jobs_opt(argc, argv, &i, &jobs)) != 0) {
            if (m < 0) status = cli_usage("parse", "-j wants a number of threads, got", argv[i]);
        } else if ((m = cli_opt_value(argc, argv, &i, "--date", &val)) != 0) {
            if (m < 0) status = cli_usage("parse", "missing value for", "--date");
            else if (!(r.date = cli_parse_date(val))) status = CLI_USAGE;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            status = cli_usage("parse", "unknown option", argv[i]);
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (status != CLI_OK) {
        free(files);
        return status;
    }
    if (nfiles == 0) files[nfiles++] = "-";
    /* CoNLL-U or not is one choice for the run: the first input decides */
    r.conllu = named_format(&r, files[0]) == DYAD_INPUT_CONLLU;
    dyad_model *model = cli_load_model(model_opt);
    if (!model) {
        free(files);
        return CLI_ERROR;
    }
    if (jobs <= 0) jobs = cli_cores();
    dyad_error err = {0};
    if (dyad_pipeline_new_parse(model, jobs, r.conllu, &r.pipe, &err) != DYAD_OK) {
        cli_report(&err);
        dyad_model_free(model);
        free(files);
        return CLI_ERROR;
    }
    cli_input_output(&r.ci, stdout);
    int ok = 1;
    for (int i = 0; i < nfiles && ok && !r.write_failed; i++)
        ok = cli_input_each(&r.ci, files[i], parse_file, &r, &r.failed);
    if (fflush(stdout) != 0 || ferror(stdout)) r.write_failed = 1;
    if (r.write_failed) cli_errorf("stdout: write error: %s", strerror(errno));
    fprintf(stderr, "dyad: %ld stories read: %ld parsed, %ld skipped; %ld sentences, %ld words\n",
            r.read, r.parsed, r.skipped, r.sentences, r.words);
    dyad_pipeline_free(r.pipe);
    dyad_model_free(model);
    free(files);
    if (!ok || r.failed || r.write_failed) return CLI_ERROR;
    return r.skipped ? CLI_SKIPPED : CLI_OK;
}
