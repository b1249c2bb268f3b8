/* dedup.c — duplicate events by (date, source, target, code): open-addressing
 * hash sets, so a story or an input of any size is grouped in linear time;
 * --one-a-day memory grows with the number of distinct keys only. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "event/dedup.h"

static uint64_t mix(uint64_t h, const char *s)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (h ^ 0xff) * 1099511628211ull;   /* field separator */
}

static uint64_t key_hash(const dyad_event *e)
{
    uint64_t h = 1469598103934665603ull ^ (uint64_t)(unsigned)e->date;
    h = mix(h, e->source);
    h = mix(h, e->target);
    return mix(h, e->code);
}

static int eq(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

static int same_key(const dyad_event *a, const dyad_event *b)
{
    return a->date == b->date && eq(a->source, b->source) && eq(a->target, b->target) &&
           eq(a->code, b->code);
}

void dy_story_dedup_init(dy_story_dedup *d)
{
    memset(d, 0, sizeof *d);
    dy_strbuf_init(&d->ids);
}

void dy_story_dedup_free(dy_story_dedup *d)
{
    free(d->slot);
    free(d->rep);
    free(d->count);
    dy_strbuf_free(&d->ids);
    memset(d, 0, sizeof *d);
}

dyad_status dy_story_dedup_run(dy_story_dedup *d, const dyad_event *ev, size_t n)
{
    if (n > d->cap) {
        size_t cap = n < 16 ? 16 : n;
        size_t *rep = realloc(d->rep, cap * sizeof *rep);
        if (rep)
            d->rep = rep;
        int *count = realloc(d->count, cap * sizeof *count);
        if (count)
            d->count = count;
        size_t *slot = realloc(d->slot, 2 * cap * sizeof *slot);
        if (slot)
            d->slot = slot;
        if (!rep || !count || !slot)
            return DYAD_ERR_NOMEM;
        d->cap = cap;
        d->nslot = 2 * cap;
    }
    if (n == 0)
        return DYAD_OK;
    memset(d->slot, 0, d->nslot * sizeof *d->slot);
    for (size_t i = 0; i < n; i++) {
        size_t h = (size_t)(key_hash(&ev[i]) % d->nslot);
        d->rep[i] = i;
        d->count[i] = 1;
        while (d->slot[h]) {
            size_t j = d->slot[h] - 1;
            if (same_key(&ev[j], &ev[i])) {
                d->rep[i] = j;
                d->count[j]++;
                break;
            }
            h = (h + 1) % d->nslot;
        }
        if (d->rep[i] == i)
            d->slot[h] = i + 1;
    }
    return DYAD_OK;
}

int dy_story_dedup_first(const dy_story_dedup *d, size_t i)
{
    return d->rep[i] == i;
}

const char *dy_story_dedup_ids(dy_story_dedup *d, const char *story_id, const dyad_event *ev,
                               size_t n, size_t i)
{
    dy_strbuf_clear(&d->ids);
    int last = -1;
    /* members follow their first event; scan only when the group has more */
    for (size_t k = i; k < n; k++) {
        if (d->rep[k] != i || ev[k].sentence == last)
            continue;
        if (d->ids.len)
            dy_strbuf_addc(&d->ids, ';');
        dy_strbuf_adds(&d->ids, story_id ? story_id : "");   /* "%s_%d", once per event */
        dy_strbuf_addc(&d->ids, '_');
        dy_strbuf_add_long(&d->ids, ev[k].sentence);
        last = ev[k].sentence;
        if (d->count[i] == 1)
            break;
    }
    return d->ids.s ? d->ids.s : "";
}

void dy_daily_init(dy_daily *d)
{
    memset(d, 0, sizeof *d);
}

static void group_free(dy_daily_group *g)
{
    if (!g)
        return;
    free((char *)g->story.id);
    free((char *)g->story.source);
    free((char *)g->story.url);
    free((char *)g->story.text);
    free((char *)g->ev.source);
    free((char *)g->ev.target);
    free((char *)g->ev.code);
    free((char *)g->ev.pattern);
    free((char *)g->ev.pattern_where);
    free((char *)g->ev.attribution);
    free((char *)g->ev.issues);
    free(g->last_story);
    dy_strbuf_free(&g->story_ids);
    free(g);
}

void dy_daily_free(dy_daily *d)
{
    for (size_t i = 0; i < d->n; i++)
        group_free(d->g[i]);
    free(d->g);
    free(d->slot);
    memset(d, 0, sizeof *d);
}

static char *dup(const char *s, int *fail)
{
    if (!s)
        return NULL;
    char *c = strdup(s);
    if (!c)
        *fail = 1;
    return c;
}

static dyad_span rebase(dyad_span sp, dyad_span sent)
{
    dyad_span r = {0, 0};
    if (sp.end > sp.start && sp.start >= sent.start && sp.end <= sent.end) {
        r.start = sp.start - sent.start;
        r.end = sp.end - sent.start;
    }
    return r;
}

static dy_daily_group *new_group(const dyad_story *st, dyad_span sent, const dyad_event *ev)
{
    int fail = 0;
    dy_daily_group *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    dy_strbuf_init(&g->story_ids);
    g->story = *st;
    g->story.id = dup(st->id, &fail);
    g->story.source = dup(st->source, &fail);
    g->story.url = dup(st->url, &fail);
    g->story.presplit = NULL;
    g->story.n_presplit = 0;
    if (sent.end > st->text_len || sent.start > sent.end)
        sent.start = sent.end = 0;
    char *text = malloc(sent.end - sent.start + 1);
    if (text) {
        memcpy(text, st->text + sent.start, sent.end - sent.start);
        text[sent.end - sent.start] = '\0';
    } else {
        fail = 1;
    }
    g->story.text = text;
    g->story.text_len = sent.end - sent.start;
    g->ev = *ev;
    g->ev.source = dup(ev->source, &fail);
    g->ev.target = dup(ev->target, &fail);
    g->ev.code = dup(ev->code, &fail);
    g->ev.pattern = dup(ev->pattern, &fail);
    g->ev.pattern_where = dup(ev->pattern_where, &fail);
    g->ev.attribution = dup(ev->attribution, &fail);
    g->ev.issues = dup(ev->issues, &fail);
    g->ev.source_span = rebase(ev->source_span, sent);
    g->ev.target_span = rebase(ev->target_span, sent);
    g->ev.verb_span = rebase(ev->verb_span, sent);
    g->ev.date_span = rebase(ev->date_span, sent);
    g->ev.place.span = rebase(ev->place.span, sent);
    if (fail) {
        group_free(g);
        return NULL;
    }
    return g;
}

static int grow_slots(dy_daily *d)
{
    size_t nslot = d->nslot ? d->nslot * 2 : 64;
    size_t *slot = calloc(nslot, sizeof *slot);
    if (!slot)
        return -1;
    for (size_t i = 0; i < d->n; i++) {
        size_t h = (size_t)(key_hash(&d->g[i]->ev) % nslot);
        while (slot[h])
            h = (h + 1) % nslot;
        slot[h] = i + 1;
    }
    free(d->slot);
    d->slot = slot;
    d->nslot = nslot;
    return 0;
}

dyad_status dy_daily_add(dy_daily *d, const dyad_story *story, dyad_span sentence,
                         const dyad_event *ev, int mentions)
{
    if ((d->n + 1) * 2 > d->nslot && grow_slots(d) != 0)
        return DYAD_ERR_NOMEM;
    size_t h = (size_t)(key_hash(ev) % d->nslot);
    dy_daily_group *g = NULL;
    while (d->slot[h]) {
        dy_daily_group *c = d->g[d->slot[h] - 1];
        if (same_key(&c->ev, ev)) {
            g = c;
            break;
        }
        h = (h + 1) % d->nslot;
    }
    if (!g) {
        if (d->n == d->cap) {
            size_t cap = d->cap ? d->cap * 2 : 64;
            dy_daily_group **v = realloc(d->g, cap * sizeof *v);
            if (!v)
                return DYAD_ERR_NOMEM;
            d->g = v;
            d->cap = cap;
        }
        g = new_group(story, sentence, ev);
        if (!g)
            return DYAD_ERR_NOMEM;
        d->g[d->n++] = g;
        d->slot[h] = d->n;
    }
    g->mentions += mentions;
    const char *id = story->id ? story->id : "";
    if (!g->last_story || strcmp(g->last_story, id) != 0) {
        char *c = strdup(id);
        if (!c)
            return DYAD_ERR_NOMEM;
        free(g->last_story);
        g->last_story = c;
        g->n_stories++;
        if (g->story_ids.len)
            dy_strbuf_addc(&g->story_ids, ';');
        dy_strbuf_adds(&g->story_ids, id);
        if (g->story_ids.failed)
            return DYAD_ERR_NOMEM;
    }
    return DYAD_OK;
}
