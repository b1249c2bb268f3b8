/* fuzz_jsonl_scan.c — fuzz harness: the JSON scanner (src/io/json_scan.c)
 * checked against jansson on the same text. The input is repaired to UTF-8
 * as the jsonl reader repairs a line, then both must accept or refuse it
 * alike, and agree on every wanted member's type and decoded bytes. Where
 * they may differ by design (jansson refuses numbers past 64-bit integers or
 * doubles, and \u0000 in member names; docs/formats.md) the harness allows
 * it. Any other difference aborts. The scanner's messages must be UTF-8. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "io/json_scan.h"
#include "io/sanitize.h"

enum { NF = 6 };
static const char *const names[NF] = {"id", "text", "date", "source", "url", "a"};

static void differ(const char *what, const char *text, size_t n)
{
    fprintf(stderr, "scanner and jansson differ: %s\ninput (%zu bytes): %.*s\n", what, n,
            (int)(n < 400 ? n : 400), text);
    abort();
}

/* Is s[0, n) valid UTF-8 with no NUL (what jansson's json_stringn wants)? */
static int is_utf8(const char *s, size_t n)
{
    json_t *v = json_stringn(s, n);
    int ok = v != NULL && !memchr(s, '\0', n);
    json_decref(v);
    return ok;
}

static dy_json_type type_of(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return DY_JSON_OBJECT;
    case JSON_ARRAY: return DY_JSON_ARRAY;
    case JSON_STRING: return DY_JSON_STRING;
    case JSON_INTEGER: return DY_JSON_INTEGER;
    case JSON_REAL: return DY_JSON_REAL;
    case JSON_TRUE: return DY_JSON_TRUE;
    case JSON_FALSE: return DY_JSON_FALSE;
    case JSON_NULL: return DY_JSON_NULL;
    }
    return DY_JSON_ABSENT;
}

/* Errors of jansson's own limits, not JSON's: the scanner accepts these. */
static int jansson_limit(const json_error_t *je)
{
    return strstr(je->text, "too big") || strstr(je->text, "overflow") ||
           strstr(je->text, "NUL byte in object key");
}

static void compare_members(const json_t *obj, const dy_json_field *f, const char *text,
                            size_t n)
{
    for (size_t k = 0; k < NF; k++) {
        json_t *v = json_object_get(obj, names[k]);
        dy_json_type want = v ? type_of(v) : DY_JSON_ABSENT;
        if (f[k].type != want)
            differ(names[k], text, n);
        if (want == DY_JSON_STRING && (f[k].out->len != json_string_length(v) ||
                                       memcmp(f[k].out->s ? f[k].out->s : "",
                                              json_string_value(v), f[k].out->len)))
            differ("a decoded string", text, n);
        if (want == DY_JSON_INTEGER) {
            char digits[32];
            snprintf(digits, sizeof digits, "%lld", (long long)json_integer_value(v));
            if (strcmp(f[k].out->s ? f[k].out->s : "", digits))
                differ("an integer", text, n);
        }
        if (want != DY_JSON_ABSENT && (f[k].end <= f[k].start || f[k].end > n))
            differ("a value's span", text, n);
        char ascii[64];
        dy_json_ascii(text + f[k].start, f[k].end - f[k].start, ascii, sizeof ascii);
        for (const char *c = ascii; *c; c++)
            if ((unsigned char)*c >= 0x80)
                abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dy_strbuf line, key, out[NF];
    dy_fixes fx = {0};
    dy_strbuf_init(&line);
    dy_strbuf_init(&key);
    dy_sanitize((const char *)data, size, DY_SAN_UTF8, &line, &fx);
    dy_json_field f[NF];
    for (size_t k = 0; k < NF; k++) {
        dy_strbuf_init(&out[k]);
        f[k] = (dy_json_field){.name = names[k], .out = &out[k]};
    }
    const char *text = line.s;
    size_t n = line.len;
    dy_json_error e;
    dy_json_status st = dy_json_scan(text, n, f, NF, &key, &e);
    json_error_t je;
    json_t *root = line.failed ? NULL : json_loadb(text, n, JSON_ALLOW_NUL | JSON_DECODE_ANY, &je);
    if (st == DY_JSON_BAD) {
        char msg[200];
        dy_json_describe(&e, text, n, msg, sizeof msg);
        if (e.offset > n || !is_utf8(msg, strlen(msg)) || dy_json_column(text, e.offset) > n + 1)
            abort();
        if (root)
            differ(msg, text, n);
    } else if (st != DY_JSON_NOMEM) {
        if (!root && !jansson_limit(&je))
            differ(je.text, text, n);
        if (root && json_is_object(root) != (st == DY_JSON_OK))
            differ("object or not", text, n);
        if (root && st == DY_JSON_OK)
            compare_members(root, f, text, n);
    }
    json_decref(root);
    for (size_t k = 0; k < NF; k++)
        dy_strbuf_free(&out[k]);
    dy_strbuf_free(&key);
    dy_strbuf_free(&line);
    return 0;
}
