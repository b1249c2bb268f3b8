/* petrarch_validation.h — reading a PETRARCH validation file
 * (PETR.UnitTest.records.xml): its records, expectations and <Config> options. */
#ifndef DY_PETRARCH_VALIDATION_H
#define DY_PETRARCH_VALIDATION_H

#include "dyad.h"
#include "base/strbuf.h"

#define DY_PV_MAX_EVENTS 16
#define DY_PV_CODE_MAX 64

typedef enum dy_pv_kind {
    DY_PV_RECORD = 0,   /* a <Sentence> to code */
    DY_PV_CONFIG        /* <Config option= value=>: holds for the records after it */
} dy_pv_kind;

typedef struct dy_pv_event {
    char source[DY_PV_CODE_MAX], target[DY_PV_CODE_MAX], code[DY_PV_CODE_MAX];
} dy_pv_event;

/* One item of the file. Strings stay valid until the next dy_pv_next. */
typedef struct dy_pv_item {
    int kind;               /* dy_pv_kind */
    long line;
    const char *option, *value;              /* DY_PV_CONFIG */
    const char *id, *category;               /* DY_PV_RECORD */
    int date;
    int excluded;           /* <Skip>, or left out by the <Include> list */
    int noevents;           /* <EventCoding noevents="True"> */
    char error[32];         /* <EventCoding error="storydiscard"> (sentencediscard,
                               dateline, bad_input_parse): the record is not coded */
    int n_events;           /* expected events (at most DY_PV_MAX_EVENTS) */
    dy_pv_event events[DY_PV_MAX_EVENTS];
    const char *text;
    size_t text_len;
    const char *parse;      /* NULL when the record has none */
    size_t parse_len;
} dy_pv_item;

typedef struct dy_pv_file {
    void *doc;              /* xmlDoc */
    void *next;             /* xmlNode: where dy_pv_next goes on */
    const char *path;
    int only_valid;         /* <Include> names "valid": only valid="true" records */
    dy_strbuf include;      /* " CAT1 CAT2 ... " upper case, empty: everything */
    dy_strbuf id, category, text, parse, option, value, tmp;
} dy_pv_file;

/* Reads the whole file (it is small) and checks that it is well-formed. */
dyad_status dy_pv_open(dy_pv_file *f, const char *path, dyad_error *err);
/* Next item: 1 and *it filled, 0 at the end, -1 on a bad record (err
 * filled; it is skipped, call again). */
int dy_pv_next(dy_pv_file *f, dy_pv_item *it, dyad_error *err);
void dy_pv_close(dy_pv_file *f);

/* Does the multiset of coded events equal the expected one? Codes compare
 * as written; "---" and "" both mean a null actor. An expected discard
 * wants the sentence or story discarded; another expected error, no events. */
int dy_pv_matches(const dy_pv_item *it, const dyad_result *res);

#endif
