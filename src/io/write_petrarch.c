/* write_petrarch.c — one event in PETRARCH-2's event file format: date,
 * source, target, code, issues, sentence ids, [url,] story source, then the
 * actor and event text when asked (its WriteActorText/WriteEventText). */
#include <string.h>

#include "io/writer.h"

/* Tabs and newlines would break the columns: they become blanks. */
static void text(dy_strbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dy_strbuf_addc(b, s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
}

static void span_text(dy_strbuf *b, const dyad_story *st, dyad_span sp)
{
    dy_strbuf_addc(b, '\t');
    if (sp.end > sp.start && sp.end <= st->text_len)
        text(b, st->text + sp.start, sp.end - sp.start);
    else
        dy_strbuf_adds(b, "---");
}

void dy_petrarch_event(dy_strbuf *b, const dy_out_event *o)
{
    const dyad_event *ev = o->ev;
    const dyad_story *st = o->story;
    dy_strbuf_printf(b, "%08d\t%s\t%s\t%s\t", ev->date, ev->source ? ev->source : "",
                     ev->target ? ev->target : "", ev->code ? ev->code : "");
    /* issues: "ISSUE,COUNT;ISSUE,COUNT" from the space-separated codes */
    for (const char *p = ev->issues ? ev->issues : ""; *p;) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " \t\n\r");
        if (!n)
            break;
        if (b->len && b->s[b->len - 1] != '\t')
            dy_strbuf_addc(b, ';');
        dy_strbuf_add(b, p, n);
        dy_strbuf_adds(b, ",1");
        p += n;
    }
    dy_strbuf_addc(b, '\t');
    if (o->x.sentence_ids[0])
        text(b, o->x.sentence_ids, strlen(o->x.sentence_ids));
    else
        dy_strbuf_printf(b, "%s_%d", st->id ? st->id : "", ev->sentence);
    if (st->url && st->url[0]) {
        dy_strbuf_addc(b, '\t');
        text(b, st->url, strlen(st->url));
    }
    dy_strbuf_addc(b, '\t');
    if (st->source && st->source[0])
        text(b, st->source, strlen(st->source));
    else
        dy_strbuf_adds(b, "NULL");
    if (o->opt->petrarch_text) {
        span_text(b, st, ev->source_span);
        span_text(b, st, ev->target_span);
        span_text(b, st, ev->verb_span);
    }
    dy_strbuf_addc(b, '\n');
}
