/* test_ud_bracket.c — UD trees rewritten as Treebank bracketings: every word
 * once and in order, the phrases a constituency parser would give, the main
 * verb marked, and heads that do not form a tree refused. */
#include <criterion/criterion.h>
#include <string.h>

#include "parse/ud_bracket.h"

typedef struct row {
    const char *form, *upos, *xpos;
    int head;
    const char *rel;
} row;

static char *brackets(const row *r, size_t n, int *rc)
{
    dyad_word w[32];
    memset(w, 0, sizeof w);
    for (size_t i = 0; i < n; i++) {
        w[i].form = r[i].form;
        w[i].lemma = r[i].form;
        w[i].upos = r[i].upos;
        w[i].xpos = r[i].xpos;
        w[i].head = r[i].head;
        w[i].deprel = r[i].rel;
    }
    dy_strbuf b;
    dy_strbuf_init(&b);
    *rc = dy_ud_brackets(&b, w, n);
    return dy_strbuf_take(&b);
}

Test(ud_bracket, lead_phrase_sentence)
{
    const row r[] = {
        {"On", "ADP", "IN", 2, "case"},       {"Monday", "PROPN", "NNP", 5, "obl"},
        {",", "PUNCT", ",", 5, "punct"},      {"Chile", "PROPN", "NNP", 5, "nsubj"},
        {"thanked", "VERB", "VBD", 0, "root"}, {"Peru", "PROPN", "NNP", 5, "obj"},
        {".", "PUNCT", ".", 5, "punct"},
    };
    int rc;
    char *s = brackets(r, 7, &rc);
    cr_assert_eq(rc, 0);
    cr_assert_str_eq(s, "(ROOT (S (PP (IN On)(NP (NNP Monday)))(, ,)(NP (NNP Chile))"
                        "(VP (VBD-HEAD thanked)(NP (NNP Peru)))(. .)))");
    free(s);
}

Test(ud_bracket, passive_auxiliaries_and_agent)
{
    const row r[] = {
        {"Talks", "NOUN", "NNS", 3, "nsubj:pass"}, {"were", "AUX", "VBD", 3, "aux:pass"},
        {"hosted", "VERB", "VBN", 0, "root"},      {"by", "ADP", "IN", 5, "case"},
        {"Norway", "PROPN", "NNP", 3, "obl:agent"},
    };
    int rc;
    char *s = brackets(r, 5, &rc);
    cr_assert_eq(rc, 0);
    cr_assert_str_eq(s, "(ROOT (S (NP (NNS Talks))(VP (VBD were)(VP (VBN-HEAD hosted)"
                        "(PP (IN by)(NP (NNP Norway)))))))");
    free(s);
}

Test(ud_bracket, coordination_and_clausal_complement)
{
    /* Oman said Iran and Iraq met . (UD v2: "and" hangs on "Iraq") */
    const row r[] = {
        {"Oman", "PROPN", "NNP", 2, "nsubj"}, {"said", "VERB", "VBD", 0, "root"},
        {"Iran", "PROPN", "NNP", 6, "nsubj"}, {"and", "CCONJ", "CC", 5, "cc"},
        {"Iraq", "PROPN", "NNP", 3, "conj"},  {"met", "VERB", "VBD", 2, "ccomp"},
        {".", "PUNCT", ".", 2, "punct"},
    };
    int rc;
    char *s = brackets(r, 7, &rc);
    cr_assert_eq(rc, 0);
    cr_assert_str_eq(s, "(ROOT (S (NP (NNP Oman))(VP (VBD-HEAD said)(S (NP (NP (NNP Iran))"
                        "(CC and)(NP (NNP Iraq)))(VP (VBD met))))(. .)))");
    free(s);
}

Test(ud_bracket, version_one_names_and_escapes)
{
    /* UD v1 dobj and nmod on a verb; a bracket word is escaped */
    const row r[] = {
        {"Peru", "PROPN", "NNP", 2, "nsubj"}, {"hit", "VERB", "VBD", 0, "root"},
        {"Chile", "PROPN", "NNP", 2, "dobj"}, {"(", "PUNCT", "-LRB-", 5, "punct"},
        {"again", "ADV", "RB", 2, "advmod"},  {")", "PUNCT", "-RRB-", 5, "punct"},
    };
    int rc;
    char *s = brackets(r, 6, &rc);
    cr_assert_eq(rc, 0);
    cr_assert(strstr(s, "(_LRB_ -LRB-)") && strstr(s, "(_RRB_ -RRB-)"), "%s", s);
    cr_assert(strstr(s, "(VBD-HEAD hit)(NP (NNP Chile))"), "%s", s);
    free(s);
}

Test(ud_bracket, not_a_tree_is_refused)
{
    const row cycle[] = {
        {"a", "NOUN", "NN", 2, "dep"}, {"b", "NOUN", "NN", 1, "dep"}, {"c", "VERB", "VB", 0, "root"},
    };
    const row self[] = {{"a", "NOUN", "NN", 1, "dep"}};
    const row far[] = {{"a", "NOUN", "NN", 9, "dep"}};
    int rc;
    free(brackets(cycle, 3, &rc));
    cr_assert_eq(rc, -1);
    free(brackets(self, 1, &rc));
    cr_assert_eq(rc, -1);
    free(brackets(far, 1, &rc));
    cr_assert_eq(rc, -1);
}

Test(ud_bracket, conllu_rows)
{
    const char rows[] = "# sent_id = x\n1\tChile\tChile\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                        "2\tthanked\tthank\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                        "3-4\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
                        "3\tPeru\tPeru\tPROPN\tNNP\t_\t2\tobj\t_\t_\n";
    cr_assert(dy_ud_is_rows(rows + 14, sizeof rows - 15));
    cr_assert(!dy_ud_is_rows("(ROOT (S))", 10));
    dy_arena a;
    dy_arena_init(&a, 4096);
    dyad_word w[8];
    size_t n;
    cr_assert_eq(dy_ud_read_rows(&a, rows, sizeof rows - 1, w, 8, &n), 0);
    cr_assert_eq(n, 3);
    cr_assert_str_eq(w[2].form, "Peru");
    cr_assert_eq(w[2].head, 2);
    const char bad[] = "1\tChile\tChile\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n3\tx\tx\tX\tX\t_\t1\tdep\n";
    cr_assert_eq(dy_ud_read_rows(&a, bad, sizeof bad - 1, w, 8, &n), -1);
    dy_arena_free(&a);
}
