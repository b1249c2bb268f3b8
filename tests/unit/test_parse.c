/* test_parse.c — the shallow parse on an invented dictionary: word classes,
 * longest roots, noun shifting, compounds, comma clauses, clauses, pronouns. */
#include <criterion/criterion.h>
#include <string.h>

#include "parse/parse.h"

#define FIX "tests/fixtures/coder/coder.project"

static dyad_dict *dict;
static dy_arena arena;
static dy_sentence s;

static void setup(void)
{
    dyad_error err;
    cr_assert_eq(dyad_dict_load(FIX, &dict, &err), DYAD_OK, "%s", err.message);
    dy_arena_init(&arena, 4096);
}

static void teardown(void)
{
    dy_arena_free(&arena);
    dyad_dict_free(dict);
}

TestSuite(parse, .init = setup, .fini = teardown);

static void parse(const char *text)
{
    dy_tokens toks;
    int trunc;
    dyad_error err;
    dy_arena_reset(&arena);
    cr_assert_eq(dy_tokenize(&arena, text, 0, strlen(text), DY_MAX_WORDS, &toks, &trunc, &err),
                 DYAD_OK);
    cr_assert_eq(dy_parse(&s, &arena, dict, &dict->options, &toks, 20240105, NULL, NULL, &err), DYAD_OK);
}

static int word(const char *w)
{
    for (int i = 0; i < s.n; ++i)
        if (s.w[i].tok->len == strlen(w) && !memcmp(s.w[i].tok->text, w, strlen(w))) return i;
    cr_assert_fail("no word %s", w);
    return -1;
}

Test(parse, classes_and_closed_words)
{
    parse("The Zandoria minister was denounced by Korvalia and Meridon.");
    cr_assert_eq(s.w[word("THE")].wtype, DY_W_DETERM);
    cr_assert_eq(s.w[word("ZANDORIA")].wtype, DY_W_ACTOR);
    cr_assert_eq(s.w[word("MINISTER")].wtype, DY_W_AGENT);
    cr_assert_eq(s.w[word("WAS")].wtype, DY_W_AUXIL);
    cr_assert_eq(s.w[word("DENOUNCED")].wtype, DY_W_VERB);
    cr_assert_eq(s.w[word("BY")].wtype, DY_W_BY);
}

Test(parse, multiword_root_is_one_actor)
{
    parse("Zandoria praised the Old Quibble Isles yesterday.");
    int h = word("OLD");
    cr_assert(dy_is_head(&s, h, DY_W_ACTOR));
    cr_assert_eq(s.roots[s.w[h].head_of].tail, word("ISLES"));
    cr_assert(dy_is_tail(&s, word("ISLES"), DY_W_ACTOR));
}

Test(parse, verb_after_determiner_or_capitalised_is_noun)
{
    parse("Zandoria ended the denounce of Korvalia quickly.");
    cr_assert_eq(s.w[word("DENOUNCE")].wtype, DY_W_NOUN);
    parse("Zandoria ended its Denounce of Korvalia quickly.");
    cr_assert_eq(s.w[word("DENOUNCE")].wtype, DY_W_NOUN);
    parse("ZANDORIA ENDED ITS DENOUNCE OF KORVALIA QUICKLY.");
    cr_assert_eq(s.w[word("DENOUNCE")].wtype, DY_W_VERB);
}

Test(parse, null_coded_actor_is_noun)
{
    parse("Professor Plum denounced Korvalia on Tuesday.");
    cr_assert_eq(s.w[word("PROFESSOR")].wtype, DY_W_NOUN);
}

Test(parse, compound_list)
{
    parse("Zandoria, Korvalia and Meridon denounced Glimwater.");
    int z = word("ZANDORIA");
    cr_assert_eq(s.w[z].cmp_end, word("MERIDON"));
    cr_assert(s.w[word("KORVALIA")].compound);
    cr_assert_eq(s.has_clauses, 0);
}

Test(parse, clause_split_but_not_in_noun_phrase)
{
    parse("Zandoria denounced Korvalia and Meridon will meet Glimwater soon.");
    cr_assert_eq(s.w[word("ZANDORIA")].cmp_end, -1);
    parse("Zandoria praised fishermen and northern harbours on Tuesday evening.");
    cr_assert_eq(s.has_clauses, 0);
    parse("Zandoria denounced Korvalia on Tuesday and will meet Glimwater.");
    cr_assert_eq(s.has_clauses, 1);
    cr_assert(s.w[word("WILL")].clause_start);
}

Test(parse, nonrestrictive_clause_nulled)
{
    parse("Zandoria, which Meridon denounced last year, will meet Korvalia soon.");
    /* with an <ATTRIB> section the coder nulls them after attribution */
    cr_assert(dict->has_attrib);
    cr_assert_eq(s.w[word("MERIDON")].wtype, DY_W_ACTOR);
    dy_null_subordinates(&s);
    int c = word(",");
    cr_assert_gt(s.w[c].sub_end, c);
    cr_assert_eq(s.w[word("MERIDON")].wtype, DY_W_NULLED);
    cr_assert_eq(s.w[word("KORVALIA")].wtype, DY_W_ACTOR);
}

Test(parse, pronouns)
{
    parse("Zandoria and Meridon said they would denounce Korvalia.");
    int they = word("THEY");
    cr_assert(s.w[they].deref);
    cr_assert_eq(s.w[they].refer, word("ZANDORIA"));   /* the compound */
    parse("Zandoria and Meridon denounced Korvalia and it agreed.");
    int it = word("IT");
    cr_assert(s.w[it].deref);
    cr_assert_eq(s.w[it].refer, word("KORVALIA"));     /* first actor outside compounds */
}

Test(parse, discard_flag)
{
    parse("Zandoria lost a wobble ball match to Korvalia.");
    cr_assert(s.has_discard);
}

/* The classes the parse found: every word's class is among them (steps that
 * look for a missing class are skipped), commas included. */
Test(parse, lexed_types_cover_every_word)
{
    const char *texts[] = {
        "The Zandoria minister was denounced by Korvalia and Meridon.",
        "Zandoria, which Meridon denounced last year, will meet Korvalia soon.",
        "Fishermen praised northern harbours on Tuesday evening (briefly): all good.",
    };
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; ++k) {
        dy_tokens toks;
        int trunc;
        dyad_error err;
        dy_arena_reset(&arena);
        cr_assert_eq(dy_tokenize(&arena, texts[k], 0, strlen(texts[k]), DY_MAX_WORDS, &toks,
                                 &trunc, &err), DYAD_OK);
        /* the classes right after lexing, before any step changes them */
        dy_sentence lexed;
        cr_assert_eq(dy_lex(&lexed, &arena, dict, &dict->options, &toks, 20240105, NULL, &err),
                     DYAD_OK);
        uint32_t want = 0;
        for (int i = 0; i < lexed.n; ++i)
            if (lexed.w[i].wtype != DY_W_NULL && lexed.w[i].wtype != DY_W_NUMBER)
                want |= 1u << lexed.w[i].wtype;
        parse(texts[k]);
        cr_assert_eq(s.lexed_types & want, want, "%s", texts[k]);
        cr_assert(!(s.lexed_types & (1u << DY_W_PRONOUN)), "%s", texts[k]);
    }
}
