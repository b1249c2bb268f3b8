/* reader.c — streaming story readers: format names, detection by file name,
 * and dispatch to the format's own reader. */
#include "io/reader.h"

#include <string.h>

#include "base/error.h"
#include "io/read_petrarch.h"

dy_in_format dy_in_format_parse(const char *name)
{
    if (!strcmp(name, "text"))
        return DY_IN_TEXT;
    if (!strcmp(name, "jsonl"))
        return DY_IN_JSONL;
    if (!strcmp(name, "tabari"))
        return DY_IN_TABARI;
    if (!strcmp(name, "lines"))
        return DY_IN_LINES;
    if (!strcmp(name, "petrarch"))
        return DY_IN_PETRARCH;
    return DY_IN_AUTO;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

dy_in_format dy_in_format_detect(const char *path)
{
    if (ends_with(path, ".jsonl") || ends_with(path, ".json"))
        return DY_IN_JSONL;
    if (ends_with(path, ".text") || ends_with(path, ".tabari") || ends_with(path, ".records"))
        return DY_IN_TABARI;
    if (ends_with(path, ".xml"))
        return DY_IN_PETRARCH;
    return DY_IN_TEXT;
}

const char *dy_in_format_name(dy_in_format fmt)
{
    switch (fmt) {
    case DY_IN_TEXT: return "text";
    case DY_IN_JSONL: return "jsonl";
    case DY_IN_TABARI: return "tabari";
    case DY_IN_LINES: return "lines";
    case DY_IN_PETRARCH: return "petrarch";
    case DY_IN_AUTO: break;
    }
    return "auto";
}

void dy_reader_init(dy_reader *r, FILE *f, const char *name, dy_in_format fmt, int date)
{
    memset(r, 0, sizeof *r);
    r->fmt = fmt;
    r->name = name;
    r->date = date;
    dy_linereader_init(&r->lr, f, name);
    dy_record_reader_init(&r->rr, f, name);
    dy_strbuf_init(&r->text);
    dy_strbuf_init(&r->id);
    dy_strbuf_init(&r->source);
    dy_strbuf_init(&r->url);
}

void dy_reader_free(dy_reader *r)
{
    dy_linereader_free(&r->lr);
    dy_record_reader_free(&r->rr);
    dy_strbuf_free(&r->text);
    dy_strbuf_free(&r->id);
    dy_strbuf_free(&r->source);
    dy_strbuf_free(&r->url);
    dy_petr_in_free(r->petr);
    r->petr = NULL;
}

dyad_status dy_reader_next(dy_reader *r, dyad_story *story, int *got, dyad_error *err)
{
    memset(story, 0, sizeof *story);
    *got = 0;
    if (r->done)
        return DYAD_OK;
    switch (r->fmt) {
    case DY_IN_TEXT: return dy_read_text(r, story, got, err);
    case DY_IN_LINES: return dy_read_lines(r, story, got, err);
    case DY_IN_JSONL: return dy_read_jsonl(r, story, got, err);
    case DY_IN_TABARI: return dy_read_tabari(r, story, got, err);
    case DY_IN_PETRARCH: return dy_read_petrarch(r, story, got, err);
    case DY_IN_AUTO: break;
    }
    return dy_error_set(err, DYAD_ERR_ARG, r->name, 0, "no input format");
}
