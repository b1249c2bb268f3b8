/* dedup.h — duplicate events: within one story (same date, source, target,
 * code: written once with a count) and across the input (--one-a-day: one
 * event per key and day, with the number and ids of the stories). */
#ifndef DY_DEDUP_H
#define DY_DEDUP_H

#include <stddef.h>

#include "dyad.h"
#include "base/strbuf.h"

/* Reusable scratch for one story's events (grows, never shrinks). */
typedef struct dy_story_dedup {
    size_t *slot;          /* hash slots: event index + 1, 0 empty */
    size_t nslot;
    size_t *rep;           /* per event: index of the first identical event */
    int *count;            /* per first event: how many */
    size_t cap;
    dy_strbuf ids;         /* sentence ids of the group asked for last */
} dy_story_dedup;

void dy_story_dedup_init(dy_story_dedup *d);
void dy_story_dedup_free(dy_story_dedup *d);

/* Groups the n events; afterwards dy_story_dedup_first(d, i) says whether
 * event i is the first of its group and d->count[i] its size. 0 or
 * DYAD_ERR_NOMEM. */
dyad_status dy_story_dedup_run(dy_story_dedup *d, const dyad_event *ev, size_t n);
int dy_story_dedup_first(const dy_story_dedup *d, size_t i);
/* "ID_1;ID_4": the sentences of event i's group (valid until the next call). */
const char *dy_story_dedup_ids(dy_story_dedup *d, const char *story_id, const dyad_event *ev,
                               size_t n, size_t i);

/* One (date, source, target, code) group of --one-a-day. */
typedef struct dy_daily_group {
    dyad_story story;      /* copies: id, source, url, and the sentence as text */
    dyad_event ev;         /* a copy, spans rebased onto story.text */
    int mentions;          /* events folded in */
    int n_stories;         /* distinct stories */
    dy_strbuf story_ids;   /* "A;B;C" */
    char *last_story;      /* id of the last story counted (stories come in order) */
} dy_daily_group;

typedef struct dy_daily {
    dy_daily_group **g;    /* in first-seen order */
    size_t n, cap;
    size_t *slot;          /* hash slots: group index + 1 */
    size_t nslot;
} dy_daily;

void dy_daily_init(dy_daily *d);
void dy_daily_free(dy_daily *d);
/* Adds event ev (mentions identical events) of story; sentence is its
 * sentence's span in story->text. DYAD_ERR_NOMEM on failure. */
dyad_status dy_daily_add(dy_daily *d, const dyad_story *story, dyad_span sentence,
                         const dyad_event *ev, int mentions);

#endif
