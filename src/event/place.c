/* place.c — finds where a sentence says its events happened: after "in",
 * "near", "outside", "the city of", "the border with"... the longest run of
 * words that names a place in the gazetteer; the most precise place wins. */
#include <string.h>

#include "event/place.h"
#include "event/words.h"

#define MAX_PLACE_WORDS 5
#define MAX_KEY 96

/* Orders key k, whose first len bytes equal the wanted ones, by its length. */
static int key_len_cmp(const char *k, size_t len)
{
    size_t kl = strnlen(k, len + 1);
    return kl < len ? -1 : kl > len;
}

size_t dy_gaz_lookup(const char *folded, size_t len, const dy_gaz_entry **out, size_t max)
{
    size_t nrows, row, lo = 0, hi = dy_gaz_n_keys(), n = 0;
    const dy_gaz_entry *rows = dy_gazetteer(&nrows);
    while (lo < hi) {   /* first key >= folded */
        size_t mid = (lo + hi) / 2;
        const char *k = dy_gaz_key(mid, &row);
        int c = strncmp(k, folded, len);
        if (c == 0)   /* strnlen: a NUL inside folded must not read past k */
            c = key_len_cmp(k, len);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; n < max; i++) {
        const char *k = dy_gaz_key(i, &row);
        if (!k || strncmp(k, folded, len) != 0 || key_len_cmp(k, len) != 0)
            break;
        if (row < nrows)
            out[n++] = &rows[row];
    }
    return n;
}

int dy_iso3_known(const char *code)
{
    if (!code || !code[0] || !code[1] || !code[2])
        return 0;
    return dy_gaz_country_iso3(code);
}

static const dy_word_lit prepositions[] = {
    DY_WORD("IN"), DY_WORD("NEAR"), DY_WORD("OUTSIDE"), DY_WORD("INSIDE"), DY_WORD("AROUND"),
    DY_WORD("ACROSS"), DY_WORD("THROUGHOUT"), DY_WORD("AT"), DY_WORD("NEARBY")
};
/* "the city of X", "the outskirts of X", "the province of X" */
static const dy_word_lit of_nouns[] = {
    DY_WORD("CITY"), DY_WORD("TOWN"), DY_WORD("VILLAGE"), DY_WORD("PROVINCE"),
    DY_WORD("REGION"), DY_WORD("STATE"), DY_WORD("OUTSKIRTS"), DY_WORD("DISTRICT"),
    DY_WORD("CAPITAL"), DY_WORD("PORT")
};
static const dy_word_lit directions[] = {
    DY_WORD("NORTHERN"), DY_WORD("SOUTHERN"), DY_WORD("EASTERN"), DY_WORD("WESTERN"),
    DY_WORD("CENTRAL"), DY_WORD("NORTHEASTERN"), DY_WORD("NORTHWESTERN"),
    DY_WORD("SOUTHEASTERN"), DY_WORD("SOUTHWESTERN"), DY_WORD("NORTH"), DY_WORD("SOUTH"),
    DY_WORD("EAST"), DY_WORD("WEST"), DY_WORD("NORTHEAST"), DY_WORD("NORTHWEST"),
    DY_WORD("SOUTHEAST"), DY_WORD("SOUTHWEST"), DY_WORD("WAR"), DY_WORD("TORN"),
    DY_WORD("WAR-TORN")
};
#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Where a place name may start after word i, or -1: after a preposition
 * ("in", "near"), "<noun> of", or "border with/between". */
static int place_start(const dy_tokens *toks, size_t i)
{
    const dy_token *t = &toks->v[i];
    size_t j;
    if (dy_tok_is_any(t, prepositions, N_OF(prepositions)))
        j = i + 1;
    else if (DY_TOK_IS(t, "OF") && i > 0 &&
             dy_tok_is_any(&toks->v[i - 1], of_nouns, N_OF(of_nouns)))
        j = i + 1;
    else if ((DY_TOK_IS(t, "WITH") || DY_TOK_IS(t, "BETWEEN")) && i > 0 &&
             (DY_TOK_IS(&toks->v[i - 1], "BORDER") || DY_TOK_IS(&toks->v[i - 1], "FRONTIER")))
        j = i + 1;
    else
        return -1;
    if (j < toks->n && DY_TOK_IS(&toks->v[j], "THE"))
        j++;
    return j < toks->n ? (int)j : -1;
}

/* Folded key of words [from, from+k) into key; 0 when too long or a word
 * is punctuation. A final "'S" ("Syria's") is dropped. */
static size_t make_key(const dy_tokens *toks, size_t from, size_t k, char *key)
{
    size_t len = 0;
    for (size_t w = from; w < from + k; w++) {
        const dy_token *t = &toks->v[w];
        size_t n = t->len;
        if (t->flags & (DY_TOK_COMMA | DY_TOK_QUOTE | DY_TOK_PUNCT | DY_TOK_NUMBER))
            return 0;
        if (w == from + k - 1 && n > 2 && t->text[n - 2] == '\'' && t->text[n - 1] == 'S')
            n -= 2;
        if (len + n + 2 > MAX_KEY)
            return 0;
        if (len)
            key[len++] = ' ';
        memcpy(key + len, t->text, n);
        len += n;
    }
    key[len] = '\0';
    return len;
}

static const dy_gaz_entry *pick(const dy_gaz_entry **c, size_t n, const char *p1, const char *p2)
{
    for (size_t i = 0; i < n; i++)
        if ((p1 && !strncmp(c[i]->iso3, p1, 3)) || (p2 && !strncmp(c[i]->iso3, p2, 3)))
            return c[i];
    return c[0];
}

/* The longest gazetteer name starting at word j; sets *k to its word count. */
static const dy_gaz_entry *match_at(const dy_tokens *toks, size_t j, const char *p1,
                                    const char *p2, size_t *k)
{
    char key[MAX_KEY];
    const dy_gaz_entry *cand[8];
    if (!toks->all_caps && !(toks->v[j].flags & DY_TOK_CAPITALIZED))
        return NULL;
    for (size_t len = MAX_PLACE_WORDS; len >= 1; len--) {
        if (j + len > toks->n)
            continue;
        size_t kl = make_key(toks, j, len, key);
        size_t n = kl ? dy_gaz_lookup(key, kl, cand, 8) : 0;
        if (n) {
            *k = len;
            return pick(cand, n, p1, p2);
        }
    }
    return NULL;
}

int dy_place_find(const dy_tokens *toks, const char *prefer1, const char *prefer2,
                  dyad_place *out)
{
    const dy_gaz_entry *best = NULL;
    size_t best_from = 0, best_k = 0;
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < toks->n; i++) {
        int s = place_start(toks, i);
        if (s < 0)
            continue;
        size_t j = (size_t)s, k = 0;
        const dy_gaz_entry *e = match_at(toks, j, prefer1, prefer2, &k);
        /* "in northern Syria", "in war-torn Yemen" */
        while (!e && j < toks->n && dy_tok_is_any(&toks->v[j], directions, N_OF(directions)))
            e = match_at(toks, ++j, prefer1, prefer2, &k);
        /* "in Syria's Idlib province": the possessive and what follows */
        if (e && j + k < toks->n) {
            const dy_token *last = &toks->v[j + k - 1];
            if (last->len > 2 && last->text[last->len - 1] == 'S' &&
                last->text[last->len - 2] == '\'') {
                size_t k2 = 0;
                const dy_gaz_entry *e2 = match_at(toks, j + k, prefer1, prefer2, &k2);
                if (e2 && e2->kind > e->kind) {
                    e = e2;
                    j += k;
                    k = k2;
                }
            }
        }
        if (e && (!best || e->kind > best->kind)) {
            best = e;
            best_from = j;
            best_k = k;
        }
        if (e)
            i = j + k - 1;
    }
    if (!best)
        return 0;
    out->name = best->name;
    out->country = best->iso3;
    out->lat = best->lat;
    out->lon = best->lon;
    out->precision = (dyad_place_precision)best->kind;
    out->span.start = toks->v[best_from].start;
    out->span.end = toks->v[best_from + best_k - 1].end;
    return 1;
}
