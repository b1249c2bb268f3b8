/* write_tsv.c — one event as a TSV line. Tabs, newlines and backslashes in
 * fields are escaped (\t \n \r \\) so every event stays on one line. */
#include <stdio.h>

#include "io/writer.h"

void dy_tsv_header(dy_strbuf *b)
{
    dy_strbuf_adds(b, "story_id\tsentence\tdate\tsource\ttarget\tcode\t"
                      "source_text\tsource_start\tsource_end\t"
                      "target_text\ttarget_start\ttarget_end\t"
                      "verb_text\tverb_start\tverb_end\t"
                      "pattern\tstory_source\tstory_url\n");
}

static void field(dy_strbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '\t': dy_strbuf_adds(b, "\\t"); break;
        case '\n': dy_strbuf_adds(b, "\\n"); break;
        case '\r': dy_strbuf_adds(b, "\\r"); break;
        case '\\': dy_strbuf_adds(b, "\\\\"); break;
        default: dy_strbuf_addc(b, s[i]);
        }
    }
}

static void str(dy_strbuf *b, const char *s)
{
    size_t n = 0;
    if (s)
        while (s[n])
            n++;
    field(b, s ? s : "", n);
}

/* text, start and end of a span; three empty fields when it is empty. */
static void span(dy_strbuf *b, const dyad_story *story, dyad_span sp)
{
    if (sp.end > sp.start && sp.end <= story->text_len) {
        field(b, story->text + sp.start, sp.end - sp.start);
        dy_strbuf_printf(b, "\t%zu\t%zu\t", sp.start, sp.end);
    } else {
        dy_strbuf_adds(b, "\t\t\t");
    }
}

void dy_tsv_event(dy_strbuf *b, const dyad_story *story, const dyad_event *ev)
{
    str(b, story->id);
    dy_strbuf_printf(b, "\t%d\t", ev->sentence);
    if (ev->date)
        dy_strbuf_printf(b, "%04d-%02d-%02d", ev->date / 10000, ev->date / 100 % 100,
                         ev->date % 100);
    dy_strbuf_addc(b, '\t');
    str(b, ev->source);
    dy_strbuf_addc(b, '\t');
    str(b, ev->target);
    dy_strbuf_addc(b, '\t');
    str(b, ev->code);
    dy_strbuf_addc(b, '\t');
    span(b, story, ev->source_span);
    span(b, story, ev->target_span);
    span(b, story, ev->verb_span);
    str(b, ev->pattern);
    dy_strbuf_addc(b, '\t');
    str(b, story->source);
    dy_strbuf_addc(b, '\t');
    str(b, story->url);
    dy_strbuf_addc(b, '\n');
}
