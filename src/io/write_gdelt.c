/* write_gdelt.c — one event as a row of the GDELT 2.0 event table: its 61
 * columns in GDELT's order and names, empty where dyad knows nothing
 * (tab-separated, with a header; docs/formats.md lists each column). */
#include <string.h>

#include "event/place.h"
#include "io/writer.h"

static const char *const columns[] = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
};

/* CAMEO type codes GDELT puts in Actor*Type*Code; religions in Religion*Code. */
static const char *const types[] = {
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS",
    "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF",
    "MOD", "RAD", "AMN", "IRC", "GRP", "UNO", "PKO", "UIS", "IGO", "IMG", "INT", "MNC",
    "NGM", "NGO", "SET", "LLY", "PTY", NULL
};
static const char *const religions[] = {
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "JAN", "JEW",
    "JIN", "HIN", "HSD", "MOS", "MRM", "NRM", "OTH", "PAG", "PRO", "SFI", "SHI", "SHN",
    "SIK", "SUN", "TAO", "ZRO", NULL
};
/* Groups that name an organisation rather than a country. */
static const char *const orgs[] = {"IGO", "NGO", "NGM", "MNC", "IMG", NULL};

static int in(const char *g, const char *const *set)
{
    for (; *set; set++)
        if (!strncmp(g, *set, 3))
            return 1;
    return 0;
}

static void clean(dy_strbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dy_strbuf_addc(b, s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
}

/* Actor code, name, country, known group, ethnic, 2 religions, 3 types. */
static void actor(dy_strbuf *b, const dyad_story *st, const char *code, dyad_span sp,
                  const dyad_actor_parts *p)
{
    const char *type[3] = {0}, *rel[2] = {0}, *known = NULL;
    int nt = 0, nr = 0;
    char groups[12][4];
    int ng = 0;
    /* all 3-letter groups: the first (country or org) then the agents */
    if (p->country[0])
        memcpy(groups[ng++], p->country, 4);
    for (size_t i = 0; p->agents[i] && p->agents[i + 1] && p->agents[i + 2] && ng < 12; i += 3) {
        memcpy(groups[ng], p->agents + i, 3);
        groups[ng++][3] = '\0';
    }
    for (int g = 0; g < ng; g++) {
        if (g == 0 && p->is_country)
            continue;
        if (g == 0 && in(groups[g], orgs)) {
            if (nt < 3)
                type[nt++] = groups[g];
            if (ng > 1 && !known)
                known = groups[1];
            continue;
        }
        if (known && groups[g] == known)
            continue;
        if (in(groups[g], religions) && nr < 2)
            rel[nr++] = groups[g];
        else if (in(groups[g], types) && nt < 3)
            type[nt++] = groups[g];
    }
    dy_strbuf_printf(b, "\t%s\t", code ? code : "");
    if (sp.end > sp.start && sp.end <= st->text_len)
        clean(b, st->text + sp.start, sp.end - sp.start);
    dy_strbuf_printf(b, "\t%s\t%s\t", p->is_country ? p->country : "", known ? known : "");
    dy_strbuf_printf(b, "\t%s\t%s", rel[0] ? rel[0] : "", rel[1] ? rel[1] : "");
    for (int i = 0; i < 3; i++)
        dy_strbuf_printf(b, "\t%s", type[i] ? type[i] : "");
}

/* GDELT geo types: 1 country, 3/4 city (US/world), 2/5 state (US/world).
 * Country and ADM1 codes are FIPS 10-4, as GDELT's; ADM2 is empty. FeatureID
 * is, as in GDELT 2.0, the FIPS code of a country match and the postal code
 * of a US state (USCA: CA); cities' GNS/GNIS numbers and world ADM1 codes
 * are not in the gazetteer, so it is empty for types 3, 4 and 5. */
static void geo(dy_strbuf *b, const dyad_place *pl)
{
    if (pl->precision == DYAD_PLACE_NONE) {
        dy_strbuf_adds(b, "\t\t\t\t\t\t\t\t");
        return;
    }
    int us = pl->country && !strcmp(pl->country, "USA");
    int type = pl->precision == DYAD_PLACE_COUNTRY ? 1
             : pl->precision == DYAD_PLACE_REGION ? (us ? 2 : 5)
                                                  : (us ? 3 : 4);
    const char *fips = dy_place_fips(pl);
    char adm1[5];
    dy_place_adm1(pl, adm1);
    const char *feature = type == 1 && fips ? fips : type == 2 && adm1[2] ? adm1 + 2 : "";
    dy_strbuf_printf(b, "\t%d\t%s\t%s\t%s\t\t%.4f\t%.4f\t%s", type, pl->name ? pl->name : "",
                     fips ? fips : "", adm1, pl->lat, pl->lon, feature);
}

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static double fraction_date(int ymd)
{
    static const int before[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    if (m < 1 || m > 12)
        return y;
    int doy = before[m - 1] + d + (m > 2 && leap(y));
    return y + doy / 365.0;
}

void dy_gdelt_header(dy_strbuf *b)
{
    for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++) {
        if (i)
            dy_strbuf_addc(b, '\t');
        dy_strbuf_adds(b, columns[i]);
    }
    dy_strbuf_addc(b, '\n');
}

void dy_gdelt_event(dy_strbuf *b, const dy_out_event *o)
{
    const dyad_event *ev = o->ev;
    const dyad_story *st = o->story;
    const char *code = ev->code ? ev->code : "";
    int date = ev->date;
    dy_strbuf_printf(b, "%lld\t%08d\t%06d\t%04d\t%.4f", (long long)o->event_id, date, date / 100, date / 10000,
                     fraction_date(date));
    actor(b, st, ev->source, ev->source_span, &ev->source_parts);
    actor(b, st, ev->target, ev->target_span, &ev->target_parts);
    char base[4] = "";
    if (strlen(code) >= 3)
        memcpy(base, code, 3);
    int quad = o->opt->quad_phoenix ? ev->quad_phoenix : ev->quad_class;
    dy_strbuf_printf(b, "\t%d\t%s\t%s\t%s\t", ev->sentence == 1, code, base,
                     ev->root_code ? ev->root_code : "");
    if (ev->root_code && ev->root_code[0])
        dy_strbuf_printf(b, "%d", quad);
    dy_strbuf_addc(b, '\t');
    if (ev->has_goldstein)
        dy_strbuf_printf(b, "%.1f", ev->goldstein);
    int articles = o->x.n_stories ? o->x.n_stories : 1;
    dy_strbuf_printf(b, "\t%d\t%d\t%d\t", o->x.mentions, 1, articles);   /* AvgTone empty */
    dyad_place none = {0};
    geo(b, &none);   /* Actor1Geo: where the actor is from is not coded */
    geo(b, &none);
    geo(b, &ev->place);
    dy_strbuf_printf(b, "\t%08d000000\t", st->date ? st->date : date);
    if (st->url)
        clean(b, st->url, strlen(st->url));
    dy_strbuf_addc(b, '\n');
}
