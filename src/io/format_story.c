/* format_story.c — one story's event lines, built where the story was coded:
 * identical events once, with their count and sentence ids, in the output
 * format. Coding threads call it, so the thread that writes only writes. */
#include "io/writer.h"

#include "event/dedup.h"

dyad_status dy_format_story(dy_strbuf *b, dy_out_format fmt, const dy_out_options *opt,
                            dy_story_dedup *dd, const dyad_story *story,
                            const dyad_result *res, long *lines)
{
    *lines = 0;
    if (!res->n_events)
        return DYAD_OK;
    if (dy_story_dedup_run(dd, res->events, res->n_events) != DYAD_OK)
        return DYAD_ERR_NOMEM;
    for (size_t i = 0; i < res->n_events; i++) {
        if (!dy_story_dedup_first(dd, i))
            continue;
        dy_event_extra x = {0};
        x.mentions = dd->count[i];
        x.sentence_ids = dy_story_dedup_ids(dd, story->id, res->events, res->n_events, i);
        dy_format_event(b, fmt, opt, story, &res->events[i], &x);
        ++*lines;
    }
    return b->failed || dd->ids.failed ? DYAD_ERR_NOMEM : DYAD_OK;
}
