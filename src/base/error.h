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

/* Reads as `dyad_error e = {0}` does (no status, no text) without clearing
 * all its 784 bytes: for the errors made afresh for every story. */
static inline void dy_error_clear(dyad_error *err)
{
    err->status = DYAD_OK;
    err->where[0] = '\0';
    err->line = 0;
    err->message[0] = '\0';
}

#endif
