/* test_code.c — end-to-end coding on an invented dictionary: default actors,
 * paired codes, compounds, passive voice, agents, patterns, special codes. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

#define FIX "tests/fixtures/coder/coder.project"

static dyad_dict *dict;
static dyad_coder *coder;
static dyad_result res;

static void setup(void)
{
    dyad_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(dyad_dict_load(FIX, &dict, &err), DYAD_OK, "load: %s:%ld: %s", err.where,
                 err.line, err.message);
    cr_assert_eq(dyad_coder_new(dict, &coder, &err), DYAD_OK);
}

static void teardown(void)
{
    dyad_coder_free(coder);
    dyad_dict_free(dict);
}

TestSuite(code, .init = setup, .fini = teardown);

static void code(const char *text)
{
    dyad_story st = {.id = "t1", .date = 20240105, .text = text, .text_len = strlen(text), .one_sentence = 1};
    dyad_error err;
    cr_assert_eq(dyad_code(coder, &st, &res, &err), DYAD_OK, "%s", err.message);
}

static int has(const char *src, const char *tgt, const char *evt)
{
    for (size_t i = 0; i < res.n_events; ++i)
        if (!strcmp(res.events[i].source, src) && !strcmp(res.events[i].target, tgt) &&
            !strcmp(res.events[i].code, evt))
            return 1;
    return 0;
}

static char *dump(void)
{
    static char buf[1024];
    size_t k = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < res.n_events && k < sizeof buf - 64; ++i)
        k += (size_t)snprintf(buf + k, sizeof buf - k, "{%s/%s/%s} ", res.events[i].source,
                              res.events[i].target, res.events[i].code);
    return buf;
}

Test(code, default_source_and_target)
{
    code("Zandoria denounced Korvalia on Tuesday after a long quarrel.");
    cr_assert_eq(res.n_events, 1, "%s", dump());
    cr_assert(has("ZAN", "KOR", "121"), "%s", dump());
    cr_assert_eq(res.sentences[0].status, DYAD_SENTENCE_CODED);
}

Test(code, pattern_before_verb)
{
    code("Zandoria did not denounce Korvalia on Tuesday after a long quarrel.");
    cr_assert(has("ZAN", "KOR", "012"), "%s", dump());
}

Test(code, paired_code)
{
    code("Zandoria will meet Korvalia next week about the quarrel.");
    cr_assert_eq(res.n_events, 2, "%s", dump());
    cr_assert(has("ZAN", "KOR", "031") && has("KOR", "ZAN", "031"), "%s", dump());
}

Test(code, parsed_compound_source)
{
    code("Zandoria and Meridon denounced Korvalia on Tuesday over the quarrel.");
    cr_assert_eq(res.n_events, 2, "%s", dump());
    cr_assert(has("ZAN", "KOR", "121") && has("MER", "KOR", "121"), "%s", dump());
}

Test(code, coded_compound_target)
{
    code("Zandoria denounced the Old Quibble Isles on Tuesday over the quarrel.");
    cr_assert(has("ZAN", "QIB", "121") && has("ZAN", "QIS", "121"), "%s", dump());
}

Test(code, passive_voice_swaps_actors)
{
    code("Korvalia was denounced by Zandoria on Tuesday over the quarrel.");
    cr_assert(has("ZAN", "KOR", "121"), "%s", dump());
}

Test(code, designated_actors_in_pattern)
{
    code("Korvalia was rescued from Zandoria by brave fishermen on Tuesday.");
    cr_assert(has("ZAN", "KOR", "067"), "%s", dump());
}

Test(code, agents_suffix_and_prefix)
{
    code("Zandoria minister denounced Korvalia watchers on Tuesday.");
    cr_assert(has("ZANGOV", "NGOKOR", "121"), "%s", dump());
}

Test(code, former_makes_elite)
{
    code("Former Zandoria minister denounced Korvalia on Tuesday.");
    cr_assert(has("ZANELI", "KOR", "121"), "%s", dump());
}

Test(code, synset_and_alternatives)
{
    code("Zandoria will send a galley to Korvalia next week.");
    cr_assert(has("ZAN", "KOR", "071"), "%s", dump());
    code("Zandoria will send some salt to Korvalia next week.");
    cr_assert(has("ZAN", "KOR", "072"), "%s", dump());
    code("Zandoria will send lumber to Korvalia next week.");
    cr_assert(has("ZAN", "KOR", "070"), "%s", dump());
}

Test(code, subordinate_code_yields)
{
    code("Zandoria said it would denounce Korvalia on Tuesday.");
    cr_assert_eq(res.n_events, 1, "%s", dump());
    cr_assert(has("ZAN", "KOR", "121"), "%s", dump());
    code("Zandoria said Korvalia had a quarrel with fishermen.");
    cr_assert(has("ZAN", "KOR", "023"), "%s", dump());
}

Test(code, dominant_code_wins)
{
    /* as in TABARI the earlier default target makes the passive check swap
     * the pattern's actors: the dominant event is MER -> ZAN */
    code("Zandoria denounced Korvalia and was praised by Meridon on Tuesday.");
    cr_assert_eq(res.n_events, 1, "%s", dump());
    cr_assert(has("MER", "ZAN", "052"), "%s", dump());
}

Test(code, null_actor_is_a_noun)
{
    code("Professor Plum denounced Korvalia on Tuesday over the quarrel.");
    cr_assert_eq(res.n_events, 0, "%s", dump());
}

Test(code, discard_and_complex)
{
    code("Zandoria denounced Korvalia over a wobble ball match on Tuesday.");
    cr_assert_eq(res.n_events, 0);
    cr_assert_eq(res.sentences[0].status, DYAD_SENTENCE_DISCARD);
    code("Fogland denounced Korvalia on Tuesday over the quarrel.");
    cr_assert_eq(res.n_events, 0);
    cr_assert_eq(res.sentences[0].status, DYAD_SENTENCE_COMPLEX);
}

Test(code, too_short)
{
    code("Zandoria denounced.");
    cr_assert_eq(res.sentences[0].status, DYAD_SENTENCE_TOO_SHORT);
}

Test(code, comma_clause_is_skipped)
{
    code("Zandoria, which Meridon denounced last year, will meet Korvalia soon.");
    cr_assert(has("ZAN", "KOR", "031"), "%s", dump());
    cr_assert(!has("MER", "ZAN", "121"), "%s", dump());
}

Test(code, clauses_keep_the_source)
{
    code("Zandoria denounced Korvalia and will meet Meridon next week.");
    cr_assert(has("ZAN", "KOR", "121"), "%s", dump());
    cr_assert(has("ZAN", "MER", "031"), "%s", dump());
}

Test(code, time_shift_and_options)
{
    dyad_error err;
    code("Yestermorn Zandoria denounced Korvalia over the quarrel.");
    cr_assert_eq(res.n_events, 1);
    cr_assert_eq(res.events[0].date, 20240104);
    cr_assert_eq(res.events[0].date_shift, -1);
    cr_assert_eq(dyad_coder_set_option(coder, "SET: TIME SHIFTING = FALSE", &err), DYAD_OK);
    code("Yestermorn Zandoria denounced Korvalia over the quarrel.");
    cr_assert_eq(res.events[0].date, 20240105);
    dyad_coder_reset_options(coder);
}

Test(code, spans_and_pattern)
{
    const char *t = "Zandoria did not denounce Korvalia on Tuesday.";
    code(t);
    cr_assert_eq(res.n_events, 1);
    const dyad_event *e = &res.events[0];
    cr_assert_eq(strncmp(t + e->source_span.start, "Zandoria", 8), 0);
    cr_assert_eq(strncmp(t + e->target_span.start, "Korvalia", 8), 0);
    cr_assert_eq(strncmp(t + e->verb_span.start, "denounce", 8), 0);
    cr_assert_str_eq(e->pattern, "NOT *");
    cr_assert_gt(e->pattern_line, 0);
}

Test(code, multi_sentence_story)
{
    const char *t = "Zandoria denounced Korvalia on Tuesday. Meridon will meet Glimwater next week.";
    dyad_story st = {.id = "t2", .date = 20240105, .text = t, .text_len = strlen(t), .one_sentence = 0};
    dyad_error err;
    cr_assert_eq(dyad_code(coder, &st, &res, &err), DYAD_OK);
    cr_assert_eq(res.n_sentences, 2);
    cr_assert(has("ZAN", "KOR", "121") && has("MER", "GLW", "031"), "%s", dump());
    cr_assert_eq(res.events[res.n_events - 1].sentence, 2);
}

Test(code, explain_names_the_pattern)
{
    const char *t = "Zandoria did not denounce Korvalia on Tuesday.";
    dyad_story st = {.id = "t3", .date = 20240105, .text = t, .text_len = strlen(t), .one_sentence = 1};
    dyad_error err;
    char *text = NULL;
    cr_assert_eq(dyad_explain(coder, &st, &text, &err), DYAD_OK);
    cr_assert(strstr(text, "NOT *") != NULL, "%s", text);
    cr_assert(strstr(text, "coder.verbs:") != NULL, "%s", text);
    cr_assert(strstr(text, "ZAN KOR 012") != NULL, "%s", text);
    free(text);
}

Test(code, attribution)
{
    code("Zandoria denounced Korvalia on Tuesday, Meridon officials declared.");
    cr_assert_eq(res.n_events, 1, "%s", dump());
    cr_assert(has("ZAN", "KOR", "121"), "%s", dump());
    cr_assert_str_eq(res.events[0].attribution, "MER");
    code("Zandoria denounced Korvalia, fishermen gossiped about Glimwater.");
    cr_assert_str_eq(res.events[0].attribution, "GLW");
    code("Zandoria denounced Korvalia on Tuesday over the quarrel.");
    cr_assert_null(res.events[0].attribution);
}

Test(code, nonevents)
{
    dyad_error err;
    cr_assert_eq(dyad_coder_set_option(coder, "NONEVENTS: TRUE", &err), DYAD_OK, "%s", err.message);
    code("Zandoria and Meridon quarrelled with Korvalia on Tuesday.");
    cr_assert_eq(res.n_events, 1, "%s", dump());
    cr_assert(has("ZAN", "KOR", "***"), "%s", dump());
    code("Zandoria denounced Korvalia on Tuesday over the quarrel.");
    cr_assert(has("ZAN", "KOR", "121"), "%s", dump());
    cr_assert_eq(dyad_coder_set_option(coder, "NONEVENTS: ONLY", &err), DYAD_OK, "%s", err.message);
    code("Zandoria denounced Korvalia on Tuesday over the quarrel.");
    cr_assert_eq(res.n_events, 0, "%s", dump());
    dyad_coder_reset_options(coder);
}
