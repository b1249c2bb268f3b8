/* series.c — dyad_series: event counts and Goldstein sums by period, for a
 * dyad, an actor or everything, from an event store or from an events file.
 *
 * Both read event_counts (schema.c), the events counted by day and series
 * fields: a store keeps it as it stores, and an events file (dyad code
 * --out jsonl or tsv) is counted the same way (store/counts.c) into an
 * in-memory store first, so both sources answer the same SQL. SQLite sums
 * by day (and group); the days are then put into their periods here, where every
 * period of the range is present, with zeros, as analysts' tools expect of
 * a time series. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <sqlite3.h>

#include "base/date.h"
#include "base/error.h"
#include "store/counts.h"
#include "store/schema.h"
#include "store/series.h"

#define MAX_PERIODS 200000   /* days in 547 years: a bad date range, not data */
#define MAX_GROUPS  256

/* ------------------------------------------------------------ periods */

/* The first day of the period holding date d (YYYYMMDD). */
static int period_start(dyad_period by, int d)
{
    switch (by) {
    case DYAD_BY_DAY: return d;
    case DYAD_BY_WEEK: {   /* weeks start on Monday; 1970-01-01 was a Thursday */
        long days = dy_date_to_days(d);
        long wd = ((days % 7) + 7 + 3) % 7;   /* 0 Monday .. 6 Sunday */
        return dy_days_to_date(days - wd);
    }
    case DYAD_BY_MONTH: return d / 100 * 100 + 1;
    case DYAD_BY_QUARTER: return d / 10000 * 10000 + ((d / 100 % 100 - 1) / 3 * 3 + 1) * 100 + 1;
    case DYAD_BY_YEAR: return d / 10000 * 10000 + 101;
    }
    return d;
}

/* The first day of the next period, from a period's first day. */
static int period_next(dyad_period by, int start)
{
    int y = start / 10000, m = start / 100 % 100;
    switch (by) {
    case DYAD_BY_DAY: return dy_date_add(start, 1);
    case DYAD_BY_WEEK: return dy_date_add(start, 7);
    case DYAD_BY_MONTH: return m == 12 ? (y + 1) * 10000 + 101 : y * 10000 + (m + 1) * 100 + 1;
    case DYAD_BY_QUARTER: return m >= 10 ? (y + 1) * 10000 + 101 : y * 10000 + (m + 3) * 100 + 1;
    case DYAD_BY_YEAR: return (y + 1) * 10000 + 101;
    }
    return dy_date_add(start, 1);
}

static void period_label(dyad_period by, int start, char *buf, size_t n)
{
    int y = start / 10000, m = start / 100 % 100, d = start % 100;
    switch (by) {
    case DYAD_BY_DAY:
    case DYAD_BY_WEEK: snprintf(buf, n, "%04d-%02d-%02d", y, m, d); break;
    case DYAD_BY_MONTH: snprintf(buf, n, "%04d-%02d", y, m); break;
    case DYAD_BY_QUARTER: snprintf(buf, n, "%04d-Q%d", y, (m - 1) / 3 + 1); break;
    case DYAD_BY_YEAR: snprintf(buf, n, "%04d", y); break;
    }
}

static int parse_iso(const char *s)
{
    if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-')
        return 0;
    int d = atoi(s) * 10000 + atoi(s + 5) * 100 + atoi(s + 8);
    return dy_date_valid(d) ? d : 0;
}

/* --------------------------------------------------- events files in memory */

/* The fields of one event, as strings ("" when absent). */
typedef struct row {
    const char *f[10];   /* date source target code root quad goldstein plover scountry tcountry */
} row;

static const char *const field_names[10] = {"date", "source", "target", "code", "root_code",
                                            "quad_class", "goldstein", "plover_type",
                                            "source_country", "target_country"};

/* Counts one event of the file, as the store counts its events. */
static dyad_status count_row(dy_counts *c, const row *r)
{
    const char *root = r->f[4] ? r->f[4] : "";
    dy_count_key k = {r->f[0], r->f[1], r->f[2], r->f[8], r->f[9], root, r->f[7],
                      root[0] && r->f[5] && *r->f[5] ? atoi(r->f[5]) : 0};
    int scored = r->f[6] && *r->f[6];
    long long g = scored ? dy_goldstein_tenths(strtod(r->f[6], NULL)) : 0;
    return dy_counts_add(c, &k, 1, scored, g);
}

/* Splits a TSV line in place (dyad's TSV escapes tabs inside fields). */
static int split_tabs(char *s, char **out, int max)
{
    int n = 0;
    out[n++] = s;
    for (; *s && n < max; s++)
        if (*s == '\t') {
            *s = '\0';
            out[n++] = s + 1;
        }
    return n;
}

static dyad_status load_stream(sqlite3 *db, FILE *f, const char *path, dyad_error *err)
{
    dy_counts counts;
    dy_counts_init(&counts);
    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long lineno = 0;
    int tsv_col[10], is_tsv = -1;
    dyad_status status = DYAD_OK;
    while (status == DYAD_OK && (len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0)
            continue;
        if (is_tsv < 0) {   /* the first line says which: a JSON object or a TSV header */
            is_tsv = line[0] != '{';
            if (is_tsv) {
                char *h[80];
                int nh = split_tabs(line, h, 80);
                for (int k = 0; k < 10; k++) {
                    tsv_col[k] = -1;
                    for (int j = 0; j < nh; j++)
                        if (!strcmp(h[j], field_names[k]))
                            tsv_col[k] = j;
                }
                if (tsv_col[0] < 0 || tsv_col[1] < 0 || tsv_col[2] < 0)
                    status = dy_error_set(err, DYAD_ERR_PARSE, path, 1,
                                          "not an events file: want JSON Lines or a TSV "
                                          "header with date, source and target (dyad code "
                                          "--out jsonl or tsv)");
                continue;
            }
        }
        row r;
        memset(&r, 0, sizeof r);
        char num[2][32];
        if (is_tsv) {
            char *c[80];
            int nc = split_tabs(line, c, 80);
            for (int k = 0; k < 10; k++)
                r.f[k] = tsv_col[k] >= 0 && tsv_col[k] < nc ? c[tsv_col[k]] : "";
            if (count_row(&counts, &r) != DYAD_OK)
                status = dy_error_set(err, DYAD_ERR_NOMEM, path, lineno, "out of memory");
            continue;
        }
        json_error_t je;
        json_t *o = json_loadb(line, (size_t)len, 0, &je);
        if (!o || !json_is_object(o)) {
            json_decref(o);
            status = dy_error_set(err, DYAD_ERR_PARSE, path, lineno,
                                  "not an event of dyad code --out jsonl: %s", je.text);
            break;
        }
        for (int k = 0; k < 10; k++) {
            json_t *v = json_object_get(o, field_names[k]);
            if (json_is_string(v)) {
                r.f[k] = json_string_value(v);
            } else if (json_is_number(v) && (k == 5 || k == 6)) {
                snprintf(num[k - 5], sizeof num[0], "%.17g", json_number_value(v));
                r.f[k] = num[k - 5];
            } else {
                r.f[k] = "";
            }
        }
        if (count_row(&counts, &r) != DYAD_OK)
            status = dy_error_set(err, DYAD_ERR_NOMEM, path, lineno, "out of memory");
        json_decref(o);
    }
    free(line);
    if (status == DYAD_OK && ferror(f))
        status = dy_error_set(err, DYAD_ERR_IO, path, 0, "read error");
    if (status == DYAD_OK && dy_counts_flush(&counts, db) != SQLITE_OK)
        status = dy_error_set(err, DYAD_ERR_IO, path, 0, "%s", sqlite3_errmsg(db));
    dy_counts_free(&counts);
    sqlite3_exec(db, status == DYAD_OK ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
    return status;
}

/* An events file, in an in-memory store. */
static dyad_status open_stream(FILE *f, const char *path, sqlite3 **out, dyad_error *err)
{
    sqlite3 *db = NULL;
    dyad_status st;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK)
        st = dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
    else if ((st = dy_store_schema(db, path, 1, err)) == DYAD_OK)
        st = load_stream(db, f, path, err);
    if (st != DYAD_OK) {
        sqlite3_close(db);
        return st;
    }
    *out = db;
    return DYAD_OK;
}

/* Opens path: a store read-only, or an events file loaded into memory. */
static dyad_status open_source(const char *path, sqlite3 **out, dyad_error *err)
{
    char magic[16] = {0};
    FILE *f = fopen(path, "rb");
    if (!f)
        return dy_error_set(err, DYAD_ERR_IO, path, 0, "cannot open");
    size_t n = fread(magic, 1, sizeof magic, f);
    fclose(f);
    sqlite3 *db = NULL;
    dyad_status st;
    if (n == sizeof magic && !memcmp(magic, "SQLite format 3", 16)) {
        if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
            st = dy_error_set(err, DYAD_ERR_IO, path, 0, "cannot open the event store: %s",
                              sqlite3_errmsg(db));
        else
            st = dy_store_schema(db, path, 0, err);
    } else {
        f = fopen(path, "r");
        if (!f)
            return dy_error_set(err, DYAD_ERR_IO, path, 0, "cannot open");
        st = open_stream(f, path, &db, err);
        fclose(f);
        if (st != DYAD_OK)
            return st;
    }
    if (st != DYAD_OK) {
        sqlite3_close(db);
        return st;
    }
    *out = db;
    return DYAD_OK;
}

/* ------------------------------------------------------------ the query */

/* "source_country = ?" for a country, "source = ?" for a full actor code. */
static const char *side(const char *code, const char *country_col, const char *actor_col)
{
    return strlen(code) == 3 ? country_col : actor_col;
}

static void where_actors(char *sql, size_t n, const dyad_series_query *q)
{
    char a[200] = "", b[200] = "";
    if (q->source)
        snprintf(a, sizeof a, "%s = ?3", side(q->source, "source_country", "source"));
    if (q->target)
        snprintf(b, sizeof b, "%s = ?4", side(q->target, "target_country", "target"));
    size_t len = strlen(sql);
    if (q->source && q->target) {
        if (q->undirected)
            snprintf(sql + len, n - len, " AND ((%s AND %s) OR (%s = ?4 AND %s = ?3))", a, b,
                     side(q->target, "source_country", "source"),
                     side(q->source, "target_country", "target"));
        else
            snprintf(sql + len, n - len, " AND %s AND %s", a, b);
    } else if (q->source) {
        if (q->undirected)
            snprintf(sql + len, n - len, " AND (%s OR %s = ?3)", a,
                     side(q->source, "target_country", "target"));
        else
            snprintf(sql + len, n - len, " AND %s", a);
    } else if (q->target) {
        if (q->undirected)
            snprintf(sql + len, n - len, " AND (%s OR %s = ?4)", b,
                     side(q->target, "source_country", "source"));
        else
            snprintf(sql + len, n - len, " AND %s", b);
    }
}

typedef struct cell {
    long events, scored;
    double sum;
} cell;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static dyad_status run_query(sqlite3 *db, const char *path, const dyad_series_query *q,
                             dyad_series_fn fn, void *ctx, dyad_series_info *info,
                             dyad_error *err);

static int bad_query(const dyad_series_query *q)
{
    return (q->from && !dy_date_valid(q->from)) || (q->to && !dy_date_valid(q->to)) ||
           (q->from && q->to && q->from > q->to) || (unsigned)q->by > DYAD_BY_YEAR ||
           (unsigned)q->group > DYAD_GROUP_PLOVER ||
           (unsigned)q->measure > DYAD_MEASURE_GOLDSTEIN_MEAN;
}

dyad_status dyad_series(const char *path, const dyad_series_query *q, dyad_series_fn fn,
                        void *ctx, dyad_series_info *info, dyad_error *err)
{
    if (!path || !q || !fn)
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_series: NULL argument");
    if (bad_query(q))
        return dy_error_set(err, DYAD_ERR_ARG, path, 0, "bad series query (date range, period, "
                            "group or measure)");
    sqlite3 *db = NULL;
    dyad_status st = open_source(path, &db, err);
    if (st != DYAD_OK)
        return st;
    return run_query(db, path, q, fn, ctx, info, err);
}

dyad_status dy_series_stream(FILE *f, const char *name, const dyad_series_query *q,
                             dyad_series_fn fn, void *ctx, dyad_series_info *info,
                             dyad_error *err)
{
    if (!f || !name || !q || !fn || bad_query(q))
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dy_series_stream: bad argument");
    sqlite3 *db = NULL;
    dyad_status st = open_stream(f, name, &db, err);
    if (st != DYAD_OK)
        return st;
    return run_query(db, name, q, fn, ctx, info, err);
}

/* The query on an open source; closes db. */
static dyad_status run_query(sqlite3 *db, const char *path, const dyad_series_query *q,
                             dyad_series_fn fn, void *ctx, dyad_series_info *info,
                             dyad_error *err)
{
    dyad_status st = DYAD_OK;

    static const char *const group_col[] = {"''", "root_code", "quad_class", "plover_type"};
    /* event_counts (schema.c), not the events: a row per distinct key */
    char sql[1024];
    snprintf(sql, sizeof sql,
             "SELECT date, %s, sum(events), sum(goldstein_tenths), sum(scored) "
             "FROM event_counts WHERE date <> '' AND date >= ?1 AND date <= ?2",
             group_col[q->group]);
    where_actors(sql, sizeof sql, q);
    /* without a group, by the date alone: the table's key starts with it,
     * so SQLite sums in key order instead of sorting every row first */
    strcat(sql, q->group == DYAD_GROUP_NONE ? " GROUP BY 1 ORDER BY 1" : " GROUP BY 1, 2 ORDER BY 1, 2");
    char undated_sql[1024] = "SELECT total(events) FROM event_counts WHERE date = ''";
    where_actors(undated_sql, sizeof undated_sql, q);

    char from[32] = "0000-00-00", to[32] = "9999-99-99";
    if (q->from)
        snprintf(from, sizeof from, "%04d-%02d-%02d", q->from / 10000, q->from / 100 % 100,
                 q->from % 100);
    if (q->to)
        snprintf(to, sizeof to, "%04d-%02d-%02d", q->to / 10000, q->to / 100 % 100, q->to % 100);

    /* the days and groups, as SQLite grouped them */
    sqlite3_stmt *s = NULL, *u = NULL;
    typedef struct day {
        int date;
        char *group;
        long events, scored;
        double sum;
    } day;
    day *days = NULL;
    size_t n_days = 0, cap_days = 0;
    char *groups[MAX_GROUPS];
    size_t n_groups = 0;
    int lo = q->from, hi = q->to;
    long undated = 0, counted = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, undated_sql, -1, &u, NULL) != SQLITE_OK) {
        st = dy_error_set(err, DYAD_ERR_IO, path, 0, "%s", sqlite3_errmsg(db));
        goto done;
    }
    sqlite3_bind_text(s, 1, from, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, to, -1, SQLITE_STATIC);
    for (int k = 3; k <= 4; k++) {
        const char *v = k == 3 ? q->source : q->target;
        if (v) {
            sqlite3_bind_text(s, k, v, -1, SQLITE_STATIC);
            sqlite3_bind_text(u, k, v, -1, SQLITE_STATIC);
        }
    }
    if (q->group == DYAD_GROUP_QUAD)   /* all four, even when one never occurs */
        for (int k = 1; k <= 4; k++) {
            char g[2] = {(char)('0' + k), 0};
            groups[n_groups++] = strdup(g);
        }
    if (q->group == DYAD_GROUP_NONE)
        groups[n_groups++] = strdup("");
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int d = parse_iso((const char *)sqlite3_column_text(s, 0));
        if (!d)
            continue;   /* not a date: nothing to put it in */
        const char *g = (const char *)sqlite3_column_text(s, 1);
        size_t gi = 0;
        while (gi < n_groups && strcmp(groups[gi], g))
            gi++;
        if (gi == n_groups) {
            if (n_groups == MAX_GROUPS) {
                st = dy_error_set(err, DYAD_ERR_LIMIT, path, 0, "more than %d groups",
                                  MAX_GROUPS);
                goto done;
            }
            groups[n_groups++] = strdup(g);
        }
        if (n_days == cap_days) {
            cap_days = cap_days ? 2 * cap_days : 256;
            day *nd = realloc(days, cap_days * sizeof *days);
            if (!nd) {
                st = dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
                goto done;
            }
            days = nd;
        }
        days[n_days].date = d;
        days[n_days].group = groups[gi];
        days[n_days].events = sqlite3_column_int64(s, 2);
        days[n_days].sum = (double)sqlite3_column_int64(s, 3) / 10.0;
        days[n_days].scored = sqlite3_column_int64(s, 4);
        n_days++;
        if (!q->from && (!lo || d < lo)) lo = d;
        if (!q->to && (!hi || d > hi)) hi = d;
    }
    if (rc != SQLITE_DONE) {
        st = dy_error_set(err, DYAD_ERR_IO, path, 0, "%s", sqlite3_errmsg(db));
        goto done;
    }
    if (sqlite3_step(u) == SQLITE_ROW)
        undated = sqlite3_column_int64(u, 0);
    if (q->group == DYAD_GROUP_ROOT || q->group == DYAD_GROUP_PLOVER)
        qsort(groups, n_groups, sizeof *groups, cmp_str);

    if (lo && hi) {
        /* the periods of [lo, hi], and a cell per period and group */
        size_t n_periods = 0;
        for (int p = period_start(q->by, lo); p <= hi && n_periods <= MAX_PERIODS;
             p = period_next(q->by, p))
            n_periods++;
        if (n_periods > MAX_PERIODS) {
            st = dy_error_set(err, DYAD_ERR_LIMIT, path, 0,
                              "the dates span more than %d periods: give --from and --to",
                              MAX_PERIODS);
            goto done;
        }
        cell *cells = calloc(n_periods * n_groups, sizeof *cells);
        int *starts = malloc(n_periods * sizeof *starts);
        if (!cells || !starts) {
            free(cells);
            free(starts);
            st = dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
            goto done;
        }
        size_t k = 0;
        for (int p = period_start(q->by, lo); p <= hi; p = period_next(q->by, p))
            starts[k++] = p;
        for (size_t i = 0; i < n_days; i++) {
            int p = period_start(q->by, days[i].date);
            size_t a = 0, b = n_periods;   /* binary search for the period */
            while (b - a > 1) {
                size_t mid = (a + b) / 2;
                if (starts[mid] <= p) a = mid; else b = mid;
            }
            size_t gi = 0;
            while (groups[gi] != days[i].group)
                gi++;
            cell *c = &cells[a * n_groups + gi];
            c->events += days[i].events;
            c->scored += days[i].scored;
            c->sum += days[i].sum;
            counted += days[i].events;
        }
        char label[16];
        for (size_t p = 0; p < n_periods && st == DYAD_OK; p++) {
            period_label(q->by, starts[p], label, sizeof label);
            for (size_t gi = 0; gi < n_groups; gi++) {
                const cell *c = &cells[p * n_groups + gi];
                double v = q->measure == DYAD_MEASURE_COUNT ? (double)c->events
                           : q->measure == DYAD_MEASURE_GOLDSTEIN_SUM ? c->sum
                           : c->scored ? c->sum / (double)c->scored : NAN;
                if (fn(ctx, label, groups[gi], v, c->events)) {
                    st = dy_error_set(err, DYAD_ERR_IO, path, 0, "stopped by the caller");
                    break;
                }
            }
        }
        free(cells);
        free(starts);
    }
    if (info) {
        info->events = counted;
        info->undated = undated;
    }
done:
    for (size_t i = 0; i < n_groups; i++)
        free(groups[i]);
    free(days);
    sqlite3_finalize(s);
    sqlite3_finalize(u);
    sqlite3_close(db);
    return st;
}
