/* test_dict.c — loading the invented fixture dictionaries: every actor, agent,
 * verb, synset, option, issue and discard construct the loader supports. */
#include <criterion/criterion.h>
#include <string.h>

#include "dict/dict.h"

#define FIX "tests/fixtures/dict/basic/"

static dyad_dict *dict;

static void setup(void)
{
    dyad_error err;
    memset(&err, 0, sizeof err);
    dyad_status st = dyad_dict_load(FIX "tiny.project", &dict, &err);
    cr_assert_eq(st, DYAD_OK, "load failed: %s:%ld: %s", err.where, err.line, err.message);
}

static void teardown(void) { dyad_dict_free(dict); }

TestSuite(dict, .init = setup, .fini = teardown);

static const dy_actor *actor(const char *text)
{
    for (size_t i = 0; i < dict->n_actors; i++)
        if (strcmp(dict->actors[i].text, text) == 0)
            return &dict->actors[i];
    cr_assert_fail("no actor %s", text);
    return NULL;
}

static const dy_verb *verb(const char *text)
{
    for (size_t i = 0; i < dict->n_verbs; i++)
        if (strcmp(dict->verbs[i].text, text) == 0)
            return &dict->verbs[i];
    cr_assert_fail("no verb %s", text);
    return NULL;
}

static const dy_agent *agent(const char *text)
{
    for (size_t i = 0; i < dict->n_agents; i++)
        if (strcmp(dict->agents[i].text, text) == 0)
            return &dict->agents[i];
    cr_assert_fail("no agent %s", text);
    return NULL;
}

static const dy_elem *el(dy_phrase p, uint32_t i) { return &dict->elems[p.first + i]; }

/* "CODE" or "CODE/CODE" or "---" for the actor on date, "" when none. */
static const char *code_on(const char *text, int date)
{
    static char buf[128];
    const dy_dated_code *dc = dy_actor_codes(dict, actor(text), date);
    buf[0] = '\0';
    if (!dc)
        return buf;
    if (dc->special)
        return dc->special == DY_SPECIAL_NULL ? "---" : dc->special == DY_SPECIAL_DISCARD ? "###" : "+++";
    for (uint16_t i = 0; i < dc->n_codes; i++) {
        if (i)
            strcat(buf, "/");
        strcat(buf, dc->codes[i]);
    }
    return buf;
}

Test(dict, counts)
{
    dyad_dict_stats s;
    dyad_dict_get_stats(dict, &s);
    cr_assert_eq(s.actors, 18);
    cr_assert_eq(s.agents, 8);
    cr_assert_eq(s.verbs, 11);
    cr_assert_eq(s.patterns, 17);
    cr_assert_eq(s.synsets, 2);
    cr_assert_eq(s.nouns, 2);
    cr_assert_eq(s.adjectives, 1);
    cr_assert_eq(s.discards, 2);
    cr_assert_eq(dict->n_issues, 5);
    cr_assert_eq(dict->n_issue_cats, 2);
}

Test(dict, duplicate_is_a_warning_first_wins)
{
    const char *w = dyad_dict_warnings(dict);
    cr_assert(strstr(w, "tiny.actors:37: duplicate actor VELMORIA") != NULL, "warnings: %s", w);
    cr_assert_str_eq(code_on("VELMORIA", 20000101), "VLM");
}

Test(dict, actor_phrases_and_match_kinds)
{
    const dy_actor *a = actor("VELMORIAN_");
    cr_assert_eq(a->phrase.count, 1);
    cr_assert_str_eq(el(a->phrase, 0)->word, "VELMORIAN");
    cr_assert_eq(el(a->phrase, 0)->match, DY_MATCH_WORD);
    cr_assert_eq(el(actor("VELMORIA")->phrase, 0)->match, DY_MATCH_STEM);
    cr_assert_eq(el(actor("MOUSEFOLK=")->phrase, 0)->match, DY_MATCH_EXACT);
    /* hyphen becomes an underscore connector */
    a = actor("QUASK-TOWN");
    cr_assert_eq(a->phrase.count, 2);
    cr_assert_str_eq(el(a->phrase, 0)->word, "QUASK");
    cr_assert_eq(el(a->phrase, 0)->match, DY_MATCH_WORD);
    cr_assert_eq(el(a->phrase, 0)->adjacent, 1);
    cr_assert_str_eq(el(a->phrase, 1)->word, "TOWN");
    cr_assert_eq(el(a->phrase, 1)->adjacent, 0);
    cr_assert_str_eq(a->file, FIX "tiny.actors");
    cr_assert_eq(a->line, 11);
}

Test(dict, codes_upper_cased_and_interned)
{
    cr_assert_str_eq(code_on("VELMORIAN_", 20000101), "VLM");
    const dy_dated_code *a = dy_actor_codes(dict, actor("VELMORIA"), 0);
    const dy_dated_code *b = dy_actor_codes(dict, actor("VELMORIAN_"), 0);
    cr_assert_eq(a->codes[0], b->codes[0]);
    cr_assert_eq(dy_find_code(dict, "VLM"), a->codes[0]);
    cr_assert_null(dy_find_code(dict, "NOPE"));
}

Test(dict, date_restrictions)
{
    cr_assert_str_eq(code_on("ORVANDE", 19950601), "VLMGOV");
    cr_assert_str_eq(code_on("ORVANDE", 19950602), "QSKGOV");
    /* a lone restriction gets a null default (manual 6.5.2 note 5) */
    cr_assert_str_eq(code_on("OLD_GRUMBLE", 19901103), "GRM");
    cr_assert_str_eq(code_on("OLD_GRUMBLE", 19901104), "---");
    cr_assert_str_eq(code_on("NEW_GRUMBLE", 19990101), "GRMGOV");
    cr_assert_str_eq(code_on("NEW_GRUMBLE", 20010816), "GRM");
    /* 8-digit and 6-digit dates in one block */
    cr_assert_str_eq(code_on("DUALDATE", 19500101), "DUA");
    cr_assert_str_eq(code_on("DUALDATE", 19740101), "---");
    /* a default written first still comes last */
    const dy_actor *bk = actor("BACKWARD");
    cr_assert_eq(bk->n_codes, 2);
    cr_assert_eq(dict->dated[bk->first_code].to, 19800101);
    cr_assert_str_eq(code_on("BACKWARD", 19700101), "BKWGOV");
    cr_assert_str_eq(code_on("BACKWARD", 19900101), "BKW");
}

Test(dict, special_and_compound_codes)
{
    cr_assert_str_eq(code_on("BRONTHE", 0), "---");
    cr_assert_str_eq(code_on("NULLISH", 0), "---");
    cr_assert_str_eq(code_on("SKARDA", 0), "###");
    cr_assert_str_eq(code_on("MIRELLIA", 0), "+++");
    cr_assert_str_eq(code_on("TRELLIS_PACT", 0), "TRL/VLM");
}

Test(dict, synonym_group_with_multiline_restrictions)
{
    const dy_actor *head = actor("PELLINOR");
    const dy_actor *syn = actor("PELLY");
    uint32_t head_index = (uint32_t)(head - dict->actors);
    cr_assert_eq(head->parent, head_index);
    cr_assert_eq(actor("PELL_THE_ELDER")->parent, head_index);
    cr_assert_eq(syn->parent, head_index);
    cr_assert_eq(syn->first_code, head->first_code);
    cr_assert_eq(head->n_codes, 3);
    cr_assert_str_eq(code_on("PELLY", 19950601), "PLN");
    cr_assert_str_eq(code_on("PELLY", 19950602), "PLNGOV");
    cr_assert_str_eq(code_on("PELL_THE_ELDER", 19990816), "PLNREB");
    cr_assert_str_eq(code_on("SOLITAIRE", 0), "SOL");
    cr_assert_eq(actor("SOLITAIRE")->parent, (uint32_t)(actor("SOLITAIRE") - dict->actors));
}

Test(dict, nouns_adjectives_and_finish)
{
    cr_assert_str_eq(dict->elems[dict->nouns[0].first].word, "PEBBLES");
    cr_assert_eq(dict->elems[dict->nouns[1].first].match, DY_MATCH_WORD);
    cr_assert_str_eq(dict->elems[dict->adjectives[0].first].word, "SHINY");
    for (size_t i = 0; i < dict->n_actors; i++)
        cr_assert(strcmp(dict->actors[i].text, "IGNORED_AFTER_FINISH") != 0);
}

Test(dict, agents)
{
    const dy_agent *a = agent("WARDEN");
    cr_assert_str_eq(a->code, "GOV");
    cr_assert_eq(a->prefix, 0);
    cr_assert_str_eq(agent("HIGH_WARDEN_")->code, "GOVHW");
    cr_assert_str_eq(agent("LANTERN_GUILD")->code, "NGO");
    cr_assert_eq(agent("LANTERN_GUILD")->prefix, 1);
    cr_assert_str_eq(agent("TINSMITH")->code, "BUS");
    cr_assert_str_eq(agent("TINSMITHS")->code, "BUS");
    cr_assert_str_eq(agent("TINWRIGHT")->code, "BUS");
    cr_assert_str_eq(agent("ROPE_WALKERS")->code, "LAB");
}

Test(dict, synsets)
{
    cr_assert_str_eq(dict->synsets[0].name, "COIN");
    cr_assert_eq(dict->synsets[0].n_alts, 3);
    const dy_synset *purse = &dict->synsets[1];
    cr_assert_str_eq(purse->name, "PURSE");
    cr_assert_eq(purse->n_alts, 2);
    dy_phrase m = dict->alts[purse->first_alt];
    cr_assert_eq(el(m, 0)->kind, DY_EL_SYNSET);
    cr_assert_eq(el(m, 0)->ref, 0);
    cr_assert_eq(el(m, 0)->adjacent, 1);
    cr_assert_str_eq(el(m, 1)->word, "POUCH");
}

Test(dict, time_and_attrib_sections)
{
    cr_assert(dict->has_time);
    cr_assert(dict->has_attrib);
    const dy_verb *v = verb("YESTERMORN");
    cr_assert_eq(v->section, DY_SECTION_TIME);
    cr_assert_eq(v->code.shift, -1);
    cr_assert_eq(verb("NEXT_FORTNIGHT")->code.shift, 14);
    cr_assert_eq(verb("SOMEDAY")->code.special, DY_SPECIAL_NULL);
    const dy_verb *m = verb("MURMURED");
    cr_assert_eq(m->section, DY_SECTION_ATTRIB);
    cr_assert_null(m->code.code);
    cr_assert_eq(m->n_patterns, 1);
    cr_assert_eq(dict->patterns[m->first_pattern].code.special, DY_SPECIAL_DISCARD);
    cr_assert_eq(verb("PARLEY")->section, DY_SECTION_VERB);
}

Test(dict, verb_codes)
{
    const dy_verb *p = verb("PARLEY");
    cr_assert_str_eq(p->code.code, "031");
    cr_assert_str_eq(verb("MUTTER")->code.code, "174K");
    cr_assert_null(verb("GLOWER")->code.code);
    cr_assert_eq(verb("WANDER")->code.special, DY_SPECIAL_NULL);
    const dy_pattern *pat = &dict->patterns[verb("GLOWER")->first_pattern];
    cr_assert_str_eq(pat->code.code, "SDF");
}

/* The pattern of `v` whose text is `text`. */
static const dy_pattern *pattern(const dy_verb *v, const char *text)
{
    for (uint32_t i = 0; i < v->n_patterns; i++)
        if (strcmp(dict->patterns[v->first_pattern + i].text, text) == 0)
            return &dict->patterns[v->first_pattern + i];
    cr_assert_fail("no pattern %s", text);
    return NULL;
}

Test(dict, pattern_codes)
{
    const dy_verb *v = verb("PARLEY");
    const dy_pattern *p = pattern(v, "* WITH_ +");
    cr_assert_str_eq(p->code.code, "032");
    cr_assert_str_eq(p->code.paired, "033");
    cr_assert(pattern(v, "REFUSED~ *")->code.dominant);
    cr_assert(pattern(v, "GRUDGINGLY *")->code.subordinate);
    cr_assert_str_eq(pattern(v, "GRUDGINGLY *")->code.code, "023");
    cr_assert_eq(pattern(v, "% *")->code.special, DY_SPECIAL_NULL);
    cr_assert_str_eq(p->file, FIX "tiny.verbs");
    cr_assert_eq(p->line, 21);
}

Test(dict, pattern_order_longest_first)
{
    const dy_verb *v = verb("PARLEY");
    static const char *want[] = {
        "* OVER { BREAD | SALTED FISH | &COIN }_TRADE", "* &PURSE", "$ AND + * TOGETHER",
        "GRUDGINGLY *", "PLANNED_TO_*", "* IN-PERSON", "REFUSED~ *", "^ + WAS * BY $",
        "* WITH_ +", "% *", "@ *",
    };
    static const unsigned len[] = {19, 17, 11, 10, 9, 8, 7, 5, 4, 0, 0};
    cr_assert_eq(v->n_patterns, 11);
    for (uint32_t i = 0; i < 11; i++) {
        const dy_pattern *p = &dict->patterns[v->first_pattern + i];
        cr_assert_str_eq(p->text, want[i], "pattern %u", i);
        cr_assert_eq(p->length, len[i], "length of %s", p->text);
    }
}

Test(dict, pattern_elements)
{
    const dy_verb *v = verb("PARLEY");
    const dy_pattern *p = pattern(v, "* OVER { BREAD | SALTED FISH | &COIN }_TRADE");
    cr_assert_eq(p->phrase.count, 4);
    cr_assert_eq(el(p->phrase, 0)->kind, DY_EL_VERB);
    cr_assert_eq(el(p->phrase, 1)->kind, DY_EL_WORD);
    const dy_elem *alt = el(p->phrase, 2);
    cr_assert_eq(alt->kind, DY_EL_ALT);
    cr_assert_eq(alt->nref, 3);
    cr_assert_eq(alt->adjacent, 1);
    cr_assert_eq(dict->alts[alt->ref + 1].count, 2);
    cr_assert_eq(dict->elems[dict->alts[alt->ref + 2].first].kind, DY_EL_SYNSET);
    cr_assert_str_eq(el(p->phrase, 3)->word, "TRADE");

    p = pattern(v, "^ + WAS * BY $");
    static const uint8_t kinds[] = {DY_EL_SKIP, DY_EL_TARGET, DY_EL_WORD, DY_EL_VERB,
                                    DY_EL_WORD, DY_EL_SOURCE};
    cr_assert_eq(p->phrase.count, 6);
    for (uint32_t i = 0; i < 6; i++)
        cr_assert_eq(el(p->phrase, i)->kind, kinds[i]);
    cr_assert_eq(el(pattern(v, "@ *")->phrase, 0)->kind, DY_EL_ATTRIB);
    cr_assert_eq(el(pattern(v, "% *")->phrase, 0)->kind, DY_EL_COMPOUND);

    p = pattern(v, "PLANNED_TO_*");
    cr_assert_eq(el(p->phrase, 0)->adjacent, 1);
    cr_assert_eq(el(p->phrase, 1)->adjacent, 1);
    cr_assert_eq(el(p->phrase, 1)->match, DY_MATCH_WORD);

    p = pattern(v, "REFUSED~ *");
    cr_assert_eq(el(p->phrase, 0)->match, DY_MATCH_STEM);
    cr_assert_eq(el(p->phrase, 0)->adjacent, 1);

    p = pattern(v, "* WITH_ +");
    cr_assert_eq(el(p->phrase, 1)->match, DY_MATCH_WORD);
    cr_assert_eq(el(p->phrase, 1)->adjacent, 0);
}

Test(dict, irregular_forms_share_patterns)
{
    const dy_verb *root = verb("SMASH_");
    const dy_verb *f1 = verb("SMASHED_");
    const dy_verb *f2 = verb("SMOSHEN_");
    uint32_t ri = (uint32_t)(root - dict->verbs);
    cr_assert_eq(root->main, ri);
    cr_assert_eq(f1->main, ri);
    cr_assert_eq(f2->main, ri);
    cr_assert_eq(root->n_patterns, 2);
    cr_assert_eq(f1->first_pattern, root->first_pattern);
    cr_assert_eq(f2->n_patterns, 2);
    cr_assert_str_eq(f1->code.code, "1717");
    /* "_ * WINDOW" is a pattern line too */
    cr_assert_not_null(pattern(root, "* WINDOW"));
}

Test(dict, options_file)
{
    const dy_options *o = &dict->options;
    cr_assert_eq(o->cx_verbs, 6);
    cr_assert(o->cx_noactprior);
    cr_assert(o->cx_explain);
    cr_assert_eq(o->code_by, DY_CODE_BY_SENTENCE);
    cr_assert_eq(o->min_words, 5);
    cr_assert_eq(o->comma_min, 1);
    cr_assert_eq(o->comma_max, 8);
    cr_assert_eq(o->comma_emin, 3);
    cr_assert_eq(o->comma_emax, 10);
    cr_assert_eq(o->comma_bmin, 128);
    cr_assert_str_eq(o->default_source, "SRCX");
    cr_assert_str_eq(o->default_target, "TGTX");
    cr_assert(o->default_source_prior);
    cr_assert(o->default_target_after);
    cr_assert_eq(o->nonevents, DY_NONEVENTS_TRUE);
    cr_assert(o->out_actors && o->out_match && o->out_id);
    cr_assert(o->forward);
    cr_assert_str_eq(o->forward_format, "^^***NNN*SSS");
    cr_assert_eq(o->label, 0);
}

Test(dict, issues_and_discards)
{
    cr_assert_str_eq(dict->issue_cats[0].name, "TRADE");
    cr_assert(dict->issue_cats[0].all);
    cr_assert_str_eq(dict->issue_cats[0].deflt, "NOTRADE");
    cr_assert(dict->issue_cats[1].numeric);
    cr_assert_str_eq(dict->issues[0].code, "SALT");
    const dy_issue *caravan = &dict->issues[1];
    cr_assert_str_eq(dict->elems[caravan->phrase.first].word, "CARAVAN");
    cr_assert_eq(dict->elems[caravan->phrase.first].match, DY_MATCH_WORD);
    cr_assert_str_eq(dict->issues[2].code, "CARAVAN");   /* inherits the code above */
    cr_assert_null(dict->issues[3].code);                /* ~ exclusion */
    cr_assert(dict->discards[0].whole_story);
    cr_assert_str_eq(dict->elems[dict->discards[0].phrase.first].word, "JOUSTING");
    cr_assert_not(dict->discards[1].whole_story);
}

Test(dict, directory_load_matches_project)
{
    dyad_dict *d2;
    dyad_error err;
    cr_assert_eq(dyad_dict_load(FIX, &d2, &err), DYAD_OK, "%s:%ld: %s", err.where, err.line,
                 err.message);
    dyad_dict_stats a, b;
    dyad_dict_get_stats(dict, &a);
    dyad_dict_get_stats(d2, &b);
    cr_assert_eq(memcmp(&a, &b, sizeof a), 0);
    dyad_dict_free(d2);
}
