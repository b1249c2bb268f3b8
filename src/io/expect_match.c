/* expect_match.c — deciding whether a coded record meets its validation
 * expectations: markers first, then an order-insensitive multiset of events. */
#include "io/expect.h"

#include <string.h>

#define MAX_GOT 512

static int has_status(const dyad_result *r, dyad_sentence_status st)
{
    for (size_t i = 0; i < r->n_sentences; i++)
        if (r->sentences[i].status == st)
            return 1;
    return 0;
}

static int same(const char *a, const char *b) { return strcmp(a ? a : "", b ? b : "") == 0; }

int dy_expect_matches(const dy_expect *e, const dyad_result *r, int check_dates)
{
    /* The manual: special codes are checked first; a match ends the check. */
    if (e->none && r->n_events == 0)
        return 1;
    if (e->discard && (r->discarded || has_status(r, DYAD_SENTENCE_DISCARD)))
        return 1;
    if (e->complex && has_status(r, DYAD_SENTENCE_COMPLEX))
        return 1;
    if (e->n_events == 0)
        return e->partial && !e->none && !e->discard && !e->complex;
    if (r->n_events > MAX_GOT)
        return 0;
    unsigned char used[MAX_GOT];
    memset(used, 0, sizeof used);
    for (int i = 0; i < e->n_events; i++) {
        const dy_expect_event *x = &e->events[i];
        size_t j;
        for (j = 0; j < r->n_events; j++) {
            const dyad_event *g = &r->events[j];
            if (!used[j] && same(x->source, g->source) && same(x->target, g->target) &&
                same(x->code, g->code) && (!check_dates || !x->date || x->date == g->date))
                break;
        }
        if (j == r->n_events)
            return 0;
        used[j] = 1;
    }
    return e->partial || r->n_events == (size_t)e->n_events;
}
