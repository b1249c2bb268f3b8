/* pipeline.c — a reader thread fills batches of stories, worker threads run
 * the work on them (one state each), the caller's thread hands results out
 * in order. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/error.h"
#include "io/pipeline.h"

/* Batches start at one story and double while the input comes fast, up to
 * this many stories or bytes; a batch that took long to read (a slow live
 * feed) is sent at once and the next one is a single story again. */
#define BATCH_STORIES 256
#define BATCH_BYTES (1u << 20)
#define SLOW_NS 20000000L          /* 20 ms */

typedef struct item {
    dyad_story story;        /* copies in the batch's arena; id NULL: reader error */
    dyad_status status;      /* the reader's, then the work's */
    dyad_error err;
    const void *out;         /* the work's result, kept in the batch's arena */
    /* what the reader said about a skipped item (dy_reader's fields) */
    long line;
    dy_fixes fixes;
    dy_skip skip;
    dyad_story bad;
    const char *raw;
    size_t raw_len;
} item;

typedef struct batch {
    dy_arena mem;            /* story copies and results */
    item *items;
    size_t n, cap, bytes;
    unsigned long seq;
    int done;                /* worked on: the writer may take it */
    int oom;                 /* the reader ran out of memory after these items */
    int waits;               /* it ended because the input had nothing more yet */
    struct batch *next;      /* in the free list or the work queue */
} batch;

struct dy_pipeline {
    dy_work work;
    int threads;
    void **states;           /* one per thread */

    /* one run's state, under mu */
    pthread_mutex_t mu;
    pthread_cond_t cv_free, cv_work, cv_done;
    batch *pool;
    size_t npool;
    batch *free_list, *work_head, *work_tail;
    batch **slot;            /* batch of sequence number s at slot[s % npool] */
    unsigned long next_seq;  /* batches dispatched so far */
    int reading_done, stop;
    size_t batch_max;
    dy_reader *rd;
    dy_reader view;          /* the reader as it was after the item being handed out */
    void (*on_idle)(void *ctx); /* the input has nothing more yet, or NULL */
};

typedef struct worker {
    dy_pipeline *p;
    void *state;
} worker;

dyad_status dy_pipeline_new_work(const dy_work *work, int threads, dy_pipeline **out,
                                 dyad_error *err)
{
    *out = NULL;
    if (!work || !work->run) {
        if (work && work->free_ctx) work->free_ctx(work->ctx);
        return dy_error_set(err, DYAD_ERR_ARG, "pipeline", 0, "no work");
    }
    if (threads < 1 || work->sequential) threads = 1;
    dy_pipeline *p = calloc(1, sizeof *p);
    if (p) p->states = calloc((size_t)threads, sizeof *p->states);
    if (!p || !p->states) {
        free(p);
        if (work->free_ctx) work->free_ctx(work->ctx);
        return dy_error_set(err, DYAD_ERR_NOMEM, "pipeline", 0, "out of memory");
    }
    p->work = *work;
    for (int i = 0; i < threads; ++i) {
        dyad_status st = work->open ? work->open(work->ctx, &p->states[i], err) : DYAD_OK;
        if (st != DYAD_OK) {
            dy_pipeline_free(p);
            return st;
        }
        p->threads = i + 1;
    }
    *out = p;
    return DYAD_OK;
}

void dy_pipeline_free(dy_pipeline *p)
{
    if (!p) return;
    for (int i = 0; i < p->threads; ++i)
        if (p->work.close) p->work.close(p->states[i]);
    if (p->work.free_ctx) p->work.free_ctx(p->work.ctx);
    free(p->states);
    free(p);
}

void dy_pipeline_on_idle(dy_pipeline *p, void (*on_idle)(void *ctx))
{
    p->on_idle = on_idle;
}

const dy_reader *dy_pipeline_reader(const dy_pipeline *p)
{
    if (!p || !p->rd) return NULL;
    return p->threads <= 1 ? p->rd : &p->view;
}

/* ------------------------------------------------------------ copying */

static const char *copy_str(dy_arena *a, const char *s)
{
    return s ? dy_arena_strdup(a, s) : NULL;
}

static const char *copy_mem(dy_arena *a, const char *s, size_t n)
{
    if (!s) return NULL;
    char *c = dy_arena_alloc(a, n + 1);
    if (!c) return NULL;
    memcpy(c, s, n);
    c[n] = '\0';
    return c;
}

/* The reader's strings live until its next call: keep our own. */
static int copy_story(dy_arena *a, dyad_story *dst, const dyad_story *src)
{
    *dst = *src;
    dst->id = copy_str(a, src->id ? src->id : "");
    dst->source = copy_str(a, src->source);
    dst->url = copy_str(a, src->url);
    dst->text = copy_mem(a, src->text ? src->text : "", src->text_len);
    if (!dst->id || (src->source && !dst->source) || (src->url && !dst->url) || !dst->text)
        return -1;
    if (src->presplit && src->n_presplit) {
        dyad_presplit *ps = dy_arena_alloc(a, src->n_presplit * sizeof *ps);
        if (!ps) return -1;
        for (size_t k = 0; k < src->n_presplit; ++k) {
            ps[k] = src->presplit[k];
            ps[k].parse = copy_mem(a, src->presplit[k].parse, src->presplit[k].parse_len);
            ps[k].id = copy_str(a, src->presplit[k].id);
            if ((src->presplit[k].parse && !ps[k].parse) || (src->presplit[k].id && !ps[k].id))
                return -1;
        }
        dst->presplit = ps;
    }
    return 0;
}

/* What the reader could read of a skipped item: NULLs stay NULL. */
static void copy_bad(dy_arena *a, item *it, const dy_reader *rd)
{
    const dyad_story *src = &rd->bad;
    it->line = rd->line;
    it->fixes = rd->fixes;
    it->skip = rd->skip;
    it->bad = *src;
    it->bad.id = copy_str(a, src->id);
    it->bad.source = copy_str(a, src->source);
    it->bad.url = copy_str(a, src->url);
    it->bad.text = copy_mem(a, src->text, src->text_len);
    it->bad.presplit = NULL;
    it->bad.n_presplit = 0;
    it->raw = copy_mem(a, rd->raw, rd->raw_len);
    it->raw_len = it->raw ? rd->raw_len : 0;
}

static item *add_item(batch *b)
{
    if (b->n == b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 16;
        item *v = realloc(b->items, nc * sizeof *v);
        if (!v) return NULL;
        b->items = v;
        b->cap = nc;
    }
    item *it = &b->items[b->n++];
    memset(it, 0, sizeof *it);
    return it;
}

/* ------------------------------------------------------------ threads */

static long elapsed_ns(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)(t.tv_sec - t0->tv_sec) * 1000000000L + (t.tv_nsec - t0->tv_nsec);
}

/* Reads up to max stories into b; returns 0 at the end of the input (or on
 * a fatal error, recorded as the batch's last item). *slow: reading took
 * long. */
static int fill_batch(dy_pipeline *p, batch *b, size_t max, int *slow)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    *slow = 0;
    while (b->n < max && b->bytes < BATCH_BYTES) {
        /* a live feed that has nothing more yet: what was read goes now */
        if (b->n && (elapsed_ns(&t0) > SLOW_NS || dy_reader_would_wait(p->rd))) {
            *slow = 1;
            return 1;
        }
        dyad_story st;
        dyad_error err;
        dy_error_clear(&err);
        int got = 0;
        dyad_status rc = dy_reader_next(p->rd, &st, &got, &err);
        if (rc == DYAD_OK && !got) return 0;
        item *it = add_item(b);
        if (!it) {                  /* the run ends; dy_pipeline_run reports it */
            b->oom = 1;
            return 0;
        }
        it->status = rc;
        if (rc != DYAD_OK) {
            it->err = err;
            copy_bad(&b->mem, it, p->rd);
            if (rc == DYAD_ERR_PARSE) continue;
            return 0;
        }
        if (copy_story(&b->mem, &it->story, &st) != 0) {
            it->story.id = NULL;
            it->status = dy_error_set(&it->err, DYAD_ERR_NOMEM, st.id ? st.id : "story", 0,
                                      "out of memory");
            return 0;
        }
        it->line = p->rd->line;
        it->fixes = p->rd->fixes;
        b->bytes += st.text_len;
    }
    /* full; was it also the last the feed had for now? (stories are copied) */
    if (dy_reader_would_wait(p->rd))
        *slow = 1;
    return 1;
}

static void *reader_main(void *arg)
{
    dy_pipeline *p = arg;
    int more = 1;
    while (more) {
        pthread_mutex_lock(&p->mu);
        while (!p->free_list && !p->stop) pthread_cond_wait(&p->cv_free, &p->mu);
        if (p->stop) {
            pthread_mutex_unlock(&p->mu);
            break;
        }
        batch *b = p->free_list;
        p->free_list = b->next;
        size_t max = p->batch_max;
        pthread_mutex_unlock(&p->mu);
        struct timespec t_start;
        clock_gettime(CLOCK_MONOTONIC, &t_start);

        int slow;
        more = fill_batch(p, b, max, &slow);
        b->waits = slow;
        if (!slow && elapsed_ns(&t_start) > SLOW_NS) slow = 1;

        pthread_mutex_lock(&p->mu);
        if (b->n == 0 && !b->oom) { /* nothing read: back to the pool */
            b->next = p->free_list;
            p->free_list = b;
        } else {
            if (slow) p->batch_max = 1;
            else if (p->batch_max < BATCH_STORIES) p->batch_max *= 2;
            b->seq = p->next_seq++;
            b->done = 0;
            b->next = NULL;
            p->slot[b->seq % p->npool] = b;
            if (p->work_tail) p->work_tail->next = b;
            else p->work_head = b;
            p->work_tail = b;
            pthread_cond_signal(&p->cv_work);
        }
        if (p->stop) more = 0;
        pthread_mutex_unlock(&p->mu);
    }
    pthread_mutex_lock(&p->mu);
    p->reading_done = 1;
    pthread_cond_broadcast(&p->cv_work);
    pthread_cond_broadcast(&p->cv_done);
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static void work_batch(dy_pipeline *p, void *state, batch *b, int stop)
{
    for (size_t i = 0; i < b->n; ++i) {
        item *it = &b->items[i];
        if (it->status != DYAD_OK || !it->story.id) continue;
        if (stop) {
            it->status = DYAD_STOPPED;
            continue;
        }
        it->status = p->work.run(state, &it->story, it->line, &b->mem, &it->out, &it->err);
    }
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    dy_pipeline *p = w->p;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (!p->work_head && !p->reading_done) pthread_cond_wait(&p->cv_work, &p->mu);
        batch *b = p->work_head;
        if (!b) {
            pthread_mutex_unlock(&p->mu);
            return NULL;
        }
        p->work_head = b->next;
        if (!p->work_head) p->work_tail = NULL;
        int stop = p->stop;
        pthread_mutex_unlock(&p->mu);

        work_batch(p, w->state, b, stop);

        pthread_mutex_lock(&p->mu);
        b->done = 1;
        pthread_cond_broadcast(&p->cv_done);
        pthread_mutex_unlock(&p->mu);
    }
}

/* ------------------------------------------------------------ running */

/* One thread: read, work, hand out; nothing is copied. */
static dyad_status run_inline(dy_pipeline *p, dy_reader *rd, dy_pipeline_sink sink, void *ctx)
{
    p->rd = rd;
    for (;;) {
        dyad_story st;
        const void *out = NULL;
        dyad_error err;
        dy_error_clear(&err);
        int got = 0;
        dyad_status rc = dy_reader_next(rd, &st, &got, &err);
        if (rc == DYAD_OK && !got) return DYAD_OK;
        if (rc != DYAD_OK) {
            if (sink(ctx, NULL, NULL, rc, &err)) return DYAD_STOPPED;
            if (rc == DYAD_ERR_PARSE) continue;
            return rc;
        }
        rc = p->work.run(p->states[0], &st, rd->line, NULL, &out, &err);
        if (sink(ctx, &st, rc == DYAD_OK ? out : NULL, rc, &err)) return DYAD_STOPPED;
        /* after the sink: looking ahead may move the text st points into */
        if (p->on_idle && dy_reader_would_wait(rd)) p->on_idle(ctx);
    }
}

/* Hands out the items of b in order; returns the status that ends the run
 * (a fatal read error, DYAD_STOPPED when the sink said stop), else DYAD_OK. */
static dyad_status deliver(dy_pipeline *p, batch *b, dy_pipeline_sink sink, void *ctx)
{
    for (size_t i = 0; i < b->n; ++i) {
        item *it = &b->items[i];
        p->view.line = it->line;
        p->view.fixes = it->fixes;
        p->view.skip = it->skip;
        p->view.bad = it->bad;
        p->view.raw = it->raw;
        p->view.raw_len = it->raw_len;
        int is_story = it->story.id != NULL;
        const dyad_story *st = is_story ? &it->story : NULL;
        const void *res = is_story && it->status == DYAD_OK ? it->out : NULL;
        if (sink(ctx, st, res, it->status, &it->err)) return DYAD_STOPPED;
        if (!is_story && it->status != DYAD_ERR_PARSE) return it->status;
    }
    if (b->waits && p->on_idle) p->on_idle(ctx);
    return DYAD_OK;
}

static void free_pool(dy_pipeline *p)
{
    for (size_t i = 0; i < p->npool; ++i) {
        dy_arena_free(&p->pool[i].mem);
        free(p->pool[i].items);
    }
    free(p->pool);
    free(p->slot);
    p->pool = NULL;
    p->slot = NULL;
    p->npool = 0;
}

dyad_status dy_pipeline_run(dy_pipeline *p, dy_reader *rd, dy_pipeline_sink sink, void *ctx,
                            dyad_error *err)
{
    if (!p || !rd || !sink) return dy_error_set(err, DYAD_ERR_ARG, "pipeline", 0, "missing argument");
    if (p->threads <= 1) {
        dyad_status rc = run_inline(p, rd, sink, ctx);
        p->rd = NULL;
        return rc;
    }

    p->npool = (size_t)p->threads * 2 + 2;
    p->pool = calloc(p->npool, sizeof *p->pool);
    p->slot = calloc(p->npool, sizeof *p->slot);
    worker *ws = calloc((size_t)p->threads, sizeof *ws);
    pthread_t *tids = calloc((size_t)p->threads, sizeof *tids);
    if (!p->pool || !p->slot || !ws || !tids) {
        free(ws);
        free(tids);
        free_pool(p);
        return dy_error_set(err, DYAD_ERR_NOMEM, "pipeline", 0, "out of memory");
    }
    p->free_list = p->work_head = p->work_tail = NULL;
    for (size_t i = 0; i < p->npool; ++i) {
        dy_arena_init(&p->pool[i].mem, 256 * 1024);
        p->pool[i].next = p->free_list;
        p->free_list = &p->pool[i];
    }
    p->next_seq = 0;
    p->reading_done = p->stop = 0;
    p->batch_max = 1;
    p->rd = rd;
    memset(&p->view, 0, sizeof p->view);
    p->view.fmt = rd->fmt;
    p->view.name = rd->name;
    p->view.date = rd->date;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv_free, NULL);
    pthread_cond_init(&p->cv_work, NULL);
    pthread_cond_init(&p->cv_done, NULL);

    int nw = 0;
    for (int i = 0; i < p->threads; ++i) {
        ws[i].p = p;
        ws[i].state = p->states[i];
        if (pthread_create(&tids[nw], NULL, worker_main, &ws[i]) != 0) break;
        ++nw;
    }
    pthread_t rt;
    int reader_ok = nw > 0 && pthread_create(&rt, NULL, reader_main, p) == 0;
    dyad_status rc = DYAD_OK;
    if (!reader_ok) {               /* no threads to be had: stop the workers, go inline */
        pthread_mutex_lock(&p->mu);
        p->reading_done = 1;
        pthread_cond_broadcast(&p->cv_work);
        pthread_mutex_unlock(&p->mu);
    } else {
        for (unsigned long seq = 0;; ++seq) {
            pthread_mutex_lock(&p->mu);
            batch *b;
            for (;;) {
                b = p->slot[seq % p->npool];
                if (b && b->seq == seq && b->done && seq < p->next_seq) break;
                if (p->reading_done && seq >= p->next_seq) { b = NULL; break; }
                pthread_cond_wait(&p->cv_done, &p->mu);
            }
            pthread_mutex_unlock(&p->mu);
            if (!b) break;
            if (rc == DYAD_OK) {
                rc = deliver(p, b, sink, ctx);
                if (rc == DYAD_OK && b->oom)
                    rc = dy_error_set(err, DYAD_ERR_NOMEM, "pipeline", 0, "out of memory");
            }
            dy_arena_reset(&b->mem);
            b->n = b->bytes = 0;
            b->oom = 0;
            pthread_mutex_lock(&p->mu);
            p->slot[seq % p->npool] = NULL;
            if (rc != DYAD_OK) p->stop = 1;
            b->next = p->free_list;
            p->free_list = b;
            pthread_cond_signal(&p->cv_free);
            pthread_mutex_unlock(&p->mu);
        }
        pthread_join(rt, NULL);
    }
    for (int i = 0; i < nw; ++i) pthread_join(tids[i], NULL);
    pthread_cond_destroy(&p->cv_free);
    pthread_cond_destroy(&p->cv_work);
    pthread_cond_destroy(&p->cv_done);
    pthread_mutex_destroy(&p->mu);
    free(ws);
    free(tids);
    free_pool(p);
    if (!reader_ok) rc = run_inline(p, rd, sink, ctx);
    p->rd = NULL;
    return rc;
}
