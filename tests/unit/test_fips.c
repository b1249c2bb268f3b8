/* test_fips.c — GDELT's place codes: every gazetteer country has a FIPS 10-4
 * code or is documented as having none, well-known pairs, US ADM1 codes. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event/place.h"

/* ISO3 codes of the gazetteer that FIPS 10-4 gives no code (docs/formats.md). */
static const char *const unmapped[] = {"UMI", NULL};

static int is_unmapped(const char *iso3)
{
    for (const char *const *u = unmapped; *u; u++)
        if (!strncmp(*u, iso3, 3))
            return 1;
    return 0;
}

static int two_capitals(const char *s)
{
    return s && strlen(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

/* The gazetteer row named name (of country iso3). */
static dyad_place gaz_place(const char *name, const char *iso3)
{
    size_t n;
    const dy_gaz_entry *rows = dy_gazetteer(&n);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(rows[i].name, name) && !strcmp(rows[i].iso3, iso3)) {
            dyad_place pl = {rows[i].name, rows[i].iso3, rows[i].lat, rows[i].lon,
                             (dyad_place_precision)rows[i].kind, {0, 0}};
            return pl;
        }
    cr_assert_fail("%s (%s) is not in the gazetteer", name, iso3);
    dyad_place none = {0};
    return none;
}

static void expect_adm1(const char *name, const char *iso3, const char *fips, const char *adm1)
{
    dyad_place pl = gaz_place(name, iso3);
    const char *f = dy_place_fips(&pl);
    cr_expect_str_eq(f ? f : "", fips, "%s", name);
    char got[5];
    dy_place_adm1(&pl, got);
    cr_expect_str_eq(got, adm1, "%s", name);
}

/* Every code a gazetteer row can put in a place maps to two capital letters,
 * or is listed as unmapped (and then named in docs/formats.md). */
Test(fips, every_gazetteer_code)
{
    size_t n, mapped = 0, none = 0;
    const dy_gaz_entry *rows = dy_gazetteer(&n);
    for (size_t i = 0; i < n; i++) {
        const char *f = dy_fips_country(rows[i].iso3);
        if (is_unmapped(rows[i].iso3))
            cr_expect_null(f, "%s is listed as unmapped", rows[i].iso3);
        else
            cr_expect(two_capitals(f), "%s (%s) -> %s", rows[i].iso3, rows[i].name,
                      f ? f : "NULL");
        if (rows[i].kind == DYAD_PLACE_COUNTRY && f)
            mapped++;
        else if (rows[i].kind == DYAD_PLACE_COUNTRY)
            none++;
    }
    cr_expect_eq(mapped, 249);
    cr_expect_eq(none, 1);
    FILE *doc = fopen("docs/formats.md", "r");
    if (!doc) {
        printf("skipped: docs/formats.md not found (run from the repository root)\n");
        return;
    }
    static char text[1 << 16];
    size_t len = fread(text, 1, sizeof text - 1, doc);
    fclose(doc);
    text[len] = '\0';
    for (const char *const *u = unmapped; *u; u++) {
        char quoted[8];
        snprintf(quoted, sizeof quoted, "`%s`", *u);
        cr_expect_not_null(strstr(text, quoted), "%s is not documented", *u);
    }
}

/* Well-known pairs, most of them unlike the ISO alpha-2 code. */
Test(fips, well_known_pairs)
{
    static const char *const pairs[][2] = {
        {"DEU", "GM"}, {"GBR", "UK"}, {"CHN", "CH"}, {"RUS", "RS"}, {"ISR", "IS"},
        {"IRQ", "IZ"}, {"IRN", "IR"}, {"AUT", "AU"}, {"AUS", "AS"}, {"ZAF", "SF"},
        {"JPN", "JA"}, {"KOR", "KS"}, {"PRK", "KN"}, {"USA", "US"}, {"FRA", "FR"},
        {"ESP", "SP"}, {"CHE", "SZ"}, {"SWE", "SW"}, {"DNK", "DA"}, {"IRL", "EI"},
        {"PRT", "PO"}, {"POL", "PL"}, {"UKR", "UP"}, {"BLR", "BO"}, {"TUR", "TU"},
        {"SYR", "SY"}, {"LBN", "LE"}, {"YEM", "YM"}, {"OMN", "MU"}, {"SDN", "SU"},
        {"SSD", "OD"}, {"NGA", "NI"}, {"NER", "NG"}, {"DZA", "AG"}, {"MAR", "MO"},
        {"TUN", "TS"}, {"VNM", "VM"}, {"PHL", "RP"}, {"MMR", "BM"}, {"KHM", "CB"},
        {"LKA", "CE"}, {"BGD", "BG"}, {"SGP", "SN"}, {"CHL", "CI"}, {"HTI", "HA"},
        {"NIC", "NU"}, {"PRY", "PA"}, {"PAN", "PM"}, {"CZE", "EZ"}, {"SVK", "LO"},
        {"SRB", "RI"}, {"MNE", "MJ"}, {"XKX", "KV"}, {"BIH", "BK"}, {"GEO", "GG"},
        {"AZE", "AJ"}, {"TJK", "TI"}, {"TKM", "TX"}, {"LVA", "LG"}, {"LTU", "LH"},
        {"EST", "EN"}, {"BGR", "BU"}, {"COD", "CG"}, {"COG", "CF"}, {"CAF", "CT"},
        {"TCD", "CD"}, {"BFA", "UV"}, {"BDI", "BY"}, {"NAM", "WA"}, {"ZMB", "ZA"},
        {"ZWE", "ZI"}, {"MDG", "MA"}, {"ESH", "WI"}, {"PRI", "RQ"}, {"CUW", "UC"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        const char *f = dy_fips_country(pairs[i][0]);
        cr_expect_str_eq(f ? f : "NULL", pairs[i][1], "%s", pairs[i][0]);
    }
    cr_expect_null(dy_fips_country("ZZZ"));
    cr_expect_null(dy_fips_country("IGO"));
    cr_expect_null(dy_fips_country(NULL));
}

/* FIPS splits the Palestinian territories: Gaza Strip GZ, West Bank WE. */
Test(fips, palestine)
{
    static const char *const gaza[] = {"Gaza Strip", "Gaza City", "Rafah", "Khan Younis"};
    size_t n, seen = 0;
    const dy_gaz_entry *rows = dy_gazetteer(&n);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(rows[i].iso3, "PSE"))
            continue;
        int in_gaza = 0;
        for (size_t g = 0; g < sizeof gaza / sizeof gaza[0]; g++)
            in_gaza |= !strcmp(rows[i].name, gaza[g]);
        expect_adm1(rows[i].name, "PSE", in_gaza ? "GZ" : "WE", in_gaza ? "GZ" : "WE");
        seen++;
    }
    cr_expect_geq(seen, 10);
}

/* US states and cities: "US" + postal code; every US row of the gazetteer
 * has one, and the 50 states are all there, once each. */
Test(fips, us_adm1)
{
    size_t n, states = 0;
    char seen[26][26] = {{0}};
    const dy_gaz_entry *rows = dy_gazetteer(&n);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(rows[i].iso3, "USA") || rows[i].kind == DYAD_PLACE_COUNTRY)
            continue;
        const char *st = dy_us_state(rows[i].name);
        cr_assert(two_capitals(st), "%s has no state", rows[i].name);
        char want[5] = "US";
        memcpy(want + 2, st, 3);
        expect_adm1(rows[i].name, "USA", "US", want);
        if (rows[i].kind == DYAD_PLACE_REGION) {
            cr_expect(!seen[st[0] - 'A'][st[1] - 'A'], "%s twice", st);
            seen[st[0] - 'A'][st[1] - 'A'] = 1;
            states++;
        }
    }
    cr_expect_eq(states, 50);
    expect_adm1("California", "USA", "US", "USCA");
    expect_adm1("Washington", "USA", "US", "USDC");
    expect_adm1("Washington State", "USA", "US", "USWA");
    expect_adm1("New York", "USA", "US", "USNY");
    expect_adm1("Georgia", "USA", "US", "USGA");
    expect_adm1("Kansas City", "USA", "US", "USMO");
    expect_adm1("United States", "USA", "US", "US");
    cr_expect_null(dy_us_state("Paris"));
}

/* Elsewhere ADM1 is the country's FIPS code; nothing for no place. */
Test(fips, adm1_elsewhere)
{
    expect_adm1("Georgia", "GEO", "GG", "GG");
    expect_adm1("Germany", "DEU", "GM", "GM");
    expect_adm1("London", "GBR", "UK", "UK");
    expect_adm1("Xinjiang", "CHN", "CH", "CH");
    expect_adm1("United States Minor Outlying Islands", "UMI", "", "");
    dyad_place none = {0};
    char got[5] = "x";
    cr_expect_null(dy_place_fips(&none));
    dy_place_adm1(&none, got);
    cr_expect_str_eq(got, "");
    dyad_place odd = {"Atlantis", "ZZZ", 0, 0, DYAD_PLACE_CITY, {0, 0}};
    cr_expect_null(dy_place_fips(&odd));
    dy_place_adm1(&odd, got);
    cr_expect_str_eq(got, "");
}
