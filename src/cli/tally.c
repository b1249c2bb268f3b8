/* tally.c — the accounting of `dyad code`: counts stories and sentences and
 * prints the summary line whose fields docs/errors.md documents. */
#include "tally.h"

void cli_tally_result(cli_tally *t, const dyad_result *res)
{
    t->sentences += (long)res->n_sentences;
    for (size_t i = 0; i < res->n_sentences; i++) {
        switch (dyad_result_sentence(res, i)->status) {
        case DYAD_SENTENCE_CODED: t->with_events++; break;
        case DYAD_SENTENCE_NO_EVENT: t->no_event++; break;
        case DYAD_SENTENCE_DISCARD: t->discarded++; break;
        case DYAD_SENTENCE_COMPLEX: t->complex++; break;
        case DYAD_SENTENCE_TOO_SHORT: t->too_short++; break;
        case DYAD_SENTENCE_TOO_LONG: t->too_long++; break;
        }
    }
}

long cli_tally_skipped(const cli_tally *t)
{
    long n = 0;
    for (int i = DYAD_SKIP_NONE + 1; i < DYAD_SKIP_COUNT; i++)
        n += t->skipped[i];
    return n;
}

void cli_tally_print(const cli_tally *t, long events, FILE *f)
{
    /* Every field always, in a fixed order, so scripts can rely on it. */
    fprintf(f, "dyad: %ld stories read: %ld coded (%ld repaired, %ld not English), %ld skipped (",
            t->read, t->coded, t->repaired, t->not_english, cli_tally_skipped(t));
    for (int i = DYAD_SKIP_NONE + 1; i < DYAD_SKIP_COUNT; i++)
        fprintf(f, "%s%ld %s", i > DYAD_SKIP_NONE + 1 ? ", " : "", t->skipped[i],
                dyad_skip_name((dyad_skip)i));
    fprintf(f,
            "); %ld sentences: %ld with events, %ld no event, %ld discarded, %ld complex, "
            "%ld too short, %ld too long; %ld events written\n",
            t->sentences, t->with_events, t->no_event, t->discarded, t->complex, t->too_short,
            t->too_long, events);
}
