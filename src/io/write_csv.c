/* write_csv.c — one event as an RFC 4180 CSV record: fields holding a comma,
 * quote, CR or LF are quoted, quotes doubled; lines end in CRLF as the RFC says. */
#include <string.h>

#include "io/writer.h"

static void put_csv(dy_strbuf *b, const char *s, size_t n, int first)
{
    if (!first)
        dy_strbuf_addc(b, ',');
    int quote = 0;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!quote) {
        dy_strbuf_add(b, s, n);
        return;
    }
    dy_strbuf_addc(b, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            dy_strbuf_addc(b, '"');
        dy_strbuf_addc(b, s[i]);
    }
    dy_strbuf_addc(b, '"');
}

/* The shared table ends each line with '\n'; RFC 4180 wants CRLF. */
static void crlf(dy_strbuf *b, size_t from)
{
    if (b->len > from && b->s[b->len - 1] == '\n') {
        b->len--;
        dy_strbuf_adds(b, "\r\n");
    }
}

void dy_csv_header(dy_strbuf *b)
{
    size_t from = b->len;
    dy_table_header(b, put_csv);
    crlf(b, from);
}

void dy_csv_event(dy_strbuf *b, const dy_out_event *o)
{
    size_t from = b->len;
    dy_table_event(b, put_csv, o);
    crlf(b, from);
}
