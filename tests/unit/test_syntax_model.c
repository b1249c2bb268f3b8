/* test_syntax_model.c — the syntax model end to end on a small treebank of
 * our own: training is deterministic, the model parses what it learnt, and
 * a damaged or crafted model file is refused or stays in bounds. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/file.h"
#include "syntax/model.h"

static const char *const PLACES[] = {"France", "Chile", "Kenya", "Japan", "Peru", "Norway",
                                     "Ghana", "Nepal", "Spain", "Oman"};
static const char *const VERBS[][3] = {  /* form, lemma, XPOS */
    {"praised", "praise", "VBD"}, {"criticized", "criticize", "VBD"},
    {"visited", "visit", "VBD"}, {"thanks", "thank", "VBZ"}, {"accused", "accuse", "VBD"}};

/* One word line: id form lemma upos xpos head deprel. */
static void word(FILE *f, int id, const char *form, const char *lemma, const char *upos,
                 const char *xpos, int head, const char *rel)
{
    fprintf(f, "%d\t%s\t%s\t%s\t%s\t_\t%d\t%s\t_\t_\n", id, form, lemma, upos, xpos, head, rel);
}

/* A treebank of invented sentences in three shapes. */
static void write_bank(const char *path, int n)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    for (int i = 0; i < n; i++) {
        const char *a = PLACES[i % 10], *b = PLACES[(i * 7 + 3) % 10];
        const char *const *v = VERBS[i % 5];
        fprintf(f, "# sent_id = s%d\n", i);
        if (i % 3 == 0) {          /* A praised B . */
            word(f, 1, a, a, "PROPN", "NNP", 2, "nsubj");
            word(f, 2, v[0], v[1], "VERB", v[2], 0, "root");
            word(f, 3, b, b, "PROPN", "NNP", 2, "obj");
            word(f, 4, ".", ".", "PUNCT", ".", 2, "punct");
        } else if (i % 3 == 1) {   /* The minister of A praised B . */
            word(f, 1, "The", "the", "DET", "DT", 2, "det");
            word(f, 2, "minister", "minister", "NOUN", "NN", 5, "nsubj");
            word(f, 3, "of", "of", "ADP", "IN", 4, "case");
            word(f, 4, a, a, "PROPN", "NNP", 2, "nmod");
            word(f, 5, v[0], v[1], "VERB", v[2], 0, "root");
            word(f, 6, b, b, "PROPN", "NNP", 5, "obj");
            word(f, 7, ".", ".", "PUNCT", ".", 5, "punct");
        } else {                   /* A praised B in Lima . */
            word(f, 1, a, a, "PROPN", "NNP", 2, "nsubj");
            word(f, 2, v[0], v[1], "VERB", v[2], 0, "root");
            word(f, 3, b, b, "PROPN", "NNP", 2, "obj");
            word(f, 4, "in", "in", "ADP", "IN", 5, "case");
            word(f, 5, "Lima", "Lima", "PROPN", "NNP", 2, "obl");
            word(f, 6, ".", ".", "PUNCT", ".", 2, "punct");
        }
        fputc('\n', f);
    }
    fclose(f);
}

typedef struct fixture {
    char dir[64], bank[96], model[96];
} fixture;

static void train_to(fixture *fx, const char *out)
{
    const char *train[] = {fx->bank};
    dyad_train_options o;
    memset(&o, 0, sizeof o);
    o.train_files = train;
    o.n_train = 1;
    o.dev_files = train;
    o.n_dev = 1;
    o.tagger_epochs = 3;
    o.parser_epochs = 3;
    o.folds = 2;
    o.threads = 2;
    dyad_error err = {0};
    cr_assert_eq(dyad_model_train(&o, out, &err), DYAD_OK, "%s: %s", err.where, err.message);
}

static void setup(fixture *fx)
{
    strcpy(fx->dir, "/tmp/dyad-model-XXXXXX");
    cr_assert_not_null(mkdtemp(fx->dir));
    snprintf(fx->bank, sizeof fx->bank, "%s/bank.conllu", fx->dir);
    snprintf(fx->model, sizeof fx->model, "%s/m.dym", fx->dir);
    write_bank(fx->bank, 300);
    train_to(fx, fx->model);
}

static void teardown(fixture *fx)
{
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
    cr_assert_eq(system(cmd), 0);
}

static unsigned char *slurp(const char *path, size_t *len)
{
    char *p;
    dyad_error err = {0};
    cr_assert_eq(dy_read_file(path, &p, len, &err), DYAD_OK);
    return (unsigned char *)p;
}

/* Parses "Chile criticized Oman in Lima ." from its words. */
static void parse_one(const dyad_model *m, dyad_word *out)
{
    dyad_parser *p = NULL;
    dyad_error err = {0};
    cr_assert_eq(dyad_parser_new(m, &p, &err), DYAD_OK);
    const char *w[] = {"Chile", "criticized", "Oman", "in", "Lima", "."};
    size_t len[] = {5, 10, 4, 2, 4, 1};
    dyad_parse_result r;
    cr_assert_eq(dyad_parse_words(p, w, len, 6, &r, &err), DYAD_OK);
    cr_assert_eq(r.n_sentences, 1);
    memcpy(out, r.sentences[0].words, 6 * sizeof *out);
    for (int i = 0; i < 6; i++)   /* the strings live in the parser: keep the tags */
        out[i].form = out[i].lemma = NULL;
    dyad_parser_free(p);
}

Test(syntax_model, learns_and_parses)
{
    fixture fx;
    setup(&fx);
    dyad_model *m = NULL;
    dyad_error err = {0};
    cr_assert_eq(dyad_model_load(fx.model, &m, &err), DYAD_OK, "%s", err.message);
    dyad_word w[6];
    parse_one(m, w);
    cr_assert_eq(w[0].head, 2);
    cr_assert_str_eq(w[0].deprel, "nsubj");
    cr_assert_str_eq(w[1].upos, "VERB");
    cr_assert_eq(w[1].head, 0);
    cr_assert_str_eq(w[1].deprel, "root");
    cr_assert_eq(w[2].head, 2);
    cr_assert_str_eq(w[2].deprel, "obj");
    cr_assert_eq(w[4].head, 2);
    cr_assert_str_eq(w[4].deprel, "obl");
    char buf[256];
    cr_assert_not_null(dyad_model_info(m, "trained_on", buf, sizeof buf));
    cr_assert_str_eq(buf, "bank.conllu");
    cr_assert_null(dyad_model_info(m, "no such key", buf, sizeof buf));
    dyad_model_free(m);
    teardown(&fx);
}

Test(syntax_model, training_is_deterministic)
{
    fixture fx;
    setup(&fx);
    char again[128];
    snprintf(again, sizeof again, "%s/again.dym", fx.dir);
    train_to(&fx, again);
    size_t la, lb;
    unsigned char *a = slurp(fx.model, &la), *b = slurp(again, &lb);
    cr_assert_eq(la, lb);
    cr_assert(memcmp(a, b, la) == 0, "two trainings gave different bytes");
    free(a);
    free(b);
    teardown(&fx);
}

Test(syntax_model, damaged_files_are_refused)
{
    fixture fx;
    setup(&fx);
    size_t len;
    unsigned char *f = slurp(fx.model, &len);
    dyad_model *m = NULL;
    dyad_error err = {0};
    /* cut anywhere: refused */
    for (size_t cut = 0; cut < len; cut += len / 97 + 1) {
        cr_assert_neq(dy_model_open(f, cut, "cut", &m, &err), DYAD_OK, "cut at %zu", cut);
        cr_assert_null(m);
    }
    /* one byte changed, checksum not fixed: refused as damaged */
    f[len / 2] ^= 0x40;
    cr_assert_eq(dy_model_open(f, len, "flip", &m, &err), DYAD_ERR_PARSE);
    cr_assert(strstr(err.message, "checksum") != NULL, "%s", err.message);
    f[len / 2] ^= 0x40;
    /* another format version: the message says what to do */
    f[8] = 99;
    uint64_t sum = dy_model_checksum(f, len);
    memcpy(f + 32, &sum, 8);
    cr_assert_eq(dy_model_open(f, len, "v99", &m, &err), DYAD_ERR_PARSE);
    cr_assert(strstr(err.message, "format 99") != NULL, "%s", err.message);
    free(f);
    teardown(&fx);
}

/* Crafted files, checksum fixed: every accepted one must parse without
 * reading out of bounds (the sanitizer build checks that). */
Test(syntax_model, crafted_files_stay_in_bounds)
{
    fixture fx;
    setup(&fx);
    size_t len;
    unsigned char *orig = slurp(fx.model, &len);
    unsigned char *f = malloc(len);
    unsigned rng = 12345;
    int accepted = 0;
    for (int trial = 0; trial < 600; trial++) {
        memcpy(f, orig, len);
        for (int k = 0; k < 1 + trial % 4; k++) {
            rng = rng * 1103515245u + 12345u;
            size_t at = 64 + (rng >> 4) % (len - 64);
            rng = rng * 1103515245u + 12345u;
            f[at] = (unsigned char)(rng >> 16);
        }
        uint64_t sum = dy_model_checksum(f, len);
        memcpy(f + 32, &sum, 8);
        dyad_model *m = NULL;
        dyad_error err = {0};
        if (dy_model_open(f, len, "crafted", &m, &err) != DYAD_OK)
            continue;
        accepted++;
        dyad_word w[6];
        parse_one(m, w);
        for (int i = 0; i < 6; i++)
            cr_assert(w[i].head >= 0 && w[i].head <= 6);
        dyad_model_free(m);
    }
    cr_assert_gt(accepted, 0, "no crafted file was accepted: the test tests nothing");
    free(f);
    free(orig);
    teardown(&fx);
}
