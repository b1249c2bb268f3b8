/* synlab.c — development harness for the tagger and parser: trains them on
 * ../shared/ud with the settings of its environment (TEPOCHS, PEPOCHS,
 * FOLDS, LEXMIN, EXPLORE_P, GOLDTEST, SAVE) and scores the dev set; for
 * trying features before `make model`. Not part of the library. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "syntax/parser.h"
#include "syntax/tagger.h"
#include "syntax/train.h"
#include "syntax/weights.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void die(const dyad_error *e)
{
    fprintf(stderr, "%s:%ld: %s\n", e->where, e->line, e->message);
    exit(1);
}

static void save(const char *path, const void *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    fwrite(p, 1, n, f);
    fclose(f);
}

static dy_wtab build(dy_ap *m, int n, double thr, const char *what)
{
    unsigned char *blob; size_t len;
    dy_wtab w;
    dyad_error err;
    dy_wtab_build(m, thr, &blob, &len);
    if (getenv("SAVE")) {
        char p[128];
        snprintf(p, sizeof p, "/tmp/lab_%s_%g.bin", what, thr);
        save(p, blob, len);
    }
    if (dy_wtab_open(&w, blob, len, (uint32_t)n, what, &err)) die(&err);
    printf("%s table %.1f MB (thr %.2f)\n", what, len / 1e6, thr);
    return w;
}

static int envi(const char *k, int d) { return getenv(k) ? atoi(getenv(k)) : d; }
static double envf(const char *k, double d) { return getenv(k) ? atof(getenv(k)) : d; }

static int same_univ(const dy_names *d, int a, int b)
{
    if (a == b) return 1;
    if (a == DY_UD_NONE || b == DY_UD_NONE) return 0;
    const char *x = d->name[a], *y = d->name[b];
    size_t lx = strcspn(x, ":"), ly = strcspn(y, ":");
    return lx == ly && !memcmp(x, y, lx);
}

int main(int argc, char **argv)
{
    const char *ud = argc > 1 ? argv[1] : "../shared/ud";
    int epochs = envi("TEPOCHS", 10), pepochs = envi("PEPOCHS", 12), folds = envi("FOLDS", 5);
    char p[512];
    dy_names xpos = {0}, deprel = {0};
    dy_udbank train = {0}, dev = {0};
    dyad_error err;
    snprintf(p, sizeof p, "%s/en_ewt-ud-train.conllu.gz", ud);
    if (dy_udbank_read(&train, p, &xpos, &deprel, 1, &err)) die(&err);
    snprintf(p, sizeof p, "%s/en_gum-cc-ud-train.conllu.gz", ud);
    if (dy_udbank_read(&train, p, &xpos, &deprel, 1, &err)) die(&err);
    snprintf(p, sizeof p, "%s/%s", ud, argc > 2 ? argv[2] : "en_ewt-ud-dev.conllu.gz");
    if (dy_udbank_read(&dev, p, &xpos, &deprel, 0, &err)) die(&err);
    dy_tagset ts;
    if (dy_tagset_build(&ts, &train, 3)) return 1;
    size_t ns = train.s.n;
    size_t *idx = malloc(ns * sizeof *idx);
    for (size_t i = 0; i < ns; i++) idx[i] = i;
    unsigned char *lxb; size_t lxl;
    if (dy_train_lexicon(&train, idx, ns, &ts, envi("LEXMIN", 3), 0.1, &lxb, &lxl, &err)) die(&err);
    if (getenv("SAVE")) {
        save("/tmp/lab_lexicon.bin", lxb, lxl);
        save("/tmp/lab_tagset.bin", &ts, sizeof ts);
        int nl[2] = {deprel.n, dy_names_find(&deprel, "root", 4)};
        save("/tmp/lab_labels.bin", nl, sizeof nl);
        uint8_t fin[256];
        dy_tagger_finite(fin, ts.xpos, ts.n, (const char *const *)xpos.name, xpos.n);
        save("/tmp/lab_finite.bin", fin, sizeof fin);
    }
    dy_lexicon lx;
    if (dy_lexicon_open(&lx, lxb, lxl, &err)) die(&err);
    double t0 = now();
    uint8_t finite[256];
    dy_tagger_finite(finite, ts.xpos, ts.n, (const char *const *)xpos.name, xpos.n);
    dy_ap m1;
    dy_ap_init(&m1, ts.n);
    if (dy_train_tagger(&m1, &train, idx, ns, &ts, &lx, finite, epochs, 42, &err)) die(&err);
    dy_wtab w1 = build(&m1, ts.n, 0.0, "tagger");
    dy_tagger t1 = {&w1, {0}};
    memcpy(t1.finite, finite, 256);
    printf("tagger trained in %.1f s\n", now() - t0);
    /* tags for parser training: jackknifed, or gold */
    uint8_t *jt = malloc(train.w.n), *ju = malloc(train.w.n);
    for (size_t i = 0; i < train.w.n; i++) {
        int c = dy_tagset_class(&ts, train.w.v[i].upos, train.w.v[i].xpos);
        jt[i] = ts.xpos[c];
        ju[i] = ts.upos[c];
    }
    size_t *sub = malloc(ns * sizeof *sub);
    uint8_t cls[DY_SYN_MAX_WORDS];
    t0 = now();
    for (int f = 0; f < folds; f++) {
        size_t k = 0;
        for (size_t i = 0; i < ns; i++) if ((int)(i % folds) != f) sub[k++] = i;
        dy_ap mf;
        dy_ap_init(&mf, ts.n);
        if (dy_train_tagger(&mf, &train, sub, k, &ts, &lx, finite, epochs, 42 + f, &err)) die(&err);
        unsigned char *blob; size_t len;
        dy_wtab wf;
        dy_wtab_build(&mf, 0.0, &blob, &len);
        dy_wtab_open(&wf, blob, len, (uint32_t)ts.n, "fold", &err);
        dy_tagger tf = {&wf, {0}};
        memcpy(tf.finite, finite, 256);
        for (size_t i = 0; i < ns; i++)
            if ((int)(i % folds) == f) {
                dy_tag_udsent(&tf, &lx, &train, &train.s.v[i], cls);
                for (uint32_t j = 0; j < train.s.v[i].n; j++) {
                    jt[train.s.v[i].first + j] = ts.xpos[cls[j]];
                    ju[train.s.v[i].first + j] = ts.upos[cls[j]];
                }
            }
        dy_ap_free(&mf);
        free(blob);
    }
    if (folds) printf("jackknife in %.1f s\n", now() - t0);
    int root = dy_names_find(&deprel, "root", 4);
    dy_parse_train o = {deprel.n, root, pepochs, envi("EXPLORE_FROM", 1), envf("EXPLORE_P", 0.9), 7};
    dy_ap pm, lm;
    dy_ap_init(&pm, 3);
    dy_ap_init(&lm, 2 * deprel.n);
    t0 = now();
    if (dy_train_parser(&pm, &lm, &train, idx, ns, jt, ju, &lx, &o, &err)) die(&err);
    printf("parser trained in %.1f s: %zu+%zu rows %zu+%zu weights\n", now() - t0, pm.rows.n,
           lm.rows.n, pm.wt.n, lm.wt.n);
    double thrs[] = {0.0, 1.0, 3.0};
    for (int ti = 0; ti < 3; ti++) {
    double thr = thrs[ti];
    dy_wtab pw = build(&pm, 3, thr, "parser");
    dy_wtab lw = build(&lm, 2 * deprel.n, thr, "labeller");
    dy_parser_model M = {&pw, &lw, deprel.n, root};
    long n = 0, up = 0, uas = 0, las = 0, ulas = 0;
    dy_atoms *atoms = malloc((DY_SYN_MAX_WORDS + 4) * sizeof *atoms);
    uint8_t tg[DY_SYN_MAX_WORDS], uu[DY_SYN_MAX_WORDS];
    dy_pstate *st = malloc(sizeof *st);
    double ttag = 0, tparse = 0;
    for (size_t s = 0; s < dev.s.n; s++) {
        const dy_udsent *us = &dev.s.v[s];
        double a = now();
        dy_tag_udsent(&t1, &lx, &dev, us, cls);
        double b = now();
        for (uint32_t i = 0; i < us->n; i++) { tg[i] = ts.xpos[cls[i]]; uu[i] = ts.upos[cls[i]]; }
        if (getenv("GOLDTEST"))
            for (uint32_t i = 0; i < us->n; i++) { tg[i] = dev.w.v[us->first + i].xpos; uu[i] = dev.w.v[us->first + i].upos; }
        dy_udsent_atoms(&dev, us, &lx, atoms);
        dy_pwords pwd = {(int)us->n, atoms, tg, uu};
        dy_parse_sentence(&M, &pwd, st);
        tparse += now() - b;
        ttag += b - a;
        for (uint32_t i = 0; i < us->n; i++) {
            const dy_udword *g = &dev.w.v[us->first + i];
            int h = st->head[i] == (int)us->n ? 0 : st->head[i] + 1;
            n++;
            up += uu[i] == g->upos;
            if (h == g->head) {
                uas++;
                las += st->label[i] == g->deprel;
                ulas += same_univ(&deprel, st->label[i], g->deprel);
            }
        }
    }
    printf("%s: UPOS %.2f UAS %.2f LAS %.2f (full labels %.2f); tag %.0f w/s, parse %.0f w/s\n",
           argc > 2 ? argv[2] : "dev", 100.0 * up / n, 100.0 * uas / n, 100.0 * ulas / n,
           100.0 * las / n, n / ttag, n / tparse);
    }
    return 0;
}
