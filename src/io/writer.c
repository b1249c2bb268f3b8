/* writer.c — event writers: choosing the format, writing each built line to
 * the stream, and reporting write errors (a full disk must not pass silently). */
#include "io/writer.h"

#include <errno.h>
#include <string.h>

#include "base/error.h"

dy_out_format dy_out_format_parse(const char *name)
{
    if (!strcmp(name, "tsv"))
        return DY_OUT_TSV;
    if (!strcmp(name, "jsonl"))
        return DY_OUT_JSONL;
    return DY_OUT_NONE;
}

void dy_writer_init(dy_writer *w, FILE *f, const char *name, dy_out_format fmt)
{
    memset(w, 0, sizeof *w);
    w->f = f;
    w->name = name;
    w->fmt = fmt;
    dy_strbuf_init(&w->line);
}

void dy_writer_free(dy_writer *w)
{
    dy_strbuf_free(&w->line);
}

static dyad_status flush_line(dy_writer *w, dyad_error *err)
{
    if (w->line.failed)
        return dy_error_set(err, DYAD_ERR_NOMEM, w->name, 0, "out of memory");
    if (w->line.len && fwrite(w->line.s, 1, w->line.len, w->f) != w->line.len)
        return dy_error_set(err, DYAD_ERR_IO, w->name, 0, "write error: %s", strerror(errno));
    dy_strbuf_clear(&w->line);
    return DYAD_OK;
}

dyad_status dy_writer_event(dy_writer *w, const dyad_story *story, const dyad_event *ev,
                            dyad_error *err)
{
    dy_strbuf_clear(&w->line);
    if (w->fmt == DY_OUT_TSV) {
        if (!w->header_done)
            dy_tsv_header(&w->line);
        w->header_done = 1;
        dy_tsv_event(&w->line, story, ev);
    } else {
        dy_jsonl_event(&w->line, story, ev);
    }
    dyad_status st = flush_line(w, err);
    if (st == DYAD_OK)
        w->events++;
    return st;
}

dyad_status dy_writer_finish(dy_writer *w, dyad_error *err)
{
    dy_strbuf_clear(&w->line);
    if (w->fmt == DY_OUT_TSV && !w->header_done) {
        dy_tsv_header(&w->line);
        w->header_done = 1;
        dyad_status st = flush_line(w, err);
        if (st != DYAD_OK)
            return st;
    }
    if (fflush(w->f) != 0 || ferror(w->f))
        return dy_error_set(err, DYAD_ERR_IO, w->name, 0, "write error: %s", strerror(errno));
    return DYAD_OK;
}
