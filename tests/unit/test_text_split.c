/* test_text_split.c — dy_split_sentences on invented news prose: abbreviations,
 * initials, numbers, quotes, paragraphs; plus a run over the shared corpus. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/token.h"

static dy_arena arena;
static void setup(void) { dy_arena_init(&arena, 4096); }
static void teardown(void) { dy_arena_free(&arena); }
TestSuite(split, .init = setup, .fini = teardown);

/* Sentences of s joined by " | ". */
static const char *split(const char *s, size_t *n)
{
    dyad_span *v;
    dyad_error err;
    cr_assert_eq(dy_split_sentences(&arena, s, strlen(s), &v, n, &err), DYAD_OK);
    static char buf[4096];
    buf[0] = '\0';
    for (size_t i = 0; i < *n; i++) {
        cr_assert(v[i].start < v[i].end && v[i].end <= strlen(s));
        if (i)
            strcat(buf, " | ");
        strncat(buf, s + v[i].start, v[i].end - v[i].start);
    }
    return buf;
}

#define SPLIT(in, expect) do { size_t n_; \
    cr_assert_str_eq(split(in, &n_), expect, "input: %s", in); } while (0)

Test(split, plain_sentences)
{
    SPLIT("Voss met Tarn. They talked! Did it work? Nobody knows.",
          "Voss met Tarn. | They talked! | Did it work? | Nobody knows.");
    SPLIT("No final stop", "No final stop");
    SPLIT("", "");
    SPLIT("  \n\t ", "");
}

Test(split, titles_and_months)
{
    SPLIT("Mr. Voss and Gen. Tarn met Sen. Drell on Jan. 5 in St. Quenth. They left.",
          "Mr. Voss and Gen. Tarn met Sen. Drell on Jan. 5 in St. Quenth. | They left.");
    SPLIT("Dr. Kirav, Prof. Lun and Lt. Col. Ember came. Then rain.",
          "Dr. Kirav, Prof. Lun and Lt. Col. Ember came. | Then rain.");
    SPLIT("Talks start Sept. 12 at No. 10 Varsi Rd. and end Dec. 1. Good.",
          "Talks start Sept. 12 at No. 10 Varsi Rd. and end Dec. 1. | Good.");
}

Test(split, company_and_etc)
{
    SPLIT("Zorbco Inc. sold arms. Zorbco Inc. The firm denied it.",
          "Zorbco Inc. sold arms. | Zorbco Inc. | The firm denied it.");
    SPLIT("tanks, guns, etc. and more. Drell Corp. Ltd. bought them.",
          "tanks, guns, etc. and more. | Drell Corp. Ltd. bought them.");
}

Test(split, dotted_abbreviations)
{
    SPLIT("The U.S. envoy met U.N. staff at 5 p.m. on Monday.",
          "The U.S. envoy met U.N. staff at 5 p.m. on Monday.");
    SPLIT("Aid went to the U.S. The U.K. objected. It came from the U.S.S.R. Then it stopped.",
          "Aid went to the U.S. | The U.K. objected. | It came from the U.S.S.R. | Then it stopped.");
    SPLIT("The E.U. Commission met.", "The E.U. Commission met.");
}

Test(split, initials)
{
    SPLIT("Harlan W. Voss met J. R. R. Kirav. He smiled.",
          "Harlan W. Voss met J. R. R. Kirav. | He smiled.");
    SPLIT("They chose Plan B. The vote was close.",
          "They chose Plan B. | The vote was close.");
}

Test(split, numbers_and_decimals)
{
    SPLIT("Growth was 3.5 percent, or $1.2 billion. It fell in 2004. 300 men left.",
          "Growth was 3.5 percent, or $1.2 billion. | It fell in 2004. | 300 men left.");
    SPLIT("Version 2.0.1 shipped.", "Version 2.0.1 shipped.");
}

Test(split, ellipses)
{
    SPLIT("He paused... and went on.", "He paused... and went on.");
    SPLIT("\"We waited \xe2\x80\xa6 We left,\" Voss said.",
          "\"We waited \xe2\x80\xa6 We left,\" Voss said.");
    SPLIT("\"We waited...\" Then Voss left.", "\"We waited...\" | Then Voss left.");
}

Test(split, quotes_and_brackets_after_the_stop)
{
    SPLIT("He said \"no.\" Then he left.", "He said \"no.\" | Then he left.");
    SPLIT("\"Why?\" he asked. \"Because!\" she said.",
          "\"Why?\" he asked. | \"Because!\" she said.");
    SPLIT("(Voss left.) Tarn stayed.", "(Voss left.) | Tarn stayed.");
    SPLIT("\xe2\x80\x9cWe won.\xe2\x80\x9d Then they sang.",
          "\xe2\x80\x9cWe won.\xe2\x80\x9d | Then they sang.");
    SPLIT("\"It is over. \" Voss left.", "\"It is over. \" | Voss left.");
}

Test(split, lower_case_or_punctuation_after_stop_continues)
{
    SPLIT("It is Salaam Zorbia! - a film - that won.", "It is Salaam Zorbia! - a film - that won.");
    SPLIT("MR. : Buy it.", "MR. : Buy it.");
    SPLIT("The Zorbian ambassador to Drell. said no.", "The Zorbian ambassador to Drell. said no.");
}

Test(split, bullets_and_currency_open_sentences)
{
    SPLIT("It ended. \xe2\x80\xa2 Voss is a writer.", "It ended. | \xe2\x80\xa2 Voss is a writer.");
    SPLIT("It ended. $5 was paid.", "It ended. | $5 was paid.");
}

Test(split, newlines_and_paragraphs)
{
    SPLIT("Voss met Tarn\nin Drell on Monday.", "Voss met Tarn\nin Drell on Monday.");
    SPLIT("Headline without stop\n\nVoss met Tarn.", "Headline without stop | Voss met Tarn.");
    SPLIT("A line\r\n \t\r\nanother", "A line | another");
    SPLIT("Voss said.\n\nbut later", "Voss said. | but later");
}

Test(split, spans_exclude_whitespace)
{
    const char *s = "  Voss met Tarn.   They left.  ";
    dyad_span *v;
    size_t n;
    cr_assert_eq(dy_split_sentences(&arena, s, strlen(s), &v, &n, NULL), DYAD_OK);
    cr_assert_eq(n, 2);
    cr_assert_eq(v[0].start, 2);
    cr_assert_eq(v[0].end, 16);
    cr_assert_eq(v[1].start, 19);
    cr_assert_eq(v[1].end, 29);
}

Test(split, bad_arguments_and_odd_bytes)
{
    dyad_span *v;
    size_t n;
    dyad_error err;
    cr_assert_eq(dy_split_sentences(NULL, "x", 1, &v, &n, &err), DYAD_ERR_ARG);
    cr_assert_eq(dy_split_sentences(&arena, NULL, 0, &v, &n, &err), DYAD_OK);
    cr_assert_eq(n, 0);
    char junk[512];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (char)(i * 37 + 11);
    cr_assert_eq(dy_split_sentences(&arena, junk, sizeof junk, &v, &n, &err), DYAD_OK);
    for (size_t i = 0; i < n; i++)
        cr_assert(v[i].start < v[i].end && v[i].end <= sizeof junk);
}

Test(split, long_story_is_linear)
{
    /* 200,000 sentences: quadratic code would take minutes */
    const char *one = "Mr. Voss met the U.S. envoy at 3.5 p.m. and left. ";
    size_t m = strlen(one), count = 200000;
    char *s = malloc(m * count + 1);
    cr_assert(s);
    for (size_t i = 0; i < count; i++)
        memcpy(s + i * m, one, m);
    dyad_span *v;
    size_t n;
    cr_assert_eq(dy_split_sentences(&arena, s, m * count, &v, &n, NULL), DYAD_OK);
    cr_assert_eq(n, count);
    free(s);
}

/* The scan jumps from one end mark or line end to the next, sixteen bytes
 * at a time: marks at every offset around a block's edge are all seen, and
 * a story of more sentences than the first pass keeps is scanned again. */
Test(split, marks_at_every_offset_and_many_sentences)
{
    for (size_t pad = 0; pad < 40; pad++) {
        char s[256], want[512];
        memset(s, 'a', pad);
        strcpy(s + pad, "x. Then? Yes! \xE2\x80\x9CQuote.\xE2\x80\x9D Next\n\nPara end");
        snprintf(want, sizeof want, "%.*sx. | Then? | Yes! | \xE2\x80\x9CQuote.\xE2\x80\x9D | "
                 "Next | Para end", (int)pad, s);
        SPLIT(s, want);
    }
    char s[2048] = "", want[4096] = "";
    for (int i = 0; i < 40; i++) {
        char one[32];
        snprintf(one, sizeof one, "Voss met Tarn %d.", i);
        strcat(s, one);
        strcat(s, i % 3 ? " " : "\n");
        if (i)
            strcat(want, " | ");
        strcat(want, one);
    }
    size_t n;
    cr_assert_str_eq(split(s, &n), want);
    cr_assert_eq(n, 40);
}

/* The shared corpus holds one sentence per line: few lines may split. */
Test(split, shared_corpus_lines_mostly_stay_whole)
{
    char path[1024];
    const char *shared = getenv("SHARED");
    snprintf(path, sizeof path, "%s/corpus/news-sentences.txt", shared ? shared : "../shared");
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("skipped shared corpus check: %s absent\n", path);
        return;
    }
    static char line[1 << 16];
    long lines = 0, multi = 0;
    while (fgets(line, sizeof line, f)) {
        size_t n, len = strlen(line);
        dyad_span *v;
        dy_arena_reset(&arena);
        cr_assert_eq(dy_split_sentences(&arena, line, len, &v, &n, NULL), DYAD_OK);
        lines++;
        multi += n > 1;
    }
    fclose(f);
    cr_log_info("%ld of %ld corpus lines split", multi, lines);
    cr_assert(lines > 0);
    cr_assert(multi * 200 < lines, "%ld of %ld lines split", multi, lines);
}

/* An invented CRLF story through both steps: sentences, then words whose
 * ranges fall inside their sentence. */
Test(split, fixture_story_end_to_end)
{
    FILE *f = fopen("tests/fixtures/text/story.txt", "rb");
    if (!f) {
        printf("skipped fixture story: run from the repository root\n");
        return;
    }
    static char s[4096];
    size_t len = fread(s, 1, sizeof s, f);
    fclose(f);
    dyad_span *v;
    size_t n;
    cr_assert_eq(dy_split_sentences(&arena, s, len, &v, &n, NULL), DYAD_OK);
    const char *first[] = {"ZORBIA", "MR", "THEY", "\"", "TARN", "THE", "AID", "THE"};
    const size_t words[] = {3, 19, 9, 9, 8, 10, 5, 6};
    cr_assert_eq(n, 8);
    for (size_t i = 0; i < n; i++) {
        dy_tokens t;
        int tr;
        cr_assert_eq(dy_tokenize(&arena, s, v[i].start, v[i].end, 127, &t, &tr, NULL), DYAD_OK);
        cr_assert_eq(tr, 0);
        cr_assert_eq(t.n, words[i], "sentence %zu has %zu words", i, t.n);
        cr_assert_str_eq(t.v[0].text, first[i]);
        cr_assert_eq(t.v[0].start, v[i].start);
        for (size_t k = 0; k < t.n; k++)
            cr_assert(t.v[k].start >= v[i].start && t.v[k].end <= v[i].end);
    }
}
