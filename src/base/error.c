/* error.c — filling a dyad_error and naming statuses.
 * Messages are truncated, never overflowed. */
#include "base/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

dyad_status dy_error_set(dyad_error *err, dyad_status status, const char *where,
                         long line, const char *fmt, ...)
{
    if (!err)
        return status;
    err->status = status;
    snprintf(err->where, sizeof err->where, "%s", where ? where : "");
    err->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}

const char *dyad_status_name(dyad_status status)
{
    switch (status) {
    case DYAD_OK: return "ok";
    case DYAD_ERR_IO: return "I/O error";
    case DYAD_ERR_PARSE: return "parse error";
    case DYAD_ERR_NOMEM: return "out of memory";
    case DYAD_ERR_ARG: return "invalid argument";
    case DYAD_ERR_LIMIT: return "limit exceeded";
    case DYAD_STOPPED: return "stopped";
    }
    return "unknown status";
}
