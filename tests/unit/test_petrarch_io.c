/* test_petrarch_io.c — PETRARCH compatibility: the XML story reader (story
 * grouping, parses, skipped and bad sentences), configs, PETRARCH-2 verbs. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "dict/dict.h"
#include "dict/petrarch.h"
#include "io/petrarch_validation.h"
#include "io/read_petrarch.h"
#include "io/reader.h"

#define DIR "tests/fixtures/petrarch/"

Test(petrarch, detect)
{
    cr_expect_eq(dy_in_format_detect("a/news.xml"), DY_IN_PETRARCH);
    cr_expect_eq(dy_in_format_parse("petrarch"), DY_IN_PETRARCH);
    cr_expect_str_eq(dy_in_format_name(DY_IN_PETRARCH), "petrarch");
}

static void span_is(const dyad_story *st, size_t k, const char *want)
{
    const dyad_presplit *ps = &st->presplit[k];
    cr_assert_leq(ps->end, st->text_len);
    cr_expect_eq(ps->end - ps->start, strlen(want), "sentence %zu", k);
    cr_expect(!memcmp(st->text + ps->start, want, strlen(want)), "sentence %zu", k);
}

Test(petrarch, reader_groups_sentences_into_stories)
{
    FILE *f = fopen(DIR "stories.xml", "rb");
    cr_assert(f);
    dy_reader r;
    dyad_story st;
    dyad_error err = {0};
    int got;
    dy_reader_init(&r, f, "stories.xml", DY_IN_PETRARCH, 0);

    /* ZRV001_1 and _2 make one story; _3 (sentence="False") is left out */
    cr_assert_eq(dy_reader_next(&r, &st, &got, &err), DYAD_OK, "%s", err.message);
    cr_assert(got);
    cr_expect_str_eq(st.id, "ZRV001");
    cr_expect_str_eq(st.source, "TEST");
    cr_expect_eq(st.date, 20210304);
    cr_assert_eq(st.n_presplit, 2);
    span_is(&st, 0, "Zorvania will send aid to Quellmark.");
    span_is(&st, 1, "Quellmark thanked Zorvania.");   /* newline read as a blank */
    cr_expect_str_eq(st.presplit[0].id, "ZRV001_1");
    cr_expect_str_eq(st.presplit[1].id, "ZRV001_2");
    cr_assert(st.presplit[0].parse);
    cr_expect(!strncmp(st.presplit[0].parse, "(ROOT (S", 8));
    cr_expect_eq(st.presplit[0].parse_len, strlen(st.presplit[0].parse));
    cr_expect_null(st.presplit[1].parse);

    /* QLM002_1 has no <Text>: reported with its line, skipped */
    cr_assert_eq(dy_reader_next(&r, &st, &got, &err), DYAD_ERR_PARSE);
    cr_expect_str_eq(err.where, "stories.xml");
    cr_expect_eq(err.line, 16);
    cr_expect(strstr(err.message, "QLM002_1") && strstr(err.message, "<Text>"), "%s",
              err.message);

    /* an empty <Parse> is no parse; no source attribute is NULL */
    cr_assert_eq(dy_reader_next(&r, &st, &got, &err), DYAD_OK, "%s", err.message);
    cr_assert(got);
    cr_expect_str_eq(st.id, "QLM003");
    cr_expect_null(st.source);
    cr_assert_eq(st.n_presplit, 1);
    cr_expect_null(st.presplit[0].parse);

    cr_expect_eq(dy_reader_next(&r, &st, &got, &err), DYAD_OK);
    cr_expect_eq(got, 0);
    dy_reader_free(&r);
    fclose(f);
}

Test(petrarch, reader_reports_bad_xml)
{
    FILE *f = fopen(DIR "broken.xml", "rb");
    cr_assert(f);
    dy_reader r;
    dyad_story st;
    dyad_error err = {0};
    int got, stories = 0, errors = 0;
    dy_reader_init(&r, f, "broken.xml", DY_IN_PETRARCH, 0);
    for (int i = 0; i < 10; i++) {
        dyad_status rc = dy_reader_next(&r, &st, &got, &err);
        if (rc == DYAD_ERR_PARSE) {
            errors++;
            cr_expect_str_eq(err.where, "broken.xml");
            cr_expect_eq(err.line, 6);
            cr_expect(strstr(err.message, "bad XML"), "%s", err.message);
            continue;
        }
        cr_assert_eq(rc, DYAD_OK);
        if (!got)
            break;
        stories++;
        cr_expect_str_eq(st.id, "ZRV001");
    }
    /* each <Sentence> is parsed alone: the bad one costs only itself */
    cr_expect_eq(stories, 1);
    cr_expect_eq(errors, 1);
    dy_reader_free(&r);
    fclose(f);
}

/* Reads every story of the XML text s; the ids of the stories (and "!LINE"
 * for each skipped item) joined with blanks into out. */
static void read_ids(const char *s, char *out, size_t cap, const char **raw_of_first_bad)
{
    FILE *f = fmemopen((void *)s, strlen(s), "rb");
    cr_assert(f);
    dy_reader r;
    dyad_story st;
    dyad_error err = {0};
    int got;
    size_t n = 0;
    out[0] = '\0';
    dy_reader_init(&r, f, "mem.xml", DY_IN_PETRARCH, 0);
    for (int i = 0; i < 100; i++) {
        dyad_status rc = dy_reader_next(&r, &st, &got, &err);
        if (rc == DYAD_ERR_PARSE) {
            n += (size_t)snprintf(out + n, cap - n, "%s!%ld", n ? " " : "", err.line);
            if (raw_of_first_bad && !*raw_of_first_bad && r.raw)
                *raw_of_first_bad = strndup(r.raw, r.raw_len);
            continue;
        }
        cr_assert_eq(rc, DYAD_OK, "%s", err.message);
        if (!got)
            break;
        n += (size_t)snprintf(out + n, cap - n, "%s%s/%zu", n ? " " : "", st.id, st.n_presplit);
    }
    dy_reader_free(&r);
    fclose(f);
}

Test(petrarch, reader_goes_on_after_a_bad_sentence_of_a_story)
{
    const char *xml = "<Sentences>\n"
                      "<Sentence id=\"A_1\" date=\"20240101\"><Text>a</Text></Sentence>\n"
                      "<Sentence id=\"A_2\" date=\"20240101\"><Text>b</Txet></Sentence>\n"
                      "<Sentence id=\"A_3\" date=\"20240101\"><Text>c</Text></Sentence>\n"
                      "<Sentence id=\"A_4\" date=\"20240101\"><Text>d</Text></Sentence>\n"
                      "<Sentence id=\"B_1\" date=\"20240101\"><Text>e &amp; f</Text>\n"
                      "<Sentence id=\"C_1\" date=\"20240101\"><Text>g</Text></Sentence>\n"
                      "</Sentences>\n";
    char ids[256];
    const char *raw = NULL;
    read_ids(xml, ids, sizeof ids, &raw);
    cr_expect_str_eq(ids, "A/1 !3 A/2 !6 C/1");
    cr_assert(raw);
    cr_expect_str_eq(raw, "<Sentence id=\"A_2\" date=\"20240101\"><Text>b</Txet></Sentence>");
    free((void *)raw);
}

Test(petrarch, reader_lines_past_65535_and_encodings)
{
    /* libxml2 keeps node lines in 16 bits; the cutter counts its own */
    size_t pad = 70000;
    const char *tail = "<Sentence id=\"A_1\" date=\"20240101\"></Sentence></S>";
    char *xml = malloc(pad + 64 + strlen(tail));
    strcpy(xml, "<S>");
    memset(xml + 3, '\n', pad);
    strcpy(xml + 3 + pad, tail);
    char ids[64];
    read_ids(xml, ids, sizeof ids, NULL);
    cr_expect_str_eq(ids, "!70001");
    free(xml);

    const char *latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<S>"
                         "<Sentence id=\"L_1\" date=\"20240101\"><Text>\xE9t\xE9</Text>"
                         "</Sentence></S>";
    FILE *f = fmemopen((void *)latin1, strlen(latin1), "rb");
    dy_reader r;
    dyad_story st;
    dyad_error err = {0};
    int got;
    dy_reader_init(&r, f, "latin1.xml", DY_IN_PETRARCH, 0);
    cr_assert_eq(dy_reader_next(&r, &st, &got, &err), DYAD_OK, "%s", err.message);
    cr_assert(got);
    cr_expect_eq(st.text_len, 5);
    cr_expect(!memcmp(st.text, "\xC3\xA9t\xC3\xA9", 5));
    dy_reader_free(&r);
    fclose(f);
}

Test(petrarch, story_key)
{
    cr_expect_eq(dy_petr_story_len("AFP0808_12"), 7);
    cr_expect_eq(dy_petr_story_len("A_B_3"), 3);
    cr_expect_eq(dy_petr_story_len("NOSUFFIX"), 8);
}

Test(petrarch, options)
{
    dy_options o;
    dyad_error err = {0};
    dy_options_init(&o);
    cr_expect_eq(o.require_dyad, 1);
    const char *l1 = "require_dyad = FALSE";
    cr_assert_eq(dy_options_apply(&o, l1, strlen(l1), "t", 1, &err), DYAD_OK, "%s", err.message);
    cr_expect_eq(o.require_dyad, 0);
    cr_expect_str_eq(o.default_source, "---");
    const char *l2 = "require_dyad=true";
    cr_assert_eq(dy_options_apply(&o, l2, strlen(l2), "t", 1, &err), DYAD_OK);
    cr_expect_eq(o.require_dyad, 1);
    cr_expect_str_eq(o.default_source, "");
    const char *l3 = "new_actor_length = 4";
    cr_assert_eq(dy_options_apply(&o, l3, strlen(l3), "t", 1, &err), DYAD_OK);
    cr_expect_eq(o.new_actor_length, 4);
    const char *l4 = "comma_emax = 0";
    cr_assert_eq(dy_options_apply(&o, l4, strlen(l4), "t", 1, &err), DYAD_OK);
    cr_expect_eq(o.comma_emax, 0);
    const char *l5 = "stop_on_error = True";
    cr_expect_eq(dy_options_apply(&o, l5, strlen(l5), "t", 1, &err), DYAD_OK);
    const char *l6 = "colour_of_sky = blue";
    cr_expect_eq(dy_options_apply(&o, l6, strlen(l6), "t", 7, &err), DYAD_ERR_PARSE);
    cr_expect_eq(err.line, 7);
    const char *l7 = "new_actor_length = many";
    cr_expect_eq(dy_options_apply(&o, l7, strlen(l7), "t", 1, &err), DYAD_ERR_PARSE);
}

Test(petrarch, config_ini_loads_dictionaries_and_options)
{
    dyad_dict *d = NULL;
    dyad_error err = {0};
    cr_assert_eq(dyad_dict_load(DIR "PETR_config.ini", &d, &err), DYAD_OK, "%s:%ld: %s",
                 err.where, err.line, err.message);
    dyad_dict_stats s;
    dyad_dict_get_stats(d, &s);
    cr_expect_eq(s.actors, 3);
    cr_expect_geq(s.agents, 1);
    cr_expect_eq(s.discards, 2);
    cr_expect_eq(s.synsets, 2);
    cr_expect_eq(s.patterns, 4);
    cr_expect_eq(d->n_issues, 3);
    cr_expect_eq(d->options.new_actor_length, 3);
    cr_expect_eq(d->options.comma_min, 3);
    cr_expect_eq(d->options.comma_max, 7);
    cr_expect_eq(d->options.min_words, 0);
    int whole = 0;
    for (size_t i = 0; i < d->n_discards; i++)
        whole += d->discards[i].whole_story;
    cr_expect_eq(whole, 1);
    dyad_dict_free(d);
}

Test(petrarch, bad_config_option_names_file_and_line)
{
    dyad_dict *d = NULL;
    dyad_error err = {0};
    cr_assert_eq(dyad_dict_load(DIR "bad_option.ini", &d, &err), DYAD_ERR_PARSE);
    cr_expect(strstr(err.where, "bad_option.ini"));
    cr_expect_eq(err.line, 4);
    cr_expect_null(d);
}

/* The pattern of the dictionary whose text starts with `text`. */
static const dy_pattern *find_pattern(const dyad_dict *d, const char *text)
{
    for (size_t i = 0; i < d->n_patterns; i++)
        if (!strncmp(d->patterns[i].text, text, strlen(text)))
            return &d->patterns[i];
    return NULL;
}

Test(petrarch, v2_verbs_groups_and_passive_codes)
{
    dyad_dict *d = NULL;
    dyad_error err = {0};
    cr_assert_eq(dyad_dict_load(DIR "PETR_config.ini", &d, &err), DYAD_OK, "%s", err.message);
    const dy_pattern *p = find_pattern(d, "* {WAR MACHINES} (TO +)");
    cr_assert(p);
    cr_expect_str_eq(p->code.code, "072");
    cr_expect_str_eq(p->code.passive, "073");
    cr_expect_null(p->code.paired);
    cr_assert_eq(p->phrase.count, 5);   /* * WAR MACHINES TO + */
    const dy_elem *e = &d->elems[p->phrase.first];
    cr_expect_eq(e[0].kind, DY_EL_VERB);
    cr_expect_eq(e[1].group, DY_GROUP_NP | DY_GROUP_NP_START);
    cr_expect_str_eq(e[2].word, "MACHINES");
    cr_expect_eq(e[2].group, DY_GROUP_NP);
    cr_expect_eq(e[3].group, DY_GROUP_PP | DY_GROUP_PP_START);
    cr_expect_eq(e[4].kind, DY_EL_TARGET);
    cr_expect_eq(e[4].group, DY_GROUP_PP);

    const dy_pattern *q = find_pattern(d, "* (BEFORE COURT)");
    cr_assert(q);
    cr_expect_eq(q->code.special, DY_SPECIAL_NULL);   /* [:173]: passive only */
    cr_expect_str_eq(q->code.passive, "173");

    const dy_pattern *r = find_pattern(d, "* &RELIEF_GOODS (TO +)");
    cr_assert(r);
    cr_expect_eq(d->elems[r->phrase.first + 1].kind, DY_EL_SYNSET);
    cr_expect_str_eq(d->synsets[d->elems[r->phrase.first + 1].ref].name, "RELIEFGOODS");
    cr_expect_str_eq(r->code.code, "070");
    /* the transformation line is reported, not an error */
    cr_expect(strstr(dyad_dict_warnings(d), "transformations"));
    dyad_dict_free(d);
}

Test(petrarch, validation_file)
{
    dy_pv_file f;
    dy_pv_item it;
    dyad_error err = {0};
    cr_assert_eq(dy_pv_open(&f, DIR "validate.xml", &err), DYAD_OK, "%s", err.message);
    int records = 0, excluded = 0, configs = 0;
    while (dy_pv_next(&f, &it, &err) > 0) {
        if (it.kind == DY_PV_CONFIG) {
            configs++;
            cr_expect_str_eq(it.option, "require_dyad");
            cr_expect_str_eq(it.value, "false");
            continue;
        }
        records++;
        excluded += it.excluded;
        if (!strcmp(it.id, "T-01")) {
            cr_expect_eq(it.n_events, 1);
            cr_expect_str_eq(it.events[0].source, "ZRV");
            cr_expect_str_eq(it.category, "TEST");
            cr_expect_eq(it.date, 20210304);
        }
        if (!strcmp(it.id, "T-03"))
            cr_expect(it.noevents);
        if (!strcmp(it.id, "T-06"))
            cr_expect_str_eq(it.error, "storydiscard");
    }
    cr_expect_eq(records, 6);
    cr_expect_eq(configs, 1);
    cr_expect_eq(excluded, 2);   /* T-04 valid="false", T-05 category OTHER */
    dy_pv_close(&f);
}

/* Sentences with nothing between them (one line of XML) are all read. */
Test(petrarch, reader_compact_xml)
{
    FILE *f = fopen(DIR "discards.xml", "rb");
    cr_assert(f);
    dy_reader r;
    dyad_story st;
    dyad_error err = {0};
    int got;
    dy_reader_init(&r, f, "discards.xml", DY_IN_PETRARCH, 0);
    cr_assert_eq(dy_reader_next(&r, &st, &got, &err), DYAD_OK);
    cr_expect_str_eq(st.id, "K");
    cr_expect_eq(st.n_presplit, 2);
    cr_assert_eq(dy_reader_next(&r, &st, &got, &err), DYAD_OK);
    cr_expect_str_eq(st.id, "M");
    cr_expect_eq(st.n_presplit, 2);
    cr_assert_eq(dy_reader_next(&r, &st, &got, &err), DYAD_OK);
    cr_expect_eq(got, 0);
    dy_reader_free(&r);
    fclose(f);
}
