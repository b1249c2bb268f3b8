/* sniff.c — the input format of a stream whose name says nothing (stdin, a
 * file without a known suffix), from its first bytes, read ahead and kept. */
#include <stdio.h>
#include <string.h>

#include "base/error.h"
#include "io/reader.h"

/* How far blanks may run before the first byte that tells: past it the
 * stream is text (a reader has to take it anyway). */
#define SNIFF_MAX ((size_t)1 << 16)
/* The longest TABARI header line looked for: 8 digits, blanks and an id. */
#define HEADER_MAX 256

static int blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Is line[0, n) a TABARI record header: 6 or 8 digits, blanks, one id and
 * nothing after it but blanks? (record.c reads the id as the rest of the
 * line; a stricter test here keeps prose that opens with a number text.) */
static int tabari_header(const char *line, size_t n)
{
    size_t i = 0;
    while (i < n && digit(line[i]))
        i++;
    if ((i != 6 && i != 8) || i == n || !blank(line[i]))
        return 0;
    while (i < n && blank(line[i]))
        i++;
    if (i == n)
        return 0;   /* no id */
    while (i < n && !blank(line[i]))
        i++;
    while (i < n && blank(line[i]))
        i++;
    return i == n;
}

/* The line that starts at p[at], up to its line end or the end of p[0, n);
 * -1 when it is cut off and more input might still come. */
static long line_len(const char *p, size_t n, size_t at, int at_end)
{
    for (size_t i = at; i < n; i++)
        if (p[i] == '\n' || p[i] == '\r')
            return (long)(i - at);
    if (at_end || n - at > HEADER_MAX)
        return (long)(n - at);
    return -1;
}

int dy_sniff_bytes(const char *p, size_t n, int at_end, dy_sniff *out)
{
    memset(out, 0, sizeof *out);
    out->fmt = DY_IN_TEXT;
    out->byte = -1;
    static const char bom[] = "\xEF\xBB\xBF";
    size_t i = 0;
    if (n < 3 && !at_end && !memcmp(p, bom, n))
        return 0;   /* perhaps a byte-order mark */
    if (n >= 3 && !memcmp(p, bom, 3))
        i = 3;
    size_t line_start = i;
    for (; i < n && blank(p[i]); i++)
        if (p[i] == '\n' || p[i] == '\r')
            line_start = i + 1;
    if (i == n)
        return at_end || n >= SNIFF_MAX;   /* only blanks so far */
    out->byte = (unsigned char)p[i];
    if (p[i] == '{') {
        out->fmt = DY_IN_JSONL;
    } else if (p[i] == '<') {
        out->fmt = DY_IN_PETRARCH;
    } else if (digit(p[i]) && i == line_start) {   /* a header opens its line */
        long len = line_len(p, n, i, at_end);
        if (len < 0)
            return 0;
        if (tabari_header(p + i, (size_t)len)) {
            out->fmt = DY_IN_TABARI;
            out->header = 1;
        }
    }
    return 1;
}

dyad_status dy_reader_sniff(dy_reader *r, dy_sniff *out, dyad_error *err)
{
    for (;;) {
        size_t n;
        const char *p = dy_linereader_pending(&r->lr, &n);
        if (dy_sniff_bytes(p, n, r->lr.eof, out))
            break;
        if (dy_linereader_peek_more(&r->lr, err) < 0) {
            err->line = 0;   /* before any line */
            return err->status;
        }
    }
    r->fmt = out->fmt;   /* a caller may still choose another (dyad parse) */
    return DYAD_OK;
}

void dy_sniff_describe(const dy_sniff *s, char *buf, size_t n)
{
    if (s->header)
        snprintf(buf, n, "first line a 'YYMMDD ID' record header");
    else if (s->byte < 0)
        snprintf(buf, n, "empty or only blanks");
    else if (s->byte > ' ' && s->byte < 0x7F && s->byte != '\'')
        snprintf(buf, n, "first byte '%c'", s->byte);
    else
        snprintf(buf, n, "first byte 0x%02X", (unsigned)s->byte);
}
