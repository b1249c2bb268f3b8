/* test_io_json_scan.c — the JSON Lines scanner (io/json_scan.c): members
 * decoded, RFC 8259 escapes and UTF-16 surrogates, every error kind at its
 * offset, nesting, duplicates, numbers; and its messages (json_message.c). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/json_scan.h"

/* Three wanted members: "id", "text", "date". */
typedef struct scanned {
    dy_strbuf id, text, date, key;
    dy_json_field f[3];
    dy_json_error e;
    dy_json_status st;
} scanned;

static scanned *scan_n(const char *s, size_t n)
{
    scanned *r = calloc(1, sizeof *r);
    cr_assert_not_null(r);
    r->f[0] = (dy_json_field){.name = "id", .out = &r->id};
    r->f[1] = (dy_json_field){.name = "text", .out = &r->text};
    r->f[2] = (dy_json_field){.name = "date", .out = &r->date};
    r->st = dy_json_scan(s, n, r->f, 3, &r->key, &r->e);
    return r;
}

static scanned *scan(const char *s)
{
    return scan_n(s, strlen(s));
}

static void done(scanned *r)
{
    dy_strbuf_free(&r->id);
    dy_strbuf_free(&r->text);
    dy_strbuf_free(&r->date);
    dy_strbuf_free(&r->key);
    free(r);
}

/* s is bad JSON of kind `kind` at byte `offset`. */
static void bad(const char *s, dy_json_err kind, size_t offset)
{
    scanned *r = scan(s);
    cr_expect_eq(r->st, DY_JSON_BAD, "%s: status %d", s, r->st);
    cr_expect_eq(r->e.kind, kind, "%s: kind %d, want %d", s, r->e.kind, kind);
    cr_expect_eq(r->e.offset, offset, "%s: offset %zu, want %zu", s, r->e.offset, offset);
    done(r);
}

/* The "text" member of {"text":"<s>"} decodes to want[0, n). */
static void decodes(const char *json_text, const char *want, size_t n)
{
    char line[512];
    snprintf(line, sizeof line, "{\"text\":\"%s\"}", json_text);
    scanned *r = scan(line);
    cr_assert_eq(r->st, DY_JSON_OK, "%s: status %d kind %d", line, r->st, r->e.kind);
    cr_expect_eq(r->f[1].type, DY_JSON_STRING);
    cr_expect_eq(r->text.len, n, "%s: length %zu, want %zu", line, r->text.len, n);
    cr_expect(r->text.len == n && (n == 0 || !memcmp(r->text.s, want, n)), "%s: decoded wrong",
              line);
    done(r);
}

Test(json_scan, members)
{
    scanned *r = scan(" { \"x\": [1, {\"id\": \"no\"}], \"id\" : \"s1\", \"date\":20261123,"
                      "\"text\":\"France praised Germany.\", \"y\": null } ");
    cr_assert_eq(r->st, DY_JSON_OK);
    cr_expect_eq(r->f[0].type, DY_JSON_STRING);
    cr_expect_str_eq(r->id.s, "s1");   /* the nested "id" is not the member */
    cr_expect_eq(r->f[2].type, DY_JSON_INTEGER);
    cr_expect_str_eq(r->date.s, "20261123");
    cr_expect_str_eq(r->text.s, "France praised Germany.");
    done(r);

    r = scan("{\"id\":\"a\"}");
    cr_assert_eq(r->st, DY_JSON_OK);
    cr_expect_eq(r->f[1].type, DY_JSON_ABSENT);
    cr_expect_eq(r->text.len, 0);
    done(r);

    r = scan("{}");
    cr_expect_eq(r->st, DY_JSON_OK);
    cr_expect_eq(r->f[0].type, DY_JSON_ABSENT);
    done(r);
}

Test(json_scan, types_and_spans)
{
    const char *s = "{\"id\":true,\"text\":{\"a\":[]},\"date\":-1.5e3}";
    scanned *r = scan(s);
    cr_assert_eq(r->st, DY_JSON_OK);
    cr_expect_eq(r->f[0].type, DY_JSON_TRUE);
    cr_expect_eq(r->f[1].type, DY_JSON_OBJECT);
    cr_expect_eq(r->f[2].type, DY_JSON_REAL);
    cr_expect_eq(r->date.len, 0, "a real is not copied");
    cr_expect_eq(r->f[1].end - r->f[1].start, strlen("{\"a\":[]}"));
    cr_expect_eq(memcmp(s + r->f[2].start, "-1.5e3", 6), 0);
    cr_expect_eq(r->f[2].end, strlen(s) - 1);
    done(r);

    r = scan("{\"id\":false,\"text\":[\"x\"],\"date\":null}");
    cr_assert_eq(r->st, DY_JSON_OK);
    cr_expect_eq(r->f[0].type, DY_JSON_FALSE);
    cr_expect_eq(r->f[1].type, DY_JSON_ARRAY);
    cr_expect_eq(r->f[2].type, DY_JSON_NULL);
    done(r);
}

Test(json_scan, escapes)
{
    decodes("a\\\"b\\\\c\\/d", "a\"b\\c/d", 7);
    decodes("\\b\\f\\n\\r\\t", "\b\f\n\r\t", 5);
    decodes("caf\\u00e9 \\u00E9", "caf\xc3\xa9 \xc3\xa9", 8);
    decodes("\\u20AC", "\xe2\x82\xac", 3);
    decodes("\\u007f\\u0080\\u07FF\\u0800\\uFFFF", "\x7f\xc2\x80\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf",
            11);
    decodes("a\\u0000b", "a\0b", 3);   /* kept: the reader decides */
    decodes("\xc3\xa9t\xc3\xa9", "\xc3\xa9t\xc3\xa9", 5);   /* UTF-8 passes as is */
    decodes("", "", 0);
}

Test(json_scan, surrogate_pairs)
{
    decodes("\\uD83D\\uDE00", "\xf0\x9f\x98\x80", 4);   /* U+1F600 */
    decodes("x\\ud800\\udc00y", "x\xf0\x90\x80\x80y", 6);   /* U+10000, lower case */
    decodes("\\uDBFF\\uDFFF", "\xf4\x8f\xbf\xbf", 4);   /* U+10FFFF */
}

Test(json_scan, lone_surrogates)
{
    bad("{\"text\":\"\\uD800\"}", DY_JSON_E_SURROGATE, 9);
    bad("{\"text\":\"ab\\uDC00\"}", DY_JSON_E_SURROGATE, 11);   /* low first */
    bad("{\"text\":\"\\uDE00\\uD83D\"}", DY_JSON_E_SURROGATE, 9);   /* reversed */
    bad("{\"text\":\"\\uD800x\"}", DY_JSON_E_SURROGATE, 9);
    bad("{\"text\":\"\\uD800\\u0041\"}", DY_JSON_E_SURROGATE, 9);
    bad("{\"text\":\"\\uDBFF\\uDBFF\"}", DY_JSON_E_SURROGATE, 9);   /* two highs */
    bad("{\"text\":\"\\uD800\\n\"}", DY_JSON_E_SURROGATE, 9);
    bad("{\"text\":\"\\uD800", DY_JSON_E_SURROGATE, 9);   /* the line ends */
    bad("{\"x\":\"\\uD800\"}", DY_JSON_E_SURROGATE, 6);   /* unwanted members too */
    bad("{\"\\uD800\":1}", DY_JSON_E_SURROGATE, 2);       /* and names */
}

/* Escapes and plain runs on both sides of every 16-byte boundary: the SSE2
 * path, its last block ending at the text's end, and the byte loop. */
Test(json_scan, runs_across_blocks)
{
    for (size_t a = 0; a < 40; a++) {
        for (size_t b = 0; b < 20; b += 3) {
            char in[128], want[128];
            size_t k = 0, w = 0;
            for (size_t i = 0; i < a; i++)
                in[k++] = 'a', want[w++] = 'a';
            memcpy(in + k, "\\n", 2), k += 2, want[w++] = '\n';
            for (size_t i = 0; i < b; i++)
                in[k++] = (char)('0' + i % 10), want[w++] = (char)('0' + i % 10);
            in[k] = '\0';
            decodes(in, want, w);
        }
    }
    /* a control character at each place is refused there */
    for (size_t a = 0; a < 40; a++) {
        char line[128];
        size_t k = (size_t)snprintf(line, sizeof line, "{\"text\":\"");
        size_t at = k + a;
        memset(line + k, 'a', a);
        line[at] = '\t';
        strcpy(line + at + 1, "zzzzzzzzzzzzzzzzzzzz\"}");
        bad(line, DY_JSON_E_CONTROL, at);
    }
}

Test(json_scan, error_kinds)
{
    bad("", DY_JSON_E_OPEN, 0);
    bad("   ", DY_JSON_E_OPEN, 3);
    bad("this is not JSON", DY_JSON_E_OPEN, 0);
    bad("  tru", DY_JSON_E_OPEN, 2);
    bad("}", DY_JSON_E_OPEN, 0);
    bad("{\"a\":}", DY_JSON_E_VALUE, 5);
    bad("{\"a\":tru}", DY_JSON_E_VALUE, 5);
    bad("{\"a\":nul}", DY_JSON_E_VALUE, 5);
    bad("{\"a\":[1,]}", DY_JSON_E_VALUE, 8);   /* trailing comma */
    bad("{\"a\":'x'}", DY_JSON_E_VALUE, 5);
    bad("{\"a\":", DY_JSON_E_VALUE, 5);
    bad("{,}", DY_JSON_E_NAME, 1);
    bad("{\"a\":1,}", DY_JSON_E_NAME, 7);
    bad("{a:1}", DY_JSON_E_NAME, 1);
    bad("{\"a\":{1:2}}", DY_JSON_E_NAME, 6);
    bad("{\"a\" 1}", DY_JSON_E_COLON, 5);
    bad("{\"a\"", DY_JSON_E_COLON, 4);
    bad("{\"a\":{\"b\" 1}}", DY_JSON_E_COLON, 10);
    bad("{\"a\":1 \"b\":2}", DY_JSON_E_OBJECT_NEXT, 7);
    bad("{\"a\":1", DY_JSON_E_OBJECT_NEXT, 6);
    bad("{\"a\":{\"b\":1]}", DY_JSON_E_OBJECT_NEXT, 11);
    bad("{\"a\":[1 2]}", DY_JSON_E_ARRAY_NEXT, 8);
    bad("{\"a\":[1}", DY_JSON_E_ARRAY_NEXT, 7);
    bad("[1", DY_JSON_E_ARRAY_NEXT, 2);
    bad("{} x", DY_JSON_E_TRAILING, 3);
    bad("{}{}", DY_JSON_E_TRAILING, 2);
    bad("[] 1", DY_JSON_E_TRAILING, 3);
    bad("{\"a\":\"x", DY_JSON_E_STRING_END, 7);
    bad("{\"a\":\"x\\", DY_JSON_E_STRING_END, 8);
    bad("{\"a", DY_JSON_E_STRING_END, 3);
    bad("{\"a\":\"x\ty\"}", DY_JSON_E_CONTROL, 7);
    bad("{\"a\":\"\x1f\"}", DY_JSON_E_CONTROL, 6);
    bad("{\"a\":\"\\x\"}", DY_JSON_E_ESCAPE, 6);
    bad("{\"a\":\"\\U0041\"}", DY_JSON_E_ESCAPE, 6);
    bad("{\"a\":\"\\u12G4\"}", DY_JSON_E_ESCAPE, 6);
    bad("{\"a\":\"\\u12\"}", DY_JSON_E_ESCAPE, 6);
    bad("{\"a\":\"\\u12", DY_JSON_E_ESCAPE, 6);
    bad("{\"a\":\"\\'\"}", DY_JSON_E_ESCAPE, 6);
}

Test(json_scan, numbers)
{
    static const char *const good[] = {"0", "-0", "7", "-12", "10.5", "0.25", "1e5", "1E+5",
                                       "2.5e-10", "-0.0e0", "123456789012345678901234567890",
                                       "1e400"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        char line[80];
        snprintf(line, sizeof line, "{\"x\":%s,\"id\":[%s]}", good[i], good[i]);
        scanned *r = scan(line);
        cr_expect_eq(r->st, DY_JSON_OK, "%s", line);
        done(r);
    }
    static const struct {
        const char *s;
        size_t at;   /* the number's first byte, in {"x":_} */
    } wrong[] = {{"01", 5}, {"-01", 5}, {"1.", 5}, {"1.e5", 5}, {"-", 5}, {"-a", 5},
                 {"1e", 5}, {"1e+", 5}, {"2.5E", 5}, {"--1", 5}};
    for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
        char line[80];
        snprintf(line, sizeof line, "{\"x\":%s}", wrong[i].s);
        bad(line, DY_JSON_E_NUMBER, wrong[i].at);
    }
    bad("{\"x\":+1}", DY_JSON_E_VALUE, 5);
    bad("{\"x\":.5}", DY_JSON_E_VALUE, 5);
    bad("{\"x\":1.5.2}", DY_JSON_E_OBJECT_NEXT, 8);
    bad("{\"x\":0x10}", DY_JSON_E_OBJECT_NEXT, 6);

    scanned *r = scan("{\"id\":-0,\"date\":123456789012345678901234567890,\"text\":1.0}");
    cr_assert_eq(r->st, DY_JSON_OK);
    cr_expect_str_eq(r->id.s, "0");   /* as jansson printed it */
    cr_expect_eq(r->f[2].type, DY_JSON_INTEGER);
    cr_expect_str_eq(r->date.s, "123456789012345678901234567890");
    cr_expect_eq(r->f[1].type, DY_JSON_REAL);
    done(r);
    /* two characters starting with '-' are not all "-0" (found by the fuzzer) */
    r = scan("{\"id\":-1\t\n }");
    cr_assert_eq(r->st, DY_JSON_OK);
    cr_expect_str_eq(r->id.s, "-1");
    done(r);
}

/* Nesting as deep as allowed is read; one more level is refused at its
 * bracket, without recursion (a million levels cost no stack). */
Test(json_scan, depth)
{
    /* arrays: "{"a":" then levels-1 '[' then the same ']' then '}' */
    for (size_t levels = DY_JSON_MAX_DEPTH - 1; levels <= DY_JSON_MAX_DEPTH + 1; levels++) {
        size_t n = 2 * levels + 8;
        char *s = malloc(n);
        cr_assert_not_null(s);
        size_t k = 0;
        memcpy(s, "{\"a\":", 5), k = 5;
        for (size_t i = 1; i < levels; i++)
            s[k++] = '[';
        for (size_t i = 1; i < levels; i++)
            s[k++] = ']';
        s[k++] = '}';
        scanned *r = scan_n(s, k);
        if (levels <= DY_JSON_MAX_DEPTH) {
            cr_expect_eq(r->st, DY_JSON_OK, "%zu levels", levels);
        } else {
            cr_expect_eq(r->st, DY_JSON_BAD, "%zu levels", levels);
            cr_expect_eq(r->e.kind, DY_JSON_E_DEPTH);
            cr_expect_eq(r->e.offset, 5 + DY_JSON_MAX_DEPTH - 1, "the bracket past the limit");
        }
        done(r);
        free(s);
    }
    /* a million levels of objects and arrays, mixed, never closed */
    size_t levels = 1000000, k = 0;
    char *s = malloc(6 * levels);
    cr_assert_not_null(s);
    for (size_t i = 0; i < levels; i++) {
        if (i % 2)
            s[k++] = '[';
        else
            memcpy(s + k, "{\"a\":", 5), k += 5;
    }
    scanned *r = scan_n(s, k);
    cr_expect_eq(r->st, DY_JSON_BAD);
    cr_expect_eq(r->e.kind, DY_JSON_E_DEPTH);
    done(r);
    /* a top-level array counts as a level too */
    k = 0;
    for (size_t i = 0; i <= DY_JSON_MAX_DEPTH; i++)
        s[k++] = '[';
    r = scan_n(s, k);
    cr_expect_eq(r->e.kind, DY_JSON_E_DEPTH);
    cr_expect_eq(r->e.offset, DY_JSON_MAX_DEPTH);
    done(r);
    /* the close must match what was opened, at every depth */
    r = scan("{\"a\":[{\"b\":[[{}]]}],\"c\":{\"d\":[1,{\"e\":[]}]}}");
    cr_expect_eq(r->st, DY_JSON_OK);
    done(r);
    bad("{\"a\":[{\"b\":[[{}]]]]}", DY_JSON_E_OBJECT_NEXT, 17);
    free(s);
}

Test(json_scan, duplicates_last_wins)
{
    scanned *r = scan("{\"id\":\"a\",\"id\":\"b\"}");
    cr_assert_eq(r->st, DY_JSON_OK);
    cr_expect_str_eq(r->id.s, "b");
    done(r);
    r = scan("{\"id\":\"a\",\"id\":[1]}");
    cr_assert_eq(r->st, DY_JSON_OK);
    cr_expect_eq(r->f[0].type, DY_JSON_ARRAY);
    cr_expect_eq(r->id.len, 0, "the string read first is gone");
    done(r);
    r = scan("{\"id\":null,\"id\":7}");
    cr_expect_eq(r->f[0].type, DY_JSON_INTEGER);
    cr_expect_str_eq(r->id.s, "7");
    done(r);
}

Test(json_scan, fields_sharing_a_name)
{
    dy_strbuf a, b, key;
    dy_strbuf_init(&a);
    dy_strbuf_init(&b);
    dy_strbuf_init(&key);
    dy_json_field f[2] = {{.name = "url", .out = &a}, {.name = "url", .out = &b}};
    dy_json_error e;
    const char *s = "{\"url\":\"https://example.org/a\\u00e9\"}";
    cr_assert_eq(dy_json_scan(s, strlen(s), f, 2, &key, &e), DY_JSON_OK);
    cr_expect_str_eq(a.s, "https://example.org/a\xc3\xa9");
    cr_expect_str_eq(b.s, "https://example.org/a\xc3\xa9");
    cr_expect_eq(f[1].type, DY_JSON_STRING);
    cr_expect_eq(f[1].start, f[0].start);
    dy_strbuf_free(&a);
    dy_strbuf_free(&b);
    dy_strbuf_free(&key);
}

Test(json_scan, escaped_names)
{
    scanned *r = scan("{\"\\u0069d\":\"x\",\"te\\u0078t\":\"y\",\"\\\"\":1}");
    cr_assert_eq(r->st, DY_JSON_OK);
    cr_expect_str_eq(r->id.s, "x");
    cr_expect_str_eq(r->text.s, "y");
    done(r);
    r = scan("{\"id\\u0000\":\"x\",\"i\":1,\"idd\":2}");   /* none of them is "id" */
    cr_assert_eq(r->st, DY_JSON_OK);
    cr_expect_eq(r->f[0].type, DY_JSON_ABSENT);
    done(r);
}

Test(json_scan, not_an_object)
{
    static const char *const values[] = {"[]", " [1, \"a\", {\"b\": null}] ", "\"abc\"", "42",
                                         "-1.5", "true", "false", "null"};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        scanned *r = scan(values[i]);
        cr_expect_eq(r->st, DY_JSON_NOT_OBJECT, "%s", values[i]);
        done(r);
    }
    bad("[1,]", DY_JSON_E_VALUE, 3);
    bad("\"a", DY_JSON_E_STRING_END, 2);
    bad("01", DY_JSON_E_NUMBER, 0);
    bad("true false", DY_JSON_E_TRAILING, 5);
}

static void message(const char *s, const char *want, size_t column)
{
    scanned *r = scan(s);
    char buf[200];
    cr_assert_eq(r->st, DY_JSON_BAD, "%s", s);
    dy_json_describe(&r->e, s, strlen(s), buf, sizeof buf);
    cr_expect_str_eq(buf, want);
    cr_expect_eq(dy_json_column(s, r->e.offset), column, "%s: column %zu", s,
                 dy_json_column(s, r->e.offset));
    done(r);
}

Test(json_scan, messages)
{
    message("this is not JSON", "'{' expected, found 'this'", 1);
    message("{\"id\":\"g2\" \"text\":\"x\"}", "',' or '}' expected, found '\"text\"'", 12);
    message("{\"id\":\"g2\"", "',' or '}' expected, found end of line", 11);
    message("{\"id\":\"a very long string that goes on\" 1}",
            "',' or '}' expected, found '1'", 41);
    message("{\"a\":1 \"a very long string that goes on\"}",
            "',' or '}' expected, found '\"a very long string ...'", 8);
    message("{\"a\":[1 abcdefghijklmnopqrstuvwxyz]}",
            "',' or ']' expected, found 'abcdefghijklmnopqrst...'", 9);
    message("{\"a\":}", "a value expected, found '}'", 6);
    message("{\"a\" 1}", "':' expected, found '1'", 6);
    message("{1:2}", "a member name expected, found '1'", 2);
    message("{\"\xc3\xa9t\xc3\xa9\":\xc3\xa9}", "a value expected, found '\xc3\xa9'", 8);
    message("{\"a\":\"x\ty\"}", "control character U+0009 in a string (write it as an escape)",
            8);
    message("{\"a\":\"\\q\"}", "invalid escape '\\q'", 7);
    message("{\"a\":\"\\u12G4\"}", "invalid escape '\\u12G4'", 7);
    message("{\"a\":\"\\uD800\\u0041\"}", "unpaired UTF-16 surrogate '\\uD800\\u0041'", 7);
    message("{\"a\":\"\\uDC00\"}", "unpaired UTF-16 surrogate '\\uDC00'", 7);
    message("{\"a\":01}", "invalid number '01'", 6);
    message("{\"a\":\"abc", "end of line inside a string", 10);
    message("{} \x01", "end of line expected after the object, found control character U+0001",
            4);
}

Test(json_scan, ascii)
{
    char buf[64];
    dy_json_ascii("\"2026-02-30\"", 12, buf, sizeof buf);
    cr_expect_str_eq(buf, "\"2026-02-30\"");
    dy_json_ascii("\"d\xc3\xa9j\xc3\xa0 \xe2\x82\xac \xf0\x9f\x98\x80\"", 17, buf, sizeof buf);
    cr_expect_str_eq(buf, "\"d\\u00E9j\\u00E0 \\u20AC \\uD83D\\uDE00\"");
    dy_json_ascii("\xe2\x82\xac\xe2\x82\xac", 6, buf, 10);   /* cut between escapes */
    cr_expect_str_eq(buf, "\\u20AC");
    cr_expect_eq(dy_json_column("\xc3\xa9\xe2\x82\xac" "ab", 5), 3);
}
