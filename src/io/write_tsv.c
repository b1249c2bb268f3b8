/* write_tsv.c — one event as a TSV line. Tabs, newlines and backslashes in
 * fields are escaped (\t \n \r \\) so every event stays on one line. */
#include "io/writer.h"

static void put_tsv(dy_strbuf *b, const char *s, size_t n, int first)
{
    if (!first)
        dy_strbuf_addc(b, '\t');
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

void dy_tsv_header(dy_strbuf *b)
{
    dy_table_header(b, put_tsv);
}

void dy_tsv_event(dy_strbuf *b, const dy_out_event *o)
{
    dy_table_event(b, put_tsv, o);
}
