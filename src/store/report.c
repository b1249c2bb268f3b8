/* report.c — dyad_report_html: one self-contained HTML page about an event
 * store, for a reader who wants to see what is in it and check it by eye:
 * totals and provenance, the busiest dyads, the event types, monthly charts
 * (plot.c), a map of the places events happened, and sample events with the
 * sentences they were coded from. Inline CSS and SVG only: no script, no
 * font or tile fetched, so it opens offline and archives as one file. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/error.h"
#include "base/file.h"
#include "base/strbuf.h"
#include "event/cameo.h"
#include "store/plot.h"
#include "store/schema.h"

static const char *col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

static const char style[] =
    "<style>\n"
    "body{font-family:sans-serif;margin:24px auto;max-width:1000px;color:#222}\n"
    "h1{font-size:24px}h2{font-size:19px;margin-top:32px;border-bottom:1px solid #ddd}\n"
    "table{border-collapse:collapse;font-size:14px}td,th{padding:3px 10px;text-align:left}\n"
    "th{border-bottom:1px solid #999}td.n{text-align:right}tr:nth-child(even){background:#f6f6f6}\n"
    ".bar{background:#2f8f4e;height:10px;display:inline-block}\n"
    ".meta{color:#666;font-size:13px}.sent{max-width:560px}\n"
    "</style>\n";

/* Totals and the last run. */
static void totals(sqlite3 *db, dy_strbuf *b)
{
    sqlite3_stmt *st;
    dy_strbuf_adds(b, "<h2>In this store</h2>\n<table id=\"totals\">\n");
    if (sqlite3_prepare_v2(db,
                           "SELECT (SELECT count(*) FROM stories), (SELECT count(*) FROM events), "
                           "(SELECT min(date) FROM events), (SELECT max(date) FROM events), "
                           "(SELECT count(*) FROM runs)", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        dy_strbuf_printf(b, "<tr><th>stories</th><td class=\"n\">%s</td></tr>\n", col(st, 0));
        dy_strbuf_printf(b, "<tr><th>events</th><td class=\"n\" id=\"n-events\">%s</td></tr>\n",
                         col(st, 1));
        dy_strbuf_adds(b, "<tr><th>dates</th><td>");
        dy_markup_escape(b, col(st, 2));
        dy_strbuf_adds(b, " to ");
        dy_markup_escape(b, col(st, 3));
        dy_strbuf_printf(b, "</td></tr>\n<tr><th>runs</th><td class=\"n\">%s</td></tr>\n",
                         col(st, 4));
    }
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(db,
                           "SELECT started_at, dyad_version, dict, dict_checksum, mode FROM runs "
                           "ORDER BY run_id DESC LIMIT 1", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        dy_strbuf_adds(b, "<tr><th>last run</th><td>");
        dy_markup_escape(b, col(st, 0));
        dy_strbuf_adds(b, ", dyad ");
        dy_markup_escape(b, col(st, 1));
        dy_strbuf_adds(b, ", dictionaries ");
        dy_markup_escape(b, col(st, 2));
        dy_strbuf_adds(b, " (");
        dy_markup_escape(b, col(st, 3));
        dy_strbuf_adds(b, "), ");
        dy_markup_escape(b, col(st, 4));
        dy_strbuf_adds(b, " mode</td></tr>\n");
    }
    sqlite3_finalize(st);
    dy_strbuf_adds(b, "</table>\n");
}

/* The busiest directed dyads; their names go to top[] for the charts. */
static int dyads(sqlite3 *db, dy_strbuf *b, char top[3][2][8])
{
    sqlite3_stmt *st;
    int n = 0;
    dy_strbuf_adds(b, "<h2>Busiest dyads</h2>\n<table id=\"dyads\">\n<tr><th>source</th>"
                      "<th>target</th><th>events</th><th>Goldstein sum</th><th>first</th>"
                      "<th>last</th></tr>\n");
    if (sqlite3_prepare_v2(db,
                           "SELECT source_country, target_country, events, goldstein_sum, "
                           "first_date, last_date FROM dyads WHERE source_country IS NOT NULL "
                           "AND target_country IS NOT NULL AND source_country != target_country "
                           "ORDER BY events DESC, 1, 2 LIMIT 15", -1, &st, NULL) == SQLITE_OK)
        while (sqlite3_step(st) == SQLITE_ROW) {
            dy_strbuf_adds(b, "<tr><td>");
            dy_markup_escape(b, col(st, 0));
            dy_strbuf_adds(b, "</td><td>");
            dy_markup_escape(b, col(st, 1));
            dy_strbuf_printf(b, "</td><td class=\"n\">%s</td><td class=\"n\">%.1f</td><td>",
                             col(st, 2), sqlite3_column_double(st, 3));
            dy_markup_escape(b, col(st, 4));
            dy_strbuf_adds(b, "</td><td>");
            dy_markup_escape(b, col(st, 5));
            dy_strbuf_adds(b, "</td></tr>\n");
            if (n < 3) {
                snprintf(top[n][0], sizeof top[n][0], "%s", col(st, 0));
                snprintf(top[n][1], sizeof top[n][1], "%s", col(st, 1));
                n++;
            }
        }
    sqlite3_finalize(st);
    dy_strbuf_adds(b, "</table>\n");
    return n;
}

static void event_types(sqlite3 *db, dy_strbuf *b)
{
    sqlite3_stmt *st;
    dy_strbuf_adds(b, "<h2>Event types</h2>\n<table id=\"types\">\n<tr><th>root</th><th>CAMEO"
                      "</th><th>PLOVER</th><th>events</th><th></th></tr>\n");
    if (sqlite3_prepare_v2(db,
                           "SELECT root_code, max(plover_type), sum(events), "
                           "(SELECT count(*) FROM events) FROM event_types GROUP BY root_code "
                           "ORDER BY root_code", -1, &st, NULL) == SQLITE_OK)
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *root = col(st, 0);
            const dy_cameo *c = dy_cameo_find(root, strlen(root));
            double share = sqlite3_column_int64(st, 3)
                               ? (double)sqlite3_column_int64(st, 2) / (double)sqlite3_column_int64(st, 3)
                               : 0;
            dy_strbuf_adds(b, "<tr><td>");
            dy_markup_escape(b, root);
            dy_strbuf_adds(b, "</td><td>");
            dy_markup_escape(b, c ? c->name : "");
            dy_strbuf_adds(b, "</td><td>");
            dy_markup_escape(b, col(st, 1));
            dy_strbuf_printf(b, "</td><td class=\"n\">%s</td><td><span class=\"bar\" "
                             "style=\"width:%.0fpx\"></span> %.1f%%</td></tr>\n",
                             col(st, 2), 300 * share, 100 * share);
        }
    sqlite3_finalize(st);
    dy_strbuf_adds(b, "</table>\n");
}

/* Where events happened: an equirectangular grid, a circle a place. */
static void map(sqlite3 *db, dy_strbuf *b)
{
    sqlite3_stmt *st;
    const int w = 900, h = 450;
    dy_strbuf_adds(b, "<h2>Where</h2>\n");
    dy_strbuf_printf(b, "<svg id=\"map\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                     "height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" "
                     "font-size=\"11\">\n<rect width=\"100%%\" height=\"100%%\" "
                     "fill=\"#eef3f8\"/>\n", w, h, w, h);
    for (int lon = -180; lon <= 180; lon += 30)
        dy_strbuf_printf(b, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d3dce6\"/>\n",
                         (lon + 180) * w / 360.0, (lon + 180) * w / 360.0, h);
    for (int lat = -90; lat <= 90; lat += 30)
        dy_strbuf_printf(b, "<line x1=\"0\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d3dce6\"/>\n",
                         (90 - lat) * h / 180.0, w, (90 - lat) * h / 180.0);
    int places = 0;
    if (sqlite3_prepare_v2(db,
                           "SELECT place_name, place_lat, place_lon, count(*) FROM events "
                           "WHERE place_lat IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1 "
                           "LIMIT 500", -1, &st, NULL) == SQLITE_OK)
        while (sqlite3_step(st) == SQLITE_ROW) {
            double lat = sqlite3_column_double(st, 1), lon = sqlite3_column_double(st, 2);
            long n = (long)sqlite3_column_int64(st, 3);
            double x = (lon + 180) * w / 360.0, y = (90 - lat) * h / 180.0;
            dy_strbuf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#c8322b\" "
                             "fill-opacity=\"0.55\" stroke=\"#8a1c17\"><title>", x, y,
                             3 + 2 * sqrt((double)n));
            dy_markup_escape(b, col(st, 0));
            dy_strbuf_printf(b, ": %ld events</title></circle>\n", n);
            if (places < 12) {
                dy_strbuf_printf(b, "<text x=\"%.1f\" y=\"%.1f\">", x + 6 + 2 * sqrt((double)n),
                                 y + 4);
                dy_markup_escape(b, col(st, 0));
                dy_strbuf_adds(b, "</text>\n");
            }
            places++;
        }
    sqlite3_finalize(st);
    if (!places)
        dy_strbuf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#777\">no "
                         "event names a place dyad knows</text>\n", w / 2, h / 2);
    dy_strbuf_adds(b, "</svg>\n<p class=\"meta\">Places from dyad's gazetteer (docs/formats.md, "
                      "Places); a circle's area grows with its events; grid every 30 degrees."
                      "</p>\n");
}

static void samples(sqlite3 *db, dy_strbuf *b)
{
    sqlite3_stmt *st;
    dy_strbuf_adds(b, "<h2>Sample events, to check by eye</h2>\n<table id=\"samples\">\n"
                      "<tr><th>date</th><th>source</th><th>code</th><th>target</th>"
                      "<th>sentence</th><th>story</th></tr>\n");
    /* a spread over the store: every k-th event by id, 30 of them */
    if (sqlite3_prepare_v2(db,
                           "SELECT e.date, e.source, e.code, e.target, t.text, s.story_id "
                           "FROM (SELECT story_key, sentence, event_id, date, source, code, "
                           "target, row_number() OVER (ORDER BY event_id) AS k, count(*) "
                           "OVER () AS n FROM events) AS e JOIN stories AS s USING (story_key) "
                           "LEFT JOIN sentences AS t ON t.story_key = e.story_key AND "
                           "t.sentence = e.sentence WHERE (k - 1) % max(1, n / 30) = 0 "
                           "ORDER BY e.date, e.event_id LIMIT 30", -1, &st, NULL) == SQLITE_OK)
        while (sqlite3_step(st) == SQLITE_ROW) {
            const dy_cameo *c = dy_cameo_find(col(st, 2), strlen(col(st, 2)));
            dy_strbuf_adds(b, "<tr><td>");
            dy_markup_escape(b, col(st, 0));
            dy_strbuf_adds(b, "</td><td>");
            dy_markup_escape(b, col(st, 1));
            dy_strbuf_adds(b, "</td><td title=\"");
            dy_markup_escape(b, c ? c->name : "");
            dy_strbuf_adds(b, "\">");
            dy_markup_escape(b, col(st, 2));
            dy_strbuf_adds(b, "</td><td>");
            dy_markup_escape(b, col(st, 3));
            dy_strbuf_adds(b, "</td><td class=\"sent\">");
            dy_markup_escape(b, col(st, 4));
            dy_strbuf_adds(b, "</td><td>");
            dy_markup_escape(b, col(st, 5));
            dy_strbuf_adds(b, "</td></tr>\n");
        }
    sqlite3_finalize(st);
    dy_strbuf_adds(b, "</table>\n");
}

dyad_status dyad_report_html(const char *db_path, const char *out_path, dyad_error *err)
{
    if (!db_path || !out_path)
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_report_html: NULL argument");
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        dyad_status st = dy_error_set(err, DYAD_ERR_IO, db_path, 0,
                                      "cannot open the event store: %s", sqlite3_errmsg(db));
        sqlite3_close(db);
        return st;
    }
    dyad_status st = dy_store_schema(db, db_path, 0, err);
    if (st != DYAD_OK) {
        sqlite3_close(db);
        return st;
    }
    dy_strbuf b;
    dy_strbuf_init(&b);
    dy_strbuf_adds(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<title>dyad event report</title>\n");
    dy_strbuf_adds(&b, style);
    dy_strbuf_adds(&b, "</head>\n<body>\n<h1>Event report: ");
    dy_markup_escape(&b, db_path);
    dy_strbuf_printf(&b, "</h1>\n<p class=\"meta\">Written by dyad %s from the event store; "
                         "CAMEO codes, GDELT quad classes, Goldstein scores.</p>\n", DYAD_VERSION);
    totals(db, &b);
    char top[3][2][8];
    int ntop = dyads(db, &b, top);
    event_types(db, &b);
    sqlite3_close(db);
    db = NULL;

    dy_strbuf_adds(&b, "<h2>Over time</h2>\n<div id=\"charts\">\n");
    dyad_series_query q;
    memset(&q, 0, sizeof q);
    q.by = DYAD_BY_MONTH;
    st = dy_plot_series_svg(db_path, &q, "All events by month", &b, err);
    for (int i = 0; i < ntop && st == DYAD_OK; i++) {
        char title[80];
        snprintf(title, sizeof title, "%s and %s, both directions, by month", top[i][0],
                 top[i][1]);
        q.source = top[i][0];
        q.target = top[i][1];
        q.undirected = 1;
        st = dy_plot_series_svg(db_path, &q, title, &b, err);
    }
    dy_strbuf_adds(&b, "</div>\n");
    if (st == DYAD_OK &&
        sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
        map(db, &b);
        samples(db, &b);
    }
    sqlite3_close(db);
    dy_strbuf_adds(&b, "</body>\n</html>\n");
    if (st == DYAD_OK && b.failed)
        st = dy_error_set(err, DYAD_ERR_NOMEM, out_path, 0, "out of memory");
    if (st == DYAD_OK)
        st = dy_write_file_atomic(out_path, b.s, b.len, err);
    dy_strbuf_free(&b);
    return st;
}
