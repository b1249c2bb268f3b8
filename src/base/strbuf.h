/* strbuf.h — a growable NUL-terminated string for building output and messages.
 * On allocation failure the buffer keeps what fit and sets `failed`. */
#ifndef DY_STRBUF_H
#define DY_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

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
void dy_strbuf_add(dy_strbuf *b, const char *s, size_t n);
void dy_strbuf_adds(dy_strbuf *b, const char *s);
void dy_strbuf_addc(dy_strbuf *b, char c);
/* The decimal digits of v, as "%ld" writes them, without printf's cost. */
void dy_strbuf_add_long(dy_strbuf *b, long v);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void dy_strbuf_printf(dy_strbuf *b, const char *fmt, ...);
void dy_strbuf_vprintf(dy_strbuf *b, const char *fmt, va_list ap);
/* Hands the string to the caller (malloc'd; "" if empty) and resets b. */
char *dy_strbuf_take(dy_strbuf *b);

#endif
