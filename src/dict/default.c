/* default.c — dyad_dict_load_default: the default dictionaries as compiled at
 * build time (a .dyd embedded in the library), so `dyad code` starts at once. */
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "dict/dyd.h"
#include "dict/embedded.h"

dyad_status dyad_dict_load_default(dyad_dict **out, dyad_error *err)
{
    if (!out)
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_dict_load_default: NULL argument");
    *out = NULL;
    size_t len = dy_default_dyd_len;
    unsigned char *buf = malloc(len ? len : 1);
    if (!buf) return dy_error_set(err, DYAD_ERR_NOMEM, "default.dyd", 0, "out of memory");
    for (size_t at = 0, k = 0; at < len; at += DY_EMBED_CHUNK, ++k) {
        size_t n = len - at < DY_EMBED_CHUNK ? len - at : DY_EMBED_CHUNK;
        memcpy(buf + at, dy_default_dyd[k], n);
    }
    if (dy_dyd_load_owned(buf, len, "default.dyd", out, err) == DYAD_OK)
        return DYAD_OK;
    /* cannot happen in a consistent build; the text files are embedded too */
    return dy_dict_load_files(DY_DEFAULT_PROJECT, dy_default_files, dy_default_n_files, out, err);
}
