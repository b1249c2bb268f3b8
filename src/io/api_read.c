/* api_read.c — the public face of the story readers (dyad_io.h): input
 * formats, readers and what they say about each item, stop requests, the
 * rejects file and folders given as input, over src/io's own types. */
#include <stdlib.h>
#include <string.h>

#include "base/cancel.h"
#include "base/error.h"
#include "base/file.h"
#include "dyad_io.h"
#include "io/dirwalk.h"
#include "io/reader.h"
#include "io/rejects.h"

/* The public enumerations are the internal ones, so that they convert by a cast. */
_Static_assert((int)DYAD_INPUT_CONLLU == (int)DY_IN_CONLLU && (int)DYAD_INPUT_TEXT == (int)DY_IN_TEXT &&
               (int)DYAD_INPUT_PETRARCH == (int)DY_IN_PETRARCH, "dyad_input is dy_in_format");
_Static_assert((int)DYAD_SKIP_COUNT == (int)DY_SKIP_COUNT && (int)DYAD_SKIP_CODING == (int)DY_SKIP_CODING,
               "dyad_skip is dy_skip");
_Static_assert((int)DYAD_WALK_ERROR == (int)DY_WALK_ERROR && (int)DYAD_WALK_FILE == (int)DY_WALK_FILE,
               "dyad_walk is dy_walk_kind");

struct dyad_cancel {
    dy_cancel c;
};

struct dyad_reader {
    dy_reader r;
    char *name;
    char *member[4];   /* the JSON Lines member names set (id, text, date, title) */
};

/* A dyad_item is a dy_reader seen through its item fields (line, fixes,
 * skip, bad, raw): the reader itself, or a pipeline's copy of them. The
 * struct is never defined; pointers convert back before any access. */
static const dy_reader *item_reader(const dyad_item *it)
{
    return (const dy_reader *)(const void *)it;
}

dyad_input dyad_input_parse(const char *name)
{
    return name ? (dyad_input)dy_in_format_parse(name) : DYAD_INPUT_AUTO;
}

dyad_input dyad_input_detect(const char *path)
{
    return path ? (dyad_input)dy_in_format_detect(path) : DYAD_INPUT_AUTO;
}

const char *dyad_input_name(dyad_input in)
{
    return dy_in_format_name((dy_in_format)in);
}

const char *dyad_skip_name(dyad_skip s)
{
    return dy_skip_name((dy_skip)s);
}

const char *dyad_skip_key(dyad_skip s)
{
    return dy_skip_key((dy_skip)s);
}

/* ------------------------------------------------------------- cancel */

dyad_status dyad_cancel_new(dyad_cancel **out, dyad_error *err)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return dy_error_set(err, DYAD_ERR_NOMEM, "cancel", 0, "out of memory");
    (void)dy_cancel_open(&(*out)->c);   /* without a pipe, stories are still checked */
    return DYAD_OK;
}

void dyad_cancel_free(dyad_cancel *c)
{
    if (!c)
        return;
    dy_cancel_close(&c->c);
    free(c);
}

void dyad_cancel_request(dyad_cancel *c, int why)
{
    if (c)
        dy_cancel_request(&c->c, why);
}

int dyad_cancel_requested(const dyad_cancel *c)
{
    return c ? dy_cancel_requested(&c->c) : 0;
}

/* ------------------------------------------------------------- reader */

dyad_status dyad_reader_new(FILE *f, const char *name, dyad_input in, dyad_reader **out,
                            dyad_error *err)
{
    *out = NULL;
    if (!f || (unsigned)in > DYAD_INPUT_CONLLU)
        return dy_error_set(err, DYAD_ERR_ARG, name, 0, "no stream, or no such input format");
    dyad_reader *r = calloc(1, sizeof *r);
    if (r && !(r->name = strdup(name ? name : "input"))) {
        free(r);
        r = NULL;
    }
    if (!r)
        return dy_error_set(err, DYAD_ERR_NOMEM, name, 0, "out of memory");
    dy_reader_init(&r->r, f, r->name, (dy_in_format)in, 0);
    *out = r;
    return DYAD_OK;
}

void dyad_reader_free(dyad_reader *r)
{
    if (!r)
        return;
    dy_reader_free(&r->r);
    for (int i = 0; i < 4; i++)
        free(r->member[i]);
    free(r->name);
    free(r);
}

dyad_status dyad_reader_set(dyad_reader *r, dyad_reader_option option, int value,
                            dyad_error *err)
{
    if (!r)
        return dy_error_set(err, DYAD_ERR_ARG, "reader", 0, "no reader");
    switch (option) {
    case DYAD_READER_DATE:
        r->r.date = value;
        return DYAD_OK;
    case DYAD_READER_DATE_OPTIONAL:
        r->r.date_optional = value != 0;
        return DYAD_OK;
    case DYAD_READER_FORMAT:
        if (value <= DYAD_INPUT_AUTO || value > DYAD_INPUT_CONLLU)
            break;
        r->r.fmt = (dy_in_format)value;
        return DYAD_OK;
    }
    return dy_error_set(err, DYAD_ERR_ARG, r->name, 0, "no such reader option (%d) or value (%d)",
                        (int)option, value);
}

dyad_status dyad_reader_set_member(dyad_reader *r, dyad_jsonl_member member, const char *name,
                                   dyad_error *err)
{
    if (!r || member < DYAD_JSONL_ID || member > DYAD_JSONL_TITLE ||
        (member != DYAD_JSONL_TITLE && (!name || !*name)))
        return dy_error_set(err, DYAD_ERR_ARG, r ? r->name : "reader", 0,
                            "no reader, no such member (%d), or no name", (int)member);
    char *copy = name && *name ? strdup(name) : NULL;
    if (name && *name && !copy)
        return dy_error_set(err, DYAD_ERR_NOMEM, r->name, 0, "out of memory");
    int k = (int)member - 1;
    free(r->member[k]);
    r->member[k] = copy;
    const char **slot[] = {&r->r.fields.id, &r->r.fields.text, &r->r.fields.date,
                           &r->r.fields.title};
    *slot[k] = copy;
    return DYAD_OK;
}

void dyad_reader_set_cancel(dyad_reader *r, const dyad_cancel *c)
{
    if (r)
        dy_reader_set_cancel(&r->r, c ? &c->c : NULL);
}

dyad_status dyad_reader_sniff(dyad_reader *r, char *why, size_t why_size, dyad_error *err)
{
    dy_sniff sn;
    dyad_status st = dy_reader_sniff(&r->r, &sn, err);
    if (st == DYAD_OK && why && why_size)
        dy_sniff_describe(&sn, why, why_size);
    return st;
}

dyad_input dyad_reader_format(const dyad_reader *r)
{
    return (dyad_input)r->r.fmt;
}

const char *dyad_reader_name(const dyad_reader *r)
{
    return r->r.name;
}

int dyad_reader_cancelled(const dyad_reader *r)
{
    return r->r.cancelled || r->r.lr.cancelled;
}

dyad_status dyad_reader_next(dyad_reader *r, dyad_story *story, int *got, dyad_error *err)
{
    return dy_reader_next(&r->r, story, got, err);
}

/* dy_reader for the pipeline, which reads with the internal functions. */
dy_reader *dy_reader_of(dyad_reader *r)
{
    return &r->r;
}

const dyad_item *dyad_reader_item(const dyad_reader *r)
{
    return (const dyad_item *)(const void *)&r->r;
}

/* --------------------------------------------------------------- item */

long dyad_item_line(const dyad_item *it)
{
    return it ? item_reader(it)->line : 0;
}

long dyad_item_repairs(const dyad_item *it, dyad_repair what)
{
    if (!it)
        return 0;
    const dy_fixes *fx = &item_reader(it)->fixes;
    switch (what) {
    case DYAD_REPAIR_BAD_UTF8: return fx->bad_utf8;
    case DYAD_REPAIR_NUL: return fx->nuls;
    case DYAD_REPAIR_HTML_TAG: return fx->tags;
    case DYAD_REPAIR_HTML_ENTITY: return fx->entities;
    }
    return 0;
}

dyad_skip dyad_item_skip(const dyad_item *it)
{
    return it ? (dyad_skip)item_reader(it)->skip : DYAD_SKIP_NONE;
}

const dyad_story *dyad_item_story(const dyad_item *it)
{
    return it ? &item_reader(it)->bad : NULL;
}

const char *dyad_item_raw(const dyad_item *it, size_t *len)
{
    const dy_reader *r = it ? item_reader(it) : NULL;
    if (len)
        *len = r && r->raw ? r->raw_len : 0;
    return r ? r->raw : NULL;
}

dyad_status dyad_reject_write(FILE *f, const char *name, const dyad_story *story, const char *raw,
                              size_t raw_len, dyad_skip why, const dyad_error *e, dyad_error *err)
{
    dy_reject rj = {0};
    rj.story = story;
    rj.raw = raw;
    rj.raw_len = raw ? raw_len : 0;
    rj.reason = dy_skip_key((dy_skip)why);
    rj.file = e ? e->where : NULL;
    rj.line = e ? e->line : 0;
    rj.message = e ? e->message : NULL;
    return dy_reject_write(f, name, &rj, err);
}

dyad_status dyad_write_file(const char *path, const void *data, size_t len, dyad_error *err)
{
    return dy_write_file_atomic(path, data, len, err);
}

/* ------------------------------------------------------------ folders */

struct dyad_dirwalk {
    dy_dirwalk *w;
};

dyad_status dyad_dirwalk_open(const char *path, int recursive, dyad_dirwalk **out,
                              dyad_error *err)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
    dyad_status st = dy_dirwalk_open(path, recursive, &(*out)->w, err);
    if (st != DYAD_OK) {
        free(*out);
        *out = NULL;
    }
    return st;
}

dyad_walk dyad_dirwalk_next(dyad_dirwalk *w, const char **path, dyad_error *err)
{
    return (dyad_walk)dy_dirwalk_next(w->w, path, err);
}

void dyad_dirwalk_free(dyad_dirwalk *w)
{
    if (!w)
        return;
    dy_dirwalk_free(w->w);
    free(w);
}
