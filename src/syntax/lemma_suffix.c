/* lemma_suffix.c — learning the suffix rules: per tag class, a trie of word
 * endings whose nodes keep the edit scripts most words with that ending use. */
#include <stdlib.h>
#include <string.h>

#include "base/vec.h"
#include "syntax/lemma.h"

/* Tuned on the UD English dev sets (docs/syntax-lemma.md); the results
 * hardly move between depth 8 and 14, support 1 and 3. */
#define TRIE_DEPTH 10    /* longest ending learned, in bytes */
#define MIN_SUPPORT 2    /* words that must share a node's best script */
#define CANDIDATES 3     /* scripts a node keeps, best first */

#if CANDIDATES > DY_LEMMA_MAX_CANDIDATES || TRIE_DEPTH > DY_LEMMA_MAX_DEPTH
#error "the learner must stay within what the reader accepts"
#endif

typedef struct tnode {
    uint32_t child, sibling;      /* 0: none (node 0 is a placeholder) */
    uint32_t cand[CANDIDATES];    /* script ids, best first */
    uint32_t top;                 /* words with the best script */
    uint8_t byte, n_cand, keep, live;
} tnode;

typedef struct script {
    const char *s;                /* appended bytes */
    uint8_t strip, len;
} script;

typedef struct hit {
    uint32_t node, script, count;
} hit;

typedef struct learner {
    const dy_lemma_sfx_word *words;
    size_t n;
    DY_VEC(tnode) nodes;
    DY_VEC(script) scripts;
    uint32_t *word_script;        /* per word; UINT32_MAX: not learnable */
    uint32_t identity;            /* the script that changes nothing */
    DY_VEC(hit) hits;
    uint32_t *roots;              /* per class, in nodes */
    int n_classes;
} learner;

/* ------------------------------------------------------------ scripts */

/* The script turning form into lemma: strip what follows their common
 * prefix, append the rest of the lemma. */
static script script_of(const dy_lemma_sfx_word *w)
{
    size_t p = 0;
    while (p < w->form_len && p < w->lemma_len && w->form[p] == w->lemma[p]) p++;
    script s = { w->lemma + p, (uint8_t)(w->form_len - p), (uint8_t)(w->lemma_len - p) };
    return s;
}

static int cmp_script(const script *a, const script *b)
{
    if (a->strip != b->strip) return a->strip < b->strip ? -1 : 1;
    size_t n = a->len < b->len ? a->len : b->len;
    int c = n ? memcmp(a->s, b->s, n) : 0;
    if (c) return c;
    return (a->len > b->len) - (a->len < b->len);
}

typedef struct keyed {
    script sc;
    uint32_t word;                /* UINT32_MAX: the identity */
} keyed;

static int cmp_keyed(const void *pa, const void *pb)
{
    const keyed *a = pa, *b = pb;
    int c = cmp_script(&a->sc, &b->sc);
    if (c) return c;
    return (a->word > b->word) - (a->word < b->word);
}

/* Numbers every distinct script (sorted, so ids do not depend on hashing)
 * and gives each word its script. */
static int intern_scripts(learner *L)
{
    keyed *k = malloc((L->n + 1) * sizeof *k);
    L->word_script = malloc((L->n + 1) * sizeof *L->word_script);
    if (!k || !L->word_script) {
        free(k);
        return -1;
    }
    size_t m = 0;
    for (size_t i = 0; i < L->n; i++) {
        L->word_script[i] = UINT32_MAX;
        script s = script_of(&L->words[i]);
        if (s.strip <= TRIE_DEPTH) k[m++] = (keyed){ s, (uint32_t)i };
    }
    k[m++] = (keyed){ { "", 0, 0 }, UINT32_MAX };
    qsort(k, m, sizeof *k, cmp_keyed);
    for (size_t i = 0; i < m; i++) {
        if (i == 0 || cmp_script(&k[i].sc, &k[i - 1].sc) != 0)
            if (dy_vec_push(&L->scripts, k[i].sc) != 0) {
                free(k);
                return -1;
            }
        uint32_t id = (uint32_t)L->scripts.n - 1;
        if (k[i].word == UINT32_MAX) L->identity = id;
        else L->word_script[k[i].word] = id;
    }
    free(k);
    return 0;
}

/* ------------------------------------------------------------ the trie */

static int64_t new_node(learner *L, uint8_t byte)
{
    tnode t = { 0 };
    t.byte = byte;
    if (dy_vec_push(&L->nodes, t) != 0) return -1;
    return (int64_t)L->nodes.n - 1;
}

static int64_t child_of(learner *L, uint32_t parent, uint8_t byte)
{
    for (uint32_t c = L->nodes.v[parent].child; c; c = L->nodes.v[c].sibling)
        if (L->nodes.v[c].byte == byte) return c;
    int64_t c = new_node(L, byte);
    if (c < 0) return -1;
    L->nodes.v[c].sibling = L->nodes.v[parent].child;
    L->nodes.v[parent].child = (uint32_t)c;
    return c;
}

/* Counts word w's script at every node of its ending deep enough to hold
 * what the script strips: a script only rewrites bytes its node has seen. */
static int add_word(learner *L, uint32_t root, const dy_lemma_sfx_word *w, uint32_t sid)
{
    uint32_t strip = L->scripts.v[sid].strip, node = root;
    hit h = { root, sid, 1 };
    if (strip == 0 && dy_vec_push(&L->hits, h) != 0) return -1;
    for (uint32_t d = 1; d <= w->form_len && d <= TRIE_DEPTH; d++) {
        int64_t c = child_of(L, node, (uint8_t)w->form[w->form_len - d]);
        if (c < 0) return -1;
        node = (uint32_t)c;
        h.node = node;
        if (d >= strip && dy_vec_push(&L->hits, h) != 0) return -1;
    }
    return 0;
}

static int cmp_hit(const void *pa, const void *pb)
{
    const hit *a = pa, *b = pb;
    if (a->node != b->node) return a->node < b->node ? -1 : 1;
    return (a->script > b->script) - (a->script < b->script);
}

typedef struct ranked {
    const script *sc;
    uint32_t id, count;
} ranked;

/* Most words first; ties: the shorter strip, then the bytes. */
static int cmp_ranked(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    if (a->count != b->count) return a->count > b->count ? -1 : 1;
    return cmp_script(a->sc, b->sc);
}

/* Each node's best scripts, from the hits sorted by node and script. */
static int rank_nodes(learner *L)
{
    hit *h = L->hits.v;
    size_t n = L->hits.n, k = 0;
    if (n) qsort(h, n, sizeof *h, cmp_hit);
    for (size_t i = 0; i < n; i++) {   /* fold equal hits into counts */
        if (k && h[k - 1].node == h[i].node && h[k - 1].script == h[i].script) h[k - 1].count++;
        else h[k++] = h[i];
    }
    ranked *r = malloc((L->scripts.n ? L->scripts.n : 1) * sizeof *r);
    if (!r) return -1;
    for (size_t i = 0; i < k;) {
        size_t j = i, m = 0;
        for (; j < k && h[j].node == h[i].node; j++)
            r[m++] = (ranked){ &L->scripts.v[h[j].script], h[j].script, h[j].count };
        qsort(r, m, sizeof *r, cmp_ranked);
        tnode *t = &L->nodes.v[h[i].node];
        t->top = r[0].count;
        for (size_t c = 0; c < m && c < CANDIDATES; c++) t->cand[t->n_cand++] = r[c].id;
        i = j;
    }
    free(r);
    return 0;
}

static int same_list(const tnode *a, const tnode *b)
{
    return a->n_cand == b->n_cand && memcmp(a->cand, b->cand, a->n_cand * sizeof a->cand[0]) == 0;
}

/* A node keeps its scripts when enough words back them and they differ from
 * those of the nearest kept node above it (the walk would find those
 * anyway); a node is live when it or a node below it keeps scripts. */
static void prune(learner *L, uint32_t node, uint32_t kept_above)
{
    tnode *t = &L->nodes.v[node];
    if (kept_above == 0) {   /* the root: it always answers */
        if (t->top < MIN_SUPPORT) {
            t->n_cand = 1;
            t->cand[0] = L->identity;
        }
        t->keep = 1;
    } else {
        t->keep = t->top >= MIN_SUPPORT && !same_list(t, &L->nodes.v[kept_above]);
    }
    t->live = t->keep;
    uint32_t above = t->keep ? node : kept_above;
    for (uint32_t c = t->child; c; c = L->nodes.v[c].sibling) {
        prune(L, c, above);
        L->nodes.v[node].live |= L->nodes.v[c].live;
    }
}

/* ------------------------------------------------------------ output */

static int push_out_node(dy_lemma_sfx_out *o, size_t *cap, uint32_t **from, uint32_t src,
                         uint8_t byte)
{
    if (o->n_nodes == *cap) {
        size_t nc = *cap ? *cap * 2 : 1024;
        dy_lemma_sfx_node *nn = realloc(o->nodes, nc * sizeof *nn);
        uint32_t *nf = nn ? realloc(*from, nc * sizeof *nf) : NULL;
        if (nn) o->nodes = nn;
        if (!nf) return -1;
        *from = nf;
        *cap = nc;
    }
    dy_lemma_sfx_node z = { 0, 0, 0, byte, 0 };
    o->nodes[o->n_nodes] = z;
    (*from)[o->n_nodes++] = src;
    return 0;
}

/* The live children of node b, by byte. */
static size_t live_children(const learner *L, uint32_t b, uint32_t kids[256])
{
    size_t m = 0;
    for (uint32_t c = L->nodes.v[b].child; c; c = L->nodes.v[c].sibling) {
        if (!L->nodes.v[c].live) continue;
        size_t j = m++;
        for (; j > 0 && L->nodes.v[kids[j - 1]].byte > L->nodes.v[c].byte; j--) kids[j] = kids[j - 1];
        kids[j] = c;
    }
    return m;
}

/* Breadth first from each root, so a node's children lie together. */
static int emit(const learner *L, dy_lemma_sfx_out *o)
{
    size_t cap = 0;
    uint32_t *from = NULL, kids[256];
    o->roots = malloc((size_t)(L->n_classes ? L->n_classes : 1) * sizeof *o->roots);
    o->scripts = malloc((L->nodes.n * CANDIDATES + 1) * sizeof *o->scripts);
    int rc = o->roots && o->scripts ? 0 : -1;
    for (int c = 0; rc == 0 && c < L->n_classes; c++) {
        size_t q = o->n_nodes;
        o->roots[c] = (uint32_t)q;
        rc = push_out_node(o, &cap, &from, L->roots[c], 0);
        for (; rc == 0 && q < o->n_nodes; q++) {
            const tnode *t = &L->nodes.v[from[q]];
            if (t->keep) {
                o->nodes[q].script = (uint32_t)o->n_scripts;
                o->nodes[q].n_script = t->n_cand;
                for (int k = 0; k < t->n_cand; k++) {
                    const script *s = &L->scripts.v[t->cand[k]];
                    o->scripts[o->n_scripts++] = (dy_lemma_sfx_script){ s->s, s->strip, s->len };
                }
            }
            size_t m = live_children(L, from[q], kids);
            o->nodes[q].child = (uint32_t)o->n_nodes;
            o->nodes[q].n_child = (uint16_t)m;
            for (size_t i = 0; rc == 0 && i < m; i++)
                rc = push_out_node(o, &cap, &from, kids[i], L->nodes.v[kids[i]].byte);
        }
    }
    free(from);
    return rc;
}

int dy_lemma_sfx_learn(const dy_lemma_sfx_word *words, size_t n, int n_classes,
                       dy_lemma_sfx_out *out)
{
    learner L = { 0 };
    L.words = words;
    L.n = n;
    L.n_classes = n_classes;
    memset(out, 0, sizeof *out);
    L.roots = malloc((size_t)(n_classes ? n_classes : 1) * sizeof *L.roots);
    int rc = L.roots && new_node(&L, 0) == 0 ? 0 : -1;   /* the placeholder */
    for (int c = 0; rc == 0 && c < n_classes; c++) {
        int64_t r = new_node(&L, 0);
        rc = r < 0 ? -1 : 0;
        if (r >= 0) L.roots[c] = (uint32_t)r;
    }
    if (rc == 0) rc = intern_scripts(&L);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        if (L.word_script[i] == UINT32_MAX) continue;   /* strips too much: the table's */
        for (int k = 0; rc == 0 && k < 2; k++)
            if (words[i].cls[k] >= 0)
                rc = add_word(&L, L.roots[words[i].cls[k]], &words[i], L.word_script[i]);
    }
    if (rc == 0) rc = rank_nodes(&L);
    for (int c = 0; rc == 0 && c < n_classes; c++) prune(&L, L.roots[c], 0);
    if (rc == 0) rc = emit(&L, out);
    if (rc != 0) dy_lemma_sfx_free(out);
    free(L.roots);
    free(L.word_script);
    dy_vec_free(&L.nodes);
    dy_vec_free(&L.scripts);
    dy_vec_free(&L.hits);
    return rc;
}

void dy_lemma_sfx_free(dy_lemma_sfx_out *out)
{
    free(out->nodes);
    free(out->scripts);
    free(out->roots);
    memset(out, 0, sizeof *out);
}
