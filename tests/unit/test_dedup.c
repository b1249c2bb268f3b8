/* test_dedup.c — identical events of one story fold into one with a count;
 * --one-a-day keeps one (date, source, target, code) per day across stories,
 * counting stories and listing their ids. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "event/dedup.h"

static dyad_event ev(int sentence, int date, const char *s, const char *t, const char *c)
{
    dyad_event e;
    memset(&e, 0, sizeof e);
    e.sentence = sentence;
    e.date = date;
    e.source = s;
    e.target = t;
    e.code = c;
    return e;
}

Test(dedup, one_story)
{
    dyad_event v[5] = {
        ev(1, 20260101, "ZRV", "QLD", "042"), ev(2, 20260101, "QLD", "ZRV", "042"),
        ev(3, 20260101, "ZRV", "QLD", "042"), ev(3, 20260102, "ZRV", "QLD", "042"),
        ev(4, 20260101, "ZRV", "QLD", "042"),
    };
    dy_story_dedup d;
    dy_story_dedup_init(&d);
    cr_assert_eq(dy_story_dedup_run(&d, v, 5), DYAD_OK);
    cr_expect(dy_story_dedup_first(&d, 0));
    cr_expect(dy_story_dedup_first(&d, 1));
    cr_expect(!dy_story_dedup_first(&d, 2));
    cr_expect(dy_story_dedup_first(&d, 3), "another date is another event");
    cr_expect(!dy_story_dedup_first(&d, 4));
    cr_expect_eq(d.count[0], 3);
    cr_expect_eq(d.count[1], 1);
    cr_expect_eq(d.count[3], 1);
    cr_expect_str_eq(dy_story_dedup_ids(&d, "S", v, 5, 0), "S_1;S_3;S_4");
    cr_expect_str_eq(dy_story_dedup_ids(&d, "S", v, 5, 1), "S_2");
    /* many events: linear, and reusable */
    static dyad_event many[2000];
    static char codes[2000][8];
    for (int i = 0; i < 2000; i++) {
        snprintf(codes[i], sizeof codes[i], "%03d", i % 50);
        many[i] = ev(i + 1, 20260101, "ZRV", "QLD", codes[i]);
    }
    cr_assert_eq(dy_story_dedup_run(&d, many, 2000), DYAD_OK);
    int firsts = 0;
    for (int i = 0; i < 2000; i++)
        firsts += dy_story_dedup_first(&d, (size_t)i);
    cr_expect_eq(firsts, 50);
    cr_expect_eq(d.count[0], 40);
    dy_story_dedup_free(&d);
}

static void add(dy_daily *d, const char *id, const dyad_event *e, int mentions)
{
    static const char text[] = "Zorvia visited Quelland.";
    dyad_story st;
    memset(&st, 0, sizeof st);
    st.id = id;
    st.text = text;
    st.text_len = sizeof text - 1;
    st.date = e->date;
    dyad_span sent = {0, st.text_len};
    cr_assert_eq(dy_daily_add(d, &st, sent, e, mentions), DYAD_OK);
}

Test(dedup, one_a_day)
{
    dy_daily d;
    dy_daily_init(&d);
    dyad_event a = ev(1, 20260101, "ZRV", "QLD", "042");
    dyad_event b = ev(1, 20260101, "QLD", "ZRV", "042");
    dyad_event c = ev(1, 20260102, "ZRV", "QLD", "042");
    a.source_span = (dyad_span){0, 6};
    add(&d, "A", &a, 2);   /* story A mentioned it twice */
    add(&d, "B", &a, 1);
    add(&d, "B", &b, 1);
    add(&d, "C", &a, 1);
    add(&d, "C", &c, 1);
    add(&d, "C", &a, 1);   /* same story again: not another story */
    cr_assert_eq(d.n, 3);
    cr_expect_eq(d.g[0]->n_stories, 3);
    cr_expect_eq(d.g[0]->mentions, 5);
    cr_expect_str_eq(d.g[0]->story_ids.s, "A;B;C");
    cr_expect_str_eq(d.g[0]->story.id, "A", "the first story stands for the group");
    cr_expect_eq(d.g[0]->ev.source_span.end, 6);
    cr_expect_eq(d.g[1]->n_stories, 1);
    cr_expect_str_eq(d.g[1]->ev.source, "QLD");
    cr_expect_eq(d.g[2]->ev.date, 20260102);
    cr_expect_str_eq(d.g[2]->story_ids.s, "C");
    /* many distinct keys: the table grows */
    static char codes[500][12];   /* room for any int, so -O1 sees no truncation */
    for (int i = 0; i < 500; i++) {
        snprintf(codes[i], sizeof codes[i], "%03d", i);
        dyad_event e = ev(1, 20260105, "ZRV", "QLD", codes[i]);
        add(&d, "D", &e, 1);
    }
    cr_expect_eq(d.n, 503);
    dy_daily_free(&d);
}
