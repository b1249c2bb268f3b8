/* plot.c — dyad_plot_svg: a series as one self-contained SVG picture: the
 * events of each period as bars stacked by quad class (verbal and material
 * cooperation, verbal and material conflict), the mean Goldstein score as a
 * line on its own axis (-10..10), dated axes, a legend and a title. No
 * script, no external font or style: any browser, Inkscape or LaTeX (via
 * conversion) shows it as written. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/plot.h"

#include "base/error.h"

#define W 960
#define H 440
#define LEFT 64
#define RIGHT 64
#define TOP 56
#define BOTTOM 72

typedef struct point {
    char label[16];
    long quad[5];     /* [1..4] */
    double gmean;     /* NAN when no scored event */
} point;

typedef struct acc {
    point *p;
    size_t n, cap;
    int fail;
} acc;

static point *at(acc *a, const char *period)
{
    if (a->n && !strcmp(a->p[a->n - 1].label, period))
        return &a->p[a->n - 1];
    if (a->n == a->cap) {
        size_t nc = a->cap ? 2 * a->cap : 64;
        point *np = realloc(a->p, nc * sizeof *np);
        if (!np) {
            a->fail = 1;
            return NULL;
        }
        a->p = np;
        a->cap = nc;
    }
    point *p = &a->p[a->n++];
    memset(p, 0, sizeof *p);
    snprintf(p->label, sizeof p->label, "%s", period);
    p->gmean = NAN;
    return p;
}

static int on_quad(void *ctx, const char *period, const char *group, double v, long events)
{
    acc *a = ctx;
    point *p = at(a, period);
    int q = atoi(group);
    (void)v;
    if (p && q >= 1 && q <= 4)
        p->quad[q] = events;
    return a->fail;
}

/* The Goldstein means come in the same period order as the counts. */
typedef struct gctx {
    acc *a;
    size_t i;
} gctx;

static int on_mean(void *ctx, const char *period, const char *group, double v, long events)
{
    gctx *g = ctx;
    (void)group;
    (void)events;
    while (g->i < g->a->n && strcmp(g->a->p[g->i].label, period))
        g->i++;
    if (g->i < g->a->n)
        g->a->p[g->i].gmean = v;
    return 0;
}

void dy_markup_escape(dy_strbuf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '<': dy_strbuf_adds(b, "&lt;"); break;
        case '>': dy_strbuf_adds(b, "&gt;"); break;
        case '&': dy_strbuf_adds(b, "&amp;"); break;
        case '"': dy_strbuf_adds(b, "&quot;"); break;
        default: dy_strbuf_addc(b, *s);
        }
    }
}

/* A round step for about `ticks` ticks up to max: 1, 2, 5 times a power of 10. */
static long nice_step(long max, int ticks)
{
    double raw = (double)max / ticks, p = pow(10, floor(log10(raw > 1 ? raw : 1)));
    double s = raw / p <= 1 ? 1 : raw / p <= 2 ? 2 : raw / p <= 5 ? 5 : 10;
    long step = (long)(s * p);
    return step > 0 ? step : 1;
}

static const char *const quad_color[5] = {"", "#9ccf8a", "#2f8f4e", "#f2a541", "#c8322b"};
static const char *const quad_name[5] = {"", "verbal cooperation", "material cooperation",
                                         "verbal conflict", "material conflict"};

dyad_status dy_plot_series_svg(const char *path, const dyad_series_query *query,
                               const char *title, dy_strbuf *out, dyad_error *err)
{
    dyad_series_query q = *query;
    acc a = {NULL, 0, 0, 0};
    q.group = DYAD_GROUP_QUAD;
    q.measure = DYAD_MEASURE_COUNT;
    dyad_status st = dyad_series(path, &q, on_quad, &a, NULL, err);
    if (st == DYAD_OK && a.fail)
        st = dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
    if (st == DYAD_OK) {
        gctx g = {&a, 0};
        q.group = DYAD_GROUP_NONE;
        q.measure = DYAD_MEASURE_GOLDSTEIN_MEAN;
        st = dyad_series(path, &q, on_mean, &g, NULL, err);
    }
    if (st != DYAD_OK) {
        free(a.p);
        return st;
    }

    long max = 1;
    for (size_t i = 0; i < a.n; i++) {
        long t = a.p[i].quad[1] + a.p[i].quad[2] + a.p[i].quad[3] + a.p[i].quad[4];
        if (t > max) max = t;
    }
    long step = nice_step(max, 5);
    long top = (max + step - 1) / step * step;
    double pw = W - LEFT - RIGHT, ph = H - TOP - BOTTOM;
    double bw = a.n ? pw / (double)a.n : pw;

    dy_strbuf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                     "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n",
                     W, H, W, H);
    dy_strbuf_adds(out, "<title>");
    dy_markup_escape(out, title);
    dy_strbuf_adds(out, "</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    dy_strbuf_printf(out, "<text x=\"%d\" y=\"28\" font-size=\"17\" font-weight=\"bold\">", LEFT);
    dy_markup_escape(out, title);
    dy_strbuf_adds(out, "</text>\n");

    /* grid and the left axis: events */
    for (long v = 0; v <= top; v += step) {
        double y = TOP + ph - ph * (double)v / (double)top;
        dy_strbuf_printf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                         "stroke=\"#e4e4e4\"/>\n", LEFT, y, LEFT + pw, y);
        dy_strbuf_printf(out, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%ld</text>\n",
                         LEFT - 6, y + 4, v);
    }
    dy_strbuf_printf(out, "<text transform=\"translate(16 %.1f) rotate(-90)\" "
                     "text-anchor=\"middle\">events</text>\n", TOP + ph / 2);
    /* the right axis: Goldstein, -10..10 */
    for (int v = -10; v <= 10; v += 5) {
        double y = TOP + ph - ph * (v + 10) / 20.0;
        dy_strbuf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#1f4e9c\">%+d</text>\n",
                         LEFT + pw + 6, y + 4, v);
    }
    dy_strbuf_printf(out, "<text transform=\"translate(%d %.1f) rotate(90)\" "
                     "text-anchor=\"middle\" fill=\"#1f4e9c\">mean Goldstein score</text>\n",
                     W - 16, TOP + ph / 2);

    /* the bars */
    for (size_t i = 0; i < a.n; i++) {
        double x = LEFT + bw * (double)i + bw * 0.1, y = TOP + ph;
        for (int k = 1; k <= 4; k++) {
            if (!a.p[i].quad[k]) continue;
            double h = ph * (double)a.p[i].quad[k] / (double)top;
            y -= h;
            dy_strbuf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                             "fill=\"%s\"><title>%s: %ld %s</title></rect>\n",
                             x, y, bw * 0.8, h, quad_color[k], a.p[i].label, a.p[i].quad[k],
                             quad_name[k]);
        }
    }
    /* the Goldstein line, broken where a period has no scored event */
    int open = 0;
    for (size_t i = 0; i < a.n; i++) {
        if (isnan(a.p[i].gmean)) {
            if (open) dy_strbuf_adds(out, "\" fill=\"none\" stroke=\"#1f4e9c\" stroke-width=\"2\"/>\n");
            open = 0;
            continue;
        }
        double x = LEFT + bw * ((double)i + 0.5);
        double y = TOP + ph - ph * (a.p[i].gmean + 10) / 20.0;
        dy_strbuf_printf(out, open ? " %.1f,%.1f" : "<polyline points=\"%.1f,%.1f", x, y);
        open = 1;
    }
    if (open) dy_strbuf_adds(out, "\" fill=\"none\" stroke=\"#1f4e9c\" stroke-width=\"2\"/>\n");
    for (size_t i = 0; i < a.n; i++)
        if (!isnan(a.p[i].gmean))
            dy_strbuf_printf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#1f4e9c\">"
                             "<title>%s: mean Goldstein %.2f</title></circle>\n",
                             LEFT + bw * ((double)i + 0.5),
                             TOP + ph - ph * (a.p[i].gmean + 10) / 20.0, a.p[i].label,
                             a.p[i].gmean);

    /* the x axis: at most 12 labels */
    dy_strbuf_printf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#555\"/>\n",
                     LEFT, TOP + ph, LEFT + pw, TOP + ph);
    size_t every = a.n > 12 ? (a.n + 11) / 12 : 1;
    for (size_t i = 0; i < a.n; i += every)
        dy_strbuf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
                         LEFT + bw * ((double)i + 0.5), TOP + ph + 18, a.p[i].label);
    if (!a.n)
        dy_strbuf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                         "fill=\"#777\">no dated events</text>\n", LEFT + pw / 2, TOP + ph / 2);

    /* the legend */
    double lx = LEFT;
    for (int k = 1; k <= 4; k++) {
        dy_strbuf_printf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"12\" height=\"12\" "
                         "fill=\"%s\"/><text x=\"%.1f\" y=\"%d\">%s</text>\n",
                         lx, H - 28, quad_color[k], lx + 16, H - 18, quad_name[k]);
        lx += 170;
    }
    dy_strbuf_printf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#1f4e9c\" "
                     "stroke-width=\"2\"/><text x=\"%.1f\" y=\"%d\">mean Goldstein</text>\n",
                     lx, H - 22, lx + 14, H - 22, lx + 18, H - 18);
    dy_strbuf_adds(out, "</svg>\n");
    free(a.p);
    if (out->failed)
        return dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
    return DYAD_OK;
}

dyad_status dyad_plot_svg(const char *path, const dyad_series_query *q, const char *title,
                          char **out_svg, dyad_error *err)
{
    if (!path || !q || !out_svg)
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_plot_svg: NULL argument");
    *out_svg = NULL;
    dy_strbuf b;
    dy_strbuf_init(&b);
    dyad_status st = dy_plot_series_svg(path, q, title ? title : "", &b, err);
    if (st != DYAD_OK) {
        dy_strbuf_free(&b);
        return st;
    }
    *out_svg = dy_strbuf_take(&b);
    if (!*out_svg)
        return dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
    return DYAD_OK;
}
