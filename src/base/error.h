/* error.h — filling a dyad_error: status, where (file or story), line, message.
 * Every library failure goes through dy_error_set so messages read alike. */
#ifndef DY_ERROR_H
#define DY_ERROR_H

#include "dyad.h"

#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
/* Fills err (which may be NULL) and returns status, so callers can write
 * `return dy_error_set(err, DYAD_ERR_PARSE, file, line, "...", ...);` */
dyad_status dy_error_set(dyad_error *err, dyad_status status, const char *where,
                         long line, const char *fmt, ...);

#endif
