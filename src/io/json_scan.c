/* json_scan.c — one JSON text checked against RFC 8259 in a single pass over
 * its bytes, decoding only the top-level members the caller names: the JSON
 * Lines reader's parser. It replaces a jansson DOM per line, which cost a
 * malloc per member and a quarter of a `--in jsonl` run. Nested values are
 * skipped with a bit stack, not recursion, so hostile nesting costs nothing
 * but a refusal at DY_JSON_MAX_DEPTH. */
#include "io/json_scan.h"

#include <stdio.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define DY_JSON_SSE2 1
#else
#define DY_JSON_SSE2 0
#endif

typedef struct scan {
    const unsigned char *p;
    size_t n;
    dy_json_error *e;
} scan;

static int fail(scan *s, dy_json_err kind, size_t at)
{
    s->e->kind = kind;
    s->e->offset = at;
    return 0;
}

static size_t skip_ws(const unsigned char *p, size_t i, size_t n)
{
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r'))
        i++;
    return i;
}

static int is_digit(unsigned c)
{
    return c - '0' < 10;
}

#if DY_JSON_SSE2
/* Bit b set when byte b of the sixteen at u ends a plain run of a string:
 * '"', '\\' or a control character (max(v, 0x1F) == 0x1F: v <= 0x1F
 * unsigned, which SSE2's signed compares cannot say directly). */
static inline unsigned special16(const unsigned char *u)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)u);
    __m128i ctl = _mm_set1_epi8(0x1F);
    __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                               _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_max_epu8(v, ctl), ctl));
    return (unsigned)_mm_movemask_epi8(hit);
}
#endif

/* Index of the first '"', '\\' or control byte at or after i, or n. News
 * text runs for dozens of bytes between them: sixteen at a time with SSE2
 * (the last few in one block ending at n, never reading past it). */
static size_t plain_run(const unsigned char *p, size_t i, size_t n)
{
#if DY_JSON_SSE2
    for (; i + 16 <= n; i += 16) {
        unsigned m = special16(p + i);
        if (m)
            return i + (unsigned)__builtin_ctz(m);
    }
    if (i < n && n >= 16) {   /* the bytes before i in that block were checked */
        unsigned m = special16(p + n - 16) >> (i - (n - 16));
        return m ? i + (unsigned)__builtin_ctz(m) : n;
    }
#endif
    while (i < n && p[i] != '"' && p[i] != '\\' && p[i] >= 0x20)
        i++;
    return i;
}

/* The four hex digits at p[i]; 0 when there are not four. */
static int hex4(const unsigned char *p, size_t i, size_t n, unsigned *out)
{
    if (i > n || n - i < 4)
        return 0;
    unsigned v = 0;
    for (size_t k = 0; k < 4; k++) {
        unsigned c = p[i + k], d;
        if (c - '0' < 10)
            d = c - '0';
        else if ((c | 0x20) - 'a' < 6)
            d = (c | 0x20) - 'a' + 10;
        else
            return 0;
        v = v * 16 + d;
    }
    *out = v;
    return 1;
}

static size_t utf8_put(unsigned cp, char *b)
{
    if (cp < 0x80) {
        b[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        b[0] = (char)(0xC0 | cp >> 6);
        b[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        b[0] = (char)(0xE0 | cp >> 12);
        b[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    b[0] = (char)(0xF0 | cp >> 18);
    b[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    b[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    b[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The \u escape at p[j] (the backslash): its code point, a surrogate pair
 * joined; *next after it. 0 when not four hex digits or a lone surrogate. */
static int u_escape(scan *s, size_t j, unsigned *cp, size_t *next)
{
    const unsigned char *p = s->p;
    size_t n = s->n;
    unsigned hi, lo;
    if (!hex4(p, j + 2, n, &hi))
        return fail(s, DY_JSON_E_ESCAPE, j);
    *next = j + 6;
    if (hi >= 0xDC00 && hi <= 0xDFFF)
        return fail(s, DY_JSON_E_SURROGATE, j);
    if (hi >= 0xD800 && hi <= 0xDBFF) {
        if (j + 7 >= n || p[j + 6] != '\\' || p[j + 7] != 'u' || !hex4(p, j + 8, n, &lo) ||
            lo < 0xDC00 || lo > 0xDFFF)
            return fail(s, DY_JSON_E_SURROGATE, j);
        hi = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
        *next = j + 12;
    }
    *cp = hi;
    return 1;
}

/* The string whose opening quote is just before *pi; *pi goes past its
 * closing quote. Decoded into out when out is not NULL (only checked
 * otherwise): plain runs are copied whole, escapes one by one. */
static int string(scan *s, size_t *pi, dy_strbuf *out)
{
    const unsigned char *p = s->p;
    size_t n = s->n, i = *pi;
    for (;;) {
        size_t j = plain_run(p, i, n);
        if (out && j > i)
            dy_strbuf_add(out, (const char *)p + i, j - i);
        if (j >= n)
            return fail(s, DY_JSON_E_STRING_END, n);
        if (p[j] == '"') {
            *pi = j + 1;
            return 1;
        }
        if (p[j] < 0x20)
            return fail(s, DY_JSON_E_CONTROL, j);
        if (j + 1 >= n)   /* the backslash ends the text */
            return fail(s, DY_JSON_E_STRING_END, n);
        char c;
        switch (p[j + 1]) {
        case '"': c = '"'; break;
        case '\\': c = '\\'; break;
        case '/': c = '/'; break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'u': {
            unsigned cp;
            if (!u_escape(s, j, &cp, &i))
                return 0;
            if (out) {
                char b[4];
                dy_strbuf_add(out, b, utf8_put(cp, b));
            }
            continue;
        }
        default:
            return fail(s, DY_JSON_E_ESCAPE, j);
        }
        if (out)
            dy_strbuf_addc(out, c);
        i = j + 2;
    }
}

/* The number at p[i] (RFC 8259: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?);
 * *end after it, *integer when it has neither fraction nor exponent. */
static int number(scan *s, size_t i, size_t *end, int *integer)
{
    const unsigned char *p = s->p;
    size_t n = s->n, start = i;
    if (p[i] == '-')
        i++;
    if (i >= n || !is_digit(p[i]))
        return fail(s, DY_JSON_E_NUMBER, start);
    if (p[i] == '0') {
        if (++i < n && is_digit(p[i]))   /* no leading zeros */
            return fail(s, DY_JSON_E_NUMBER, start);
    } else {
        while (i < n && is_digit(p[i]))
            i++;
    }
    *integer = 1;
    if (i < n && p[i] == '.') {
        *integer = 0;
        if (++i >= n || !is_digit(p[i]))
            return fail(s, DY_JSON_E_NUMBER, start);
        while (i < n && is_digit(p[i]))
            i++;
    }
    if (i < n && (p[i] | 0x20) == 'e') {
        *integer = 0;
        if (++i < n && (p[i] == '+' || p[i] == '-'))
            i++;
        if (i >= n || !is_digit(p[i]))
            return fail(s, DY_JSON_E_NUMBER, start);
        while (i < n && is_digit(p[i]))
            i++;
    }
    *end = i;
    return 1;
}

/* A string, number or literal at p[i] (i < n); *end after it. */
static int scalar(scan *s, size_t i, size_t *end)
{
    const unsigned char *p = s->p;
    size_t n = s->n;
    unsigned c = p[i];
    if (c == '"') {
        *end = i + 1;
        return string(s, end, NULL);
    }
    if (c == '-' || is_digit(c)) {
        int integer;
        return number(s, i, end, &integer);
    }
    const char *word = c == 't' ? "true" : c == 'f' ? "false" : c == 'n' ? "null" : NULL;
    size_t len = word ? strlen(word) : 0;
    if (!word || n - i < len || memcmp(p + i, word, len))
        return fail(s, DY_JSON_E_VALUE, i);
    *end = i + len;
    return 1;
}

/* `"name" :` at p[*pi], white space after it skipped. */
static int member_head(scan *s, size_t *pi)
{
    size_t i = *pi;
    if (i >= s->n || s->p[i] != '"')
        return fail(s, DY_JSON_E_NAME, i);
    i++;
    if (!string(s, &i, NULL))
        return 0;
    i = skip_ws(s->p, i, s->n);
    if (i >= s->n || s->p[i] != ':')
        return fail(s, DY_JSON_E_COLON, i);
    *pi = skip_ws(s->p, i + 1, s->n);
    return 1;
}

/* Any value at p[i] (i at its first byte), inside `depth` open containers;
 * *end after it. Iterative: the open containers are bits of a fixed stack
 * (1 object, 0 array), so no input can exhaust the C stack. */
static int skip_value(scan *s, size_t i, int depth, size_t *end)
{
    const unsigned char *p = s->p;
    size_t n = s->n;
    unsigned char open[DY_JSON_MAX_DEPTH / 8];
    int d = 0;   /* containers opened here */
    for (;;) {
        /* a value starts at i */
        if (i >= n)
            return fail(s, DY_JSON_E_VALUE, n);
        unsigned c = p[i];
        if (c == '{' || c == '[') {
            if (depth + d >= DY_JSON_MAX_DEPTH)
                return fail(s, DY_JSON_E_DEPTH, i);
            if (c == '{')
                open[d / 8] |= (unsigned char)(1u << d % 8);
            else
                open[d / 8] &= (unsigned char)~(1u << d % 8);
            d++;
            i = skip_ws(p, i + 1, n);
            if (i < n && p[i] == (c == '{' ? '}' : ']')) {
                i++;
                d--;   /* empty: a whole value, go on below */
            } else if (c == '[') {
                continue;
            } else {
                if (!member_head(s, &i))
                    return 0;
                continue;
            }
        } else if (!scalar(s, i, &i)) {
            return 0;
        }
        /* a value ended at i: close what it closes, find the next one */
        for (;;) {
            if (d == 0) {
                *end = i;
                return 1;
            }
            int object = open[(d - 1) / 8] >> (d - 1) % 8 & 1;
            i = skip_ws(p, i, n);
            if (i < n && p[i] == ',') {
                i = skip_ws(p, i + 1, n);
                if (object && !member_head(s, &i))
                    return 0;
                break;
            }
            if (i < n && p[i] == (object ? '}' : ']')) {
                i++;
                d--;
                continue;
            }
            return fail(s, object ? DY_JSON_E_OBJECT_NEXT : DY_JSON_E_ARRAY_NEXT, i);
        }
    }
}

/* The value of a wanted member at p[i]: decoded into f->out when a string,
 * copied when an integer; *end after it. */
static int wanted(scan *s, size_t i, dy_json_field *f, size_t *end)
{
    const unsigned char *p = s->p;
    dy_strbuf_clear(f->out);
    f->start = i;
    if (i >= s->n)
        return fail(s, DY_JSON_E_VALUE, i);
    unsigned c = p[i];
    if (c == '"') {
        *end = i + 1;
        if (!string(s, end, f->out))
            return 0;
        f->type = DY_JSON_STRING;
    } else if (c == '-' || is_digit(c)) {
        int integer;
        if (!number(s, i, end, &integer))
            return 0;
        f->type = integer ? DY_JSON_INTEGER : DY_JSON_REAL;
        if (integer && *end - i == 2 && c == '-' && p[i + 1] == '0')   /* jansson's 0 */
            dy_strbuf_addc(f->out, '0');
        else if (integer)
            dy_strbuf_add(f->out, (const char *)p + i, *end - i);
    } else {
        if (!skip_value(s, i, 1, end))
            return 0;
        f->type = c == '{' ? DY_JSON_OBJECT : c == '[' ? DY_JSON_ARRAY : c == 't' ? DY_JSON_TRUE
                : c == 'f' ? DY_JSON_FALSE : DY_JSON_NULL;
    }
    f->end = *end;
    return 1;
}

/* The member whose name is at p[*pi] (past its opening quote): the first
 * field of that name, or -1; *pi goes past the closing quote. A name
 * without escapes (nearly all) is compared where it lies; one with escapes
 * is decoded into key first. */
static int member_field(scan *s, size_t *pi, dy_json_field *fields, const size_t *lens,
                        size_t nf, dy_strbuf *key)
{
    const unsigned char *p = s->p;
    size_t i = *pi, j = plain_run(p, i, s->n);
    const char *name = (const char *)p + i;
    size_t len = j - i;
    if (j < s->n && p[j] == '"') {
        *pi = j + 1;
    } else {
        dy_strbuf_clear(key);
        if (!string(s, pi, key))
            return -2;
        name = key->s ? key->s : "";
        len = key->len;
    }
    for (size_t k = 0; k < nf; k++)
        if (lens[k] == len && !memcmp(fields[k].name, name, len))
            return (int)k;
    return -1;
}

static dy_json_status bad_at(scan *s, dy_json_err kind, size_t at)
{
    fail(s, kind, at);
    return DY_JSON_BAD;
}

/* Fields after fields[k] with its name get what it got (--id-field url). */
static void same_name(dy_json_field *fields, const size_t *lens, size_t nf, size_t k)
{
    for (size_t m = k + 1; m < nf; m++) {
        if (lens[m] != lens[k] || memcmp(fields[m].name, fields[k].name, lens[k]))
            continue;
        fields[m].type = fields[k].type;
        fields[m].start = fields[k].start;
        fields[m].end = fields[k].end;
        dy_strbuf_clear(fields[m].out);
        dy_strbuf_add(fields[m].out, fields[k].out->s, fields[k].out->len);
    }
}

dy_json_status dy_json_scan(const char *text, size_t n, dy_json_field *fields, size_t nf,
                            dy_strbuf *key, dy_json_error *e)
{
    scan s = {(const unsigned char *)text, n, e};
    const unsigned char *p = s.p;
    size_t lens[16];   /* the reader wants six at most */
    if (nf > sizeof lens / sizeof lens[0])
        nf = sizeof lens / sizeof lens[0];
    e->kind = DY_JSON_E_NONE;
    e->offset = 0;
    for (size_t k = 0; k < nf; k++) {
        lens[k] = strlen(fields[k].name);
        fields[k].type = DY_JSON_ABSENT;
        fields[k].start = fields[k].end = 0;
        dy_strbuf_clear(fields[k].out);
    }
    size_t i = skip_ws(p, 0, n), start = i;
    if (i >= n || p[i] != '{') {   /* checked whole all the same: bad JSON or not */
        if (i >= n || !p[i] || !strchr("[\"-0123456789tfn", p[i]) || !skip_value(&s, i, 0, &i)) {
            if (e->kind == DY_JSON_E_NONE || (e->kind == DY_JSON_E_VALUE && e->offset == start))
                fail(&s, DY_JSON_E_OPEN, start);   /* "this", not a value at all */
            return DY_JSON_BAD;
        }
        i = skip_ws(p, i, n);
        if (i < n)
            return bad_at(&s, DY_JSON_E_TRAILING, i);
        return DY_JSON_NOT_OBJECT;
    }
    i = skip_ws(p, i + 1, n);
    if (i < n && p[i] == '}') {
        i++;
    } else {
        for (;;) {
            if (i >= n || p[i] != '"')
                return bad_at(&s, DY_JSON_E_NAME, i);
            i++;
            int k = member_field(&s, &i, fields, lens, nf, key);
            if (k == -2)
                return DY_JSON_BAD;
            i = skip_ws(p, i, n);
            if (i >= n || p[i] != ':')
                return bad_at(&s, DY_JSON_E_COLON, i);
            i = skip_ws(p, i + 1, n);
            if (k < 0 ? !skip_value(&s, i, 1, &i) : !wanted(&s, i, &fields[k], &i))
                return DY_JSON_BAD;
            if (k >= 0)
                same_name(fields, lens, nf, (size_t)k);
            i = skip_ws(p, i, n);
            if (i < n && p[i] == ',') {
                i = skip_ws(p, i + 1, n);
                continue;
            }
            if (i < n && p[i] == '}') {
                i++;
                break;
            }
            return bad_at(&s, DY_JSON_E_OBJECT_NEXT, i);
        }
    }
    i = skip_ws(p, i, n);
    if (i < n)
        return bad_at(&s, DY_JSON_E_TRAILING, i);
    if (key->failed)
        return DY_JSON_NOMEM;
    for (size_t k = 0; k < nf; k++)
        if (fields[k].out->failed)
            return DY_JSON_NOMEM;
    return DY_JSON_OK;
}
