/* strbuf.c — a growable NUL-terminated string for building output and messages.
 * Appends after a failed allocation are ignored; `failed` tells the caller. */
#include "base/strbuf.h"

#include <math.h>
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

size_t dy_format_fixed(char *out, size_t cap, double v, int decimals)
{
    static const double scale[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
    /* x is v * 10^decimals within half a unit of its last place, under
     * 0.07 below 1e15. When it is within 1e-6 of the integer k, v's exact
     * decimal expansion is within 0.07 of k / 10^decimals, nowhere near a
     * rounding tie, so "%.*f" prints the digits of k (with v's sign, which
     * printf keeps even for "-0.0"). */
    double x = decimals >= 0 && decimals <= 6 ? v * scale[decimals] : 0;
    double k = floor(x + 0.5);
    if (decimals < 0 || decimals > 6 || cap < DY_FIXED_MAX || !(fabs(x) < 1e15) ||
        !(fabs(x - k) < 1e-6)) {
        int n = snprintf(out, cap, "%.*f", decimals, v);
        return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap ? cap - 1 : 0;
    }
    char tmp[40], *p = tmp + sizeof tmp;
    unsigned long long m = (unsigned long long)fabs(k);
    for (int i = 0; i < decimals; i++) {
        *--p = (char)('0' + m % 10);
        m /= 10;
    }
    if (decimals)
        *--p = '.';
    do {
        *--p = (char)('0' + m % 10);
        m /= 10;
    } while (m);
    if (signbit(v))
        *--p = '-';
    size_t n = (size_t)(tmp + sizeof tmp - p);
    memcpy(out, p, n);
    out[n] = '\0';
    return n;
}

void dy_strbuf_add_fixed(dy_strbuf *b, double v, int decimals)
{
    char tmp[DY_FIXED_MAX];
    dy_strbuf_add(b, tmp, dy_format_fixed(tmp, sizeof tmp, v, decimals));
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
