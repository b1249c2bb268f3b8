/* test_tree_code.c — coding from Treebank parses given with the sentences
 * (dyad_story.presplit): subjects, objects, passive voice, clauses, compounds,
 * and the fall back to the text when a parse cannot be used. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "dyad.h"

#define FIX "tests/fixtures/coder/coder.project"

static dyad_dict *dict;
static dyad_coder *coder;
static dyad_result res;

static void setup(void)
{
    dyad_error err;
    cr_assert_eq(dyad_dict_load(FIX, &dict, &err), DYAD_OK, "%s", err.message);
    cr_assert_eq(dyad_coder_new(dict, &coder, &err), DYAD_OK);
}

static void teardown(void)
{
    dyad_coder_free(coder);
    dyad_dict_free(dict);
}

TestSuite(tree_code, .init = setup, .fini = teardown);

static void code_parsed(const char *text, const char *parse)
{
    dyad_presplit ps = {.start = 0, .end = strlen(text), .parse = parse,
                        .parse_len = parse ? strlen(parse) : 0};
    dyad_story st = {.id = "t1", .date = 20240105, .text = text, .text_len = strlen(text),
                     .presplit = &ps, .n_presplit = 1};
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

Test(tree_code, subject_and_object)
{
    code_parsed("Zandoria denounced Korvalia on Monday.",
                "(ROOT (S (NP (NNP Zandoria)) (VP (VBD denounced) (NP (NNP Korvalia)) "
                "(PP (IN on) (NP (NNP Monday)))) (. .)))");
    cr_assert_eq(res.n_events, 1, "%s", dump());
    cr_assert(has("ZAN", "KOR", "121"), "%s", dump());
}

Test(tree_code, passive_with_by_agent)
{
    code_parsed("Korvalia was sharply denounced by Zandoria.",
                "(ROOT (S (NP (NNP Korvalia)) (VP (VBD was) (ADVP (RB sharply)) (VP (VBN denounced) "
                "(PP (IN by) (NP (NNP Zandoria))))) (. .)))");
    cr_assert(has("ZAN", "KOR", "121"), "%s", dump());
    cr_assert_eq(res.n_events, 1, "%s", dump());
}

Test(tree_code, subordinate_clause_has_its_own_subject)
{
    /* the shallow coder would give "praised" Meridon's clause too */
    code_parsed("Zandoria praised Korvalia after Meridon denounced Glimwater.",
                "(ROOT (S (NP (NNP Zandoria)) (VP (VBD praised) (NP (NNP Korvalia))) "
                "(SBAR (IN after) (S (NP (NNP Meridon)) (VP (VBD denounced) (NP (NNP Glimwater))))) "
                "(. .)))");
    cr_assert(has("ZAN", "KOR", "051"), "%s", dump());
    cr_assert(has("MER", "GLW", "121"), "%s", dump());
    cr_assert_eq(res.n_events, 2, "%s", dump());
}

Test(tree_code, coded_verb_takes_its_verb_phrase)
{
    /* PETRARCH: once "praised" is coded, the clause inside its verb phrase is
     * not coded on its own */
    code_parsed("Zandoria praised Korvalia after Meridon denounced Glimwater.",
                "(ROOT (S (NP (NNP Zandoria)) (VP (VBD praised) (NP (NNP Korvalia)) (SBAR (IN after) "
                "(S (NP (NNP Meridon)) (VP (VBD denounced) (NP (NNP Glimwater)))))) (. .)))");
    cr_assert(has("ZAN", "KOR", "051"), "%s", dump());
    cr_assert_eq(res.n_events, 1, "%s", dump());
}

Test(tree_code, relative_clause_subject_is_its_antecedent)
{
    code_parsed("Meridon, which denounced Glimwater, praised Korvalia.",
                "(ROOT (S (NP (NP (NNP Meridon)) (, ,) (SBAR (WHNP (WDT which)) (S (VP (VBD denounced) "
                "(NP (NNP Glimwater))))) (, ,)) (VP (VBD praised) (NP (NNP Korvalia))) (. .)))");
    cr_assert(has("MER", "GLW", "121"), "%s", dump());
    cr_assert(has("MER", "KOR", "051"), "%s", dump());
}

Test(tree_code, coordinated_noun_phrase_is_a_compound)
{
    code_parsed("Officials of Zandoria, Meridon and Glimwater denounced Korvalia.",
                "(ROOT (S (NP (NP (NNS Officials)) (PP (IN of) (NP (NNP Zandoria) (, ,) (NNP Meridon) "
                "(CC and) (NNP Glimwater)))) (VP (VBD denounced) (NP (NNP Korvalia))) (. .)))");
    cr_assert(has("ZAN", "KOR", "121"), "%s", dump());
    cr_assert(has("MER", "KOR", "121"), "%s", dump());
    cr_assert(has("GLW", "KOR", "121"), "%s", dump());
}

Test(tree_code, subject_without_actor_codes_nothing)
{
    code_parsed("The northern fishermen denounced Korvalia.",
                "(ROOT (S (NP (DT The) (JJ northern) (NNS fishermen)) (VP (VBD denounced) "
                "(NP (NNP Korvalia))) (. .)))");
    cr_assert_eq(res.n_events, 0, "%s", dump());
}

Test(tree_code, noun_is_not_a_verb)
{
    code_parsed("Zandoria criticised the praise for Korvalia.",
                "(ROOT (S (NP (NNP Zandoria)) (VP (VBD criticised) (NP (NP (DT the) (NN praise)) "
                "(PP (IN for) (NP (NNP Korvalia))))) (. .)))");
    cr_assert_eq(res.n_events, 0, "%s", dump());
}

Test(tree_code, malformed_parse_falls_back_to_the_text)
{
    code_parsed("Zandoria denounced Korvalia on Monday.",
                "(ROOT (S (NP (NNP Zandoria)) (VP (VBD denounced) (NP (NNP Korvalia");
    cr_assert(has("ZAN", "KOR", "121"), "%s", dump());
    cr_assert_eq(res.n_sentences, 1);
    cr_assert_not_null(res.sentences[0].reason);
    cr_assert(strstr(res.sentences[0].reason, "parse not used"), "%s", res.sentences[0].reason);
    cr_assert(strstr(res.sentences[0].reason, "unbalanced"), "%s", res.sentences[0].reason);
}

Test(tree_code, presplit_sentences_are_coded_as_given)
{
    const char *text = "Zandoria denounced Korvalia on Monday. Meridon praised Glimwater yesterday.";
    const char *p1 = "(ROOT (S (NP (NNP Zandoria)) (VP (VBD denounced) (NP (NNP Korvalia)) "
                     "(PP (IN on) (NP (NNP Monday)))) (. .)))";
    dyad_presplit ps[2] = {{.start = 0, .end = 38, .parse = p1, .parse_len = strlen(p1)},
                           {.start = 39, .end = strlen(text)}};
    dyad_story st = {.id = "t2", .date = 20240105, .text = text, .text_len = strlen(text),
                     .presplit = ps, .n_presplit = 2};
    dyad_error err;
    cr_assert_eq(dyad_code(coder, &st, &res, &err), DYAD_OK, "%s", err.message);
    cr_assert_eq(res.n_sentences, 2);
    cr_assert(has("ZAN", "KOR", "121"), "%s", dump());
    cr_assert(has("MER", "GLW", "051"), "%s", dump());
    cr_assert_eq(res.events[1].sentence, 2);

    ps[1].end = strlen(text) + 5;
    cr_assert_eq(dyad_code(coder, &st, &res, &err), DYAD_ERR_ARG);
}

Test(tree_code, every_agent_of_the_noun_phrase_joins_the_actor)
{
    /* PETRARCH: the actor's code, then each agent of its phrase in order */
    code_parsed("Zandoria militia ministers denounced Korvalia.",
                "(ROOT (S (NP (NNP Zandoria) (NN militia) (NNS ministers)) (VP (VBD denounced) "
                "(NP (NNP Korvalia))) (. .)))");
    cr_assert(has("ZANMILGOV", "KOR", "121"), "%s", dump());
    cr_assert_eq(res.n_events, 1, "%s", dump());
}

Test(tree_code, prefix_agent_across_a_prepositional_phrase)
{
    code_parsed("Watchers in Zandoria denounced Korvalia.",
                "(ROOT (S (NP (NP (NNS Watchers)) (PP (IN in) (NP (NNP Zandoria)))) "
                "(VP (VBD denounced) (NP (NNP Korvalia))) (. .)))");
    cr_assert(has("NGOZAN", "KOR", "121"), "%s", dump());
}

Test(tree_code, agents_alone_are_an_unknown_actor)
{
    code_parsed("The minister denounced Korvalia.",
                "(ROOT (S (NP (DT The) (NN minister)) (VP (VBD denounced) (NP (NNP Korvalia))) "
                "(. .)))");
    cr_assert(has("---GOV", "KOR", "121"), "%s", dump());
}

Test(tree_code, require_dyad_false_takes_an_uncoded_object)
{
    dyad_error err;
    const char *parse = "(ROOT (S (NP (NNP Zandoria)) (VP (VBD denounced) (NP (DT the) (NN plan))) "
                        "(. .)))";
    code_parsed("Zandoria denounced the plan.", parse);
    cr_assert_eq(res.n_events, 0, "%s", dump());
    cr_assert_eq(dyad_coder_set_option(coder, "require_dyad = false", &err), DYAD_OK, "%s",
                 err.message);
    code_parsed("Zandoria denounced the plan.", parse);
    cr_assert(has("ZAN", "---", "121"), "%s", dump());
    /* no noun phrase after the verb: still no event */
    code_parsed("Zandoria denounced today.",
                "(ROOT (S (NP (NNP Zandoria)) (VP (VBD denounced) (NP-TMP (NN today))) (. .)))");
    cr_assert_eq(res.n_events, 0, "%s", dump());
}
