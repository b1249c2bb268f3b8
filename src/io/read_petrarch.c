/* read_petrarch.c — the petrarch input format: PETRARCH XML cut into <Sentence>
 * elements (io/xml_cut.c), each parsed alone with libxml2, grouped into stories. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>   /* and dict.h, which needs it first */

#include "base/error.h"
#include "base/vec.h"
#include "io/reader.h"
#include "io/read_petrarch.h"
#include "io/xml_cut.h"

/* One element at a time: no network, and no entity is expanded. An element
 * parsed alone has no DTD, so it can declare no entity ("billion laughs"):
 * one it uses is "not defined" and the sentence is reported. Errors go to
 * dy_xml_error_handler, never to stderr (from 2.13 on, NOERROR would keep
 * them from the handler too). */
#if LIBXML_VERSION >= 21300
#define ELEMENT_OPTIONS XML_PARSE_NONET
#else
#define ELEMENT_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)
#endif
/* The parser interns every tag and attribute name it meets; past this many
 * distinct names (a hostile stream) it is made afresh, so memory stays bounded. */
#define PARSER_NAMES_MAX 10000

/* One <Sentence> as read. */
typedef struct sent {
    dy_strbuf id, source, text, parse, date_s, tmp;
    int date;
    long line;
} sent;

struct dy_petr_in {
    dy_xml_cutter cut;
    xmlParserCtxtPtr ctxt;   /* one push parser, reset for every element */
    dy_xml_errors xerr;
    int eof;
    int have_next;           /* `next` holds the first sentence of the next story */
    sent next;
    dy_strbuf ids, parses;   /* of the story being built, NUL-separated */
    DY_VEC(dyad_presplit) pre;
    int date;                /* of the story being built */
    const char *raw;         /* the last bad element as read (in the cutter's buffer) */
    size_t raw_len;
    dyad_error deferred;     /* a bad sentence met while finishing a story */
    const char *deferred_raw;
    size_t deferred_raw_len;
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
    if (p->ctxt)
        xmlFreeParserCtxt(p->ctxt);
    dy_xml_cutter_free(&p->cut);
    sent_free(&p->next);
    dy_strbuf_free(&p->ids);
    dy_strbuf_free(&p->parses);
    dy_vec_free(&p->pre);
    free(p);
}

#if LIBXML_VERSION < 21300
/* libxml2 before 2.13 hands a structured error handler the parser context. */
static void parser_error(void *ctxt, dy_xml_error_arg e)
{
    dy_xml_error_handler(((xmlParserCtxtPtr)ctxt)->_private, e);
}
#endif

static xmlParserCtxtPtr new_parser(struct dy_petr_in *p)
{
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(NULL, NULL, NULL, 0, NULL);
    if (!ctxt)
        return NULL;
#if LIBXML_VERSION >= 21300
    xmlCtxtSetErrorHandler(ctxt, dy_xml_error_handler, &p->xerr);
#else
    ctxt->_private = &p->xerr;
    ctxt->sax->serror = parser_error;
#endif
    return ctxt;
}

static dyad_status open_stream(dy_reader *r, dyad_error *err)
{
    struct dy_petr_in *p = calloc(1, sizeof *p);
    if (!p)
        return dy_error_set(err, DYAD_ERR_NOMEM, r->name, 0, "out of memory");
    sent_init(&p->next);
    dy_strbuf_init(&p->ids);
    dy_strbuf_init(&p->parses);
    dy_xml_cutter_init(&p->cut, r->lr.f, "Sentence", (size_t)DYAD_MAX_STORY_BYTES);
    dy_xml_cutter_read_from(&p->cut, &r->lr);   /* which may hold the first bytes */
    p->cut.cancel = r->cancel;
    r->petr = p;
    p->ctxt = new_parser(p);
    if (!p->ctxt)
        return dy_error_set(err, DYAD_ERR_NOMEM, r->name, 0, "cannot start the XML parser");
    return DYAD_OK;
}

int dy_petr_in_cancelled(const struct dy_petr_in *p)
{
    return p && p->cut.cancelled;
}

/* Parses one element into *doc (the caller frees it). libxml2 counts lines
 * from the element's own, so its lines (and those inside its messages) are
 * the file's. DYAD_ERR_PARSE (err filled) when it is not well-formed. */
static dyad_status parse_element(dy_reader *r, const dy_cut *cut, xmlDoc **doc,
                                 dyad_error *err)
{
    struct dy_petr_in *p = r->petr;
    xmlParserCtxtPtr ctxt = p->ctxt;
    *doc = NULL;
    memset(&p->xerr, 0, sizeof p->xerr);
    if (xmlCtxtResetPush(ctxt, NULL, 0, NULL, NULL) != 0 || !ctxt->input)
        return dy_error_set(err, DYAD_ERR_NOMEM, r->name, cut->line, "out of memory");
    xmlCtxtUseOptions(ctxt, ELEMENT_OPTIONS);
    ctxt->input->line = cut->line < INT_MAX ? (int)cut->line : INT_MAX;
    xmlParseChunk(ctxt, cut->bytes, (int)cut->len, 1);
    *doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    if (p->xerr.count == 0 && ctxt->wellFormed && *doc && xmlDocGetRootElement(*doc))
        return DYAD_OK;
    if (*doc) {
        xmlFreeDoc(*doc);
        *doc = NULL;
    }
    if (p->xerr.count == 0) {   /* the handler was told nothing: the last error */
        dy_xml_error_arg last = xmlCtxtGetLastError(ctxt);
        if (last)
            dy_xml_error_handler(&p->xerr, last);
    }
    return dy_error_set(err, DYAD_ERR_PARSE, r->name, p->xerr.line > 0 ? p->xerr.line : cut->line,
                        "bad XML: %s", p->xerr.count ? p->xerr.message : "malformed element");
}

/* Fills s from a <Sentence> element. 1: a sentence to code; 0: one to skip
 * (sentence="False"); -1: bad, err filled; -2: out of memory. */
static int take_sentence(dy_reader *r, xmlNode *n, long line, sent *s, dyad_error *err)
{
    s->line = line;
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
    dy_xml_parse_text(dy_xml_child(n, "Parse"), &s->parse);
    if (s->id.failed || s->text.failed || s->parse.failed || s->source.failed) {
        dy_error_set(err, DYAD_ERR_NOMEM, r->name, s->line, "out of memory");
        return -2;
    }
    return 1;
}

/* Reports a cut that is not a whole element; always a negated status. */
static int cut_problem(dy_reader *r, const dy_cut *cut, dyad_error *err)
{
    struct dy_petr_in *p = r->petr;
    const char *at = r->name;
    p->raw = cut->bytes;
    p->raw_len = cut->len;
    switch (cut->kind) {
    case DY_CUT_UNCLOSED:
        return -(int)dy_error_set(err, DYAD_ERR_PARSE, at, cut->line,
                                  "bad XML: <Sentence> not closed before the next <Sentence> "
                                  "(line %ld)", cut->open_line);
    case DY_CUT_EOF_INSIDE:
        if (cut->bytes && cut->open)
            return -(int)dy_error_set(err, DYAD_ERR_PARSE, at, cut->line,
                                      "bad XML: <Sentence> not closed before the end of the "
                                      "file (inside a %s opened on line %ld)",
                                      cut->open, cut->open_line);
        if (cut->bytes)
            return -(int)dy_error_set(err, DYAD_ERR_PARSE, at, cut->line,
                                      "bad XML: <Sentence> not closed before the end of the file");
        return -(int)dy_error_set(err, DYAD_ERR_PARSE, at, cut->line,
                                  "bad XML: %s%s%s not closed before the end of the file",
                                  cut->open_element ? "<" : "", cut->open,
                                  cut->open_element ? ">" : "");
    case DY_CUT_TOO_LONG:
        return -(int)dy_error_set(err, DYAD_ERR_LIMIT, at, cut->line,
                                  "<Sentence> longer than the limit of %ld bytes",
                                  (long)DYAD_MAX_STORY_BYTES);
    case DY_CUT_STRAY:
        return -(int)dy_error_set(err, DYAD_ERR_PARSE, at, cut->line,
                                  "bad XML: text outside any element");
    case DY_CUT_NO_ELEMENT:
        return -(int)dy_error_set(err, DYAD_ERR_PARSE, at, 0, "bad XML: no element in the file");
    case DY_CUT_BAD_ENCODING:
        return -(int)dy_error_set(err, DYAD_ERR_PARSE, at, cut->line,
                                  "bad XML: unknown encoding '%s' (read as UTF-8)", cut->open);
    case DY_CUT_READ_ERROR:
        p->eof = 1;
        return -(int)dy_error_set(err, DYAD_ERR_IO, at, 0, "read error: %s",
                                  strerror(errno ? errno : EIO));
    default:
        p->eof = 1;
        return -(int)dy_error_set(err, DYAD_ERR_NOMEM, at, 0, "out of memory");
    }
}

/* Reads the next codable sentence into p->next. Returns 1 on one, 0 at the
 * end, or a negated status (err filled, p->raw the element when there is one):
 * DYAD_ERR_PARSE or DYAD_ERR_LIMIT for a sentence skipped, worse for the end. */
static int next_sentence(dy_reader *r, dyad_error *err)
{
    struct dy_petr_in *p = r->petr;
    while (!p->eof) {
        dy_cut cut;
        p->raw = NULL;
        p->raw_len = 0;
        dy_cut_kind kind = dy_xml_cut_next(&p->cut, &cut);
        if (kind == DY_CUT_END) {
            p->eof = 1;
            return 0;
        }
        if (kind != DY_CUT_ELEMENT)
            return cut_problem(r, &cut, err);
        p->raw = cut.bytes;
        p->raw_len = cut.len;
        xmlDoc *doc;
        dyad_status st = parse_element(r, &cut, &doc, err);
        if (st != DYAD_OK)
            return -(int)st;
        int took = take_sentence(r, xmlDocGetRootElement(doc), cut.line, &p->next, err);
        xmlFreeDoc(doc);
        if (xmlDictSize(p->ctxt->dict) > PARSER_NAMES_MAX) {
            xmlFreeParserCtxt(p->ctxt);
            p->ctxt = new_parser(p);
            if (!p->ctxt) {
                p->eof = 1;
                return -(int)dy_error_set(err, DYAD_ERR_NOMEM, r->name, 0, "out of memory");
            }
        }
        if (took == -2) {
            p->eof = 1;
            return -(int)DYAD_ERR_NOMEM;
        }
        if (took < 0)
            return -(int)DYAD_ERR_PARSE;
        if (took > 0)
            return 1;
    }
    return 0;
}

/* Finds attribute `name` in the start tag at the head of raw[0..n): its
 * value as written (entities not decoded), or NULL. A light scan, for a
 * sentence the XML parser refused, so that its reject keeps its id. */
static const char *raw_attr(const char *raw, size_t n, const char *name, size_t *len)
{
    const char *end = raw + n, *s = memchr(raw, '<', n);
    if (!s)
        return NULL;
    for (s++; s < end && !strchr(" \t\r\n/>", *s); s++)
        ;   /* the element's name */
    size_t want = strlen(name);
    while (s < end) {
        while (s < end && strchr(" \t\r\n", *s))
            s++;
        if (s >= end || *s == '>' || *s == '/')
            return NULL;
        const char *a = s;
        while (s < end && !strchr(" \t\r\n=/>", *s))
            s++;
        size_t alen = (size_t)(s - a);
        while (s < end && strchr(" \t\r\n", *s))
            s++;
        if (s >= end || *s != '=')
            return NULL;
        for (s++; s < end && strchr(" \t\r\n", *s); s++)
            ;
        if (s >= end || (*s != '"' && *s != '\''))
            return NULL;
        const char *v = s + 1, *q = memchr(v, *s, (size_t)(end - v));
        if (!q)
            return NULL;
        if (alen == want && memcmp(a, name, want) == 0) {
            *len = (size_t)(q - v);
            return v;
        }
        s = q + 1;
    }
    return NULL;
}

/* What can be read of a skipped element without the XML parser: its id,
 * date and source attributes, into r->bad for the rejects file. */
static void salvage(dy_reader *r, const char *raw, size_t n)
{
    if (!raw || !n)
        return;
    size_t len;
    const char *v = raw_attr(raw, n, "id", &len);
    if (v && len) {
        dy_strbuf_clear(&r->id);
        dy_strbuf_add(&r->id, v, len);
        if (!r->id.failed && !memchr(r->id.s, '\0', len))
            r->bad.id = r->id.s;
    }
    v = raw_attr(raw, n, "date", &len);
    if (v && len)
        r->bad.date = dyad_parse_date(v, len);
    v = raw_attr(raw, n, "source", &len);
    if (v && len) {
        dy_strbuf_clear(&r->source);
        dy_strbuf_add(&r->source, v, len);
        if (!r->source.failed && !memchr(r->source.s, '\0', len))
            r->bad.source = r->source.s;
    }
}

/* A bad sentence or element: the reader goes on after it. */
static int is_skip(dyad_status st)
{
    return st == DYAD_ERR_PARSE || st == DYAD_ERR_LIMIT;
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
    if (p->have_deferred) {   /* its element is still in the cutter's buffer */
        p->have_deferred = 0;
        if (err)
            *err = p->deferred;
        r->raw = p->deferred_raw;
        r->raw_len = p->deferred_raw_len;
        salvage(r, r->raw, r->raw_len);
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
            if (!is_skip(st))
                r->done = 1;
            r->raw = p->raw;
            r->raw_len = p->raw_len;
            salvage(r, r->raw, r->raw_len);
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
            p->deferred_raw = p->raw;
            p->deferred_raw_len = p->raw_len;
            p->have_deferred = 1;
            if (!is_skip((dyad_status)-rc))
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
