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
