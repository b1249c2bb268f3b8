/* read_jsonl.c — the jsonl input format: one story per line,
 * {"id","date","text","source"?,"url"?} (the first three, and a title, under
 * the names the caller chose); a bad line is reported and skipped. Each line
 * is checked and its wanted members decoded in one pass by io/json_scan.c,
 * into the reader's reused buffers: no tree and no allocation per story. */
#include <stdio.h>
#include <string.h>

#include "base/error.h"
#include "io/json_scan.h"
#include "io/reader.h"

enum { F_ID, F_DATE, F_TEXT, F_SOURCE, F_URL, F_TITLE, F_COUNT };

/* A string or integer member's text; NULL when absent or another type. */
static const char *member_text(const dy_json_field *f)
{
    if (f->type != DY_JSON_STRING && f->type != DY_JSON_INTEGER)
        return NULL;
    return f->out->s ? f->out->s : "";
}

/* Skips the line: keeps what could be read of it (fields NULL when it is not
 * an object) for the rejects file. */
static dyad_status bad(dy_reader *r, const dy_json_field *fields, dy_skip why, dyad_error *err,
                       const char *msg)
{
    int has_text = fields && fields[F_TEXT].type == DY_JSON_STRING;
    r->skip = why;
    r->bad.id = r->id.len ? r->id.s : NULL;
    r->bad.text = has_text ? (r->text.s ? r->text.s : "") : NULL;
    r->bad.text_len = has_text ? r->text.len : 0;
    r->bad.source = fields ? member_text(&fields[F_SOURCE]) : NULL;
    r->bad.url = fields ? member_text(&fields[F_URL]) : NULL;
    if (r->bad.id)
        return dy_error_set(err, DYAD_ERR_PARSE, r->name, r->lr.lineno, "story %s: %s",
                            r->bad.id, msg);
    return dy_error_set(err, DYAD_ERR_PARSE, r->name, r->lr.lineno, "%s", msg);
}

/* The date member (or --date when absent or null); 0 with *why set when
 * bad. ISO 8601 timestamps give their date (dyad_parse_date); a number is
 * read as its digits (20261123). */
static int member_date(const dy_reader *r, const dy_json_field *d, dy_skip *why)
{
    if (d->type == DY_JSON_ABSENT || d->type == DY_JSON_NULL) {
        *why = DY_SKIP_NO_DATE;
        return r->date;
    }
    *why = DY_SKIP_BAD_DATE;
    const char *s = member_text(d);
    return s ? dyad_parse_date(s, d->out->len) : 0;
}

/* "missing \"NAME\"": the member looked for, as the caller named it. */
static const char *missing(char *msg, size_t n, const char *name)
{
    snprintf(msg, n, "missing \"%.60s\"", name);
    return msg;
}

/* With a title member asked for and present: the title and a blank line
 * open the text, so the coder sees a headline as its own sentence (built
 * in the title's buffer, which then trades places with the text's). */
static void add_title(dy_reader *r, const dy_json_field *title)
{
    if (title->type != DY_JSON_STRING || !r->title.len)
        return;
    dy_strbuf_add(&r->title, "\n\n", 2);
    dy_strbuf_add(&r->title, r->text.s, r->text.len);
    dy_strbuf t = r->text;
    r->text = r->title;
    r->title = t;
}

/* The line's members: scanned, then checked one by one as the messages
 * name them (id, date, text). */
static dyad_status story_of(dy_reader *r, const char *line, size_t len, dyad_story *story,
                            dyad_error *err)
{
    const dy_jsonl_fields *names = &r->fields;
    dy_json_field f[F_COUNT] = {
        [F_ID] = {.name = names->id, .out = &r->id},
        [F_DATE] = {.name = names->date, .out = &r->date_text},
        [F_TEXT] = {.name = names->text, .out = &r->text},
        [F_SOURCE] = {.name = "source", .out = &r->source},
        [F_URL] = {.name = "url", .out = &r->url},
        [F_TITLE] = {.name = names->title, .out = &r->title},
    };
    dy_json_error je;
    char msg[256];
    r->raw = line;   /* until it parses: the rejects file gets the line itself */
    r->raw_len = len;
    dy_json_status js = dy_json_scan(line, len, f, names->title ? F_COUNT : F_TITLE, &r->key, &je);
    if (js == DY_JSON_NOMEM)
        return dy_error_set(err, DYAD_ERR_NOMEM, r->name, r->lr.lineno, "out of memory");
    if (js == DY_JSON_BAD) {
        dy_strbuf_clear(&r->id);   /* read before the fault: no story to name */
        char what[200];
        dy_json_describe(&je, line, len, what, sizeof what);
        snprintf(msg, sizeof msg, "bad JSON at column %zu: %s", dy_json_column(line, je.offset),
                 what);
        return bad(r, NULL, DY_SKIP_BAD_INPUT, err, msg);
    }
    r->raw = NULL;   /* it parsed: the rejects file gets its members */
    r->raw_len = 0;
    if (js == DY_JSON_NOT_OBJECT)
        return bad(r, NULL, DY_SKIP_BAD_INPUT, err, "not a JSON object");
    if (!member_text(&f[F_ID]) || !r->id.len) {
        dy_strbuf_clear(&r->id);
        return bad(r, f, DY_SKIP_BAD_INPUT, err, missing(msg, sizeof msg, names->id));
    }
    if (memchr(r->id.s, '\0', r->id.len)) {
        /* an id is a C string from here on: cut at the NUL, two stories
         * would share it (and one be skipped as a duplicate) */
        r->raw = line;
        r->raw_len = len;
        dy_strbuf_clear(&r->id);
        snprintf(msg, sizeof msg, "\"%.40s\" holds a NUL character (\\u0000)", names->id);
        return bad(r, f, DY_SKIP_BAD_INPUT, err, msg);
    }
    dy_skip why = DY_SKIP_NONE;
    int date = member_date(r, &f[F_DATE], &why);
    if (!date && why == DY_SKIP_NO_DATE && !r->date_optional)
        return bad(r, f, why, err, missing(msg, sizeof msg, names->date));
    if (!date && why != DY_SKIP_NO_DATE) {
        char as_written[64];   /* ASCII, so that cutting it keeps it UTF-8 */
        dy_json_ascii(line + f[F_DATE].start, f[F_DATE].end - f[F_DATE].start, as_written,
                      sizeof as_written);
        snprintf(msg, sizeof msg,
                 "bad \"%.40s\" %.60s (want YYYY-MM-DD, YYYYMMDD or an ISO 8601 time)",
                 names->date, as_written);
        return bad(r, f, why, err, msg);
    }
    if (f[F_TEXT].type != DY_JSON_STRING)
        return bad(r, f, DY_SKIP_BAD_INPUT, err, missing(msg, sizeof msg, names->text));
    if (names->title)
        add_title(r, &f[F_TITLE]);
    if (r->text.failed)
        return dy_error_set(err, DYAD_ERR_NOMEM, r->name, r->lr.lineno, "out of memory");
    story->id = r->id.s;
    story->date = date;
    story->text = r->text.s ? r->text.s : "";
    story->text_len = r->text.len;
    story->source = member_text(&f[F_SOURCE]);
    story->url = member_text(&f[F_URL]);
    return DYAD_OK;
}

dyad_status dy_read_jsonl(dy_reader *r, dyad_story *story, int *got, dyad_error *err)
{
    int rc;
    while ((rc = dy_linereader_next(&r->lr, err)) > 0) {
        if (dy_line_is_blank(r->lr.buf, r->lr.len))
            continue;
        r->line = r->lr.lineno;
        dy_strbuf_clear(&r->id);
        /* Invalid UTF-8 and NUL bytes are repaired before parsing: the
         * scanner takes UTF-8 as given, and one bad byte should cost a
         * U+FFFD, not the story. */
        const char *line = r->lr.buf;
        size_t len = r->lr.len;
        if (dy_sanitize_plain(line, len, DY_SAN_UTF8) < len) {
            dy_sanitize(line, len, DY_SAN_UTF8, &r->line_buf, &r->fixes);
            if (r->line_buf.failed)
                return dy_error_set(err, DYAD_ERR_NOMEM, r->name, r->lr.lineno, "out of memory");
            line = r->line_buf.s;
            len = r->line_buf.len;
        }
        dyad_status st = story_of(r, line, len, story, err);
        if (st == DYAD_OK)
            *got = 1;
        return st;
    }
    if (rc == DY_LINE_TOO_LONG) {   /* that line is skipped; the next call goes on */
        r->line = r->lr.lineno;
        r->skip = DY_SKIP_TOO_LONG;
        return DYAD_ERR_PARSE;
    }
    r->done = 1;
    return rc < 0 ? err->status : DYAD_OK;
}
