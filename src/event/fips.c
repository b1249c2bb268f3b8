/* fips.c — the codes GDELT writes for places: FIPS 10-4 country codes ("GM",
 * "UK") for ISO 3166 alpha-3 ones, and ADM1 codes ("USCA") for US places. */
#include <string.h>

#include "event/place.h"

/* FIPS 10-4 code of every country row of the gazetteer, sorted by ISO3 for
 * binary search; "" where FIPS has none. Where FIPS has no code of its own
 * the place's FIPS parent is written: ALA (Aland) FI, BES (Bonaire, Sint
 * Eustatius, Saba) NL. SJM is SV (Svalbard; FIPS's JN, Jan Mayen, is not told
 * apart), XKX (Kosovo) is KV, PSE is split by dy_place_fips, and UMI (the US
 * minor islands, nine FIPS codes) has none. */
static const struct {
    char iso3[4];
    char fips[3];
} countries[] = {
    {"ABW", "AA"}, {"AFG", "AF"}, {"AGO", "AO"}, {"AIA", "AV"}, {"ALA", "FI"},
    {"ALB", "AL"}, {"AND", "AN"}, {"ARE", "AE"}, {"ARG", "AR"}, {"ARM", "AM"},
    {"ASM", "AQ"}, {"ATA", "AY"}, {"ATF", "FS"}, {"ATG", "AC"}, {"AUS", "AS"},
    {"AUT", "AU"}, {"AZE", "AJ"}, {"BDI", "BY"}, {"BEL", "BE"}, {"BEN", "BN"},
    {"BES", "NL"}, {"BFA", "UV"}, {"BGD", "BG"}, {"BGR", "BU"}, {"BHR", "BA"},
    {"BHS", "BF"}, {"BIH", "BK"}, {"BLM", "TB"}, {"BLR", "BO"}, {"BLZ", "BH"},
    {"BMU", "BD"}, {"BOL", "BL"}, {"BRA", "BR"}, {"BRB", "BB"}, {"BRN", "BX"},
    {"BTN", "BT"}, {"BVT", "BV"}, {"BWA", "BC"}, {"CAF", "CT"}, {"CAN", "CA"},
    {"CCK", "CK"}, {"CHE", "SZ"}, {"CHL", "CI"}, {"CHN", "CH"}, {"CIV", "IV"},
    {"CMR", "CM"}, {"COD", "CG"}, {"COG", "CF"}, {"COK", "CW"}, {"COL", "CO"},
    {"COM", "CN"}, {"CPV", "CV"}, {"CRI", "CS"}, {"CUB", "CU"}, {"CUW", "UC"},
    {"CXR", "KT"}, {"CYM", "CJ"}, {"CYP", "CY"}, {"CZE", "EZ"}, {"DEU", "GM"},
    {"DJI", "DJ"}, {"DMA", "DO"}, {"DNK", "DA"}, {"DOM", "DR"}, {"DZA", "AG"},
    {"ECU", "EC"}, {"EGY", "EG"}, {"ERI", "ER"}, {"ESH", "WI"}, {"ESP", "SP"},
    {"EST", "EN"}, {"ETH", "ET"}, {"FIN", "FI"}, {"FJI", "FJ"}, {"FLK", "FK"},
    {"FRA", "FR"}, {"FRO", "FO"}, {"FSM", "FM"}, {"GAB", "GB"}, {"GBR", "UK"},
    {"GEO", "GG"}, {"GGY", "GK"}, {"GHA", "GH"}, {"GIB", "GI"}, {"GIN", "GV"},
    {"GLP", "GP"}, {"GMB", "GA"}, {"GNB", "PU"}, {"GNQ", "EK"}, {"GRC", "GR"},
    {"GRD", "GJ"}, {"GRL", "GL"}, {"GTM", "GT"}, {"GUF", "FG"}, {"GUM", "GQ"},
    {"GUY", "GY"}, {"HKG", "HK"}, {"HMD", "HM"}, {"HND", "HO"}, {"HRV", "HR"},
    {"HTI", "HA"}, {"HUN", "HU"}, {"IDN", "ID"}, {"IMN", "IM"}, {"IND", "IN"},
    {"IOT", "IO"}, {"IRL", "EI"}, {"IRN", "IR"}, {"IRQ", "IZ"}, {"ISL", "IC"},
    {"ISR", "IS"}, {"ITA", "IT"}, {"JAM", "JM"}, {"JEY", "JE"}, {"JOR", "JO"},
    {"JPN", "JA"}, {"KAZ", "KZ"}, {"KEN", "KE"}, {"KGZ", "KG"}, {"KHM", "CB"},
    {"KIR", "KR"}, {"KNA", "SC"}, {"KOR", "KS"}, {"KWT", "KU"}, {"LAO", "LA"},
    {"LBN", "LE"}, {"LBR", "LI"}, {"LBY", "LY"}, {"LCA", "ST"}, {"LIE", "LS"},
    {"LKA", "CE"}, {"LSO", "LT"}, {"LTU", "LH"}, {"LUX", "LU"}, {"LVA", "LG"},
    {"MAC", "MC"}, {"MAF", "RN"}, {"MAR", "MO"}, {"MCO", "MN"}, {"MDA", "MD"},
    {"MDG", "MA"}, {"MDV", "MV"}, {"MEX", "MX"}, {"MHL", "RM"}, {"MKD", "MK"},
    {"MLI", "ML"}, {"MLT", "MT"}, {"MMR", "BM"}, {"MNE", "MJ"}, {"MNG", "MG"},
    {"MNP", "CQ"}, {"MOZ", "MZ"}, {"MRT", "MR"}, {"MSR", "MH"}, {"MTQ", "MB"},
    {"MUS", "MP"}, {"MWI", "MI"}, {"MYS", "MY"}, {"MYT", "MF"}, {"NAM", "WA"},
    {"NCL", "NC"}, {"NER", "NG"}, {"NFK", "NF"}, {"NGA", "NI"}, {"NIC", "NU"},
    {"NIU", "NE"}, {"NLD", "NL"}, {"NOR", "NO"}, {"NPL", "NP"}, {"NRU", "NR"},
    {"NZL", "NZ"}, {"OMN", "MU"}, {"PAK", "PK"}, {"PAN", "PM"}, {"PCN", "PC"},
    {"PER", "PE"}, {"PHL", "RP"}, {"PLW", "PS"}, {"PNG", "PP"}, {"POL", "PL"},
    {"PRI", "RQ"}, {"PRK", "KN"}, {"PRT", "PO"}, {"PRY", "PA"}, {"PSE", "WE"},
    {"PYF", "FP"}, {"QAT", "QA"}, {"REU", "RE"}, {"ROU", "RO"}, {"RUS", "RS"},
    {"RWA", "RW"}, {"SAU", "SA"}, {"SDN", "SU"}, {"SEN", "SG"}, {"SGP", "SN"},
    {"SGS", "SX"}, {"SHN", "SH"}, {"SJM", "SV"}, {"SLB", "BP"}, {"SLE", "SL"},
    {"SLV", "ES"}, {"SMR", "SM"}, {"SOM", "SO"}, {"SPM", "SB"}, {"SRB", "RI"},
    {"SSD", "OD"}, {"STP", "TP"}, {"SUR", "NS"}, {"SVK", "LO"}, {"SVN", "SI"},
    {"SWE", "SW"}, {"SWZ", "WZ"}, {"SXM", "NN"}, {"SYC", "SE"}, {"SYR", "SY"},
    {"TCA", "TK"}, {"TCD", "CD"}, {"TGO", "TO"}, {"THA", "TH"}, {"TJK", "TI"},
    {"TKL", "TL"}, {"TKM", "TX"}, {"TLS", "TT"}, {"TON", "TN"}, {"TTO", "TD"},
    {"TUN", "TS"}, {"TUR", "TU"}, {"TUV", "TV"}, {"TWN", "TW"}, {"TZA", "TZ"},
    {"UGA", "UG"}, {"UKR", "UP"}, {"UMI", ""}, {"URY", "UY"}, {"USA", "US"}, {"UZB", "UZ"},
    {"VAT", "VT"}, {"VCT", "VC"}, {"VEN", "VE"}, {"VGB", "VI"}, {"VIR", "VQ"},
    {"VNM", "VM"}, {"VUT", "NH"}, {"WLF", "WF"}, {"WSM", "WS"}, {"XKX", "KV"},
    {"YEM", "YM"}, {"ZAF", "SF"}, {"ZMB", "ZA"}, {"ZWE", "ZI"},
};

/* GDELT's ADM1 code of US places is "US" + the state's postal code. Keyed by
 * the gazetteer's names of US regions and cities (test_fips checks that
 * every one is here). */
static const struct {
    const char *name;
    char state[3];
} us_places[] = {
    /* states */
    {"Alabama", "AL"}, {"Alaska", "AK"}, {"Arizona", "AZ"}, {"Arkansas", "AR"},
    {"California", "CA"}, {"Colorado", "CO"}, {"Connecticut", "CT"}, {"Delaware", "DE"},
    {"Florida", "FL"}, {"Georgia", "GA"}, {"Hawaii", "HI"}, {"Idaho", "ID"},
    {"Illinois", "IL"}, {"Indiana", "IN"}, {"Iowa", "IA"}, {"Kansas", "KS"},
    {"Kentucky", "KY"}, {"Louisiana", "LA"}, {"Maine", "ME"}, {"Maryland", "MD"},
    {"Massachusetts", "MA"}, {"Michigan", "MI"}, {"Minnesota", "MN"}, {"Mississippi", "MS"},
    {"Missouri", "MO"}, {"Montana", "MT"}, {"Nebraska", "NE"}, {"Nevada", "NV"},
    {"New Hampshire", "NH"}, {"New Jersey", "NJ"}, {"New Mexico", "NM"},
    {"New York State", "NY"}, {"North Carolina", "NC"}, {"North Dakota", "ND"},
    {"Ohio", "OH"}, {"Oklahoma", "OK"}, {"Oregon", "OR"}, {"Pennsylvania", "PA"},
    {"Rhode Island", "RI"}, {"South Carolina", "SC"}, {"South Dakota", "SD"},
    {"Tennessee", "TN"}, {"Texas", "TX"}, {"Utah", "UT"}, {"Vermont", "VT"},
    {"Virginia", "VA"}, {"Washington State", "WA"}, {"West Virginia", "WV"},
    {"Wisconsin", "WI"}, {"Wyoming", "WY"},
    /* cities: the state they lie in ("Washington" is the District of Columbia) */
    {"Washington", "DC"}, {"New York", "NY"}, {"Los Angeles", "CA"}, {"Chicago", "IL"},
    {"Houston", "TX"}, {"Phoenix", "AZ"}, {"Philadelphia", "PA"}, {"San Antonio", "TX"},
    {"San Diego", "CA"}, {"Dallas", "TX"}, {"San Jose, California", "CA"}, {"Austin", "TX"},
    {"Jacksonville", "FL"}, {"Fort Worth", "TX"}, {"Columbus", "OH"}, {"San Francisco", "CA"},
    {"Charlotte", "NC"}, {"Indianapolis", "IN"}, {"Seattle", "WA"}, {"Denver", "CO"},
    {"Boston", "MA"}, {"Las Vegas", "NV"}, {"Nashville", "TN"}, {"Detroit", "MI"},
    {"Portland", "OR"}, {"Memphis", "TN"}, {"Baltimore", "MD"}, {"Milwaukee", "WI"},
    {"Albuquerque", "NM"}, {"Tucson", "AZ"}, {"Fresno", "CA"}, {"Sacramento", "CA"},
    {"Kansas City", "MO"}, {"Atlanta", "GA"}, {"Miami", "FL"}, {"Minneapolis", "MN"},
    {"New Orleans", "LA"}, {"Tampa", "FL"}, {"Orlando", "FL"}, {"Pittsburgh", "PA"},
    {"St. Louis", "MO"}, {"Cincinnati", "OH"}, {"Cleveland", "OH"}, {"Salt Lake City", "UT"},
    {"Honolulu", "HI"}, {"Anchorage", "AK"}, {"Virginia Beach", "VA"},
    {"Oklahoma City", "OK"}, {"Louisville", "KY"}, {"Raleigh", "NC"},
    {"Birmingham, Alabama", "AL"},
};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* FIPS splits the Palestinian territories in two: all of the Gaza Strip lies
 * west of this longitude, all of the West Bank east of it. */
#define GAZA_WEST_OF_LON 34.7

const char *dy_fips_country(const char *iso3)
{
    if (!iso3)
        return NULL;
    size_t lo = 0, hi = N_OF(countries);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strncmp(countries[mid].iso3, iso3, 4);
        if (c == 0)
            return countries[mid].fips[0] ? countries[mid].fips : NULL;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const char *dy_place_fips(const dyad_place *pl)
{
    if (pl->precision == DYAD_PLACE_NONE || !pl->country)
        return NULL;
    if (!strcmp(pl->country, "PSE"))
        return pl->lon < GAZA_WEST_OF_LON ? "GZ" : "WE";
    return dy_fips_country(pl->country);
}

const char *dy_us_state(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < N_OF(us_places); i++)
        if (!strcmp(us_places[i].name, name))
            return us_places[i].state;
    return NULL;
}

void dy_place_adm1(const dyad_place *pl, char out[5])
{
    const char *fips = dy_place_fips(pl);
    out[0] = '\0';
    if (!fips)
        return;
    memcpy(out, fips, 3);
    const char *state = NULL;
    if (pl->precision != DYAD_PLACE_COUNTRY && !strcmp(pl->country, "USA"))
        state = dy_us_state(pl->name);
    if (state)
        memcpy(out + 2, state, 3);
}
