/* read_text.c — the text input format: the whole stream is one story whose
 * id is the file name and whose date comes from the caller (--date). */
#include <errno.h>
#include <string.h>

#include "base/error.h"
#include "base/file.h"
#include "io/reader.h"

dyad_status dy_read_text(dy_reader *r, dyad_story *story, int *got, dyad_error *err)
{
    char chunk[1 << 14];
    long n;
    r->done = 1;
    dy_strbuf_clear(&r->text);
    /* Bytes as they are, so offsets in the output point into the file;
     * through the line reader, which may hold the first ones (sniffing). */
    while ((n = dy_linereader_read_bytes(&r->lr, chunk, sizeof chunk, "")) > 0) {
        if (r->text.len + (size_t)n > (size_t)DYAD_MAX_STORY_BYTES) {   /* bounded memory */
            r->bad.id = r->name;
            return dy_error_set(err, DYAD_ERR_LIMIT, r->name, 0,
                                "story is longer than the limit of %ld bytes",
                                (long)DYAD_MAX_STORY_BYTES);
        }
        dy_strbuf_add(&r->text, chunk, (size_t)n);
    }
    if (n == DY_READ_CANCELLED) {   /* asked to stop: the story is not whole */
        r->cancelled = 1;
        return DYAD_OK;
    }
    if (n < 0)
        return dy_error_set(err, DYAD_ERR_IO, r->name, 0, "read error: %s",
                            strerror(errno ? errno : EIO));
    if (r->text.failed)
        return dy_error_set(err, DYAD_ERR_NOMEM, r->name, 0, "out of memory");
    size_t bom = dy_bom_len(r->text.s, r->text.len);
    story->id = r->name;
    story->date = r->date;
    story->text = r->text.s ? r->text.s + bom : "";
    story->text_len = r->text.len - bom;
    if (!r->date && !r->date_optional) {
        r->skip = DY_SKIP_NO_DATE;
        r->bad = *story;
        return dy_error_set(err, DYAD_ERR_PARSE, r->name, 0,
                            "no date for a text story (use --date YYYY-MM-DD)");
    }
    *got = 1;
    return DYAD_OK;
}
