/* read_petrarch.c — the petrarch input format: PETRARCH XML read as a stream;
 * consecutive <Sentence>s of one story (id before the last '_') form one story. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "base/error.h"
#include "base/vec.h"
#include "io/reader.h"
#include "io/read_petrarch.h"

/* One <Sentence> as read. */
typedef struct sent {
    dy_strbuf id, source, text, parse, date_s, tmp;
    int date;
    long line;
} sent;

struct dy_petr_in {
    xmlTextReaderPtr xr;
    dy_xml_errors xerr;
    int xerr_seen;           /* xerr.count already reported */
    int eof;
    int positioned;          /* xmlTextReaderNext already moved to the next node */
    int have_next;           /* `next` holds the first sentence of the next story */
    sent next;
    dy_strbuf ids, parses;   /* of the story being built, NUL-separated */
    DY_VEC(dyad_presplit) pre;
    int date;                /* of the story being built */
    dyad_error deferred;     /* a bad sentence met while finishing a story */
    int have_deferred;
};

static void sent_init(sent *s)
{
    dy_strbuf_init(&s->id);
    dy_strbuf_init(&s->source);
    dy_strbuf_init(&s->text);
    dy_strbuf_init(&s->parse);
    dy_strbuf_init(&s->date_s);
    dy_strbuf_init(&s->tmp);
}

static void sent_free(sent *s)
{
    dy_strbuf_free(&s->id);
    dy_strbuf_free(&s->source);
    dy_strbuf_free(&s->text);
    dy_strbuf_free(&s->parse);
    dy_strbuf_free(&s->date_s);
    dy_strbuf_free(&s->tmp);
}

void dy_petr_in_free(struct dy_petr_in *p)
{
    if (!p)
        return;
    if (p->xr)
        xmlFreeTextReader(p->xr);
    sent_free(&p->next);
    dy_strbuf_free(&p->ids);
    dy_strbuf_free(&p->parses);
    dy_vec_free(&p->pre);
    free(p);
}

static int read_cb(void *ctx, char *buf, int len)
{
    FILE *f = ctx;
    size_t n = fread(buf, 1, (size_t)len, f);
    if (n == 0 && ferror(f))
        return -1;
    return (int)n;
}

static int close_cb(void *ctx)
{
    (void)ctx;   /* the caller owns the stream */
    return 0;
}

static dyad_status open_stream(dy_reader *r, dyad_error *err)
{
    struct dy_petr_in *p = calloc(1, sizeof *p);
    if (!p)
        return dy_error_set(err, DYAD_ERR_NOMEM, r->name, 0, "out of memory");
    sent_init(&p->next);
    dy_strbuf_init(&p->ids);
    dy_strbuf_init(&p->parses);
    r->petr = p;
    /* RECOVER: a malformed sentence costs that sentence, not the file. No
     * XML_PARSE_HUGE: libxml2's own limits refuse nested entity expansion
     * ("billion laughs"); the reader streams, so big files are still fine. */
    p->xr = xmlReaderForIO(read_cb, close_cb, r->lr.f, r->name, NULL,
                           XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                               XML_PARSE_NONET);
    if (!p->xr)
        return dy_error_set(err, DYAD_ERR_NOMEM, r->name, 0, "cannot start the XML reader");
    xmlTextReaderSetStructuredErrorHandler(p->xr, dy_xml_error_handler, &p->xerr);
    return DYAD_OK;
}

/* A new XML error at or before line `upto` (0: any line), as DYAD_ERR_PARSE;
 * else DYAD_OK. libxml2 parses ahead, so an error may belong to a later
 * sentence than the one just read: it waits for that one. */
static dyad_status xml_error(dy_reader *r, long upto, dyad_error *err)
{
    struct dy_petr_in *p = r->petr;
    if (p->xerr.count == p->xerr_seen || (upto > 0 && p->xerr.line > upto))
        return DYAD_OK;
    p->xerr_seen = p->xerr.count;
    dyad_status st = dy_error_set(err, DYAD_ERR_PARSE, r->name, p->xerr.line,
                                  "bad XML: %s", p->xerr.message);
    p->xerr.count = p->xerr_seen = 0;   /* report the next one too */
    return st;
}

/* Fills s from a <Sentence> element. 1: a sentence to code; 0: one to skip
 * (sentence="False"); DYAD_ERR_PARSE (negated): bad, err filled. */
static int take_sentence(dy_reader *r, xmlNode *n, sent *s, dyad_error *err)
{
    s->line = xmlGetLineNo(n);
    if (!dy_xml_attr(n, "id", &s->id) || s->id.len == 0) {
        dy_error_set(err, DYAD_ERR_PARSE, r->name, s->line, "<Sentence> without an id");
        return -1;
    }
    if (dy_xml_attr(n, "sentence", &s->tmp) && !dy_xml_attr_true(n, "sentence"))
        return 0;
    s->date = r->date;
    if (dy_xml_attr(n, "date", &s->date_s)) {
        s->date = dyad_parse_date(s->date_s.s, s->date_s.len);
        if (!s->date) {
            dy_error_set(err, DYAD_ERR_PARSE, r->name, s->line,
                         "sentence %s: bad date '%s' (want YYYYMMDD)", s->id.s, s->date_s.s);
            return -1;
        }
    }
    if (!s->date) {
        dy_error_set(err, DYAD_ERR_PARSE, r->name, s->line,
                     "sentence %s: no date (give date=\"YYYYMMDD\" or --date)", s->id.s);
        return -1;
    }
    xmlNode *text = dy_xml_child(n, "Text");
    if (!text) {
        dy_error_set(err, DYAD_ERR_PARSE, r->name, s->line, "sentence %s: no <Text>", s->id.s);
        return -1;
    }
    dy_xml_text(text, &s->text);
    if (!dy_xml_attr(n, "source", &s->source))
        dy_strbuf_clear(&s->source);
    dy_xml_text(dy_xml_child(n, "Parse"), &s->parse);
    if (s->id.failed || s->text.failed || s->parse.failed || s->source.failed) {
        dy_error_set(err, DYAD_ERR_NOMEM, r->name, s->line, "out of memory");
        return -2;
    }
    return 1;
}

/* The last line the element n spans (its last descendant's line). */
static long last_line(xmlNode *n)
{
    long line = xmlGetLineNo(n);
    for (xmlNode *c = n; c; c = c->last) {
        long l = xmlGetLineNo(c);
        if (l > line)
            line = l;
        if (c->type == XML_TEXT_NODE && c->content)   /* its own newlines */
            for (const xmlChar *q = c->content; *q; q++)
                line += *q == '\n' && c != n;
    }
    return line;
}

/* Reads the next codable sentence into p->next. Returns 1 on one, 0 at the
 * end, or a negated status (err filled) for a bad sentence or worse. */
static int next_sentence(dy_reader *r, dyad_error *err)
{
    struct dy_petr_in *p = r->petr;
    while (!p->eof) {
        int rc = p->positioned ? 1 : xmlTextReaderRead(p->xr);
        p->positioned = 0;
        if (rc <= 0) {
            p->eof = 1;
            if (xml_error(r, 0, err) != DYAD_OK)
                return -(int)DYAD_ERR_PARSE;
            if (rc < 0)
                return -(int)dy_error_set(err, DYAD_ERR_PARSE, r->name, 0,
                                          "unreadable XML");
            if (ferror(r->lr.f))
                return -(int)dy_error_set(err, DYAD_ERR_IO, r->name, 0, "read error: %s",
                                          strerror(errno));
            return 0;
        }
        if (xmlTextReaderNodeType(p->xr) != XML_READER_TYPE_ELEMENT ||
            strcmp((const char *)xmlTextReaderConstLocalName(p->xr), "Sentence") != 0)
            continue;
        xmlNode *n = xmlTextReaderExpand(p->xr);
        if (!n) {
            p->eof = 1;
            if (xml_error(r, 0, err) == DYAD_OK)
                dy_error_set(err, DYAD_ERR_PARSE, r->name, 0, "unreadable <Sentence>");
            return -(int)DYAD_ERR_PARSE;
        }
        int took = take_sentence(r, n, &p->next, err);
        /* a malformed sentence is reported and skipped */
        if (took >= 0 && xml_error(r, last_line(n), err) != DYAD_OK)
            took = -1;
        /* past the subtree, onto the next node: examined before reading on */
        if (xmlTextReaderNext(p->xr) == 1)
            p->positioned = 1;
        else
            p->eof = 1;
        if (took == -2)
            return -(int)DYAD_ERR_NOMEM;
        if (took < 0)
            return -(int)DYAD_ERR_PARSE;
        if (took > 0)
            return 1;
    }
    return 0;
}

/* Appends p->next to the story being built. */
static void add_sentence(dy_reader *r)
{
    struct dy_petr_in *p = r->petr;
    sent *s = &p->next;
    dyad_presplit ps;
    memset(&ps, 0, sizeof ps);
    if (r->text.len)
        dy_strbuf_addc(&r->text, ' ');
    ps.start = r->text.len;
    dy_strbuf_add(&r->text, s->text.s, s->text.len);
    ps.end = r->text.len;
    /* offsets now; pointers once the buffers stop moving (finish_story) */
    ps.parse_len = s->parse.len;
    ps.parse = (const char *)(uintptr_t)(s->parse.len ? p->parses.len + 1 : 0);
    dy_strbuf_add(&p->parses, s->parse.s, s->parse.len);
    dy_strbuf_addc(&p->parses, '\0');
    ps.id = (const char *)(uintptr_t)p->ids.len;
    dy_strbuf_add(&p->ids, s->id.s, s->id.len);
    dy_strbuf_addc(&p->ids, '\0');
    if (dy_vec_push(&p->pre, ps) != 0)
        r->text.failed = 1;
}

static dyad_status finish_story(dy_reader *r, dyad_story *story, int *got, dyad_error *err)
{
    struct dy_petr_in *p = r->petr;
    if (r->text.failed || p->ids.failed || p->parses.failed || r->id.failed)
        return dy_error_set(err, DYAD_ERR_NOMEM, r->name, 0, "out of memory");
    for (size_t i = 0; i < p->pre.n; i++) {
        dyad_presplit *ps = &p->pre.v[i];
        uintptr_t po = (uintptr_t)ps->parse, io = (uintptr_t)ps->id;
        ps->parse = po ? p->parses.s + (po - 1) : NULL;
        ps->id = p->ids.s + io;
    }
    story->id = r->id.s;
    story->date = p->date;
    story->source = r->source.len ? r->source.s : NULL;
    story->text = r->text.s ? r->text.s : "";
    story->text_len = r->text.len;
    story->presplit = p->pre.v;
    story->n_presplit = p->pre.n;
    *got = 1;
    return DYAD_OK;
}

dyad_status dy_read_petrarch(dy_reader *r, dyad_story *story, int *got, dyad_error *err)
{
    if (!r->petr) {
        dyad_status st = open_stream(r, err);
        if (st != DYAD_OK) {
            r->done = 1;
            return st;
        }
    }
    struct dy_petr_in *p = r->petr;
    if (p->have_deferred) {
        p->have_deferred = 0;
        if (err)
            *err = p->deferred;
        return p->deferred.status;
    }
    if (!p->have_next) {
        int rc = next_sentence(r, err);
        if (rc == 0) {
            r->done = 1;
            return DYAD_OK;
        }
        if (rc < 0) {
            dyad_status st = (dyad_status)-rc;
            if (st != DYAD_ERR_PARSE)
                r->done = 1;
            return st;
        }
    }
    p->have_next = 0;
    sent *s = &p->next;
    size_t key = dy_petr_story_len(s->id.s);
    dy_strbuf_clear(&r->id);
    dy_strbuf_add(&r->id, s->id.s, key);
    dy_strbuf_clear(&r->source);
    dy_strbuf_add(&r->source, s->source.s, s->source.len);
    p->date = s->date;
    dy_strbuf_clear(&r->text);
    dy_strbuf_clear(&p->ids);
    dy_strbuf_clear(&p->parses);
    p->pre.n = 0;
    add_sentence(r);
    for (;;) {
        dyad_error e2 = {0};
        int rc = next_sentence(r, &e2);
        if (rc == 0)
            break;
        if (rc < 0) {           /* report it on the next call */
            p->deferred = e2;
            p->have_deferred = 1;
            if ((dyad_status)-rc != DYAD_ERR_PARSE)
                p->eof = 1;     /* the deferred report ends the stream */
            break;
        }
        if (dy_petr_story_len(s->id.s) != key || memcmp(s->id.s, r->id.s, key) != 0) {
            p->have_next = 1;
            break;
        }
        add_sentence(r);
    }
    return finish_story(r, story, got, err);
}
