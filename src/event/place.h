/* place.h — where a sentence says its events happened: a preposition-driven
 * matcher ("in Istanbul", "near Kharkiv", "at the border with Syria") over
 * the sentence words, looked up in dyad's compiled-in gazetteer. */
#ifndef DY_PLACE_H
#define DY_PLACE_H

#include <stddef.h>

#include "dyad.h"
#include "text/token.h"

typedef struct dy_gaz_entry {
    const char *name;       /* display name */
    const char *alt;        /* other names, '|' separated, "" when none */
    unsigned char kind;     /* dyad_place_precision */
    char iso3[4];
    float lat, lon;
} dy_gaz_entry;

/* The gazetteer rows (gazetteer.c), in priority order: for names shared by
 * several rows the earlier one wins unless an actor's country picks another. */
const dy_gaz_entry *dy_gazetteer(size_t *n);

/* The sorted folded-name index of the gazetteer (gazetteer.c): key i and
 * its row; NULL past the end. */
const char *dy_gaz_key(size_t i, size_t *row);
size_t dy_gaz_n_keys(void);
/* Is code[0..3) the ISO3 code of a country row (gazetteer.c)? */
int dy_gaz_country_iso3(const char *code);

/* Looks up a folded (upper-case, ASCII-folded, '-' as blank) name of len
 * bytes; writes at most max matching rows, best first, to out and returns
 * how many. A binary search over the static index: no state, no allocation. */
size_t dy_gaz_lookup(const char *folded, size_t len, const dy_gaz_entry **out, size_t max);

/* Is code (3 letters) an ISO 3166 alpha-3 country code? */
int dy_iso3_known(const char *code);

/* The place the sentence names; prefer1/prefer2 (ISO3 or NULL) break ties
 * between same-named places. Returns 0 (and a NONE place) when there is none. */
int dy_place_find(const dy_tokens *toks, const char *prefer1, const char *prefer2,
                  dyad_place *out);

/* GDELT's place codes (fips.c). The FIPS 10-4 country code (two letters) of
 * an ISO 3166 alpha-3 code; NULL where FIPS has none (docs/formats.md). */
const char *dy_fips_country(const char *iso3);
/* The FIPS 10-4 code of a place: its country's, but a Palestinian place is
 * the Gaza Strip (GZ) or the West Bank (WE), as FIPS splits them. NULL when
 * none. */
const char *dy_place_fips(const dyad_place *pl);
/* The postal code ("CA") of a US state or city of the gazetteer, by its
 * gazetteer name; NULL when not one. */
const char *dy_us_state(const char *name);
/* GDELT's ADM1 code of a place into out: FIPS country + state for US states
 * and cities ("USCA", "USDC"), else the FIPS country code; "" when none. */
void dy_place_adm1(const dyad_place *pl, char out[5]);

#endif
