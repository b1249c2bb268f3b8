/* write_tabari.c — one event in TABARI's event format (tabari-manual 4.4,
 * 8.9): YYMMDD, source, target, code, label, then the OUTPUT: fields dyad
 * can fill (SHIFT, PATTERN, ID, TEXT last), tab-separated. */
#include <string.h>

#include "io/writer.h"

static void text(dy_strbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dy_strbuf_addc(b, s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
}

void dy_tabari_event(dy_strbuf *b, const dy_out_event *o)
{
    const dyad_event *ev = o->ev;
    const dyad_story *st = o->story;
    dy_strbuf_printf(b, "%02d%02d%02d\t%s\t%s\t%s", ev->date / 10000 % 100, ev->date / 100 % 100,
                     ev->date % 100, ev->source ? ev->source : "", ev->target ? ev->target : "",
                     ev->code ? ev->code : "");
    if (o->opt->tabari_label) {
        /* "(NAME) matched verb words", as TABARI writes with SET: MATCH */
        dy_strbuf_adds(b, "\t(");
        for (const char *c = ev->code_name ? ev->code_name : ""; *c; c++)
            dy_strbuf_addc(b, (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c));
        dy_strbuf_addc(b, ')');
        if (ev->verb_span.end > ev->verb_span.start && ev->verb_span.end <= st->text_len) {
            dy_strbuf_addc(b, ' ');
            for (size_t i = ev->verb_span.start; i < ev->verb_span.end; i++) {
                char c = st->text[i];
                dy_strbuf_addc(b, (char)(c >= 'a' && c <= 'z' ? c - 32
                                         : c == '\t' || c == '\n' || c == '\r' ? ' ' : c));
            }
        }
    }
    if (o->opt->tabari_shift) {
        dy_strbuf_addc(b, '\t');
        if (ev->date_shift)
            dy_strbuf_printf(b, "SHIFT %d", ev->date_shift);
    }
    if (o->opt->tabari_pattern) {
        dy_strbuf_addc(b, '\t');
        if (ev->pattern)
            text(b, ev->pattern, strlen(ev->pattern));
    }
    if (o->opt->tabari_id) {
        dy_strbuf_addc(b, '\t');
        if (st->id)
            text(b, st->id, strlen(st->id));
    }
    if (o->opt->tabari_text) {
        dy_strbuf_addc(b, '\t');
        text(b, st->text, st->text_len);
    }
    dy_strbuf_addc(b, '\n');
}
