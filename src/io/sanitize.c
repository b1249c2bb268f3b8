/* sanitize.c — repairing story text before coding: invalid UTF-8 and NUL
 * bytes replaced, HTML tags dropped and character references decoded. */
#include "io/sanitize.h"

#include <stdint.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#define MAX_TAG 1024      /* a '<' more than this far from its '>' is text */
#define MAX_ENTITY 12     /* "&#x10FFFF;" */

/* Length of the valid UTF-8 sequence at s[0..n), 0 when invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t len;
    unsigned min;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, min = 0x10000;
    else
        return 0;
    if (len > n)
        return 0;
    unsigned cp = c & (0x3F >> (len - 1));
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

static void add_cp(dy_strbuf *out, unsigned cp)
{
    char b[4];
    size_t n;
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        b[0] = (char)cp, n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | cp >> 6), b[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | cp >> 12), b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    } else {
        b[0] = (char)(0xF0 | cp >> 18), b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), b[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    }
    dy_strbuf_add(out, b, n);
}

static const struct { const char *name; unsigned cp; } named[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
    {"apos", '\''},    {"nbsp", ' '},     {"ndash", 0x2013}, {"mdash", 0x2014},
    {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
    {"hellip", 0x2026},
};

/* A character reference at s[0..n) (s[0] == '&'): its length, 0 when none. */
static size_t entity(const char *s, size_t n, unsigned *cp)
{
    size_t i = 1, lim = n < MAX_ENTITY ? n : MAX_ENTITY;
    if (i < lim && s[i] == '#') {
        int hex = i + 1 < lim && (s[i + 1] == 'x' || s[i + 1] == 'X');
        unsigned v = 0;
        size_t d0 = i = i + 1 + (size_t)hex;
        for (; i < lim && s[i] != ';'; i++) {
            char c = s[i];
            unsigned dv;
            if (c >= '0' && c <= '9')
                dv = (unsigned)(c - '0');
            else if (hex && c >= 'a' && c <= 'f')
                dv = (unsigned)(c - 'a' + 10);
            else if (hex && c >= 'A' && c <= 'F')
                dv = (unsigned)(c - 'A' + 10);
            else
                return 0;
            v = v * (hex ? 16u : 10u) + dv;
            if (v > 0x10FFFF)
                v = 0x110000;   /* stays out of range, never overflows */
        }
        if (i == d0 || i >= lim)
            return 0;
        *cp = v == 160 ? ' ' : v;
        return i + 1;
    }
    for (size_t k = 0; k < sizeof named / sizeof named[0]; k++) {
        size_t m = strlen(named[k].name);
        if (1 + m < lim && !memcmp(s + 1, named[k].name, m) && s[1 + m] == ';') {
            *cp = named[k].cp;
            return m + 2;
        }
    }
    return 0;
}

/* An HTML tag or comment at s[0..n) (s[0] == '<'): its length, 0 when the
 * '<' is ordinary text ("a < b", "<5%"). */
static size_t tag(const char *s, size_t n)
{
    if (n < 3)
        return 0;
    if (n >= 4 && !memcmp(s, "<!--", 4)) {
        for (size_t i = 4; i + 2 < n && i < MAX_TAG; i++)
            if (!memcmp(s + i, "-->", 3))
                return i + 3;
        return 0;
    }
    char c = s[1];
    int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter && c != '/' && c != '!' && c != '?')
        return 0;
    if (c == '/' && !((s[2] >= 'a' && s[2] <= 'z') || (s[2] >= 'A' && s[2] <= 'Z')))
        return 0;
    for (size_t i = 2; i < n && i < MAX_TAG; i++) {
        if (s[i] == '>')
            return i + 1;
        if (s[i] == '<')
            return 0;
    }
    return 0;
}

#if defined(__SSE2__) && defined(__GNUC__)
/* Bit b set when byte b of the sixteen at u may need a look. */
static inline unsigned odd_bytes(const unsigned char *u, int html)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)u);
    __m128i odd = _mm_cmpeq_epi8(v, _mm_setzero_si128());
    if (html)
        odd = _mm_or_si128(odd, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('<')),
                                             _mm_cmpeq_epi8(v, _mm_set1_epi8('&'))));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(v, odd));   /* and high bits */
}
#endif

/* Index of the first byte at or after i that may need a look (not ASCII,
 * NUL, and with `html` '<' or '&'), or n; every byte before it is plain
 * text. Sixteen bytes at a time with SSE2 (always there on x86-64), the
 * last few in one block that ends at n; else eight at a time in a 64-bit
 * word and the last few one by one. */
static size_t plain_run(const unsigned char *u, size_t i, size_t n, int html)
{
#if defined(__SSE2__) && defined(__GNUC__)
    for (; i + 16 <= n; i += 16) {
        unsigned bad = odd_bytes(u + i, html);
        if (bad)
            return i + (unsigned)__builtin_ctz(bad);
    }
    if (i < n && n >= 16) {   /* bytes before i in that block are known plain */
        unsigned bad = odd_bytes(u + n - 16, html) >> (i - (n - 16));
        return bad ? i + (unsigned)__builtin_ctz(bad) : n;
    }
#else
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const uint64_t lt = ones * '<', amp = ones * '&';
    while (i + 8 <= n) {
        uint64_t v, a, b;
        memcpy(&v, u + i, 8);
        uint64_t bad = (v & highs) | ((v - ones) & ~v & highs);   /* high bit or NUL */
        if (html) {
            a = v ^ lt;
            b = v ^ amp;
            bad |= ((a - ones) & ~a & highs) | ((b - ones) & ~b & highs);
        }
        if (bad)
            break;
        i += 8;
    }
#endif
    for (; i < n; i++) {
        unsigned c = u[i];
        if (c - 1u >= 0x7Fu || (html && (c == '<' || c == '&')))   /* NUL or >= 0x80 */
            break;
    }
    return i;
}

void dy_sanitize(const char *s, size_t n, int what, dy_strbuf *out, dy_fixes *fx)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, run = 0;   /* s[run..i) is clean text not yet copied */
    dy_strbuf_clear(out);
    while (i < n) {
        unsigned char c = u[i];
        size_t k;
        unsigned cp;
        if (c >= 0x80) {
            if ((k = utf8_len(u + i, n - i)) > 0) {
                i += k;
                continue;
            }
            dy_strbuf_add(out, s + run, i - run);
            dy_strbuf_add(out, "\xEF\xBF\xBD", 3);
            fx->bad_utf8++;
            run = ++i;
        } else if (c == 0) {
            dy_strbuf_add(out, s + run, i - run);
            dy_strbuf_addc(out, ' ');
            fx->nuls++;
            run = ++i;
        } else if ((what & DY_SAN_HTML) && c == '<' && (k = tag(s + i, n - i)) > 0) {
            dy_strbuf_add(out, s + run, i - run);
            dy_strbuf_addc(out, ' ');
            fx->tags++;
            run = i += k;
        } else if ((what & DY_SAN_HTML) && c == '&' && (k = entity(s + i, n - i, &cp)) > 0) {
            dy_strbuf_add(out, s + run, i - run);
            add_cp(out, cp);
            fx->entities++;
            run = i += k;
        } else {
            i = plain_run(u, i + 1, n, what & DY_SAN_HTML);
        }
    }
    dy_strbuf_add(out, s + run, i - run);
    if (!out->s)
        dy_strbuf_adds(out, "");
}

size_t dy_sanitize_plain(const char *s, size_t n, int what)
{
    return plain_run((const unsigned char *)s, 0, n, what & DY_SAN_HTML);
}

size_t dy_bom_len(const char *s, size_t n)
{
    return n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;
}
