/* read_lines.c — the lines input format: each non-blank line is a story of
 * one sentence, id "FILE:LINE", date from the caller (0 when none). */
#include "base/error.h"
#include "io/reader.h"

/* The story id "FILE:LINE", without printf: this runs once per line, and
 * "FILE:" is written only once. */
static void put_id(dy_reader *r)
{
    char digits[24];
    int n = 0;
    unsigned long v = r->lr.lineno > 0 ? (unsigned long)r->lr.lineno : 0;
    do digits[sizeof digits - 1 - n++] = (char)('0' + v % 10); while ((v /= 10) && n < 23);
    if (!r->id_prefix) {
        dy_strbuf_clear(&r->id);
        dy_strbuf_adds(&r->id, r->name);
        dy_strbuf_addc(&r->id, ':');
        r->id_prefix = r->id.len;
    }
    dy_strbuf_truncate(&r->id, r->id_prefix);
    dy_strbuf_add(&r->id, digits + sizeof digits - n, (size_t)n);
}

dyad_status dy_read_lines(dy_reader *r, dyad_story *story, int *got, dyad_error *err)
{
    int rc;
    while ((rc = dy_linereader_next(&r->lr, err)) > 0) {
        if (dy_line_is_blank(r->lr.buf, r->lr.len))
            continue;
        put_id(r);
        if (r->id.failed)
            return dy_error_set(err, DYAD_ERR_NOMEM, r->name, r->lr.lineno, "out of memory");
        r->line = r->lr.lineno;
        story->id = r->id.s;
        story->date = r->date;
        story->text = r->lr.buf;
        story->text_len = r->lr.len;
        story->one_sentence = 1;
        *got = 1;
        return DYAD_OK;
    }
    if (rc == DY_LINE_TOO_LONG) {   /* that line is skipped; the next call goes on */
        r->line = r->lr.lineno;
        r->skip = DY_SKIP_TOO_LONG;
        put_id(r);
        r->bad.id = r->id.s;
        return DYAD_ERR_PARSE;
    }
    r->done = 1;
    return rc < 0 ? err->status : DYAD_OK;
}
