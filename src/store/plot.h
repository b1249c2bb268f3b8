/* plot.h — a series drawn as SVG (plot.c), for dyad plot and the report. */
#ifndef DY_STORE_PLOT_H
#define DY_STORE_PLOT_H

#include "dyad.h"
#include "base/strbuf.h"

/* Appends to out an SVG of the events of path matching query, by query->by:
 * bars stacked by quad class, the mean Goldstein line, axes, legend, title
 * (query->group and ->measure are ignored). */
/* Appends s (NULL: nothing) with < > & " escaped, for SVG and HTML text
 * and attribute values. */
void dy_markup_escape(dy_strbuf *b, const char *s);

dyad_status dy_plot_series_svg(const char *path, const dyad_series_query *query,
                               const char *title, dy_strbuf *out, dyad_error *err);

#endif
