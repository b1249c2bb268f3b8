/* cameo.h — the CAMEO event code table: name, cue category, quad classes,
 * Goldstein score and PLOVER type/mode/context of every code. */
#ifndef DY_CAMEO_H
#define DY_CAMEO_H

#include <stddef.h>

enum dy_cameo_flag {
    DY_CAMEO_CODEBOOK = 1 << 0,          /* listed in the CAMEO 1.1b3 codebook */
    DY_CAMEO_GS_INHERITED = 1 << 1,      /* no Goldstein value of its own: the parent's */
    DY_CAMEO_PLOVER_INHERITED = 1 << 2   /* no PLOVER mapping of its own: the parent's */
};

typedef struct dy_cameo {
    const char *code;       /* "042" */
    const char *name;       /* short name in dyad's own words */
    double goldstein;
    const char *plover_type, *plover_mode, *plover_context;  /* "" when none */
    int flags;              /* dy_cameo_flag */
} dy_cameo;

/* The whole table, sorted by code (string order). */
const dy_cameo *dy_cameo_table(size_t *n);

/* The entry of code (first len bytes), NULL when unknown. Binary search. */
const dy_cameo *dy_cameo_find(const char *code, size_t len);

/* Quad class of a cue category ("01".."20" or any code starting with one):
 * GDELT 1..4 (0 when not a CAMEO root), Phoenix 0..4 (-1 when not). */
int dy_cameo_quad_gdelt(const char *code);
int dy_cameo_quad_phoenix(const char *code);

#endif
