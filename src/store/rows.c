/* rows.c — binding an event's columns (rows.h) in the order of the JSON
 * Lines fields (io/write_jsonl.c), with the same choices of null: what one
 * writes as null the other stores as NULL. */
#include "store/rows.h"

#include <stdio.h>
#include <string.h>

#include "io/writer.h"

const char dy_row_event_sql[] =
    "INSERT INTO events (story_key, event_id, sentence, date, source, target, code, "
    "source_text, source_start, source_end, target_text, target_start, target_end, "
    "verb_text, verb_start, verb_end, pattern, pattern_file, pattern_line, attribution, "
    "date_shift, date_origin, date_text, date_start, date_end, code_name, root_code, "
    "quad_class, goldstein, plover_type, plover_mode, plover_context, source_country, "
    "source_is_country, source_agents, target_country, target_is_country, target_agents, "
    "place_name, place_country, place_lat, place_lon, place_precision, place_text, "
    "place_start, place_end, mentions, sentence_ids, issues) VALUES (?1, ?2, ?3, ?4, ?5, "
    "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, "
    "?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, "
    "?41, ?42, ?43, ?44, ?45, ?46, ?47, ?48, ?49)";

/* YYYY-MM-DD by hand: snprintf was a tenth of the cost of storing. Dates
 * outside 1..99991231 (never made by dyad) as the JSON writes them. */
static int format_date(int date, char d[16])
{
    if (date < 1 || date > 99991231)
        return snprintf(d, 16, "%04d-%02d-%02d", date / 10000, date / 100 % 100, date % 100);
    int y = date / 10000, m = date / 100 % 100, day = date % 100;
    for (int i = 3; i >= 0; i--, y /= 10)
        d[i] = (char)('0' + y % 10);
    d[4] = d[7] = '-';
    d[5] = (char)('0' + m / 10);
    d[6] = (char)('0' + m % 10);
    d[8] = (char)('0' + day / 10);
    d[9] = (char)('0' + day % 10);
    d[10] = '\0';
    return 10;
}

void dy_row_bind_date(sqlite3_stmt *st, int col, int date)
{
    if (!date)
        return;   /* a cleared binding is NULL */
    char d[16];
    int n = format_date(date, d);
    sqlite3_bind_text(st, col, d, n, SQLITE_TRANSIENT);
}

static void text(sqlite3_stmt *st, int col, const char *s)
{
    if (s)
        sqlite3_bind_text(st, col, s, -1, SQLITE_STATIC);
}

/* "" is null in the JSON for these (root code, PLOVER fields, country) */
static void text_or_null(sqlite3_stmt *st, int col, const char *s)
{
    if (s && *s)
        sqlite3_bind_text(st, col, s, -1, SQLITE_STATIC);
}

/* The three columns of a span: its text, start and end; NULL when empty. */
static void span(sqlite3_stmt *st, int col, const dyad_story *story, dyad_span sp)
{
    if (!(sp.end > sp.start && sp.end <= story->text_len))
        return;
    sqlite3_bind_text(st, col, story->text + sp.start, (int)(sp.end - sp.start),
                      SQLITE_STATIC);
    sqlite3_bind_int64(st, col + 1, (sqlite3_int64)sp.start);
    sqlite3_bind_int64(st, col + 2, (sqlite3_int64)sp.end);
}

void dy_row_bind_event(sqlite3_stmt *st, long long story_key, int64_t event_id,
                       const dyad_story *story, const dyad_event *ev, int mentions,
                       const char *sentence_ids)
{
    sqlite3_bind_int64(st, 1, story_key);
    sqlite3_bind_int64(st, 2, event_id);
    sqlite3_bind_int(st, 3, ev->sentence);
    dy_row_bind_date(st, 4, ev->date);
    sqlite3_bind_text(st, 5, ev->source ? ev->source : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, ev->target ? ev->target : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, ev->code ? ev->code : "", -1, SQLITE_STATIC);
    span(st, 8, story, ev->source_span);
    span(st, 11, story, ev->target_span);
    span(st, 14, story, ev->verb_span);
    text(st, 17, ev->pattern);
    text(st, 18, ev->pattern_where);
    sqlite3_bind_int64(st, 19, ev->pattern_line);
    text(st, 20, ev->attribution);
    sqlite3_bind_int(st, 21, ev->date_shift);
    text(st, 22, dy_event_date_origin(ev));
    span(st, 23, story, ev->date_span);
    text(st, 26, ev->code_name);
    int has_root = ev->root_code && ev->root_code[0];
    if (has_root) {
        sqlite3_bind_text(st, 27, ev->root_code, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 28, ev->quad_class);   /* the store writes GDELT's */
    }
    if (ev->has_goldstein)
        sqlite3_bind_double(st, 29, ev->goldstein);
    text_or_null(st, 30, ev->plover_type);
    text_or_null(st, 31, ev->plover_mode);
    text_or_null(st, 32, ev->plover_context);
    text_or_null(st, 33, ev->source_parts.country);
    sqlite3_bind_int(st, 34, ev->source_parts.is_country != 0);
    sqlite3_bind_text(st, 35, ev->source_parts.agents, -1, SQLITE_STATIC);
    text_or_null(st, 36, ev->target_parts.country);
    sqlite3_bind_int(st, 37, ev->target_parts.is_country != 0);
    sqlite3_bind_text(st, 38, ev->target_parts.agents, -1, SQLITE_STATIC);
    if (ev->place.precision != DYAD_PLACE_NONE) {
        text(st, 39, ev->place.name);
        text(st, 40, ev->place.country);
        sqlite3_bind_double(st, 41, ev->place.lat);
        sqlite3_bind_double(st, 42, ev->place.lon);
        text(st, 43, dy_precision_name(ev->place.precision));
        span(st, 44, story, ev->place.span);
    }
    sqlite3_bind_int(st, 47, mentions);
    text(st, 48, sentence_ids);
    text(st, 49, ev->issues);
}

void dy_row_count_key(const dyad_event *ev, char buf[16], dy_count_key *k)
{
    int has_root = ev->root_code && ev->root_code[0];
    buf[0] = '\0';
    if (ev->date)
        format_date(ev->date, buf);
    k->date = buf;
    k->source = ev->source ? ev->source : "";
    k->target = ev->target ? ev->target : "";
    k->source_country = ev->source_parts.country;
    k->target_country = ev->target_parts.country;
    k->root_code = has_root ? ev->root_code : "";
    k->quad_class = has_root ? ev->quad_class : 0;
    k->plover_type = ev->plover_type ? ev->plover_type : "";
}
