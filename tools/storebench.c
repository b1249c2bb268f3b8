/* storebench.c — the event store's speed (make bench, bench/store.sh):
 * stores N synthetic stories of E events each through dyad_store_put (the
 * coding is not timed: the events are made up, with realistic fields) and
 * prints "events seconds events_per_second bytes" for the file it wrote.
 * usage: storebench FILE.sqlite STORIES EVENTS_PER_STORY */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "dyad.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: storebench FILE.sqlite STORIES EVENTS_PER_STORY\n");
        return 2;
    }
    long stories = atol(argv[2]), per = atol(argv[3]);
    static const char *const actors[] = {"USAGOV", "RUSMIL", "UKRGOV", "CHNGOV", "IRNGOV",
                                         "ISRMIL", "PSEREB", "TURGOV", "SYRREB", "FRAGOV"};
    static const char *const codes[] = {"010", "042", "051", "112", "190", "043", "173", "036"};
    static const char text[] =
        "The foreign minister said on Tuesday that talks with the rebels would resume in the "
        "capital next week, after a ceasefire that held for most of the month.";
    dyad_event *ev = calloc((size_t)per, sizeof *ev);
    dyad_sentence sent = {{0, sizeof text - 1}, DYAD_SENTENCE_CODED, NULL};
    dyad_store *s;
    dyad_error err = {0};
    if (!ev || dyad_store_open(argv[1], NULL, &s, &err) != DYAD_OK) {
        fprintf(stderr, "storebench: %s: %s\n", err.where, err.message);
        return 1;
    }
    char id[32];
    double t0 = now();
    for (long i = 0; i < stories; i++) {
        snprintf(id, sizeof id, "story-%ld", i);
        for (long k = 0; k < per; k++) {
            dyad_event *e = &ev[k];
            memset(e, 0, sizeof *e);
            e->sentence = 1;
            e->date = 20200101 + (int)(i % 12) * 100 + (int)(i % 28);
            e->source = actors[(i + k) % 10];
            e->target = actors[(i + 3 * k + 1) % 10];
            e->code = codes[(i + k) % 8];
            e->source_span = (dyad_span){4, 20};
            e->target_span = (dyad_span){60, 66};
            e->verb_span = (dyad_span){21, 25};
            e->pattern = "* THAT_ + [---]";
            e->pattern_where = "default/verbs/01-statement.verbs";
            e->pattern_line = 12;
            e->code_name = "Make a statement";
            e->root_code = "01";
            e->quad_class = 1;
            e->goldstein = 0.0;
            e->has_goldstein = 1;
            e->plover_type = "";
            e->plover_mode = "";
            e->plover_context = "";
            memcpy(e->source_parts.country, e->source, 3);
            memcpy(e->target_parts.country, e->target, 3);
        }
        dyad_story st = {0};
        st.id = id;
        st.date = ev[0].date;
        st.text = text;
        st.text_len = sizeof text - 1;
        dyad_result r;
        memset(&r, 0, sizeof r);
        r.events = ev;
        r.n_events = (size_t)per;
        r.sentences = &sent;
        r.n_sentences = 1;
        if (dyad_store_put(s, &st, &r, &err) != DYAD_OK) {
            fprintf(stderr, "storebench: %s\n", err.message);
            return 1;
        }
    }
    long events = dyad_store_events(s);
    if (dyad_store_close(s, &err) != DYAD_OK) {
        fprintf(stderr, "storebench: %s\n", err.message);
        return 1;
    }
    double t = now() - t0;
    struct stat sb;
    long long bytes = stat(argv[1], &sb) == 0 ? (long long)sb.st_size : 0;
    printf("%ld %.3f %.0f %lld\n", events, t, (double)events / t, bytes);
    free(ev);
    return 0;
}
