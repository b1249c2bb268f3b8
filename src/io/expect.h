/* expect.h — the expectations of a TABARI validation record (tabari-manual
 * 10.1): { SRC / TGT / CODE } events, {---} {###} {+++} markers, -{ and OPTION:. */
#ifndef DY_EXPECT_H
#define DY_EXPECT_H

#include <stddef.h>

#include "dyad.h"

#define DY_EXPECT_MAX_EVENTS 64
#define DY_EXPECT_MAX_OPTIONS 8
#define DY_EXPECT_CODE_MAX 48

typedef struct dy_expect_event {
    char source[DY_EXPECT_CODE_MAX];
    char target[DY_EXPECT_CODE_MAX];
    char code[DY_EXPECT_CODE_MAX];
    int date;                   /* YYYYMMDD after the '}', 0 when absent */
} dy_expect_event;

typedef struct dy_expect {
    dy_expect_event events[DY_EXPECT_MAX_EVENTS];
    int n_events;
    int none;                   /* {---}: no events */
    int discard;                /* {###} */
    int complex;                /* {+++} */
    int partial;                /* a -{ was seen: events from there on are not checked */
    char options[DY_EXPECT_MAX_OPTIONS][256];
    int n_options;              /* { OPTION: ... } lines, in order */
    int n_fields;               /* bracketed fields of any kind */
} dy_expect;

/* Parses the comment of a record. where/line name the record for errors
 * (a malformed event field is DYAD_ERR_PARSE; too many is DYAD_ERR_LIMIT). */
dyad_status dy_expect_parse(const char *comment, size_t len, dy_expect *out,
                            const char *where, long line, dyad_error *err);

/* Nonzero when the record only changes options: not a test. */
int dy_expect_is_option_only(const dy_expect *e);

/* Nonzero when result meets e. Markers are checked first; then the multiset
 * of source/target/code must be equal (or, after a -{, contain the events
 * listed before it). check_dates: compare the dates given after events. */
int dy_expect_matches(const dy_expect *e, const dyad_result *result, int check_dates);

#endif
