/* strbuf.h — a growable NUL-terminated string for building output and messages.
 * On allocation failure the buffer keeps what fit and sets `failed`. */
#ifndef DY_STRBUF_H
#define DY_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

typedef struct dy_strbuf {
    char *s;
    size_t len, cap;
    int failed;
} dy_strbuf;

void dy_strbuf_init(dy_strbuf *b);
void dy_strbuf_free(dy_strbuf *b);
void dy_strbuf_clear(dy_strbuf *b);
/* Keeps the first len bytes (nothing changes when it holds no more). */
void dy_strbuf_truncate(dy_strbuf *b, size_t len);
/* dy_strbuf_add when the buffer must grow (or has failed, or n is 0). */
void dy_strbuf_add_slow(dy_strbuf *b, const char *s, size_t n);

/* Appends are inline while there is room: a writer builds an event's line
 * from a hundred short pieces, and a call and a check of the room each
 * cost as much as the copy. */
static inline void dy_strbuf_add(dy_strbuf *b, const char *s, size_t n)
{
    if (!b->failed && n && b->len + n + 1 <= b->cap) {
        memcpy(b->s + b->len, s, n);
        b->len += n;
        b->s[b->len] = '\0';
        return;
    }
    dy_strbuf_add_slow(b, s, n);
}

static inline void dy_strbuf_adds(dy_strbuf *b, const char *s)
{
    dy_strbuf_add(b, s, strlen(s));
}

static inline void dy_strbuf_addc(dy_strbuf *b, char c)
{
    if (!b->failed && b->len + 2 <= b->cap) {
        b->s[b->len++] = c;
        b->s[b->len] = '\0';
        return;
    }
    dy_strbuf_add_slow(b, &c, 1);
}
/* The decimal digits of v, as "%ld" writes them, without printf's cost. */
void dy_strbuf_add_long(dy_strbuf *b, long v);
/* v with 0 to 6 decimals into out (cap >= 64 bytes, NUL-terminated),
 * exactly as snprintf's "%.*f" writes it, and its length; by hand when v
 * is that close to a number of so many decimals (a Goldstein score, a
 * gazetteer's coordinate), by snprintf otherwise. */
#define DY_FIXED_MAX 64
size_t dy_format_fixed(char *out, size_t cap, double v, int decimals);
/* Appends dy_format_fixed's text. */
void dy_strbuf_add_fixed(dy_strbuf *b, double v, int decimals);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void dy_strbuf_printf(dy_strbuf *b, const char *fmt, ...);
void dy_strbuf_vprintf(dy_strbuf *b, const char *fmt, va_list ap);
/* Hands the string to the caller (malloc'd; "" if empty) and resets b. */
char *dy_strbuf_take(dy_strbuf *b);

#endif
