/* test_write_formats.c — every output format parsed back field by field:
 * CSV by a small RFC 4180 reader, JSON Lines by jansson, TSV/GDELT/PETRARCH/
 * TABARI by splitting on tabs; an enriched event with commas and quotes. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event/enrich.h"
#include "event/event_id.h"
#include "io/writer.h"

static const char TEXT[] = "Zorvia's \"envoy\", in Kabul, visited Quelland on Friday.";

static dyad_story story(void)
{
    dyad_story s;
    memset(&s, 0, sizeof s);
    s.id = "st,1";
    s.date = 20261120;
    s.text = TEXT;
    s.text_len = sizeof TEXT - 1;
    s.source = "Wire";
    s.url = "https://example.org/a?b=1,2";
    return s;
}

/* Where words are in TEXT. */
static dyad_span at(const char *words)
{
    const char *p = strstr(TEXT, words);
    cr_assert_not_null(p);
    dyad_span sp = {(size_t)(p - TEXT), (size_t)(p - TEXT) + strlen(words)};
    return sp;
}

static dyad_event event(void)
{
    dyad_event e;
    memset(&e, 0, sizeof e);
    e.sentence = 1;
    e.date = 20261120;
    e.source = "AFGGOVMIL";
    e.target = "IGOUNO";
    e.code = "042";
    e.source_span = at("Zorvia's \"envoy\"");
    e.target_span = at("Quelland");
    e.verb_span = at("visited");
    e.pattern = "* +";
    dy_enrich_codes(&e);
    e.place.name = "Kabul";
    e.place.country = "AFG";
    e.place.lat = 34.53;
    e.place.lon = 69.17;
    e.place.precision = DYAD_PLACE_CITY;
    e.place.span = at("Kabul");
    e.date_origin = DYAD_DATE_SENTENCE;
    e.date_span = at("on Friday");
    return e;
}

/* The test event written in fmt, with issue codes `issues` and the place
 * `place` instead of Kabul (either may be NULL). */
static char *write_event(dy_out_format fmt, int phoenix, const char *issues,
                         const dyad_place *place)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    dy_writer w;
    dyad_error err = {0};
    dyad_story s = story();
    dyad_event e = event();
    e.issues = issues;
    if (place)
        e.place = *place;
    dy_event_extra x = {2, "st,1_1;st,1_3", 0, NULL};
    dy_writer_init(&w, f, "mem", fmt);
    w.opt.quad_phoenix = phoenix;
    cr_assert_eq(dy_writer_event_ex(&w, &s, &e, &x, &err), DYAD_OK);
    cr_assert_eq(dy_writer_finish(&w, &err), DYAD_OK);
    dy_writer_free(&w);
    fclose(f);
    return buf;
}

static char *write_issues(dy_out_format fmt, int phoenix, const char *issues)
{
    return write_event(fmt, phoenix, issues, NULL);
}

static char *write_fmt(dy_out_format fmt, int phoenix)
{
    return write_event(fmt, phoenix, NULL, NULL);
}

/* RFC 4180: splits one record starting at *p into fields (malloc'd). */
static int csv_record(const char **p, char **fields, int max)
{
    int n = 0;
    const char *s = *p;
    for (;;) {
        char *out = malloc(strlen(s) + 1);
        size_t k = 0;
        if (*s == '"') {
            s++;
            for (;;) {
                if (*s == '"' && s[1] == '"') {
                    out[k++] = '"';
                    s += 2;
                } else if (*s == '"') {
                    s++;
                    break;
                } else {
                    cr_assert_neq(*s, '\0', "unterminated quote");
                    out[k++] = *s++;
                }
            }
        } else {
            while (*s && *s != ',' && *s != '\r' && *s != '\n')
                out[k++] = *s++;
        }
        out[k] = '\0';
        cr_assert_lt(n, max);
        fields[n++] = out;
        if (*s == ',') {
            s++;
            continue;
        }
        cr_assert(s[0] == '\r' && s[1] == '\n', "records end in CRLF");
        *p = s + 2;
        return n;
    }
}

static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    char *s = line;
    for (;;) {
        cr_assert_lt(n, max);
        f[n++] = s;
        char *t = strchr(s, '\t');
        if (!t)
            break;
        *t = '\0';
        s = t + 1;
    }
    return n;
}

static int col(char **names, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(names[i], name))
            return i;
    cr_assert_fail("no column %s", name);
    return -1;
}

Test(formats, csv)
{
    char *out = write_fmt(DY_OUT_CSV, 0);
    const char *p = out;
    char *h[64], *v[64];
    int nh = csv_record(&p, h, 64), nv = csv_record(&p, v, 64);
    cr_assert_eq(nh, nv);
    cr_expect_eq(*p, '\0');
#define F(name) v[col(h, nh, name)]
    cr_expect_str_eq(F("story_id"), "st,1");
    cr_expect_str_eq(F("date"), "2026-11-20");
    cr_expect_str_eq(F("source"), "AFGGOVMIL");
    cr_expect_str_eq(F("source_text"), "Zorvia's \"envoy\"");
    cr_expect_str_eq(F("code"), "042");
    cr_expect_str_eq(F("code_name"), "Visit");
    cr_expect_str_eq(F("root_code"), "04");
    cr_expect_str_eq(F("quad_class"), "1");
    cr_expect_str_eq(F("goldstein"), "1.9");
    cr_expect_str_eq(F("plover_type"), "CONSULT");
    cr_expect_str_eq(F("plover_mode"), "visit");
    cr_expect_str_eq(F("source_country"), "AFG");
    cr_expect_str_eq(F("source_agents"), "GOVMIL");
    cr_expect_str_eq(F("target_country"), "IGO");
    cr_expect_str_eq(F("target_agents"), "UNO");
    cr_expect_str_eq(F("place_name"), "Kabul");
    cr_expect_str_eq(F("place_lat"), "34.5300");
    cr_expect_str_eq(F("place_precision"), "city");
    cr_expect_str_eq(F("date_origin"), "sentence");
    cr_expect_str_eq(F("date_text"), "on Friday");
    cr_expect_str_eq(F("story_url"), "https://example.org/a?b=1,2");
    cr_expect_str_eq(F("mentions"), "2");
    cr_expect_str_eq(F("sentence_ids"), "st,1_1;st,1_3");
#undef F
    for (int i = 0; i < nh; i++) {
        free(h[i]);
        free(v[i]);
    }
    free(out);
}

Test(formats, tsv_same_columns_as_csv)
{
    char *out = write_fmt(DY_OUT_TSV, 1);
    char *nl = strchr(out, '\n');
    *nl = '\0';
    char *h[64], *v[64];
    int nh = split_tabs(out, h, 64);
    char *line2 = nl + 1;
    line2[strlen(line2) - 1] = '\0';
    int nv = split_tabs(line2, v, 64);
    cr_assert_eq(nh, nv);
    cr_expect_eq(nh, 42);
    cr_expect_str_eq(h[41], "issues", "the last column");
    cr_expect_str_eq(v[41], "", "no issues");
    cr_expect_str_eq(v[col(h, nh, "quad_class")], "1", "Phoenix quad of 04");
    cr_expect_str_eq(v[col(h, nh, "place_text")], "Kabul");
    free(out);
}

/* The issue codes of the sentence close every TSV and CSV line, as in JSONL. */
Test(formats, issues_column)
{
    for (int csv = 0; csv <= 1; csv++) {
        char *buf = write_issues(csv ? DY_OUT_CSV : DY_OUT_TSV, 0, "SALT CARAVAN");
        size_t len = strlen(buf);
        const char *eol = csv ? "\r\n" : "\n";
        char want[64];
        snprintf(want, sizeof want, "%cissues%s", csv ? ',' : '\t', eol);
        char *nl = strstr(buf, eol);
        cr_assert_not_null(nl);
        cr_expect_eq(strncmp(nl - 6 - 1, want, strlen(want)), 0, "header ends with issues");
        snprintf(want, sizeof want, "%cSALT CARAVAN%s", csv ? ',' : '\t', eol);
        cr_expect_str_eq(buf + len - strlen(want), want);
        free(buf);
    }
}

Test(formats, jsonl)
{
    char *out = write_fmt(DY_OUT_JSONL, 0);
    json_error_t je;
    json_t *o = json_loads(out, 0, &je);
    cr_assert_not_null(o, "%s", je.text);
    cr_expect_str_eq(json_string_value(json_object_get(o, "story_id")), "st,1");
    cr_expect_str_eq(json_string_value(json_object_get(o, "source_text")), "Zorvia's \"envoy\"");
    cr_expect_eq(json_integer_value(json_object_get(o, "source_start")), 0);
    cr_expect_str_eq(json_string_value(json_object_get(o, "code_name")), "Visit");
    cr_expect_eq(json_integer_value(json_object_get(o, "quad_class")), 1);
    cr_expect(json_number_value(json_object_get(o, "goldstein")) > 1.89);
    cr_expect_str_eq(json_string_value(json_object_get(o, "plover_mode")), "visit");
    cr_expect(json_is_null(json_object_get(o, "plover_context")));
    cr_expect(json_is_true(json_object_get(o, "source_is_country")));
    cr_expect(json_is_false(json_object_get(o, "target_is_country")));
    cr_expect_str_eq(json_string_value(json_object_get(o, "target_agents")), "UNO");
    cr_expect_str_eq(json_string_value(json_object_get(o, "place_name")), "Kabul");
    cr_expect(json_number_value(json_object_get(o, "place_lon")) > 69.16);
    cr_expect_str_eq(json_string_value(json_object_get(o, "place_text")), "Kabul");
    cr_expect_str_eq(json_string_value(json_object_get(o, "date_text")), "on Friday");
    cr_expect_eq(json_integer_value(json_object_get(o, "mentions")), 2);
    cr_expect_null(json_object_get(o, "stories"), "only with --one-a-day");
    json_decref(o);
    free(out);
}

Test(formats, gdelt)
{
    char *out = write_fmt(DY_OUT_GDELT, 0);
    char *nl = strchr(out, '\n');
    *nl = '\0';
    char *h[80], *v[80];
    int nh = split_tabs(out, h, 80);
    char *line2 = nl + 1;
    line2[strlen(line2) - 1] = '\0';
    int nv = split_tabs(line2, v, 80);
    cr_assert_eq(nh, 61);
    cr_assert_eq(nv, 61);
    cr_expect_str_eq(h[0], "GLOBALEVENTID");
    cr_expect_str_eq(h[60], "SOURCEURL");
#define G(name) v[col(h, nh, name)]
    {   /* the stable event id, not a running number (test_event_id.c) */
        dyad_story s = story();
        dyad_event e = event();
        char id[24];
        snprintf(id, sizeof id, "%lld", (long long)dy_event_id(s.id, &e));
        cr_expect_str_eq(G("GLOBALEVENTID"), id);
    }
    cr_expect_str_eq(G("SQLDATE"), "20261120");
    cr_expect_str_eq(G("MonthYear"), "202611");
    cr_expect_str_eq(G("Year"), "2026");
    cr_expect_str_eq(G("Actor1Code"), "AFGGOVMIL");
    cr_expect_str_eq(G("Actor1CountryCode"), "AFG");
    cr_expect_str_eq(G("Actor1Type1Code"), "GOV");
    cr_expect_str_eq(G("Actor1Type2Code"), "MIL");
    cr_expect_str_eq(G("Actor2Code"), "IGOUNO");
    cr_expect_str_eq(G("Actor2CountryCode"), "");
    cr_expect_str_eq(G("Actor2KnownGroupCode"), "UNO");
    cr_expect_str_eq(G("Actor2Type1Code"), "IGO");
    cr_expect_str_eq(G("IsRootEvent"), "1");
    cr_expect_str_eq(G("EventCode"), "042");
    cr_expect_str_eq(G("EventBaseCode"), "042");
    cr_expect_str_eq(G("EventRootCode"), "04");
    cr_expect_str_eq(G("QuadClass"), "1");
    cr_expect_str_eq(G("GoldsteinScale"), "1.9");
    cr_expect_str_eq(G("NumMentions"), "2");
    cr_expect_str_eq(G("AvgTone"), "");
    cr_expect_str_eq(G("ActionGeo_Type"), "4");
    cr_expect_str_eq(G("ActionGeo_FullName"), "Kabul");
    cr_expect_str_eq(G("ActionGeo_Lat"), "34.5300");
    /* FIPS 10-4 in the geo columns, CAMEO's ISO alpha-3 for the actor */
    cr_expect_str_eq(G("ActionGeo_CountryCode"), "AF");
    cr_expect_str_eq(G("ActionGeo_ADM1Code"), "AF");
    cr_expect_str_eq(G("ActionGeo_ADM2Code"), "");
    cr_expect_str_eq(G("Actor1Geo_Type"), "");
    cr_expect_str_eq(G("Actor1Geo_CountryCode"), "");
    cr_expect_str_eq(G("DATEADDED"), "20261120000000");
    cr_expect_str_eq(G("SOURCEURL"), "https://example.org/a?b=1,2");
#undef G
    free(out);
}

/* The ActionGeo columns (type, name, country, ADM1, ADM2, lat, lon,
 * FeatureID) of the test event placed at pl, tab-separated. */
static void gdelt_action_geo(const dyad_place *pl, char *geo, size_t n)
{
    char *out = write_event(DY_OUT_GDELT, 0, NULL, pl);
    char *line2 = strchr(out, '\n') + 1;
    line2[strlen(line2) - 1] = '\0';
    char *v[80];
    cr_assert_eq(split_tabs(line2, v, 80), 61);
    snprintf(geo, n, "%s|%s|%s|%s|%s|%s", v[51], v[52], v[53], v[54], v[55], v[58]);
    free(out);
}

/* FeatureID as GDELT 2.0 fills it for country and US-state matches; empty
 * where the gazetteer has no GNS/GNIS number (cities, world regions). */
Test(formats, gdelt_feature_id)
{
    char geo[256];
    dyad_place country = {0}, state = {0}, region = {0};
    country.name = "Germany";
    country.country = "DEU";
    country.precision = DYAD_PLACE_COUNTRY;
    gdelt_action_geo(&country, geo, sizeof geo);
    cr_expect_str_eq(geo, "1|Germany|GM|GM||GM");
    state.name = "California";
    state.country = "USA";
    state.precision = DYAD_PLACE_REGION;
    gdelt_action_geo(&state, geo, sizeof geo);
    cr_expect_str_eq(geo, "2|California|US|USCA||CA");
    region.name = "Punjab";
    region.country = "PAK";
    region.precision = DYAD_PLACE_REGION;
    gdelt_action_geo(&region, geo, sizeof geo);
    cr_expect_str_eq(geo, "5|Punjab|PK|PK||");
    gdelt_action_geo(NULL, geo, sizeof geo);
    cr_expect_str_eq(geo, "4|Kabul|AF|AF||");
}

Test(formats, petrarch_and_tabari)
{
    char *out = write_fmt(DY_OUT_PETRARCH, 0);
    char *v[16];
    out[strlen(out) - 1] = '\0';
    int n = split_tabs(out, v, 16);
    cr_assert_eq(n, 8);
    cr_expect_str_eq(v[0], "20261120");
    cr_expect_str_eq(v[1], "AFGGOVMIL");
    cr_expect_str_eq(v[2], "IGOUNO");
    cr_expect_str_eq(v[3], "042");
    cr_expect_str_eq(v[4], "");
    cr_expect_str_eq(v[5], "st,1_1;st,1_3");
    cr_expect_str_eq(v[6], "https://example.org/a?b=1,2");
    cr_expect_str_eq(v[7], "Wire");
    free(out);
    out = write_fmt(DY_OUT_TABARI, 0);
    out[strlen(out) - 1] = '\0';
    n = split_tabs(out, v, 16);
    cr_assert_eq(n, 5);
    cr_expect_str_eq(v[0], "261120");
    cr_expect_str_eq(v[3], "042");
    cr_expect_str_eq(v[4], "(VISIT) VISITED");
    free(out);
}
