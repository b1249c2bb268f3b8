/* api_write.c — the public event writer (dyad_io.h), built on the public
 * formatter: its lines, written to a stream with their header and write
 * errors reported; --one-a-day's groups; the duplicate story id window. */
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "dyad_io.h"
#include "event/dedup.h"
#include "io/idset.h"
#include "io/writer.h"

_Static_assert(DYAD_IDSET_WINDOW == DY_IDSET_WINDOW, "one default window");

struct dyad_writer {
    dy_writer w;
    dyad_formatter *f;
    char *name;
};

dyad_status dyad_writer_new(FILE *f, const char *name, dyad_format format, dyad_writer **out,
                            dyad_error *err)
{
    *out = NULL;
    if (!f)
        return dy_error_set(err, DYAD_ERR_ARG, name, 0, "no stream");
    dyad_writer *w = calloc(1, sizeof *w);
    if (!w || !(w->name = strdup(name ? name : "output"))) {
        free(w);
        return dy_error_set(err, DYAD_ERR_NOMEM, name, 0, "out of memory");
    }
    dyad_status st = dyad_formatter_new(format, &w->f, err);
    if (st != DYAD_OK) {
        free(w->name);
        free(w);
        return st;
    }
    dy_out_format fmt;
    dy_out_options opt;
    dy_formatter_get(w->f, &fmt, &opt);
    dy_writer_init(&w->w, f, w->name, fmt);
    *out = w;
    return DYAD_OK;
}

void dyad_writer_free(dyad_writer *w)
{
    if (!w)
        return;
    dy_writer_free(&w->w);
    dyad_formatter_free(w->f);
    free(w->name);
    free(w);
}

dyad_formatter *dyad_writer_formatter(dyad_writer *w)
{
    return w->f;
}

/* The formatter's options as they are now, for the lines the writer builds. */
static void sync_options(dyad_writer *w)
{
    dy_out_format fmt;
    dy_formatter_get(w->f, &fmt, &w->w.opt);
}

dyad_status dyad_writer_story(dyad_writer *w, const dyad_story *story, const dyad_result *result,
                              dyad_error *err)
{
    const char *text;
    size_t len, lines;
    dyad_status st = dyad_format_story(w->f, story, result, &text, &len, &lines, err);
    if (st != DYAD_OK || !len)
        return st;
    return dy_writer_lines(&w->w, text, len, (long)lines, err);
}

dyad_status dyad_writer_lines(dyad_writer *w, const char *text, size_t len, size_t n,
                              dyad_error *err)
{
    return dy_writer_lines(&w->w, text, len, (long)n, err);
}

dyad_status dyad_writer_finish(dyad_writer *w, dyad_error *err)
{
    sync_options(w);
    return dy_writer_finish(&w->w, err);
}

long dyad_writer_events(const dyad_writer *w)
{
    return w->w.events;
}

/* -------------------------------------------------------------- daily */

struct dyad_daily {
    dy_daily d;
    dy_story_dedup dd;   /* identical events of one story first */
};

dyad_status dyad_daily_new(dyad_daily **out, dyad_error *err)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return dy_error_set(err, DYAD_ERR_NOMEM, NULL, 0, "out of memory");
    dy_daily_init(&(*out)->d);
    dy_story_dedup_init(&(*out)->dd);
    return DYAD_OK;
}

void dyad_daily_free(dyad_daily *d)
{
    if (!d)
        return;
    dy_daily_free(&d->d);
    dy_story_dedup_free(&d->dd);
    free(d);
}

dyad_status dyad_daily_add(dyad_daily *d, const dyad_story *story, const dyad_result *res,
                           dyad_error *err)
{
    if (dy_story_dedup_run(&d->dd, res->events, res->n_events) != DYAD_OK)
        return dy_error_set(err, DYAD_ERR_NOMEM, NULL, 0, "out of memory");
    for (size_t i = 0; i < res->n_events; i++) {
        if (!dy_story_dedup_first(&d->dd, i))
            continue;
        const dyad_event *ev = &res->events[i];
        dyad_span sent = {0, story->text_len};
        if (ev->sentence >= 1 && (size_t)ev->sentence <= res->n_sentences)
            sent = res->sentences[ev->sentence - 1].span;
        if (dy_daily_add(&d->d, story, sent, ev, d->dd.count[i]) != DYAD_OK)
            return dy_error_set(err, DYAD_ERR_NOMEM, NULL, 0, "out of memory");
    }
    return DYAD_OK;
}

dyad_status dyad_daily_write(dyad_daily *d, dyad_writer *w, dyad_error *err)
{
    sync_options(w);
    for (size_t i = 0; i < d->d.n; i++) {
        dy_daily_group *g = d->d.g[i];
        dy_event_extra x = {0};
        x.mentions = g->mentions;
        x.n_stories = g->n_stories;
        x.story_ids = g->story_ids.s ? g->story_ids.s : "";
        dyad_status st = dy_writer_event_ex(&w->w, &g->story, &g->ev, &x, err);
        if (st != DYAD_OK)
            return st;
    }
    return DYAD_OK;
}

/* -------------------------------------------------------------- idset */

struct dyad_idset {
    dy_idset s;
};

dyad_status dyad_idset_new(size_t window, dyad_idset **out, dyad_error *err)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return dy_error_set(err, DYAD_ERR_NOMEM, NULL, 0, "out of memory");
    dy_idset_init(&(*out)->s, window);
    return DYAD_OK;
}

void dyad_idset_free(dyad_idset *s)
{
    if (!s)
        return;
    dy_idset_free(&s->s);
    free(s);
}

int dyad_idset_add(dyad_idset *s, const char *id, size_t len)
{
    return dy_idset_add(&s->s, id, len);
}
