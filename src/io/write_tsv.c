/* write_tsv.c — one event as a TSV line. Tabs, newlines and backslashes in
 * fields are escaped (\t \n \r \\) so every event stays on one line. */
#include "io/writer.h"

/* Plain runs go in with one copy; only the four escaped bytes break them. */
static void put_tsv(dy_strbuf *b, const char *s, size_t n, int first)
{
    if (!first)
        dy_strbuf_addc(b, '\t');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *esc;
        switch (s[i]) {
        case '\t': esc = "\\t"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\\': esc = "\\\\"; break;
        default: continue;
        }
        dy_strbuf_add(b, s + run, i - run);
        dy_strbuf_add(b, esc, 2);
        run = i + 1;
    }
    if (n > run)
        dy_strbuf_add(b, s + run, n - run);
}

void dy_tsv_header(dy_strbuf *b)
{
    dy_table_header(b, put_tsv);
}

void dy_tsv_event(dy_strbuf *b, const dy_out_event *o)
{
    dy_table_event(b, put_tsv, o);
}
