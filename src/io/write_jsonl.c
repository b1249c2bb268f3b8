/* write_jsonl.c — one event as a JSON object on one line, with our own
 * escaper: fast, no allocation per event, invalid UTF-8 replaced by U+FFFD. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "io/writer.h"

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 when invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    size_t len;
    unsigned min;
    unsigned cp;
    if (s[0] < 0x80)
        return 1;
    if ((s[0] & 0xE0) == 0xC0)
        len = 2, min = 0x80, cp = s[0] & 0x1F;
    else if ((s[0] & 0xF0) == 0xE0)
        len = 3, min = 0x800, cp = s[0] & 0x0F;
    else if ((s[0] & 0xF8) == 0xF0)
        len = 4, min = 0x10000, cp = s[0] & 0x07;
    else
        return 0;
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

void dy_json_string(dy_strbuf *b, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t run = 0;   /* bytes [run, i) are plain and not yet added */
    dy_strbuf_addc(b, '"');
    for (size_t i = 0; i < n;) {
        unsigned char c = u[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            i++;
            continue;
        }
        if (c >= 0x80) {
            size_t len = utf8_len(u + i, n - i);
            if (len) {
                i += len;
                continue;
            }
        }
        if (i > run)
            dy_strbuf_add(b, s + run, i - run);
        if (c == '"' || c == '\\') {
            dy_strbuf_addc(b, '\\');
            dy_strbuf_addc(b, (char)c);
        } else if (c < 0x20) {
            switch (c) {
            case '\n': dy_strbuf_adds(b, "\\n"); break;
            case '\t': dy_strbuf_adds(b, "\\t"); break;
            case '\r': dy_strbuf_adds(b, "\\r"); break;
            default: dy_strbuf_printf(b, "\\u%04x", c);
            }
        } else {
            dy_strbuf_adds(b, "\\ufffd");
        }
        run = ++i;
    }
    if (n > run)
        dy_strbuf_add(b, s + run, n - run);
    dy_strbuf_addc(b, '"');
}

static void key(dy_strbuf *b, const char *k, int first)
{
    if (first)
        dy_strbuf_addc(b, '"');
    else
        dy_strbuf_add(b, ",\"", 2);
    dy_strbuf_adds(b, k);
    dy_strbuf_add(b, "\":", 2);
}

static void str_or_null(dy_strbuf *b, const char *s)
{
    if (s)
        dy_json_string(b, s, strlen(s));
    else
        dy_strbuf_adds(b, "null");
}

/* ,"<name><suffix>": for the fields that come in groups (source_text...). */
static void subkey(dy_strbuf *b, const char *name, const char *suffix)
{
    dy_strbuf_add(b, ",\"", 2);
    dy_strbuf_adds(b, name);
    dy_strbuf_adds(b, suffix);
    dy_strbuf_add(b, "\":", 2);
}

/* A byte offset, or null. */
static void offset_or_null(dy_strbuf *b, int ok, size_t v)
{
    if (ok && v <= (size_t)LONG_MAX)
        dy_strbuf_add_long(b, (long)v);
    else if (ok)
        dy_strbuf_printf(b, "%zu", v);
    else
        dy_strbuf_adds(b, "null");
}

/* "<name>_text", "<name>_start", "<name>_end"; null when the span is empty. */
static void span(dy_strbuf *b, const char *name, const dyad_story *story, dyad_span sp)
{
    int ok = sp.end > sp.start && sp.end <= story->text_len;
    subkey(b, name, "_text");
    if (ok)
        dy_json_string(b, story->text + sp.start, sp.end - sp.start);
    else
        dy_strbuf_adds(b, "null");
    subkey(b, name, "_start");
    offset_or_null(b, ok, sp.start);
    subkey(b, name, "_end");
    offset_or_null(b, ok, sp.end);
}

/* v with so many decimals ("%.*f"), or null. */
static void number_or_null(dy_strbuf *b, const char *k, int ok, int decimals, double v)
{
    key(b, k, 0);
    if (ok)
        dy_strbuf_add_fixed(b, v, decimals);
    else
        dy_strbuf_adds(b, "null");
}

static void parts(dy_strbuf *b, const char *name, const dyad_actor_parts *p)
{
    subkey(b, name, "_country");
    str_or_null(b, p->country[0] ? p->country : NULL);
    subkey(b, name, "_is_country");
    dy_strbuf_adds(b, p->is_country ? "true" : "false");
    subkey(b, name, "_agents");
    dy_json_string(b, p->agents, strlen(p->agents));
}

void dy_jsonl_event(dy_strbuf *b, const dy_out_event *o)
{
    const dyad_story *story = o->story;
    const dyad_event *ev = o->ev;
    dy_strbuf_addc(b, '{');
    key(b, "event_id", 1);
#if LONG_MAX >= INT64_MAX
    dy_strbuf_add_long(b, (long)o->event_id);
#else
    dy_strbuf_printf(b, "%lld", (long long)o->event_id);
#endif
    key(b, "story_id", 0);
    str_or_null(b, story->id);
    key(b, "sentence", 0);
    dy_strbuf_add_long(b, ev->sentence);
    key(b, "date", 0);
    if (ev->date > 0 && ev->date <= 99991231) {
        char d[12] = "\"0000-00-00\"";
        int y = ev->date / 10000, m = ev->date / 100 % 100, day = ev->date % 100;
        for (int i = 4; i >= 1; i--, y /= 10) d[i] = (char)('0' + y % 10);
        d[6] = (char)('0' + m / 10);
        d[7] = (char)('0' + m % 10);
        d[9] = (char)('0' + day / 10);
        d[10] = (char)('0' + day % 10);
        dy_strbuf_add(b, d, 12);
    } else if (ev->date)
        dy_strbuf_printf(b, "\"%04d-%02d-%02d\"", ev->date / 10000, ev->date / 100 % 100,
                         ev->date % 100);
    else
        dy_strbuf_adds(b, "null");
    key(b, "source", 0);
    str_or_null(b, ev->source);
    key(b, "target", 0);
    str_or_null(b, ev->target);
    key(b, "code", 0);
    str_or_null(b, ev->code);
    span(b, "source", story, ev->source_span);
    span(b, "target", story, ev->target_span);
    span(b, "verb", story, ev->verb_span);
    key(b, "pattern", 0);
    str_or_null(b, ev->pattern);
    if (story->source) {
        key(b, "story_source", 0);
        str_or_null(b, story->source);
    }
    if (story->url) {
        key(b, "story_url", 0);
        str_or_null(b, story->url);
    }
    /* the explanation: where the pattern is, who is credited */
    key(b, "pattern_file", 0);
    str_or_null(b, ev->pattern_where);
    key(b, "pattern_line", 0);
    dy_strbuf_add_long(b, ev->pattern_line);
    key(b, "attribution", 0);
    str_or_null(b, ev->attribution);
    key(b, "date_shift", 0);
    dy_strbuf_add_long(b, ev->date_shift);
    key(b, "date_origin", 0);
    str_or_null(b, dy_event_date_origin(ev));
    span(b, "date", story, ev->date_span);
    key(b, "code_name", 0);
    str_or_null(b, ev->code_name);
    key(b, "root_code", 0);
    str_or_null(b, ev->root_code && ev->root_code[0] ? ev->root_code : NULL);
    int quad = o->opt->quad_phoenix ? ev->quad_phoenix : ev->quad_class;
    number_or_null(b, "quad_class", ev->root_code && ev->root_code[0], 0, quad);
    number_or_null(b, "goldstein", ev->has_goldstein, 1, ev->goldstein);
    key(b, "plover_type", 0);
    str_or_null(b, ev->plover_type && ev->plover_type[0] ? ev->plover_type : NULL);
    key(b, "plover_mode", 0);
    str_or_null(b, ev->plover_mode && ev->plover_mode[0] ? ev->plover_mode : NULL);
    key(b, "plover_context", 0);
    str_or_null(b, ev->plover_context && ev->plover_context[0] ? ev->plover_context : NULL);
    parts(b, "source", &ev->source_parts);
    parts(b, "target", &ev->target_parts);
    int has_place = ev->place.precision != DYAD_PLACE_NONE;
    key(b, "place_name", 0);
    str_or_null(b, has_place ? ev->place.name : NULL);
    key(b, "place_country", 0);
    str_or_null(b, has_place ? ev->place.country : NULL);
    number_or_null(b, "place_lat", has_place, 4, ev->place.lat);
    number_or_null(b, "place_lon", has_place, 4, ev->place.lon);
    key(b, "place_precision", 0);
    str_or_null(b, has_place ? dy_precision_name(ev->place.precision) : NULL);
    span(b, "place", story, has_place ? ev->place.span : (dyad_span){0, 0});
    key(b, "mentions", 0);
    dy_strbuf_add_long(b, o->x.mentions);
    key(b, "sentence_ids", 0);
    str_or_null(b, o->x.sentence_ids);
    if (ev->issues) {   /* issue codes (IssueCoding dictionaries), when any */
        key(b, "issues", 0);
        str_or_null(b, ev->issues);
    }
    if (o->x.n_stories) {
        key(b, "stories", 0);
        dy_strbuf_add_long(b, o->x.n_stories);
        key(b, "story_ids", 0);
        str_or_null(b, o->x.story_ids);
    }
    dy_strbuf_adds(b, "}\n");
}
