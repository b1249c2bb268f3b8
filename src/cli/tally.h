/* tally.h — the accounting of `dyad code`: stories and sentences read,
 * coded and skipped by reason, events written; printed as one summary line. */
#ifndef DY_CLI_TALLY_H
#define DY_CLI_TALLY_H

#include <stdio.h>

#include "dyad.h"
#include "dyad_io.h"

typedef struct cli_tally {
    long read, coded, repaired;     /* stories; repaired ones are coded too */
    long not_english;               /* coded stories that did not look English */
    long skipped[DYAD_SKIP_COUNT];    /* stories, by reason */
    long sentences, with_events, no_event, discarded, complex, too_short, too_long;
} cli_tally;

/* Counts the sentences of one coded story. */
void cli_tally_result(cli_tally *t, const dyad_result *res);
/* Stories skipped for any reason. */
long cli_tally_skipped(const cli_tally *t);
/* The summary line (docs/errors.md, "Accounting"), to f. */
void cli_tally_print(const cli_tally *t, long events, FILE *f);

#endif
