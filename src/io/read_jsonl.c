/* read_jsonl.c — the jsonl input format: one story per line,
 * {"id","date","text","source"?,"url"?} (the first three, and a title, under
 * the names the caller chose); a bad line is reported and skipped. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "io/reader.h"

/* Copies a string or integer member into b; 0 when absent or another type. */
static int member_text(json_t *obj, const char *key, dy_strbuf *b)
{
    json_t *v = json_object_get(obj, key);
    dy_strbuf_clear(b);
    if (json_is_string(v)) {
        dy_strbuf_add(b, json_string_value(v), json_string_length(v));
        if (!b->s)
            dy_strbuf_adds(b, "");
        return 1;
    }
    if (json_is_integer(v)) {
        dy_strbuf_printf(b, "%lld", (long long)json_integer_value(v));
        return 1;
    }
    return 0;
}

/* Skips the line: keeps what could be read of it for the rejects file. */
static dyad_status bad(dy_reader *r, json_t *obj, dy_skip why, dyad_error *err,
                       const char *msg)
{
    json_t *t = obj ? json_object_get(obj, r->fields.text) : NULL;
    dy_strbuf_clear(&r->text);
    if (json_is_string(t))
        dy_strbuf_add(&r->text, json_string_value(t), json_string_length(t));
    int has_source = obj && member_text(obj, "source", &r->source);
    int has_url = obj && member_text(obj, "url", &r->url);
    r->skip = why;
    r->bad.id = r->id.len ? r->id.s : NULL;
    r->bad.text = json_is_string(t) ? r->text.s : NULL;
    r->bad.text_len = json_is_string(t) ? r->text.len : 0;
    r->bad.source = has_source ? r->source.s : NULL;
    r->bad.url = has_url ? r->url.s : NULL;
    json_decref(obj);
    if (r->bad.id)
        return dy_error_set(err, DYAD_ERR_PARSE, r->name, r->lr.lineno, "story %s: %s",
                            r->bad.id, msg);
    return dy_error_set(err, DYAD_ERR_PARSE, r->name, r->lr.lineno, "%s", msg);
}

/* The date member (or --date when absent); 0 with *why set when bad.
 * ISO 8601 timestamps give their date (dyad_parse_date). */
static int member_date(dy_reader *r, json_t *obj, dy_skip *why)
{
    json_t *d = json_object_get(obj, r->fields.date);
    int date = 0;
    if (json_is_string(d)) {
        date = dyad_parse_date(json_string_value(d), json_string_length(d));
    } else if (json_is_integer(d)) {
        char tmp[32];
        snprintf(tmp, sizeof tmp, "%lld", (long long)json_integer_value(d));
        date = dyad_parse_date(tmp, strlen(tmp));
    } else if (!d || json_is_null(d)) {
        *why = DY_SKIP_NO_DATE;
        return r->date;
    }
    *why = DY_SKIP_BAD_DATE;
    return date;
}

/* "missing \"NAME\"": the member looked for, as the caller named it. */
static const char *missing(char *msg, size_t n, const char *name)
{
    snprintf(msg, n, "missing \"%.60s\"", name);
    return msg;
}

/* With a title member asked for and present: the title and a blank line
 * open the text, so the coder sees a headline as its own sentence. */
static void add_title(dy_reader *r, json_t *obj)
{
    json_t *t = r->fields.title ? json_object_get(obj, r->fields.title) : NULL;
    if (!json_is_string(t) || !json_string_length(t))
        return;
    dy_strbuf_add(&r->text, json_string_value(t), json_string_length(t));
    dy_strbuf_add(&r->text, "\n\n", 2);
}

dyad_status dy_read_jsonl(dy_reader *r, dyad_story *story, int *got, dyad_error *err)
{
    int rc;
    while ((rc = dy_linereader_next(&r->lr, err)) > 0) {
        if (dy_line_is_blank(r->lr.buf, r->lr.len))
            continue;
        r->line = r->lr.lineno;
        dy_strbuf_clear(&r->id);
        /* Invalid UTF-8 and NUL bytes are repaired before parsing, since
         * jansson rejects the whole line for one bad byte. */
        const char *line = r->lr.buf;
        size_t len = r->lr.len;
        if (dy_sanitize_plain(line, len, DY_SAN_UTF8) < len) {
            dy_sanitize(line, len, DY_SAN_UTF8, &r->line_buf, &r->fixes);
            if (r->line_buf.failed)
                return dy_error_set(err, DYAD_ERR_NOMEM, r->name, r->lr.lineno, "out of memory");
            line = r->line_buf.s;
            len = r->line_buf.len;
        }
        r->raw = line;
        r->raw_len = len;
        json_error_t jerr;
        json_t *obj = json_loadb(line, len, JSON_ALLOW_NUL, &jerr);
        if (!obj) {
            char msg[256];
            snprintf(msg, sizeof msg, "bad JSON at column %d: %s", jerr.column, jerr.text);
            return bad(r, NULL, DY_SKIP_BAD_INPUT, err, msg);
        }
        r->raw = NULL;   /* it parsed: the rejects file gets its members */
        r->raw_len = 0;
        if (!json_is_object(obj))
            return bad(r, obj, DY_SKIP_BAD_INPUT, err, "not a JSON object");
        char msg[200];
        if (!member_text(obj, r->fields.id, &r->id) || !r->id.len)
            return bad(r, obj, DY_SKIP_BAD_INPUT, err, missing(msg, sizeof msg, r->fields.id));
        if (memchr(r->id.s, '\0', r->id.len)) {
            /* an id is a C string from here on: cut at the NUL, two stories
             * would share it (and one be skipped as a duplicate) */
            r->raw = line;
            r->raw_len = len;
            dy_strbuf_clear(&r->id);
            snprintf(msg, sizeof msg, "\"%.40s\" holds a NUL character (\\u0000)",
                     r->fields.id);
            return bad(r, obj, DY_SKIP_BAD_INPUT, err, msg);
        }
        dy_skip why = DY_SKIP_NONE;
        int date = member_date(r, obj, &why);
        if (!date && why == DY_SKIP_NO_DATE && !r->date_optional)
            return bad(r, obj, why, err, missing(msg, sizeof msg, r->fields.date));
        if (!date && why != DY_SKIP_NO_DATE) {
            char *d = json_dumps(json_object_get(obj, r->fields.date),
                                 JSON_ENCODE_ANY | JSON_ENSURE_ASCII);
            snprintf(msg, sizeof msg,
                     "bad \"%.40s\" %.60s (want YYYY-MM-DD, YYYYMMDD or an ISO 8601 time)",
                     r->fields.date, d ? d : "?");
            free(d);
            return bad(r, obj, why, err, msg);
        }
        json_t *t = json_object_get(obj, r->fields.text);
        if (!json_is_string(t))
            return bad(r, obj, DY_SKIP_BAD_INPUT, err, missing(msg, sizeof msg, r->fields.text));
        dy_strbuf_clear(&r->text);
        add_title(r, obj);
        dy_strbuf_add(&r->text, json_string_value(t), json_string_length(t));
        int has_source = member_text(obj, "source", &r->source);
        int has_url = member_text(obj, "url", &r->url);
        json_decref(obj);
        if (r->id.failed || r->text.failed || r->source.failed || r->url.failed)
            return dy_error_set(err, DYAD_ERR_NOMEM, r->name, r->lr.lineno, "out of memory");
        story->id = r->id.s;
        story->date = date;
        story->text = r->text.s ? r->text.s : "";
        story->text_len = r->text.len;
        story->source = has_source ? r->source.s : NULL;
        story->url = has_url ? r->url.s : NULL;
        *got = 1;
        return DYAD_OK;
    }
    if (rc == DY_LINE_TOO_LONG) {   /* that line is skipped; the next call goes on */
        r->line = r->lr.lineno;
        r->skip = DY_SKIP_TOO_LONG;
        return DYAD_ERR_PARSE;
    }
    r->done = 1;
    return rc < 0 ? err->status : DYAD_OK;
}
