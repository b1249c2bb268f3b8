/* write_table.c — the columns of the TSV and CSV formats, in one place so
 * both stay identical: the original 18 first, then the enrichment fields,
 * duplicate folding and issues. */
#include <stdio.h>
#include <string.h>

#include "io/writer.h"

static const char *const columns[] = {
    "story_id", "sentence", "date", "source", "target", "code",
    "source_text", "source_start", "source_end", "target_text", "target_start", "target_end",
    "verb_text", "verb_start", "verb_end", "pattern", "story_source", "story_url",
    "date_origin", "date_text", "code_name", "root_code", "quad_class", "goldstein",
    "plover_type", "plover_mode", "plover_context",
    "source_country", "source_agents", "target_country", "target_agents",
    "place_name", "place_country", "place_lat", "place_lon", "place_precision", "place_text",
    "mentions", "sentence_ids", "stories", "story_ids", "issues",
};

void dy_table_header(dy_strbuf *b, dy_put_field put)
{
    for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++)
        put(b, columns[i], strlen(columns[i]), i == 0);
    dy_strbuf_addc(b, '\n');
}

static void str(dy_strbuf *b, dy_put_field put, const char *s)
{
    put(b, s ? s : "", s ? strlen(s) : 0, 0);
}

/* v with so many decimals, as "%.*f" writes it. */
static void num(dy_strbuf *b, dy_put_field put, int decimals, double v)
{
    char tmp[DY_FIXED_MAX];
    put(b, tmp, dy_format_fixed(tmp, sizeof tmp, v, decimals), 0);
}

/* Decimal digits of v into the end of tmp[0, 24); returns where they start.
 * Hand-rolled: snprintf costs more than the rest of an event line. */
static char *decimal(char tmp[24], long v)
{
    char *p = tmp + 24;
    unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    return p;
}

static void integer(dy_strbuf *b, dy_put_field put, long v)
{
    char tmp[24];
    char *p = decimal(tmp, v);
    put(b, p, (size_t)(tmp + 24 - p), 0);
}

/* YYYY-MM-DD, each part zero-padded as "%04d-%02d-%02d" pads them. */
static void put_digits(char *out, int v, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        out[i] = (char)('0' + v % 10);
        v /= 10;
    }
}

/* text, start and end of a span; three empty fields when it is empty. */
static void span(dy_strbuf *b, dy_put_field put, const dyad_story *story, dyad_span sp,
                 int with_offsets)
{
    if (sp.end > sp.start && sp.end <= story->text_len) {
        put(b, story->text + sp.start, sp.end - sp.start, 0);
        if (with_offsets) {
            integer(b, put, (long)sp.start);
            integer(b, put, (long)sp.end);
        }
    } else {
        put(b, "", 0, 0);
        if (with_offsets) {
            put(b, "", 0, 0);
            put(b, "", 0, 0);
        }
    }
}

void dy_table_event(dy_strbuf *b, dy_put_field put, const dy_out_event *o)
{
    const dyad_event *ev = o->ev;
    const dyad_story *story = o->story;
    char date[16] = "";
    if (ev->date > 0) {
        put_digits(date, ev->date / 10000 % 10000, 4);
        date[4] = '-';
        put_digits(date + 5, ev->date / 100 % 100, 2);
        date[7] = '-';
        put_digits(date + 8, ev->date % 100, 2);
        date[10] = '\0';
    } else if (ev->date) {
        snprintf(date, sizeof date, "%04d-%02d-%02d", ev->date / 10000 % 10000,
                 ev->date / 100 % 100, ev->date % 100);
    }
    put(b, story->id ? story->id : "", story->id ? strlen(story->id) : 0, 1);
    integer(b, put, ev->sentence);
    str(b, put, date);
    str(b, put, ev->source);
    str(b, put, ev->target);
    str(b, put, ev->code);
    span(b, put, story, ev->source_span, 1);
    span(b, put, story, ev->target_span, 1);
    span(b, put, story, ev->verb_span, 1);
    str(b, put, ev->pattern);
    str(b, put, story->source);
    str(b, put, story->url);
    str(b, put, dy_event_date_origin(ev));
    span(b, put, story, ev->date_span, 0);
    str(b, put, ev->code_name);
    str(b, put, ev->root_code);
    int quad = o->opt->quad_phoenix ? ev->quad_phoenix : ev->quad_class;
    if (quad >= 0 && (quad > 0 || o->opt->quad_phoenix) && ev->root_code && ev->root_code[0])
        integer(b, put, quad);
    else
        put(b, "", 0, 0);
    if (ev->has_goldstein)
        num(b, put, 1, ev->goldstein);
    else
        put(b, "", 0, 0);
    str(b, put, ev->plover_type);
    str(b, put, ev->plover_mode);
    str(b, put, ev->plover_context);
    str(b, put, ev->source_parts.country);
    str(b, put, ev->source_parts.agents);
    str(b, put, ev->target_parts.country);
    str(b, put, ev->target_parts.agents);
    if (ev->place.precision != DYAD_PLACE_NONE) {
        str(b, put, ev->place.name);
        str(b, put, ev->place.country);
        num(b, put, 4, ev->place.lat);
        num(b, put, 4, ev->place.lon);
        str(b, put, dy_precision_name(ev->place.precision));
        span(b, put, story, ev->place.span, 0);
    } else {
        for (int i = 0; i < 6; i++)
            put(b, "", 0, 0);
    }
    integer(b, put, o->x.mentions);
    str(b, put, o->x.sentence_ids);
    if (o->x.n_stories)
        integer(b, put, o->x.n_stories);
    else
        put(b, "", 0, 0);
    str(b, put, o->x.story_ids);
    str(b, put, ev->issues);
    dy_strbuf_addc(b, '\n');
}
