/* cmd_code.c — `dyad code`: reads stories in any input format, codes them,
 * folds duplicates and writes events in the chosen format; a summary line
 * goes to stderr. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "event/dedup.h"
#include "io/reader.h"
#include "io/writer.h"

typedef struct tally {
    long stories, bad_input, code_errors;
    long sentences, coded, no_event, discarded, complex, too_short, too_long;
} tally;

typedef struct run {
    dyad_coder *coder;
    dy_writer out;
    dy_in_format in;
    int date;
    tally t;
    int failed;           /* something was bad: exit 1 */
    dy_story_dedup dd;    /* identical events of one story */
    int one_a_day;        /* --one-a-day: group across the input, write at the end */
    dy_daily daily;
} run;

static void count_result(tally *t, const dyad_result *res)
{
    t->sentences += (long)res->n_sentences;
    for (size_t i = 0; i < res->n_sentences; i++) {
        switch (res->sentences[i].status) {
        case DYAD_SENTENCE_CODED: t->coded++; break;
        case DYAD_SENTENCE_NO_EVENT: t->no_event++; break;
        case DYAD_SENTENCE_DISCARD: t->discarded++; break;
        case DYAD_SENTENCE_COMPLEX: t->complex++; break;
        case DYAD_SENTENCE_TOO_SHORT: t->too_short++; break;
        case DYAD_SENTENCE_TOO_LONG: t->too_long++; break;
        }
    }
}

/* Writes the story's events, identical ones once (or hands them to the
 * --one-a-day groups); returns 0 on a fatal error. */
static int write_story(run *r, const dyad_story *story, const dyad_result *res)
{
    dyad_error err = {0};
    if (dy_story_dedup_run(&r->dd, res->events, res->n_events) != DYAD_OK) {
        cli_errorf("out of memory");
        return 0;
    }
    for (size_t i = 0; i < res->n_events; i++) {
        if (!dy_story_dedup_first(&r->dd, i))
            continue;
        const dyad_event *ev = &res->events[i];
        if (r->one_a_day) {
            dyad_span sent = {0, story->text_len};
            if (ev->sentence >= 1 && (size_t)ev->sentence <= res->n_sentences)
                sent = res->sentences[ev->sentence - 1].span;
            if (dy_daily_add(&r->daily, story, sent, ev, r->dd.count[i]) != DYAD_OK) {
                cli_errorf("out of memory");
                return 0;
            }
            continue;
        }
        dy_event_extra x = {0};
        x.mentions = r->dd.count[i];
        x.sentence_ids = dy_story_dedup_ids(&r->dd, story->id, res->events, res->n_events, i);
        if (dy_writer_event_ex(&r->out, story, ev, &x, &err) != DYAD_OK) {
            cli_report(&err);
            return 0;
        }
    }
    return 1;
}

/* --one-a-day: every group, in the order first seen. */
static int write_daily(run *r)
{
    dyad_error err = {0};
    for (size_t i = 0; i < r->daily.n; i++) {
        dy_daily_group *g = r->daily.g[i];
        dy_event_extra x = {0};
        x.mentions = g->mentions;
        x.n_stories = g->n_stories;
        x.story_ids = g->story_ids.s ? g->story_ids.s : "";
        if (dy_writer_event_ex(&r->out, &g->story, &g->ev, &x, &err) != DYAD_OK) {
            cli_report(&err);
            return 0;
        }
    }
    return 1;
}

/* Codes every story of one input; returns 0 on a fatal error. */
static int code_stream(run *r, FILE *f, const char *name, dy_in_format fmt)
{
    dy_reader rd;
    dyad_story story;
    dyad_result res;
    dyad_error err = {0};
    int got, ok = 1;
    dy_reader_init(&rd, f, name, fmt, r->date);
    for (;;) {
        dyad_status st = dy_reader_next(&rd, &story, &got, &err);
        if (st == DYAD_ERR_PARSE) {
            cli_report(&err);
            r->t.bad_input++;
            r->failed = 1;
            continue;
        }
        if (st != DYAD_OK) {
            cli_report(&err);
            ok = 0;
            break;
        }
        if (!got)
            break;
        r->t.stories++;
        if (dyad_code(r->coder, &story, &res, &err) != DYAD_OK) {
            cli_report(&err);
            r->t.code_errors++;
            r->failed = 1;
            continue;
        }
        count_result(&r->t, &res);
        if (!write_story(r, &story, &res))
            ok = 0;
        if (!ok)
            break;
    }
    dy_reader_free(&rd);
    return ok;
}

static int code_file(run *r, const char *path)
{
    int is_stdin = !strcmp(path, "-");
    const char *name = is_stdin ? "stdin" : path;
    dy_in_format fmt = r->in != DY_IN_AUTO ? r->in : is_stdin ? DY_IN_TEXT
                                                             : dy_in_format_detect(path);
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        cli_errorf("%s: cannot open: %s", path, strerror(errno));
        r->failed = 1;
        return 1;
    }
    int ok = code_stream(r, f, name, fmt);
    if (!is_stdin)
        fclose(f);
    return ok;
}

static void print_tally(const run *r)
{
    const tally *t = &r->t;
    fprintf(stderr,
            "dyad: %ld stories (%ld bad input, %ld coding errors), %ld sentences: %ld coded, "
            "%ld no event, %ld discarded, %ld complex, %ld too short, %ld too long; "
            "%ld events written\n",
            t->stories, t->bad_input, t->code_errors, t->sentences, t->coded, t->no_event,
            t->discarded, t->complex, t->too_short, t->too_long, r->out.events);
}

int cmd_code(int argc, char **argv)
{
    const char *dict_opt = NULL, *val;
    dy_out_format out = DY_OUT_TSV;
    int quad_phoenix = 0, with_text = 0;
    run r;
    memset(&r, 0, sizeof r);
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
        } else if ((m = cli_opt_value(argc, argv, &i, "--in", &val)) != 0) {
            if (m < 0)
                status = cli_usage("code", "missing value for", "--in");
            else if ((r.in = dy_in_format_parse(val)) == DY_IN_AUTO)
                status = cli_usage("code", "unknown input format", val);
        } else if ((m = cli_opt_value(argc, argv, &i, "--out", &val)) != 0) {
            if (m < 0)
                status = cli_usage("code", "missing value for", "--out");
            else if ((out = dy_out_format_parse(val)) == DY_OUT_NONE)
                status = cli_usage("code", "unknown output format", val);
        } else if ((m = cli_opt_value(argc, argv, &i, "--quad", &val)) != 0) {
            if (m < 0)
                status = cli_usage("code", "missing value for", "--quad");
            else if (!strcmp(val, "phoenix"))
                quad_phoenix = 1;
            else if (strcmp(val, "gdelt"))
                status = cli_usage("code", "unknown quad convention", val);
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

    dyad_dict *dict = cli_load_dict(dict_opt);
    dyad_error err = {0};
    if (!dict) {
        free(files);
        return CLI_ERROR;
    }
    if (dyad_coder_new(dict, &r.coder, &err) != DYAD_OK) {
        cli_report(&err);
        dyad_dict_free(dict);
        free(files);
        return CLI_ERROR;
    }
    dy_writer_init(&r.out, stdout, "stdout", out);
    r.out.opt.quad_phoenix = quad_phoenix;
    r.out.opt.petrarch_text = with_text;
    r.out.opt.tabari_text = with_text;
    r.out.opt.tabari_id = with_text;
    dy_story_dedup_init(&r.dd);
    dy_daily_init(&r.daily);
    int ok = 1;
    for (int i = 0; i < nfiles && ok; i++)
        ok = code_file(&r, files[i]);
    if (ok && r.one_a_day)
        ok = write_daily(&r);
    if (ok && dy_writer_finish(&r.out, &err) != DYAD_OK) {
        cli_report(&err);
        ok = 0;
    }
    print_tally(&r);
    dy_writer_free(&r.out);
    dy_story_dedup_free(&r.dd);
    dy_daily_free(&r.daily);
    dyad_coder_free(r.coder);
    dyad_dict_free(dict);
    free(files);
    return ok && !r.failed ? CLI_OK : CLI_ERROR;
}
