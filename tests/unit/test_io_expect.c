/* test_io_expect.c — validation expectations: parsing { SRC / TGT / CODE },
 * markers, -{, OPTION:, dates, and order-insensitive matching. */
#include <criterion/criterion.h>
#include <string.h>

#include "io/expect.h"

static dy_expect parse(const char *s)
{
    dy_expect e;
    dyad_error err = {0};
    cr_assert_eq(dy_expect_parse(s, strlen(s), &e, "t", 1, &err), DYAD_OK, "%s", err.message);
    return e;
}

Test(expect, events_and_dates)
{
    dy_expect e = parse(" note \\n{ FRA / DEU / 051 } 261120\n\\n{DEU/FRA/051} ");
    cr_assert_eq(e.n_events, 2);
    cr_expect_str_eq(e.events[0].source, "FRA");
    cr_expect_str_eq(e.events[0].target, "DEU");
    cr_expect_str_eq(e.events[0].code, "051");
    cr_expect_eq(e.events[0].date, 20261120);
    cr_expect_eq(e.events[1].date, 0);
    cr_expect_eq(e.n_fields, 2);
    cr_expect_not(e.partial);
}

Test(expect, markers)
{
    cr_expect(parse("{---}").none);
    cr_expect(parse("{ - - - }").none);
    cr_expect(parse("{###}").discard);
    cr_expect(parse("\\n{+++}").complex);
    dy_expect e = parse("{ A / B / 010 } -{ C / D / 020 }");
    cr_expect(e.partial);
    cr_expect_eq(e.n_events, 1);
}

Test(expect, options)
{
    dy_expect e = parse("\\n{ OPTION: SET: CODE ALL }\n\\n{ OPTION:  DEFAULT: OFF } ");
    cr_assert_eq(e.n_options, 2);
    cr_expect_str_eq(e.options[0], "SET: CODE ALL");
    cr_expect_str_eq(e.options[1], "DEFAULT: OFF");
    cr_expect(dy_expect_is_option_only(&e));
    /* A forgotten '}' ends the option at the end of the line. */
    e = parse("{ OPTION: SET: MINIMUM WORDS = 4  \n");
    cr_expect_str_eq(e.options[0], "SET: MINIMUM WORDS = 4");
    e = parse("{ OPTION: X } { A / B / 1 }");
    cr_expect_not(dy_expect_is_option_only(&e));
}

Test(expect, empty_braces_are_prose)
{
    dy_expect e = parse("events are written in {} like this: {+++}");
    cr_expect_eq(e.n_fields, 1);
    cr_expect(e.complex);
}

Test(expect, bad_field)
{
    dy_expect e;
    dyad_error err = {0};
    const char *s = "{ only one part }";
    cr_expect_eq(dy_expect_parse(s, strlen(s), &e, "f.text", 9, &err), DYAD_ERR_PARSE);
    cr_expect_str_eq(err.where, "f.text");
    cr_expect_eq(err.line, 9);
}

static int matches(const char *s, const dyad_result *r, int dates)
{
    dy_expect e = parse(s);
    return dy_expect_matches(&e, r, dates);
}

static dyad_result result(dyad_event *ev, size_t n, dyad_sentence *s)
{
    dyad_result r = {0};
    r.events = ev;
    r.n_events = n;
    r.sentences = s;
    r.n_sentences = 1;
    return r;
}

Test(expect, matching)
{
    dyad_sentence sent = {0};
    dyad_event ev[2] = {{0}, {0}};
    ev[0].source = "DEU", ev[0].target = "FRA", ev[0].code = "051", ev[0].date = 20261120;
    ev[1].source = "FRA", ev[1].target = "DEU", ev[1].code = "051", ev[1].date = 20261121;
    dy_expect e = parse("{ FRA / DEU / 051 } 261120 { DEU / FRA / 051 }");
    dyad_result r = result(ev, 2, &sent);
    cr_expect(dy_expect_matches(&e, &r, 0), "order does not matter");
    cr_expect_not(dy_expect_matches(&e, &r, 1), "dates differ when checked");
    r.n_events = 1;
    cr_expect_not(dy_expect_matches(&e, &r, 0), "a missing event fails");
    cr_expect(matches("{ DEU / FRA / 051 } -{ X / Y / 1 }", &r, 0));
    r.n_events = 2;
    cr_expect_not(matches("{ DEU / FRA / 051 }", &r, 0), "an extra event fails");
    cr_expect(matches("{ DEU / FRA / 051 } -{", &r, 0), "-{ allows extras");

    r.n_events = 0;
    cr_expect(matches("{---}", &r, 0));
    cr_expect_not(matches("{###}", &r, 0));
    sent.status = DYAD_SENTENCE_DISCARD;
    cr_expect(matches("{###}", &r, 0));
    sent.status = DYAD_SENTENCE_COMPLEX;
    cr_expect(matches("{+++}", &r, 0));
}
