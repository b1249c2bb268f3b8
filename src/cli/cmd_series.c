/* cmd_series.c — `dyad series`, `dyad plot` and `dyad report`: events by
 * period for a dyad, an actor or everything, from an event store (--db) or
 * an events file, as long-format CSV or TSV with every period present
 * (series), as an SVG chart (plot); a store as one HTML page (report). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct out {
    int tsv;
    int grouped;
    long rows;
} out;

static int row(void *ctx, const char *period, const char *group, double value, long events)
{
    out *o = ctx;
    char sep = o->tsv ? '\t' : ',';
    (void)events;
    /* labels and group values hold no separator or quote: no quoting needed */
    if (o->grouped)
        printf("%s%c%s%c", period, sep, group, sep);
    else
        printf("%s%c", period, sep);
    if (isnan(value))
        printf("\n");   /* a mean over no event: missing, NA in R and pandas */
    else if (value == (double)(long long)value)
        printf("%lld\n", (long long)value);
    else
        printf("%.4f\n", value);
    o->rows++;
    return ferror(stdout) != 0;
}

static int pick(const char *val, const char *const *names, int n)
{
    for (int k = 0; k < n; k++)
        if (!strcmp(val, names[k]))
            return k;
    return -1;
}

/* --by's words, in dyad_period order */
static const char *const bys[] = {"day", "week", "month", "quarter", "year"};

/* The options series and plot share; plot also takes --title and -o. */
typedef struct opts {
    dyad_series_query q;
    const char *path, *title, *out;
    int tsv;
    char dyad_buf[128];
} opts;

static int parse(const char *cmd, int plot, int argc, char **argv, opts *o)
{
    static const char *const groups[] = {"none", "root", "quad", "plover"};
    static const char *const measures[] = {"count", "goldstein-sum", "goldstein-mean"};
    const char *val;
    int m;
    memset(o, 0, sizeof *o);
    o->q.by = DYAD_BY_MONTH;
    for (int i = 1; i < argc; i++) {
        int k;
        if ((m = cli_opt_value(argc, argv, &i, "--db", &val)) != 0) {
            if (m < 0) return cli_usage(cmd, "missing value for", "--db");
            if (o->path) return cli_usage(cmd, "more than one source", val);
            o->path = val;
        } else if ((m = cli_opt_value(argc, argv, &i, "--by", &val)) != 0) {
            if (m < 0 || (k = pick(val, bys, 5)) < 0)
                return cli_usage_choice(cmd, "--by", m < 0 ? "(none)" : val,
                                        "day, week, month, quarter or year");
            o->q.by = (dyad_period)k;
        } else if (!plot && (m = cli_opt_value(argc, argv, &i, "--group", &val)) != 0) {
            if (m < 0 || (k = pick(val, groups, 4)) < 0)
                return cli_usage_choice(cmd, "--group", m < 0 ? "(none)" : val,
                                        "none, root, quad or plover");
            o->q.group = (dyad_series_group)k;
        } else if (!plot && (m = cli_opt_value(argc, argv, &i, "--measure", &val)) != 0) {
            if (m < 0 || (k = pick(val, measures, 3)) < 0)
                return cli_usage_choice(cmd, "--measure", m < 0 ? "(none)" : val,
                                        "count, goldstein-sum or goldstein-mean");
            o->q.measure = (dyad_measure)k;
        } else if ((m = cli_opt_value(argc, argv, &i, "--dyad", &val)) != 0) {
            const char *comma = m > 0 ? strchr(val, ',') : NULL;
            if (!comma || comma == val || !comma[1] || strlen(val) >= sizeof o->dyad_buf)
                return cli_usage(cmd, "--dyad wants SOURCE,TARGET, got", m < 0 ? "(none)" : val);
            strcpy(o->dyad_buf, val);
            o->dyad_buf[comma - val] = '\0';
            o->q.source = o->dyad_buf;
            o->q.target = o->dyad_buf + (comma - val) + 1;
        } else if ((m = cli_opt_value(argc, argv, &i, "--source", &val)) != 0) {
            if (m < 0) return cli_usage(cmd, "missing value for", "--source");
            o->q.source = val;
        } else if ((m = cli_opt_value(argc, argv, &i, "--target", &val)) != 0) {
            if (m < 0) return cli_usage(cmd, "missing value for", "--target");
            o->q.target = val;
        } else if (!strcmp(argv[i], "--undirected")) {
            o->q.undirected = 1;
        } else if ((m = cli_opt_value(argc, argv, &i, "--from", &val)) != 0) {
            if (m < 0) return cli_usage(cmd, "missing value for", "--from");
            if (!(o->q.from = cli_parse_date(val))) return CLI_USAGE;
        } else if ((m = cli_opt_value(argc, argv, &i, "--to", &val)) != 0) {
            if (m < 0) return cli_usage(cmd, "missing value for", "--to");
            if (!(o->q.to = cli_parse_date(val))) return CLI_USAGE;
        } else if (!plot && (m = cli_opt_value(argc, argv, &i, "--format", &val)) != 0) {
            if (m < 0 || (strcmp(val, "csv") && strcmp(val, "tsv")))
                return cli_usage_choice(cmd, "--format", m < 0 ? "(none)" : val, "csv or tsv");
            o->tsv = !strcmp(val, "tsv");
        } else if (plot && (m = cli_opt_value(argc, argv, &i, "--title", &val)) != 0) {
            if (m < 0) return cli_usage(cmd, "missing value for", "--title");
            o->title = val;
        } else if (plot && (m = cli_opt_value(argc, argv, &i, "-o", &val)) != 0) {
            if (m < 0) return cli_usage(cmd, "missing value for", "-o");
            o->out = val;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage(cmd, "unknown option", argv[i]);
        } else {
            if (o->path) return cli_usage(cmd, "more than one source", argv[i]);
            o->path = argv[i];
        }
    }
    if (!o->path)
        return cli_usage(cmd, "no source: name an event store (--db FILE) or an events file",
                         NULL);
    if (o->q.from && o->q.to && o->q.from > o->q.to)
        return cli_usage(cmd, "--from is after --to", NULL);
    return CLI_OK;
}

int cmd_series(int argc, char **argv)
{
    static const char *const columns[] = {"events", "goldstein_sum", "goldstein_mean"};
    static const char *const group_columns[] = {"", "root_code", "quad_class", "plover_type"};
    opts op;
    int rc = parse("series", 0, argc, argv, &op);
    if (rc != CLI_OK)
        return rc;
    out o = {op.tsv, op.q.group != DYAD_GROUP_NONE, 0};
    char sep = o.tsv ? '\t' : ',';
    if (o.grouped)
        printf("period%c%s%c%s\n", sep, group_columns[op.q.group], sep, columns[op.q.measure]);
    else
        printf("period%c%s\n", sep, columns[op.q.measure]);
    dyad_error err = {0};
    dyad_series_info info = {0, 0};
    if (dyad_series(op.path, &op.q, row, &o, &info, &err) != DYAD_OK) {
        cli_report(&err);
        return CLI_ERROR;
    }
    fprintf(stderr, "dyad: %ld events in %ld rows", info.events, o.rows);
    if (info.undated)
        fprintf(stderr, "; %ld events without a date left out", info.undated);
    fprintf(stderr, "\n");
    return CLI_OK;
}

int cmd_plot(int argc, char **argv)
{
    opts op;
    int rc = parse("plot", 1, argc, argv, &op);
    if (rc != CLI_OK)
        return rc;
    char title[200];
    if (!op.title) {   /* "Events by month: RUS to UKR" */
        int n = snprintf(title, sizeof title, "Events by %s", bys[op.q.by]);
        if (op.q.source || op.q.target)
            snprintf(title + n, sizeof title - (size_t)n, ": %s %s %s",
                     op.q.source ? op.q.source : "any", op.q.undirected ? "and" : "to",
                     op.q.target ? op.q.target : "any");
        op.title = title;
    }
    char *svg = NULL;
    dyad_error err = {0};
    if (dyad_plot_svg(op.path, &op.q, op.title, &svg, &err) != DYAD_OK) {
        cli_report(&err);
        return CLI_ERROR;
    }
    int ok = 1;
    char *inputs[1] = {(char *)op.path};
    if (op.out && strcmp(op.out, "-") && cli_output_is_input(op.out, "-o", inputs, 1)) {
        free(svg);
        return CLI_ERROR;
    }
    if (op.out && strcmp(op.out, "-")) {
        ok = cli_write_file(op.out, svg, strlen(svg));
    } else {
        fputs(svg, stdout);
    }
    free(svg);
    return ok ? CLI_OK : CLI_ERROR;
}

int cmd_report(int argc, char **argv)
{
    const char *db = NULL, *out = NULL, *val;
    int m;
    for (int i = 1; i < argc; i++) {
        if ((m = cli_opt_value(argc, argv, &i, "--db", &val)) != 0) {
            if (m < 0) return cli_usage("report", "missing value for", "--db");
            db = val;
        } else if ((m = cli_opt_value(argc, argv, &i, "-o", &val)) != 0) {
            if (m < 0) return cli_usage("report", "missing value for", "-o");
            out = val;
        } else {
            return cli_usage("report", "unknown argument", argv[i]);
        }
    }
    if (!db || !out)
        return cli_usage("report", "want --db FILE and -o FILE.html", NULL);
    char *inputs[1] = {(char *)db};
    if (cli_output_is_input(out, "-o", inputs, 1))   /* would replace the store */
        return CLI_ERROR;
    dyad_error err = {0};
    if (dyad_report_html(db, out, &err) != DYAD_OK) {
        cli_report(&err);
        return CLI_ERROR;
    }
    fprintf(stderr, "dyad: %s written\n", out);
    return CLI_OK;
}
