/* lexer.c — classifies the words of a sentence: finds the longest dictionary
 * phrase at each word (actors, agents, verbs, nouns, ...) and the closed-class words. */
#include <string.h>

#include "base/error.h"
#include "parse/lexer.h"

/* Closed-class words; all match the whole word only (TABARI stores them as "THE_"). */
static const struct { const char *word; uint8_t wtype; } closed_words[DY_C_COUNT_] = {
    [DY_C_NONE] = {"", DY_W_NULL},
    [DY_C_A] = {"A", DY_W_DETERM},      [DY_C_AN] = {"AN", DY_W_DETERM},
    [DY_C_THE] = {"THE", DY_W_DETERM},
    [DY_C_AND] = {"AND", DY_W_CONJ},    [DY_C_NOR] = {"NOR", DY_W_CONJ},
    [DY_C_BUT] = {"BUT", DY_W_CONJ},    [DY_C_OR] = {"OR", DY_W_CONJ},
    [DY_C_IN] = {"IN", DY_W_PREP},      [DY_C_OF] = {"OF", DY_W_PREP},
    [DY_C_HE] = {"HE", DY_W_PRONOUN},   [DY_C_HIM] = {"HIM", DY_W_PRONOUN},
    [DY_C_SHE] = {"SHE", DY_W_PRONOUN}, [DY_C_HER] = {"HER", DY_W_PRONOUN},
    [DY_C_IT] = {"IT", DY_W_PRONOUN},   [DY_C_THEM] = {"THEM", DY_W_PRONOUN},
    [DY_C_THEIR] = {"THEIR", DY_W_PRONOUN}, [DY_C_THEY] = {"THEY", DY_W_PRONOUN},
    [DY_C_WERE] = {"WERE", DY_W_AUXIL}, [DY_C_WAS] = {"WAS", DY_W_AUXIL},
    [DY_C_BEEN] = {"BEEN", DY_W_AUXIL},
    [DY_C_BY] = {"BY", DY_W_BY},
    [DY_C_FORMER] = {"FORMER", DY_W_ADJ},
};

static const char *wtype_names[DY_W_COUNT_] = {
    "null", "actor", "agent", "verb", "time", "attrib", "determ", "noun", "adjctv",
    "auxil", "byword", "comma", "pronoun", "conj", "prep", "number", "issue",
    "discard", "nulled"
};

const char *dy_wtype_name(int wtype)
{
    return (wtype >= 0 && wtype < DY_W_COUNT_) ? wtype_names[wtype] : "?";
}

/* The closed-class words by first letter (0 ends a list). */
static const uint8_t closed_by_letter[26][5] = {
    ['A' - 'A'] = {DY_C_A, DY_C_AN, DY_C_AND},
    ['B' - 'A'] = {DY_C_BUT, DY_C_BY, DY_C_BEEN},
    ['F' - 'A'] = {DY_C_FORMER},
    ['H' - 'A'] = {DY_C_HE, DY_C_HIM, DY_C_HER},
    ['I' - 'A'] = {DY_C_IN, DY_C_IT},
    ['N' - 'A'] = {DY_C_NOR},
    ['O' - 'A'] = {DY_C_OR, DY_C_OF},
    ['S' - 'A'] = {DY_C_SHE},
    ['T' - 'A'] = {DY_C_THE, DY_C_THEM, DY_C_THEIR, DY_C_THEY},
    ['W' - 'A'] = {DY_C_WERE, DY_C_WAS},
};

int dy_closed_lookup(const char *w, size_t n)
{
    if (n == 0 || n > 6 || w[0] < 'A' || w[0] > 'Z') return DY_C_NONE;
    const uint8_t *c = closed_by_letter[w[0] - 'A'];
    for (int k = 0; k < 5 && c[k]; ++k) {
        const char *cw = closed_words[c[k]].word;
        size_t i = 1;
        while (i < n && cw[i] && cw[i] == w[i]) ++i;   /* stops at cw's NUL */
        if (i == n && cw[n] == '\0') return c[k];
    }
    return DY_C_NONE;
}

/* Matches a candidate phrase at word `start` (TABARI's matchLex). On success
 * returns the characters matched and writes the matched words to pos[]. */
static int match_root(const dy_sentence *s, const dyad_dict *d, const dy_cand *c, int start,
                      int *pos, int *npos)
{
    int at = start, nmatch = 0, skip = 0;
    *npos = 0;
    for (uint32_t k = 0; k < c->count; ++k) {
        unsigned len;
        uint8_t match, adjacent;
        const char *word = NULL;
        char last;
        if (k == 0) {               /* the lookup already matched the first word */
            len = c->len0, match = c->match0, adjacent = c->adj0, last = c->last0;
        } else {
            if (k == 1 && (!c->word1 || (c->len1 && !dy_wordmask_has(&s->mask, c->h1)))) return 0;
            /* the second word is checked against the inline prefix first */
            const char *cmp = k == 1 ? c->pre1 : NULL;
            size_t ncmp = k == 1 ? (c->len1 < 8 ? c->len1 : 8) : 0;
            const dy_elem *e = NULL;
            if (k > 1) {
                e = &d->elems[c->first + k];
                if (e->kind != DY_EL_WORD) return 0;
                cmp = e->word;
                ncmp = e->len;
            }
            len = k == 1 ? c->len1 : e->len;
            for (;;) {
                if (at >= s->n) return 0;
                const dy_token *t = s->w[at].tok;
                if (s->w[at].wtype == DY_W_COMMA) return 0;    /* never across commas */
                if (t->len >= len && (ncmp == 0 || (t->text[0] == cmp[0] &&
                                                    memcmp(t->text, cmp, ncmp) == 0))) {
                    if (!e) e = &d->elems[c->first + k];
                    if (len <= 8 || memcmp(t->text, e->word, len) == 0) break;
                }
                if (!skip) return 0;
                ++at;
            }
            if (!e) e = &d->elems[c->first + k];
            match = e->match, adjacent = e->adjacent, word = e->word;
            last = '\0';
        }
        const dy_token *t = s->w[at].tok;
        pos[(*npos)++] = at;
        nmatch += (int)len;
        if (t->len > len && match != DY_MATCH_STEM) {
            if (match == DY_MATCH_EXACT || k + 1 < c->count) return 0;
            if (word) last = len ? word[len - 1] : '\0';
            int extra = dy_regular_ending(c->wtype, match, last, t->text + len, t->len - len);
            return extra < 0 ? 0 : nmatch + extra;
        }
        skip = !adjacent;
        ++at;
    }
    return nmatch;
}

static int add_root(dy_sentence *s, uint8_t wtype, uint8_t closed, dy_entry_ref ref,
                    const int *pos, int npos, int nmatch)
{
    dy_root *r = &s->roots[s->nroots];
    r->wtype = wtype;
    r->closed = closed;
    r->active = 1;
    r->ref = ref;
    r->head = pos[0];
    r->tail = pos[npos - 1];
    r->nmatch = nmatch;
    for (int k = 0; k < npos; ++k) {
        s->w[pos[k]].wtype = wtype;
        s->w[pos[k]].member = s->nroots;
    }
    s->w[r->head].head_of = s->nroots;
    s->w[r->tail].tail_of = s->nroots;
    return s->nroots++;
}

/* The longest match found so far at a word. */
typedef struct best_root {
    int len, closed, n;
    uint8_t wtype;
    dy_entry_ref ref;
    int pos[DY_MAX_WORDS];
} best_root;

/* Tries candidate cd at word i (candidates come in dictionary order). */
static inline void consider(const dy_sentence *s, const dy_cand *cd, int i, best_root *b)
{
    int pos[DY_MAX_WORDS], npos, len;
    if (cd->count == 1) {       /* decided when the word was looked up */
        len = cd->solo;
        pos[0] = i;
        npos = 1;
    } else {
        /* most multi-word candidates fail on their second word: no call */
        if (!dy_wordmask_has(&s->mask, cd->key)) return;
        len = match_root(s, s->dict, cd, i, pos, &npos);
    }
    /* ties go to the entry listed first, as TABARI reads them in order */
    if (len > b->len || (len == b->len && len > 0 && b->closed == DY_C_NONE &&
                         cd->ref.kind == b->ref.kind && cd->ref.index < b->ref.index)) {
        b->len = len;
        b->closed = DY_C_NONE;
        b->wtype = cd->wtype;
        b->ref = cd->ref;
        memcpy(b->pos, pos, (size_t)npos * sizeof *pos);
        b->n = npos;
    }
}

#define MAX_HITS 256

/* Candidates of a split word (lexcache.h): those whose second word is the
 * next word by its prefix hash, merged in order with the rest. 0 when there
 * are too many to gather (then every candidate is tried). */
static int consider_split(const dy_sentence *s, const dy_cand *cands, const dy_lexsplit *sp,
                          int i, best_root *b)
{
    uint16_t hit[MAX_HITS];
    int nh = 0;
    if (i + 1 < s->n && s->w[i + 1].wtype != DY_W_COMMA) {
        const dy_token *nt = s->w[i + 1].tok;
        uint32_t h = 0;
        for (size_t k = 0; k < nt->len && k < 3; ++k) {
            h = h * 131u + (unsigned char)nt->text[k];
            uint16_t key = (uint16_t)((h * 2654435761u) >> 20);   /* dy_prefix_hash */
            size_t lo = sp->bucket[key >> DY_SPLIT_SHIFT];
            size_t hi = sp->bucket[(key >> DY_SPLIT_SHIFT) + 1];
            while (lo < hi && sp->adj[lo].key < key) ++lo;
            for (; lo < hi && sp->adj[lo].key == key; ++lo) {
                if (nh == MAX_HITS) return 0;
                /* insertion keeps hit[] in candidate order */
                int j = nh++;
                while (j > 0 && hit[j - 1] > sp->adj[lo].pos) { hit[j] = hit[j - 1]; --j; }
                hit[j] = sp->adj[lo].pos;
            }
        }
    }
    uint32_t r = 0;
    int x = 0;
    while (r < sp->n_rest || x < nh) {
        if (x >= nh || (r < sp->n_rest && sp->rest[r] < hit[x]))
            consider(s, &cands[sp->rest[r++]], i, b);
        else
            consider(s, &cands[hit[x++]], i, b);
    }
    return 1;
}

/* Assigns the longest-matching root at every still unclassified word. Much
 * of the time goes to waiting for memory: each word's cache slot, then its
 * candidates. So all the slots are prefetched first, and while one word is
 * matched the next word's candidates are on their way. */
static void assign_roots(dy_sentence *s, dy_arena *a, dy_lexcache *cache)
{
    const dyad_dict *d = s->dict;
    best_root b;
    uint32_t key[DY_MAX_WORDS];
    uint64_t pre[DY_MAX_WORDS];
    uint8_t keyed[DY_MAX_WORDS];

    dy_lexcache_reserve(cache, (size_t)s->n);
    for (int i = 0; i < s->n; ++i) {
        const dy_token *t = s->w[i].tok;
        keyed[i] = s->w[i].wtype == DY_W_NULL && dy_lexcache_takes(cache, t->len);
        if (keyed[i]) {
            key[i] = dy_lexcache_key(t->text, t->len, &pre[i]);
            dy_lexcache_prefetch(cache, key[i]);
        }
    }

    int next = -1;                    /* the word next_hit was probed for */
    const dy_lexslot *next_hit = NULL;
    for (int i = 0; i < s->n; ++i) {
        dy_word *w = &s->w[i];
        if (w->wtype != DY_W_NULL) continue;
        const dy_token *t = w->tok;
        b.len = 0;
        b.closed = DY_C_NONE;
        b.wtype = DY_W_NULL;
        b.ref.kind = 0;
        b.ref.index = 0;
        b.n = 0;

        const dy_lexslot *hit = NULL;
        if (keyed[i])
            hit = next == i ? next_hit : dy_lexcache_probe(cache, t->text, t->len, key[i], pre[i]);
        for (int j = i + 1; j < s->n; ++j) {
            if (s->w[j].wtype != DY_W_NULL) continue;
            next = j;
            next_hit = keyed[j] ? dy_lexcache_probe(cache, s->w[j].tok->text, s->w[j].tok->len,
                                                    key[j], pre[j])
                                : NULL;
            if (next_hit) DY_PREFETCH(next_hit->cands);
            break;
        }

        size_t nref;
        int c, listed;
        const dy_lexsplit *sp;
        const dy_cand *cands;
        if (hit) {
            cands = hit->cands;
            nref = hit->nref;
            c = hit->closed;
            sp = hit->split;
            listed = hit->listed;
        } else {
            cands = dy_lexcache_lookup(cache, a, d, t->text, t->len, &nref, &c, &sp, &listed);
        }
        /* a number no dictionary phrase starts with is just a number */
        if ((t->flags & DY_TOK_NUMBER) && !listed) {
            w->wtype = DY_W_NUMBER;
            continue;
        }
        if (c != DY_C_NONE) {
            b.len = (int)t->len;
            b.closed = c;
            b.wtype = closed_words[c].wtype;
            b.pos[0] = i;
            b.n = 1;
        }
        if (!sp || !consider_split(s, cands, sp, i, &b))
            for (size_t k = 0; k < nref; ++k) consider(s, &cands[k], i, &b);
        if (b.len > 0) add_root(s, b.wtype, (uint8_t)b.closed, b.ref, b.pos, b.n, b.len);
    }
}

int dy_lex_agent_at(const dy_sentence *s, dy_arena *a, int i, int *tail)
{
    if (i < 0 || i >= s->n) return -1;
    int pos[DY_MAX_WORDS], npos, best = -1, bestlen = 0;
    const dy_token *t = s->w[i].tok;
    size_t nref;
    int closed;
    const dy_cand *cands = dy_lexcache_lookup(NULL, a, s->dict, t->text, t->len, &nref, &closed,
                                              NULL, NULL);
    for (size_t k = 0; k < nref; ++k) {
        if (cands[k].ref.kind != DY_ENTRY_AGENT) continue;
        int len = match_root(s, s->dict, &cands[k], i, pos, &npos);
        if (len > bestlen) {
            bestlen = len;
            best = (int)cands[k].ref.index;
            *tail = pos[npos - 1];
        }
    }
    return best;
}

/* Is this actor null-coded on the sentence date? (tabari-manual 7.4) */
static int null_actor(const dy_sentence *s, const dy_root *r)
{
    if (r->closed || r->ref.kind != DY_ENTRY_ACTOR) return 0;
    const dy_dated_code *c = dy_actor_codes(s->dict, &s->dict->actors[r->ref.index], s->date);
    return !c || c->special == DY_SPECIAL_NULL || (c->special == DY_SPECIAL_NONE && c->n_codes == 0);
}

static void retype_root(dy_sentence *s, int r, uint8_t from, uint8_t to)
{
    dy_root *root = &s->roots[r];
    root->wtype = to;
    for (int k = root->head; k <= root->tail; ++k)
        if (s->w[k].member == r && s->w[k].wtype == from) s->w[k].wtype = to;
}

/* Verbs after a determiner or capitalised mid-sentence become nouns, and
 * null-coded actors become nouns (TABARI's markNouns). */
static void mark_nouns(dy_sentence *s)
{
    for (int i = 0; i < s->n; ++i) {
        dy_word *w = &s->w[i];
        if (w->wtype == DY_W_VERB && i > 0) {
            if (s->w[i - 1].wtype == DY_W_DETERM || w->midcap) {
                if (w->head_of >= 0 && s->roots[w->head_of].wtype == DY_W_VERB)
                    retype_root(s, w->head_of, DY_W_VERB, DY_W_NOUN);
                else
                    w->wtype = DY_W_NOUN;
            }
        } else if (w->head_of >= 0 && s->roots[w->head_of].wtype == DY_W_ACTOR &&
                   null_actor(s, &s->roots[w->head_of])) {
            retype_root(s, w->head_of, DY_W_ACTOR, DY_W_NOUN);
        }
    }
}

dyad_status dy_lex(dy_sentence *s, dy_arena *a, const dyad_dict *d, const dy_options *opt,
                   const dy_tokens *toks, int date, dy_lexcache *cache, dyad_error *err)
{
    memset(s, 0, sizeof *s);
    dy_wordmask_init(&s->mask);
    s->dict = d;
    s->opt = opt;
    s->date = date;
    s->n = (int)(toks->n < DY_MAX_WORDS ? toks->n : DY_MAX_WORDS);
    s->truncated = toks->n > DY_MAX_WORDS;
    s->all_caps = toks->all_caps;
    s->w = dy_arena_calloc(a, (size_t)s->n + 1, sizeof *s->w);
    s->roots = dy_arena_calloc(a, (size_t)s->n + 1, sizeof *s->roots);
    if (!s->w || !s->roots)
        return dy_error_set(err, DYAD_ERR_NOMEM, "coder", 0, "out of memory parsing a sentence");

    int seen_cap = 0;
    for (int i = 0; i < s->n; ++i) {
        dy_word *w = &s->w[i];
        w->tok = &toks->v[i];
        w->head_of = w->tail_of = w->member = w->refer = -1;
        w->cmp_end = w->cmp_start = w->sub_end = -1;
        dy_wordmask_add(&s->mask, w->tok->text, w->tok->len);
        if (!s->all_caps && (w->tok->flags & DY_TOK_CAPITALIZED)) {
            /* TABARI gives "initial capital" to the first capitalised word only */
            if (seen_cap) w->midcap = 1;
            seen_cap = 1;
        }
        /* TABARI turns ( ) : ; into commas */
        if ((w->tok->flags & DY_TOK_COMMA) ||
            ((w->tok->flags & DY_TOK_PUNCT) && w->tok->len == 1 &&
             (w->tok->text[0] == '(' || w->tok->text[0] == ')' || w->tok->text[0] == ':')))
            w->wtype = DY_W_COMMA;
        /* numbers are told apart in assign_roots, from the cached lookup */
    }
    assign_roots(s, a, cache);
    mark_nouns(s);
    return DYAD_OK;
}
