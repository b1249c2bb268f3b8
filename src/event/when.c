/* when.c — the date a sentence names, resolved against the story date:
 * weekdays ("on Thursday"), month days ("February 18", "18 Feb."), and
 * "yesterday", "today", "tomorrow", "last/next week|month|year", "N days ago". */
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "event/when.h"
#include "event/words.h"

#define LOOKBACK 8   /* words before a weekday searched for future markers */

int dy_weekday(int ymd)
{
    long d = dy_date_to_days(ymd);   /* 1970-01-01 was a Thursday (3) */
    long w = (d + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

static const dy_word_lit weekdays[] = {
    DY_WORD("MONDAY"), DY_WORD("TUESDAY"), DY_WORD("WEDNESDAY"), DY_WORD("THURSDAY"),
    DY_WORD("FRIDAY"), DY_WORD("SATURDAY"), DY_WORD("SUNDAY")
};
static const dy_word_lit months[] = {
    DY_WORD("JANUARY"), DY_WORD("FEBRUARY"), DY_WORD("MARCH"), DY_WORD("APRIL"),
    DY_WORD("MAY"), DY_WORD("JUNE"), DY_WORD("JULY"), DY_WORD("AUGUST"),
    DY_WORD("SEPTEMBER"), DY_WORD("OCTOBER"), DY_WORD("NOVEMBER"), DY_WORD("DECEMBER")
};
static const dy_word_lit month_abbr[] = {
    DY_WORD("JAN"), DY_WORD("FEB"), DY_WORD("MAR"), DY_WORD("APR"), DY_WORD("MAY"),
    DY_WORD("JUN"), DY_WORD("JUL"), DY_WORD("AUG"), DY_WORD("SEPT"), DY_WORD("OCT"),
    DY_WORD("NOV"), DY_WORD("DEC")
};

static int weekday_of(const dy_token *t)
{
    if (t->len < 6 || t->len > 9)   /* MONDAY .. WEDNESDAY */
        return -1;
    for (int i = 0; i < 7; i++)
        if (dy_tok_is(t, weekdays[i].w, weekdays[i].n))
            return i;
    return -1;
}

/* 1..12 for a month name or abbreviation ("FEB", "FEB.", "SEP"), else 0. */
static int month_of(const dy_token *t)
{
    size_t n = t->len;
    if (n && t->text[n - 1] == '.')
        n--;
    if (n < 3 || n > 9)   /* MAY .. SEPTEMBER */
        return 0;
    /* only J F M A S O N D start a month's name */
    const unsigned initials = 1u << ('J' - 'A') | 1u << ('F' - 'A') | 1u << ('M' - 'A') |
                              1u << ('A' - 'A') | 1u << ('S' - 'A') | 1u << ('O' - 'A') |
                              1u << ('N' - 'A') | 1u << ('D' - 'A');
    unsigned c = (unsigned char)t->text[0] - 'A';
    if (c >= 26 || !((initials >> c) & 1u))
        return 0;
    for (int i = 0; i < 12; i++) {
        if (t->text[0] != months[i].w[0])
            continue;
        if (months[i].n == n && !memcmp(t->text, months[i].w, n))
            return i + 1;
        if (month_abbr[i].n == n && !memcmp(t->text, month_abbr[i].w, n))
            return i + 1;
    }
    if (n == 3 && !strncmp(t->text, "SEP", 3))
        return 9;
    return 0;
}

/* Day of month from "18", "18TH", "1ST", else 0. */
static int day_of(const dy_token *t)
{
    int d = 0;
    size_t i = 0;
    while (i < t->len && t->text[i] >= '0' && t->text[i] <= '9' && i < 2)
        d = d * 10 + (t->text[i++] - '0');
    if (i == 0)
        return 0;
    const char *rest = t->text + i;
    if (*rest && strcmp(rest, "ST") && strcmp(rest, "ND") && strcmp(rest, "RD") &&
        strcmp(rest, "TH"))
        return 0;
    return d >= 1 && d <= 31 ? d : 0;
}

/* A four-digit year token, else 0. */
static int year_of(const dy_token *t)
{
    if (t->len != 4)
        return 0;
    int y = 0;
    for (int i = 0; i < 4; i++) {
        if (t->text[i] < '0' || t->text[i] > '9')
            return 0;
        y = y * 10 + (t->text[i] - '0');
    }
    return y >= 1900 && y <= 2199 ? y : 0;
}

static int small_number(const dy_token *t)
{
    static const dy_word_lit words[] = {
        DY_WORD("ONE"), DY_WORD("TWO"), DY_WORD("THREE"), DY_WORD("FOUR"), DY_WORD("FIVE"),
        DY_WORD("SIX"), DY_WORD("SEVEN"), DY_WORD("EIGHT"), DY_WORD("NINE"), DY_WORD("TEN")
    };
    if (t->len > 5)   /* longer than any of them */
        return 0;
    for (int i = 0; i < 10; i++)
        if (dy_tok_is(t, words[i].w, words[i].n))
            return i + 1;
    if (t->len <= 2 && t->text[0] >= '0' && t->text[0] <= '9') {
        int n = atoi(t->text);
        return n >= 1 && n <= 31 ? n : 0;
    }
    return 0;
}

/* Does the sentence speak of the future before word i ("will meet on")? */
static int future_before(const dy_tokens *toks, size_t i)
{
    static const dy_word_lit markers[] = {
        DY_WORD("WILL"), DY_WORD("SHALL"), DY_WORD("'LL"), DY_WORD("SCHEDULED"),
        DY_WORD("PLANS"), DY_WORD("PLANNED"), DY_WORD("EXPECTED"), DY_WORD("UPCOMING")
    };
    size_t from = i > LOOKBACK ? i - LOOKBACK : 0;
    for (size_t k = from; k < i; k++) {
        if (dy_tok_is_any(&toks->v[k], markers, sizeof markers / sizeof markers[0]))
            return 1;
        if ((DY_TOK_IS(&toks->v[k], "IS") || DY_TOK_IS(&toks->v[k], "ARE")) && k + 1 < i &&
            DY_TOK_IS(&toks->v[k + 1], "TO"))
            return 1;
    }
    return 0;
}

/* Same day n months away, clamped to the month's end (Mar 31 - 1 month = Feb 28). */
static int add_months(int ymd, int n)
{
    int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    int total = y * 12 + (m - 1) + n;
    y = total / 12;
    m = total % 12 + 1;
    while (d > 28 && !dy_date_valid(y * 10000 + m * 100 + d))
        d--;
    return y * 10000 + m * 100 + d;
}

/* The year for month/day: the nearest one to the story date that is not
 * more than 183 days after it. */
static int month_day_date(int story, int m, int d, int year)
{
    if (year)
        return dy_date_valid(year * 10000 + m * 100 + d) ? year * 10000 + m * 100 + d : 0;
    int y = story / 10000;
    long sd = dy_date_to_days(story);
    for (int cand = y + 1; cand >= y - 1; cand--) {
        int ymd = cand * 10000 + m * 100 + d;
        if (!dy_date_valid(ymd))
            continue;
        long diff = dy_date_to_days(ymd) - sd;
        if (diff <= 183 && diff > -183)
            return ymd;
    }
    /* Feb 29 of a year that has none, or a date exactly half a year back */
    int ymd = (y - 1) * 10000 + m * 100 + d;
    return dy_date_valid(ymd) ? ymd : 0;
}

static dyad_span span_of(const dy_tokens *toks, size_t a, size_t b)
{
    dyad_span s = {toks->v[a].start, toks->v[b].end};
    return s;
}

int dy_when_find(const dy_tokens *toks, int story_date, int *date, dyad_span *span)
{
    if (!dy_date_valid(story_date))
        return 0;
    for (size_t i = 0; i < toks->n; i++) {
        const dy_token *t = &toks->v[i];
        const dy_token *prev = i > 0 ? &toks->v[i - 1] : NULL;
        const dy_token *next = i + 1 < toks->n ? &toks->v[i + 1] : NULL;
        int wd, m, d, n;
        size_t from = i, to = i;
        int result = 0;
        if ((wd = weekday_of(t)) >= 0) {
            int sw = dy_weekday(story_date);
            int back = (sw - wd + 7) % 7;        /* on or before */
            int ahead = (wd - sw + 7) % 7;       /* after */
            if (ahead == 0)
                ahead = 7;
            if (prev && (DY_TOK_IS(prev, "ON") || DY_TOK_IS(prev, "LAST") ||
                         DY_TOK_IS(prev, "NEXT") || DY_TOK_IS(prev, "THIS")))
                from = i - 1;
            if (prev && DY_TOK_IS(prev, "LAST") && back == 0)
                back = 7;
            int future = (prev && DY_TOK_IS(prev, "NEXT")) || future_before(toks, from);
            result = dy_date_add(story_date, future ? ahead : -back);
        } else if ((m = month_of(t)) != 0 && next && (d = day_of(next)) != 0 &&
                   (t->len > 3 || m != 5)) {
            /* "February 18", "Feb. 18, 2024" */
            int y = 0;
            to = i + 1;
            if (i + 3 < toks->n && (toks->v[i + 2].flags & DY_TOK_COMMA) &&
                (y = year_of(&toks->v[i + 3])) != 0)
                to = i + 3;
            else if (i + 2 < toks->n && (y = year_of(&toks->v[i + 2])) != 0)
                to = i + 2;
            result = month_day_date(story_date, m, d, y);
        } else if ((d = day_of(t)) != 0 && next && (m = month_of(next)) != 0) {
            /* "18 February" */
            int y = 0;
            to = i + 1;
            if (i + 2 < toks->n && (y = year_of(&toks->v[i + 2])) != 0)
                to = i + 2;
            result = month_day_date(story_date, m, d, y);
        } else if (DY_TOK_IS(t, "YESTERDAY")) {
            result = dy_date_add(story_date, -1);
        } else if (DY_TOK_IS(t, "TODAY")) {
            result = story_date;
        } else if (DY_TOK_IS(t, "TOMORROW")) {
            result = dy_date_add(story_date, 1);
        } else if ((DY_TOK_IS(t, "LAST") || DY_TOK_IS(t, "NEXT")) && next) {
            int sign = DY_TOK_IS(t, "LAST") ? -1 : 1;
            to = i + 1;
            if (DY_TOK_IS(next, "WEEK"))
                result = dy_date_add(story_date, 7 * sign);
            else if (DY_TOK_IS(next, "MONTH"))
                result = add_months(story_date, sign);
            else if (DY_TOK_IS(next, "YEAR"))
                result = add_months(story_date, 12 * sign);
        } else if ((n = small_number(t)) != 0 && i + 2 < toks->n &&
                   DY_TOK_IS(&toks->v[i + 2], "AGO")) {
            to = i + 2;
            if (DY_TOK_IS(next, "DAYS") || DY_TOK_IS(next, "DAY"))
                result = dy_date_add(story_date, -n);
            else if (DY_TOK_IS(next, "WEEKS") || DY_TOK_IS(next, "WEEK"))
                result = dy_date_add(story_date, -7 * n);
        }
        if (result && dy_date_valid(result)) {
            *date = result;
            *span = span_of(toks, from, to);
            return 1;
        }
    }
    return 0;
}
