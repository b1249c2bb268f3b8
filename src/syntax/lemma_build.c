/* lemma_build.c — training the lemmatiser from gold words: tag classes, their
 * casing, suffix rules, known lemmas and exceptions, written as one blob. */
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/vec.h"
#include "syntax/lemma.h"

/* A (UPOS, XPOS) pair seen fewer times shares its UPOS's rules: too few words
 * to learn endings from (dev accuracy is flat from 10 to 100). */
#define MIN_CLASS_WORDS 30

typedef struct lb_word {
    uint32_t off;                 /* form, lower form, lemma, lower lemma, back to back */
    uint8_t form_len, lemma_len, upos;
    uint16_t xpos;
} lb_word;

struct dy_lemma_builder {
    int n_xpos;
    DY_VEC(lb_word) words;
    char *text;
    size_t text_len, text_cap;
    size_t skipped;               /* words too long to learn from */
};

static const char *w_form(const dy_lemma_builder *b, const lb_word *w)
{
    return b->text + w->off;
}
static const char *w_lform(const dy_lemma_builder *b, const lb_word *w)
{
    return b->text + w->off + w->form_len;
}
static const char *w_lemma(const dy_lemma_builder *b, const lb_word *w)
{
    return b->text + w->off + 2 * (size_t)w->form_len;
}
static const char *w_llemma(const dy_lemma_builder *b, const lb_word *w)
{
    return b->text + w->off + 2 * (size_t)w->form_len + w->lemma_len;
}

/* ------------------------------------------------------------ adding words */

dyad_status dy_lemma_builder_new(int n_xpos, dy_lemma_builder **out, dyad_error *err)
{
    *out = NULL;
    if (n_xpos < 1 || n_xpos > DY_LEMMA_MAX_XPOS)
        return dy_error_set(err, DYAD_ERR_ARG, "lemma", 0, "XPOS table of %d tags (1 to %d)",
                            n_xpos, DY_LEMMA_MAX_XPOS);
    dy_lemma_builder *b = calloc(1, sizeof *b);
    if (!b) return dy_error_set(err, DYAD_ERR_NOMEM, "lemma", 0, "out of memory");
    b->n_xpos = n_xpos;
    *out = b;
    return DYAD_OK;
}

static int text_room(dy_lemma_builder *b, size_t n)
{
    if (b->text_cap - b->text_len >= n) return 0;
    size_t cap = b->text_cap ? b->text_cap : 1 << 16;
    while (cap - b->text_len < n) cap *= 2;
    char *t = realloc(b->text, cap);
    if (!t) return -1;
    b->text = t;
    b->text_cap = cap;
    return 0;
}

static void put_lower(char *dst, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) dst[i] = (char)dy_lemma_lower((unsigned char)s[i]);
}

dyad_status dy_lemma_builder_add(dy_lemma_builder *b, const char *form, size_t form_len,
                                 int upos, int xpos, const char *lemma, size_t lemma_len,
                                 dyad_error *err)
{
    if (upos < 0 || upos >= DY_UPOS_COUNT || xpos < 0 || xpos >= b->n_xpos)
        return dy_error_set(err, DYAD_ERR_ARG, "lemma", 0, "tag out of range (UPOS %d, XPOS %d)",
                            upos, xpos);
    if (form_len == 0 || form_len > DY_LEMMA_MAX_KEY || lemma_len > DY_LEMMA_MAX_KEY) {
        b->skipped++;
        return DYAD_OK;
    }
    size_t need = 2 * (form_len + lemma_len);
    if (b->text_len + need > UINT32_MAX)
        return dy_error_set(err, DYAD_ERR_LIMIT, "lemma", 0, "more than 4 GB of training words");
    lb_word w = { (uint32_t)b->text_len, (uint8_t)form_len, (uint8_t)lemma_len, (uint8_t)upos,
                  (uint16_t)xpos };
    if (text_room(b, need) != 0 || dy_vec_push(&b->words, w) != 0)
        return dy_error_set(err, DYAD_ERR_NOMEM, "lemma", 0, "out of memory");
    char *t = b->text + b->text_len;
    memcpy(t, form, form_len);
    put_lower(t + form_len, form, form_len);
    if (lemma_len) {
        memcpy(t + 2 * form_len, lemma, lemma_len);
        put_lower(t + 2 * form_len + lemma_len, lemma, lemma_len);
    }
    b->text_len += need;
    return DYAD_OK;
}

void dy_lemma_builder_free(dy_lemma_builder *b)
{
    if (!b) return;
    dy_vec_free(&b->words);
    free(b->text);
    free(b);
}

/* ------------------------------------------------------------ sorting words */

/* A word seen through up to three of its strings, for sorting and grouping. */
typedef struct lb_key {
    const char *s[3];
    uint8_t n[3], upos;
    uint16_t xpos;
    uint32_t word;
} lb_key;

static int cmp_bytes(const char *a, size_t an, const char *b, size_t bn)
{
    size_t n = an < bn ? an : bn;
    int c = n ? memcmp(a, b, n) : 0;
    return c ? c : (an > bn) - (an < bn);
}

/* The strings compared after the tags, so equal keys end up together. */
static int key_strings(const lb_key *a, const lb_key *b)
{
    for (int i = 0; i < 3; i++) {
        int c = cmp_bytes(a->s[i], a->n[i], b->s[i], b->n[i]);
        if (c) return c;
    }
    return 0;
}

static int key_same(const lb_key *a, const lb_key *b)
{
    return a->upos == b->upos && a->xpos == b->xpos && key_strings(a, b) == 0;
}

static int cmp_key(const void *pa, const void *pb)
{
    const lb_key *a = pa, *b = pb;
    if (a->upos != b->upos) return a->upos < b->upos ? -1 : 1;
    if (a->xpos != b->xpos) return a->xpos < b->xpos ? -1 : 1;
    int c = key_strings(a, b);
    return c ? c : (a->word > b->word) - (a->word < b->word);
}

enum { K_FORM, K_LFORM, K_LEMMA, K_LLEMMA, K_NONE };

/* Every word keyed by its tags (unless untagged) and strings which[0..2],
 * sorted. The word's index breaks ties, so the order is the input's. */
static lb_key *sorted_keys(const dy_lemma_builder *b, const int which[3], int untagged)
{
    lb_key *k = malloc((b->words.n ? b->words.n : 1) * sizeof *k);
    if (!k) return NULL;
    for (size_t i = 0; i < b->words.n; i++) {
        const lb_word *w = &b->words.v[i];
        const char *s[] = { w_form(b, w), w_lform(b, w), w_lemma(b, w), w_llemma(b, w), "" };
        uint8_t n[] = { w->form_len, w->form_len, w->lemma_len, w->lemma_len, 0 };
        k[i] = (lb_key){ { s[which[0]], s[which[1]], s[which[2]] },
                         { n[which[0]], n[which[1]], n[which[2]] },
                         untagged ? 0 : w->upos, untagged ? 0 : w->xpos, (uint32_t)i };
    }
    if (b->words.n) qsort(k, b->words.n, sizeof *k, cmp_key);
    return k;
}

/* ------------------------------------------------------------ the model */

typedef struct lb_class {
    uint32_t cases[DY_LEMMA_CASES][DY_LEMMA_ACTS];   /* words each action re-cases right */
    uint32_t seen[DY_LEMMA_CASES];                   /* words of each casing */
    int parent;                   /* a pair's UPOS class; -1 for a UPOS class */
    uint32_t num_yes, num_no;     /* grouped numbers whose lemma drops the commas, or not */
    uint8_t act[DY_LEMMA_CASES];
    uint8_t flags;
} lb_class;

typedef struct lb_exc {
    uint32_t key, lemma;          /* pool offsets */
    uint16_t xpos;
    uint8_t key_len, lemma_len, upos, flags;
} lb_exc;

typedef struct lb_lex {
    uint32_t off, mask;
    uint8_t len;
} lb_lex;

/* The string pool: every distinct string stored once. */
typedef struct lb_pool {
    DY_VEC(unsigned char) bytes;
    DY_VEC(uint32_t) strs;        /* offset << 8 | length */
    uint32_t *slots;              /* 0 empty, else index in strs + 1 */
    size_t mask;
} lb_pool;

typedef struct lb_model {
    int n_xpos;
    uint16_t *classmap;           /* 17 * (n_xpos + 1) */
    DY_VEC(lb_class) classes;
    dy_lemma_sfx_out sfx;
    uint32_t *script_off;         /* pool offset of each script's appended bytes */
    DY_VEC(lb_exc) exc;
    DY_VEC(lb_lex) lex;
    lb_pool pool;
} lb_model;

static void model_free(lb_model *m)
{
    free(m->classmap);
    dy_vec_free(&m->classes);
    dy_lemma_sfx_free(&m->sfx);
    free(m->script_off);
    dy_vec_free(&m->exc);
    dy_vec_free(&m->lex);
    dy_vec_free(&m->pool.bytes);
    dy_vec_free(&m->pool.strs);
    free(m->pool.slots);
}

static uint32_t exact_hash(const unsigned char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ s[i]) * 16777619u;
    return h;
}

static int pool_grow(lb_pool *p)
{
    size_t cap = p->mask ? (p->mask + 1) * 2 : 4096;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots) return -1;
    for (size_t i = 0; i < p->strs.n; i++) {
        uint32_t e = p->strs.v[i];
        size_t h = exact_hash(p->bytes.v + (e >> 8), e & 255) & (cap - 1);
        while (slots[h]) h = (h + 1) & (cap - 1);
        slots[h] = (uint32_t)i + 1;
    }
    free(p->slots);
    p->slots = slots;
    p->mask = cap - 1;
    return 0;
}

/* The pool offset of s[0, n) (n <= 255), added when new; -1 out of memory. */
static int pool_add(lb_pool *p, const char *str, size_t n, uint32_t *off)
{
    const unsigned char *s = (const unsigned char *)str;
    if ((p->strs.n + 1) * 2 > p->mask && pool_grow(p) != 0) return -1;
    size_t h = exact_hash(s, n) & p->mask;
    for (; p->slots[h]; h = (h + 1) & p->mask) {
        uint32_t e = p->strs.v[p->slots[h] - 1];
        if ((e & 255) == n && (n == 0 || memcmp(p->bytes.v + (e >> 8), s, n) == 0)) {
            *off = e >> 8;
            return 0;
        }
    }
    if (p->bytes.n + n >= (1u << 24)) return -1;   /* offsets have 24 bits here */
    *off = (uint32_t)p->bytes.n;
    for (size_t i = 0; i < n; i++)
        if (dy_vec_push(&p->bytes, s[i]) != 0) return -1;
    if (dy_vec_push(&p->strs, *off << 8 | (uint32_t)n) != 0) return -1;
    p->slots[h] = (uint32_t)p->strs.n;
    return 0;
}

/* ------------------------------------------------------------ classes */

/* A new class's number; -1 when there are as many as the blob can number
 * (the caller falls back to the UPOS's class), -2 when out of memory. */
static int new_class(lb_model *m, int parent)
{
    lb_class c = { 0 };
    c.parent = parent;
    if (m->classes.n >= DY_LEMMA_NONE16) return -1;
    if (dy_vec_push(&m->classes, c) != 0) return -2;
    return (int)m->classes.n - 1;
}

/* Each UPOS has a class; each (UPOS, XPOS) pair with enough words its own. */
static int learn_classes(const dy_lemma_builder *b, lb_model *m, int **pair_class, int upos_class[])
{
    size_t stride = (size_t)b->n_xpos + 1, cells = DY_UPOS_COUNT * stride;
    uint32_t *count = calloc(cells, sizeof *count);
    *pair_class = malloc(cells * sizeof **pair_class);
    m->classmap = malloc(cells * sizeof *m->classmap);
    if (!count || !*pair_class || !m->classmap) {
        free(count);
        return -1;
    }
    for (size_t i = 0; i < b->words.n; i++) {
        count[b->words.v[i].upos * stride + b->words.v[i].xpos]++;
        count[b->words.v[i].upos * stride + (size_t)b->n_xpos]++;
    }
    int rc = 0;
    for (size_t u = 0; u < DY_UPOS_COUNT; u++) {
        int uc = count[u * stride + (size_t)b->n_xpos] ? new_class(m, -1) : -1;
        rc |= uc == -2;
        upos_class[u] = uc = uc < 0 ? -1 : uc;
        for (size_t x = 0; x < (size_t)b->n_xpos; x++) {
            int pc = count[u * stride + x] >= MIN_CLASS_WORDS ? new_class(m, uc) : -1;
            rc |= pc == -2;
            pc = pc < 0 ? -1 : pc;
            (*pair_class)[u * stride + x] = pc;
            int c = pc >= 0 ? pc : uc;
            m->classmap[u * stride + x] = c >= 0 ? (uint16_t)c : DY_LEMMA_NONE16;
        }
        m->classmap[u * stride + (size_t)b->n_xpos] = uc >= 0 ? (uint16_t)uc : DY_LEMMA_NONE16;
    }
    free(count);
    return rc ? -1 : 0;
}

/* The classes a word teaches: its own and, when that is a pair's, its UPOS's. */
static void word_classes(const lb_word *w, const int *pair_class, const int upos_class[],
                         int n_xpos, int cls[2])
{
    int pc = pair_class[w->upos * ((size_t)n_xpos + 1) + w->xpos];
    cls[0] = pc >= 0 ? pc : upos_class[w->upos];
    cls[1] = pc >= 0 ? upos_class[w->upos] : -1;
}

/* The best casing action of each class for each form casing (ties: the
 * form's casing, then lower case); a pair class that never saw a casing,
 * or a grouped number, does as its UPOS class (decided first). */
static void choose_actions(lb_model *m)
{
    static const int pref[DY_LEMMA_ACTS] = { DY_LEMMA_ACT_FORM, DY_LEMMA_ACT_LOWER, DY_LEMMA_ACT_TITLE };
    for (int pass = 0; pass < 2; pass++) {
        for (size_t c = 0; c < m->classes.n; c++) {
            lb_class *cl = &m->classes.v[c];
            if ((cl->parent >= 0) != pass) continue;
            const lb_class *up = cl->parent >= 0 ? &m->classes.v[cl->parent] : NULL;
            for (int fc = 0; fc < DY_LEMMA_CASES; fc++) {
                int best = pref[0];
                for (int j = 1; j < DY_LEMMA_ACTS; j++)
                    if (cl->cases[fc][pref[j]] > cl->cases[fc][best]) best = pref[j];
                cl->act[fc] = (uint8_t)(up && cl->seen[fc] == 0 ? up->act[fc] : best);
            }
            cl->flags = cl->num_yes > cl->num_no ? DY_LEMMA_CLASS_NUMCOMMA : 0;
            if (up && cl->num_yes + cl->num_no == 0) cl->flags = up->flags;
        }
    }
}

/* Counts, over distinct (form, lemma) pairs, which casing actions turn the
 * lower-case lemma into the gold one, and which grouped numbers lose their
 * commas. */
static int learn_casing(const dy_lemma_builder *b, lb_model *m, const int *pair_class,
                        const int upos_class[])
{
    static const int which[3] = { K_FORM, K_LEMMA, K_NONE };
    lb_key *k = sorted_keys(b, which, 0);
    if (!k) return -1;
    char buf[DY_LEMMA_MAX_KEY];
    for (size_t i = 0; i < b->words.n; i++) {
        if (i > 0 && key_same(&k[i], &k[i - 1])) continue;
        const lb_word *w = &b->words.v[k[i].word];
        const char *form = w_form(b, w), *lemma = w_lemma(b, w);
        int cls[2], fc = dy_lemma_casing(form, w->form_len);
        word_classes(w, pair_class, upos_class, b->n_xpos, cls);
        int grouped = dy_lemma_is_grouped_number(form, w->form_len), drops = 0;
        if (grouped) {
            size_t n = 0;
            for (size_t j = 0; j < w->form_len; j++)
                if (form[j] != ',') buf[n++] = form[j];
            drops = cmp_bytes(buf, n, lemma, w->lemma_len) == 0;
        }
        for (int a = 0; a < DY_LEMMA_ACTS; a++) {
            if (w->lemma_len) memcpy(buf, w_llemma(b, w), w->lemma_len);
            dy_lemma_recase(buf, w->lemma_len, a, form, w->form_len, fc);
            int right = cmp_bytes(buf, w->lemma_len, lemma, w->lemma_len) == 0;
            for (int c = 0; c < 2; c++)
                if (cls[c] >= 0) m->classes.v[cls[c]].cases[fc][a] += (uint32_t)right;
        }
        for (int c = 0; c < 2; c++)
            if (cls[c] >= 0) m->classes.v[cls[c]].seen[fc]++;
        for (int c = 0; grouped && c < 2; c++) {
            if (cls[c] < 0) continue;
            if (drops) m->classes.v[cls[c]].num_yes++;
            else m->classes.v[cls[c]].num_no++;
        }
    }
    free(k);
    choose_actions(m);
    return 0;
}

/* ------------------------------------------------------------ suffixes */

/* The suffix tries, from the distinct (lower form, lower lemma) pairs of each
 * tag pair: counted by kinds, not tokens, since unseen words are rare ones. */
static int learn_suffixes(const dy_lemma_builder *b, lb_model *m, const int *pair_class,
                          const int upos_class[])
{
    static const int which[3] = { K_LFORM, K_LLEMMA, K_NONE };
    lb_key *k = sorted_keys(b, which, 0);
    dy_lemma_sfx_word *sw = malloc((b->words.n ? b->words.n : 1) * sizeof *sw);
    int rc = k && sw ? 0 : -1;
    size_t n = 0;
    for (size_t i = 0; rc == 0 && i < b->words.n; i++) {
        if (i > 0 && key_same(&k[i], &k[i - 1])) continue;
        const lb_word *w = &b->words.v[k[i].word];
        dy_lemma_sfx_word *s = &sw[n++];
        *s = (dy_lemma_sfx_word){ w_lform(b, w), w_llemma(b, w), w->form_len, w->lemma_len, { 0, 0 } };
        word_classes(w, pair_class, upos_class, b->n_xpos, s->cls);
    }
    if (rc == 0) rc = dy_lemma_sfx_learn(sw, n, (int)m->classes.n, &m->sfx);
    free(k);
    free(sw);
    if (rc != 0) return rc;
    m->script_off = malloc((m->sfx.n_scripts ? m->sfx.n_scripts : 1) * sizeof *m->script_off);
    if (!m->script_off) return -1;
    for (size_t i = 0; i < m->sfx.n_scripts; i++)
        if (pool_add(&m->pool, m->sfx.scripts[i].append, m->sfx.scripts[i].append_len,
                     &m->script_off[i]) != 0)
            return -1;
    return 0;
}

/* ------------------------------------------------------------ lexicon */

/* Every lower-case lemma with the UPOS tags it was seen with: lets a rule
 * with several likely scripts pick the one giving a real word. */
static int learn_lexicon(const dy_lemma_builder *b, lb_model *m)
{
    static const int which[3] = { K_LLEMMA, K_NONE, K_NONE };
    lb_key *k = sorted_keys(b, which, 1);
    if (!k) return -1;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < b->words.n; i++) {
        const lb_word *w = &b->words.v[k[i].word];
        if (i > 0 && key_same(&k[i], &k[i - 1])) {
            m->lex.v[m->lex.n - 1].mask |= 1u << w->upos;
            continue;
        }
        lb_lex e = { 0, 1u << w->upos, w->lemma_len };
        rc = pool_add(&m->pool, w_llemma(b, w), w->lemma_len, &e.off);
        if (rc == 0) rc = dy_vec_push(&m->lex, e);
    }
    free(k);
    return rc;
}

/* ------------------------------------------------------------ exceptions */

/* One (form, lemma) of an exception group and how often it was seen. */
typedef struct lb_run {
    const lb_word *w;
    uint32_t count;
} lb_run;

/* How many of the runs' words the lemma of r gets right: as written, or
 * lower-cased and re-cased by the class as each form is. */
static uint32_t score(const dy_lemma_builder *b, const dy_lemmatizer *lz, int cls,
                      const lb_run *runs, size_t n, const lb_word *r, int literal)
{
    char buf[DY_LEMMA_MAX_KEY];
    uint32_t right = 0;
    for (size_t i = 0; i < n; i++) {
        const lb_word *w = runs[i].w;
        if (literal) {
            right += cmp_bytes(w_lemma(b, r), r->lemma_len, w_lemma(b, w), w->lemma_len) == 0 ? runs[i].count : 0;
            continue;
        }
        int fc = dy_lemma_casing(w_form(b, w), w->form_len);
        if (r->lemma_len) memcpy(buf, w_llemma(b, r), r->lemma_len);
        dy_lemma_recase(buf, r->lemma_len, dy_lemma_class_action(lz, cls, fc), w_form(b, w),
                        w->form_len, fc);
        right += cmp_bytes(buf, r->lemma_len, w_lemma(b, w), w->lemma_len) == 0 ? runs[i].count : 0;
    }
    return right;
}

/* How many of the runs' words the rules alone get right. */
static uint32_t rules_score(const dy_lemma_builder *b, const dy_lemmatizer *lz, dy_arena *a,
                            const lb_run *runs, size_t n, int *nomem)
{
    uint32_t right = 0;
    for (size_t i = 0; i < n; i++) {
        const lb_word *w = runs[i].w;
        size_t len;
        const char *got = dy_lemma_apply(lz, a, w_form(b, w), w->form_len, w->upos, w->xpos, &len);
        if (!got) *nomem = 1;
        else if (cmp_bytes(got, len, w_lemma(b, w), w->lemma_len) == 0) right += runs[i].count;
    }
    dy_arena_reset(a);
    return right;
}

/* One group: all words with the same lower form and tags. An exception is
 * kept only when it gets more of them right than the rules do. */
static int learn_group(const dy_lemma_builder *b, lb_model *m, const dy_lemmatizer *lz,
                       dy_arena *a, const lb_run *runs, size_t n)
{
    const lb_word *w0 = runs[0].w;
    int cls = dy_lemma_class(lz, w0->upos, w0->xpos), nomem = 0;
    uint32_t rules = rules_score(b, lz, a, runs, n, &nomem), best = 0;
    const lb_word *pick = NULL;
    int literal = 0;
    for (size_t i = 0; i < n; i++) {
        for (int lit = 0; lit < 2; lit++) {   /* re-cased first: it wins ties */
            uint32_t s = score(b, lz, cls, runs, n, runs[i].w, lit);
            if (s > best) best = s, pick = runs[i].w, literal = lit;
        }
    }
    if (nomem) return -1;
    if (!pick || best <= rules) return 0;
    lb_exc e = { 0, 0, w0->xpos, w0->form_len, pick->lemma_len, w0->upos,
                 literal ? DY_LEMMA_EXC_LITERAL : 0 };
    if (pool_add(&m->pool, w_lform(b, w0), w0->form_len, &e.key) != 0 ||
        pool_add(&m->pool, literal ? w_lemma(b, pick) : w_llemma(b, pick), pick->lemma_len,
                 &e.lemma) != 0)
        return -1;
    return dy_vec_push(&m->exc, e);
}

/* Groups the words by (tags, lower form); runs of equal (form, lemma) within. */
static int learn_exceptions(const dy_lemma_builder *b, lb_model *m, const dy_lemmatizer *lz)
{
    static const int which[3] = { K_LFORM, K_FORM, K_LEMMA };
    lb_key *k = sorted_keys(b, which, 0);
    lb_run *runs = malloc((b->words.n ? b->words.n : 1) * sizeof *runs);
    int rc = k && runs ? 0 : -1;
    dy_arena a;
    dy_arena_init(&a, 1 << 16);
    for (size_t i = 0; rc == 0 && i < b->words.n;) {
        size_t n = 0, j = i;
        for (; j < b->words.n && k[j].upos == k[i].upos && k[j].xpos == k[i].xpos &&
               cmp_bytes(k[j].s[0], k[j].n[0], k[i].s[0], k[i].n[0]) == 0; j++) {
            if (j > i && key_same(&k[j], &k[j - 1])) runs[n - 1].count++;
            else runs[n++] = (lb_run){ &b->words.v[k[j].word], 1 };
        }
        rc = learn_group(b, m, lz, &a, runs, n);
        i = j;
    }
    dy_arena_free(&a);
    free(runs);
    free(k);
    return rc;
}

/* ------------------------------------------------------------ writing */

typedef struct lb_out {
    unsigned char *p;
    size_t n;
} lb_out;

static void put(lb_out *o, uint32_t v, int bytes)
{
    for (int i = 0; i < bytes; i++) o->p[o->n++] = (unsigned char)(v >> (8 * i));
}

/* Open addressing with linear probing, twice as many slots as entries or
 * more, until no entry lies more than DY_LEMMA_MAX_PROBE slots from home. */
static uint32_t *make_slots(const uint32_t *hash, size_t n, uint32_t *n_slots, uint32_t *probe)
{
    *n_slots = 0;
    *probe = 0;
    if (n == 0) return calloc(1, sizeof(uint32_t));
    for (uint32_t cap = 16; cap && cap <= (1u << 28); cap *= 2) {
        if (cap < 2 * n) continue;
        uint32_t *s = calloc(cap, sizeof *s), worst = 0;
        if (!s) return NULL;
        for (size_t i = 0; i < n; i++) {
            uint32_t h = hash[i] & (cap - 1), d = 0;
            while (s[(h + d) & (cap - 1)]) d++;
            s[(h + d) & (cap - 1)] = (uint32_t)i + 1;
            if (d + 1 > worst) worst = d + 1;
        }
        if (worst <= DY_LEMMA_MAX_PROBE) {
            *n_slots = cap;
            *probe = worst;
            return s;
        }
        free(s);
    }
    return NULL;
}

static uint32_t exc_hash(const lb_model *m, const lb_exc *e)
{
    uint32_t h = dy_lemma_hash_more(2166136261u, (const char *)m->pool.bytes.v + e->key, e->key_len);
    return dy_lemma_hash_final(h, dy_lemma_exc_tag(e->upos, e->xpos));
}

static uint32_t lex_hash(const lb_model *m, const lb_lex *e)
{
    uint32_t h = dy_lemma_hash_more(2166136261u, (const char *)m->pool.bytes.v + e->off, e->len);
    return dy_lemma_hash_final(h, 0);
}

typedef struct lb_tables {
    uint32_t *exc_hash, *lex_hash, *exc_slots, *lex_slots;
    uint32_t n_exc_slots, exc_probe, n_lex_slots, lex_probe;
} lb_tables;

static int make_tables(const lb_model *m, lb_tables *t)
{
    t->exc_hash = malloc((m->exc.n + 1) * sizeof *t->exc_hash);
    t->lex_hash = malloc((m->lex.n + 1) * sizeof *t->lex_hash);
    if (!t->exc_hash || !t->lex_hash) return -1;
    for (size_t i = 0; i < m->exc.n; i++) t->exc_hash[i] = exc_hash(m, &m->exc.v[i]);
    for (size_t i = 0; i < m->lex.n; i++) t->lex_hash[i] = lex_hash(m, &m->lex.v[i]);
    t->exc_slots = make_slots(t->exc_hash, m->exc.n, &t->n_exc_slots, &t->exc_probe);
    t->lex_slots = make_slots(t->lex_hash, m->lex.n, &t->n_lex_slots, &t->lex_probe);
    return t->exc_slots && t->lex_slots ? 0 : -1;
}

static void free_tables(lb_tables *t)
{
    free(t->exc_hash);
    free(t->lex_hash);
    free(t->exc_slots);
    free(t->lex_slots);
}

static void write_header(lb_out *o, const lb_model *m, const lb_tables *t)
{
    memcpy(o->p, DY_LEMMA_MAGIC, 8);
    o->n = 8;
    uint32_t f[] = { DY_LEMMA_VERSION, DY_UPOS_COUNT, (uint32_t)m->n_xpos, (uint32_t)m->classes.n,
                     (uint32_t)m->sfx.n_nodes, (uint32_t)m->sfx.n_scripts, (uint32_t)m->exc.n,
                     t->n_exc_slots, t->exc_probe, (uint32_t)m->lex.n, t->n_lex_slots,
                     t->lex_probe, (uint32_t)m->pool.bytes.n, 0 };
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) put(o, f[i], 4);
}

static void write_sections(lb_out *o, const lb_model *m, const lb_tables *t)
{
    size_t cells = DY_UPOS_COUNT * ((size_t)m->n_xpos + 1);
    for (size_t i = 0; i < cells; i++) put(o, m->classmap[i], 2);
    if (cells % 2) put(o, 0, 2);
    for (size_t i = 0; i < m->classes.n; i++) {
        const lb_class *c = &m->classes.v[i];
        put(o, m->sfx.roots[i], 4);
        for (int k = 0; k < DY_LEMMA_CASES; k++) put(o, c->act[k], 1);
        put(o, c->flags, 1);
        put(o, 0, 1);
    }
    for (size_t i = 0; i < m->sfx.n_nodes; i++) {
        const dy_lemma_sfx_node *nd = &m->sfx.nodes[i];
        put(o, nd->child, 4), put(o, nd->script, 4), put(o, nd->n_child, 2);
        put(o, nd->byte, 1), put(o, nd->n_script, 1);
    }
    for (size_t i = 0; i < m->sfx.n_scripts; i++) {
        put(o, m->script_off[i], 4), put(o, m->sfx.scripts[i].strip, 1);
        put(o, m->sfx.scripts[i].append_len, 1), put(o, 0, 2);
    }
    for (size_t i = 0; i < m->exc.n; i++) {
        const lb_exc *e = &m->exc.v[i];
        put(o, t->exc_hash[i], 4), put(o, e->key, 4), put(o, e->lemma, 4), put(o, e->xpos, 2);
        put(o, e->key_len, 1), put(o, e->lemma_len, 1), put(o, e->upos, 1), put(o, e->flags, 1);
        put(o, 0, 2);
    }
    for (size_t i = 0; i < t->n_exc_slots; i++) put(o, t->exc_slots[i], 4);
    for (size_t i = 0; i < m->lex.n; i++) {
        const lb_lex *e = &m->lex.v[i];
        put(o, t->lex_hash[i], 4), put(o, e->off, 4), put(o, e->mask, 4), put(o, e->len, 1);
        put(o, 0, 3);
    }
    for (size_t i = 0; i < t->n_lex_slots; i++) put(o, t->lex_slots[i], 4);
    if (m->pool.bytes.n) memcpy(o->p + o->n, m->pool.bytes.v, m->pool.bytes.n);
    o->n += m->pool.bytes.n;
}

static int write_blob(const lb_model *m, unsigned char **blob, size_t *len)
{
    lb_tables t = { 0 };
    *blob = NULL;
    if (make_tables(m, &t) != 0) {
        free_tables(&t);
        return -1;
    }
    size_t map = DY_UPOS_COUNT * ((size_t)m->n_xpos + 1) * 2;
    size_t total = DY_LEMMA_HEADER_SIZE + ((map + 3) & ~(size_t)3) +
                   m->classes.n * DY_LEMMA_CLASS_SIZE + m->sfx.n_nodes * DY_LEMMA_NODE_SIZE +
                   m->sfx.n_scripts * DY_LEMMA_SCRIPT_SIZE + m->exc.n * DY_LEMMA_EXC_SIZE +
                   (size_t)t.n_exc_slots * 4 + m->lex.n * DY_LEMMA_LEX_SIZE +
                   (size_t)t.n_lex_slots * 4 + m->pool.bytes.n;
    lb_out o = { calloc(total, 1), 0 };
    if (o.p) {
        write_header(&o, m, &t);
        write_sections(&o, m, &t);
        *blob = o.p;
        *len = total;
    }
    free_tables(&t);
    return o.p && o.n == total ? 0 : -1;
}

/* ------------------------------------------------------------ finishing */

/* Everything but the exceptions, which are decided by running these rules. */
static int learn_rules(const dy_lemma_builder *b, lb_model *m)
{
    int *pair_class = NULL, upos_class[DY_UPOS_COUNT];
    int rc = learn_classes(b, m, &pair_class, upos_class);
    if (rc == 0) rc = learn_casing(b, m, pair_class, upos_class);
    if (rc == 0) rc = learn_suffixes(b, m, pair_class, upos_class);
    if (rc == 0) rc = learn_lexicon(b, m);
    free(pair_class);
    return rc;
}

dyad_status dy_lemma_builder_finish(dy_lemma_builder *b, unsigned char **blob, size_t *len,
                                    dyad_error *err)
{
    lb_model m = { 0 };
    unsigned char *rules = NULL;
    size_t rules_len = 0;
    dy_lemmatizer lz;
    *blob = NULL;
    *len = 0;
    m.n_xpos = b->n_xpos;
    int rc = learn_rules(b, &m);
    if (rc == 0) rc = write_blob(&m, &rules, &rules_len);
    if (rc == 0 && dy_lemma_open(rules, rules_len, b->n_xpos, &lz, err) != DYAD_OK) {
        free(rules);
        model_free(&m);
        return err ? err->status : DYAD_ERR_PARSE;   /* a bug: the writer and reader disagree */
    }
    if (rc == 0) rc = learn_exceptions(b, &m, &lz);
    if (rc == 0) rc = write_blob(&m, blob, len);
    free(rules);
    model_free(&m);
    if (rc != 0) {
        free(*blob);
        *blob = NULL;
        *len = 0;
        return dy_error_set(err, DYAD_ERR_NOMEM, "lemma", 0, "out of memory building the lemma data");
    }
    return DYAD_OK;
}
