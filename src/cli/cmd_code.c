/* cmd_code.c — `dyad code`: reads stories in any input format, codes them,
 * folds duplicates and writes events in the chosen format; skipped stories
 * are reported (and kept with --rejects); a summary line goes to stderr. */
#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "dyad_io.h"
#include "input.h"
#include "progress.h"
#include "tally.h"

typedef struct run {
    dyad_pipeline *pipe;  /* reader, coder threads, results in input order */
    dyad_writer *out;
    cli_input ci;         /* --in, the JSON Lines members, -r */
    int date;
    cli_tally t;
    int failed;           /* an error, or a stop: exit 1 */
    int stop_on_error;    /* --on-error stop */
    FILE *rejects;        /* --rejects FILE, or NULL */
    const char *rejects_name;
    dyad_idset *ids;      /* story ids seen, for duplicates */
    dyad_reader *rd;      /* the input being read */
    const dyad_cancel *cancel; /* SIGINT/SIGTERM (cli_interrupt_begin) */
    int one_a_day;        /* --one-a-day: group across the input, write at the end */
    dyad_daily *daily;
    dyad_store *store;    /* --db FILE, or NULL */
    cli_progress progress;
    int to_stdout;        /* events to standard output too (not with --db alone) */
    int lines_built;      /* the pipeline builds the event lines (not --one-a-day) */
} run;

/* Writes the story's events, identical ones once (or hands them to the
 * --one-a-day groups); returns 0 on a fatal error. */
static int write_story(run *r, const dyad_story *story, const dyad_result *res)
{
    if (r->store) {
        dyad_error err = {0};
        if (dyad_store_put(r->store, story, res, &err) != DYAD_OK) {
            cli_report(&err);
            return 0;
        }
    }
    if (!r->to_stdout)
        return 1;
    if (r->lines_built) {   /* the coding thread built them */
        size_t len, n;
        const char *lines = dyad_pipeline_lines(r->pipe, &len, &n);
        dyad_error err = {0};
        if (len && dyad_writer_lines(r->out, lines, len, n, &err) != DYAD_OK) {
            cli_report(&err);
            return 0;
        }
        return 1;
    }
    if (!res->n_events)
        return 1;
    dyad_error err = {0};   /* here: most stories have no event to write */
    if ((r->one_a_day ? dyad_daily_add(r->daily, story, res, &err)
                      : dyad_writer_story(r->out, story, res, &err)) != DYAD_OK) {
        cli_report(&err);
        return 0;
    }
    return 1;
}

/* The bytes of the inputs when all are regular files (the progress line's
 * share done), else 0: standard input, a folder or a pipe has no size. */
static long long inputs_size(char **files, int n)
{
    long long total = 0;
    for (int i = 0; i < n; i++) {
        struct stat sb;
        if (!strcmp(files[i], "-") || stat(files[i], &sb) != 0 || !S_ISREG(sb.st_mode))
            return 0;
        total += (long long)sb.st_size;
    }
    return total;
}

/* Opens the --db store and records the run: the dictionaries and their
 * checksum, the mode, the command line. Returns 0 after reporting. */
static int open_store(run *r, const char *path, const dyad_dict *dict, const char *dict_opt,
                      int syntax, int argc, char **argv)
{
    dyad_error err = {0};
    dyad_store_run sr = {0};
    const char *env = getenv("DYAD_DICT");
    sr.dict = dict_opt ? dict_opt : env && *env ? env : "default (built in)";
    if (dyad_dict_checksum(dict, &sr.dict_checksum, &err) != DYAD_OK) {
        cli_report(&err);
        return 0;
    }
    sr.mode = syntax ? "syntax" : "shallow";
    size_t n = 5;   /* "dyad" and the arguments from the subcommand on */
    for (int i = 0; i < argc; i++)
        n += strlen(argv[i]) + 1;
    char *cmd = malloc(n);
    if (!cmd) {
        cli_errorf("out of memory");
        return 0;
    }
    strcpy(cmd, "dyad");
    for (int i = 0; i < argc; i++) {
        strcat(cmd, " ");
        strcat(cmd, argv[i]);
    }
    sr.command = cmd;
    dyad_status st = dyad_store_open(path, &sr, &r->store, &err);
    free(cmd);
    if (st != DYAD_OK) {
        cli_report(&err);
        return 0;
    }
    return 1;
}

/* --one-a-day: every group, in the order first seen. */
static int write_daily(run *r)
{
    dyad_error err = {0};
    if (dyad_daily_write(r->daily, r->out, &err) != DYAD_OK) {
        cli_report(&err);
        return 0;
    }
    return 1;
}

/* A skipped story: its message, its count, its line in --rejects. Returns
 * nonzero to stop the run (--on-error stop, or the rejects file failed). */
static int skip(run *r, dyad_skip why, const dyad_story *story, const dyad_error *e)
{
    const dyad_item *it = dyad_pipeline_item(r->pipe);   /* whichever thread read it */
    if ((unsigned)why >= DYAD_SKIP_COUNT)
        why = DYAD_SKIP_BAD_INPUT;   /* a reason this program does not know */
    cli_progress_clear(&r->progress);
    r->t.read++;
    r->t.skipped[why]++;
    size_t n = strlen(e->message);
    const char *tail = n >= 9 && !strcmp(e->message + n - 9, "; skipped") ? "" : "; skipped";
    if (e->where[0] && e->line > 0)
        fprintf(stderr, "dyad: %s:%ld: %s%s\n", e->where, e->line, e->message, tail);
    else
        fprintf(stderr, "dyad: %s: %s%s\n", e->where, e->message, tail);
    if (r->rejects) {
        dyad_error werr = {0};
        size_t raw_len = 0;
        const char *raw = story ? NULL : dyad_item_raw(it, &raw_len);
        if (dyad_reject_write(r->rejects, r->rejects_name, story ? story : dyad_item_story(it),
                              raw, raw_len, why, e, &werr) != DYAD_OK) {
            cli_report(&werr);
            r->failed = 1;
            return 1;
        }
    }
    if (r->stop_on_error) {
        cli_errorf("stopped at the first skipped story (--on-error stop)");
        r->failed = 1;
        return 1;
    }
    return 0;
}

/* Where a story was read, for messages: FILE and its line (0 when none). */
static void story_error(run *r, dyad_error *e, dyad_status st, const dyad_story *story,
                        const char *msg)
{
    const char *file = dyad_reader_name(r->rd);
    long line = dyad_item_line(dyad_pipeline_item(r->pipe));
    if (!strcmp(story->id, file))   /* a text story is named after its file */
        cli_error_fill(e, st, file, line, "%s", msg);
    else
        cli_error_fill(e, st, file, line, "story %s: %s", story->id, msg);
}

/* Warns about what the input policy repaired in a story it codes. */
static void report_repairs(run *r, const dyad_story *story)
{
    const dyad_item *it = dyad_pipeline_item(r->pipe);
    long bad_utf8 = dyad_item_repairs(it, DYAD_REPAIR_BAD_UTF8);
    long nul_bytes = dyad_item_repairs(it, DYAD_REPAIR_NUL);
    if (!bad_utf8 && !nul_bytes)
        return;
    char msg[200];
    int n = 0;
    if (bad_utf8)
        n = snprintf(msg, sizeof msg, "%ld invalid UTF-8 byte%s replaced by U+FFFD", bad_utf8,
                     bad_utf8 == 1 ? "" : "s");
    if (nul_bytes)
        snprintf(msg + n, sizeof msg - (size_t)n, "%s%ld NUL byte%s replaced by %s",
                 n ? ", " : "", nul_bytes, nul_bytes == 1 ? "" : "s",
                 nul_bytes == 1 ? "a blank" : "blanks");
    dyad_error e = {0};
    story_error(r, &e, DYAD_OK, story, msg);
    cli_progress_clear(&r->progress);
    cli_report(&e);
    r->t.repaired++;
}

/* Names the first stories whose text does not look English (dyad codes
 * English; a French feed would otherwise give "no event" without a word),
 * then only counts them, so a whole foreign feed does not flood stderr. */
#define NOT_ENGLISH_NAMED 10

static void report_language(run *r, const dyad_story *story, const dyad_result *res)
{
    if (!res->not_english)
        return;
    r->t.not_english++;
    if (r->t.not_english > NOT_ENGLISH_NAMED)
        return;
    dyad_error e = {0};
    cli_progress_clear(&r->progress);
    story_error(r, &e, DYAD_OK, story,
                r->t.not_english < NOT_ENGLISH_NAMED
                    ? "does not look like English (few common English words, or mostly "
                      "another script); dyad codes English text, so expect no events from it"
                    : "does not look like English (few common English words, or mostly "
                      "another script); dyad codes English text, so expect no events from it "
                      "(further such stories are only counted in the summary)");
    cli_report(&e);
}

/* Sentences coded other than as given: cut at the coder's word limit (and
 * no event), or their Treebank parse unusable (coded from the text). */
static void report_sentences(run *r, const dyad_story *story, const dyad_result *res)
{
    static const char unused[] = "parse not used";
    for (size_t i = 0; i < res->n_sentences; i++) {
        const dyad_sentence *s = dyad_result_sentence(res, i);
        char msg[400];
        if (s->status == DYAD_SENTENCE_TOO_LONG)
            snprintf(msg, sizeof msg,
                     "sentence %zu is longer than the word limit; coded up to it", i + 1);
        else if (s->reason && !strncmp(s->reason, unused, sizeof unused - 1))
            snprintf(msg, sizeof msg, "sentence %zu: %.300s; coded from its text", i + 1,
                     s->reason);
        else
            continue;
        dyad_error e = {0};
        story_error(r, &e, DYAD_OK, story, msg);
        cli_progress_clear(&r->progress);
        cli_report(&e);
    }
}

/* The pipeline hands every story's result here, in input order. */
static int sink(void *ctx, dyad_status st, const dyad_story *story, const dyad_result *res,
                const dyad_error *err)
{
    run *r = ctx;
    dyad_error e;   /* filled by story_error before any use */
    if (!story) {               /* the reader skipped an item, or failed */
        if (st != DYAD_ERR_PARSE) {   /* the run (or, for a read error, the file) ends */
            cli_report(err);
            return st != DYAD_ERR_IO;
        }
        return skip(r, dyad_item_skip(dyad_pipeline_item(r->pipe)), NULL, err);
    }
    /* PETRARCH input may split a story: its sentences need not be together */
    int fresh = dyad_reader_format(r->rd) == DYAD_INPUT_PETRARCH
                    ? 1
                    : dyad_idset_add(r->ids, story->id, strlen(story->id));
    if (fresh < 0) {
        cli_errorf("out of memory");
        return 1;
    }
    if (!fresh) {
        story_error(r, &e, DYAD_ERR_PARSE, story, "duplicate story id (already read in this run)");
        return skip(r, DYAD_SKIP_DUPLICATE, story, &e);
    }
    if (st != DYAD_OK) {
        story_error(r, &e, st, story, err->message);
        return skip(r, st == DYAD_ERR_LIMIT ? DYAD_SKIP_TOO_LONG : DYAD_SKIP_CODING, story, &e);
    }
    r->t.read++;
    r->t.coded++;
    report_repairs(r, story);
    report_language(r, story, res);
    report_sentences(r, story, res);
    cli_tally_result(&r->t, res);
    if (!write_story(r, story, res)) {
        cli_progress_clear(&r->progress);
        return 1;
    }
    cli_progress_tick(&r->progress, r->t.read,
                      r->store && !r->to_stdout ? dyad_store_events(r->store)
                                                : dyad_writer_events(r->out));
    return 0;
}

/* The input has nothing more yet: what was written goes out now, so that a
 * live feed's events appear as its stories arrive, not at the end. */
static void on_idle(void *ctx)
{
    run *r = ctx;
    if (!r->one_a_day)
        fflush(stdout);     /* an error stays in ferror, reported at the end */
    if (r->store) {         /* a live feed's stories are visible to readers now */
        dyad_error err = {0};
        if (dyad_store_commit(r->store, &err) != DYAD_OK) {
            cli_progress_clear(&r->progress);
            cli_report(&err);
        }   /* the next commit (or close) fails too, and says so */
    }
    if (r->rejects)
        fflush(r->rejects);
}

/* An input could not be opened or read (reported): the others can be,
 * unless --on-error stop. Returns 0 to stop. */
static int input_failed(run *r)
{
    r->failed = 1;
    if (r->stop_on_error)
        cli_errorf("stopped at the first error (--on-error stop)");
    return !r->stop_on_error;
}

/* Codes every story of one input; returns 0 on a fatal error. */
static int code_stream(run *r, dyad_reader *rd)
{
    dyad_error err = {0};
    dyad_reader_set_cancel(rd, r->cancel);
    r->rd = rd;
    dyad_status st = dyad_pipeline_run(r->pipe, rd, sink, r, &err);
    if (st == DYAD_ERR_NOMEM) cli_report(&err);
    r->rd = NULL;
    if (st == DYAD_ERR_IO)
        return input_failed(r);
    return st == DYAD_OK;
}

/* One input file (or stdin), for cli_input_each; returns 0 to stop. */
static int code_file(void *ctx, const char *path)
{
    run *r = ctx;
    FILE *f;
    cli_progress_clear(&r->progress);
    dyad_reader *rd = cli_input_open(&r->ci, path, r->date, &f);
    if (!rd)
        return input_failed(r);
    cli_progress_input(&r->progress, f);
    int ok = code_stream(r, rd);
    cli_progress_input(&r->progress, NULL);
    cli_input_close(rd, f);
    return ok;
}

int cmd_code(int argc, char **argv)
{
    const char *dict_opt = NULL, *model_opt = NULL, *db_opt = NULL, *val;
    int out_given = 0, progress = -1;   /* -1: on a terminal */
    int syntax = 1;   /* the default mode: docs/coding.md, "Modes" */
    dyad_format out = DYAD_FORMAT_TSV;
    int quad_phoenix = 0, with_text = 0, jobs = 0, no_cache = 0;
    run r;
    memset(&r, 0, sizeof r);
    cli_input_init(&r.ci);
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0, m;
    if (!files) {
        cli_errorf("out of memory");
        return CLI_ERROR;
    }
    int status = CLI_OK;
    for (int i = 1; i < argc && status == CLI_OK; i++) {
        if ((m = cli_opt_value(argc, argv, &i, "--dict", &val)) != 0) {
            if (m < 0)
                status = cli_usage("code", "missing value for", "--dict");
            else
                dict_opt = val;
        } else if (!strcmp(argv[i], "--no-cache")) {
            no_cache = 1;
        } else if ((m = cli_opt_value(argc, argv, &i, "--model", &val)) != 0) {
            if (m < 0)
                status = cli_usage("code", "missing value for", "--model");
            else
                model_opt = val;
        } else if ((m = cli_opt_value(argc, argv, &i, "--mode", &val)) != 0) {
            if (m < 0)
                status = cli_usage("code", "missing value for", "--mode");
            else if (!strcmp(val, "syntax") || !strcmp(val, "shallow"))
                syntax = !strcmp(val, "syntax");
            else
                status = cli_usage("code", "--mode wants syntax or shallow, got", val);
        } else if ((m = cli_opt_value(argc, argv, &i, "--in", &val)) != 0) {
            if (m < 0)
                status = cli_usage("code", "missing value for", "--in");
            else if ((r.ci.in = dyad_input_parse(val)) == DYAD_INPUT_AUTO ||
                     r.ci.in == DYAD_INPUT_CONLLU)
                status = cli_usage_choice("code", "unknown input format", val,
                                          "text, jsonl, tabari, lines or petrarch");
        } else if ((m = cli_input_field_opt(&r.ci, "code", argc, argv, &i)) != 0) {
            if (m < 0)
                status = CLI_USAGE;
        } else if (!strcmp(argv[i], "-r") || !strcmp(argv[i], "--recursive")) {
            r.ci.recursive = 1;
        } else if ((m = cli_opt_value(argc, argv, &i, "--out", &val)) != 0) {
            if (m < 0)
                status = cli_usage("code", "missing value for", "--out");
            else if (dyad_format_parse(val, &out, NULL) != DYAD_OK)
                status = cli_usage_choice("code", "unknown output format", val,
                                          "tsv, csv, jsonl, petrarch, tabari or gdelt");
            out_given = 1;
        } else if ((m = cli_opt_value(argc, argv, &i, "--db", &val)) != 0) {
            if (m < 0)
                status = cli_usage("code", "missing value for", "--db");
            else
                db_opt = val;
        } else if ((m = cli_opt_value(argc, argv, &i, "--quad", &val)) != 0) {
            if (m < 0)
                status = cli_usage("code", "missing value for", "--quad");
            else if (!strcmp(val, "phoenix"))
                quad_phoenix = 1;
            else if (strcmp(val, "gdelt"))
                status = cli_usage("code", "unknown quad convention", val);
        } else if ((m = cli_jobs_opt(argc, argv, &i, &jobs)) != 0) {
            if (m < 0)
                status = cli_usage("code", "-j wants a number of threads, got", argv[i]);
        } else if ((m = cli_opt_value(argc, argv, &i, "--on-error", &val)) != 0) {
            if (m < 0)
                status = cli_usage("code", "missing value for", "--on-error");
            else if (!strcmp(val, "stop") || !strcmp(val, "skip"))
                r.stop_on_error = !strcmp(val, "stop");
            else
                status = cli_usage("code", "--on-error wants skip or stop, got", val);
        } else if ((m = cli_opt_value(argc, argv, &i, "--rejects", &val)) != 0) {
            if (m < 0)
                status = cli_usage("code", "missing value for", "--rejects");
            else
                r.rejects_name = val;
        } else if (!strcmp(argv[i], "--progress")) {
            progress = 1;
        } else if (!strcmp(argv[i], "--no-progress")) {
            progress = 0;
        } else if (!strcmp(argv[i], "--one-a-day")) {
            r.one_a_day = 1;
        } else if (!strcmp(argv[i], "--text")) {
            with_text = 1;
        } else if ((m = cli_opt_value(argc, argv, &i, "--date", &val)) != 0) {
            if (m < 0)
                status = cli_usage("code", "missing value for", "--date");
            else if (!(r.date = cli_parse_date(val)))
                status = CLI_USAGE;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            status = cli_usage("code", "unknown option", argv[i]);
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (status != CLI_OK) {
        free(files);
        return status;
    }
    if (nfiles == 0)
        files[nfiles++] = "-";
    if (db_opt && r.one_a_day) {
        free(files);
        return cli_usage("code", "--one-a-day folds events across stories, and the event store "
                         "keeps each story's own:", "use --db or --one-a-day, not both");
    }
    r.to_stdout = !db_opt || out_given;
    if (db_opt && cli_output_is_input(db_opt, "--db", files, nfiles)) {
        free(files);
        return CLI_ERROR;
    }

    if (r.rejects_name && cli_output_is_input(r.rejects_name, "--rejects", files, nfiles)) {
        free(files);
        return CLI_ERROR;
    }
    if (r.rejects_name && !(r.rejects = fopen(r.rejects_name, "w"))) {
        cli_errorf("%s: cannot open: %s", r.rejects_name, strerror(errno));
        free(files);
        return CLI_ERROR;
    }
    dyad_dict *dict = cli_load_dict(dict_opt, !no_cache);
    dyad_error err = {0};
    if (!dict) {
        if (r.rejects)
            fclose(r.rejects);
        free(files);
        return CLI_ERROR;
    }
    dyad_model *model = NULL;
    if (syntax && !(model = cli_load_model(model_opt))) {
        dyad_dict_free(dict);
        if (r.rejects)
            fclose(r.rejects);
        free(files);
        return CLI_ERROR;
    }
    if (jobs <= 0) jobs = cli_cores();
    r.lines_built = r.to_stdout && !r.one_a_day;
    if (dyad_writer_new(stdout, "stdout", out, &r.out, &err) != DYAD_OK ||
        dyad_formatter_set(dyad_writer_formatter(r.out), DYAD_FORMAT_QUAD_PHOENIX, quad_phoenix,
                           &err) != DYAD_OK ||
        dyad_formatter_set(dyad_writer_formatter(r.out), DYAD_FORMAT_WITH_TEXT, with_text,
                           &err) != DYAD_OK ||
        dyad_idset_new(0, &r.ids, &err) != DYAD_OK || dyad_daily_new(&r.daily, &err) != DYAD_OK ||
        dyad_pipeline_new(dict, model, jobs, r.lines_built ? dyad_writer_formatter(r.out) : NULL,
                          &r.pipe, &err) != DYAD_OK) {
        cli_report(&err);
        dyad_daily_free(r.daily);
        dyad_idset_free(r.ids);
        dyad_writer_free(r.out);
        dyad_model_free(model);
        dyad_dict_free(dict);
        if (r.rejects)
            fclose(r.rejects);
        free(files);
        return CLI_ERROR;
    }
    if (db_opt && !open_store(&r, db_opt, dict, dict_opt, syntax, argc, argv)) {
        dyad_pipeline_free(r.pipe);
        dyad_daily_free(r.daily);
        dyad_idset_free(r.ids);
        dyad_writer_free(r.out);
        dyad_model_free(model);
        dyad_dict_free(dict);
        if (r.rejects)
            fclose(r.rejects);
        free(files);
        return CLI_ERROR;
    }
    cli_input_output(&r.ci, stdout);
    if (r.rejects)
        cli_input_output(&r.ci, r.rejects);
    dyad_pipeline_on_idle(r.pipe, on_idle);
    r.cancel = r.ci.cancel = cli_interrupt_begin();
    cli_progress_init(&r.progress, progress, inputs_size(files, nfiles));
    int ok = 1;
    for (int i = 0; i < nfiles && ok && !cli_interrupted(); i++)
        ok = cli_input_each(&r.ci, files[i], code_file, &r, &r.failed);
    cli_progress_clear(&r.progress);
    if (ok && r.one_a_day)
        ok = write_daily(&r);
    if (ok && r.to_stdout && dyad_writer_finish(r.out, &err) != DYAD_OK) {
        cli_report(&err);
        ok = 0;
    }
    long stored = dyad_store_events(r.store), stored_stories = dyad_store_stories(r.store);
    if (r.store && dyad_store_close(r.store, &err) != DYAD_OK) {
        cli_report(&err);   /* the last batch may be lost: say so by the status */
        ok = 0;
    } else if (r.store) {
        fprintf(stderr, "dyad: %s: %ld stories and %ld events stored\n", db_opt, stored_stories,
                stored);
    }
    if (r.rejects && (fflush(r.rejects) != 0 || ferror(r.rejects))) {
        cli_errorf("%s: write error: %s", r.rejects_name, strerror(errno));
        ok = 0;
    }
    if (r.rejects && fclose(r.rejects) != 0 && ok) {
        cli_errorf("%s: write error: %s", r.rejects_name, strerror(errno));
        ok = 0;
    }
    int sig = cli_interrupt_end();
    if (sig)
        cli_errorf("interrupted by %s: the stories read before it were coded and written; "
                   "the rest of the input was not read", sig == SIGINT ? "SIGINT" : "SIGTERM");
    cli_tally_print(&r.t, r.to_stdout ? dyad_writer_events(r.out) : stored, stderr);
    dyad_idset_free(r.ids);
    dyad_writer_free(r.out);
    dyad_daily_free(r.daily);
    dyad_pipeline_free(r.pipe);
    dyad_model_free(model);
    dyad_dict_free(dict);
    free(files);
    if (sig)
        return 128 + sig;
    if (!ok || r.failed)
        return CLI_ERROR;
    return cli_tally_skipped(&r.t) ? CLI_SKIPPED : CLI_OK;
}
