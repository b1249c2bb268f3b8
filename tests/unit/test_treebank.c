/* test_treebank.c — the Penn Treebank reader: node links and classes, errors on
 * malformed input, deep nesting without recursion, alignment with dyad's tokens. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "parse/tree.h"
#include "parse/treebank.h"

static dy_arena arena;

static void setup(void) { dy_arena_init(&arena, 4096); }
static void teardown(void) { dy_arena_free(&arena); }

TestSuite(treebank, .init = setup, .fini = teardown);

static int parse(const char *src, dy_tree *t, char *why)
{
    return dy_tree_parse(&arena, src, strlen(src), t, why, 160);
}

static void tokens(const char *text, dy_tokens *toks)
{
    int trunc;
    dyad_error err;
    cr_assert_eq(dy_tokenize(&arena, text, 0, strlen(text), 256, toks, &trunc, &err), DYAD_OK);
}

static int find_tok(const dy_tokens *toks, const char *w)
{
    for (size_t i = 0; i < toks->n; ++i)
        if (!strcmp(toks->v[i].text, w)) return (int)i;
    cr_assert_fail("no token %s", w);
    return -1;
}

static int label_is(const dy_tree *t, int n, const char *l)
{
    return n >= 0 && t->nodes[n].label_len == strlen(l) && !memcmp(t->nodes[n].label, l, strlen(l));
}

Test(treebank, nodes_links_and_classes)
{
    dy_tree t;
    char why[160];
    cr_assert_eq(parse("(ROOT (S (NP-SBJ (NNP Zandoria)) (VP (VBD denounced) (NP (NNP Korvalia))) (. .)))",
                       &t, why), 0, "%s", why);
    cr_assert_eq(t.n, 9);
    cr_assert_eq(t.nleaves, 4);
    cr_assert_eq(t.nodes[0].kind, DY_T_ROOT);
    cr_assert_eq(t.nodes[0].parent, -1);
    cr_assert_eq(t.nodes[1].kind, DY_T_S);
    cr_assert_eq(t.nodes[2].kind, DY_T_NP, "function tags are ignored");
    cr_assert(label_is(&t, 2, "NP-SBJ"));
    cr_assert_eq(t.nodes[3].kind, DY_T_WORD);
    cr_assert_eq(t.nodes[3].leaf, 0);
    cr_assert_eq(t.nodes[5].kind, DY_T_VERB);
    cr_assert_eq(t.nodes[2].next_sibling, 4);
    cr_assert_eq(t.nodes[4].kind, DY_T_VP);
    cr_assert_eq(t.nodes[4].parent, 1);
    cr_assert_eq(t.leaves[1].len, 9);
    cr_assert(!memcmp(t.leaves[1].text, "denounced", 9));
    for (int i = 1; i < t.n; ++i) cr_assert_lt(t.nodes[i].parent, i, "parents come first");
}

Test(treebank, ptb_style_empty_top_label)
{
    dy_tree t;
    char why[160];
    cr_assert_eq(parse("( (S (NP (NN quibble)) (VP (VBZ wobbles))) )", &t, why), 0, "%s", why);
    cr_assert_eq(t.nodes[0].kind, DY_T_ROOT);
    cr_assert_eq(t.nodes[0].label_len, 0);
}

Test(treebank, malformed_input_is_an_error_with_a_reason)
{
    dy_tree t;
    char why[160];
    const char *bad[] = {"", "   \n ", "(S (NP (NN x))", "(S (NP (NN x))))", "word (S (NN x))",
                         "(S (NN x)) (S (NN y))", "(S (NP))"};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; ++k) {
        why[0] = '\0';
        cr_assert_eq(parse(bad[k], &t, why), -1, "accepted [%s]", bad[k]);
        cr_assert_neq(why[0], '\0', "no reason for [%s]", bad[k]);
    }
    cr_assert(strstr((parse("(S (NP (NN x))", &t, why), why), "unbalanced"));
    cr_assert(strstr((parse("", &t, why), why), "empty"));
}

Test(treebank, ten_thousand_levels_without_recursion)
{
    enum { DEPTH = 10000 };
    char *src = malloc(DEPTH * 4 + 16);
    size_t k = 0;
    for (int i = 0; i < DEPTH; ++i) { memcpy(src + k, "(X ", 3); k += 3; }
    src[k++] = 'w';
    for (int i = 0; i < DEPTH; ++i) src[k++] = ')';
    src[k] = '\0';
    dy_tree t;
    char why[160];
    cr_assert_eq(dy_tree_parse(&arena, src, k, &t, why, sizeof why), 0, "%s", why);
    cr_assert_eq(t.n, DEPTH);
    cr_assert_eq(t.nleaves, 1);
    cr_assert_eq(t.nodes[DEPTH - 1].leaf, 0);
    src[k - 1] = ' ';    /* one bracket short */
    cr_assert_eq(dy_tree_parse(&arena, src, k, &t, why, sizeof why), -1);
    free(src);
}

Test(treebank, leaves_align_with_tokens_despite_other_tokenisation)
{
    const char *text = "Zandoria didn't denounce the (northern) U.S. envoys, \"Korvalia\" said.";
    const char *tb =
        "(ROOT (S (S (NP (NNP Zandoria)) (VP (VBD did) (RB n't) (VP (VB denounce) (NP (DT the) "
        "(PRN (-LRB- -LRB-) (JJ northern) (-RRB- -RRB-)) (NNP U.S.) (NNS envoys))))) (, ,) "
        "(`` ``) (NP (NNP Korvalia)) ('' '') (VP (VBD said)) (. .)))";
    dy_tree t;
    dy_tokens toks;
    char why[160];
    tokens(text, &toks);
    cr_assert_eq(parse(tb, &t, why), 0, "%s", why);
    cr_assert_eq(dy_tree_align(&arena, &t, text, 0, strlen(text), &toks, 256, why, sizeof why), 0, "%s", why);
    cr_assert_eq(t.unaligned, 0, "every leaf found in the text");
    int z = find_tok(&toks, "ZANDORIA"), d = find_tok(&toks, "DENOUNCE");
    int k = find_tok(&toks, "KORVALIA"), s = find_tok(&toks, "SAID"), u = find_tok(&toks, "U.S.");
    cr_assert(label_is(&t, dy_tree_tok(&t, z), "NNP"));
    cr_assert(label_is(&t, dy_tree_tok(&t, d), "VB"));
    cr_assert(label_is(&t, dy_tree_tok(&t, k), "NNP"));
    cr_assert(label_is(&t, dy_tree_tok(&t, s), "VBD"));
    cr_assert(label_is(&t, dy_tree_tok(&t, u), "NNP"));
    /* the VP of "denounce" covers the words up to "envoys" */
    int vp = t.nodes[dy_tree_tok(&t, d)].parent;
    cr_assert_eq(t.nodes[vp].kind, DY_T_VP);
    cr_assert_eq(t.nodes[vp].tfirst, d);
    cr_assert_eq(t.nodes[vp].tlast, find_tok(&toks, "ENVOYS"));
}

Test(treebank, the_words_of_the_parse_are_coded)
{
    /* the text was edited after parsing: "crowd" became "lawmakers", "today"
     * is gone and "on Friday" was added */
    const char *text = "The Glimwater crowd praised Meridon today.";
    const char *tb = "(ROOT (S (NP (DT The) (NNP Glimwater) (NNS lawmakers)) (VP (VBD praised) "
                     "(NP (NNP Meridon)) (PP (IN on) (NP (NNP Friday)))) (. .)))";
    dy_tree t;
    dy_tokens toks;
    char why[160];
    tokens(text, &toks);
    cr_assert_eq(parse(tb, &t, why), 0, "%s", why);
    cr_assert_eq(dy_tree_align(&arena, &t, text, 0, strlen(text), &toks, 256, why, sizeof why), 0,
                 "%s", why);
    const char *want[] = {"THE", "GLIMWATER", "LAWMAKERS", "PRAISED", "MERIDON", "ON", "FRIDAY"};
    cr_assert_eq(toks.n, 7);
    for (size_t i = 0; i < toks.n; ++i) {
        cr_assert_str_eq(toks.v[i].text, want[i]);
        cr_assert_geq(dy_tree_tok(&t, (int)i), 0, "word %zu has its leaf", i);
    }
    /* words of the text keep their place; added ones stand where they would be */
    cr_assert_eq(toks.v[1].start, 4);
    cr_assert_eq(toks.v[2].start, toks.v[2].end);
    cr_assert(label_is(&t, dy_tree_tok(&t, 2), "NNS"));
    cr_assert(label_is(&t, dy_tree_tok(&t, 6), "NNP"));
}

Test(treebank, a_parse_of_another_sentence_is_refused)
{
    const char *text = "Meridon praised the fishermen of Glimwater yesterday evening.";
    dy_tree t;
    dy_tokens toks;
    char why[160];
    tokens(text, &toks);
    cr_assert_eq(parse("(ROOT (S (NP (NNP Zandoria)) (VP (VBD wobbled)) (. !)))", &t, why), 0);
    cr_assert_eq(dy_tree_align(&arena, &t, text, 0, strlen(text), &toks, 256, why, sizeof why), -1);
    cr_assert(strstr(why, "does not match"), "%s", why);
}

Test(treebank, verb_frames_subject_passive_and_clauses)
{
    const char *text = "Korvalia was denounced by Zandoria after Meridon agreed to rescue Glimwater.";
    const char *tb =
        "(ROOT (S (NP (NNP Korvalia)) (VP (VBD was) (VP (VBN denounced) (PP (IN by) (NP (NNP Zandoria))) "
        "(SBAR (IN after) (S (NP (NNP Meridon)) (VP (VBD agreed) (S (VP (TO to) (VP (VB rescue) "
        "(NP (NNP Glimwater)))))))))) (. .)))";
    dy_tree t;
    dy_tokens toks;
    dy_tframe f;
    char why[160];
    tokens(text, &toks);
    cr_assert_eq(parse(tb, &t, why), 0, "%s", why);
    cr_assert_eq(dy_tree_align(&arena, &t, text, 0, strlen(text), &toks, 256, why, sizeof why), 0, "%s", why);
    dy_tree_clauses(&t);

    cr_assert(dy_tree_frame(&t, find_tok(&toks, "DENOUNCED"), &f));
    cr_assert(f.passive);
    cr_assert_eq(t.nodes[f.by_np].tfirst, find_tok(&toks, "ZANDORIA"));
    cr_assert_eq(t.nodes[f.subj].tfirst, find_tok(&toks, "KORVALIA"));

    /* "to rescue" has no subject of its own: it is Meridon's */
    cr_assert(dy_tree_frame(&t, find_tok(&toks, "RESCUE"), &f));
    cr_assert(!f.passive);
    cr_assert_eq(t.nodes[f.subj].tfirst, find_tok(&toks, "MERIDON"));
    cr_assert_eq(f.cstart, find_tok(&toks, "MERIDON"), "the subordinate S is the clause");
    cr_assert_eq(dy_tree_owner(&t, find_tok(&toks, "GLIMWATER")), f.clause);
    cr_assert_neq(dy_tree_owner(&t, find_tok(&toks, "KORVALIA")), f.clause);

    /* a noun is not a verb in tree mode */
    cr_assert(!dy_tree_frame(&t, find_tok(&toks, "GLIMWATER"), &f));
}
