/* dyd.c — the compiled dictionary format: every array of a dyad_dict and its
 * strings in one file; pointers are stored as offsets and fixed up at load. */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/checksum.h"
#include "base/error.h"
#include "base/file.h"
#include "base/hugemem.h"
#include "dict/build.h"
#include "dict/dyd.h"

/* File: header, string pool, then the arrays (each 16-byte aligned). In the
 * arrays a string pointer holds 1 + its offset in the pool (0 = NULL); the
 * codes of a dy_dated_code hold 1 + their index in the S_CODEPTRS array. */
#define MAGIC "DYADDICT"

enum {
    S_ELEMS, S_ALTS, S_SYNSETS, S_DATED, S_CODEPTRS, S_ACTORS, S_AGENTS, S_NOUNS,
    S_ADJECTIVES, S_VERBS, S_PATTERNS, S_ISSUE_CATS, S_ISSUES, S_DISCARDS, S_OPTIONS,
    S_NODES, S_REFS, S_CODE_KEYS, S_CODE_VALS, S_STRINGS, S_COUNT
};

typedef struct dyd_section {
    uint64_t off, count;     /* byte offset in the file, number of elements */
} dyd_section;

typedef struct dyd_header {
    char magic[8];
    uint32_t format;         /* DY_DYD_FORMAT */
    uint32_t layout;         /* dy_dyd_layout_hash() of the build that wrote it */
    char version[16];        /* DYAD_VERSION */
    uint64_t size;           /* of the whole file */
    uint64_t checksum;       /* of the file, this field taken as 0 */
    uint32_t has_time, has_attrib;
    uint64_t warnings;       /* string ref */
    uint64_t codes_n, codes_cap;
    uint64_t node_size;      /* bytes of one index trie node */
    dyd_section sec[S_COUNT];
} dyd_header;

/* ------------------------------------------------------------ hashing */

/* The file is summed (base/checksum.h) in two runs, the header (its
 * checksum field taken as 0) and the rest; the rest is fed piece by piece
 * as it is read, while it is still in cache. */

/* The checksum of a file of `size` bytes fed in order: sum_begin once its
 * header is in, sum_more whenever more has arrived, sum_end at the end. */
typedef struct sum_stream {
    dy_lanes lanes;
    size_t at, size;
} sum_stream;

static void sum_begin(sum_stream *s, const unsigned char *file, size_t size)
{
    dyd_header h;
    memcpy(&h, file, sizeof h);
    h.checksum = 0;
    dy_lanes_init(&s->lanes, dy_checksum(0x9E3779B97F4A7C15ull ^ size,
                                         (const unsigned char *)&h, sizeof h));
    s->at = sizeof h;
    s->size = size;
}

static void sum_more(sum_stream *s, const unsigned char *file, size_t have)
{
    s->at += dy_lanes_blocks(&s->lanes, file + s->at, have - s->at);
}

static uint64_t sum_end(sum_stream *s, const unsigned char *file)
{
    sum_more(s, file, s->size);
    return dy_lanes_final(&s->lanes, file + s->at, s->size - s->at);
}

/* Of the whole file, the header's checksum field taken as 0. */
static uint64_t checksum(const unsigned char *file, size_t n)
{
    sum_stream s;
    sum_begin(&s, file, n);
    return sum_end(&s, file);
}

int dy_dyd_fix_checksum(unsigned char *file, size_t len)
{
    if (len < sizeof(dyd_header)) return -1;
    dyd_header h;
    memcpy(&h, file, sizeof h);
    h.checksum = checksum(file, len);
    memcpy(file, &h, sizeof h);
    return 0;
}

uint32_t dy_dyd_layout_hash(void)
{
    dy_index_parts parts;
    memset(&parts, 0, sizeof parts);
    const size_t v[] = {
        sizeof(void *), sizeof(dy_elem), offsetof(dy_elem, word), sizeof(dy_phrase),
        sizeof(dy_dated_code), offsetof(dy_dated_code, codes), sizeof(dy_actor),
        offsetof(dy_actor, text), offsetof(dy_actor, file), sizeof(dy_agent),
        offsetof(dy_agent, code), offsetof(dy_agent, text), offsetof(dy_agent, file),
        sizeof(dy_vcode), offsetof(dy_vcode, code), offsetof(dy_vcode, paired),
        offsetof(dy_vcode, passive), sizeof(dy_pattern), offsetof(dy_pattern, code),
        offsetof(dy_pattern, text), offsetof(dy_pattern, file), sizeof(dy_verb),
        offsetof(dy_verb, code), offsetof(dy_verb, text), offsetof(dy_verb, file),
        sizeof(dy_synset), offsetof(dy_synset, name), sizeof(dy_issue_cat),
        offsetof(dy_issue_cat, name), offsetof(dy_issue_cat, deflt), sizeof(dy_issue),
        offsetof(dy_issue, code), offsetof(dy_issue, file), sizeof(dy_discard),
        offsetof(dy_discard, file), sizeof(dy_entry_ref), sizeof(dy_options),
        sizeof(struct dyad_dict), sizeof(dyd_header),
    };
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        for (int b = 0; b < 4; b++) h = (h ^ (uint32_t)((v[i] >> (8 * b)) & 0xff)) * 16777619u;
    return h;
}

/* ------------------------------------------------------------ writing */

typedef struct bytes {
    unsigned char *v;
    size_t n, cap;
    int failed;
} bytes;

static size_t put(bytes *b, const void *p, size_t n, size_t align)
{
    size_t at = (b->n + align - 1) / align * align;
    if (at + n > b->cap) {
        size_t nc = b->cap ? b->cap : 1 << 16;
        while (nc < at + n) nc *= 2;
        unsigned char *q = realloc(b->v, nc);
        if (!q) {
            b->failed = 1;
            return 0;
        }
        b->v = q;
        b->cap = nc;
    }
    memset(b->v + b->n, 0, at - b->n);
    if (n) memcpy(b->v + at, p, n);
    b->n = at + n;
    return at;
}

typedef struct writer {
    bytes pool, body;
    const char **pk;         /* pointer -> string ref, open addressing */
    uint64_t *pv;
    size_t pcap, pn;
    DY_VEC(uint64_t) codeptrs;
} writer;

static size_t ptr_slot(const writer *w, const char *s)
{
    uintptr_t x = (uintptr_t)s;
    size_t i = (size_t)((x >> 4) * 0x9E3779B97F4A7C15ull) & (w->pcap - 1);
    while (w->pk[i] && w->pk[i] != s) i = (i + 1) & (w->pcap - 1);
    return i;
}

/* The ref of string s (1 + pool offset, 0 for NULL); the same pointer gets
 * the same ref, so interned codes stay one pointer after loading. */
static uint64_t intern(writer *w, const char *s)
{
    if (!s || w->pool.failed) return 0;
    if (w->pn * 2 >= w->pcap) {
        size_t nc = w->pcap ? w->pcap * 2 : 1 << 14;
        const char **ok = w->pk;
        uint64_t *ov = w->pv;
        size_t oc = w->pcap;
        w->pk = calloc(nc, sizeof *w->pk);
        w->pv = calloc(nc, sizeof *w->pv);
        w->pcap = nc;
        if (!w->pk || !w->pv) {
            free(w->pk);
            free(w->pv);
            w->pk = ok, w->pv = ov, w->pcap = oc;
            w->pool.failed = 1;
            return 0;
        }
        for (size_t i = 0; i < oc; i++)
            if (ok[i]) {
                size_t j = ptr_slot(w, ok[i]);
                w->pk[j] = ok[i];
                w->pv[j] = ov[i];
            }
        free(ok);
        free(ov);
    }
    size_t i = ptr_slot(w, s);
    if (w->pk[i]) return w->pv[i];
    size_t at = put(&w->pool, s, strlen(s) + 1, 1);
    w->pk[i] = s;
    w->pv[i] = at + 1;
    w->pn++;
    return at + 1;
}

static void set_ref(void *slot, uint64_t ref)
{
    memcpy(slot, &ref, sizeof ref);
}

#define REF(item, field) set_ref(&(item)->field, intern(w, src->field))

/* Copies array a[0..n) into the body; returns its section. */
static dyd_section put_array(writer *w, const void *a, size_t n, size_t size)
{
    dyd_section s;
    s.off = put(&w->body, a, n * size, 16);
    s.count = n;
    return s;
}

#define ITEM(sec, type, i) ((type *)(void *)(w->body.v + (sec).off) + (i))

static void fix_vcode(writer *w, dy_vcode *dst, const dy_vcode *src)
{
    REF(dst, code);
    REF(dst, paired);
    REF(dst, passive);
}

static void write_arrays(writer *w, const struct dyad_dict *d, dyd_header *h)
{
    dyd_section *sec = h->sec;
    sec[S_ELEMS] = put_array(w, d->elems, d->n_elems, sizeof *d->elems);
    for (size_t i = 0; i < d->n_elems && !w->body.failed; i++) {
        const dy_elem *src = &d->elems[i];
        REF(ITEM(sec[S_ELEMS], dy_elem, i), word);
    }
    sec[S_ALTS] = put_array(w, d->alts, d->n_alts, sizeof *d->alts);
    sec[S_SYNSETS] = put_array(w, d->synsets, d->n_synsets, sizeof *d->synsets);
    for (size_t i = 0; i < d->n_synsets && !w->body.failed; i++) {
        const dy_synset *src = &d->synsets[i];
        REF(ITEM(sec[S_SYNSETS], dy_synset, i), name);
    }
    sec[S_DATED] = put_array(w, d->dated, d->n_dated, sizeof *d->dated);
    for (size_t i = 0; i < d->n_dated && !w->body.failed; i++) {
        const dy_dated_code *src = &d->dated[i];
        uint64_t first = src->n_codes ? w->codeptrs.n + 1 : 0;
        for (size_t k = 0; k < src->n_codes; k++)
            if (dy_vec_push(&w->codeptrs, intern(w, src->codes[k])) != 0) w->body.failed = 1;
        set_ref(&ITEM(sec[S_DATED], dy_dated_code, i)->codes, first);
    }
    sec[S_CODEPTRS] = put_array(w, w->codeptrs.v, w->codeptrs.n, sizeof(uint64_t));
    sec[S_ACTORS] = put_array(w, d->actors, d->n_actors, sizeof *d->actors);
    for (size_t i = 0; i < d->n_actors && !w->body.failed; i++) {
        const dy_actor *src = &d->actors[i];
        dy_actor *dst = ITEM(sec[S_ACTORS], dy_actor, i);
        REF(dst, text);
        REF(dst, file);
    }
    sec[S_AGENTS] = put_array(w, d->agents, d->n_agents, sizeof *d->agents);
    for (size_t i = 0; i < d->n_agents && !w->body.failed; i++) {
        const dy_agent *src = &d->agents[i];
        dy_agent *dst = ITEM(sec[S_AGENTS], dy_agent, i);
        REF(dst, code);
        REF(dst, text);
        REF(dst, file);
    }
    sec[S_NOUNS] = put_array(w, d->nouns, d->n_nouns, sizeof *d->nouns);
    sec[S_ADJECTIVES] = put_array(w, d->adjectives, d->n_adjectives, sizeof *d->adjectives);
    sec[S_VERBS] = put_array(w, d->verbs, d->n_verbs, sizeof *d->verbs);
    for (size_t i = 0; i < d->n_verbs && !w->body.failed; i++) {
        const dy_verb *src = &d->verbs[i];
        dy_verb *dst = ITEM(sec[S_VERBS], dy_verb, i);
        fix_vcode(w, &dst->code, &src->code);
        REF(dst, text);
        REF(dst, file);
    }
    sec[S_PATTERNS] = put_array(w, d->patterns, d->n_patterns, sizeof *d->patterns);
    for (size_t i = 0; i < d->n_patterns && !w->body.failed; i++) {
        const dy_pattern *src = &d->patterns[i];
        dy_pattern *dst = ITEM(sec[S_PATTERNS], dy_pattern, i);
        fix_vcode(w, &dst->code, &src->code);
        REF(dst, text);
        REF(dst, file);
    }
    sec[S_ISSUE_CATS] = put_array(w, d->issue_cats, d->n_issue_cats, sizeof *d->issue_cats);
    for (size_t i = 0; i < d->n_issue_cats && !w->body.failed; i++) {
        const dy_issue_cat *src = &d->issue_cats[i];
        dy_issue_cat *dst = ITEM(sec[S_ISSUE_CATS], dy_issue_cat, i);
        REF(dst, name);
        REF(dst, deflt);
    }
    sec[S_ISSUES] = put_array(w, d->issues, d->n_issues, sizeof *d->issues);
    for (size_t i = 0; i < d->n_issues && !w->body.failed; i++) {
        const dy_issue *src = &d->issues[i];
        dy_issue *dst = ITEM(sec[S_ISSUES], dy_issue, i);
        REF(dst, code);
        REF(dst, file);
    }
    sec[S_DISCARDS] = put_array(w, d->discards, d->n_discards, sizeof *d->discards);
    for (size_t i = 0; i < d->n_discards && !w->body.failed; i++) {
        const dy_discard *src = &d->discards[i];
        REF(ITEM(sec[S_DISCARDS], dy_discard, i), file);
    }
    sec[S_OPTIONS] = put_array(w, &d->options, 1, sizeof d->options);

    dy_index_parts ip;
    dy_index_get_parts(d->index, &ip);
    sec[S_NODES] = put_array(w, ip.nodes, ip.n_nodes, ip.node_size);
    sec[S_REFS] = put_array(w, ip.refs, ip.n_refs, sizeof *ip.refs);
    sec[S_CODE_KEYS] = put_array(w, NULL, 0, 8);
    for (size_t i = 0; i < ip.codes.cap && !w->body.failed; i++) {
        uint64_t r = intern(w, ip.codes.keys[i]);
        put(&w->body, &r, sizeof r, 8);
    }
    sec[S_CODE_KEYS].count = ip.codes.cap;
    sec[S_CODE_VALS] = put_array(w, ip.codes.vals, ip.codes.cap, sizeof(uint32_t));
    h->node_size = ip.node_size;
    h->codes_n = ip.codes.n;
    h->codes_cap = ip.codes.cap;
    h->has_time = (uint32_t)d->has_time;
    h->has_attrib = (uint32_t)d->has_attrib;
    h->warnings = intern(w, d->warnings);
}

dyad_status dy_dyd_build(const struct dyad_dict *d, unsigned char **out, size_t *len,
                         dyad_error *err)
{
    *out = NULL;
    *len = 0;
    if (!d || !d->index) return dy_error_set(err, DYAD_ERR_ARG, "dict", 0, "no dictionary");
    writer w;
    memset(&w, 0, sizeof w);
    dyd_header h;
    memset(&h, 0, sizeof h);
    write_arrays(&w, d, &h);
    bytes file = {0};
    put(&file, &h, sizeof h, 16);
    size_t pool_at = put(&file, w.pool.v, w.pool.n, 16);
    size_t body_at = put(&file, NULL, 0, 16);
    put(&file, w.body.v, w.body.n, 1);
    int failed = file.failed || w.pool.failed || w.body.failed;
    free(w.pool.v);
    free(w.body.v);
    free(w.pk);
    free(w.pv);
    dy_vec_free(&w.codeptrs);
    if (failed) {
        free(file.v);
        return dy_error_set(err, DYAD_ERR_NOMEM, "dict", 0, "out of memory compiling");
    }
    for (int s = 0; s < S_COUNT; s++) h.sec[s].off += body_at;
    h.sec[S_STRINGS].off = pool_at;
    h.sec[S_STRINGS].count = w.pool.n;
    memcpy(h.magic, MAGIC, 8);
    h.format = DY_DYD_FORMAT;
    h.layout = dy_dyd_layout_hash();
    snprintf(h.version, sizeof h.version, "%s", DYAD_VERSION);
    h.size = file.n;
    h.checksum = 0;
    memcpy(file.v, &h, sizeof h);
    h.checksum = checksum(file.v, file.n);
    memcpy(file.v, &h, sizeof h);
    *out = file.v;
    *len = file.n;
    return DYAD_OK;
}

dyad_status dyad_dict_save(const dyad_dict *dict, const char *path, dyad_error *err)
{
    if (!dict || !path) return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_dict_save: NULL argument");
    unsigned char *blob;
    size_t len;
    dyad_status st = dy_dyd_build(dict, &blob, &len, err);
    if (st != DYAD_OK) return st;
    /* a fresh temporary beside the target, renamed over it: a reader never
     * sees half a file, and no planted symlink is followed (base/safe_write.c) */
    st = dy_write_file_atomic(path, blob, len, err);
    free(blob);
    return st;
}

dyad_status dyad_dict_checksum(const dyad_dict *dict, unsigned long long *out, dyad_error *err)
{
    if (!dict || !out)
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_dict_checksum: NULL argument");
    unsigned char *blob;
    size_t len;
    dyad_status st = dy_dyd_build(dict, &blob, &len, err);
    if (st != DYAD_OK) return st;
    *out = dy_checksum(0, blob, len);
    free(blob);
    return DYAD_OK;
}

/* ------------------------------------------------------------ loading */

int dy_dyd_is(const char *path)
{
    char m[8];
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    size_t n = fread(m, 1, sizeof m, f);
    fclose(f);
    return n == sizeof m && memcmp(m, MAGIC, 8) == 0;
}

typedef struct reloc {
    unsigned char *base;
    size_t size;
    const char *strings;
    uint64_t n_strings;
    const char **codeptrs;
    uint64_t n_codeptrs;
    int bad;
} reloc;

/* A stored string ref becomes a pointer into the pool. */
static void fix(reloc *r, void *slot)
{
    uint64_t v;
    memcpy(&v, slot, sizeof v);
    const char *p = NULL;
    if (v) {
        if (v - 1 >= r->n_strings) r->bad = 1;
        else p = r->strings + (v - 1);
    }
    memcpy(slot, &p, sizeof p);
}

static void *section(reloc *r, const dyd_header *h, int s, size_t size, size_t *count)
{
    uint64_t off = h->sec[s].off, n = h->sec[s].count;
    if (off % 8 || off > r->size || (size && n > (r->size - off) / size)) {
        r->bad = 1;
        *count = 0;
        return NULL;
    }
    *count = (size_t)n;
    return r->base + off;
}

#define SECTION(field, s) \
    (d->field = section(&r, h, s, sizeof *d->field, &d->n_##field))

static dyad_status refused(dyad_error *err, const char *name, const char *why)
{
    return dy_error_set(err, DYAD_ERR_PARSE, name, 0,
                        "%s; rebuild it with `dyad dict compile` from its dictionaries", why);
}

/* Is this the header of a .dyd this build can load, `size` bytes long? */
static dyad_status check_header(const unsigned char *base, size_t size, const char *name,
                                dyad_error *err)
{
    dyd_header hh;
    if (size < sizeof hh || memcmp(base, MAGIC, 8) != 0)
        return refused(err, name, "not a compiled dyad dictionary");
    memcpy(&hh, base, sizeof hh);
    const dyd_header *h = &hh;
    char ver[sizeof h->version + 1];
    memcpy(ver, h->version, sizeof h->version);
    ver[sizeof h->version] = '\0';
    if (h->format != DY_DYD_FORMAT || strcmp(ver, DYAD_VERSION) != 0 ||
        h->layout != dy_dyd_layout_hash()) {
        char why[200];
        snprintf(why, sizeof why, "compiled by dyad %s (format %u) for another build; "
                 "this is dyad %s (format %d)", ver, (unsigned)h->format, DYAD_VERSION,
                 DY_DYD_FORMAT);
        return refused(err, name, why);
    }
    if (h->size != size) return refused(err, name, "truncated or extended compiled dictionary");
    return DYAD_OK;
}

/* Fixes the pointers of a checked file in place; base is writable. */
static dyad_status relocate(unsigned char *base, size_t size, const char *name,
                            dyad_dict **out, dyad_error *err)
{
    *out = NULL;
    dyd_header hh;
    memcpy(&hh, base, sizeof hh);
    const dyd_header *h = &hh;

    struct dyad_dict *d = calloc(1, sizeof *d);
    if (!d) return dy_error_set(err, DYAD_ERR_NOMEM, name, 0, "out of memory");
    dy_arena_init(&d->arena, 4096);
    reloc r = {base, size, NULL, 0, NULL, 0, 0};
    size_t n;
    r.strings = section(&r, h, S_STRINGS, 1, &n);   /* bytes: bounded like the rest */
    r.n_strings = n;
    r.codeptrs = section(&r, h, S_CODEPTRS, sizeof(uint64_t), &n);
    r.n_codeptrs = n;
    for (size_t i = 0; i < r.n_codeptrs && !r.bad; i++) fix(&r, &r.codeptrs[i]);

    SECTION(elems, S_ELEMS);
    for (size_t i = 0; i < d->n_elems; i++) fix(&r, &d->elems[i].word);
    SECTION(alts, S_ALTS);
    SECTION(synsets, S_SYNSETS);
    for (size_t i = 0; i < d->n_synsets; i++) fix(&r, &d->synsets[i].name);
    SECTION(dated, S_DATED);
    for (size_t i = 0; i < d->n_dated; i++) {
        dy_dated_code *c = &d->dated[i];
        uint64_t v;
        memcpy(&v, &c->codes, sizeof v);
        if (v && (v - 1 >= r.n_codeptrs || c->n_codes > r.n_codeptrs - (v - 1))) r.bad = 1;
        c->codes = v && !r.bad ? r.codeptrs + (v - 1) : NULL;
    }
    SECTION(actors, S_ACTORS);
    for (size_t i = 0; i < d->n_actors; i++) {
        fix(&r, &d->actors[i].text);
        fix(&r, &d->actors[i].file);
    }
    SECTION(agents, S_AGENTS);
    for (size_t i = 0; i < d->n_agents; i++) {
        fix(&r, &d->agents[i].code);
        fix(&r, &d->agents[i].text);
        fix(&r, &d->agents[i].file);
    }
    SECTION(nouns, S_NOUNS);
    SECTION(adjectives, S_ADJECTIVES);
    SECTION(verbs, S_VERBS);
    for (size_t i = 0; i < d->n_verbs; i++) {
        dy_verb *v = &d->verbs[i];
        fix(&r, &v->code.code);
        fix(&r, &v->code.paired);
        fix(&r, &v->code.passive);
        fix(&r, &v->text);
        fix(&r, &v->file);
    }
    SECTION(patterns, S_PATTERNS);
    for (size_t i = 0; i < d->n_patterns; i++) {
        dy_pattern *p = &d->patterns[i];
        fix(&r, &p->code.code);
        fix(&r, &p->code.paired);
        fix(&r, &p->code.passive);
        fix(&r, &p->text);
        fix(&r, &p->file);
    }
    SECTION(issue_cats, S_ISSUE_CATS);
    for (size_t i = 0; i < d->n_issue_cats; i++) {
        fix(&r, &d->issue_cats[i].name);
        fix(&r, &d->issue_cats[i].deflt);
    }
    SECTION(issues, S_ISSUES);
    for (size_t i = 0; i < d->n_issues; i++) {
        fix(&r, &d->issues[i].code);
        fix(&r, &d->issues[i].file);
    }
    SECTION(discards, S_DISCARDS);
    for (size_t i = 0; i < d->n_discards; i++) fix(&r, &d->discards[i].file);
    dy_options *opt = section(&r, h, S_OPTIONS, sizeof *opt, &n);
    if (opt && n == 1) d->options = *opt;
    else r.bad = 1;
    d->has_time = (int)h->has_time;
    d->has_attrib = (int)h->has_attrib;

    dy_index_parts ip;
    memset(&ip, 0, sizeof ip);
    size_t n_keys, n_vals;
    ip.node_size = (size_t)h->node_size;
    ip.nodes = section(&r, h, S_NODES, ip.node_size ? ip.node_size : 1, &ip.n_nodes);
    ip.refs = section(&r, h, S_REFS, sizeof *ip.refs, &ip.n_refs);
    ip.codes.keys = section(&r, h, S_CODE_KEYS, sizeof(uint64_t), &n_keys);
    ip.codes.vals = section(&r, h, S_CODE_VALS, sizeof(uint32_t), &n_vals);
    ip.codes.n = (size_t)h->codes_n;
    ip.codes.cap = (size_t)h->codes_cap;
    if (n_keys != ip.codes.cap || n_vals != ip.codes.cap) r.bad = 1;
    for (size_t i = 0; i < n_keys && !r.bad; i++) fix(&r, &ip.codes.keys[i]);
    const char *warn = NULL;
    uint64_t wref = h->warnings;
    if (wref && wref - 1 < r.n_strings) warn = r.strings + (wref - 1);
    d->warnings = strdup(warn ? warn : "");
    const char *why = NULL;
    if (!r.bad && dy_dyd_check(d, &ip, r.strings, r.n_strings, &why) != 0) r.bad = 1;
    if (!r.bad && d->warnings) d->index = dy_index_from_parts(&ip);
    if (r.bad || !d->index || !d->warnings) {
        int nomem = !r.bad && !d->warnings;
        dyad_dict_free(d);
        if (nomem) return dy_error_set(err, DYAD_ERR_NOMEM, name, 0, "out of memory");
        char msg[160];
        snprintf(msg, sizeof msg, "inconsistent compiled dictionary%s%s", why ? ": " : "",
                 why ? why : "");
        return refused(err, name, msg);
    }
    *out = d;
    return DYAD_OK;
}

/* The file is copied into fresh anonymous memory rather than mapped: the
 * pointer fix-ups write to most pages, and in a private file mapping each of
 * those writes is a copy-on-write fault (thousands of them). Memory advised
 * as huge pages takes a handful of faults, and the coder's walks over the
 * arrays then miss the TLB less. */
#define READ_CHUNK ((size_t)256 << 10)   /* summed while still in cache */

/* Where the bytes come from: a file descriptor, or memory when fd < 0. */
typedef struct source {
    int fd;
    const unsigned char *mem;
} source;

static int take(const source *src, unsigned char *dst, size_t at, size_t n)
{
    if (src->fd < 0) {
        memcpy(dst + at, src->mem + at, n);
        return 0;
    }
    for (size_t got = 0; got < n;) {
        ssize_t k = read(src->fd, dst + at + got, n - got);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return -1;
        got += (size_t)k;
    }
    return 0;
}

/* Copies a .dyd of `size` bytes from src, checks it, and relocates it. */
static dyad_status load(const source *src, size_t size, const char *name, dyad_dict **out,
                        dyad_error *err)
{
    *out = NULL;
    if (size < sizeof(dyd_header)) return refused(err, name, "not a compiled dyad dictionary");
    size_t len;
    unsigned char *base = dy_huge_alloc(size, &len);
    if (!base) return dy_error_set(err, DYAD_ERR_NOMEM, name, 0, "out of memory");
    dyad_status rc = DYAD_OK;
    if (take(src, base, 0, sizeof(dyd_header)) != 0)
        rc = dy_error_set(err, DYAD_ERR_IO, name, 0, "cannot read");
    else
        rc = check_header(base, size, name, err);
    if (rc == DYAD_OK) {
        sum_stream sum;
        sum_begin(&sum, base, size);
        for (size_t at = sizeof(dyd_header); at < size && rc == DYAD_OK;) {
            size_t n = size - at < READ_CHUNK ? size - at : READ_CHUNK;
            if (take(src, base, at, n) != 0) {
                rc = dy_error_set(err, DYAD_ERR_IO, name, 0, "cannot read");
                break;
            }
            at += n;
            sum_more(&sum, base, at);
        }
        dyd_header h;
        memcpy(&h, base, sizeof h);
        if (rc == DYAD_OK && sum_end(&sum, base) != h.checksum)
            rc = refused(err, name, "damaged compiled dictionary (checksum mismatch)");
    }
    if (rc == DYAD_OK) rc = relocate(base, size, name, out, err);
    if (rc != DYAD_OK) {
        dy_huge_free(base, len);
        return rc;
    }
    (*out)->mapped = base;
    (*out)->mapped_len = len;
    return DYAD_OK;
}

dyad_status dy_dyd_load_fd(int fd, size_t size, const char *name, dyad_dict **out,
                           dyad_error *err)
{
    *out = NULL;
    source src = {fd, NULL};
    return load(&src, size, name, out, err);
}

dyad_status dy_dyd_load(const char *path, dyad_dict **out, dyad_error *err)
{
    *out = NULL;
    int fd = open(path, O_RDONLY);
    if (fd < 0) return dy_error_set(err, DYAD_ERR_IO, path, 0, "cannot open");
    struct stat st;
    dyad_status rc;
    if (fstat(fd, &st) != 0 || st.st_size <= 0)
        rc = refused(err, path, "not a compiled dyad dictionary");
    else
        rc = dy_dyd_load_fd(fd, (size_t)st.st_size, path, out, err);
    close(fd);
    return rc;
}

dyad_status dy_dyd_load_mem(const void *data, size_t len, const char *name, dyad_dict **out,
                            dyad_error *err)
{
    source src = {-1, data};
    return load(&src, len, name, out, err);
}

void dy_dyd_unmap(struct dyad_dict *d)
{
    if (!d || !d->mapped) return;
    dy_huge_free(d->mapped, d->mapped_len);
    d->mapped = NULL;
}
