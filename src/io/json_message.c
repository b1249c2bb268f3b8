/* json_message.c — the words of the JSON scanner's errors (io/json_scan.h):
 * what is wrong, what was found there, at which column; and a value as
 * written, in ASCII, for messages that quote it. */
#include <stdio.h>
#include <string.h>

#include "io/json_scan.h"

/* Length of the valid UTF-8 sequence at p[0, n), 0 when none. */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
               : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (!len || len > n)
        return 0;
    for (size_t k = 1; k < len; k++)
        if ((p[k] & 0xC0) != 0x80)
            return 0;
    return len;
}

/* Appends p[from, to) to buf[*o, size): printable ASCII and whole UTF-8
 * characters, stopping at anything else or when full; 1 when all fit. */
static int put_text(char *buf, size_t size, size_t *o, const unsigned char *p, size_t from,
                    size_t to)
{
    while (from < to) {
        size_t len = p[from] >= 0x20 && p[from] != 0x7F ? utf8_seq(p + from, to - from) : 0;
        if (!len || *o + len >= size)
            return 0;
        memcpy(buf + *o, p + from, len);
        *o += len;
        from += len;
    }
    buf[*o] = '\0';
    return 1;
}

static int word_byte(unsigned c)
{
    return c - '0' < 10 || (c | 0x20) - 'a' < 26 || c == '_' || c == '-' || c == '+' || c == '.';
}

/* What is at p[at]: "end of line", 'word', '"string"', ',' or a control
 * character by its code; a token longer than 20 bytes cut, with "...". */
static void found(const unsigned char *p, size_t n, size_t at, char *buf, size_t size)
{
    if (at >= n) {
        snprintf(buf, size, "end of line");
        return;
    }
    unsigned c = p[at];
    if (c < 0x20 || c == 0x7F) {
        snprintf(buf, size, "control character U+%04X", c);
        return;
    }
    size_t to = at + 1;
    int cut = 0;
    if (c == '"') {
        while (to < n && p[to] != '"' && to - at < 20)
            to++;
        if (to < n && p[to] == '"')
            to++;
        else
            cut = to < n;
    } else if (word_byte(c)) {
        while (to < n && word_byte(p[to]) && to - at < 20)
            to++;
        cut = to < n && word_byte(p[to]);
    } else if (c >= 0x80) {
        to = at + utf8_seq(p + at, n - at);
        if (to == at) {
            snprintf(buf, size, "byte 0x%02X", c);
            return;
        }
    }
    size_t o = 1;
    buf[0] = '\'';
    if (!put_text(buf, size - 5, &o, p, at, to))
        cut = 1;
    snprintf(buf + o, size - o, "%s'", cut ? "..." : "");
}

void dy_json_describe(const dy_json_error *e, const char *text, size_t n, char *buf,
                      size_t size)
{
    static const char *const expected[] = {
        [DY_JSON_E_OPEN] = "'{' expected",
        [DY_JSON_E_VALUE] = "a value expected",
        [DY_JSON_E_NAME] = "a member name expected",
        [DY_JSON_E_COLON] = "':' expected",
        [DY_JSON_E_OBJECT_NEXT] = "',' or '}' expected",
        [DY_JSON_E_ARRAY_NEXT] = "',' or ']' expected",
        [DY_JSON_E_TRAILING] = "end of line expected after the object",
    };
    const unsigned char *p = (const unsigned char *)text;
    size_t at = e->offset < n ? e->offset : n;
    char what[64];
    size_t o = 0;
    switch (e->kind) {
    case DY_JSON_E_NUMBER:
        found(p, n, at, what, sizeof what);
        snprintf(buf, size, "invalid number %s", what);
        return;
    case DY_JSON_E_STRING_END:
        snprintf(buf, size, "end of line inside a string");
        return;
    case DY_JSON_E_CONTROL:
        snprintf(buf, size, "control character U+%04X in a string (write it as an escape)",
                 at < n ? p[at] : 0);
        return;
    case DY_JSON_E_ESCAPE:
    case DY_JSON_E_SURROGATE: {
        /* the escape as written: \x, \uXXXX, or a pair's two halves */
        size_t len = at + 1 < n && p[at + 1] == 'u' ? 6 : 2;
        if (e->kind == DY_JSON_E_SURROGATE && at + 7 < n && p[at + 6] == '\\' && p[at + 7] == 'u')
            len = 12;
        what[o++] = '\'';
        put_text(what, sizeof what - 2, &o, p, at, at + len < n ? at + len : n);
        snprintf(what + o, sizeof what - o, "'");
        snprintf(buf, size, "%s %s", e->kind == DY_JSON_E_ESCAPE ? "invalid escape"
                 : "unpaired UTF-16 surrogate", what);
        return;
    }
    case DY_JSON_E_DEPTH:
        snprintf(buf, size, "nested deeper than %d", DY_JSON_MAX_DEPTH);
        return;
    case DY_JSON_E_NONE:
        snprintf(buf, size, "no error");
        return;
    default:
        found(p, n, at, what, sizeof what);
        snprintf(buf, size, "%s, found %s", expected[e->kind], what);
        return;
    }
}

size_t dy_json_column(const char *text, size_t offset)
{
    size_t col = 1;
    for (size_t i = 0; i < offset; i++)
        col += ((unsigned char)text[i] & 0xC0) != 0x80;
    return col;
}

void dy_json_ascii(const char *text, size_t n, char *buf, size_t size)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t o = 0;
    if (!size)
        return;
    for (size_t i = 0; i < n;) {
        size_t len = utf8_seq(p + i, n - i);
        unsigned cp = p[i];
        if (len == 2)
            cp = (p[i] & 0x1Fu) << 6 | (p[i + 1] & 0x3Fu);
        else if (len == 3)
            cp = (p[i] & 0x0Fu) << 12 | (p[i + 1] & 0x3Fu) << 6 | (p[i + 2] & 0x3Fu);
        else if (len == 4)
            cp = (p[i] & 0x07u) << 18 | (p[i + 1] & 0x3Fu) << 12 | (p[i + 2] & 0x3Fu) << 6 |
                 (p[i + 3] & 0x3Fu);
        char tmp[16];
        int w;
        if (!len)   /* not UTF-8, against the contract: shown, not copied */
            w = snprintf(tmp, sizeof tmp, "\\x%02X", p[i]), len = 1;
        else if (cp < 0x80)
            tmp[0] = (char)cp, w = 1;
        else if (cp < 0x10000)
            w = snprintf(tmp, sizeof tmp, "\\u%04X", cp);
        else
            w = snprintf(tmp, sizeof tmp, "\\u%04X\\u%04X", 0xD800 + ((cp - 0x10000) >> 10),
                         0xDC00 + ((cp - 0x10000) & 0x3FF));
        if (o + (size_t)w >= size)
            break;
        memcpy(buf + o, tmp, (size_t)w);
        o += (size_t)w;
        i += len;
    }
    buf[o] = '\0';
}
