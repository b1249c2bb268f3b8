/* test_default_countries.c — every ISO 3166-1 country of the Debian iso-codes list
 * codes as its alpha-3 code with the default dictionaries, and they load cleanly. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

#define PROJECT "data/default/default.project"
#define ISO_JSON "/usr/share/iso-codes/json/iso_3166-1.json"

static dyad_dict *dict;
static dyad_coder *coder;

static void setup(void)
{
    dyad_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(dyad_dict_load(PROJECT, &dict, &err), DYAD_OK, "load: %s:%ld: %s", err.where,
                 err.line, err.message);
    cr_assert_eq(dyad_coder_new(dict, &coder, &err), DYAD_OK);
}

static void teardown(void)
{
    dyad_coder_free(coder);
    dyad_dict_free(dict);
}

TestSuite(default_countries, .init = setup, .fini = teardown);

/* The actor files of issue 4 load without a warning (duplicates above all). */
Test(default_countries, actor_files_load_without_warnings)
{
    static const char *const mine[] = {"countries.actors", "organizations.actors",
                                       "groups.actors", "people.actors"};
    const char *w = dyad_dict_warnings(dict);
    for (size_t i = 0; w && i < sizeof mine / sizeof *mine; i++)
        cr_expect_null(strstr(w, mine[i]), "warnings:\n%s", w);
}

/* ISO names that are not how news names the country, or that our dictionary
 * codes otherwise on purpose ("Congo" alone is the DRC in today's news;
 * "Reunion" alone is too common an English word). */
static const char *const overrides[][2] = {
    {"COD", "Democratic Republic of the Congo"},
    {"COG", "Republic of the Congo"},
    {"REU", "La Réunion"},
    {"BES", "Bonaire"},
    {"SHN", "Saint Helena"},
    {"VAT", "Holy See"},
    {"MAF", "Saint Martin"},
    {"SXM", "Sint Maarten"},
    {"CCK", "Cocos Islands"},
    {"FLK", "Falkland Islands"},
};

static const char *test_name(json_t *e, const char *a3)
{
    for (size_t i = 0; i < sizeof overrides / sizeof *overrides; i++)
        if (!strcmp(overrides[i][0], a3))
            return overrides[i][1];
    const char *common = json_string_value(json_object_get(e, "common_name"));
    const char *name = json_string_value(json_object_get(e, "name"));
    const char *official = json_string_value(json_object_get(e, "official_name"));
    if (common)
        return common;
    if (name && !strchr(name, ','))
        return name;
    return official ? official : name;
}

static const char *first_source(const char *text)
{
    dyad_story st = {.id = "iso", .date = 20260115, .text = text, .text_len = strlen(text), .one_sentence = 1};
    dyad_result res;
    dyad_error err;
    if (dyad_code(coder, &st, &res, &err) != DYAD_OK || res.n_events == 0)
        return "(no event)";
    return res.events[0].source;
}

Test(default_countries, every_iso_3166_country_codes_as_its_alpha3)
{
    json_error_t jerr;
    json_t *root = json_load_file(ISO_JSON, 0, &jerr);
    if (!root) {
        printf("skipped: %s not found (Debian package iso-codes); ISO coverage not checked\n",
               ISO_JSON);
        return;
    }
    json_t *list = json_object_get(root, "3166-1");
    cr_assert(json_is_array(list));
    size_t i, n_bad = 0;
    json_t *e;
    json_array_foreach(list, i, e) {
        const char *a3 = json_string_value(json_object_get(e, "alpha_3"));
        cr_assert_not_null(a3);
        const char *name = test_name(e, a3);
        char text[256];
        /* the target must be another country */
        snprintf(text, sizeof text, "%s accused %s of lying on Monday.", name,
                 strcmp(a3, "CAN") ? "Canada" : "Mexico");
        const char *src = first_source(text);
        if (strncmp(src, a3, 3) != 0) {
            n_bad++;
            cr_expect_fail("%s (%s) coded as %s: \"%s\"", a3, name, src, text);
        }
    }
    cr_expect_eq(n_bad, 0, "%zu of %zu ISO 3166-1 entries are missing", n_bad,
                 json_array_size(list));
    json_decref(root);
}

/* People and groups carry the code that fits the story date. */
static const char *source_on(const char *text, int date)
{
    dyad_story st = {.id = "who", .date = date, .text = text, .text_len = strlen(text),
                     .one_sentence = 1};
    dyad_result res;
    dyad_error err;
    if (dyad_code(coder, &st, &res, &err) != DYAD_OK || res.n_events == 0)
        return "(no event)";
    return res.events[0].source;
}

Test(default_countries, dated_codes_follow_the_story_date)
{
    static const struct {
        const char *text;
        int date;
        const char *want;
    } cases[] = {
        {"Trump accused Canada of lying on Monday.", 20220601, "USAELI"},
        {"Trump accused Canada of lying on Monday.", 20260115, "USAGOV"},
        {"Angela Merkel accused Canada of lying on Monday.", 20100101, "DEUGOV"},
        {"Angela Merkel accused Canada of lying on Monday.", 20240101, "DEUELI"},
        {"The Taliban accused Pakistan of lying on Monday.", 20150101, "AFGREBTAL"},
        {"The Taliban accused Pakistan of lying on Monday.", 20240101, "AFGGOVTAL"},
        {"Ahmed al-Sharaa accused Israel of lying on Monday.", 20200101, "SYRREBHTS"},
        {"Ahmed al-Sharaa accused Israel of lying on Monday.", 20250601, "SYRGOV"},
        {"Mark Rutte accused Russia of lying on Monday.", 20200101, "NLDGOV"},
        {"Mark Rutte accused Russia of lying on Monday.", 20250601, "IGOWSTNAT"},
        {"Lavrov accused Canada of lying on Monday.", 20260115, "RUSGOV"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *got = source_on(cases[i].text, cases[i].date);
        cr_expect_str_eq(got, cases[i].want, "%s on %d: got %s, want %s", cases[i].text,
                         cases[i].date, got, cases[i].want);
    }
}
