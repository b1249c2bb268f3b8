/* writer.c — event writers: choosing the format, writing each built line to
 * the stream, and reporting write errors (a full disk must not pass silently). */
#include "io/writer.h"

#include <errno.h>
#include <string.h>

#include "base/error.h"
#include "event/event_id.h"

dy_out_format dy_out_format_parse(const char *name)
{
    static const struct { const char *name; dy_out_format fmt; } formats[] = {
        {"tsv", DY_OUT_TSV}, {"jsonl", DY_OUT_JSONL}, {"csv", DY_OUT_CSV},
        {"petrarch", DY_OUT_PETRARCH}, {"tabari", DY_OUT_TABARI}, {"gdelt", DY_OUT_GDELT},
    };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (!strcmp(name, formats[i].name))
            return formats[i].fmt;
    return DY_OUT_NONE;
}

const char *dy_out_format_list(void)
{
    return "tsv, csv, jsonl, petrarch, tabari or gdelt";
}

const char *dy_date_origin_name(dyad_date_origin o)
{
    switch (o) {
    case DYAD_DATE_SENTENCE: return "sentence";
    case DYAD_DATE_SHIFT: return "shift";
    default: return "story";
    }
}

const char *dy_event_date_origin(const dyad_event *ev)
{
    return ev->date ? dy_date_origin_name(ev->date_origin) : NULL;
}

const char *dy_precision_name(dyad_place_precision p)
{
    switch (p) {
    case DYAD_PLACE_COUNTRY: return "country";
    case DYAD_PLACE_REGION: return "region";
    case DYAD_PLACE_CITY: return "city";
    default: return "";
    }
}

void dy_writer_init(dy_writer *w, FILE *f, const char *name, dy_out_format fmt)
{
    memset(w, 0, sizeof *w);
    w->f = f;
    w->name = name;
    w->fmt = fmt;
    w->opt.tabari_label = 1;
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

void dy_format_header(dy_strbuf *b, dy_out_format fmt)
{
    if (fmt == DY_OUT_TSV)
        dy_tsv_header(b);
    else if (fmt == DY_OUT_CSV)
        dy_csv_header(b);
    else if (fmt == DY_OUT_GDELT)
        dy_gdelt_header(b);
}

static void header(dy_writer *w)
{
    if (w->header_done)
        return;
    w->header_done = 1;
    dy_format_header(&w->line, w->fmt);
}

void dy_format_event(dy_strbuf *b, dy_out_format fmt, const dy_out_options *opt,
                     const dyad_story *story, const dyad_event *ev, const dy_event_extra *x)
{
    dy_out_event o;
    o.story = story;
    o.ev = ev;
    o.opt = opt;
    o.event_id = dy_event_id(story->id, ev);
    memset(&o.x, 0, sizeof o.x);
    if (x)
        o.x = *x;
    if (o.x.mentions < 1)
        o.x.mentions = 1;
    if (!o.x.sentence_ids)
        o.x.sentence_ids = "";
    if (!o.x.story_ids)
        o.x.story_ids = "";
    switch (fmt) {
    case DY_OUT_TSV: dy_tsv_event(b, &o); break;
    case DY_OUT_CSV: dy_csv_event(b, &o); break;
    case DY_OUT_PETRARCH: dy_petrarch_event(b, &o); break;
    case DY_OUT_TABARI: dy_tabari_event(b, &o); break;
    case DY_OUT_GDELT: dy_gdelt_event(b, &o); break;
    default: dy_jsonl_event(b, &o); break;
    }
}

dyad_status dy_writer_event_ex(dy_writer *w, const dyad_story *story, const dyad_event *ev,
                               const dy_event_extra *x, dyad_error *err)
{
    dy_strbuf_clear(&w->line);
    header(w);
    dy_format_event(&w->line, w->fmt, &w->opt, story, ev, x);
    dyad_status st = flush_line(w, err);
    if (st == DYAD_OK)
        w->events++;
    return st;
}

dyad_status dy_writer_lines(dy_writer *w, const char *text, size_t len, long n,
                            dyad_error *err)
{
    dy_strbuf_clear(&w->line);
    header(w);
    dyad_status st = flush_line(w, err);
    if (st != DYAD_OK)
        return st;
    if (len && fwrite(text, 1, len, w->f) != len)
        return dy_error_set(err, DYAD_ERR_IO, w->name, 0, "write error: %s", strerror(errno));
    w->events += n;
    return DYAD_OK;
}

dyad_status dy_writer_event(dy_writer *w, const dyad_story *story, const dyad_event *ev,
                            dyad_error *err)
{
    return dy_writer_event_ex(w, story, ev, NULL, err);
}

dyad_status dy_writer_finish(dy_writer *w, dyad_error *err)
{
    dy_strbuf_clear(&w->line);
    header(w);
    dyad_status st = flush_line(w, err);
    if (st != DYAD_OK)
        return st;
    if (fflush(w->f) != 0 || ferror(w->f))
        return dy_error_set(err, DYAD_ERR_IO, w->name, 0, "write error: %s", strerror(errno));
    return DYAD_OK;
}
