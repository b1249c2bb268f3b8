/* event_id.h — an event's stable id: the same story and event give the same
 * number in every run, with any -j, so that runs appended to one file or
 * stored in one database never collide (GDELT's GLOBALEVENTID restarts at 1
 * on every run). */
#ifndef DY_EVENT_ID_H
#define DY_EVENT_ID_H

#include <stdint.h>

#include "dyad.h"

/* A positive 63-bit number from the story id and the event's date, source,
 * target and code: within a story, duplicate removal leaves one event per
 * such key, so two events written for one story never share an id (two of
 * different stories do with odds of about n^2 / 2^64). */
int64_t dy_event_id(const char *story_id, const dyad_event *ev);

#endif
