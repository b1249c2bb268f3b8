/* test_text_tokenize.c — dy_tokenize: every TABARI filtering rule, offsets,
 * flags, Unicode folding, bad bytes, comments and the token limit. */
#include <criterion/criterion.h>
#include <string.h>

#include "text/token.h"

static dy_arena arena;
static void setup(void) { dy_arena_init(&arena, 4096); }
static void teardown(void) { dy_arena_free(&arena); }
TestSuite(tokenize, .init = setup, .fini = teardown);

/* Tokens of s (length n) joined by single blanks. */
static const char *words_n(const char *s, size_t n, dy_tokens *t)
{
    int tr = 0;
    dyad_error err;
    cr_assert_eq(dy_tokenize(&arena, s, 0, n, 127, t, &tr, &err), DYAD_OK);
    static char buf[4096];
    buf[0] = '\0';
    for (size_t i = 0; i < t->n; i++) {
        if (i)
            strcat(buf, " ");
        strcat(buf, t->v[i].text);
        cr_assert_eq(strlen(t->v[i].text), t->v[i].len);
    }
    return buf;
}

static const char *words(const char *s, dy_tokens *t) { return words_n(s, strlen(s), t); }

#define WORDS(in, expect) do { dy_tokens t_; \
    cr_assert_str_eq(words(in, &t_), expect, "input: %s", in); } while (0)

Test(tokenize, upper_case_and_blanks)
{
    WORDS("Blorvania  warned\tthe\nQuenth", "BLORVANIA WARNED THE QUENTH");
    WORDS("", "");
    WORDS("   \t\r\n ", "");
}

Test(tokenize, periods_after_lower_case_vanish)
{
    WORDS("Voss met Gen. Tarn in Drell.", "VOSS MET GEN TARN IN DRELL");
    WORDS("e.g. this", "E G THIS");
}

Test(tokenize, abbreviations_keep_their_periods)
{
    WORDS("The U.N. and U.S.S.R. envoys", "THE U.N. AND U.S.S.R. ENVOYS");
    WORDS("aid from the U.S.", "AID FROM THE U.S.");
    /* news often drops an initialism's last period: it is given back, so
     * that U.S matches the dictionaries' U.S. */
    WORDS("The U.S and U.K envoys", "THE U.S. AND U.K. ENVOYS");
    WORDS("U.S.S.R envoys met", "U.S.S.R. ENVOYS MET");
    WORDS("the U.S", "THE U.S.");
    WORDS("UN.S envoys", "UN.S ENVOYS");   /* not an initialism */
    WORDS("Kirav W. Dostel left", "KIRAV W. DOSTEL LEFT");
}

Test(tokenize, final_period_after_capital_or_digit_or_quote)
{
    WORDS("THE ZORBAN ARMY ATTACKED.", "THE ZORBAN ARMY ATTACKED");
    WORDS("talks with the UN.", "TALKS WITH THE UN");
    WORDS("it rose in 2004.", "IT ROSE IN 2004");
    WORDS("he said \"never\".", "HE SAID \" NEVER \"");
    WORDS("he said \"never.\"", "HE SAID \" NEVER \"");
    WORDS("they met (in Drell.)", "THEY MET ( IN DRELL )");
}

Test(tokenize, decimals_and_number_commas)
{
    WORDS("growth of 3.5 percent", "GROWTH OF 3.5 PERCENT");
    WORDS("1,500 troops and 2,000,000 zlots", "1500 TROOPS AND 2000000 ZLOTS");
    WORDS("in 2004, 300 left", "IN 2004 , 300 LEFT");
    WORDS("at 10:30 today", "AT 10:30 TODAY");
    WORDS("only .5 percent", "ONLY .5 PERCENT");
}

Test(tokenize, question_exclamation_hyphen_become_blanks)
{
    WORDS("Why? No! al-Varsi pro-Quenth", "WHY NO AL VARSI PRO QUENTH");
    WORDS("U.S.-backed forces", "U.S. BACKED FORCES");
}

Test(tokenize, semicolon_comma_quote_tokens)
{
    dy_tokens t;
    cr_assert_str_eq(words("Tarn replied,\"I don't; know\"", &t),
                     "TARN REPLIED , \" I DON'T , KNOW \"");
    cr_assert_eq(t.v[2].flags, DY_TOK_COMMA);
    cr_assert_eq(t.v[3].flags, DY_TOK_QUOTE);
    cr_assert_eq(t.v[6].flags, DY_TOK_COMMA);
    cr_assert_eq(t.v[8].flags, DY_TOK_QUOTE);
}

Test(tokenize, brackets_and_colon_are_punct_tokens)
{
    dy_tokens t;
    cr_assert_str_eq(words("Drell (ZNA): envoy [sic]", &t), "DRELL ( ZNA ) : ENVOY [ SIC ]");
    cr_assert_eq(t.v[1].flags, DY_TOK_PUNCT);
    cr_assert_eq(t.v[3].flags, DY_TOK_PUNCT);
    cr_assert_eq(t.v[4].flags, DY_TOK_PUNCT);
}

Test(tokenize, apostrophes_stay_inside_words_only)
{
    WORDS("Dagolath's envoy didn't go", "DAGOLATH'S ENVOY DIDN'T GO");
    WORDS("the Varsis' 'plan' ''now''", "THE VARSIS PLAN NOW");
    WORDS("' '' '", "");
}

Test(tokenize, symbols_stay_in_words)
{
    WORDS("$5 and 40% for A&B", "$5 AND 40% FOR A&B");
}

Test(tokenize, comments_are_skipped)
{
    WORDS("Voss /* not this */ met Tarn", "VOSS MET TARN");
    WORDS("Voss/*x*/met", "VOSS MET");
    WORDS("Voss met /* unclosed comment", "VOSS MET");
    WORDS("a/b and/or", "A/B AND/OR");
}

Test(tokenize, offsets_point_into_the_story)
{
    const char *story = "xx Blorvania's envoy, 1,500 U.N. men.\" yy";
    dy_tokens t;
    int tr;
    cr_assert_eq(dy_tokenize(&arena, story, 3, 39, 127, &t, &tr, NULL), DYAD_OK);
    const char *src[] = {"Blorvania's", "envoy", ",", "1,500", "U.N.", "men", "\""};
    cr_assert_eq(t.n, 7);
    for (size_t i = 0; i < t.n; i++) {
        size_t n = t.v[i].end - t.v[i].start;
        cr_assert_eq(n, strlen(src[i]), "token %zu", i);
        cr_assert(memcmp(story + t.v[i].start, src[i], n) == 0, "token %zu", i);
    }
}

Test(tokenize, flags)
{
    dy_tokens t;
    cr_assert_str_eq(words("Voss met NATO and 3rd iPhone", &t), "VOSS MET NATO AND 3RD IPHONE");
    cr_assert_eq(t.v[0].flags, DY_TOK_CAPITALIZED);
    cr_assert_eq(t.v[1].flags, 0);
    cr_assert_eq(t.v[2].flags, DY_TOK_CAPITALIZED | DY_TOK_ALLCAPS);
    cr_assert_eq(t.v[4].flags, DY_TOK_NUMBER);
    cr_assert_eq(t.v[5].flags, 0);
    cr_assert_eq(t.all_caps, 0);
    words("VOSS MET TARN, 1,500 SAID.", &t);
    cr_assert_eq(t.all_caps, 1);
    words("1999 2000", &t);
    cr_assert_eq(t.all_caps, 0);
}

Test(tokenize, diacritics_removed)
{
    dy_tokens t;
    cr_assert_str_eq(words("Café Zürich naïve Øresund straße Łódź Ærø", &t),
                     "CAFE ZURICH NAIVE ORESUND STRASSE LODZ AERO");
    cr_assert_eq(t.v[0].flags, DY_TOK_CAPITALIZED);
    cr_assert_eq(t.v[0].end - t.v[0].start, strlen("Café"));
    /* decomposed input: e + combining acute */
    WORDS("Cafe\xcc\x81 noir", "CAFE NOIR");
    WORDS("\xef\xac\x81sh \xc2\xbd", "FISH 1/2");  /* ﬁ ligature, ½ */
    WORDS("\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3", "ABC");  /* fullwidth */
}

Test(tokenize, non_latin_letters_upper_cased_utf8)
{
    WORDS("Москва и Zorba", "МОСКВА И ZORBA");
    dy_tokens t;
    words("МОСКВА ПРОТЕСТ.", &t);
    cr_assert_eq(t.all_caps, 1);
    WORDS("сказал.", "СКАЗАЛ");
}

Test(tokenize, typographic_punctuation)
{
    dy_tokens t;
    cr_assert_str_eq(words("\xe2\x80\x9cNo\xe2\x80\x9d, Tarn\xe2\x80\x99s \xc2\xabyes\xc2\xbb", &t),
                     "\" NO \" , TARN'S \" YES \"");
    cr_assert_eq(t.v[0].flags, DY_TOK_QUOTE);
    cr_assert_eq(t.v[0].end - t.v[0].start, 3);
    /* en dash, em dash, ellipsis, non-breaking space */
    WORDS("talks\xe2\x80\x93war\xe2\x80\x94peace\xe2\x80\xa6 end\xc2\xa0now", "TALKS WAR PEACE END NOW");
    WORDS("Oh\xe2\x80\xa6 U.S.\xe2\x80\xa6", "OH U.S.");
}

Test(tokenize, invalid_utf8_and_nul_are_blanks)
{
    WORDS("Voss\xff" "met\xc3" " Tarn \xe2\x80", "VOSS MET TARN");
    dy_tokens t;
    cr_assert_str_eq(words_n("Voss\0met\0\0Tarn", 15, &t), "VOSS MET TARN");
    cr_assert_eq(t.v[1].start, 5);
    WORDS("over\xc0\xaflong \xed\xa0\x80 surrogate", "OVER LONG SURROGATE");
}

Test(tokenize, crlf)
{
    WORDS("Voss met\r\nTarn.\r\n", "VOSS MET TARN");
}

Test(tokenize, long_words_are_split)
{
    char in[200];
    memset(in, 'a', 150);
    strcpy(in + 150, " end");
    dy_tokens t;
    words(in, &t);
    cr_assert_eq(t.n, 4);
    cr_assert_eq(t.v[0].len, 63);
    cr_assert_eq(t.v[1].len, 63);
    cr_assert_eq(t.v[2].len, 24);
    cr_assert_eq(t.v[1].start, 63);
    cr_assert_eq(t.v[2].end, 150);
    cr_assert_str_eq(t.v[3].text, "END");
}

Test(tokenize, truncation)
{
    dy_tokens t;
    int tr = -1;
    const char *s = "one two three, four five";
    cr_assert_eq(dy_tokenize(&arena, s, 0, strlen(s), 3, &t, &tr, NULL), DYAD_OK);
    cr_assert_eq(t.n, 3);
    cr_assert_eq(tr, 1);
    cr_assert_str_eq(t.v[2].text, "THREE");
    cr_assert_eq(dy_tokenize(&arena, s, 0, strlen(s), 6, &t, &tr, NULL), DYAD_OK);
    cr_assert_eq(t.n, 6);
    cr_assert_eq(tr, 0);
    cr_assert_eq(dy_tokenize(&arena, s, 0, strlen(s), 0, &t, &tr, NULL), DYAD_OK);
    cr_assert_eq(t.n, 0);
    cr_assert_eq(tr, 1);
}

Test(tokenize, bad_arguments)
{
    dy_tokens t;
    dyad_error err;
    cr_assert_eq(dy_tokenize(&arena, "abc", 2, 1, 10, &t, NULL, &err), DYAD_ERR_ARG);
    cr_assert_eq(err.status, DYAD_ERR_ARG);
    cr_assert_eq(dy_tokenize(NULL, "abc", 0, 3, 10, &t, NULL, &err), DYAD_ERR_ARG);
    cr_assert_eq(dy_tokenize(&arena, NULL, 0, 0, 10, &t, NULL, &err), DYAD_OK);
    cr_assert_eq(t.n, 0);
}

Test(tokenize, every_byte_value_is_safe)
{
    /* all 256 byte values in a row and in random-ish mixtures: no crash, and
     * every token's range lies inside the input */
    char s[1024];
    unsigned x = 12345;
    for (int round = 0; round < 200; round++) {
        for (size_t i = 0; i < sizeof s; i++) {
            x = x * 1103515245u + 12345u;
            s[i] = round == 0 ? (char)(i & 0xff) : (char)(x >> 16);
        }
        dy_tokens t;
        int tr;
        dy_arena_reset(&arena);
        cr_assert_eq(dy_tokenize(&arena, s, 0, sizeof s, 1000, &t, &tr, NULL), DYAD_OK);
        for (size_t i = 0; i < t.n; i++) {
            cr_assert(t.v[i].start < t.v[i].end && t.v[i].end <= sizeof s);
            cr_assert(t.v[i].len > 0 && t.v[i].len <= 63);
            cr_assert_eq(strlen(t.v[i].text), t.v[i].len);
            if (i)
                cr_assert(t.v[i].start >= t.v[i - 1].end);
        }
    }
}

Test(tokenize, fold_word_matches_tokenizer)
{
    char out[64];
    const char *erdogan = "Erdo\xc4\x9f" "an_G\xc3\xbcl";
    cr_assert_eq(dy_fold_word(erdogan, strlen(erdogan), out, sizeof out), 11);
    cr_assert_str_eq(out, "ERDOGAN_GUL");
    dy_fold_word("c\xc3\xb4te_d\x92ivoire-x", 17, out, sizeof out);
    cr_assert_str_eq(out, "COTE_D_IVOIRE-X");
    dy_fold_word("\xd0\xa1\xd1\x81\xd1\x81\xd0\xa0\xc2\xa0\xe2\x80\x99s", 14, out, sizeof out);
    cr_assert_str_eq(out, "\xd0\xa1\xd0\xa1\xd0\xa1\xd0\xa0 'S");
    cr_assert_eq(dy_fold_word("abcdef", 6, out, 4), 3);
    cr_assert_str_eq(out, "ABC");
    dy_tokens t;
    cr_assert_str_eq(words("Erdo\xc4\x9f" "an", &t), "ERDOGAN");
}

Test(tokenize, dense_tokens_grow_the_array)
{
    /* "a,a,a,..." makes one token per byte, more than the first guess */
    static char s[6000];
    for (size_t i = 0; i < sizeof s; i++)
        s[i] = i % 2 ? ',' : 'a';
    dy_tokens t;
    int tr;
    cr_assert_eq(dy_tokenize(&arena, s, 0, sizeof s, (size_t)-1, &t, &tr, NULL), DYAD_OK);
    cr_assert_eq(t.n, sizeof s);
    cr_assert_eq(tr, 0);
    for (size_t i = 0; i < t.n; i++) {
        cr_assert_str_eq(t.v[i].text, i % 2 ? "," : "A");
        cr_assert_eq(t.v[i].start, i);
    }
}
