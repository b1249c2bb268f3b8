/* read_jsonl.c — the jsonl input format: one story per line,
 * {"id","date","text","source"?,"url"?}; a bad line is reported and skipped. */
#include <jansson.h>
#include <stdio.h>
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

static dyad_status bad(dy_reader *r, json_t *obj, dyad_error *err, const char *msg)
{
    json_decref(obj);
    return dy_error_set(err, DYAD_ERR_PARSE, r->name, r->lr.lineno, "%s", msg);
}

dyad_status dy_read_jsonl(dy_reader *r, dyad_story *story, int *got, dyad_error *err)
{
    int rc;
    while ((rc = dy_linereader_next(&r->lr, err)) > 0) {
        if (dy_line_is_blank(r->lr.buf, r->lr.len))
            continue;
        json_error_t jerr;
        json_t *obj = json_loadb(r->lr.buf, r->lr.len, 0, &jerr);
        if (!obj)
            return dy_error_set(err, DYAD_ERR_PARSE, r->name, r->lr.lineno, "bad JSON: %s",
                                jerr.text);
        if (!json_is_object(obj))
            return bad(r, obj, err, "not a JSON object");
        if (!member_text(obj, "id", &r->id) || !r->id.len)
            return bad(r, obj, err, "missing \"id\"");
        int date = r->date;
        json_t *d = json_object_get(obj, "date");
        if (json_is_string(d)) {
            date = dyad_parse_date(json_string_value(d), json_string_length(d));
            if (!date)
                return bad(r, obj, err, "bad \"date\" (want YYYY-MM-DD or YYYYMMDD)");
        } else if (json_is_integer(d)) {
            char tmp[32];
            snprintf(tmp, sizeof tmp, "%lld", (long long)json_integer_value(d));
            date = dyad_parse_date(tmp, strlen(tmp));
            if (!date)
                return bad(r, obj, err, "bad \"date\" (want YYYY-MM-DD or YYYYMMDD)");
        } else if (d && !json_is_null(d)) {
            return bad(r, obj, err, "bad \"date\" (want YYYY-MM-DD or YYYYMMDD)");
        } else if (!date) {
            return bad(r, obj, err, "missing \"date\"");
        }
        json_t *t = json_object_get(obj, "text");
        if (!json_is_string(t))
            return bad(r, obj, err, "missing \"text\"");
        dy_strbuf_clear(&r->text);
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
    if (rc == DY_LINE_TOO_LONG)
        return DYAD_ERR_PARSE;   /* that line is skipped; the next call goes on */
    r->done = 1;
    return rc < 0 ? err->status : DYAD_OK;
}
