/* read_conllu_block.c — the conllu input format for the pipeline: one
 * sentence's lines at a time, cut at blank lines; the worker that parses
 * the story reads them with io/read_conllu.h, naming the input's lines. */
#include <string.h>

#include "base/error.h"
#include "io/reader.h"

/* "sent_id = X" in a comment line ("# sent_id = X"), or NULL. */
static const char *sent_id_of(const char *line, size_t len, size_t *n)
{
    static const char key[] = "sent_id";
    size_t i = 1;
    while (i < len && (line[i] == ' ' || line[i] == '\t'))
        i++;
    if (len - i < sizeof key - 1 || memcmp(line + i, key, sizeof key - 1) != 0)
        return NULL;
    i += sizeof key - 1;
    while (i < len && (line[i] == ' ' || line[i] == '\t'))
        i++;
    if (i >= len || line[i] != '=')
        return NULL;
    i++;
    while (i < len && (line[i] == ' ' || line[i] == '\t'))
        i++;
    size_t end = len;
    while (end > i && (line[end - 1] == ' ' || line[end - 1] == '\t'))
        end--;
    *n = end - i;
    return end > i ? line + i : NULL;
}

dyad_status dy_read_conllu_block(dy_reader *r, dyad_story *story, int *got, dyad_error *err)
{
    dy_strbuf_clear(&r->text);
    dy_strbuf_clear(&r->id);
    long first = 0;
    int too_long = 0, rc;
    while ((rc = dy_linereader_next(&r->lr, err)) != 0) {
        if (rc == DY_LINE_TOO_LONG) {   /* the sentence is lost with its line */
            too_long = 1;
            if (!first)
                first = r->lr.lineno;
            continue;
        }
        if (rc < 0) {
            r->done = 1;
            return err->status;
        }
        if (dy_line_is_blank(r->lr.buf, r->lr.len)) {
            if (first)
                break;
            continue;
        }
        if (!first)
            first = r->lr.lineno;
        size_t n;
        const char *id = r->lr.buf[0] == '#' ? sent_id_of(r->lr.buf, r->lr.len, &n) : NULL;
        if (id && !r->id.len)
            dy_strbuf_add(&r->id, id, n);
        if (r->text.len + r->lr.len + 1 > (size_t)DYAD_MAX_STORY_BYTES)
            too_long = 1;
        if (!too_long) {
            dy_strbuf_add(&r->text, r->lr.buf, r->lr.len);
            dy_strbuf_addc(&r->text, '\n');
        }
    }
    if (!first) {
        r->done = 1;
        return DYAD_OK;
    }
    r->line = first;
    if (!r->id.len)
        dy_strbuf_printf(&r->id, "%s:%ld", r->name, first);
    if (r->text.failed || r->id.failed)
        return dy_error_set(err, DYAD_ERR_NOMEM, r->name, first, "out of memory");
    story->id = r->id.s;
    story->date = r->date;
    story->text = r->text.s ? r->text.s : "";
    story->text_len = r->text.len;
    story->one_sentence = 1;
    if (too_long) {
        r->skip = DY_SKIP_TOO_LONG;
        r->bad.id = r->id.s;
        return dy_error_set(err, DYAD_ERR_PARSE, r->name, first,
                            "sentence longer than the limit of %ld bytes or with an overlong "
                            "line; sentence skipped", (long)DYAD_MAX_STORY_BYTES);
    }
    *got = 1;
    return DYAD_OK;
}
