/* test_event.c — merging actor and agent codes (tabari-manual 5.4): suffix
 * and prefix agents, codes already present on 3-character boundaries. */
#include <criterion/criterion.h>

#include "event/assemble.h"

static dy_arena a;
static void setup(void) { dy_arena_init(&a, 1024); }
static void teardown(void) { dy_arena_free(&a); }
TestSuite(event, .init = setup, .fini = teardown);

Test(event, compose_codes)
{
    cr_assert_str_eq(dy_compose_code(&a, "ZAN", NULL, 0), "ZAN");
    cr_assert_str_eq(dy_compose_code(&a, "ZAN", "GOV", 0), "ZANGOV");
    cr_assert_str_eq(dy_compose_code(&a, "ZAN", "NGO", 1), "NGOZAN");
    cr_assert_str_eq(dy_compose_code(&a, "ZANGOV", "GOV", 0), "ZANGOV");     /* aligned: kept once */
    cr_assert_str_eq(dy_compose_code(&a, "ZAGOVX", "GOV", 0), "ZAGOVXGOV");  /* not aligned */
    cr_assert_str_eq(dy_compose_code(&a, "NGOZAN", "NGO", 1), "NGOZAN");
    cr_assert_str_eq(dy_compose_code(&a, "", "MOS", 0), "~MOS");             /* converted agent */
    cr_assert_str_eq(dy_compose_code(&a, "", "NGO", 1), "NGO~");
}
