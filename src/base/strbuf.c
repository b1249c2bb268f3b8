/* strbuf.c — a growable NUL-terminated string for building output and messages.
 * Appends after a failed allocation are ignored; `failed` tells the caller. */
#include "base/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dy_strbuf_init(dy_strbuf *b)
{
    b->s = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

void dy_strbuf_free(dy_strbuf *b)
{
    free(b->s);
    dy_strbuf_init(b);
}

void dy_strbuf_clear(dy_strbuf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

void dy_strbuf_truncate(dy_strbuf *b, size_t len)
{
    if (len < b->len) {
        b->len = len;
        b->s[len] = '\0';
    }
}

static int reserve(dy_strbuf *b, size_t extra)
{
    if (b->failed)
        return 0;
    if (b->len + extra + 1 <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2) {
            b->failed = 1;
            return 0;
        }
        cap *= 2;
    }
    char *s = realloc(b->s, cap);
    if (!s) {
        b->failed = 1;
        return 0;
    }
    b->s = s;
    b->cap = cap;
    return 1;
}

void dy_strbuf_add_slow(dy_strbuf *b, const char *s, size_t n)
{
    if (!reserve(b, n))
        return;
    if (n)   /* s may be NULL when n is 0 (an empty strbuf's text) */
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void dy_strbuf_add_long(dy_strbuf *b, long v)
{
    char tmp[24], *p = tmp + sizeof tmp;
    unsigned long m = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
    do {
        *--p = (char)('0' + m % 10);
        m /= 10;
    } while (m);
    if (v < 0)
        *--p = '-';
    dy_strbuf_add(b, p, (size_t)(tmp + sizeof tmp - p));
}

void dy_strbuf_vprintf(dy_strbuf *b, const char *fmt, va_list ap)
{
    if (b->failed)
        return;
    /* formatted straight into the room left when it fits (most times):
     * one vsnprintf, not one to measure and one to write */
    va_list ap2;
    va_copy(ap2, ap);
    size_t room = b->cap - b->len;
    int n = vsnprintf(b->cap ? b->s + b->len : NULL, room, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        if (b->s)
            b->s[b->len] = '\0';
        return;
    }
    if ((size_t)n < room) {
        b->len += (size_t)n;
        return;
    }
    if (b->s)
        b->s[b->len] = '\0';   /* the cut-off attempt is not kept */
    if (!reserve(b, (size_t)n))
        return;
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void dy_strbuf_printf(dy_strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    dy_strbuf_vprintf(b, fmt, ap);
    va_end(ap);
}

char *dy_strbuf_take(dy_strbuf *b)
{
    char *s = b->s;
    if (!s) {
        s = malloc(1);
        if (s)
            s[0] = '\0';
    }
    dy_strbuf_init(b);
    return s;
}
