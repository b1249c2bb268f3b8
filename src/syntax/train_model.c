/* train_model.c — `make model`: trains the whole syntax model from UD
 * treebanks (tag set, lexicon, tagger, jackknifed tags, parser, lemmatiser)
 * and writes it as one .dym file; deterministic for the same inputs. */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/file.h"
#include "base/strbuf.h"
#include "syntax/evaluate.h"
#include "syntax/lemma.h"
#include "syntax/model.h"
#include "syntax/tagger.h"
#include "syntax/train.h"

#define PARSER_THRESHOLD 1.0   /* averaged weights below this are dropped */
#define TAGGER_THRESHOLD 1.0
#define LEXICON_MIN_COUNT 3
#define LEXICON_MIN_SHARE 0.1
#define TAGSET_MIN_COUNT 3

static void say(const dyad_train_options *o, const char *fmt, ...)
{
    if (!o->progress)
        return;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    o->progress(o->progress_ctx, buf);
}

/* Everything the training steps share. */
typedef struct trainer {
    const dyad_train_options *o;
    dy_names xpos, deprel;
    dy_udbank train;
    dy_tagset ts;
    unsigned char *lex_blob;
    size_t lex_len;
    dy_lexicon lex;
    int tagger_epochs, parser_epochs, folds;
    uint64_t seed;
    uint8_t *jtag, *jupos;       /* jackknifed tags of every training word */
    uint8_t finite[256];         /* the tag classes that are finite verbs */
} trainer;

/* One tagger to train: job 0 is the model's own, on every sentence; job k
 * (1..folds) leaves fold k out and tags it for the parser's training. */
typedef struct tag_job {
    trainer *t;
    int fold;
    unsigned char *blob;         /* job 0: the tagger's table */
    size_t len;
    dyad_status st;
    dyad_error err;
} tag_job;

static int in_fold(size_t sent, int fold, int folds)
{
    return fold > 0 && (int)(sent % (size_t)folds) == fold - 1;
}

static void run_tag_job(tag_job *j)
{
    trainer *t = j->t;
    size_t ns = t->train.s.n, k = 0;
    size_t *sub = malloc((ns ? ns : 1) * sizeof *sub);
    dy_ap m;
    if (!sub || dy_ap_init(&m, t->ts.n)) {
        free(sub);
        j->st = dy_error_set(&j->err, DYAD_ERR_NOMEM, "training", 0, "out of memory");
        return;
    }
    for (size_t i = 0; i < ns; i++)
        if (!in_fold(i, j->fold, t->folds))
            sub[k++] = i;
    j->st = dy_train_tagger(&m, &t->train, sub, k, &t->ts, &t->lex, t->finite,
                            t->tagger_epochs, t->seed + (uint64_t)j->fold, &j->err);
    if (j->st == DYAD_OK &&
        dy_wtab_build(&m, TAGGER_THRESHOLD, &j->blob, &j->len) != 0)
        j->st = dy_error_set(&j->err, DYAD_ERR_NOMEM, "training", 0, "out of memory");
    dy_ap_free(&m);
    free(sub);
    if (j->st != DYAD_OK || j->fold == 0)
        return;
    dy_wtab w;
    dy_tagger tg = {&w, {0}};
    memcpy(tg.finite, t->finite, sizeof tg.finite);
    j->st = dy_wtab_open(&w, j->blob, j->len, (uint32_t)t->ts.n, "fold tagger", &j->err);
    uint8_t cls[DY_SYN_MAX_WORDS];
    for (size_t i = 0; j->st == DYAD_OK && i < ns; i++) {
        if (!in_fold(i, j->fold, t->folds))
            continue;
        const dy_udsent *s = &t->train.s.v[i];
        dy_tag_udsent(&tg, &t->lex, &t->train, s, cls);
        for (uint32_t k2 = 0; k2 < s->n; k2++) {
            t->jtag[s->first + k2] = t->ts.xpos[cls[k2]];
            t->jupos[s->first + k2] = t->ts.upos[cls[k2]];
        }
    }
    free(j->blob);
    j->blob = NULL;
}

typedef struct pool {
    tag_job *jobs;
    int n, next;
    pthread_mutex_t lock;
} pool;

static void *worker(void *arg)
{
    pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        int i = p->next < p->n ? p->next++ : -1;
        pthread_mutex_unlock(&p->lock);
        if (i < 0)
            return NULL;
        run_tag_job(&p->jobs[i]);
    }
}

/* Trains the tagger and the fold taggers, threads at a time. Each job
 * writes only its own results, so the outcome does not depend on timing. */
static dyad_status train_taggers(trainer *t, int threads, tag_job *jobs, dyad_error *err)
{
    int n = t->folds + 1;
    for (int i = 0; i < n; i++) {
        memset(&jobs[i], 0, sizeof jobs[i]);
        jobs[i].t = t;
        jobs[i].fold = i;
    }
    pool p = {jobs, n, 0, PTHREAD_MUTEX_INITIALIZER};
    pthread_t tid[16];
    int started = 0;
    for (int i = 1; i < threads && i < 16; i++)
        if (pthread_create(&tid[started], NULL, worker, &p) == 0)
            started++;
    worker(&p);
    for (int i = 0; i < started; i++)
        pthread_join(tid[i], NULL);
    for (int i = 0; i < n; i++)
        if (jobs[i].st != DYAD_OK) {
            *err = jobs[i].err;
            return jobs[i].st;
        }
    return DYAD_OK;
}

static dyad_status build_lemma(trainer *t, unsigned char **blob, size_t *len, dyad_error *err)
{
    dy_lemma_builder *b;
    dyad_status st = dy_lemma_builder_new(t->xpos.n, &b, err);
    if (st != DYAD_OK)
        return st;
    for (size_t i = 0; st == DYAD_OK && i < t->train.w.n; i++) {
        const dy_udword *w = &t->train.w.v[i];
        if (w->upos == DY_UD_NONE || w->xpos == DY_UD_NONE)
            continue;
        st = dy_lemma_builder_add(b, dy_udbank_str(&t->train, w->form), w->form_len, w->upos,
                                  w->xpos, dy_udbank_str(&t->train, w->lemma), w->lemma_len,
                                  err);
    }
    if (st == DYAD_OK)
        st = dy_lemma_builder_finish(b, blob, len, err);
    dy_lemma_builder_free(b);
    return st;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* The metadata section: what the model is, how it was made, and (once
 * scored) how well it does on the development files. */
static void write_meta(dy_strbuf *m, const trainer *t, const char *scores)
{
    const dyad_train_options *o = t->o;
    dy_strbuf_printf(m, "name = dyad English syntax model\n");
    dy_strbuf_printf(m, "dyad_version = %s\n", DYAD_VERSION);
    dy_strbuf_printf(m, "format = %d\n", DY_MODEL_FORMAT);
    dy_strbuf_adds(m, "trained_on =");
    for (size_t i = 0; i < o->n_train; i++)
        dy_strbuf_printf(m, " %s", base_name(o->train_files[i]));
    dy_strbuf_printf(m, "\ntraining = %zu sentences, %zu words; tagger %d epochs; parser %d "
                        "epochs on %d-fold jackknifed tags; seed %llu\n",
                     t->train.s.n, t->train.w.n, t->tagger_epochs, t->parser_epochs, t->folds,
                     (unsigned long long)t->seed);
    dy_strbuf_printf(m, "tags = %d XPOS, %d tag classes; relations = %d\n", t->xpos.n, t->ts.n,
                     t->deprel.n);
    if (scores)
        dy_strbuf_adds(m, scores);
    if (o->meta)
        dy_strbuf_adds(m, o->meta);
    if (m->len && m->s[m->len - 1] != '\n')
        dy_strbuf_addc(m, '\n');
}

typedef struct blobs {
    unsigned char *xpos, *deprel, *tagset, *tagger, *parser, *labeller, *lemma;
    size_t xpos_len, deprel_len, tagset_len, tagger_len, parser_len, labeller_len, lemma_len;
} blobs;

static dyad_status assemble(const trainer *t, const blobs *b, const char *scores,
                            unsigned char **out, size_t *len, dyad_error *err)
{
    dy_strbuf meta;
    dy_strbuf_init(&meta);
    write_meta(&meta, t, scores);
    if (meta.failed) {
        dy_strbuf_free(&meta);
        return dy_error_set(err, DYAD_ERR_NOMEM, "training", 0, "out of memory");
    }
    dy_model_part parts[] = {
        {DY_MSEC_META, meta.s, meta.len + 1},
        {DY_MSEC_XPOS, b->xpos, b->xpos_len},
        {DY_MSEC_DEPREL, b->deprel, b->deprel_len},
        {DY_MSEC_TAGSET, b->tagset, b->tagset_len},
        {DY_MSEC_LEXICON, t->lex_blob, t->lex_len},
        {DY_MSEC_TAGGER, b->tagger, b->tagger_len},
        {DY_MSEC_PARSER, b->parser, b->parser_len},
        {DY_MSEC_LEMMA, b->lemma, b->lemma_len},
        {DY_MSEC_LABELLER, b->labeller, b->labeller_len},
    };
    dyad_status st = dy_model_build(parts, (int)(sizeof parts / sizeof parts[0]), out, len, err);
    dy_strbuf_free(&meta);
    return st;
}

/* Scores the model in file[0, len) on the development files. */
static dyad_status score_dev(trainer *t, const unsigned char *file, size_t len,
                             dy_strbuf *scores, dyad_error *err)
{
    dy_model *m;
    dyad_status st = dy_model_open(file, len, "new model", &m, err);
    if (st != DYAD_OK)
        return st;
    dyad_parser *p = NULL;
    st = dyad_parser_new(m, &p, err);
    for (size_t i = 0; st == DYAD_OK && i < t->o->n_dev; i++) {
        dy_udbank dev = {0};
        dy_scores sc;
        st = dy_udbank_read(&dev, t->o->dev_files[i], &t->xpos, &t->deprel, 0, err);
        if (st == DYAD_OK)
            st = dy_evaluate(p, &dev, &t->xpos, &t->deprel, &sc, err);
        if (st == DYAD_OK && sc.words) {
            double n = (double)sc.words;
            dy_strbuf_printf(scores, "dev %s = UPOS %.2f XPOS %.2f lemma %.2f UAS %.2f LAS %.2f "
                                     "(gold words)\n",
                             base_name(t->o->dev_files[i]), 100 * sc.upos / n,
                             100 * sc.xpos / n, 100 * sc.lemma / n, 100 * sc.uas / n,
                             100 * sc.las / n);
            say(t->o, "%s: UPOS %.2f, UAS %.2f, LAS %.2f", base_name(t->o->dev_files[i]),
                100 * sc.upos / n, 100 * sc.uas / n, 100 * sc.las / n);
        }
        dy_udbank_free(&dev);
    }
    dyad_parser_free(p);
    dy_model_free(m);
    return st;
}

static dyad_status train(trainer *t, const char *path, dyad_error *err)
{
    const dyad_train_options *o = t->o;
    dyad_status st = DYAD_OK;
    for (size_t i = 0; st == DYAD_OK && i < o->n_train; i++)
        st = dy_udbank_read(&t->train, o->train_files[i], &t->xpos, &t->deprel, 1, err);
    if (st != DYAD_OK)
        return st;
    if (t->train.s.n == 0)
        return dy_error_set(err, DYAD_ERR_ARG, "training", 0, "no training sentences");
    say(o, "read %zu sentences, %zu words", t->train.s.n, t->train.w.n);
    if (dy_names_find(&t->deprel, "root", 4) < 0)
        return dy_error_set(err, DYAD_ERR_PARSE, "training", 0, "no 'root' relation in the data");
    if (dy_tagset_build(&t->ts, &t->train, TAGSET_MIN_COUNT))
        return dy_error_set(err, DYAD_ERR_PARSE, "training", 0, "no usable tags in the data");
    dy_tagger_finite(t->finite, t->ts.xpos, t->ts.n, (const char *const *)t->xpos.name,
                     t->xpos.n);
    size_t ns = t->train.s.n;
    size_t *all = malloc(ns * sizeof *all);
    t->jtag = malloc(t->train.w.n);
    t->jupos = malloc(t->train.w.n);
    tag_job *jobs = calloc((size_t)t->folds + 1, sizeof *jobs);
    blobs b = {0};
    unsigned char *file = NULL;
    size_t file_len = 0;
    dy_strbuf scores;
    dy_strbuf_init(&scores);
    if (!all || !t->jtag || !t->jupos || !jobs) {
        st = dy_error_set(err, DYAD_ERR_NOMEM, "training", 0, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < ns; i++)
        all[i] = i;
    st = dy_train_lexicon(&t->train, all, ns, &t->ts, LEXICON_MIN_COUNT, LEXICON_MIN_SHARE,
                          &t->lex_blob, &t->lex_len, err);
    if (st == DYAD_OK)
        st = dy_lexicon_open(&t->lex, t->lex_blob, t->lex_len, err);
    if (st != DYAD_OK)
        goto done;
    say(o, "training the tagger and %d fold taggers on %d threads", t->folds,
        o->threads > 0 ? o->threads : 2);
    if ((st = train_taggers(t, o->threads > 0 ? o->threads : 2, jobs, err)) != DYAD_OK)
        goto done;
    b.tagger = jobs[0].blob;
    b.tagger_len = jobs[0].len;
    jobs[0].blob = NULL;
    long right = 0;
    for (size_t i = 0; i < t->train.w.n; i++)
        right += t->jupos[i] == t->train.w.v[i].upos;
    say(o, "jackknifed UPOS on the training data: %.2f", 100.0 * right / (double)t->train.w.n);
    say(o, "training the parser (%d epochs)", t->parser_epochs);
    dy_ap pm, lm;
    int bad = dy_ap_init(&pm, 3);
    bad |= dy_ap_init(&lm, 2 * t->deprel.n);
    if (bad) {
        dy_ap_free(&pm);
        dy_ap_free(&lm);
        st = dy_error_set(err, DYAD_ERR_NOMEM, "training", 0, "out of memory");
        goto done;
    }
    dy_parse_train po = {t->deprel.n, dy_names_find(&t->deprel, "root", 4), t->parser_epochs,
                         1, 0.9, t->seed + 1000};
    st = dy_train_parser(&pm, &lm, &t->train, all, ns, t->jtag, t->jupos, &t->lex, &po, err);
    if (st == DYAD_OK && (dy_wtab_build(&pm, PARSER_THRESHOLD, &b.parser, &b.parser_len) ||
                          dy_wtab_build(&lm, PARSER_THRESHOLD, &b.labeller, &b.labeller_len)))
        st = dy_error_set(err, DYAD_ERR_NOMEM, "training", 0, "out of memory");
    dy_ap_free(&pm);
    dy_ap_free(&lm);
    if (st != DYAD_OK)
        goto done;
    say(o, "building the lemmatiser");
    if ((st = build_lemma(t, &b.lemma, &b.lemma_len, err)) != DYAD_OK)
        goto done;
    /* the names and the tag set */
    if ((st = dy_model_names((const char *const *)t->xpos.name, t->xpos.n, &b.xpos,
                             &b.xpos_len, err)) ||
        (st = dy_model_names((const char *const *)t->deprel.name, t->deprel.n, &b.deprel,
                             &b.deprel_len, err)))
        goto done;
    b.tagset_len = 4 + 2 * (size_t)t->ts.n;
    b.tagset = calloc(1, b.tagset_len);
    if (!b.tagset) {
        st = dy_error_set(err, DYAD_ERR_NOMEM, "training", 0, "out of memory");
        goto done;
    }
    uint32_t nc = (uint32_t)t->ts.n;
    memcpy(b.tagset, &nc, 4);
    memcpy(b.tagset + 4, t->ts.upos, nc);
    memcpy(b.tagset + 4 + nc, t->ts.xpos, nc);
    /* built once, scored, built again with its scores in the metadata */
    if ((st = assemble(t, &b, NULL, &file, &file_len, err)) != DYAD_OK)
        goto done;
    if ((st = score_dev(t, file, file_len, &scores, err)) != DYAD_OK)
        goto done;
    free(file);
    file = NULL;
    if (scores.failed) {
        st = dy_error_set(err, DYAD_ERR_NOMEM, "training", 0, "out of memory");
        goto done;
    }
    if ((st = assemble(t, &b, scores.s, &file, &file_len, err)) != DYAD_OK)
        goto done;
    st = dy_write_file_atomic(path, file, file_len, err);
    if (st == DYAD_OK)
        say(o, "wrote %s (%.1f MB)", path, file_len / 1e6);
done:
    for (int i = 0; jobs && i <= t->folds; i++)
        free(jobs[i].blob);
    free(jobs);
    free(all);
    free(file);
    free(b.xpos);
    free(b.deprel);
    free(b.tagset);
    free(b.tagger);
    free(b.parser);
    free(b.labeller);
    free(b.lemma);
    dy_strbuf_free(&scores);
    return st;
}

dyad_status dyad_model_train(const dyad_train_options *o, const char *path, dyad_error *err)
{
    if (!o || !path || o->n_train == 0)
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_model_train: no training files");
    trainer t = {0};
    t.o = o;
    t.tagger_epochs = o->tagger_epochs > 0 ? o->tagger_epochs : 10;
    t.parser_epochs = o->parser_epochs > 0 ? o->parser_epochs : 12;
    t.folds = o->folds > 0 ? o->folds : 5;
    t.seed = o->seed ? o->seed : 20261207;
    dyad_status st = train(&t, path, err);
    dy_names_free(&t.xpos);
    dy_names_free(&t.deprel);
    dy_udbank_free(&t.train);
    free(t.lex_blob);
    free(t.jtag);
    free(t.jupos);
    return st;
}
