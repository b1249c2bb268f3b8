/* test_tree_pattern.c — PETRARCH-2 patterns in tree mode: "(prep phrase)" and
 * "{noun phrase}" groups checked against the parse, [active:passive] codes. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "dyad.h"

#define FIX "tests/fixtures/treebank"

static dyad_dict *dict;
static dyad_coder *coder;
static dyad_result res;

static void setup(void)
{
    dyad_error err;
    cr_assert_eq(dyad_dict_load(FIX, &dict, &err), DYAD_OK, "%s:%ld: %s", err.where, err.line,
                 err.message);
    cr_assert_eq(dyad_coder_new(dict, &coder, &err), DYAD_OK);
}

static void teardown(void)
{
    dyad_coder_free(coder);
    dyad_dict_free(dict);
}

TestSuite(tree_pattern, .init = setup, .fini = teardown);

static void code_parsed(const char *text, const char *parse)
{
    dyad_presplit ps = {.start = 0, .end = strlen(text), .parse = parse,
                        .parse_len = parse ? strlen(parse) : 0};
    dyad_story st = {.id = "t1", .date = 20240105, .text = text, .text_len = strlen(text),
                     .presplit = &ps, .n_presplit = 1};
    dyad_error err;
    cr_assert_eq(dyad_code(coder, &st, &res, &err), DYAD_OK, "%s", err.message);
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

static int only(const char *src, const char *tgt, const char *evt)
{
    return res.n_events == 1 && !strcmp(res.events[0].source, src) &&
           !strcmp(res.events[0].target, tgt) && !strcmp(res.events[0].code, evt);
}

Test(tree_pattern, prepositional_group_matches_a_pp)
{
    code_parsed("Zandoria grumbled at Korvalia on Monday.",
                "(ROOT (S (NP (NNP Zandoria)) (VP (VBD grumbled) (PP (IN at) (NP (NNP Korvalia))) "
                "(PP (IN on) (NP (NNP Monday)))) (. .)))");
    cr_assert(only("ZAN", "KOR", "111"), "%s", dump());
}

Test(tree_pattern, infinitive_to_is_not_a_prepositional_phrase)
{
    const char *text = "Zandoria grumbled to stop quibbles with Korvalia.";
    /* from the text alone "(TO QUIBBLES)" matches the words */
    code_parsed(text, NULL);
    cr_assert(only("ZAN", "KOR", "163"), "%s", dump());
    code_parsed(text, "(ROOT (S (NP (NNP Zandoria)) (VP (VBD grumbled) (S (VP (TO to) (VP (VB stop) "
                      "(NP (NNS quibbles)) (PP (IN with) (NP (NNP Korvalia))))))) (. .)))");
    cr_assert_eq(res.n_events, 0, "%s", dump());
}

Test(tree_pattern, noun_group_inside_a_prepositional_group)
{
    code_parsed("Zandoria grumbled about salt taxes of Korvalia.",
                "(ROOT (S (NP (NNP Zandoria)) (VP (VBD grumbled) (PP (IN about) (NP (NP (NN salt) "
                "(NNS taxes)) (PP (IN of) (NP (NNP Korvalia)))))) (. .)))");
    cr_assert(only("ZAN", "KOR", "131"), "%s", dump());
    /* "salt" and "taxes" in different noun phrases: no match */
    code_parsed("Zandoria grumbled about salt, taxes and Korvalia.",
                "(ROOT (S (NP (NNP Zandoria)) (VP (VBD grumbled) (PP (IN about) (NP (NP (NN salt)) "
                "(, ,) (NP (NNS taxes)) (CC and) (NP (NNP Korvalia))))) (. .)))");
    cr_assert_eq(res.n_events, 0, "%s", dump());
}

Test(tree_pattern, passive_voice_takes_the_passive_code)
{
    code_parsed("Zandoria snubbled Korvalia on Monday.",
                "(ROOT (S (NP (NNP Zandoria)) (VP (VBD snubbled) (NP (NNP Korvalia)) "
                "(PP (IN on) (NP (NNP Monday)))) (. .)))");
    cr_assert(only("ZAN", "KOR", "120"), "%s", dump());
    code_parsed("Korvalia was snubbled by Zandoria.",
                "(ROOT (S (NP (NNP Korvalia)) (VP (VBD was) (VP (VBN snubbled) (PP (IN by) "
                "(NP (NNP Zandoria))))) (. .)))");
    cr_assert(only("ZAN", "KOR", "121"), "%s", dump());
}
