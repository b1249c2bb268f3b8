/* test_when.c — dates a sentence names, resolved against the story date,
 * across month and year boundaries (our own sentences). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "event/when.h"
#include "text/token.h"

static int when(const char *text, int story, char *words, size_t cap)
{
    dy_arena a;
    dy_arena_init(&a, 4096);
    dy_tokens toks;
    int trunc = 0, date = 0;
    dyad_error err = {0};
    cr_assert_eq(dy_tokenize(&a, text, 0, strlen(text), 256, &toks, &trunc, &err), DYAD_OK);
    dyad_span sp = {0, 0};
    if (!dy_when_find(&toks, story, &date, &sp))
        date = 0;
    if (words)
        snprintf(words, cap, "%.*s", (int)(sp.end - sp.start), text + sp.start);
    dy_arena_free(&a);
    return date;
}

Test(when, weekday)
{
    cr_expect_eq(dy_weekday(20261120), 4);   /* a Friday */
    char w[64];
    cr_expect_eq(when("Zorvia praised Quelland on Thursday.", 20261120, w, sizeof w), 20261119);
    cr_expect_str_eq(w, "on Thursday");
    cr_expect_eq(when("Zorvia praised Quelland on Friday.", 20261120, NULL, 0), 20261120);
    cr_expect_eq(when("Zorvia praised Quelland last Friday.", 20261120, NULL, 0), 20261113);
    /* across a month boundary: story on Tue 2026-12-01, "Sunday" is Nov 29 */
    cr_expect_eq(when("Talks ended on Sunday.", 20261201, NULL, 0), 20261129);
    /* the future: the next one, across the year */
    cr_expect_eq(when("The envoys will meet on Monday.", 20261231, NULL, 0), 20270104);
    cr_expect_eq(when("They meet next Thursday.", 20261231, NULL, 0), 20270107);
}

Test(when, month_day)
{
    char w[64];
    cr_expect_eq(when("Talks began February 18 in the capital.", 20260301, w, sizeof w), 20260218);
    cr_expect_str_eq(w, "February 18");
    cr_expect_eq(when("Talks began on 18 February.", 20260301, NULL, 0), 20260218);
    cr_expect_eq(when("Talks began Feb. 18.", 20260301, NULL, 0), 20260218);
    /* December named in January is last year's */
    cr_expect_eq(when("The deal was signed December 30.", 20270105, NULL, 0), 20261230);
    /* January named in December is next year's (within six months ahead) */
    cr_expect_eq(when("The vote is set for January 3.", 20261220, NULL, 0), 20270103);
    cr_expect_eq(when("It happened on March 5, 2024.", 20261220, NULL, 0), 20240305);
    /* "may" the verb is no date */
    cr_expect_eq(when("They may 5 times refuse.", 20261220, NULL, 0), 0);
    cr_expect_eq(when("The talks on February 30 failed.", 20260301, NULL, 0), 0);
}

Test(when, relative)
{
    cr_expect_eq(when("Zorvia protested yesterday.", 20270101, NULL, 0), 20261231);
    cr_expect_eq(when("Zorvia protests today.", 20270101, NULL, 0), 20270101);
    cr_expect_eq(when("Zorvia will protest tomorrow.", 20261231, NULL, 0), 20270101);
    cr_expect_eq(when("Zorvia protested last week.", 20260303, NULL, 0), 20260224);
    cr_expect_eq(when("Zorvia will protest next week.", 20261228, NULL, 0), 20270104);
    cr_expect_eq(when("Zorvia protested last month.", 20260331, NULL, 0), 20260228);
    cr_expect_eq(when("Zorvia protested last month.", 20260115, NULL, 0), 20251215);
    cr_expect_eq(when("Zorvia protested three days ago.", 20260302, NULL, 0), 20260227);
    cr_expect_eq(when("Zorvia protested.", 20260302, NULL, 0), 0);
    cr_expect_eq(when("Zorvia protested yesterday.", 0, NULL, 0), 0, "no story date");
}
