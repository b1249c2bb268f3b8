/* test_strbuf.c — the string builder: appends inline while there is room
 * and through the slow path when it must grow, printf straight into the
 * room left or after growing, the same text either way. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"

Test(strbuf, appends_across_growth)
{
    dy_strbuf b;
    dy_strbuf_init(&b);
    char want[2000];
    size_t n = 0;
    for (int i = 0; i < 300; i++) {
        dy_strbuf_addc(&b, (char)('a' + i % 26));
        want[n++] = (char)('a' + i % 26);
        dy_strbuf_adds(&b, "xy");
        want[n++] = 'x';
        want[n++] = 'y';
        dy_strbuf_add(&b, "", 0);
    }
    want[n] = '\0';
    cr_assert_eq(b.len, n);
    cr_assert_str_eq(b.s, want);
    cr_assert(!b.failed);
    dy_strbuf_free(&b);
}

Test(strbuf, empty_add_gives_a_string)
{
    dy_strbuf b;
    dy_strbuf_init(&b);
    dy_strbuf_add(&b, NULL, 0);
    cr_assert_not_null(b.s);
    cr_assert_str_eq(b.s, "");
    dy_strbuf_free(&b);
}

Test(strbuf, printf_fits_or_grows)
{
    dy_strbuf b;
    dy_strbuf_init(&b);
    dy_strbuf_printf(&b, "%d-%s", 42, "x");        /* into a fresh buffer */
    cr_assert_str_eq(b.s, "42-x");
    dy_strbuf_printf(&b, "%.1f", 3.25);             /* into the room left */
    cr_assert_str_eq(b.s, "42-x3.2");
    char big[300];
    memset(big, 'z', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    dy_strbuf_printf(&b, "[%s]", big);              /* past the room: grows */
    cr_assert_eq(b.len, 7 + 2 + 299);
    cr_assert_eq(b.s[7], '[');
    cr_assert_eq(b.s[b.len - 1], ']');
    cr_assert_eq(strlen(b.s), b.len);
    dy_strbuf_printf(&b, "%s", "");
    cr_assert_eq(strlen(b.s), b.len);
    dy_strbuf_free(&b);
}

/* dy_format_fixed against snprintf: scores and coordinates as dictionaries
 * write them, ties, signs, zeros, values just off a decimal, large ones. */
static void same_as_printf(double v, int d)
{
    char want[DY_FIXED_MAX], got[DY_FIXED_MAX];
    snprintf(want, sizeof want, "%.*f", d, v);
    size_t n = dy_format_fixed(got, sizeof got, v, d);
    cr_assert_str_eq(got, want, "%.17g with %d decimals", v, d);
    cr_assert_eq(n, strlen(want));
}

Test(strbuf, fixed_as_printf)
{
    static const double special[] = {0.0, -0.0, 0.25, -0.25, 0.05, 1.45, 2.5, -2.5, 3.45,
                                     -10.0, 10.0, 7.4, -7.4, 1e-7, -1e-7, 0.049999999,
                                     1e14 + 0.5, 9.99e14, 1e15, 1e20, -1e300};
    for (size_t i = 0; i < sizeof special / sizeof *special; i++)
        for (int d = 0; d <= 6; d++)
            same_as_printf(special[i], d);
    unsigned long long r = 88172645463325252ull;   /* xorshift: a fixed sequence */
    for (int i = 0; i < 200000; i++) {
        r ^= r << 13, r ^= r >> 7, r ^= r << 17;
        int d = (int)(r % 7);
        long whole = (long)(r >> 20) % 2000000 - 1000000;
        double v = (double)whole / (d == 0 ? 1 : d == 1 ? 10 : d == 2 ? 100 : d == 3 ? 1e3
                                            : d == 4 ? 1e4 : d == 5 ? 1e5 : 1e6);
        same_as_printf(v, d);                               /* a decimal of d places */
        same_as_printf(v, (int)((r >> 8) % 7));             /* with other places */
        same_as_printf(v + (double)((r >> 40) % 1000) * 1e-9, d);   /* just off it */
        double u;
        memcpy(&u, &r, sizeof u);
        same_as_printf(u, d);                               /* any bits, NaN included */
    }
}
