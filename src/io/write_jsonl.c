/* write_jsonl.c — one event as a JSON object on one line, with our own
 * escaper: fast, no allocation per event, invalid UTF-8 replaced by U+FFFD. */
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
    dy_strbuf_addc(b, '"');
    for (size_t i = 0; i < n;) {
        unsigned char c = u[i];
        if (c == '"' || c == '\\') {
            dy_strbuf_addc(b, '\\');
            dy_strbuf_addc(b, (char)c);
            i++;
        } else if (c < 0x20) {
            switch (c) {
            case '\n': dy_strbuf_adds(b, "\\n"); break;
            case '\t': dy_strbuf_adds(b, "\\t"); break;
            case '\r': dy_strbuf_adds(b, "\\r"); break;
            default: dy_strbuf_printf(b, "\\u%04x", c);
            }
            i++;
        } else if (c < 0x80) {
            dy_strbuf_addc(b, (char)c);
            i++;
        } else {
            size_t len = utf8_len(u + i, n - i);
            if (len) {
                dy_strbuf_add(b, s + i, len);
                i += len;
            } else {
                dy_strbuf_adds(b, "\\ufffd");
                i++;
            }
        }
    }
    dy_strbuf_addc(b, '"');
}

static void key(dy_strbuf *b, const char *k, int first)
{
    if (!first)
        dy_strbuf_addc(b, ',');
    dy_strbuf_printf(b, "\"%s\":", k);
}

static void str_or_null(dy_strbuf *b, const char *s)
{
    if (s)
        dy_json_string(b, s, strlen(s));
    else
        dy_strbuf_adds(b, "null");
}

/* "<name>_text", "<name>_start", "<name>_end"; null when the span is empty. */
static void span(dy_strbuf *b, const char *name, const dyad_story *story, dyad_span sp)
{
    char k[32];
    int ok = sp.end > sp.start && sp.end <= story->text_len;
    snprintf(k, sizeof k, "%s_text", name);
    key(b, k, 0);
    if (ok)
        dy_json_string(b, story->text + sp.start, sp.end - sp.start);
    else
        dy_strbuf_adds(b, "null");
    snprintf(k, sizeof k, "%s_start", name);
    key(b, k, 0);
    if (ok)
        dy_strbuf_printf(b, "%zu", sp.start);
    else
        dy_strbuf_adds(b, "null");
    snprintf(k, sizeof k, "%s_end", name);
    key(b, k, 0);
    if (ok)
        dy_strbuf_printf(b, "%zu", sp.end);
    else
        dy_strbuf_adds(b, "null");
}

void dy_jsonl_event(dy_strbuf *b, const dyad_story *story, const dyad_event *ev)
{
    dy_strbuf_addc(b, '{');
    key(b, "story_id", 1);
    str_or_null(b, story->id);
    key(b, "sentence", 0);
    dy_strbuf_printf(b, "%d", ev->sentence);
    key(b, "date", 0);
    if (ev->date)
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
    dy_strbuf_adds(b, "}\n");
}
