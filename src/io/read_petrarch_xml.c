/* read_petrarch_xml.c — libxml2 helpers for PETRARCH XML: attributes, child
 * elements, element text, story ids, and silent error capture. */
#include <string.h>
#include <strings.h>

#include "io/read_petrarch.h"

int dy_xml_attr(const xmlNode *n, const char *name, dy_strbuf *out)
{
    dy_strbuf_clear(out);
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v)
        return 0;
    dy_strbuf_adds(out, (const char *)v);
    if (!out->s)
        dy_strbuf_adds(out, "");
    xmlFree(v);
    return 1;
}

int dy_xml_attr_true(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v)
        return 0;
    const char *s = (const char *)v;
    while (*s == ' ')
        s++;
    int yes = strncasecmp(s, "true", 4) == 0;
    xmlFree(v);
    return yes;
}

xmlNode *dy_xml_child(const xmlNode *n, const char *name)
{
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name))
            return c;
    return NULL;
}

static int blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The text and CDATA under top, in document order, walked without recursion.
 * Entity references are not followed: PETRARCH files need none, and nested
 * entities ("billion laughs") would expand a few bytes into gigabytes. */
static void gather_text(const xmlNode *top, dy_strbuf *out)
{
    const xmlNode *c = top->children;
    while (c) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
            size_t n = strlen((const char *)c->content);
            if (out->len + n > (size_t)DYAD_MAX_STORY_BYTES)
                return;   /* the coder refuses such a story by its length anyway */
            dy_strbuf_add(out, (const char *)c->content, n);
        }
        if (c->type == XML_ELEMENT_NODE && c->children) {
            c = c->children;
            continue;
        }
        while (c != top && !c->next)
            c = c->parent;
        if (c == top)
            return;
        c = c->next;
    }
}

/* Does s[0, len) start like CoNLL-U rows ("1<TAB>")? Their tabs and line
 * ends are their structure, so a <Parse> of rows keeps them. */
static int conllu_rows(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && blank(s[i]))
        i++;
    size_t d = i;
    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++;
    return i > d && i < len && s[i] == '\t';
}

void dy_xml_parse_text(const xmlNode *n, dy_strbuf *out)
{
    dy_strbuf_clear(out);
    if (n)
        gather_text(n, out);
    if (!out->s || !conllu_rows(out->s, out->len)) {
        dy_xml_text(n, out);
        return;
    }
    size_t len = out->len, lead = 0;
    while (len && blank(out->s[len - 1]))
        len--;
    while (lead < len && blank(out->s[lead]))
        lead++;
    memmove(out->s, out->s + lead, len - lead);
    out->len = len - lead;
    out->s[out->len] = '\0';
}

void dy_xml_text(const xmlNode *n, dy_strbuf *out)
{
    dy_strbuf_clear(out);
    if (n)
        gather_text(n, out);
    const char *s = out->s ? out->s : "";
    size_t len = out->len, lead = 0;
    while (len && blank(s[len - 1]))
        len--;
    while (lead < len && blank(s[lead]))
        lead++;
    if (lead)
        memmove(out->s, s + lead, len - lead);
    out->len = len - lead;
    if (out->s)
        out->s[out->len] = '\0';
    else
        dy_strbuf_adds(out, "");
    for (size_t i = 0; i < out->len; i++)
        if (blank(out->s[i]))
            out->s[i] = ' ';
}

size_t dy_petr_story_len(const char *id)
{
    const char *us = strrchr(id, '_');
    return us && us != id ? (size_t)(us - id) : strlen(id);
}

void dy_xml_error_handler(void *ctx, dy_xml_error_arg e)
{
    dy_xml_errors *errs = ctx;
    if (!errs || !e || e->level < XML_ERR_ERROR)
        return;
    if (errs->count++ == 0) {
        errs->line = e->line;
        const char *m = e->message ? e->message : "malformed XML";
        size_t n = strlen(m);
        while (n && (m[n - 1] == '\n' || m[n - 1] == ' '))
            n--;
        if (n >= sizeof errs->message)
            n = sizeof errs->message - 1;
        memcpy(errs->message, m, n);
        errs->message[n] = '\0';
        for (char *c = errs->message; *c; c++)   /* one message, one line */
            if (*c == '\n' || *c == '\r')
                *c = ' ';
    }
}
