/* cameo_info.c — the CAMEO table through the public API (dyad_cameo_get):
 * a versioned struct, filled as far as the caller's size says. */
#include <stddef.h>
#include <string.h>

#include "base/error.h"
#include "dyad.h"
#include "event/cameo.h"

/* The struct as the first public version had it: a caller's size below
 * this is a mistake, not an older program. */
#define CAMEO_INFO_V1 (offsetof(dyad_cameo_info, plover_context) + sizeof(const char *))

size_t dyad_cameo_count(void)
{
    size_t n;
    (void)dy_cameo_table(&n);
    return n;
}

dyad_status dyad_cameo_get(size_t i, dyad_cameo_info *out, dyad_error *err)
{
    size_t n;
    const dy_cameo *t = dy_cameo_table(&n);
    if (!out || out->size < CAMEO_INFO_V1 || i >= n)
        return dy_error_set(err, DYAD_ERR_ARG, "cameo", 0,
                            "no struct, a size below the first version's, or no code %zu "
                            "(there are %zu)", i, n);
    dyad_cameo_info v;
    v.size = out->size < sizeof v ? out->size : sizeof v;
    v.code = t[i].code;
    v.name = t[i].name;
    v.quad_gdelt = dy_cameo_quad_gdelt(t[i].code);
    v.quad_phoenix = dy_cameo_quad_phoenix(t[i].code);
    v.goldstein = t[i].goldstein;
    v.plover_type = t[i].plover_type;
    v.plover_mode = t[i].plover_mode;
    v.plover_context = t[i].plover_context;
    memcpy(out, &v, v.size);
    return DYAD_OK;
}
