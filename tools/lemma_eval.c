/* lemma_eval.c — trains the lemmatiser on the UD English train sets and scores
 * it on the dev sets with gold tags (`make eval-lemma`); can write the blob. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "base/arena.h"
#include "syntax/lemma.h"

static const char *const train_files[] = { "en_ewt-ud-train", "en_gum-cc-ud-train" };
static const char *const dev_files[] = { "en_ewt-ud-dev", "en_gum-cc-ud-dev" };

/* The UPOS names in dy_upos order (the library's own table is another
 * branch's work; a tool may keep its own). */
static const char *const upos_names[DY_UPOS_COUNT] = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
    "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"
};

#define MAX_XPOS 256

typedef struct word {
    char *form, *lemma;
    size_t form_len, lemma_len;
    int upos, xpos;
} word;

typedef struct corpus {
    word *w;
    size_t n, cap;
} corpus;

/* The XPOS names met in training, numbered in order of appearance. */
typedef struct xpos_table {
    char *name[MAX_XPOS];
    int n;
} xpos_table;

static int upos_of(const char *s)
{
    for (int i = 0; i < DY_UPOS_COUNT; i++)
        if (strcmp(s, upos_names[i]) == 0) return i;
    return -1;
}

/* The index of name; added when add is set and it is new; -1 otherwise. */
static int xpos_of(xpos_table *t, const char *name, int add)
{
    for (int i = 0; i < t->n; i++)
        if (strcmp(t->name[i], name) == 0) return i;
    if (!add || t->n == MAX_XPOS) return -1;
    t->name[t->n] = strdup(name);
    return t->name[t->n] ? t->n++ : -1;
}

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "lemma_eval: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

/* Splits a CoNLL-U word line into its ten columns; 0 for a comment, blank,
 * multiword range (1-2) or empty node (1.1) line. */
static int word_line(char *line, char *col[10])
{
    line[strcspn(line, "\r\n")] = '\0';
    if (line[0] == '#' || line[0] == '\0') return 0;
    int n = 0;
    for (char *p = line; n < 10; n++) {
        col[n] = p;
        char *tab = strchr(p, '\t');
        if (!tab) {
            n++;
            break;
        }
        *tab = '\0';
        p = tab + 1;
    }
    if (n < 5) return 0;
    return strpbrk(col[0], "-.") == NULL;
}

static void read_corpus(const char *dir, const char *name, xpos_table *xt, int add_xpos, corpus *c)
{
    char path[4096], line[1 << 16];
    snprintf(path, sizeof path, "%s/%s.conllu.gz", dir, name);
    gzFile f = gzopen(path, "rb");
    if (!f) die("cannot open", path);
    while (gzgets(f, line, sizeof line)) {
        char *col[10];
        if (!word_line(line, col)) continue;
        if (c->n == c->cap) {
            c->cap = c->cap ? c->cap * 2 : 1 << 16;
            c->w = realloc(c->w, c->cap * sizeof *c->w);
            if (!c->w) die("out of memory", NULL);
        }
        word *w = &c->w[c->n++];
        w->form = strdup(col[1]);
        w->lemma = strdup(col[2]);
        if (!w->form || !w->lemma) die("out of memory", NULL);
        w->form_len = strlen(w->form);
        w->lemma_len = strlen(w->lemma);
        w->upos = upos_of(col[3]);
        w->xpos = xpos_of(xt, col[4], add_xpos);
    }
    gzclose(f);
}

static void free_corpus(corpus *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->w[i].form);
        free(c->w[i].lemma);
    }
    free(c->w);
}

/* ------------------------------------------------- forms seen in training */

typedef struct form_set {
    char **slot;
    size_t mask;
} form_set;

static size_t lower_hash(const char *s)
{
    size_t h = 14695981039346656037u;
    for (; *s; s++) h = (h ^ dy_lemma_lower((unsigned char)*s)) * 1099511628211u;
    return h;
}

static int same_lower(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (dy_lemma_lower((unsigned char)*a) != dy_lemma_lower((unsigned char)*b)) return 0;
    return *a == *b;
}

static size_t set_find(const form_set *s, const char *form)
{
    size_t h = lower_hash(form) & s->mask;
    while (s->slot[h] && !same_lower(s->slot[h], form)) h = (h + 1) & s->mask;
    return h;
}

static void set_build(form_set *s, const corpus *train)
{
    size_t cap = 1;
    while (cap < 2 * train->n) cap *= 2;
    s->slot = calloc(cap, sizeof *s->slot);
    s->mask = cap - 1;
    if (!s->slot) die("out of memory", NULL);
    for (size_t i = 0; i < train->n; i++) s->slot[set_find(s, train->w[i].form)] = train->w[i].form;
}

/* ------------------------------------------------------------ scoring */

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* Accuracy over all words and over words whose form (any case) training
 * never had; prints the first max_errors wrong ones. */
static void score(const char *name, const corpus *c, const dy_lemmatizer *lz, const form_set *seen,
                  int max_errors)
{
    dy_arena a;
    dy_arena_init(&a, 1 << 16);
    size_t right = 0, unseen = 0, unseen_right = 0;
    int shown = 0;
    for (size_t i = 0; i < c->n; i++) {
        const word *w = &c->w[i];
        size_t len;
        const char *got = dy_lemma_apply(lz, &a, w->form, w->form_len, w->upos, w->xpos, &len);
        if (!got) die("out of memory", NULL);
        int ok = len == w->lemma_len && memcmp(got, w->lemma, len) == 0;
        int is_unseen = seen->slot[set_find(seen, w->form)] == NULL;
        right += (size_t)ok;
        unseen += (size_t)is_unseen;
        unseen_right += (size_t)(ok && is_unseen);
        if (!ok && shown < max_errors) {
            printf("  %s %s/%d gold %s got %.*s%s\n", w->form, w->upos >= 0 ? upos_names[w->upos] : "?",
                   w->xpos, w->lemma, (int)len, got, is_unseen ? " (unseen)" : "");
            shown++;
        }
        if (i % 4096 == 0) dy_arena_reset(&a);
    }
    printf("%-17s %6zu words  lemma accuracy %.2f%%  unseen forms %zu: %.2f%%\n", name, c->n,
           100.0 * (double)right / (double)(c->n ? c->n : 1), unseen,
           100.0 * (double)unseen_right / (double)(unseen ? unseen : 1));
    dy_arena_free(&a);
}

/* Lemmas per second over the words of c, repeated for about a second; the
 * arena is reset every 50 words, as a tagger would per sentence. */
static void speed(const corpus *c, const dy_lemmatizer *lz)
{
    dy_arena a;
    dy_arena_init(&a, 1 << 16);
    size_t done = 0, sink = 0;   /* printed, so the calls cannot be left out */
    double t0 = seconds(), t;
    do {
        for (size_t i = 0; i < c->n; i++) {
            size_t len;
            const word *w = &c->w[i];
            if (dy_lemma_apply(lz, &a, w->form, w->form_len, w->upos, w->xpos, &len)) sink += len;
            if (i % 50 == 49) dy_arena_reset(&a);
        }
        done += c->n;
        t = seconds() - t0;
    } while (t < 1.0 && c->n);
    printf("speed: %.2f million lemmas/s (one thread, gold tags; %zu bytes of lemmas)\n",
           (double)done / t / 1e6, sink);
    dy_arena_free(&a);
}

/* ------------------------------------------------------------ main */

static unsigned char *train(const corpus *c, int n_xpos, size_t *len)
{
    dy_lemma_builder *b;
    dyad_error err;
    unsigned char *blob;
    if (dy_lemma_builder_new(n_xpos, &b, &err) != DYAD_OK) die("builder", err.message);
    for (size_t i = 0; i < c->n; i++) {
        const word *w = &c->w[i];
        if (w->upos < 0) continue;   /* not a UD tag: not ours to learn */
        if (dy_lemma_builder_add(b, w->form, w->form_len, w->upos, w->xpos, w->lemma, w->lemma_len,
                                 &err) != DYAD_OK)
            die("training", err.message);
    }
    if (dy_lemma_builder_finish(b, &blob, len, &err) != DYAD_OK) die("training", err.message);
    dy_lemma_builder_free(b);
    return blob;
}

static void usage(void)
{
    fprintf(stderr, "usage: lemma_eval [-o BLOB] [--errors N] [--test] UD_DIR\n"
                    "  trains on en_ewt-ud-train + en_gum-cc-ud-train, scores the dev sets\n"
                    "  --test  also scores en_ewt-ud-test (report it once, never tune on it)\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *dir = NULL, *out = NULL;
    int errors = 0, test = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) out = argv[++i];
        else if (strcmp(argv[i], "--errors") == 0 && i + 1 < argc) errors = atoi(argv[++i]);
        else if (strcmp(argv[i], "--test") == 0) test = 1;
        else if (argv[i][0] != '-' && !dir) dir = argv[i];
        else usage();
    }
    if (!dir) usage();
    xpos_table xt = { { 0 }, 0 };
    corpus tr = { 0 };
    for (size_t i = 0; i < sizeof train_files / sizeof train_files[0]; i++)
        read_corpus(dir, train_files[i], &xt, 1, &tr);
    double t0 = seconds();
    size_t len;
    unsigned char *blob = train(&tr, xt.n, &len);
    double took = seconds() - t0;
    dy_lemmatizer lz;
    dyad_error err;
    if (dy_lemma_open(blob, len, xt.n, &lz, &err) != DYAD_OK) die("opening the blob", err.message);
    printf("trained on %zu words (%s + %s) in %.2f s: blob %zu bytes (%u exceptions, %u trie nodes, "
           "%u scripts, %u known lemmas, %u pool bytes; at most %u and %u hash probes)\n", tr.n,
           train_files[0], train_files[1], took, len, (unsigned)lz.n_exc, (unsigned)lz.n_nodes,
           (unsigned)lz.n_scripts, (unsigned)lz.n_lex, (unsigned)lz.pool_len, (unsigned)lz.exc_probe,
           (unsigned)lz.lex_probe);
    if (out) {
        FILE *f = fopen(out, "wb");
        if (!f || fwrite(blob, 1, len, f) != len || fclose(f) != 0) die("cannot write", out);
    }
    form_set seen;
    set_build(&seen, &tr);
    for (size_t i = 0; i < sizeof dev_files / sizeof dev_files[0] + (size_t)test; i++) {
        const char *name = i < 2 ? dev_files[i] : "en_ewt-ud-test";
        corpus c = { 0 };
        read_corpus(dir, name, &xt, 0, &c);
        score(name, &c, &lz, &seen, errors);
        if (i == 0) speed(&c, &lz);
        free_corpus(&c);
    }
    free(seen.slot);
    free(blob);
    free_corpus(&tr);
    for (int i = 0; i < xt.n; i++) free(xt.name[i]);
    return 0;
}
