/* rejects.c — writing one skipped input item as a JSON line, with the
 * reason, so it can be fixed and re-run (`dyad code --in jsonl`). */
#include "io/rejects.h"

#include <errno.h>
#include <jansson.h>
#include <utf8proc.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"

/* s[0..n) with each byte that is not part of valid UTF-8 written as the
 * four characters \xHH, so that a JSON string can hold it. */
static json_t *escaped(const char *s, size_t n)
{
    char *out = malloc(4 * n + 1);
    size_t o = 0;
    if (!out)
        return NULL;
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i), &cp);
        if (k > 0) {
            memcpy(out + o, s + i, (size_t)k);
            o += (size_t)k;
            i += (size_t)k;
        } else {
            static const char hex[] = "0123456789ABCDEF";
            unsigned char b = (unsigned char)s[i++];
            out[o++] = '\\';
            out[o++] = 'x';
            out[o++] = hex[b >> 4];
            out[o++] = hex[b & 15];
        }
    }
    json_t *v = json_stringn(out, o);
    free(out);
    return v;
}

/* A string member: null when absent; bytes that are not UTF-8 escaped. */
static json_t *str(const char *s, size_t n)
{
    json_t *v = s ? json_stringn(s, n) : NULL;
    if (!v && s)
        v = escaped(s, n);
    return v ? v : json_null();
}

static json_t *cstr(const char *s)
{
    return str(s, s ? strlen(s) : 0);
}

dyad_status dy_reject_write(FILE *f, const char *name, const dy_reject *rj, dyad_error *err)
{
    const dyad_story *st = rj->story;
    json_t *o = json_object();
    char where[320], date[16];
    if (!o)
        return dy_error_set(err, DYAD_ERR_NOMEM, name, 0, "out of memory");
    if (rj->line > 0)
        snprintf(where, sizeof where, "%s:%ld", rj->file ? rj->file : "", rj->line);
    else
        snprintf(where, sizeof where, "%s", rj->file ? rj->file : "");
    json_object_set_new(o, "id", cstr(st ? st->id : NULL));
    if (st && st->date > 0) {
        snprintf(date, sizeof date, "%04d-%02d-%02d", st->date / 10000, st->date / 100 % 100,
                 st->date % 100);
        json_object_set_new(o, "date", json_string(date));
    } else {
        json_object_set_new(o, "date", json_null());
    }
    json_object_set_new(o, "text", str(st ? st->text : NULL, st ? st->text_len : 0));
    json_object_set_new(o, "source", cstr(st ? st->source : NULL));
    json_object_set_new(o, "url", cstr(st ? st->url : NULL));
    json_object_set_new(o, "reason", cstr(rj->reason));
    json_object_set_new(o, "where", cstr(where));
    json_object_set_new(o, "message", cstr(rj->message));
    json_object_set_new(o, "raw", str(rj->raw, rj->raw_len));
    char *line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    if (!line)
        return dy_error_set(err, DYAD_ERR_NOMEM, name, 0, "out of memory");
    errno = 0;
    int bad = fputs(line, f) == EOF || putc('\n', f) == EOF;
    free(line);
    if (bad)
        return dy_error_set(err, DYAD_ERR_IO, name, 0, "write error: %s",
                            strerror(errno ? errno : EIO));
    return DYAD_OK;
}
