/* test_place.c — places named in sentences (our own): cities, regions and
 * countries, ties broken by the actors' countries; the compiled gazetteer
 * agrees with data/gazetteer.tsv and holds every ISO 3166 country. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "event/place.h"
#include "text/token.h"

static dyad_place place(const char *text, const char *p1, const char *p2)
{
    dy_arena a;
    dy_arena_init(&a, 4096);
    dy_tokens toks;
    int trunc = 0;
    dyad_error err = {0};
    cr_assert_eq(dy_tokenize(&a, text, 0, strlen(text), 256, &toks, &trunc, &err), DYAD_OK);
    dyad_place pl;
    dy_place_find(&toks, p1, p2, &pl);
    dy_arena_free(&a);
    return pl;
}

static void expect(const char *text, const char *name, const char *iso3,
                   dyad_place_precision prec, const char *words)
{
    dyad_place pl = place(text, NULL, NULL);
    cr_assert_eq(pl.precision, prec, "%s", text);
    if (prec == DYAD_PLACE_NONE)
        return;
    cr_expect_str_eq(pl.name, name, "%s", text);
    cr_expect_str_eq(pl.country, iso3, "%s", text);
    char w[128];
    snprintf(w, sizeof w, "%.*s", (int)(pl.span.end - pl.span.start), text + pl.span.start);
    cr_expect_str_eq(w, words, "%s", text);
}

Test(place, cities)
{
    expect("Zorvian envoys met Quelland officials in Istanbul on Monday.", "Istanbul", "TUR",
           DYAD_PLACE_CITY, "Istanbul");
    expect("Shelling near Kharkiv wounded two.", "Kharkiv", "UKR", DYAD_PLACE_CITY, "Kharkiv");
    expect("Protesters gathered outside Kabul.", "Kabul", "AFG", DYAD_PLACE_CITY, "Kabul");
    expect("Talks in Ho Chi Minh City ended.", "Ho Chi Minh City", "VNM", DYAD_PLACE_CITY,
           "Ho Chi Minh City");
    expect("Clashes in the city of Aleppo went on.", "Aleppo", "SYR", DYAD_PLACE_CITY, "Aleppo");
    expect("The summit in Port-au-Prince opened.", "Port-au-Prince", "HTI", DYAD_PLACE_CITY,
           "Port-au-Prince");
    expect("Aid arrived in Kiev.", "Kyiv", "UKR", DYAD_PLACE_CITY, "Kiev");
    /* the most precise place wins: "in Istanbul, in Turkey" */
    expect("Talks in Turkey took place in Istanbul.", "Istanbul", "TUR", DYAD_PLACE_CITY,
           "Istanbul");
}

Test(place, regions_and_countries)
{
    expect("Fighting flared in northern Syria.", "Syria", "SYR", DYAD_PLACE_COUNTRY, "Syria");
    expect("Troops massed at the border with Lebanon.", "Lebanon", "LBN", DYAD_PLACE_COUNTRY,
           "Lebanon");
    expect("Raids in Syria's Idlib province killed four.", "Idlib", "SYR", DYAD_PLACE_REGION,
           "Idlib province");
    expect("Voters in California rejected it.", "California", "USA", DYAD_PLACE_REGION,
           "California");
    expect("Floods in the Gaza Strip worsened.", "Gaza Strip", "PSE", DYAD_PLACE_REGION,
           "Gaza Strip");
    expect("Zorvia praised Quelland in war-torn Yemen.", "Yemen", "YEM", DYAD_PLACE_COUNTRY,
           "Yemen");
}

Test(place, nothing_and_ties)
{
    expect("Zorvia praised Quelland.", NULL, NULL, DYAD_PLACE_NONE, NULL);
    expect("Zorvia believes in peace.", NULL, NULL, DYAD_PLACE_NONE, NULL);
    expect("Kabul criticized Quelland.", NULL, NULL, DYAD_PLACE_NONE, NULL);   /* no preposition */
    /* Georgia: the country first; a US actor picks the state */
    dyad_place pl = place("Storms hit towns in Georgia.", NULL, NULL);
    cr_expect_str_eq(pl.country, "GEO");
    pl = place("Storms hit towns in Georgia.", "USA", NULL);
    cr_expect_str_eq(pl.country, "USA");
    cr_expect_eq(pl.precision, DYAD_PLACE_REGION);
    pl = place("A rally in Tripoli ended.", NULL, "LBN");
    cr_expect_str_eq(pl.name, "Tripoli, Lebanon");
    pl = place("A rally in Tripoli ended.", NULL, NULL);
    cr_expect_str_eq(pl.country, "LBY");
}

Test(place, iso3)
{
    cr_expect(dy_iso3_known("USA"));
    cr_expect(dy_iso3_known("SSD"));
    cr_expect(!dy_iso3_known("IGO"));
    cr_expect(!dy_iso3_known("GOV"));
}

/* The sorted code list answers as a scan of the country rows would, for
 * every three capital letters. */
Test(place, iso3_list_matches_rows)
{
    size_t n;
    const dy_gaz_entry *rows = dy_gazetteer(&n);
    char code[4] = "AAA";
    for (int a = 'A'; a <= 'Z'; a++)
        for (int b = 'A'; b <= 'Z'; b++)
            for (int c = 'A'; c <= 'Z'; c++) {
                code[0] = (char)a, code[1] = (char)b, code[2] = (char)c;
                int scan = 0;
                for (size_t i = 0; i < n && !scan; i++)
                    scan = rows[i].kind == DYAD_PLACE_COUNTRY && !memcmp(rows[i].iso3, code, 3);
                cr_assert_eq(dy_iso3_known(code), scan, "%s", code);
            }
}

/* data/gazetteer.tsv (run from the repository root) and the compiled table
 * hold the same rows, in order. */
Test(place, tsv_matches_compiled)
{
    FILE *f = fopen("data/gazetteer.tsv", "r");
    if (!f) {
        printf("skipped: data/gazetteer.tsv not found (run from the repository root)\n");
        return;
    }
    size_t n, row = 0;
    const dy_gaz_entry *rows = dy_gazetteer(&n);
    char line[512];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char kind, iso[8], name[160];
        double lat, lon;
        cr_assert_eq(sscanf(line, "%c\t%7s\t%lf\t%lf\t%159[^\t\n]", &kind, iso, &lat, &lon, name),
                     5, "%s", line);
        cr_assert_lt(row, n, "the TSV has more rows: run sh tools/gen_gazetteer.sh");
        cr_expect_str_eq(rows[row].name, name);
        cr_expect_str_eq(rows[row].iso3, iso);
        cr_expect(rows[row].lat > lat - 0.01 && rows[row].lat < lat + 0.01, "%s", name);
        cr_expect(rows[row].lon > lon - 0.01 && rows[row].lon < lon + 0.01, "%s", name);
        cr_expect(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180, "%s", name);
        row++;
    }
    fclose(f);
    cr_expect_eq(row, n, "the compiled table has more rows: run sh tools/gen_gazetteer.sh");
    cr_expect_gt(n, 1000);
}
