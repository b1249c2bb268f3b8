/* reader.c — streaming story readers: format names, detection by file name,
 * dispatch to the format's own reader, and the input policy common to all. */
#include "io/reader.h"

#include <string.h>

#include "base/cancel.h"
#include "base/error.h"
#include "base/file.h"
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
    if (!strcmp(name, "conllu"))
        return DY_IN_CONLLU;
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
    if (ends_with(path, ".conllu"))
        return DY_IN_CONLLU;
    if (ends_with(path, ".txt"))
        return DY_IN_TEXT;
    return DY_IN_AUTO;
}

int dy_in_format_known_suffix(const char *path)
{
    return dy_in_format_detect(path) != DY_IN_AUTO;
}

const char *dy_in_format_name(dy_in_format fmt)
{
    switch (fmt) {
    case DY_IN_TEXT: return "text";
    case DY_IN_JSONL: return "jsonl";
    case DY_IN_TABARI: return "tabari";
    case DY_IN_LINES: return "lines";
    case DY_IN_PETRARCH: return "petrarch";
    case DY_IN_CONLLU: return "conllu";
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
    r->fields.id = "id";
    r->fields.text = "text";
    r->fields.date = "date";
    dy_linereader_init(&r->lr, f, name);
    dy_record_reader_init(&r->rr, f, name);
    dy_strbuf_init(&r->text);
    dy_strbuf_init(&r->id);
    dy_strbuf_init(&r->source);
    dy_strbuf_init(&r->url);
    dy_strbuf_init(&r->clean);
    dy_strbuf_init(&r->line_buf);
    dy_strbuf_init(&r->title);
    dy_strbuf_init(&r->date_text);
    dy_strbuf_init(&r->key);
}

void dy_reader_set_cancel(dy_reader *r, const dy_cancel *c)
{
    r->cancel = c;
    r->lr.cancel = c;
    r->rr.lr.cancel = c;
}

void dy_reader_free(dy_reader *r)
{
    dy_linereader_free(&r->lr);
    dy_record_reader_free(&r->rr);
    dy_strbuf_free(&r->text);
    dy_strbuf_free(&r->id);
    dy_strbuf_free(&r->source);
    dy_strbuf_free(&r->url);
    dy_strbuf_free(&r->clean);
    dy_strbuf_free(&r->line_buf);
    dy_strbuf_free(&r->title);
    dy_strbuf_free(&r->date_text);
    dy_strbuf_free(&r->key);
    dy_petr_in_free(r->petr);
    r->petr = NULL;
}

static const char *const skip_names[DY_SKIP_COUNT] = {
    "none", "bad input", "no date", "bad date", "empty", "too long", "duplicate id",
    "coding error",
};
static const char *const skip_keys[DY_SKIP_COUNT] = {
    "none", "bad_input", "no_date", "bad_date", "empty", "too_long", "duplicate_id",
    "coding_error",
};

const char *dy_skip_name(dy_skip s)
{
    return s >= 0 && s < DY_SKIP_COUNT ? skip_names[s] : "?";
}

const char *dy_skip_key(dy_skip s)
{
    return s >= 0 && s < DY_SKIP_COUNT ? skip_keys[s] : "?";
}

dy_skip dy_skip_classify(const dyad_error *err)
{
    const char *m = err->message;
    if (err->status == DYAD_ERR_LIMIT || strstr(m, "longer than the limit"))
        return DY_SKIP_TOO_LONG;
    if (strstr(m, "has no text"))
        return DY_SKIP_EMPTY;
    if (strstr(m, "missing \"date\"") || strstr(m, "no date"))
        return DY_SKIP_NO_DATE;
    if (strstr(m, "bad \"date\"") || strstr(m, "bad date"))
        return DY_SKIP_BAD_DATE;
    return DY_SKIP_BAD_INPUT;
}

static dyad_status read_format(dy_reader *r, dyad_story *story, int *got, dyad_error *err)
{
    switch (r->fmt) {
    case DY_IN_TEXT: return dy_read_text(r, story, got, err);
    case DY_IN_LINES: return dy_read_lines(r, story, got, err);
    case DY_IN_JSONL: return dy_read_jsonl(r, story, got, err);
    case DY_IN_TABARI: return dy_read_tabari(r, story, got, err);
    case DY_IN_PETRARCH: return dy_read_petrarch(r, story, got, err);
    case DY_IN_CONLLU: return dy_read_conllu_block(r, story, got, err);
    case DY_IN_AUTO: break;
    }
    dy_sniff sn;   /* nobody looked first: the first bytes decide */
    dyad_status st = dy_reader_sniff(r, &sn, err);
    if (st != DYAD_OK)
        return st;
    return r->fmt == DY_IN_AUTO ? dy_error_set(err, DYAD_ERR_ARG, r->name, 0, "no input format")
                                : read_format(r, story, got, err);
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && (s[i] < '\t' || s[i] > '\r'))
            return 0;
    return 1;
}

dyad_status dy_reader_next(dy_reader *r, dyad_story *story, int *got, dyad_error *err)
{
    memset(story, 0, sizeof *story);
    memset(&r->bad, 0, sizeof r->bad);
    memset(&r->fixes, 0, sizeof r->fixes);
    *got = 0;
    r->skip = DY_SKIP_NONE;
    r->raw = NULL;
    r->raw_len = 0;
    r->line = 0;
    if (r->done)
        return DYAD_OK;
    if (dy_cancel_requested(r->cancel))
        r->cancelled = 1;
    if (r->cancelled) {
        r->done = 1;
        return DYAD_OK;
    }
    dyad_status st = read_format(r, story, got, err);
    /* A read the request cut short: what it gave is not whole (a PETRARCH
     * story is, its reader having stopped only while looking ahead). */
    if (r->lr.cancelled || r->rr.lr.cancelled || dy_petr_in_cancelled(r->petr))
        r->cancelled = 1;
    if (r->cancelled && (r->fmt != DY_IN_PETRARCH || st != DYAD_OK)) {
        memset(story, 0, sizeof *story);
        *got = 0;
        r->skip = DY_SKIP_NONE;
        r->done = 1;
        return DYAD_OK;
    }
    if (st == DYAD_ERR_LIMIT) {   /* a story over a limit: skipped, go on */
        r->skip = DY_SKIP_TOO_LONG;
        return DYAD_ERR_PARSE;
    }
    if (st == DYAD_ERR_PARSE && r->skip == DY_SKIP_NONE)
        r->skip = DY_SKIP_BAD_INPUT;
    if (st != DYAD_OK || !*got)
        return st;
    const int what = DY_SAN_UTF8 | DY_SAN_HTML;
    if (r->fmt != DY_IN_PETRARCH && r->fmt != DY_IN_CONLLU &&  /* most text needs no
                                                                    * repair, and no copy */
        dy_sanitize_plain(story->text, story->text_len, what) < story->text_len) {
        dy_sanitize(story->text, story->text_len, what, &r->clean, &r->fixes);
        if (r->clean.failed)
            return dy_error_set(err, DYAD_ERR_NOMEM, r->name, r->line, "out of memory");
        story->text = r->clean.s;
        story->text_len = r->clean.len;
    }
    if (is_blank(story->text, story->text_len)) {
        *got = 0;
        r->skip = DY_SKIP_EMPTY;
        r->bad = *story;
        return dy_error_set(err, DYAD_ERR_PARSE, r->name, r->line, "story %s has no text",
                            story->id);
    }
    return DYAD_OK;
}

int dy_reader_would_wait(dy_reader *r)
{
    switch (r->fmt) {
    case DY_IN_TABARI: return !dy_linereader_ready(&r->rr.lr);
    case DY_IN_PETRARCH:   /* bytes read ahead (sniffing) come first */
        return r->lr.live && r->lr.pos == r->lr.end && !dy_fd_ready(r->lr.fd);
    default: return !dy_linereader_ready(&r->lr);
    }
}
