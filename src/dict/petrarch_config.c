/* petrarch_config.c — PETRARCH configurations: PETR_config.ini and the
 * <Environment> of validation files name the dictionaries and set options. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "base/error.h"
#include "base/file.h"
#include "dict/petrarch.h"

static void trim(const char **s, size_t *n)
{
    while (*n && isspace((unsigned char)**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && isspace((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

int dy_petr_is_config(const char *path)
{
    return ends_with(path, ".ini") || ends_with(path, ".xml");
}

/* ------------------------------------------------------------- options */

static int parse_bool(const char *v, size_t n, int *out)
{
    static const char *yes[] = {"true", "yes", "on", "1"}, *no[] = {"false", "no", "off", "0"};
    for (int i = 0; i < 4; i++) {
        if (strlen(yes[i]) == n && strncasecmp(v, yes[i], n) == 0)
            return *out = 1, 1;
        if (strlen(no[i]) == n && strncasecmp(v, no[i], n) == 0)
            return *out = 0, 1;
    }
    return 0;
}

static int parse_int(const char *v, size_t n, int *out)
{
    char tmp[32];
    if (n == 0 || n >= sizeof tmp)
        return 0;
    memcpy(tmp, v, n);
    tmp[n] = '\0';
    char *end;
    long x = strtol(tmp, &end, 10);
    if (*end || x < 0 || x > 100000)
        return 0;
    *out = (int)x;
    return 1;
}

/* Options PETRARCH reads that do not change what is coded. */
static const char *const ignored[] = {
    "textfile_list", "textfile_name", "eventfile_name", "code_by_sentence",
    "pause_by_sentence", "pause_by_story", "write_actor_root", "write_actor_text",
    "write_event_text", "null_verbs", "null_actors", "stop_on_error", "stanford_dir",
    NULL};

static int name_is(const char *s, size_t n, const char *lit)
{
    return strlen(lit) == n && strncasecmp(s, lit, n) == 0;
}

/* require_dyad = false: an event may lack an actor, which is then coded
 * "---" (PETRARCH's null code); the TABARI DEFAULT: mechanism does that. */
static void set_require_dyad(dy_options *o, int on)
{
    o->require_dyad = on;
    if (!on) {
        if (!o->default_source[0])
            strcpy(o->default_source, "---");
        if (!o->default_target[0])
            strcpy(o->default_target, "---");
    } else {
        if (!strcmp(o->default_source, "---"))
            o->default_source[0] = '\0';
        if (!strcmp(o->default_target, "---"))
            o->default_target[0] = '\0';
    }
}

dyad_status dy_petr_option_apply(dy_options *o, const char *line, size_t len,
                                 const char *where, long lineno, dyad_error *err)
{
    const char *eq = memchr(line, '=', len);
    if (!eq)
        return dy_error_set(err, DYAD_ERR_PARSE, where, lineno,
                            "PETRARCH option without '=': %.*s", (int)len, line);
    const char *name = line, *val = eq + 1;
    size_t nn = (size_t)(eq - line), vn = len - nn - 1;
    trim(&name, &nn);
    trim(&val, &vn);
    int b, x;
    if (name_is(name, nn, "require_dyad")) {
        if (!parse_bool(val, vn, &b))
            goto bad_bool;
        set_require_dyad(o, b);
        return DYAD_OK;
    }
    if (name_is(name, nn, "new_actor_length")) {
        if (!parse_int(val, vn, &x))
            goto bad_int;
        o->new_actor_length = x;
        return DYAD_OK;
    }
    /* PETRARCH's comma_* are TABARI's COMMA: limits; a max of 0 turns that
     * kind of clause elimination off, as it does in TABARI */
    struct { const char *name; int *field; } commas[] = {
        {"comma_min", &o->comma_min}, {"comma_max", &o->comma_max},
        {"comma_bmin", &o->comma_bmin}, {"comma_bmax", &o->comma_bmax},
        {"comma_emin", &o->comma_emin}, {"comma_emax", &o->comma_emax}};
    for (size_t i = 0; i < sizeof commas / sizeof *commas; i++) {
        if (!name_is(name, nn, commas[i].name))
            continue;
        if (!parse_int(val, vn, &x))
            goto bad_int;
        *commas[i].field = x;
        o->comma_off = 0;
        return DYAD_OK;
    }
    for (int i = 0; ignored[i]; i++)
        if (name_is(name, nn, ignored[i]))
            return DYAD_OK;
    return dy_error_set(err, DYAD_ERR_PARSE, where, lineno, "unknown PETRARCH option '%.*s'",
                        (int)nn, name);
bad_bool:
    return dy_error_set(err, DYAD_ERR_PARSE, where, lineno,
                        "%.*s: want true or false, not '%.*s'", (int)nn, name, (int)vn, val);
bad_int:
    return dy_error_set(err, DYAD_ERR_PARSE, where, lineno,
                        "%.*s: want a whole number, not '%.*s'", (int)nn, name, (int)vn, val);
}

static int known_option(const char *name, size_t n)
{
    static const char *const coding[] = {"require_dyad", "new_actor_length", "comma_min",
                                         "comma_max", "comma_bmin", "comma_bmax",
                                         "comma_emin", "comma_emax", NULL};
    for (int i = 0; coding[i]; i++)
        if (name_is(name, n, coding[i]))
            return 1;
    for (int i = 0; ignored[i]; i++)
        if (name_is(name, n, ignored[i]))
            return 1;
    return 0;
}

/* ---------------------------------------------------------- file names */

typedef struct scan {
    const char *path;
    char dir[1024];          /* where relative names are looked for */
    dy_petr_add_fn add;
    void *ctx;
    dyad_error *err;
} scan;

static void set_dir(scan *sc, const char *base, size_t bn, const char *rel, size_t rn)
{
    char tmp[sizeof sc->dir];   /* base may be sc->dir itself */
    if (rn && rel[0] == '/')
        bn = 0;
    snprintf(tmp, sizeof tmp, "%.*s%s%.*s", (int)bn, base,
             bn && rn && base[bn - 1] != '/' ? "/" : "", (int)rn, rel);
    memcpy(sc->dir, tmp, sizeof tmp);
}

static dyad_status add_name(scan *sc, dy_petr_kind kind, const char *name, size_t n, long line)
{
    trim(&name, &n);
    if (n == 0)
        return DYAD_OK;
    size_t dn = strlen(sc->dir);
    if (name[0] == '/')
        dn = 0;
    char *p = malloc(dn + n + 2);
    if (!p)
        return dy_error_set(sc->err, DYAD_ERR_NOMEM, sc->path, line, "out of memory");
    size_t k = 0;
    if (dn) {
        memcpy(p, sc->dir, dn);
        k = dn;
        if (p[k - 1] != '/')
            p[k++] = '/';
    }
    memcpy(p + k, name, n);
    p[k + n] = '\0';
    if (sc->add(sc->ctx, kind, p) != 0)
        return dy_error_set(sc->err, DYAD_ERR_NOMEM, sc->path, line, "out of memory");
    return DYAD_OK;
}

/* "a.txt, b.txt" (actorfile_list) */
static dyad_status add_list(scan *sc, dy_petr_kind kind, const char *v, size_t n, long line)
{
    while (n) {
        const char *comma = memchr(v, ',', n);
        size_t k = comma ? (size_t)(comma - v) : n;
        dyad_status st = add_name(sc, kind, v, k, line);
        if (st != DYAD_OK)
            return st;
        if (!comma)
            break;
        v += k + 1;
        n -= k + 1;
    }
    return DYAD_OK;
}

static int kind_of_key(const char *k, size_t n)
{
    if (name_is(k, n, "verbfile_name"))
        return DY_PK_VERBS;
    if (name_is(k, n, "actorfile_list") || name_is(k, n, "actorfile_name"))
        return DY_PK_ACTORS;
    if (name_is(k, n, "agentfile_name") || name_is(k, n, "agentfile_list"))
        return DY_PK_AGENTS;
    if (name_is(k, n, "discardfile_name"))
        return DY_PK_DISCARDS;
    if (name_is(k, n, "issuefile_name"))
        return DY_PK_ISSUES;
    return -1;
}

/* ----------------------------------------------------------------- INI */

typedef struct ini_entry {
    int section;             /* 0 other, 1 Dictionaries, 2 Options */
    const char *key, *val;
    size_t kn, vn;
    long line;
} ini_entry;

/* Next "key = value" of the INI text; continuation lines (starting with a
 * blank) are not joined here: actorfile_list continuations are rare and are
 * read as their own comma lists by the caller. */
static int ini_next(const char *text, size_t len, size_t *pos, long *lineno, int *section,
                    ini_entry *e)
{
    const char *s;
    size_t n;
    while (dy_next_line(text, len, pos, &s, &n)) {
        ++*lineno;
        int cont = n && (s[0] == ' ' || s[0] == '\t');
        trim(&s, &n);
        if (n == 0 || s[0] == '#' || s[0] == ';')
            continue;
        if (s[0] == '[') {
            *section = name_is(s, n, "[Dictionaries]") ? 1 : name_is(s, n, "[Options]") ? 2 : 0;
            continue;
        }
        for (size_t i = 1; i < n; i++)   /* " # comment" */
            if (s[i] == '#' && (s[i - 1] == ' ' || s[i - 1] == '\t')) {
                n = i;
                trim(&s, &n);
                break;
            }
        e->section = *section;
        e->line = *lineno;
        const char *eq = memchr(s, '=', n);
        if (!eq) {
            if (!cont)
                eq = memchr(s, ':', n);
            if (!eq) {   /* a continuation of the previous value */
                e->key = NULL;
                e->kn = 0;
                e->val = s;
                e->vn = n;
                return 1;
            }
        }
        e->key = s;
        e->kn = (size_t)(eq - s);
        e->val = eq + 1;
        e->vn = n - e->kn - 1;
        trim(&e->key, &e->kn);
        trim(&e->val, &e->vn);
        return 1;
    }
    return 0;
}

static dyad_status scan_ini(scan *sc, const char *text, size_t len, dy_options *opts)
{
    size_t pos = 0;
    long lineno = 0;
    int section = 0, last_kind = -1;
    ini_entry e;
    /* dictionary_path first: it may come after the file names */
    while (ini_next(text, len, &pos, &lineno, &section, &e))
        if (e.section == 1 && e.key && name_is(e.key, e.kn, "dictionary_path"))
            set_dir(sc, sc->dir, strlen(sc->dir), e.val, e.vn);
    pos = 0;
    lineno = 0;
    section = 0;
    while (ini_next(text, len, &pos, &lineno, &section, &e)) {
        dyad_status st = DYAD_OK;
        if (!e.key) {
            if (last_kind == DY_PK_ACTORS || last_kind == DY_PK_AGENTS)
                st = add_list(sc, (dy_petr_kind)last_kind, e.val, e.vn, e.line);
        } else if (e.section == 1) {
            last_kind = kind_of_key(e.key, e.kn);
            if (last_kind >= 0)
                st = add_list(sc, (dy_petr_kind)last_kind, e.val, e.vn, e.line);
        } else if (e.section == 2) {
            last_kind = -1;
            char tmp[512];
            int n = snprintf(tmp, sizeof tmp, "%.*s = %.*s", (int)e.kn, e.key, (int)e.vn, e.val);
            /* names dyad does not know (PETRARCH versions add some) are skipped */
            if (n > 0 && (size_t)n < sizeof tmp && known_option(e.key, e.kn))
                st = dy_petr_option_apply(opts, tmp, (size_t)n, sc->path, e.line, sc->err);
        } else {
            last_kind = -1;
        }
        if (st != DYAD_OK)
            return st;
    }
    return DYAD_OK;
}

/* ------------------------------------------------- <Environment> (XML) */

static dyad_status scan_env_node(scan *sc, xmlNode *env, dy_options *opts)
{
    static const struct { const char *tag; dy_petr_kind kind; } tags[] = {
        {"Verbfile", DY_PK_VERBS}, {"Actorfile", DY_PK_ACTORS}, {"Agentfile", DY_PK_AGENTS},
        {"Discardfile", DY_PK_DISCARDS}, {"Issuefile", DY_PK_ISSUES}};
    for (xmlNode *c = env->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)c->name;
        long line = xmlGetLineNo(c);
        if (!strcmp(name, "Config")) {
            xmlChar *opt = xmlGetProp(c, (const xmlChar *)"option");
            xmlChar *val = xmlGetProp(c, (const xmlChar *)"value");
            char tmp[512];
            int n = snprintf(tmp, sizeof tmp, "%s = %s", opt ? (char *)opt : "",
                             val ? (char *)val : "");
            xmlFree(opt);
            xmlFree(val);
            if (n > 0 && (size_t)n < sizeof tmp) {
                dyad_status st = dy_petr_option_apply(opts, tmp, (size_t)n, sc->path, line,
                                                      sc->err);
                if (st != DYAD_OK)
                    return st;
            }
            continue;
        }
        for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
            if (strcmp(name, tags[i].tag) != 0)
                continue;
            xmlChar *v = xmlNodeGetContent(c);
            dyad_status st = v ? add_list(sc, tags[i].kind, (const char *)v,
                                          strlen((const char *)v), line)
                               : DYAD_OK;
            xmlFree(v);
            if (st != DYAD_OK)
                return st;
        }
    }
    return DYAD_OK;
}

static dyad_status scan_xml(scan *sc, const char *text, size_t len, dy_options *opts)
{
    if (len > (size_t)0x7fffffff)
        return dy_error_set(sc->err, DYAD_ERR_LIMIT, sc->path, 0, "file too large");
    xmlParserCtxtPtr ctx = xmlNewParserCtxt();
    if (!ctx)
        return dy_error_set(sc->err, DYAD_ERR_NOMEM, sc->path, 0, "out of memory");
    xmlDoc *doc = xmlCtxtReadMemory(ctx, text, (int)len, sc->path, NULL,
                                    XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET);
    dyad_status st = DYAD_OK;
    if (!doc || !ctx->wellFormed) {
        const char *msg = ctx->lastError.message ? ctx->lastError.message : "malformed XML";
        size_t n = strlen(msg);
        while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
            n--;
        st = dy_error_set(sc->err, DYAD_ERR_PARSE, sc->path, ctx->lastError.line,
                          "bad XML: %.*s", (int)n, msg);
    } else {
        xmlNode *root = xmlDocGetRootElement(doc), *env = NULL;
        for (xmlNode *c = root ? root->children : NULL; c && !env; c = c->next)
            if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "Environment"))
                env = c;
        if (!env)
            st = dy_error_set(sc->err, DYAD_ERR_PARSE, sc->path, 0,
                              "no <Environment> naming the dictionaries");
        else
            st = scan_env_node(sc, env, opts);
    }
    if (doc)
        xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctx);
    return st;
}

dyad_status dy_petr_config_scan(const char *path, const char *text, size_t len,
                                dy_options *opts, dy_petr_add_fn add, void *ctx,
                                dyad_error *err)
{
    scan sc;
    memset(&sc, 0, sizeof sc);
    sc.path = path;
    sc.add = add;
    sc.ctx = ctx;
    sc.err = err;
    const char *slash = strrchr(path, '/');
    set_dir(&sc, path, slash ? (size_t)(slash - path) : 0, "", 0);
    opts->min_words = 0;   /* TABARI's MINIMUM WORDS: PETRARCH has no such limit */
    opts->actor_discards = 0;   /* nor discard codes: an actor's ### is its code */
    opts->every_verb_phrase = 1;   /* nor CODE BY: with a parse every verb is coded */
    /* PETRARCH's comma defaults (its PETR_config.ini): no initial clauses */
    opts->comma_min = 2;
    opts->comma_max = 8;
    opts->comma_bmin = 0;
    opts->comma_bmax = 0;
    opts->comma_emin = 2;
    opts->comma_emax = 8;
    if (ends_with(path, ".xml"))
        return scan_xml(&sc, text, len, opts);
    return scan_ini(&sc, text, len, opts);
}
