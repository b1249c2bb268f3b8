/* default.c — dyad_dict_load_default: the default dictionaries as compiled at
 * build time (a .dyd embedded in the library), so `dyad code` starts at once. */
#include "base/error.h"
#include "dict/dyd.h"
#include "dict/embedded.h"

dyad_status dyad_dict_load_default(dyad_dict **out, dyad_error *err)
{
    if (!out)
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_dict_load_default: NULL argument");
    *out = NULL;
    /* the rows of the 2-D array are one object, read here byte by byte */
    const unsigned char *blob = (const unsigned char *)dy_default_dyd;
    if (dy_dyd_load_mem(blob, dy_default_dyd_len, "default.dyd", out, err) == DYAD_OK)
        return DYAD_OK;
    /* cannot happen in a consistent build; the text files are embedded too */
    return dy_dict_load_files(DY_DEFAULT_PROJECT, dy_default_files, dy_default_n_files, out, err);
}
