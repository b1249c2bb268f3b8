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
        while (i < n && cw[i] == w[i]) ++i;
        if (i == n && cw[n] == '\0') return c[k];   /* cw[n]: within cw, at most its NUL */
    }
    return DY_C_NONE;
}

/* Extra characters a regular ending adds to a whole-word match of a phrase's
 * last word (tabari-manual 5.2.3), or -1 when `rest` is not such an ending. */
static int regular_ending(uint8_t wtype, char last, const char *rest, size_t n)
{
    if (wtype == DY_W_ACTOR || wtype == DY_W_AGENT || wtype == DY_W_NOUN) {
        if (n == 1 && rest[0] == 'S') return 1;
        if (n == 2 && rest[1] == 'S' && (rest[0] == '\'' || rest[0] == 'E')) return 2;
        return -1;
    }
    if (wtype == DY_W_VERB) {
        if (n == 1 && rest[0] == 'S') return 1;
        if (n == 2 && rest[0] == 'E' && (rest[1] == 'D' || rest[1] == 'S' || rest[1] == 'N'))
            return 2;
        if (n == 3 && memcmp(rest, "ING", 3) == 0) return 3;
        if (n == 1 && rest[0] == 'D' && last == 'E') return 1;
    }
    return -1;
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
            int extra = regular_ending(c->wtype, last, t->text + len, t->len - len);
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

/* Assigns the longest-matching root at every still unclassified word. */
static void assign_roots(dy_sentence *s, dy_arena *a, dy_lexcache *cache)
{
    const dyad_dict *d = s->dict;
    int pos[DY_MAX_WORDS], best[DY_MAX_WORDS], npos, nbest;

    for (int i = 0; i < s->n; ++i) {
        dy_word *w = &s->w[i];
        if (w->wtype != DY_W_NULL) continue;
        const dy_token *t = w->tok;
        int bestlen = 0, bestclosed = DY_C_NONE;
        uint8_t besttype = DY_W_NULL;
        dy_entry_ref bestref = {0, 0};

        int c = dy_closed_lookup(t->text, t->len);
        if (c != DY_C_NONE) {
            bestlen = (int)t->len;
            bestclosed = c;
            besttype = closed_words[c].wtype;
            best[0] = i;
            nbest = 1;
        }
        size_t nref;
        const dy_cand *cands = dy_lexcache_lookup(cache, a, d, t->text, t->len, &nref);
        for (size_t k = 0; k < nref; ++k) {
            const dy_cand *cd = &cands[k];
            /* most multi-word candidates fail on their second word: no call */
            if (cd->count > 1 && (!cd->word1 || (cd->len1 && !dy_wordmask_has(&s->mask, cd->h1))))
                continue;
            int len = match_root(s, d, cd, i, pos, &npos);
            /* ties go to the entry listed first, as TABARI reads them in order */
            if (len > bestlen || (len == bestlen && len > 0 && bestclosed == DY_C_NONE &&
                                  cd->ref.kind == bestref.kind && cd->ref.index < bestref.index)) {
                bestlen = len;
                bestclosed = DY_C_NONE;
                besttype = cd->wtype;
                bestref = cd->ref;
                memcpy(best, pos, (size_t)npos * sizeof *pos);
                nbest = npos;
            }
        }
        if (bestlen > 0) add_root(s, besttype, (uint8_t)bestclosed, bestref, best, nbest, bestlen);
    }
}

int dy_lex_agent_at(const dy_sentence *s, dy_arena *a, int i, int *tail)
{
    if (i < 0 || i >= s->n) return -1;
    int pos[DY_MAX_WORDS], npos, best = -1, bestlen = 0;
    const dy_token *t = s->w[i].tok;
    size_t nref;
    const dy_cand *cands = dy_lexcache_lookup(NULL, a, s->dict, t->text, t->len, &nref);
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
        else if (w->tok->flags & DY_TOK_NUMBER) {
            dy_entry_ref ref;
            if (dy_lookup(d, w->tok->text, w->tok->len, &ref, 1) == 0) w->wtype = DY_W_NUMBER;
        }
    }
    assign_roots(s, a, cache);
    mark_nouns(s);
    return DYAD_OK;
}
