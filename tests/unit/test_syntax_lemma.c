/* test_syntax_lemma.c — the lemmatiser on our own small word list: exceptions,
 * suffix rules, casing, numbers, determinism, and blobs that are cut or corrupt. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/lemma.h"

/* Our own little XPOS table. */
enum { NN, NNS, NNP, VBD, VBZ, VBG, DT, POS, RB, CD, PRP, JJ, JJR, N_XPOS };

typedef struct gold {
    const char *form;
    int upos, xpos;
    const char *lemma;
    int times;
} gold;

static const gold words[] = {
    { "the", DY_UPOS_DET, DT, "the", 5 }, { "The", DY_UPOS_DET, DT, "the", 3 },
    { "a", DY_UPOS_DET, DT, "a", 4 }, { "A", DY_UPOS_DET, DT, "a", 2 },
    { "an", DY_UPOS_DET, DT, "a", 2 },
    { "walked", DY_UPOS_VERB, VBD, "walk", 2 }, { "jumped", DY_UPOS_VERB, VBD, "jump", 1 },
    { "Jumped", DY_UPOS_VERB, VBD, "jump", 1 }, { "Walked", DY_UPOS_VERB, VBD, "walk", 1 },
    { "rested", DY_UPOS_VERB, VBD, "rest", 1 }, { "planted", DY_UPOS_VERB, VBD, "plant", 1 },
    { "baked", DY_UPOS_VERB, VBD, "bake", 1 }, { "hoped", DY_UPOS_VERB, VBD, "hope", 1 },
    { "smiled", DY_UPOS_VERB, VBD, "smile", 1 }, { "went", DY_UPOS_VERB, VBD, "go", 3 },
    { "likes", DY_UPOS_VERB, VBZ, "like", 1 }, { "talks", DY_UPOS_VERB, VBZ, "talk", 1 },
    { "walks", DY_UPOS_VERB, VBZ, "walk", 1 }, { "bakes", DY_UPOS_VERB, VBZ, "bake", 1 },
    { "walking", DY_UPOS_VERB, VBG, "walk", 1 }, { "resting", DY_UPOS_VERB, VBG, "rest", 1 },
    { "baking", DY_UPOS_VERB, VBG, "bake", 1 }, { "hoping", DY_UPOS_VERB, VBG, "hope", 1 },
    { "'s", DY_UPOS_AUX, VBZ, "be", 3 }, { "is", DY_UPOS_AUX, VBZ, "be", 3 },
    { "'s", DY_UPOS_PART, POS, "'s", 3 },
    { "n't", DY_UPOS_PART, RB, "not", 3 }, { "not", DY_UPOS_PART, RB, "not", 2 },
    { "I", DY_UPOS_PRON, PRP, "I", 3 }, { "me", DY_UPOS_PRON, PRP, "I", 2 },
    { "we", DY_UPOS_PRON, PRP, "we", 2 }, { "us", DY_UPOS_PRON, PRP, "we", 2 },
    { "tall", DY_UPOS_ADJ, JJ, "tall", 1 }, { "cold", DY_UPOS_ADJ, JJ, "cold", 1 },
    { "taller", DY_UPOS_ADJ, JJR, "tall", 1 }, { "smaller", DY_UPOS_ADJ, JJR, "small", 1 },
    { "colder", DY_UPOS_ADJ, JJR, "cold", 1 }, { "better", DY_UPOS_ADJ, JJR, "good", 2 },
    { "Quellaria", DY_UPOS_PROPN, NNP, "Quellaria", 2 },
    { "Braskovia", DY_UPOS_PROPN, NNP, "Braskovia", 1 },
    { "Tundrell", DY_UPOS_PROPN, NNP, "Tundrell", 1 },
    { "12,500", DY_UPOS_NUM, CD, "12500", 1 }, { "3,000", DY_UPOS_NUM, CD, "3000", 1 },
    { "1,250,000", DY_UPOS_NUM, CD, "1250000", 1 }, { "42", DY_UPOS_NUM, CD, "42", 2 },
    { "seven", DY_UPOS_NUM, CD, "seven", 1 }, { "Seven", DY_UPOS_NUM, CD, "seven", 1 },
    { "lantern", DY_UPOS_NOUN, NN, "lantern", 2 }, { "Lantern", DY_UPOS_NOUN, NN, "lantern", 1 },
    { "wagon", DY_UPOS_NOUN, NN, "wagon", 1 }, { "X", DY_UPOS_NOUN, NN, "X", 2 },
    { "cities", DY_UPOS_NOUN, NNS, "city", 1 }, { "ponies", DY_UPOS_NOUN, NNS, "pony", 1 },
    { "berries", DY_UPOS_NOUN, NNS, "berry", 1 }, { "boxes", DY_UPOS_NOUN, NNS, "box", 1 },
    { "foxes", DY_UPOS_NOUN, NNS, "fox", 1 }, { "taxes", DY_UPOS_NOUN, NNS, "tax", 1 },
    { "children", DY_UPOS_NOUN, NNS, "child", 2 },
    { ".", DY_UPOS_PUNCT, DT, ".", 3 },
};

/* Invented plural nouns (kalos -> kalo ...): 36 of them, enough for
 * (NOUN, NNS) to get a class of its own. */
static const char *const syllables[] = { "ka", "lo", "mi", "nu", "pe", "ro" };

static void add(dy_lemma_builder *b, const char *form, int upos, int xpos, const char *lemma)
{
    dyad_error err;
    cr_assert_eq(dy_lemma_builder_add(b, form, strlen(form), upos, xpos, lemma, strlen(lemma), &err),
                 DYAD_OK, "%s", err.message);
}

static unsigned char *build(size_t *len)
{
    dy_lemma_builder *b;
    dyad_error err;
    cr_assert_eq(dy_lemma_builder_new(N_XPOS, &b, &err), DYAD_OK);
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        for (int k = 0; k < words[i].times; k++)
            add(b, words[i].form, words[i].upos, words[i].xpos, words[i].lemma);
    for (int i = 0; i < 6; i++)
        for (int j = 0; j < 6; j++) {
            char stem[16], plural[24];
            snprintf(stem, sizeof stem, "%s%s", syllables[i], syllables[j]);
            snprintf(plural, sizeof plural, "%ss", stem);
            add(b, plural, DY_UPOS_NOUN, NNS, stem);
        }
    unsigned char *blob;
    cr_assert_eq(dy_lemma_builder_finish(b, &blob, len, &err), DYAD_OK, "%s", err.message);
    dy_lemma_builder_free(b);
    return blob;
}

static dy_arena arena;
static unsigned char *blob;
static size_t blob_len;
static dy_lemmatizer lz;

static void setup(void)
{
    dyad_error err;
    dy_arena_init(&arena, 4096);
    blob = build(&blob_len);
    cr_assert_eq(dy_lemma_open(blob, blob_len, N_XPOS, &lz, &err), DYAD_OK, "%s", err.message);
}

static void teardown(void)
{
    dy_arena_free(&arena);
    free(blob);
}

TestSuite(lemma, .init = setup, .fini = teardown);

static const char *lemma_of(const dy_lemmatizer *l, const char *form, int upos, int xpos)
{
    size_t n;
    const char *s = dy_lemma_apply(l, &arena, form, strlen(form), upos, xpos, &n);
    cr_assert_not_null(s);
    static char buf[256];
    cr_assert_lt(n, sizeof buf);
    memcpy(buf, s, n);
    buf[n] = '\0';
    return buf;
}

#define LEMMA(form, upos, xpos, expect) \
    cr_assert_str_eq(lemma_of(&lz, form, DY_UPOS_##upos, xpos), expect, "%s", form)

Test(lemma, exceptions)
{
    LEMMA("went", VERB, VBD, "go");
    LEMMA("Went", VERB, VBD, "go");        /* re-cased as title-case verbs are: lower */
    LEMMA("an", DET, DT, "a");
    LEMMA("'s", AUX, VBZ, "be");
    LEMMA("'s", PART, POS, "'s");          /* same form, other tags */
    LEMMA("n't", PART, RB, "not");
    LEMMA("me", PRON, PRP, "I");
    LEMMA("ME", PRON, PRP, "I");           /* a literal lemma ignores the form's case */
    LEMMA("better", ADJ, JJR, "good");
    LEMMA("children", NOUN, NNS, "child");
}

Test(lemma, suffix_rules_for_unseen_words)
{
    LEMMA("bats", NOUN, NNS, "bat");
    LEMMA("ladies", NOUN, NNS, "lady");    /* the longer ending -ies wins */
    LEMMA("waxes", NOUN, NNS, "wax");
    LEMMA("bolder", ADJ, JJR, "bold");
    LEMMA("zorbed", VERB, VBD, "zorb");
    LEMMA("talked", VERB, VBD, "talk");
    LEMMA("liked", VERB, VBD, "like");     /* "lik" is no known lemma, "like" is */
    LEMMA("lantern", NOUN, NN, "lantern");
}

Test(lemma, casing)
{
    LEMMA("The", DET, DT, "the");
    LEMMA("Bats", NOUN, NNS, "bat");       /* (NOUN, NNS) saw no title case: NOUN's action */
    LEMMA("Zanzibrook", PROPN, NNP, "Zanzibrook");
    LEMMA("Q", NOUN, NN, "Q");             /* a single capital keeps it, as X did */
    LEMMA("I", PRON, PRP, "I");
    LEMMA("Seven", NUM, CD, "seven");
}

Test(lemma, grouped_numbers)
{
    LEMMA("7,250", NUM, CD, "7250");
    LEMMA("1,234.5", NUM, CD, "1234.5");
    LEMMA("12,50", NUM, CD, "12,50");      /* not grouped by thousands */
    LEMMA("99", NUM, CD, "99");
}

Test(lemma, classes)
{
    cr_assert_neq(dy_lemma_class(&lz, DY_UPOS_NOUN, NNS), dy_lemma_class(&lz, DY_UPOS_NOUN, NN));
    cr_assert_eq(dy_lemma_class(&lz, DY_UPOS_NOUN, -1), dy_lemma_class(&lz, DY_UPOS_NOUN, NN));
    cr_assert_eq(dy_lemma_class(&lz, DY_UPOS_INTJ, NN), -1, "a UPOS never seen has no class");
    cr_assert_eq(dy_lemma_class(&lz, -1, NN), -1);
    cr_assert_eq(dy_lemma_class(&lz, DY_UPOS_COUNT, NN), -1);
}

Test(lemma, unknown_tags)
{
    LEMMA("Walked", INTJ, NN, "Walked");   /* no class: the form itself */
    cr_assert_str_eq(lemma_of(&lz, "Walked", -1, VBD), "Walked");
    cr_assert_str_eq(lemma_of(&lz, "Walked", 99, VBD), "Walked");
    LEMMA("foxes", NOUN, -5, "fox");       /* XPOS out of range: the UPOS's rules */
    LEMMA("foxes", NOUN, 1000, "fox");
}

Test(lemma, empty_and_huge_forms)
{
    size_t n = 99;
    const char *s = dy_lemma_apply(&lz, &arena, "", 0, DY_UPOS_NOUN, NNS, &n);
    cr_assert(s && n == 0);
    s = dy_lemma_apply(&lz, &arena, NULL, 0, DY_UPOS_VERB, VBD, &n);
    cr_assert(s && n == 0);
    size_t big = 200000;
    char *form = malloc(big + 1);
    memset(form, 'A', big);
    memcpy(form + big - 3, "IES", 3);
    s = dy_lemma_apply(&lz, &arena, form, big, DY_UPOS_NOUN, NNS, &n);
    cr_assert_not_null(s);
    cr_assert_eq(n, big - 2, "strip 3, append 1");
    cr_assert_eq(s[0], 'A', "an all-caps form keeps its case");
    memset(form, 'z', big);
    s = dy_lemma_apply(&lz, &arena, form, big, DY_UPOS_PROPN, NNP, &n);
    cr_assert(s && n == big && memcmp(s, form, big) == 0);
    free(form);
}

Test(lemma, any_alignment)
{
    dyad_error err;
    for (size_t shift = 1; shift < 8; shift += 2) {
        unsigned char *copy = malloc(blob_len + shift);
        memcpy(copy + shift, blob, blob_len);
        dy_lemmatizer l2;
        cr_assert_eq(dy_lemma_open(copy + shift, blob_len, N_XPOS, &l2, &err), DYAD_OK);
        cr_assert_str_eq(lemma_of(&l2, "ladies", DY_UPOS_NOUN, NNS), "lady");
        cr_assert_str_eq(lemma_of(&l2, "went", DY_UPOS_VERB, VBD), "go");
        free(copy);
    }
}

Test(lemma, deterministic)
{
    size_t len2;
    unsigned char *again = build(&len2);
    cr_assert_eq(len2, blob_len);
    cr_assert(memcmp(again, blob, blob_len) == 0, "the same words give the same bytes");
    free(again);
}

Test(lemma, builder_refuses_bad_arguments)
{
    dy_lemma_builder *b;
    dyad_error err;
    cr_assert_eq(dy_lemma_builder_new(0, &b, &err), DYAD_ERR_ARG);
    cr_assert_null(b);
    cr_assert_eq(dy_lemma_builder_new(DY_LEMMA_MAX_XPOS + 1, &b, &err), DYAD_ERR_ARG);
    cr_assert_eq(dy_lemma_builder_new(3, &b, &err), DYAD_OK);
    cr_assert_eq(dy_lemma_builder_add(b, "x", 1, DY_UPOS_COUNT, 0, "x", 1, &err), DYAD_ERR_ARG);
    cr_assert_eq(dy_lemma_builder_add(b, "x", 1, DY_UPOS_X, 3, "x", 1, &err), DYAD_ERR_ARG);
    cr_assert_eq(dy_lemma_builder_add(b, "x", 1, DY_UPOS_X, -1, "x", 1, &err), DYAD_ERR_ARG);
    char longer[300];
    memset(longer, 'q', sizeof longer);
    cr_assert_eq(dy_lemma_builder_add(b, longer, sizeof longer, DY_UPOS_X, 0, "q", 1, &err), DYAD_OK,
                 "too long to learn from: skipped");
    cr_assert_eq(dy_lemma_builder_add(b, "", 0, DY_UPOS_X, 0, "q", 1, &err), DYAD_OK);
    dy_lemma_builder_free(b);
    dy_lemma_builder_free(NULL);
}

Test(lemma, no_words_gives_a_working_blob)
{
    dy_lemma_builder *b;
    dyad_error err;
    unsigned char *empty;
    size_t n;
    cr_assert_eq(dy_lemma_builder_new(2, &b, &err), DYAD_OK);
    cr_assert_eq(dy_lemma_builder_finish(b, &empty, &n, &err), DYAD_OK);
    dy_lemma_builder_free(b);
    dy_lemmatizer l2;
    cr_assert_eq(dy_lemma_open(empty, n, 2, &l2, &err), DYAD_OK, "%s", err.message);
    cr_assert_str_eq(lemma_of(&l2, "Cats", DY_UPOS_NOUN, 1), "Cats");
    free(empty);
}

/* ------------------------------------------------------------ hostile blobs */

Test(lemma, refuses_wrong_tag_count_and_garbage)
{
    dy_lemmatizer l2;
    dyad_error err;
    cr_assert_eq(dy_lemma_open(blob, blob_len, N_XPOS + 1, &l2, &err), DYAD_ERR_PARSE);
    cr_assert(strstr(err.message, "XPOS"), "%s", err.message);
    cr_assert_eq(dy_lemma_open(NULL, 0, N_XPOS, &l2, &err), DYAD_ERR_PARSE);
    unsigned char zeros[256] = { 0 };
    cr_assert_eq(dy_lemma_open(zeros, sizeof zeros, N_XPOS, &l2, &err), DYAD_ERR_PARSE);
    cr_assert(strstr(err.message, "magic"), "%s", err.message);
    unsigned char *v2 = malloc(blob_len);
    memcpy(v2, blob, blob_len);
    v2[8] = 2;   /* a later format */
    cr_assert_eq(dy_lemma_open(v2, blob_len, N_XPOS, &l2, &err), DYAD_ERR_PARSE);
    cr_assert(strstr(err.message, "format 2"), "%s", err.message);
    free(v2);
}

Test(lemma, refuses_every_truncation)
{
    dy_lemmatizer l2;
    dyad_error err;
    for (size_t n = 0; n < blob_len; n++) {
        unsigned char *cut = malloc(n ? n : 1);   /* exactly n bytes: ASan sees a read past them */
        memcpy(cut, blob, n);
        cr_assert_eq(dy_lemma_open(cut, n, N_XPOS, &l2, &err), DYAD_ERR_PARSE, "length %zu", n);
        free(cut);
    }
    unsigned char *longer = calloc(blob_len + 4, 1);
    memcpy(longer, blob, blob_len);
    cr_assert_eq(dy_lemma_open(longer, blob_len + 4, N_XPOS, &l2, &err), DYAD_ERR_PARSE);
    free(longer);
}

/* Applies a corrupt but accepted blob to words of every kind: under the
 * sanitizers (`make asan`) any read outside the blob is reported. */
static void apply_all(const dy_lemmatizer *l, const char *big, size_t big_len)
{
    static const char *const forms[] = {
        "went", "Went", "walked", "liked", "ladies", "LADIES", "bats", "children", "'s", "n't",
        "me", "The", "12,500", "7,250", "Quellaria", "x", "", "\xff\xfe\x80", "kalos", "better"
    };
    size_t n;
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        for (int u = -1; u <= DY_UPOS_COUNT; u += 3)
            for (int x = -1; x <= N_XPOS; x += 2)
                cr_assert_not_null(dy_lemma_apply(l, &arena, forms[i], strlen(forms[i]), u, x, &n));
    cr_assert_not_null(dy_lemma_apply(l, &arena, big, big_len, DY_UPOS_NOUN, NNS, &n));
    dy_arena_reset(&arena);
}

Test(lemma, every_byte_corrupted, .timeout = 120)
{
    static const int flips[] = { 0x01, 0x80, 0xff, 0x10, 0x7f };
    unsigned char *bad = malloc(blob_len);
    char big[600];
    memset(big, 'e', sizeof big);
    big[sizeof big - 1] = 's';
    size_t accepted = 0;
    for (size_t i = 0; i < blob_len; i++) {
        for (size_t f = 0; f < sizeof flips / sizeof flips[0]; f++) {
            memcpy(bad, blob, blob_len);
            bad[i] ^= (unsigned char)flips[f];
            dy_lemmatizer l2;
            dyad_error err;
            if (dy_lemma_open(bad, blob_len, N_XPOS, &l2, &err) != DYAD_OK) {
                cr_assert_eq(err.status, DYAD_ERR_PARSE);
                cr_assert(strncmp(err.message, "bad lemma data", 14) == 0, "%s", err.message);
                continue;
            }
            accepted++;
            apply_all(&l2, big, sizeof big);
        }
    }
    cr_assert_gt(accepted, 0, "some corruptions (a lemma's letters) are harmless");
    free(bad);
}

Test(lemma, random_corruption, .timeout = 120)
{
    unsigned char *bad = malloc(blob_len);
    uint32_t seed = 12345;
    char big[40];
    memset(big, 'S', sizeof big);
    for (int trial = 0; trial < 3000; trial++) {
        memcpy(bad, blob, blob_len);
        for (int k = 0; k < 1 + trial % 8; k++) {
            seed = seed * 1103515245u + 12345u;
            bad[(seed >> 8) % blob_len] = (unsigned char)(seed >> 24);
        }
        dy_lemmatizer l2;
        dyad_error err;
        if (dy_lemma_open(bad, blob_len, N_XPOS, &l2, &err) == DYAD_OK) apply_all(&l2, big, sizeof big);
    }
    free(bad);
}
