/* formatter.c — the public face of the event writers (dyad_formatter): a
 * story's result in, the lines `dyad code` would write out, for programs
 * and bindings that write events their own way. */
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "event/dedup.h"
#include "io/writer.h"

struct dyad_formatter {
    dy_out_format fmt;
    dy_out_options opt;
    dy_story_dedup dd;
    dy_strbuf text;
    dy_strbuf header;
};

/* The public formats and the writer's (whose table has the names). */
static const struct {
    dyad_format format;
    dy_out_format out;
} formats[] = {
    {DYAD_FORMAT_TSV, DY_OUT_TSV},           {DYAD_FORMAT_JSONL, DY_OUT_JSONL},
    {DYAD_FORMAT_CSV, DY_OUT_CSV},           {DYAD_FORMAT_PETRARCH, DY_OUT_PETRARCH},
    {DYAD_FORMAT_TABARI, DY_OUT_TABARI},     {DYAD_FORMAT_GDELT, DY_OUT_GDELT},
};
#define N_FORMATS (sizeof formats / sizeof formats[0])

dyad_status dyad_format_parse(const char *name, dyad_format *out, dyad_error *err)
{
    dy_out_format fmt = name ? dy_out_format_parse(name) : DY_OUT_NONE;
    for (size_t i = 0; fmt != DY_OUT_NONE && i < N_FORMATS; i++)
        if (formats[i].out == fmt) {
            *out = formats[i].format;
            return DYAD_OK;
        }
    return dy_error_set(err, DYAD_ERR_ARG, "format", 0, "unknown format \"%.40s\" (%s)",
                        name ? name : "", dy_out_format_list());
}

dyad_status dyad_formatter_new(dyad_format format, dyad_formatter **out, dyad_error *err)
{
    *out = NULL;
    dy_out_format fmt = DY_OUT_NONE;
    for (size_t i = 0; i < N_FORMATS; i++)
        if (formats[i].format == format)
            fmt = formats[i].out;
    if (fmt == DY_OUT_NONE)
        return dy_error_set(err, DYAD_ERR_ARG, "format", 0, "no such format (%d)", (int)format);
    dyad_formatter *f = calloc(1, sizeof *f);
    if (!f)
        return dy_error_set(err, DYAD_ERR_NOMEM, "format", 0, "out of memory");
    f->fmt = fmt;
    f->opt.tabari_label = 1;   /* as dy_writer_init */
    dy_story_dedup_init(&f->dd);
    dy_strbuf_init(&f->text);
    dy_strbuf_init(&f->header);
    *out = f;
    return DYAD_OK;
}

dyad_status dyad_formatter_set(dyad_formatter *f, dyad_format_option option, int value,
                               dyad_error *err)
{
    if (!f)
        return dy_error_set(err, DYAD_ERR_ARG, "format", 0, "no formatter");
    switch (option) {
    case DYAD_FORMAT_QUAD_PHOENIX:
        f->opt.quad_phoenix = value != 0;
        return DYAD_OK;
    case DYAD_FORMAT_WITH_TEXT:   /* what --text sets */
        f->opt.petrarch_text = f->opt.tabari_text = f->opt.tabari_id = value != 0;
        return DYAD_OK;
    }
    return dy_error_set(err, DYAD_ERR_ARG, "format", 0, "no such option (%d)", (int)option);
}

void dyad_formatter_free(dyad_formatter *f)
{
    if (!f)
        return;
    dy_story_dedup_free(&f->dd);
    dy_strbuf_free(&f->text);
    dy_strbuf_free(&f->header);
    free(f);
}

const char *dyad_formatter_header(dyad_formatter *f)
{
    dy_strbuf_clear(&f->header);
    dy_format_header(&f->header, f->fmt);
    return f->header.s && !f->header.failed ? f->header.s : "";
}

dyad_status dyad_format_story(dyad_formatter *f, const dyad_story *story,
                              const dyad_result *result, const char **text, size_t *len,
                              size_t *lines, dyad_error *err)
{
    *text = "";
    *len = 0;
    *lines = 0;
    if (!f || !story || !story->id || !result)
        return dy_error_set(err, DYAD_ERR_ARG, "format", 0, "no formatter, story or result");
    dy_strbuf_clear(&f->text);
    long n = 0;
    if (dy_format_story(&f->text, f->fmt, &f->opt, &f->dd, story, result, &n) != DYAD_OK)
        return dy_error_set(err, DYAD_ERR_NOMEM, story->id, 0, "out of memory");
    if (f->text.s) {
        *text = f->text.s;
        *len = f->text.len;
    }
    *lines = (size_t)n;
    return DYAD_OK;
}

void dy_formatter_get(const dyad_formatter *f, dy_out_format *fmt, dy_out_options *opt)
{
    *fmt = f->fmt;
    *opt = f->opt;
}
