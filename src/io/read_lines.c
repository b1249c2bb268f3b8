/* read_lines.c — the lines input format: each non-blank line is a story of
 * one sentence, id "FILE:LINE", date from the caller (0 when none). */
#include <stdio.h>

#include "base/error.h"
#include "io/reader.h"

dyad_status dy_read_lines(dy_reader *r, dyad_story *story, int *got, dyad_error *err)
{
    int rc;
    while ((rc = dy_linereader_next(&r->lr, err)) > 0) {
        if (dy_line_is_blank(r->lr.buf, r->lr.len))
            continue;
        dy_strbuf_clear(&r->id);
        dy_strbuf_printf(&r->id, "%s:%ld", r->name, r->lr.lineno);
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
        dy_strbuf_clear(&r->id);
        dy_strbuf_printf(&r->id, "%s:%ld", r->name, r->lr.lineno);
        r->bad.id = r->id.s;
        return DYAD_ERR_PARSE;
    }
    r->done = 1;
    return rc < 0 ? err->status : DYAD_OK;
}
