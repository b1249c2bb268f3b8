/* json_scan.h — a streaming check of one JSON text (a JSON Lines line) that
 * decodes only the top-level members a caller names: no tree, no allocation
 * beyond the caller's reused buffers, no recursion. */
#ifndef DY_JSON_SCAN_H
#define DY_JSON_SCAN_H

#include <stddef.h>

#include "base/strbuf.h"

/* Containers nested deeper than this are refused (jansson's limit, so that
 * hostile input costs a fixed 256-byte stack). */
#define DY_JSON_MAX_DEPTH 2048

typedef enum dy_json_type {
    DY_JSON_ABSENT = 0,
    DY_JSON_STRING,
    DY_JSON_INTEGER,   /* a number without fraction or exponent, any size */
    DY_JSON_REAL,
    DY_JSON_TRUE,
    DY_JSON_FALSE,
    DY_JSON_NULL,
    DY_JSON_OBJECT,
    DY_JSON_ARRAY
} dy_json_type;

/* A top-level member the caller wants (at most 16 a scan). When a name
 * occurs more than once in an object the last one wins (as with jansson);
 * two fields may share a name. */
typedef struct dy_json_field {
    const char *name;   /* NUL-terminated; set by the caller */
    dy_strbuf *out;     /* set by the caller; gets a string member decoded, an
                         * integer as written ("-0" as "0"); cleared otherwise */
    dy_json_type type;  /* what the member was, DY_JSON_ABSENT when missing */
    size_t start, end;  /* its value's bytes in the text */
} dy_json_field;

typedef enum dy_json_status {
    DY_JSON_OK = 0,         /* an object; the fields are filled */
    DY_JSON_NOT_OBJECT,     /* valid JSON, but not an object */
    DY_JSON_BAD,            /* not valid JSON: see the dy_json_error */
    DY_JSON_NOMEM           /* a buffer could not grow */
} dy_json_status;

/* Why a text is not JSON (RFC 8259). */
typedef enum dy_json_err {
    DY_JSON_E_NONE = 0,
    DY_JSON_E_OPEN,         /* the text does not start with a value */
    DY_JSON_E_VALUE,        /* a value expected */
    DY_JSON_E_NAME,         /* a member name (a string) expected */
    DY_JSON_E_COLON,        /* ':' expected after a member name */
    DY_JSON_E_OBJECT_NEXT,  /* ',' or '}' expected */
    DY_JSON_E_ARRAY_NEXT,   /* ',' or ']' expected */
    DY_JSON_E_TRAILING,     /* something after the value */
    DY_JSON_E_NUMBER,       /* a number against the grammar (01, 1., -, 1e) */
    DY_JSON_E_STRING_END,   /* the text ends inside a string */
    DY_JSON_E_CONTROL,      /* a raw control character (below U+0020) in a string */
    DY_JSON_E_ESCAPE,       /* \x, or \u without four hex digits */
    DY_JSON_E_SURROGATE,    /* a \u escape of a lone or reversed UTF-16 surrogate */
    DY_JSON_E_DEPTH         /* nested deeper than DY_JSON_MAX_DEPTH */
} dy_json_err;

typedef struct dy_json_error {
    dy_json_err kind;
    size_t offset;          /* of the byte at fault; the text's length at its end */
} dy_json_error;

/* Checks that p[0, n) is one JSON value (white space around it allowed) and,
 * when it is an object, fills each of the nf fields from its top-level
 * members. Strings are decoded (RFC 8259 escapes, surrogate pairs to one
 * code point; \u0000 is kept as a NUL byte); p must be valid UTF-8 (bytes of
 * 0x80 and above are passed on unchecked). key is scratch for member names
 * holding escapes. On DY_JSON_BAD *e says why and where, and the fields
 * hold whatever had been read: ignore them. */
dy_json_status dy_json_scan(const char *p, size_t n, dy_json_field *fields, size_t nf,
                            dy_strbuf *key, dy_json_error *e);

/* The error's words (io/json_message.c): "',' or '}' expected, found end
 * of line" and the like: what is wrong at
 * e->offset in p[0, n), into buf (always NUL-terminated, valid UTF-8). */
void dy_json_describe(const dy_json_error *e, const char *p, size_t n, char *buf, size_t size);

/* 1 + the characters (UTF-8 sequences) before offset: where an editor puts
 * the byte at offset. */
size_t dy_json_column(const char *p, size_t offset);

/* p[0, n) as ASCII-only JSON text, non-ASCII as \uXXXX escapes (pairs past
 * U+FFFF), into buf (NUL-terminated, cut to fit): a value as written, for a
 * message. p must be valid UTF-8. */
void dy_json_ascii(const char *p, size_t n, char *buf, size_t size);

#endif
