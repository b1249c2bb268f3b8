/* test_cameo_table.c — dyad's CAMEO table against the reference files in
 * ../shared/reference (Goldstein scores, PLOVER 2021 mapping, the codebook's
 * code list), read at run time; skipped with one line when they are absent. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stddef.h>

#include "dyad.h"
#include "event/cameo.h"

static FILE *reference(const char *name)
{
    char path[1024];
    const char *shared = getenv("SHARED");
    snprintf(path, sizeof path, "%s/reference/%s", shared ? shared : "../shared", name);
    FILE *f = fopen(path, "r");
    if (!f)
        printf("skipped: %s not found\n", path);
    return f;
}

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
    size_t k = 0;
    while (s[k] == ' ' || s[k] == '\t')
        k++;
    memmove(s, s + k, strlen(s + k) + 1);
}

Test(cameo, sorted_and_findable)
{
    size_t n;
    const dy_cameo *t = dy_cameo_table(&n);
    cr_assert_gt(n, 300);
    for (size_t i = 0; i < n; i++) {
        if (i)
            cr_expect_lt(strcmp(t[i - 1].code, t[i].code), 0, "%s", t[i].code);
        cr_expect_eq(dy_cameo_find(t[i].code, strlen(t[i].code)), &t[i], "%s", t[i].code);
        cr_expect_neq(t[i].name[0], '\0');
    }
    cr_expect_null(dy_cameo_find("999", 3));
    cr_expect_null(dy_cameo_find("04", 1));
}

Test(cameo, quads)
{
    cr_expect_eq(dy_cameo_quad_gdelt("010"), 1);
    cr_expect_eq(dy_cameo_quad_gdelt("057"), 1);
    cr_expect_eq(dy_cameo_quad_gdelt("06"), 2);
    cr_expect_eq(dy_cameo_quad_gdelt("0874"), 2);
    cr_expect_eq(dy_cameo_quad_gdelt("14"), 3);
    cr_expect_eq(dy_cameo_quad_gdelt("15"), 4);
    cr_expect_eq(dy_cameo_quad_gdelt("2042"), 4);
    cr_expect_eq(dy_cameo_quad_gdelt("21"), 0);
    cr_expect_eq(dy_cameo_quad_gdelt("---"), 0);
    cr_expect_eq(dy_cameo_quad_phoenix("020"), 0);
    cr_expect_eq(dy_cameo_quad_phoenix("030"), 1);
    cr_expect_eq(dy_cameo_quad_phoenix("080"), 2);
    cr_expect_eq(dy_cameo_quad_phoenix("130"), 3);
    cr_expect_eq(dy_cameo_quad_phoenix("160"), 3);
    cr_expect_eq(dy_cameo_quad_phoenix("140"), 4);
    cr_expect_eq(dy_cameo_quad_phoenix("170"), 4);
    cr_expect_eq(dy_cameo_quad_phoenix("xyz"), -1);
}

/* Every row of cameo-goldstein.tsv: same score, same Phoenix quad. */
Test(cameo, goldstein_reference)
{
    FILE *f = reference("cameo-goldstein.tsv");
    if (!f)
        return;
    char line[256];
    int rows = 0;
    while (fgets(line, sizeof line, f)) {
        char code[16];
        double g;
        int q;
        if (line[0] == '#' || sscanf(line, "%15s %lf %d", code, &g, &q) != 3)
            continue;
        const dy_cameo *c = dy_cameo_find(code, strlen(code));
        cr_assert_not_null(c, "code %s missing", code);
        cr_expect(c->goldstein > g - 1e-9 && c->goldstein < g + 1e-9, "%s: %.1f != %.1f", code,
                  c->goldstein, g);
        cr_expect_eq(c->flags & DY_CAMEO_GS_INHERITED, 0, "%s", code);
        cr_expect_eq(dy_cameo_quad_phoenix(code), q, "%s quad", code);
        rows++;
    }
    fclose(f);
    cr_expect_gt(rows, 280);
    /* inherited scores equal the parent's */
    size_t n;
    const dy_cameo *t = dy_cameo_table(&n);
    for (size_t i = 0; i < n; i++) {
        if (!(t[i].flags & DY_CAMEO_GS_INHERITED))
            continue;
        const dy_cameo *p = dy_cameo_find(t[i].code, strlen(t[i].code) - 1);
        if (!p || (p->flags & DY_CAMEO_GS_INHERITED))
            p = dy_cameo_find(t[i].code, 2);
        cr_assert_not_null(p);
        cr_expect(p->goldstein == t[i].goldstein, "%s inherits", t[i].code);
    }
}

/* Every "CODE: TYPE, mode, context # ..." line of cameo-to-plover-2021.txt
 * (the first one when a code is listed twice). */
Test(cameo, plover_reference)
{
    FILE *f = reference("cameo-to-plover-2021.txt");
    if (!f)
        return;
    char line[512], seen[4096] = "";
    int rows = 0;
    while (fgets(line, sizeof line, f)) {
        char *colon = strchr(line, ':');
        if (!colon || line[0] < '0' || line[0] > '9')
            continue;
        *colon = '\0';
        char code[16];
        snprintf(code, sizeof code, "%.15s", line);
        char key[20];
        snprintf(key, sizeof key, " %s ", code);
        if (strstr(seen, key))
            continue;
        strncat(seen, key, sizeof seen - strlen(seen) - 1);
        char *rest = colon + 1, *hash = strchr(rest, '#');
        if (hash)
            *hash = '\0';
        char f3[3][128] = {"", "", ""};
        for (int k = 0; k < 3 && rest; k++) {
            char *comma = k < 2 ? strchr(rest, ',') : NULL;
            if (comma)
                *comma = '\0';
            snprintf(f3[k], sizeof f3[k], "%.127s", rest);
            trim(f3[k]);
            rest = comma ? comma + 1 : NULL;
        }
        const dy_cameo *c = dy_cameo_find(code, strlen(code));
        cr_assert_not_null(c, "code %s missing", code);
        cr_expect_str_eq(c->plover_type, f3[0], "%s type", code);
        cr_expect_str_eq(c->plover_mode, f3[1], "%s mode", code);
        cr_expect_str_eq(c->plover_context, f3[2], "%s context", code);
        cr_expect_eq(c->flags & DY_CAMEO_PLOVER_INHERITED, 0, "%s", code);
        rows++;
    }
    fclose(f);
    cr_expect_gt(rows, 250);
}

/* Every event code of the codebook ("010: ...", "\indent 0211: ...") is ours
 * and flagged as a codebook code. */
Test(cameo, codebook_codes)
{
    FILE *f = reference("cameo-codebook-1.1b3.tex");
    if (!f)
        return;
    char line[2048];
    int rows = 0, in_events = 0;
    while (fgets(line, sizeof line, f)) {
        if (strstr(line, "01: MAKE PUBLIC STATEMENT"))
            in_events = 1;
        if (!in_events)
            continue;
        char *p = line;
        if (!strncmp(p, "\\indent", 7))
            p += 7;
        if (!strncmp(p, "\\textbf{", 8))
            p += 8;
        while (*p == ' ')
            p++;
        size_t d = 0;
        while (p[d] >= '0' && p[d] <= '9')
            d++;
        if (d < 2 || d > 4 || p[d] != ':')
            continue;
        const dy_cameo *c = dy_cameo_find(p, d);
        cr_expect_not_null(c, "codebook code %.*s missing", (int)d, p);
        if (c)
            cr_expect_neq(c->flags & DY_CAMEO_CODEBOOK, 0, "%s", c->code);
        rows++;
        if (d == 4 && !strncmp(p, "2042", 4))
            break;
    }
    fclose(f);
    cr_expect_gt(rows, 300);
}

/* The public table is a versioned struct: filled as far as the caller's
 * size goes, refused below the first version's. */
Test(cameo_public, versioned_struct)
{
    size_t n = dyad_cameo_count();
    cr_assert_gt(n, 200);
    dyad_cameo_info c = {.size = sizeof c};
    cr_assert_eq(dyad_cameo_get(0, &c, NULL), DYAD_OK);
    cr_expect_eq(c.size, sizeof c);
    size_t k = 0;
    for (; k < n; k++) {
        cr_assert_eq(dyad_cameo_get(k, &c, NULL), DYAD_OK);
        if (!strcmp(c.code, "042")) break;
    }
    cr_assert_lt(k, n);
    cr_expect_eq(c.quad_gdelt, 1);
    cr_expect_eq(c.quad_phoenix, 1);
    cr_expect_str_eq(c.plover_type, "CONSULT");
    dyad_error err = {0};
    cr_expect_eq(dyad_cameo_get(n, &c, &err), DYAD_ERR_ARG);
    dyad_cameo_info small = {.size = offsetof(dyad_cameo_info, goldstein)};
    cr_expect_eq(dyad_cameo_get(0, &small, &err), DYAD_ERR_ARG);
    struct { dyad_cameo_info v; int later_field; } big = {{.size = sizeof big}, 7};
    cr_assert_eq(dyad_cameo_get(k, &big.v, NULL), DYAD_OK);
    cr_expect_eq(big.v.size, sizeof(dyad_cameo_info));   /* what this library knows */
    cr_expect_eq(big.later_field, 7);                     /* untouched */
}
