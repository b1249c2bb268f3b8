/* index.c — the word index: a character trie over the first word of every
 * entry, so a text word finds its candidate phrases in O(word length). */
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "dict/build.h"

/* Each node holds the entries whose first word ends at it, grouped by how
 * they match: stems (any continuation), words (equal), words that may take a
 * regular ending (single-word phrases, manual 5.2.3), exact (=). */
typedef struct trie_node {
    uint32_t first_child;
    uint16_t n_children;
    char ch;                 /* the edge into this node */
    uint8_t pad_;
    uint32_t first_ref;
    uint32_t n_stem, n_word, n_wlast, n_exact;
} trie_node;

struct dy_index {
    trie_node *nodes;
    size_t n_nodes, cap_nodes;
    dy_entry_ref *refs;
    size_t n_refs;
    dy_strset codes;
    int borrowed;            /* arrays belong to a mapped .dyd file (dict/dyd.c) */
};

enum { CAT_STEM, CAT_WORD, CAT_WLAST, CAT_EXACT };

typedef struct key {
    const char *word;
    uint32_t len;
    uint8_t cat;
    dy_entry_ref ref;
} key;

static int cmp_key(const void *pa, const void *pb)
{
    const key *a = pa, *b = pb;
    size_t m = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->word, b->word, m);
    if (c)
        return c;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    if (a->cat != b->cat)
        return a->cat < b->cat ? -1 : 1;
    if (a->ref.kind != b->ref.kind)
        return a->ref.kind < b->ref.kind ? -1 : 1;
    return a->ref.index < b->ref.index ? -1 : a->ref.index > b->ref.index;
}

static int push_key(key **keys, size_t *n, size_t *cap, const struct dyad_dict *d,
                    dy_phrase ph, uint8_t kind, uint32_t index)
{
    if (ph.count == 0)
        return 0;
    const dy_elem *e = &d->elems[ph.first];
    if (e->kind != DY_EL_WORD)
        return 0;   /* cannot be looked up by a word */
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 1024;
        key *k = realloc(*keys, nc * sizeof *k);
        if (!k)
            return -1;
        *keys = k;
        *cap = nc;
    }
    key *k = &(*keys)[(*n)++];
    memset(k, 0, sizeof *k);   /* padding too: refs are written to .dyd files */
    k->word = e->word;
    k->len = e->len;
    k->cat = e->match == DY_MATCH_STEM ? CAT_STEM
           : e->match == DY_MATCH_EXACT ? CAT_EXACT
           : ph.count == 1 ? CAT_WLAST : CAT_WORD;
    k->ref.kind = kind;
    k->ref.index = index;
    return 0;
}

static int new_nodes(struct dy_index *ix, size_t count, uint32_t *first)
{
    if (ix->n_nodes + count > ix->cap_nodes) {
        size_t nc = ix->cap_nodes ? ix->cap_nodes : 1024;
        while (nc < ix->n_nodes + count)
            nc *= 2;
        trie_node *p = realloc(ix->nodes, nc * sizeof *p);
        if (!p)
            return -1;
        ix->nodes = p;
        ix->cap_nodes = nc;
    }
    *first = (uint32_t)ix->n_nodes;
    memset(ix->nodes + ix->n_nodes, 0, count * sizeof *ix->nodes);
    ix->n_nodes += count;
    return 0;
}

/* keys[lo, hi) share their first `depth` characters; node gets them. */
static int build(struct dy_index *ix, const key *keys, size_t lo, size_t hi, uint32_t node,
                 uint32_t depth)
{
    size_t i = lo;
    ix->nodes[node].first_ref = (uint32_t)ix->n_refs;
    for (; i < hi && keys[i].len == depth; i++) {
        ix->refs[ix->n_refs++] = keys[i].ref;
        switch (keys[i].cat) {
        case CAT_STEM: ix->nodes[node].n_stem++; break;
        case CAT_WORD: ix->nodes[node].n_word++; break;
        case CAT_WLAST: ix->nodes[node].n_wlast++; break;
        default: ix->nodes[node].n_exact++; break;
        }
    }
    /* distinct next characters */
    size_t nchild = 0;
    for (size_t j = i; j < hi; j++)
        if (j == i || keys[j].word[depth] != keys[j - 1].word[depth])
            nchild++;
    if (nchild == 0)
        return 0;
    uint32_t first;
    if (new_nodes(ix, nchild, &first) != 0)
        return -1;
    ix->nodes[node].first_child = first;
    ix->nodes[node].n_children = (uint16_t)nchild;
    size_t c = 0, start = i;
    for (size_t j = i; j <= hi; j++) {
        if (j > start && (j == hi || keys[j].word[depth] != keys[start].word[depth])) {
            ix->nodes[first + c].ch = keys[start].word[depth];
            if (build(ix, keys, start, j, first + (uint32_t)c, depth + 1) != 0)
                return -1;
            c++;
            start = j;
        }
    }
    return 0;
}

dyad_status dy_index_build(struct dyad_dict *d, dy_strset *codes, dyad_error *err)
{
    struct dy_index *ix = calloc(1, sizeof *ix);
    key *keys = NULL;
    size_t n = 0, cap = 0;
    int bad = !ix;
    for (size_t i = 0; !bad && i < d->n_actors; i++)
        bad = push_key(&keys, &n, &cap, d, d->actors[i].phrase, DY_ENTRY_ACTOR, (uint32_t)i);
    for (size_t i = 0; !bad && i < d->n_agents; i++)
        bad = push_key(&keys, &n, &cap, d, d->agents[i].phrase, DY_ENTRY_AGENT, (uint32_t)i);
    for (size_t i = 0; !bad && i < d->n_nouns; i++)
        bad = push_key(&keys, &n, &cap, d, d->nouns[i], DY_ENTRY_NOUN, (uint32_t)i);
    for (size_t i = 0; !bad && i < d->n_adjectives; i++)
        bad = push_key(&keys, &n, &cap, d, d->adjectives[i], DY_ENTRY_ADJECTIVE, (uint32_t)i);
    for (size_t i = 0; !bad && i < d->n_verbs; i++)
        bad = push_key(&keys, &n, &cap, d, d->verbs[i].root, DY_ENTRY_VERB, (uint32_t)i);
    for (size_t i = 0; !bad && i < d->n_issues; i++)
        bad = push_key(&keys, &n, &cap, d, d->issues[i].phrase, DY_ENTRY_ISSUE, (uint32_t)i);
    for (size_t i = 0; !bad && i < d->n_discards; i++)
        bad = push_key(&keys, &n, &cap, d, d->discards[i].phrase, DY_ENTRY_DISCARD, (uint32_t)i);
    if (!bad) {
        if (n)   /* an empty dictionary has keys == NULL: qsort(NULL) is UB */
            qsort(keys, n, sizeof *keys, cmp_key);
        ix->refs = malloc((n ? n : 1) * sizeof *ix->refs);
        uint32_t root;
        bad = !ix->refs || new_nodes(ix, 1, &root) != 0 || build(ix, keys, 0, n, root, 0) != 0;
    }
    free(keys);
    if (bad) {
        dy_index_free(ix);
        return dy_error_set(err, DYAD_ERR_NOMEM, "", 0, "out of memory building the index");
    }
    ix->codes = *codes;
    memset(codes, 0, sizeof *codes);
    d->index = ix;
    return DYAD_OK;
}

void dy_index_free(struct dy_index *ix)
{
    if (!ix)
        return;
    if (ix->borrowed) {
        free(ix);
        return;
    }
    free(ix->nodes);
    free(ix->refs);
    dy_strset_free(&ix->codes);
    free(ix);
}

/* Regular endings (manual 5.2.3) plus the possessives 'S and S'. */
/* s[0..n) follows a dictionary word whose last letter is `prev`: DEPLORE_
 * takes DEPLORED and TAKE_ takes TAKEN, so a lone D or N after an E counts. */
static int is_ending(char prev, const char *s, size_t n)
{
    switch (n) {
    case 1: return s[0] == 'S' || (prev == 'E' && (s[0] == 'D' || s[0] == 'N'));
    case 2:
        return (s[0] == 'E' && (s[1] == 'S' || s[1] == 'D' || s[1] == 'N')) ||
               (s[0] == '\'' && s[1] == 'S') || (s[0] == 'S' && s[1] == '\'');
    case 3: return s[0] == 'I' && s[1] == 'N' && s[2] == 'G';
    default: return 0;
    }
}

int dy_word_matches(const dy_elem *e, const char *w, size_t n, int last)
{
    if (e->kind != DY_EL_WORD || n < e->len || memcmp(e->word, w, e->len) != 0)
        return 0;
    if (e->match == DY_MATCH_STEM || n == e->len)
        return 1;
    return (e->match == DY_MATCH_WORD || e->match == DY_MATCH_FORMS) && last &&
           is_ending(w[e->len - 1], w + e->len, n - e->len);
}

static size_t emit(const struct dy_index *ix, uint32_t first, uint32_t count,
                   dy_entry_ref *out, size_t max, size_t k)
{
    for (uint32_t i = 0; i < count; i++, k++)
        if (k < max)
            out[k] = ix->refs[first + i];
    return k;
}

/* The child of node reached by ch, or NULL. build() makes children in byte
 * order (the keys are sorted by memcmp), so wide nodes (the root has one
 * child per first letter) are searched by halves. */
static const trie_node *child(const struct dy_index *ix, const trie_node *node, unsigned ch)
{
    const trie_node *c = &ix->nodes[node->first_child];
    size_t lo = 0, hi = node->n_children;
    while (hi - lo > 8) {
        size_t mid = lo + (hi - lo) / 2;
        unsigned x = (unsigned char)c[mid].ch;
        if (x == ch)
            return &c[mid];
        if (x < ch)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < hi; lo++)
        if ((unsigned char)c[lo].ch == ch)
            return &c[lo];
    return NULL;
}

size_t dy_lookup(const struct dyad_dict *d, const char *w, size_t n,
                 dy_entry_ref *out, size_t max)
{
    const struct dy_index *ix = d ? d->index : NULL;
    if (!ix || ix->n_nodes == 0 || n == 0)
        return 0;
    size_t k = 0;
    const trie_node *node = &ix->nodes[0];
    for (size_t i = 0;; i++) {
        /* node spells w[0..i) */
        if (i > 0) {
            k = emit(ix, node->first_ref, node->n_stem, out, max, k);
            uint32_t words = node->first_ref + node->n_stem;
            if (i == n) {
                k = emit(ix, words, node->n_word + node->n_wlast + node->n_exact, out, max, k);
                break;
            }
            if (node->n_wlast && is_ending(w[i - 1], w + i, n - i))
                k = emit(ix, words + node->n_word, node->n_wlast, out, max, k);
        }
        if (i == n)
            break;
        const trie_node *next = child(ix, node, (unsigned char)w[i]);
        if (!next)
            break;
        node = next;
    }
    return k;
}

dy_phrase dy_entry_phrase(const struct dyad_dict *d, dy_entry_ref ref)
{
    dy_phrase none = {0, 0};
    switch (ref.kind) {
    case DY_ENTRY_ACTOR: return ref.index < d->n_actors ? d->actors[ref.index].phrase : none;
    case DY_ENTRY_AGENT: return ref.index < d->n_agents ? d->agents[ref.index].phrase : none;
    case DY_ENTRY_NOUN: return ref.index < d->n_nouns ? d->nouns[ref.index] : none;
    case DY_ENTRY_ADJECTIVE:
        return ref.index < d->n_adjectives ? d->adjectives[ref.index] : none;
    case DY_ENTRY_VERB: return ref.index < d->n_verbs ? d->verbs[ref.index].root : none;
    case DY_ENTRY_ISSUE: return ref.index < d->n_issues ? d->issues[ref.index].phrase : none;
    case DY_ENTRY_DISCARD:
        return ref.index < d->n_discards ? d->discards[ref.index].phrase : none;
    default: return none;
    }
}

const char *dy_find_code(const struct dyad_dict *d, const char *code)
{
    if (!d || !d->index || !code)
        return NULL;
    return dy_strset_key(&d->index->codes, code, strlen(code));
}

void dy_index_get_parts(const struct dy_index *ix, dy_index_parts *out)
{
    out->nodes = ix->nodes;
    out->n_nodes = ix->n_nodes;
    out->node_size = sizeof *ix->nodes;
    out->refs = ix->refs;
    out->n_refs = ix->n_refs;
    out->codes = ix->codes;
}

static size_t entries_of(const struct dyad_dict *d, unsigned kind)
{
    switch (kind) {
    case DY_ENTRY_ACTOR: return d->n_actors;
    case DY_ENTRY_AGENT: return d->n_agents;
    case DY_ENTRY_NOUN: return d->n_nouns;
    case DY_ENTRY_ADJECTIVE: return d->n_adjectives;
    case DY_ENTRY_VERB: return d->n_verbs;
    case DY_ENTRY_ISSUE: return d->n_issues;
    case DY_ENTRY_DISCARD: return d->n_discards;
    default: return 0;
    }
}

int dy_index_check(const dy_index_parts *in, const struct dyad_dict *d, const char **why)
{
    if (in->node_size != sizeof(trie_node) || in->n_nodes == 0) {
        *why = "no word index";
        return 0;
    }
    const trie_node *nodes = in->nodes;
    for (size_t i = 0; i < in->n_nodes; i++) {
        const trie_node *t = &nodes[i];
        uint64_t refs = (uint64_t)t->n_stem + t->n_word + t->n_wlast + t->n_exact;
        /* children lie after their parent, so a walk always goes forward */
        if ((t->n_children && (t->first_child <= i ||
                               (uint64_t)t->first_child + t->n_children > in->n_nodes)) ||
            (uint64_t)t->first_ref + refs > in->n_refs) {
            *why = "a word index node out of range";
            return 0;
        }
    }
    for (size_t i = 0; i < in->n_refs; i++)
        if (in->refs[i].index >= entries_of(d, in->refs[i].kind)) {
            *why = "a word index entry out of range";
            return 0;
        }
    return 1;
}

struct dy_index *dy_index_from_parts(const dy_index_parts *in)
{
    if (in->node_size != sizeof(trie_node))
        return NULL;
    struct dy_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return NULL;
    ix->nodes = in->nodes;
    ix->n_nodes = ix->cap_nodes = in->n_nodes;
    ix->refs = in->refs;
    ix->n_refs = in->n_refs;
    ix->codes = in->codes;
    ix->borrowed = 1;
    return ix;
}
