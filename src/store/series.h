/* series.h — dyad_series over a stream (for the fuzz harness): an events
 * file (JSON Lines or TSV of dyad code) read from f, named name. */
#ifndef DY_STORE_SERIES_H
#define DY_STORE_SERIES_H

#include <stdio.h>

#include "dyad.h"

dyad_status dy_series_stream(FILE *f, const char *name, const dyad_series_query *q,
                             dyad_series_fn fn, void *ctx, dyad_series_info *info,
                             dyad_error *err);

#endif
