/* when.h — the date a sentence names ("on Thursday", "February 18",
 * "yesterday", "last week"), resolved against the story date. */
#ifndef DY_WHEN_H
#define DY_WHEN_H

#include "dyad.h"
#include "text/token.h"

/* Finds the first date expression in toks; on success returns 1 with the
 * resolved YYYYMMDD in *date and its words in *span. story_date must be a
 * valid YYYYMMDD; returns 0 when the sentence names no date. */
int dy_when_find(const dy_tokens *toks, int story_date, int *date, dyad_span *span);

/* Day of week of a YYYYMMDD date: 0 Monday .. 6 Sunday. */
int dy_weekday(int ymd);

#endif
