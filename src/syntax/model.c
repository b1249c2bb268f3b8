/* model.c — reads, checks and writes the syntax model file (.dym): a header
 * with a checksum, a table of sections, and each section validated whole. */
#include "syntax/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/checksum.h"
#include "base/error.h"
#include "base/file.h"
#include "base/hugemem.h"
#include "syntax/syntax.h"

#define HEADER_SIZE 64
#define SECTION_SIZE 24
#define CHECKSUM_AT 32

static uint32_t rd32(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static uint64_t rd64(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static void wr32(unsigned char *p, uint32_t v) { memcpy(p, &v, 4); }
static void wr64(unsigned char *p, uint64_t v) { memcpy(p, &v, 8); }

/* The checksum of a whole file, its checksum field taken as 0. */
uint64_t dy_model_checksum(const unsigned char *f, size_t len)
{
    unsigned char head[HEADER_SIZE];
    memcpy(head, f, HEADER_SIZE);
    wr64(head + CHECKSUM_AT, 0);
    uint64_t h = dy_checksum(0x5eed5eed ^ (uint64_t)len, head, HEADER_SIZE);
    return dy_checksum(h, f + HEADER_SIZE, len - HEADER_SIZE);
}

static dyad_status bad(dyad_error *err, const char *name, const char *why)
{
    return dy_error_set(err, DYAD_ERR_PARSE, name, 0, "not a usable dyad syntax model: %s", why);
}

/* A names section: uint32 count, then count NUL-terminated names of 1..63
 * bytes without blanks, filling the section exactly. */
static dyad_status read_names(const unsigned char *p, size_t len, const char **names, int *n,
                              const char *name, dyad_error *err)
{
    if (len < 4)
        return bad(err, name, "names section too short");
    uint32_t count = rd32(p);
    if (count == 0 || count > DY_MODEL_NAMES)
        return bad(err, name, "bad number of names");
    size_t at = 4;
    for (uint32_t i = 0; i < count; i++) {
        const unsigned char *z = at < len ? memchr(p + at, '\0', len - at) : NULL;
        if (!z)
            return bad(err, name, "unterminated name");
        size_t l = (size_t)(z - (p + at));
        if (l == 0 || l > 63)
            return bad(err, name, "empty or overlong name");
        for (size_t k = 0; k < l; k++)
            if (p[at + k] <= ' ')
                return bad(err, name, "a name holds a blank or control byte");
        names[i] = (const char *)p + at;
        at += l + 1;
    }
    /* zero padding only */
    for (; at < len; at++)
        if (p[at] != 0)
            return bad(err, name, "bytes after the names");
    *n = (int)count;
    return DYAD_OK;
}

static int find_name(const char *const *names, int n, const char *s)
{
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

static dyad_status read_tagset(dy_model *m, const unsigned char *p, size_t len,
                               const char *name, dyad_error *err)
{
    if (len < 4)
        return bad(err, name, "tag set too short");
    uint32_t n = rd32(p);
    if (n == 0 || n > 255 || len < 4 + 2 * (size_t)n)
        return bad(err, name, "bad tag set size");
    for (uint32_t c = 0; c < n; c++) {
        m->cls_upos[c] = p[4 + c];
        m->cls_xpos[c] = p[4 + n + c];
        if (m->cls_upos[c] >= DY_UPOS_COUNT || m->cls_xpos[c] >= m->n_xpos)
            return bad(err, name, "tag class out of range");
    }
    m->n_classes = (int)n;
    return DYAD_OK;
}

typedef struct span {
    const unsigned char *p;
    size_t len;
} span;

static dyad_status check(dy_model *m, const char *name, int verify_sum, dyad_error *err)
{
    const unsigned char *f = m->mem;
    size_t len = m->mem_len;
    if (len < HEADER_SIZE || memcmp(f, DY_MODEL_MAGIC, 8) != 0)
        return bad(err, name, "no model header");
    if (rd32(f + 8) != DY_MODEL_FORMAT)
        return dy_error_set(err, DYAD_ERR_PARSE, name, 0,
                            "syntax model format %u; this dyad reads format %d (retrain it "
                            "with `make model` or use the model that came with this dyad)",
                            rd32(f + 8), DY_MODEL_FORMAT);
    if (rd32(f + 12) != HEADER_SIZE || rd64(f + 16) != len)
        return bad(err, name, "truncated or extended (size differs from its header)");
    if (verify_sum && rd64(f + CHECKSUM_AT) != dy_model_checksum(f, len))
        return bad(err, name, "damaged (checksum mismatch)");
    uint32_t nsec = rd32(f + 40);
    if (nsec == 0 || nsec > 64 || HEADER_SIZE + (uint64_t)nsec * SECTION_SIZE > len)
        return bad(err, name, "bad section table");
    span sec[DY_MSEC_COUNT] = {{0}};
    for (uint32_t i = 0; i < nsec; i++) {
        const unsigned char *e = f + HEADER_SIZE + (size_t)i * SECTION_SIZE;
        uint32_t id = rd32(e);
        uint64_t slen = rd64(e + 8), off = rd64(e + 16);
        if (off % 64 != 0 || off < HEADER_SIZE + (uint64_t)nsec * SECTION_SIZE || off > len ||
            slen > len - off)
            return bad(err, name, "section out of bounds");
        if (id == 0 || id >= DY_MSEC_COUNT)
            continue;  /* a section a later dyad added: skipped */
        if (sec[id].p)
            return bad(err, name, "a section twice");
        sec[id].p = f + off;
        sec[id].len = (size_t)slen;
    }
    for (int id = 1; id < DY_MSEC_COUNT; id++)
        if (!sec[id].p)
            return bad(err, name, "a section is missing");
    if (sec[DY_MSEC_META].len == 0 || sec[DY_MSEC_META].p[sec[DY_MSEC_META].len - 1] != '\0' ||
        memchr(sec[DY_MSEC_META].p, '\0', sec[DY_MSEC_META].len) !=
            sec[DY_MSEC_META].p + sec[DY_MSEC_META].len - 1)
        return bad(err, name, "metadata not one NUL-terminated text");
    m->meta = (const char *)sec[DY_MSEC_META].p;
    dyad_status st;
    if ((st = read_names(sec[DY_MSEC_XPOS].p, sec[DY_MSEC_XPOS].len, m->xpos, &m->n_xpos, name,
                         err)) ||
        (st = read_names(sec[DY_MSEC_DEPREL].p, sec[DY_MSEC_DEPREL].len, m->label, &m->n_labels,
                         name, err)) ||
        (st = read_tagset(m, sec[DY_MSEC_TAGSET].p, sec[DY_MSEC_TAGSET].len, name, err)))
        return st;
    if (m->n_labels > 127)
        return bad(err, name, "too many relations");
    m->root_label = find_name(m->label, m->n_labels, "root");
    m->punct_label = find_name(m->label, m->n_labels, "punct");
    if (m->root_label < 0)
        return bad(err, name, "no 'root' relation");
    dyad_error sub;
    if ((st = dy_lexicon_open(&m->lexicon, sec[DY_MSEC_LEXICON].p, sec[DY_MSEC_LEXICON].len,
                              &sub)) ||
        (st = dy_wtab_open(&m->tagger_w, sec[DY_MSEC_TAGGER].p, sec[DY_MSEC_TAGGER].len,
                           (uint32_t)m->n_classes, "tagger weights", &sub)) ||
        (st = dy_wtab_open(&m->parser, sec[DY_MSEC_PARSER].p, sec[DY_MSEC_PARSER].len, 3,
                           "parser weights", &sub)) ||
        (st = dy_wtab_open(&m->labeller, sec[DY_MSEC_LABELLER].p, sec[DY_MSEC_LABELLER].len,
                           (uint32_t)(2 * m->n_labels), "labeller weights", &sub)) ||
        (st = dy_lemma_open(sec[DY_MSEC_LEMMA].p, sec[DY_MSEC_LEMMA].len, m->n_xpos, &m->lemma,
                            &sub))) {
        /* name the file, keep the part's own reason */
        char why[sizeof sub.where + sizeof sub.message + 2];
        snprintf(why, sizeof why, "%s: %s", sub.where, sub.message);
        return bad(err, name, why);
    }
    m->tagger.w = &m->tagger_w;
    dy_tagger_finite(m->tagger.finite, m->cls_xpos, m->n_classes, m->xpos, m->n_xpos);
    return DYAD_OK;
}

dyad_status dy_model_open(const void *data, size_t len, const char *name, dy_model **out,
                          dyad_error *err)
{
    *out = NULL;
    dy_model *m = calloc(1, sizeof *m);
    if (!m)
        return dy_error_set(err, DYAD_ERR_NOMEM, name, 0, "out of memory");
    /* a private copy in huge pages: the tables are probed at random */
    unsigned char *copy = dy_huge_alloc(len, &m->map_len);
    if (!copy) {
        free(m);
        return dy_error_set(err, DYAD_ERR_NOMEM, name, 0, "out of memory");
    }
    memcpy(copy, data, len);
    m->mem = copy;
    m->mem_len = len;
    dyad_status st = check(m, name, 1, err);
    if (st != DYAD_OK) {
        dy_model_free(m);
        return st;
    }
    *out = m;
    return DYAD_OK;
}

dyad_status dy_model_load(const char *path, dy_model **out, dyad_error *err)
{
    char *data;
    size_t len;
    *out = NULL;
    dyad_status st = dy_read_file(path, &data, &len, err);
    if (st != DYAD_OK)
        return st;
    st = dy_model_open(data, len, path, out, err);
    free(data);
    return st;
}

void dy_model_free(dy_model *m)
{
    if (!m)
        return;
    if (m->map_len)
        dy_huge_free((void *)(uintptr_t)m->mem, m->map_len);
    free(m);
}

const char *dy_model_meta(const dy_model *m, const char *key, char *buf, size_t cap)
{
    size_t kl = strlen(key);
    for (const char *line = m->meta; *line;) {
        const char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        if (n > kl + 3 && memcmp(line, key, kl) == 0 && memcmp(line + kl, " = ", 3) == 0) {
            size_t vl = n - kl - 3;
            if (vl >= cap)
                vl = cap - 1;
            memcpy(buf, line + kl + 3, vl);
            buf[vl] = '\0';
            return buf;
        }
        line += n + (end ? 1 : 0);
    }
    return NULL;
}

/* ------------------------------------------------------------ building */

dyad_status dy_model_names(const char *const *names, int n, unsigned char **out, size_t *len,
                           dyad_error *err)
{
    size_t size = 4;
    for (int i = 0; i < n; i++)
        size += strlen(names[i]) + 1;
    unsigned char *p = calloc(1, size);
    if (!p)
        return dy_error_set(err, DYAD_ERR_NOMEM, "model", 0, "out of memory");
    wr32(p, (uint32_t)n);
    size_t at = 4;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(names[i]) + 1;
        memcpy(p + at, names[i], l);
        at += l;
    }
    *out = p;
    *len = size;
    return DYAD_OK;
}

dyad_status dy_model_build(const dy_model_part *parts, int n, unsigned char **out,
                           size_t *len, dyad_error *err)
{
    size_t size = HEADER_SIZE + (size_t)n * SECTION_SIZE;
    size = (size + 63) & ~(size_t)63;
    for (int i = 0; i < n; i++)
        size += (parts[i].len + 63) & ~(size_t)63;
    unsigned char *f = calloc(1, size);
    if (!f)
        return dy_error_set(err, DYAD_ERR_NOMEM, "model", 0, "out of memory");
    memcpy(f, DY_MODEL_MAGIC, 8);
    wr32(f + 8, DY_MODEL_FORMAT);
    wr32(f + 12, HEADER_SIZE);
    wr64(f + 16, size);
    wr32(f + 40, (uint32_t)n);
    size_t at = (HEADER_SIZE + (size_t)n * SECTION_SIZE + 63) & ~(size_t)63;
    for (int i = 0; i < n; i++) {
        unsigned char *e = f + HEADER_SIZE + (size_t)i * SECTION_SIZE;
        wr32(e, (uint32_t)parts[i].id);
        wr64(e + 8, parts[i].len);
        wr64(e + 16, at);
        memcpy(f + at, parts[i].data, parts[i].len);
        at += (parts[i].len + 63) & ~(size_t)63;
    }
    wr64(f + CHECKSUM_AT, dy_model_checksum(f, size));
    *out = f;
    *len = size;
    return DYAD_OK;
}

/* ------------------------------------------------------------ public API */

dyad_status dyad_model_load(const char *path, dyad_model **out, dyad_error *err)
{
    if (!out)
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_model_load: NULL argument");
    *out = NULL;
    if (!path)
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_model_load: NULL argument");
    return dy_model_load(path, out, err);
}

dyad_status dyad_model_load_default(dyad_model **out, dyad_error *err)
{
    if (!out)
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_model_load_default: NULL argument");
    *out = NULL;
    if (dy_default_model_len == 0)
        return dy_error_set(err, DYAD_ERR_IO, "default model", 0,
                            "this dyad was built without a syntax model (data/model/en.dym); "
                            "run `make model`, or give one with --model");
    /* Part of the program: used in place, without a copy or a checksum (a
     * damaged binary is not this code's to catch), yet every table is still
     * checked before use. Starting dyad costs no 20 MB copy. */
    dy_model *m = calloc(1, sizeof *m);
    if (!m)
        return dy_error_set(err, DYAD_ERR_NOMEM, "default model", 0, "out of memory");
    m->mem = dy_default_model;
    m->mem_len = dy_default_model_len;
    dyad_status st = check(m, "default model", 0, err);
    if (st != DYAD_OK) {
        free(m);
        return st;
    }
    *out = m;
    return DYAD_OK;
}

void dyad_model_free(dyad_model *model)
{
    dy_model_free(model);
}

const char *dyad_model_info(const dyad_model *model, const char *key, char *buf, size_t cap)
{
    if (!model || !key || !buf || cap == 0)
        return NULL;
    return dy_model_meta(model, key, buf, cap);
}
