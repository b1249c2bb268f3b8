/* synbench.c — development harness: times tagging and parsing of EWT dev
 * with the tables synlab saved (SAVE=1), under perf or cachegrind. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "syntax/parser.h"
#include "syntax/tagger.h"
#include "syntax/train.h"
#include "base/hugemem.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static unsigned char *load(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    fseek(f, 0, SEEK_END);
    *n = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    size_t ml;
    unsigned char *p = getenv("NOHUGE") ? aligned_alloc(64, (*n + 63) / 64 * 64) : dy_huge_alloc(*n, &ml);
    if (fread(p, 1, *n, f) != *n) exit(1);
    fclose(f);
    return p;
}

int main(int argc, char **argv)
{
    const char *tg = argc > 1 ? argv[1] : "/tmp/lab_tagger_0.bin";
    const char *pa = argc > 2 ? argv[2] : "/tmp/lab_parser_1.bin";
    const char *la = argc > 4 ? argv[4] : "/tmp/lab_labeller_1.bin";
    int reps = argc > 3 ? atoi(argv[3]) : 10;
    dyad_error err;
    size_t n;
    dy_tagset *ts = (dy_tagset *)load("/tmp/lab_tagset.bin", &n);
    int *nl = (int *)load("/tmp/lab_labels.bin", &n);
    unsigned char *b = load("/tmp/lab_lexicon.bin", &n);
    dy_lexicon lx;
    if (dy_lexicon_open(&lx, b, n, &err)) return 1;
    dy_wtab tw, pw;
    b = load(tg, &n);
    if (dy_wtab_open(&tw, b, n, (uint32_t)ts->n, "t", &err)) return 1;
    dy_tagger tagger = {&tw, {0}};
    memcpy(tagger.finite, load("/tmp/lab_finite.bin", &n), 256);
    b = load(pa, &n);
    if (dy_wtab_open(&pw, b, n, 3, "p", &err)) { puts(err.message); return 1; }
    dy_wtab lw;
    b = load(la, &n);
    if (dy_wtab_open(&lw, b, n, (uint32_t)(2 * nl[0]), "l", &err)) { puts(err.message); return 1; }
    dy_parser_model M = {&pw, &lw, nl[0], nl[1]};
    dy_names xpos = {0}, deprel = {0};
    dy_udbank train = {0}, dev = {0};
    /* names must match training: read train first */
    (void)train;
    if (dy_udbank_read(&dev, "../shared/ud/en_ewt-ud-dev.conllu.gz", &xpos, &deprel, 1, &err)) return 1;
    dy_atoms *atoms = malloc((DY_SYN_MAX_WORDS + 4) * sizeof *atoms);
    uint8_t cls[DY_SYN_MAX_WORDS], tgs[DY_SYN_MAX_WORDS], uu[DY_SYN_MAX_WORDS];
    dy_pstate *st = malloc(sizeof *st);
    long words = 0, uas = 0;
    double t0 = now(), ttag = 0;
    for (int r = 0; r < reps; r++)
        for (size_t s = 0; s < dev.s.n; s++) {
            const dy_udsent *us = &dev.s.v[s];
            double a = now();
            dy_tag_udsent(&tagger, &lx, &dev, us, cls);
            ttag += now() - a;
            for (uint32_t i = 0; i < us->n; i++) { tgs[i] = ts->xpos[cls[i]]; uu[i] = ts->upos[cls[i]]; }
            dy_udsent_atoms(&dev, us, &lx, atoms);
            dy_pwords pwd = {(int)us->n, atoms, tgs, uu};
            dy_parse_sentence(&M, &pwd, st);
            for (uint32_t i = 0; i < us->n; i++) {
                int h = st->head[i] == (int)us->n ? 0 : st->head[i] + 1;
                uas += h == dev.w.v[us->first + i].head;
            }
            words += us->n;
        }
    double dt = now() - t0;
    printf("%ld words: %.0f words/s (tag alone %.0f words/s), UAS %.2f\n", words, words / dt,
           words / ttag, 100.0 * uas / words);
    return 0;
}
