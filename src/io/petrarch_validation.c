/* petrarch_validation.c — reads a PETRARCH validation file with libxml2:
 * <Environment> include list, <Config> options, <Sentence> records, matching. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "base/error.h"
#include "io/petrarch_validation.h"
#include "io/read_petrarch.h"

static void upper(char *s)
{
    for (; *s; s++)
        *s = (char)toupper((unsigned char)*s);
}

/* <Environment><Include>valid DEMO ACTOR ...</Include>: which records run. */
static void read_include(dy_pv_file *f, xmlNode *env)
{
    xmlNode *inc = dy_xml_child(env, "Include");
    if (!inc)
        return;
    dy_xml_text(inc, &f->tmp);
    if (!f->tmp.len)
        return;
    upper(f->tmp.s);
    dy_strbuf_clear(&f->include);
    dy_strbuf_addc(&f->include, ' ');
    dy_strbuf_add(&f->include, f->tmp.s, f->tmp.len);
    dy_strbuf_addc(&f->include, ' ');
    f->only_valid = strstr(f->include.s, " VALID ") != NULL;
}

dyad_status dy_pv_open(dy_pv_file *f, const char *path, dyad_error *err)
{
    memset(f, 0, sizeof *f);
    f->path = path;
    dy_strbuf *bufs[] = {&f->include, &f->id, &f->category, &f->text,
                         &f->parse, &f->option, &f->value, &f->tmp};
    for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++)
        dy_strbuf_init(bufs[i]);
    xmlParserCtxtPtr ctx = xmlNewParserCtxt();
    if (!ctx)
        return dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
    xmlDoc *doc = xmlCtxtReadFile(ctx, path, NULL,
                                  XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET);
    if (!doc || !ctx->wellFormed) {
        /* the context keeps its last error; NOERROR kept libxml2 quiet */
        long line = ctx->lastError.line;
        const char *msg = ctx->lastError.message ? ctx->lastError.message : "malformed XML";
        size_t n = strlen(msg);
        while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
            n--;
        dyad_status st = dy_error_set(err, doc ? DYAD_ERR_PARSE : ctx->lastError.code
                                                 ? DYAD_ERR_PARSE : DYAD_ERR_IO,
                                      path, line, "bad XML: %.*s", (int)n, msg);
        if (doc)
            xmlFreeDoc(doc);
        xmlFreeParserCtxt(ctx);
        return st;
    }
    xmlFreeParserCtxt(ctx);
    f->doc = doc;
    xmlNode *root = xmlDocGetRootElement(doc);
    read_include(f, dy_xml_child(root, "Environment"));
    xmlNode *sents = dy_xml_child(root, "Sentences");
    if (!sents && root && !strcmp((const char *)root->name, "Sentences"))
        sents = root;
    f->next = sents ? sents->children : NULL;
    return DYAD_OK;
}

void dy_pv_close(dy_pv_file *f)
{
    if (f->doc)
        xmlFreeDoc(f->doc);
    dy_strbuf *bufs[] = {&f->include, &f->id, &f->category, &f->text,
                         &f->parse, &f->option, &f->value, &f->tmp};
    for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++)
        dy_strbuf_free(bufs[i]);
    memset(f, 0, sizeof *f);
}

static void copy_code(char *dst, const char *src)
{
    size_t n = strlen(src);
    while (n && src[n - 1] == ' ')
        n--;
    while (n && *src == ' ') {
        src++;
        n--;
    }
    if (n >= DY_PV_CODE_MAX)
        n = DY_PV_CODE_MAX - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static int is_excluded(dy_pv_file *f, xmlNode *n)
{
    if (dy_xml_child(n, "Skip"))
        return 1;
    /* UniversalPetrarch's records say sentence="true" where PETRARCH's say
     * valid="true" */
    if (f->only_valid && !dy_xml_attr_true(n, "valid") &&
        (dy_xml_attr(n, "valid", &f->tmp) || !dy_xml_attr_true(n, "sentence")))
        return 1;
    if (f->include.len && f->category.len) {
        dy_strbuf_clear(&f->tmp);
        dy_strbuf_addc(&f->tmp, ' ');
        dy_strbuf_add(&f->tmp, f->category.s, f->category.len);
        dy_strbuf_addc(&f->tmp, ' ');
        upper(f->tmp.s);
        if (!strstr(f->include.s, f->tmp.s))
            return 1;
    }
    return 0;
}

static int read_record(dy_pv_file *f, xmlNode *n, dy_pv_item *it, dyad_error *err)
{
    it->kind = DY_PV_RECORD;
    if (!dy_xml_attr(n, "id", &f->id) || !f->id.len) {
        dy_error_set(err, DYAD_ERR_PARSE, f->path, it->line, "<Sentence> without an id");
        return -1;
    }
    it->id = f->id.s;
    /* the category: PETRARCH's category=, UniversalPetrarch's source= */
    if (!dy_xml_attr(n, "category", &f->category) && !dy_xml_attr(n, "source", &f->category))
        dy_strbuf_adds(&f->category, "");
    it->category = f->category.s;
    if (dy_xml_attr(n, "date", &f->tmp))
        it->date = dyad_parse_date(f->tmp.s, f->tmp.len);
    if (!it->date) {
        dy_error_set(err, DYAD_ERR_PARSE, f->path, it->line, "record %s: missing or bad date",
                     it->id);
        return -1;
    }
    xmlNode *text = dy_xml_child(n, "Text");
    if (!text) {
        dy_error_set(err, DYAD_ERR_PARSE, f->path, it->line, "record %s: no <Text>", it->id);
        return -1;
    }
    dy_xml_text(text, &f->text);
    it->text = f->text.s;
    it->text_len = f->text.len;
    dy_xml_parse_text(dy_xml_child(n, "Parse"), &f->parse);
    it->parse = f->parse.len ? f->parse.s : NULL;
    it->parse_len = f->parse.len;
    it->excluded = is_excluded(f, n);
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "EventCoding") != 0)
            continue;
        if (dy_xml_attr_true(c, "noevents")) {
            it->noevents = 1;
            continue;
        }
        if (dy_xml_attr(c, "error", &f->tmp)) {
            copy_code(it->error, f->tmp.s);
            if (!it->error[0])
                strcpy(it->error, "error");
            continue;
        }
        if (it->n_events == DY_PV_MAX_EVENTS) {
            dy_error_set(err, DYAD_ERR_LIMIT, f->path, xmlGetLineNo(c),
                         "record %s: more than %d expected events", it->id, DY_PV_MAX_EVENTS);
            return -1;
        }
        dy_pv_event *e = &it->events[it->n_events++];
        dy_xml_attr(c, "sourcecode", &f->tmp);
        copy_code(e->source, f->tmp.len ? f->tmp.s : "");
        dy_xml_attr(c, "targetcode", &f->tmp);
        copy_code(e->target, f->tmp.len ? f->tmp.s : "");
        dy_xml_attr(c, "eventcode", &f->tmp);
        copy_code(e->code, f->tmp.len ? f->tmp.s : "");
    }
    if (f->id.failed || f->text.failed || f->parse.failed || f->tmp.failed) {
        dy_error_set(err, DYAD_ERR_NOMEM, f->path, it->line, "out of memory");
        return -1;
    }
    return 1;
}

int dy_pv_next(dy_pv_file *f, dy_pv_item *it, dyad_error *err)
{
    memset(it, 0, sizeof *it);
    for (xmlNode *n = f->next; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)n->name;
        it->line = xmlGetLineNo(n);
        if (!strcmp(name, "Config")) {
            f->next = n->next;
            it->kind = DY_PV_CONFIG;
            dy_xml_attr(n, "option", &f->option);
            dy_xml_attr(n, "value", &f->value);
            it->option = f->option.s ? f->option.s : "";
            it->value = f->value.s ? f->value.s : "";
            return 1;
        }
        if (!strcmp(name, "Stop")) {
            f->next = NULL;
            return 0;
        }
        if (!strcmp(name, "Sentence")) {
            f->next = n->next;
            return read_record(f, n, it, err);
        }
    }
    f->next = NULL;
    return 0;
}

/* ------------------------------------------------------------ matching */

static const char *norm(const char *code)
{
    return code && strcmp(code, "---") != 0 ? code : "";
}

static int same(const dy_pv_event *x, const dyad_event *ev)
{
    return !strcmp(norm(x->source), norm(ev->source)) &&
           !strcmp(norm(x->target), norm(ev->target)) &&
           !strcmp(norm(x->code), norm(ev->code));
}

int dy_pv_matches(const dy_pv_item *it, const dyad_result *res)
{
    if (it->error[0]) {
        if (!strcmp(it->error, "bad_input_parse")) {
            /* PETRARCH rejects a <Parse> whose brackets do not balance and skips
             * the record; dyad must reject the parse too (it then codes the
             * text alone, so events do not decide this record) */
            for (size_t i = 0; i < res->n_sentences; i++) {
                const char *why = res->sentences[i].reason;
                if (why && !strncmp(why, "parse not used: unbalanced", 26))
                    return 1;
            }
            return 0;
        }
        if (strstr(it->error, "discard")) {
            int discard = res->discarded;
            for (size_t i = 0; i < res->n_sentences; i++)
                discard |= res->sentences[i].status == DYAD_SENTENCE_DISCARD;
            return discard;
        }
        return res->n_events == 0;
    }
    if ((size_t)it->n_events != res->n_events)
        return 0;
    /* multiset equality: each coded event takes one unused expectation */
    unsigned char used[DY_PV_MAX_EVENTS] = {0};
    for (size_t i = 0; i < res->n_events; i++) {
        int found = 0;
        for (int k = 0; k < it->n_events && !found; k++)
            if (!used[k] && same(&it->events[k], &res->events[i]))
                used[k] = 1, found = 1;
        if (!found)
            return 0;
    }
    return 1;
}
