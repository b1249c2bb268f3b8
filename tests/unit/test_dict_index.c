/* test_dict_index.c — word lookup through the trie: stem, word (with regular
 * endings on a phrase's last word) and exact matches, for every entry kind. */
#include <criterion/criterion.h>
#include <string.h>

#include "dict/dict.h"

static dyad_dict *dict;

static void setup(void)
{
    dyad_error err;
    cr_assert_eq(dyad_dict_load("tests/fixtures/dict/basic/tiny.project", &dict, &err), DYAD_OK,
                 "%s:%ld: %s", err.where, err.line, err.message);
}

static void teardown(void) { dyad_dict_free(dict); }

TestSuite(dict_index, .init = setup, .fini = teardown);

/* Does looking up `word` find an entry of `kind` whose text is `text`? */
static int finds(const char *word, int kind, const char *text)
{
    dy_entry_ref refs[64];
    size_t n = dy_lookup(dict, word, strlen(word), refs, 64);
    cr_assert_leq(n, 64);
    for (size_t i = 0; i < n; i++) {
        if (refs[i].kind != kind)
            continue;
        const char *t = NULL;
        switch (kind) {
        case DY_ENTRY_ACTOR: t = dict->actors[refs[i].index].text; break;
        case DY_ENTRY_AGENT: t = dict->agents[refs[i].index].text; break;
        case DY_ENTRY_VERB: t = dict->verbs[refs[i].index].text; break;
        default: {
            dy_phrase p = dy_entry_phrase(dict, refs[i]);
            t = dict->elems[p.first].word;
        }
        }
        if (strcmp(t, text) == 0)
            return 1;
    }
    return 0;
}

Test(dict_index, stem_matches_any_continuation)
{
    cr_assert(finds("VELMORIA", DY_ENTRY_ACTOR, "VELMORIA"));
    cr_assert(finds("VELMORIAS", DY_ENTRY_ACTOR, "VELMORIA"));
    cr_assert(finds("VELMORIAN", DY_ENTRY_ACTOR, "VELMORIA"));
    cr_assert(finds("VELMORIA'S", DY_ENTRY_ACTOR, "VELMORIA"));
    cr_assert_not(finds("VELMORI", DY_ENTRY_ACTOR, "VELMORIA"));
    cr_assert(finds("PARLEYED", DY_ENTRY_VERB, "PARLEY"));
}

Test(dict_index, word_takes_regular_endings_only)
{
    cr_assert(finds("VELMORIAN", DY_ENTRY_ACTOR, "VELMORIAN_"));
    cr_assert(finds("VELMORIANS", DY_ENTRY_ACTOR, "VELMORIAN_"));
    cr_assert(finds("VELMORIAN'S", DY_ENTRY_ACTOR, "VELMORIAN_"));
    cr_assert(finds("VELMORIANS'", DY_ENTRY_ACTOR, "VELMORIAN_"));
    cr_assert(finds("SMASHING", DY_ENTRY_VERB, "SMASH_"));
    cr_assert(finds("SMASHES", DY_ENTRY_VERB, "SMASH_"));
    cr_assert(finds("SMASHED", DY_ENTRY_VERB, "SMASHED_"));
    cr_assert_not(finds("VELMORIANIST", DY_ENTRY_ACTOR, "VELMORIAN_"));
    cr_assert_not(finds("SMASHER", DY_ENTRY_VERB, "SMASH_"));
}

Test(dict_index, word_endings_not_on_first_word_of_a_longer_phrase)
{
    /* QUASK_ is followed by TOWN: no endings on QUASK */
    cr_assert(finds("QUASK", DY_ENTRY_ACTOR, "QUASK-TOWN"));
    cr_assert_not(finds("QUASKS", DY_ENTRY_ACTOR, "QUASK-TOWN"));
}

Test(dict_index, exact_takes_no_endings)
{
    cr_assert(finds("MOUSEFOLK", DY_ENTRY_ACTOR, "MOUSEFOLK="));
    cr_assert_not(finds("MOUSEFOLKS", DY_ENTRY_ACTOR, "MOUSEFOLK="));
}

Test(dict_index, every_kind_is_indexed)
{
    cr_assert(finds("WARDEN", DY_ENTRY_AGENT, "WARDEN"));
    cr_assert(finds("TINSMITHS", DY_ENTRY_AGENT, "TINSMITHS"));
    cr_assert(finds("PEBBLES", DY_ENTRY_NOUN, "PEBBLES"));
    cr_assert(finds("SHINY", DY_ENTRY_ADJECTIVE, "SHINY"));
    cr_assert(finds("YESTERMORN", DY_ENTRY_VERB, "YESTERMORN"));
    cr_assert(finds("MURMURED", DY_ENTRY_VERB, "MURMURED"));
    cr_assert(finds("SALT", DY_ENTRY_ISSUE, "SALT"));
    cr_assert(finds("JOUSTING", DY_ENTRY_DISCARD, "JOUSTING"));
    cr_assert(finds("HARVEST", DY_ENTRY_DISCARD, "HARVEST"));
}

Test(dict_index, misses_and_limits)
{
    dy_entry_ref one[1];
    cr_assert_eq(dy_lookup(dict, "ZZZ", 3, one, 1), 0);
    cr_assert_eq(dy_lookup(dict, "", 0, one, 1), 0);
    /* PELL stems: PELLINOR and PELLY do not match "PELL", but PELL_THE_ELDER does */
    size_t n = dy_lookup(dict, "PELL", 4, NULL, 0);
    cr_assert_eq(n, 1);
    cr_assert(finds("PELLY", DY_ENTRY_ACTOR, "PELLY"));
    cr_assert(finds("PELLINORS", DY_ENTRY_ACTOR, "PELLINOR"));
}

Test(dict_index, word_matches)
{
    dy_elem stem = {.kind = DY_EL_WORD, .match = DY_MATCH_STEM, .len = 4, .word = "BACK"};
    dy_elem word = {.kind = DY_EL_WORD, .match = DY_MATCH_WORD, .len = 4, .word = "BACK"};
    dy_elem exact = {.kind = DY_EL_WORD, .match = DY_MATCH_EXACT, .len = 4, .word = "BACK"};
    cr_assert(dy_word_matches(&stem, "BACKWARD", 8, 0));
    cr_assert_not(dy_word_matches(&stem, "BAC", 3, 1));
    cr_assert(dy_word_matches(&word, "BACK", 4, 0));
    cr_assert(dy_word_matches(&word, "BACKED", 6, 1));
    cr_assert(dy_word_matches(&word, "BACKING", 7, 1));
    cr_assert(dy_word_matches(&word, "BACKEN", 6, 1));
    cr_assert(dy_word_matches(&word, "BACKES", 6, 1));
    cr_assert_not(dy_word_matches(&word, "BACKED", 6, 0));
    cr_assert_not(dy_word_matches(&word, "BACKWARD", 8, 1));
    cr_assert(dy_word_matches(&exact, "BACK", 4, 1));
    cr_assert_not(dy_word_matches(&exact, "BACKS", 5, 1));
}
