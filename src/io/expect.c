/* expect.c — parsing the bracketed expectations in a validation record's
 * comment: events, {---} {###} {+++} markers, -{ (stop checking) and OPTION:. */
#include "io/expect.h"

#include <ctype.h>
#include <string.h>

#include "base/date.h"
#include "base/error.h"

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* Copies s[0..n) trimmed into dst (size cap); 0 when it does not fit. */
static int copy_trim(char *dst, size_t cap, const char *s, size_t n)
{
    while (n && is_blank(*s))
        s++, n--;
    while (n && is_blank(s[n - 1]))
        n--;
    if (n >= cap)
        return 0;
    memcpy(dst, s, n);
    dst[n] = '\0';
    return 1;
}

/* Nonzero when s[0..n) with blanks removed equals mark ("---", "###", "+++"). */
static int is_marker(const char *s, size_t n, const char *mark)
{
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_blank(s[i]))
            continue;
        if (!mark[j] || s[i] != mark[j])
            return 0;
        j++;
    }
    return mark[j] == '\0';
}

static int starts_option(const char *s, size_t n, size_t *skip)
{
    size_t i = 0;
    while (i < n && is_blank(s[i]))
        i++;
    static const char kw[] = "OPTION:";
    if (n - i < sizeof kw - 1)
        return 0;
    for (size_t k = 0; k < sizeof kw - 1; k++)
        if (toupper((unsigned char)s[i + k]) != kw[k])
            return 0;
    *skip = i + sizeof kw - 1;
    return 1;
}

static dyad_status parse_event(const char *s, size_t n, dy_expect *out, const char *where,
                               long line, dyad_error *err)
{
    const char *part[3];
    size_t plen[3];
    int k = 0;
    size_t start = 0;
    for (size_t i = 0; i <= n && k < 3; i++) {
        if (i == n || s[i] == '/') {
            part[k] = s + start;
            plen[k] = i - start;
            k++;
            start = i + 1;
        }
    }
    if (k < 3)
        return dy_error_set(err, DYAD_ERR_PARSE, where, line,
                            "expected { SOURCE / TARGET / CODE }, got {%.*s}", (int)n, s);
    if (out->n_events == DY_EXPECT_MAX_EVENTS)
        return dy_error_set(err, DYAD_ERR_LIMIT, where, line, "more than %d expected events",
                            DY_EXPECT_MAX_EVENTS);
    dy_expect_event *ev = &out->events[out->n_events];
    /* A fourth field (attribution) is not checked; it stays in the code part's
     * tail only if someone writes one, so cut the code at the next '/'. */
    size_t clen = plen[2];
    for (size_t i = 0; i < clen; i++)
        if (part[2][i] == '/')
            clen = i;
    if (!copy_trim(ev->source, sizeof ev->source, part[0], plen[0]) ||
        !copy_trim(ev->target, sizeof ev->target, part[1], plen[1]) ||
        !copy_trim(ev->code, sizeof ev->code, part[2], clen))
        return dy_error_set(err, DYAD_ERR_LIMIT, where, line, "code too long in {%.*s}",
                            (int)n, s);
    ev->date = 0;
    out->n_events++;
    return DYAD_OK;
}

dyad_status dy_expect_parse(const char *c, size_t len, dy_expect *out, const char *where,
                            long line, dyad_error *err)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < len; i++) {
        if (c[i] != '{')
            continue;
        int dash = i > 0 && c[i - 1] == '-';
        size_t s = i + 1, e = s;
        while (e < len && c[e] != '}')
            e++;
        size_t skip, k = s;
        while (k < e && is_blank(c[k]))
            k++;
        if (k == e) {       /* "{}" in prose, as in "the events ... coded in {}" */
            out->partial |= dash;
            i = e;
            continue;
        }
        out->n_fields++;
        if (starts_option(c + s, e - s, &skip)) {
            /* An option runs to the '}' or, when that was forgotten, the line end. */
            size_t oe = s + skip;
            while (oe < e && c[oe] != '\n')
                oe++;
            if (out->n_options == DY_EXPECT_MAX_OPTIONS)
                return dy_error_set(err, DYAD_ERR_LIMIT, where, line, "more than %d OPTION lines",
                                    DY_EXPECT_MAX_OPTIONS);
            if (!copy_trim(out->options[out->n_options], sizeof out->options[0], c + s + skip,
                           oe - (s + skip)))
                return dy_error_set(err, DYAD_ERR_LIMIT, where, line, "OPTION line too long");
            out->n_options++;
            i = oe < e ? e : oe;
            continue;
        }
        if (dash)
            out->partial = 1;
        if (!out->partial) {
            if (is_marker(c + s, e - s, "---"))
                out->none = 1;
            else if (is_marker(c + s, e - s, "###"))
                out->discard = 1;
            else if (is_marker(c + s, e - s, "+++"))
                out->complex = 1;
            else {
                dyad_status st = parse_event(c + s, e - s, out, where, line, err);
                if (st != DYAD_OK)
                    return st;
                /* A date may follow the '}' (checked when time shifting is on). */
                size_t d = e + 1;
                while (d < len && (c[d] == ' ' || c[d] == '\t'))
                    d++;
                size_t de = d;
                while (de < len && isdigit((unsigned char)c[de]))
                    de++;
                if (de > d)
                    out->events[out->n_events - 1].date = dy_parse_tabari_date(c + d, de - d, 0);
            }
        }
        i = e;
    }
    return DYAD_OK;
}

int dy_expect_is_option_only(const dy_expect *e)
{
    return e->n_options > 0 && e->n_fields == e->n_options;
}
