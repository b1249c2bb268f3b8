/* cmd_series.c — `dyad series`: events by period for a dyad, an actor or
 * everything, from an event store (--db) or an events file, as long-format
 * CSV or TSV with every period present, ready for R and pandas. */
#include <math.h>
#include <stdio.h>
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

int cmd_series(int argc, char **argv)
{
    static const char *const bys[] = {"day", "week", "month", "quarter", "year"};
    static const char *const groups[] = {"none", "root", "quad", "plover"};
    static const char *const measures[] = {"count", "goldstein-sum", "goldstein-mean"};
    static const char *const columns[] = {"events", "goldstein_sum", "goldstein_mean"};
    static const char *const group_columns[] = {"", "root_code", "quad_class", "plover_type"};
    dyad_series_query q;
    memset(&q, 0, sizeof q);
    q.by = DYAD_BY_MONTH;
    const char *path = NULL, *val;
    char dyad_buf[128];
    out o = {0, 0, 0};
    int m;
    for (int i = 1; i < argc; i++) {
        int k;
        if ((m = cli_opt_value(argc, argv, &i, "--db", &val)) != 0) {
            if (m < 0) return cli_usage("series", "missing value for", "--db");
            if (path) return cli_usage("series", "more than one source", val);
            path = val;
        } else if ((m = cli_opt_value(argc, argv, &i, "--by", &val)) != 0) {
            if (m < 0 || (k = pick(val, bys, 5)) < 0)
                return cli_usage_choice("series", "--by", m < 0 ? "(none)" : val,
                                        "day, week, month, quarter or year");
            q.by = (dyad_period)k;
        } else if ((m = cli_opt_value(argc, argv, &i, "--group", &val)) != 0) {
            if (m < 0 || (k = pick(val, groups, 4)) < 0)
                return cli_usage_choice("series", "--group", m < 0 ? "(none)" : val,
                                        "none, root, quad or plover");
            q.group = (dyad_series_group)k;
        } else if ((m = cli_opt_value(argc, argv, &i, "--measure", &val)) != 0) {
            if (m < 0 || (k = pick(val, measures, 3)) < 0)
                return cli_usage_choice("series", "--measure", m < 0 ? "(none)" : val,
                                        "count, goldstein-sum or goldstein-mean");
            q.measure = (dyad_measure)k;
        } else if ((m = cli_opt_value(argc, argv, &i, "--dyad", &val)) != 0) {
            const char *comma = m > 0 ? strchr(val, ',') : NULL;
            if (!comma || comma == val || !comma[1] || strlen(val) >= sizeof dyad_buf)
                return cli_usage("series", "--dyad wants SOURCE,TARGET, got",
                                 m < 0 ? "(none)" : val);
            strcpy(dyad_buf, val);
            dyad_buf[comma - val] = '\0';
            q.source = dyad_buf;
            q.target = dyad_buf + (comma - val) + 1;
        } else if ((m = cli_opt_value(argc, argv, &i, "--source", &val)) != 0) {
            if (m < 0) return cli_usage("series", "missing value for", "--source");
            q.source = val;
        } else if ((m = cli_opt_value(argc, argv, &i, "--target", &val)) != 0) {
            if (m < 0) return cli_usage("series", "missing value for", "--target");
            q.target = val;
        } else if (!strcmp(argv[i], "--undirected")) {
            q.undirected = 1;
        } else if ((m = cli_opt_value(argc, argv, &i, "--from", &val)) != 0) {
            if (m < 0) return cli_usage("series", "missing value for", "--from");
            if (!(q.from = cli_parse_date(val))) return CLI_USAGE;
        } else if ((m = cli_opt_value(argc, argv, &i, "--to", &val)) != 0) {
            if (m < 0) return cli_usage("series", "missing value for", "--to");
            if (!(q.to = cli_parse_date(val))) return CLI_USAGE;
        } else if ((m = cli_opt_value(argc, argv, &i, "--format", &val)) != 0) {
            if (m < 0 || (strcmp(val, "csv") && strcmp(val, "tsv")))
                return cli_usage_choice("series", "--format", m < 0 ? "(none)" : val,
                                        "csv or tsv");
            o.tsv = !strcmp(val, "tsv");
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage("series", "unknown option", argv[i]);
        } else {
            if (path) return cli_usage("series", "more than one source", argv[i]);
            path = argv[i];
        }
    }
    if (!path)
        return cli_usage("series", "no source: name an event store (--db FILE) or an events "
                         "file", NULL);
    if (q.from && q.to && q.from > q.to)
        return cli_usage("series", "--from is after --to", NULL);
    o.grouped = q.group != DYAD_GROUP_NONE;
    char sep = o.tsv ? '\t' : ',';
    if (o.grouped)
        printf("period%c%s%c%s\n", sep, group_columns[q.group], sep, columns[q.measure]);
    else
        printf("period%c%s\n", sep, columns[q.measure]);
    dyad_error err = {0};
    dyad_series_info info = {0, 0};
    if (dyad_series(path, &q, row, &o, &info, &err) != DYAD_OK) {
        cli_report(&err);
        return CLI_ERROR;
    }
    fprintf(stderr, "dyad: %ld events in %ld rows", info.events, o.rows);
    if (info.undated)
        fprintf(stderr, "; %ld events without a date left out", info.undated);
    fprintf(stderr, "\n");
    return CLI_OK;
}
