/* test_syntax_tokenize.c — dy_ud_tokenize on invented news prose: EWT's cuts
 * (clitics, abbreviations, hyphens, numbers), sentences, hostile inputs. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/syntax.h"

static dy_arena arena;
static void setup(void) { dy_arena_init(&arena, 4096); }
static void teardown(void) { dy_arena_free(&arena); }
TestSuite(udtok, .init = setup, .fini = teardown);

/* Checks what must hold for any input: words in order, inside the text,
 * not empty, without white space; multiword tokens whole in a sentence;
 * no sentence longer than DY_SYN_MAX_WORDS. */
static void check_invariants(const char *s, size_t len, const dy_utoken *w, size_t n)
{
    size_t in_sent = 0, mwt_left = 0;
    for (size_t i = 0; i < n; i++) {
        cr_assert(w[i].start < w[i].end && w[i].end <= len, "word %zu outside", i);
        cr_assert(i == 0 || w[i].start >= w[i - 1].end, "word %zu out of order", i);
        for (size_t k = w[i].start; k < w[i].end; k++)
            cr_assert((unsigned char)s[k] > ' ' && s[k] != 0x7f, "white space in word %zu", i);
        if (i == 0)
            cr_assert(w[i].sent_start);
        if (w[i].sent_start) {
            cr_assert_eq(mwt_left, 0, "a sentence starts inside a multiword token");
            in_sent = 0;
        }
        cr_assert(++in_sent <= DY_SYN_MAX_WORDS);
        if (mwt_left)
            mwt_left--;
        if (w[i].mwt) {
            cr_assert_eq(mwt_left, 0);
            cr_assert(w[i].mwt >= 2);
            mwt_left = w[i].mwt - 1u;
        }
    }
    cr_assert_eq(mwt_left, 0);
}

static dy_utoken *tokenize(const char *s, size_t len, int one, size_t *n)
{
    dy_utoken *w;
    dyad_error err;
    cr_assert_eq(dy_ud_tokenize(&arena, s, len, one, &w, n, &err), DYAD_OK);
    check_invariants(s, len, w, *n);
    return w;
}

/* The words of s: tokens joined by blanks, the words of a multiword token
 * by '+', sentences by " | ". */
static const char *render(const char *s, int one)
{
    static char buf[8192];
    size_t n, left = 0;
    dy_utoken *w = tokenize(s, strlen(s), one, &n);
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(buf, w[i].sent_start ? " | " : left ? "+" : " ");
        strncat(buf, s + w[i].start, w[i].end - w[i].start);
        left = w[i].mwt ? w[i].mwt - 1u : left ? left - 1 : 0;
    }
    return buf;
}

/* The words of s with their spacing: "/" after a word without a space. */
static const char *spacing(const char *s)
{
    static char buf[4096];
    size_t n;
    dy_utoken *w = tokenize(s, strlen(s), 0, &n);
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        strncat(buf, s + w[i].start, w[i].end - w[i].start);
        if (i + 1 < n)
            strcat(buf, w[i].space_after ? " " : "/");
        else
            cr_assert(w[i].space_after, "the end of the text counts as a space");
    }
    return buf;
}

#define TOK(in, expect) cr_assert_str_eq(render(in, 0), expect, "input: %s", in)
#define TOK1(in, expect) cr_assert_str_eq(render(in, 1), expect, "input: %s", in)

Test(udtok, plain_words_and_punctuation)
{
    TOK("Voss met Tarn in Quenth.", "Voss met Tarn in Quenth .");
    TOK("Envoys from Chile, Peru and Bolivia met; talks ended: no deal!",
        "Envoys from Chile , Peru and Bolivia met ; talks ended : no deal !");
    TOK("", "");
    TOK("   \t\n  ", "");
}

Test(udtok, negations_are_multiword_tokens)
{
    TOK("Tarn doesn't know.", "Tarn does+n't know .");
    TOK("They can't and won't sign; Voss cannot.",
        "They ca+n't and wo+n't sign ; Voss can+not .");
    TOK("It isn't over, DON'T go.", "It is+n't over , DO+N'T go .");
    TOK("Ministers don\xE2\x80\x99t agree.", "Ministers do+n\xE2\x80\x99t agree .");
}

Test(udtok, pronoun_clitics)
{
    TOK("I'm sure it's done; we've said they'll come and you're late, she'd say.",
        "I+'m sure it+'s done ; we+'ve said they+'ll come and you+'re late , she+'d say .");
    TOK("Let's go.", "Let+'s go .");
    TOK("We\xE2\x80\x99re ready.", "We+\xE2\x80\x99re ready .");
}

Test(udtok, informal_contractions)
{
    TOK("We're gonna win, they wanna talk, you gotta see.",
        "We+'re gon+na win , they wan+na talk , you got+ta see .");
}

Test(udtok, possessives)
{
    TOK("The minister's plan and Peru's reply.", "The minister+'s plan and Peru+'s reply .");
    TOK("The states' rights were cut.", "The states+' rights were cut .");
    TOK("Voss\xE2\x80\x99s envoy left.", "Voss+\xE2\x80\x99s envoy left .");
    TOK("The envoys\xE2\x80\x99 cars left.", "The envoys+\xE2\x80\x99 cars left .");
    TOK("The 1980's and the '90s.", "The 1980's and the '90s .");
    TOK("Al-Tarn's men.", "Al - Tarn+'s men .");
}

Test(udtok, single_quotes_are_not_possessives)
{
    TOK("He called it 'the talks' and left.", "He called it ' the talks ' and left .");
    TOK("A \xE2\x80\x98quiet days\xE2\x80\x99 plan.",
        "A \xE2\x80\x98 quiet days \xE2\x80\x99 plan .");
}

Test(udtok, abbreviations_keep_their_period)
{
    TOK("Mr. Voss met Gen. Tarn and Dr. Lee on Jan. 5 at Acme Inc. headquarters.",
        "Mr. Voss met Gen. Tarn and Dr. Lee on Jan. 5 at Acme Inc. headquarters .");
    TOK("The U.S. and the U.N. agreed; the U.S envoy, too.",
        "The U.S. and the U.N. agreed ; the U.S envoy , too .");
    TOK("J. R. Voss spoke at 5 p.m. on a.m. radio, e.g. this one.",
        "J. R. Voss spoke at 5 p.m. on a.m. radio , e.g. this one .");
    TOK("Room No. 10, but the answer was no.", "Room No. 10 , but the answer was no .");
    TOK("ACME LTD. said so.", "ACME LTD. said so .");
}

Test(udtok, abbreviation_at_the_end_of_a_sentence)
{
    TOK("They moved to the U.S. The talks failed.",
        "They moved to the U.S. | The talks failed .");
    TOK("He works for Acme Inc. It grew.", "He works for Acme Inc. | It grew .");
    TOK("The U.S. Army came.", "The U.S. Army came .");
    TOK("Talks with Acme Inc.. Then rain.", "Talks with Acme Inc. . | Then rain .");
    TOK("Tanks, guns, etc... and more.", "Tanks , guns , etc ... and more .");
}

Test(udtok, numbers_stay_whole)
{
    TOK("About 1,000 troops and 3.5 percent, or .5 more.",
        "About 1,000 troops and 3.5 percent , or .5 more .");
    TOK("It cost $5 or 20% more at 11:30 on 9/11.",
        "It cost $ 5 or 20 % more at 11:30 on 9/11 .");
    TOK("Call 555-0100 or +44 20 7946 0000.", "Call 555-0100 or +44 20 7946 0000 .");
    TOK("The 4th time since the 1980s, in 2004-2005.",
        "The 4th time since the 1980s , in 2004 - 2005 .");
}

Test(udtok, numbers_and_units_split)
{
    TOK("Profit rose to 600m from 1.13bn at 10am, 5kg more.",
        "Profit rose to 600 m from 1.13 bn at 10 am , 5 kg more .");
}

Test(udtok, hyphens_split_except_after_prefixes)
{
    TOK("Al-Tarn, a well-known 20-year-old, met al-Voss.",
        "Al - Tarn , a well - known 20 - year - old , met al - Voss .");
    TOK("A non-binding, anti-war e-mail from the co-founder about the pre-war mid-term.",
        "A non-binding , anti-war e-mail from the co-founder about the pre-war mid-term .");
    TOK("The pre- and post-war years.", "The pre- and post-war years .");
    TOK("A non-stop-flight plan.", "A non-stop - flight plan .");
}

Test(udtok, urls_addresses_hashtags)
{
    TOK("See https://example.org/a?b=1&c=2.", "See https://example.org/a?b=1&c=2 .");
    TOK("Visit www.example.com, or write to press@example.org.",
        "Visit www.example.com , or write to press@example.org .");
    TOK("(http://example.org/wiki/Tarn_(river))",
        "( http://example.org/wiki/Tarn_(river) )");
    TOK("Follow @QuenthNews and #Peace2024 now.", "Follow @QuenthNews and #Peace2024 now .");
    TOK("AT&T and R&D, but Smith & Sons.", "AT&T and R&D , but Smith & Sons .");
}

Test(udtok, quotes_brackets_dashes)
{
    TOK("He said \"we will win.\"", "He said \" we will win . \"");
    TOK("\xE2\x80\x9CNo,\xE2\x80\x9D she said (AFP) [sic].",
        "\xE2\x80\x9C No , \xE2\x80\x9D she said ( AFP ) [ sic ] .");
    TOK("Wait... what -- now \xE2\x80\x94 or never\xE2\x80\xA6",
        "Wait ... what -- now \xE2\x80\x94 or never \xE2\x80\xA6");
    TOK("Really?! Yes!!!", "Really ?! | Yes !!!");
    TOK("Nice :) and sad :( too.", "Nice :) and sad :( too .");
}

Test(udtok, sentences)
{
    TOK("Voss met Tarn. They talked! Did it work? Nobody knows.",
        "Voss met Tarn . | They talked ! | Did it work ? | Nobody knows .");
    TOK("\"We won.\" Then he left.", "\" We won . \" | Then he left .");
    TOK("He left. \"We will return,\" he said.",
        "He left . | \" We will return , \" he said .");
    TOK("Talks (in Lima.) Then rain.", "Talks ( in Lima . ) | Then rain .");
    TOK("\"Why?\" he asked.", "\" Why ? \" he asked .");
    TOK("Growth was 3.5 percent. In 2005 it fell.",
        "Growth was 3.5 percent . | In 2005 it fell .");
    TOK("It fell in 2005. 10 people left.", "It fell in 2005 . | 10 people left .");
    TOK("Talks ended. - Voss left. \xE2\x80\xA2 Tarn stayed.",
        "Talks ended . | - Voss left . | \xE2\x80\xA2 Tarn stayed .");
    TOK("Shares of Yahoo! and Acme rose.", "Shares of Yahoo ! and Acme rose .");
}

Test(udtok, no_sentence_end_after_titles_initials_or_before_lower_case)
{
    TOK("Gen. Tarn met Lt. Col. Voss.", "Gen. Tarn met Lt. Col. Voss .");
    TOK("President George W. Voss spoke.", "President George W. Voss spoke .");
    TOK("Wait... the envoy came.", "Wait ... the envoy came .");
    TOK("Voss (Lima Inc.) left.", "Voss ( Lima Inc. ) left .");
}

Test(udtok, careless_text)
{
    TOK("Call them at 555-0100. they know.", "Call them at 555-0100 . | they know .");
    TOK("The envoy said.The talks failed.", "The envoy said . | The talks failed .");
    TOK("Read Mail.Com and anna.Lee@example.org today.",
        "Read Mail.Com and anna.Lee@example.org today .");
}

Test(udtok, paragraphs_end_sentences)
{
    TOK("Talks in Lima\n\nVoss met Tarn", "Talks in Lima | Voss met Tarn");
    TOK("Talks in\nLima went on", "Talks in Lima went on");
    TOK("Talks end\r\n\r\nThen rain", "Talks end | Then rain");
}

Test(udtok, one_sentence_is_split_only_at_the_limit)
{
    TOK1("Voss met Tarn. They talked!\n\nDid it work?",
         "Voss met Tarn . They talked ! Did it work ?");
}

Test(udtok, space_after)
{
    cr_assert_str_eq(spacing("I don't know (yet), Voss's."),
                     "I do/n't know (/yet/)/, Voss/'s/.");
    cr_assert_str_eq(spacing("A\xC2\xA0" "b c"), "A b c");   /* no-break space */
}

Test(udtok, unicode_letters_and_marks)
{
    TOK("Le\xCC\x81on met \xC3\x89lise in M\xC3\xBCnchen.",
        "Le\xCC\x81on met \xC3\x89lise in M\xC3\xBCnchen .");
    TOK("Price: \xE2\x82\xAC" "5 or \xC2\xA3" "3.", "Price : \xE2\x82\xAC 5 or \xC2\xA3 3 .");
    TOK("A\xE2\x80\x8B" "B", "A B");   /* zero-width space */
}

Test(udtok, invalid_utf8_is_letters)
{
    TOK("Vo\xFF\xFEss met \xC3.", "Vo\xFF\xFEss met \xC3 .");
    TOK("\x80\x80\x80", "\x80\x80\x80");
    TOK("end \xE2\x80", "end \xE2\x80");   /* a cut sequence at the end */
}

Test(udtok, nul_bytes_separate_words)
{
    const char s[] = "Voss\0met\0\0Tarn.\0";
    size_t n;
    dy_utoken *w = tokenize(s, sizeof s - 1, 0, &n);
    cr_assert_eq(n, 4);
    cr_assert_eq(w[0].start, 0);
    cr_assert_eq(w[0].end, 4);
    cr_assert_eq(w[2].start, 10);
    cr_assert(w[0].space_after);
}

Test(udtok, hostile_inputs)
{
    size_t n;
    tokenize(NULL, 0, 0, &n);
    cr_assert_eq(n, 0);
    const char *odd[] = {"'", "\"", "-", "'s", "n't", "''", "...", "http://", "www.", "@",
                         "#", ".", "a.", "U.S.-", "--a", "a'", "a\xE2\x80\x99", "1,", ",1",
                         "a-", "-a-", "::)", "\xE2\x80\xA6?", NULL};
    for (const char **p = odd; *p; p++)
        tokenize(*p, strlen(*p), 0, &n);
}

Test(udtok, bad_arguments)
{
    dy_utoken *w;
    size_t n;
    dyad_error err = {0};
    cr_assert_eq(dy_ud_tokenize(NULL, "a", 1, 0, &w, &n, &err), DYAD_ERR_ARG);
    cr_assert_eq(dy_ud_tokenize(&arena, NULL, 1, 0, &w, &n, &err), DYAD_ERR_ARG);
    cr_assert_eq(dy_ud_tokenize(&arena, "a", 1, 0, NULL, &n, &err), DYAD_ERR_ARG);
}

/* n copies of the byte c (or of the string piece), NUL-terminated. */
static char *repeat(const char *piece, size_t times)
{
    size_t k = strlen(piece);
    char *s = malloc(k * times + 1);
    cr_assert(s);
    for (size_t i = 0; i < times; i++)
        memcpy(s + i * k, piece, k);
    s[k * times] = '\0';
    return s;
}

Test(udtok, ten_megabytes_of_one_letter_is_one_word)
{
    char *s = repeat("a", 10u << 20);
    size_t n;
    dy_utoken *w = tokenize(s, 10u << 20, 0, &n);
    cr_assert_eq(n, 1);
    cr_assert_eq(w[0].end, 10u << 20);
    free(s);
}

Test(udtok, a_hundred_thousand_periods)
{
    char *s = repeat(".", 100000);
    size_t n;
    tokenize(s, 100000, 0, &n);
    cr_assert_eq(n, 1);
    free(s);
    s = repeat(". ", 100000);
    tokenize(s, 200000, 0, &n);
    cr_assert_eq(n, 100000);
    free(s);
    s = repeat("a.", 100000);   /* one dotted run, no sentence end inside */
    tokenize(s, 200000, 0, &n);
    free(s);
}

Test(udtok, other_long_runs)
{
    const char *pieces[] = {"-", "a-", "'", "a'", "1,", "(", "\xE2\x80\x99", "http://a",
                            "don't ", "Mr. ", "\xFF", "A. ", "a@", "$", NULL};
    for (const char **p = pieces; *p; p++) {
        char *s = repeat(*p, 20000);
        size_t n;
        tokenize(s, strlen(s), 0, &n);
        cr_assert(n > 0);
        free(s);
    }
}

Test(udtok, a_long_sentence_is_cut_at_the_limit)
{
    char *s = repeat("word ", 5000);
    size_t n, sents = 0;
    dy_utoken *w = tokenize(s, strlen(s), 0, &n);
    cr_assert_eq(n, 5000);
    for (size_t i = 0; i < n; i++)
        if (w[i].sent_start) {
            cr_assert_eq(i % DY_SYN_MAX_WORDS, 0);
            sents++;
        }
    cr_assert_eq(sents, 5000 / DY_SYN_MAX_WORDS);
    w = tokenize(s, strlen(s), 1, &n);   /* one sentence: the same cut */
    cr_assert(w[DY_SYN_MAX_WORDS].sent_start);
    free(s);
}

Test(udtok, the_cut_keeps_a_multiword_token_whole)
{
    /* Word DY_SYN_MAX_WORDS (0-based) would be "n't" of "don't". */
    char *words = repeat("w ", DY_SYN_MAX_WORDS - 1);
    size_t len = strlen(words) + 32;
    char *s = malloc(len);
    cr_assert(s);
    snprintf(s, len, "%sdon't stop", words);
    size_t n;
    dy_utoken *w = tokenize(s, strlen(s), 1, &n);
    cr_assert_eq(n, DY_SYN_MAX_WORDS + 2);
    cr_assert(w[DY_SYN_MAX_WORDS - 1].mwt == 2);
    cr_assert(w[DY_SYN_MAX_WORDS - 1].sent_start, "cut before the multiword token");
    cr_assert(!w[DY_SYN_MAX_WORDS].sent_start);
    free(words);
    free(s);
}

Test(udtok, word_lists)
{
    const char *abbr[] = {"Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col",
                          "Jan", "Feb", "Aug", "Sept", "Dec", "Inc", "Corp", "Ltd", "Co",
                          "Jr", "St", "etc", "vs", "Calif", "Wyo", "Ala", NULL};
    for (const char **p = abbr; *p; p++)
        cr_assert(dy_ud_wordlist(*p, strlen(*p)) & DY_UDW_ABBR, "%s", *p);
    const char *pre[] = {"anti", "co", "e", "non", "pre", "post", "re", "ultra", "un",
                         "counter", "mid", "multi", "semi", NULL};
    for (const char **p = pre; *p; p++)
        cr_assert(dy_ud_wordlist(*p, strlen(*p)) & DY_UDW_PREFIX, "%s", *p);
    const char *start[] = {"A", "The", "However", "Your", "You", "Yet", "According", NULL};
    for (const char **p = start; *p; p++)
        cr_assert(dy_ud_wordlist(*p, strlen(*p)) & DY_UDW_STARTER, "%s", *p);
    cr_assert(dy_ud_wordlist("Mr", 2) & DY_UDW_TITLE);
    cr_assert(dy_ud_wordlist("No", 2) & DY_UDW_NUMABBR);
    cr_assert_eq(dy_ud_wordlist("Tarn", 4), 0);
    cr_assert_eq(dy_ud_wordlist("", 0), 0);
    cr_assert_eq(dy_ud_wordlist("Mrs", 2), dy_ud_wordlist("Mr", 2));
}

Test(udtok, upos_names)
{
    for (int i = 0; i < DY_UPOS_COUNT; i++) {
        const char *name = dy_upos_name(i);
        cr_assert_eq(dy_upos_parse(name, strlen(name)), i);
    }
    cr_assert_str_eq(dy_upos_name(DY_UPOS_PROPN), "PROPN");
    cr_assert_str_eq(dy_upos_name(-1), "_");
    cr_assert_str_eq(dy_upos_name(DY_UPOS_COUNT), "_");
    cr_assert_eq(dy_upos_parse("NOUNS", 4), DY_UPOS_NOUN);
    cr_assert_eq(dy_upos_parse("NOUNS", 5), -1);
    cr_assert_eq(dy_upos_parse("", 0), -1);
    cr_assert_eq(dy_upos_parse(NULL, 0), -1);
}
