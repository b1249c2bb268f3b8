/* test_io_conllu.c — the CoNLL-U reader and writer: fields, comments, ranges,
 * empty nodes, line ends, every malformed line, the limits, round trips. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/read_conllu.h"
#include "io/write_conllu.h"

/* ------------------------------------------------------------ helpers */

/* A reader over s[0, n): a stream without a descriptor (fmemopen), or a
 * temporary file (the descriptor path of the line reader). */
typedef struct rd {
    FILE *f;
    dy_conllu_reader r;
    dy_conllu_sent s;
    dyad_error err;
    int got;
} rd;

static void rd_open(rd *x, const char *s, size_t n, int as_file)
{
    memset(x, 0, sizeof *x);
    if (as_file) {
        x->f = tmpfile();
        cr_assert_not_null(x->f);
        cr_assert_eq(fwrite(s, 1, n, x->f), n);
        rewind(x->f);
    } else {
        x->f = fmemopen((void *)s, n, "rb");
        cr_assert_not_null(x->f);
    }
    dy_conllu_init(&x->r, x->f, "t.conllu");
}

static void rd_str(rd *x, const char *s)
{
    rd_open(x, s, strlen(s), 0);
}

static void rd_close(rd *x)
{
    dy_conllu_free(&x->r);
    fclose(x->f);
}

static dyad_status rd_next(rd *x)
{
    memset(&x->err, 0, sizeof x->err);
    return dy_conllu_next(&x->r, &x->s, &x->got, &x->err);
}

/* The next call gives a sentence whose first form is form0. */
static void expect_sent(rd *x, size_t n_words, const char *form0)
{
    dyad_status st = rd_next(x);
    cr_assert_eq(st, DYAD_OK, "status %d: %s:%ld: %s", st, x->err.where, x->err.line,
                 x->err.message);
    cr_assert_eq(x->got, 1, "expected a sentence");
    cr_assert_eq(x->s.n_words, n_words);
    cr_assert_str_eq(x->s.forms[0], form0);
}

/* The next call skips a sentence with status st at line, message holding what. */
static void expect_skip(rd *x, dyad_status st, long line, const char *what)
{
    dyad_status got = rd_next(x);
    cr_assert_eq(got, st, "status %d, want %d: %s:%ld: %s", got, st, x->err.where,
                 x->err.line, x->err.message);
    cr_assert_eq(x->got, 0);
    cr_expect_str_eq(x->err.where, "t.conllu");
    cr_expect_eq(x->err.line, line, "line %ld, want %ld (%s)", x->err.line, line, x->err.message);
    cr_expect(strstr(x->err.message, what) != NULL, "message '%s' lacks '%s'", x->err.message,
              what);
    cr_expect(strstr(x->err.message, "sentence skipped") != NULL, "message '%s'", x->err.message);
}

static void expect_end(rd *x)
{
    cr_assert_eq(rd_next(x), DYAD_OK, "%s", x->err.message);
    cr_assert_eq(x->got, 0, "expected the end");
    cr_assert_eq(rd_next(x), DYAD_OK);   /* and it stays at the end */
    cr_assert_eq(x->got, 0);
}

/* A word line "ID<TAB>form<TAB>lemma ... head deprel _ misc" for tests. */
#define W(id, form, lemma, upos, head, rel, misc) \
    id "\t" form "\t" lemma "\t" upos "\t_\t_\t" head "\t" rel "\t_\t" misc "\n"

/* Our own sentences. */
static const char TWO[] =
    "# newdoc id = wire-7\n"
    "# sent_id = wire-7-1\n"
    "# text = France praised Germany.\n"
    W("1", "France", "France", "PROPN", "2", "nsubj", "_")
    W("2", "praised", "praise", "VERB", "0", "root", "_")
    W("3", "Germany", "Germany", "PROPN", "2", "obj", "SpaceAfter=No")
    W("4", ".", ".", "PUNCT", "2", "punct", "_")
    "\n"
    "# sent_id = wire-7-2\n"
    "# translator = none\n"
    "# text = Kenya did not reply.\n"
    "1\tKenya\tKenya\tPROPN\tNNP\tNumber=Sing\t4\tnsubj\t4:nsubj\t_\n"
    W("2", "did", "do", "AUX", "4", "aux", "_")
    W("3", "not", "not", "PART", "4", "advmod", "_")
    W("4", "reply", "reply", "VERB", "0", "root", "SpaceAfter=No")
    W("5", ".", ".", "PUNCT", "_", "_", "_")
    "\n";

/* ------------------------------------------------------------ reading */

Test(conllu_read, fields_and_comments)
{
    rd x;
    rd_str(&x, TWO);
    expect_sent(&x, 4, "France");
    dy_conllu_sent *s = &x.s;
    cr_expect_eq(s->line, 1);
    cr_expect_eq(s->n_comments, 3);
    cr_expect_str_eq(s->comments[0], " newdoc id = wire-7");
    cr_expect_str_eq(s->comments[2], " text = France praised Germany.");
    cr_expect_str_eq(s->newdoc, "wire-7");
    cr_expect_str_eq(s->sent_id, "wire-7-1");
    cr_expect_str_eq(s->text, "France praised Germany.");
    cr_expect_str_eq(s->lemmas[1], "praise");
    cr_expect_str_eq(s->upos[2], "PROPN");
    cr_expect_str_eq(s->xpos[2], "_");
    cr_expect_eq(s->heads[0], 2);
    cr_expect_eq(s->heads[1], 0);
    cr_expect_str_eq(s->deprels[2], "obj");
    cr_expect_str_eq(s->misc[2], "SpaceAfter=No");
    cr_expect_eq(s->form_lens[1], 7);
    cr_expect_eq(s->lines[0], 4);
    cr_expect_eq(s->lines[3], 7);
    cr_expect_eq(s->n_extras, 0);

    expect_sent(&x, 5, "Kenya");
    s = &x.s;
    cr_expect_eq(s->line, 9);
    cr_expect_null(s->newdoc);
    cr_expect_str_eq(s->sent_id, "wire-7-2");
    cr_expect_str_eq(s->comments[1], " translator = none");
    cr_expect_str_eq(s->xpos[0], "NNP");
    cr_expect_str_eq(s->feats[0], "Number=Sing");
    cr_expect_str_eq(s->deps[0], "4:nsubj");
    cr_expect_eq(s->heads[4], -1);
    cr_expect_str_eq(s->deprels[4], "_");
    expect_end(&x);
    rd_close(&x);
}

Test(conllu_read, same_through_a_file_descriptor)
{
    rd x;
    rd_open(&x, TWO, sizeof TWO - 1, 1);
    expect_sent(&x, 4, "France");
    expect_sent(&x, 5, "Kenya");
    cr_expect_str_eq(x.s.forms[3], "reply");
    expect_end(&x);
    rd_close(&x);
}

Test(conllu_read, comment_values)
{
    cr_expect_str_eq(dy_conllu_comment_value(" sent_id = a b ", "sent_id"), "a b ");
    cr_expect_str_eq(dy_conllu_comment_value("sent_id=x", "sent_id"), "x");
    cr_expect_str_eq(dy_conllu_comment_value(" text =", "text"), "");
    cr_expect_null(dy_conllu_comment_value(" sent_idx = 3", "sent_id"));
    cr_expect_null(dy_conllu_comment_value(" sent_id 3", "sent_id"));
    cr_expect_null(dy_conllu_comment_value(" text_en = Hello", "text"));
    cr_expect_str_eq(dy_conllu_newdoc_value(" newdoc"), "");
    cr_expect_str_eq(dy_conllu_newdoc_value(" newdoc  "), "");
    cr_expect_str_eq(dy_conllu_newdoc_value(" newdoc id = d1"), "d1");
    cr_expect_str_eq(dy_conllu_newdoc_value(" newdoc id=d2"), "d2");
    cr_expect_null(dy_conllu_newdoc_value(" newdocs"));
    cr_expect_null(dy_conllu_newdoc_value(" newpar id = p1"));
    cr_expect_null(dy_conllu_newdoc_value(" newdoc title = x"));
}

Test(conllu_read, bare_newdoc_and_first_value_wins)
{
    rd x;
    rd_str(&x, "# newdoc\n#sent_id=s1\n# sent_id = s2\n" W("1", "Yes", "yes", "INTJ", "0", "root", "_"));
    expect_sent(&x, 1, "Yes");
    cr_expect_str_eq(x.s.newdoc, "");
    cr_expect_str_eq(x.s.sent_id, "s1");
    cr_expect_null(x.s.text);
    cr_expect_eq(x.s.n_comments, 3);
    expect_end(&x);
    rd_close(&x);
}

Test(conllu_read, forms_with_blanks_and_bad_utf8_pass_through)
{
    rd x;
    rd_str(&x, W("1", "New York", "New York", "PROPN", "2", "nsubj", "_")
               W("2", "w\xC3\x28rd \xFF", "w", "VERB", "0", "root", "_"));
    expect_sent(&x, 2, "New York");
    cr_expect_eq(x.s.form_lens[0], 8);
    cr_expect_str_eq(x.s.lemmas[0], "New York");
    cr_expect_str_eq(x.s.forms[1], "w\xC3\x28rd \xFF");
    cr_expect_eq(x.s.form_lens[1], 7);
    expect_end(&x);
    rd_close(&x);
}

static const char MWT[] =
    "# text = Chile's envoy didn't go.\n"
    "0.1\tsaid\tsay\tVERB\t_\t_\t_\t_\t0:root\t_\n"
    "1-2\tChile's\t_\t_\t_\t_\t_\t_\t_\t_\n"
    W("1", "Chile", "Chile", "PROPN", "3", "nmod:poss", "_")
    W("2", "'s", "'s", "PART", "1", "case", "_")
    W("3", "envoy", "envoy", "NOUN", "5", "nsubj", "_")
    "3.1\tgone\tgo\tVERB\t_\t_\t_\t_\t0:root\t_\n"
    "3.2\tgone\tgo\tVERB\t_\t_\t_\t_\t0:root\t_\n"
    "4-5\tdidn't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
    W("4", "did", "do", "AUX", "6", "aux", "_")
    W("5", "n't", "not", "PART", "6", "advmod", "_")
    W("6", "go", "go", "VERB", "0", "root", "SpaceAfter=No")
    W("7", ".", ".", "PUNCT", "6", "punct", "_")
    "7.1\tx\tx\tX\t_\t_\t_\t_\t7:dep\t_\n";

Test(conllu_read, ranges_and_empty_nodes_kept_in_place)
{
    rd x;
    rd_str(&x, MWT);
    expect_sent(&x, 7, "Chile");
    const dy_conllu_sent *s = &x.s;
    cr_assert_eq(s->n_extras, 6);
    const dy_conllu_line *e = s->extras;
    cr_expect_eq(e[0].kind, DY_CONLLU_EMPTY);
    cr_expect_eq(e[0].before, 0);
    cr_expect_eq(e[0].first, 0);
    cr_expect_eq(e[0].last, 1);
    cr_expect_eq(e[1].kind, DY_CONLLU_RANGE);
    cr_expect_eq(e[1].before, 0);
    cr_expect_eq(e[1].first, 1);
    cr_expect_eq(e[1].last, 2);
    cr_expect_eq(e[1].form_len, 7);
    cr_expect(memcmp(e[1].form, "Chile's", 7) == 0);
    cr_expect_str_eq(e[1].text, "1-2\tChile's\t_\t_\t_\t_\t_\t_\t_\t_");
    cr_expect_eq(e[1].len, strlen(e[1].text));
    cr_expect_eq(e[1].line, 3);
    cr_expect_eq(e[2].before, 3);
    cr_expect_eq(e[3].first, 3);
    cr_expect_eq(e[3].last, 2);
    cr_expect_eq(e[4].kind, DY_CONLLU_RANGE);
    cr_expect_eq(e[4].before, 3);
    cr_expect_str_eq(e[4].text, "4-5\tdidn't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No");
    cr_expect_eq(e[5].before, 7);   /* after the last word */
    cr_expect_str_eq(s->forms[4], "n't");
    expect_end(&x);
    rd_close(&x);
}

Test(conllu_read, line_ends_bom_blank_runs_and_no_final_blank_line)
{
    static const char in[] =
        "\xEF\xBB\xBF\r\n\r\n# sent_id = a\r\n1\tPeace\tpeace\tNOUN\t_\t_\t0\troot\t_\t_\r\n\r\n"
        "   \r\n\t\n"                       /* lines of blanks: more separators */
        "1\tTalks\ttalk\tNOUN\t_\t_\t2\tnsubj\t_\t_\r"    /* lone CRs */
        "2\tresumed\tresume\tVERB\t_\t_\t0\troot\t_\t_\r \r"
        "1\tQuiet\tquiet\tADJ\t_\t_\t0\troot\t_\t_";      /* no line end at all */
    rd x;
    rd_str(&x, in);
    expect_sent(&x, 1, "Peace");
    cr_expect_str_eq(x.s.sent_id, "a");
    cr_expect_str_eq(x.s.misc[0], "_");
    cr_expect_eq(x.s.line, 3);
    expect_sent(&x, 2, "Talks");
    cr_expect_str_eq(x.s.forms[1], "resumed");
    cr_expect_str_eq(x.s.misc[1], "_");
    cr_expect_eq(x.s.line, 8);
    expect_sent(&x, 1, "Quiet");
    cr_expect_eq(x.s.line, 11);
    expect_end(&x);
    rd_close(&x);
}

Test(conllu_read, empty_input)
{
    rd x;
    rd_str(&x, "\n\n  \n");
    expect_end(&x);
    rd_close(&x);
    rd_str(&x, "");
    expect_end(&x);
    rd_close(&x);
}

/* One malformed sentence between two good ones: it is skipped naming its
 * line, and the sentence after it is read. */
typedef struct bad_case {
    const char *lines;     /* the bad sentence, starting at line 4 */
    long line;             /* the line the error names */
    const char *what;
} bad_case;

#define GOOD1 W("1", "Rain", "rain", "NOUN", "0", "root", "_") W("2", "fell", "fall", "VERB", "1", "acl", "_") "\n"
#define L4A W("1", "Iran", "Iran", "PROPN", "2", "nsubj", "_")
#define L5B W("2", "agreed", "agree", "VERB", "0", "root", "_")

static const bad_case bad_cases[] = {
    {L4A "2\tagreed\tagree\tVERB\t_\t_\t0\troot\t_\n", 5, "line of 9 tab-separated columns, not 10"},
    {L4A "2\tagreed\tagree\tVERB\t_\t_\t0\troot\t_\t_\t_\n", 5, "11 tab-separated columns"},
    {"1 Iran Iran PROPN _ _ 0 root _ _\n", 4, "line of 1 tab-separated columns"},
    {L4A "x\tagreed\tagree\tVERB\t_\t_\t0\troot\t_\t_\n", 5, "bad ID 'x'"},
    {L4A "02\tagreed\tagree\tVERB\t_\t_\t0\troot\t_\t_\n", 5, "bad ID '02'"},
    {L4A "2.\tagreed\tagree\tVERB\t_\t_\t0\troot\t_\t_\n", 5, "bad ID '2.'"},
    {L4A "2-x\tagreed\tagree\tVERB\t_\t_\t0\troot\t_\t_\n", 5, "bad ID"},
    {L4A "2:1\tagreed\tagree\tVERB\t_\t_\t0\troot\t_\t_\n", 5, "bad ID"},
    {L4A "3\tagreed\tagree\tVERB\t_\t_\t0\troot\t_\t_\n", 5, "word 3 out of order (want 2)"},
    {"0\tIran\tIran\tPROPN\t_\t_\t0\troot\t_\t_\n", 4, "word 0 out of order (want 1)"},
    {L4A L4A, 5, "word 1 out of order (want 2)"},
    {L4A "3-2\tx\t_\t_\t_\t_\t_\t_\t_\t_\n" L5B, 5, "bad multiword range 3-2"},
    {"2-3\tx\t_\t_\t_\t_\t_\t_\t_\t_\n" L4A L5B, 4, "multiword range 2-3 out of place (the next word is 1)"},
    {"1-2\tx\t_\t_\t_\t_\t_\t_\t_\t_\n" L4A "2-3\ty\t_\t_\t_\t_\t_\t_\t_\t_\n" L5B, 6,
     "inside the previous range"},
    {"1-2\tx\t_\t_\t_\t_\t_\t_\t_\t_\n1-2\tx\t_\t_\t_\t_\t_\t_\t_\t_\n" L4A L5B, 5, "out of place"},
    {L4A "2-3\tx\t_\t_\t_\t_\t_\t_\t_\t_\n" L5B, 5, "multiword range 2-3 goes past the last word (2)"},
    {"1-2\tx\t_\t_\t_\t_\t_\t_\t_\t_\n0.1\te\t_\t_\t_\t_\t_\t_\t_\t_\n" L4A L5B, 5,
     "between a multiword range and its first word"},
    {L4A "1.2\te\t_\t_\t_\t_\t_\t_\t_\t_\n" L5B, 5, "empty node 1.2 out of order (want 1.1)"},
    {L4A "2.1\te\t_\t_\t_\t_\t_\t_\t_\t_\n" L5B, 5, "empty node 2.1 out of order (want 1.1)"},
    {L4A "1.1\te\t_\t_\t_\t_\t_\t_\t_\t_\n1.1\te\t_\t_\t_\t_\t_\t_\t_\t_\n" L5B, 6,
     "empty node 1.1 out of order (want 1.2)"},
    {L4A "2\t\tagree\tVERB\t_\t_\t0\troot\t_\t_\n", 5, "empty FORM column"},
    {L4A "2\tagreed\t\tVERB\t_\t_\t0\troot\t_\t_\n", 5, "empty LEMMA column"},
    {L4A "2\tagreed\tagree\tVERB\t_\t_\t0\troot\t_\t\n", 5, "empty MISC column"},
    {L4A "\tagreed\tagree\tVERB\t_\t_\t0\troot\t_\t_\n", 5, "empty ID column"},
    {L4A "2\tagreed\tagree\tVERB\t_\t_\tx\troot\t_\t_\n", 5, "bad HEAD 'x'"},
    {L4A "2\tagreed\tagree\tVERB\t_\t_\t-1\troot\t_\t_\n", 5, "bad HEAD '-1'"},
    {L4A "2\tagreed\tagree\tVERB\t_\t_\t2.5\troot\t_\t_\n", 5, "bad HEAD '2.5'"},
    {W("1", "Iran", "Iran", "PROPN", "3", "nsubj", "_") L5B, 4,
     "HEAD 3 is not a word of the sentence (it has 2)"},
    {L4A "# sent_id = late\n" L5B, 5, "comment line after the words"},
    {"# only = comments\n# here = too\n", 4, "no word line in the sentence"},
    {"0.1\te\t_\t_\t_\t_\t_\t_\t_\t_\n", 4, "no word line"},
};

static void run_bad_case(const bad_case *c, int as_file)
{
    char in[1024];
    int n = snprintf(in, sizeof in, "%s%s\n%s", GOOD1, c->lines,
                     W("1", "Snow", "snow", "NOUN", "0", "root", "_"));
    cr_assert(n > 0 && (size_t)n < sizeof in);
    rd x;
    rd_open(&x, in, (size_t)n, as_file);
    expect_sent(&x, 2, "Rain");
    expect_skip(&x, DYAD_ERR_PARSE, c->line, c->what);
    expect_sent(&x, 1, "Snow");
    expect_end(&x);
    rd_close(&x);
}

Test(conllu_read, malformed_lines_named_and_skipped)
{
    for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
        run_bad_case(&bad_cases[i], 0);
        run_bad_case(&bad_cases[i], 1);
    }
}

Test(conllu_read, nul_bytes_make_a_line_malformed)
{
    static const char in[] = GOOD1 W("1", "Oman", "Oman", "PROPN", "0", "root", "_")
        "2\tsi\0ned\tsign\tVERB\t_\t_\t1\tacl\t_\t_\n\n"
        "# a comment with a \0 in it\n" W("1", "Peru", "Peru", "PROPN", "0", "root", "_") "\n"
        W("1", "Fiji", "Fiji", "PROPN", "0", "root", "_");
    rd x;
    rd_open(&x, in, sizeof in - 1, 0);
    expect_sent(&x, 2, "Rain");
    expect_skip(&x, DYAD_ERR_PARSE, 5, "NUL byte");
    expect_skip(&x, DYAD_ERR_PARSE, 7, "NUL byte");
    expect_sent(&x, 1, "Fiji");
    expect_end(&x);
    rd_close(&x);
}

Test(conllu_read, only_the_first_error_of_a_sentence)
{
    rd x;
    rd_str(&x, "x\ty\n1\t\t\t\n# late\n" W("9", "a", "a", "X", "0", "root", "_") "\n" GOOD1);
    expect_skip(&x, DYAD_ERR_PARSE, 1, "line of 2 tab-separated columns");
    expect_sent(&x, 2, "Rain");
    expect_end(&x);
    rd_close(&x);
}

/* n word lines "i<TAB>w ..." each with HEAD 0 (the root is not checked). */
static char *many_words(const char *before, int n, const char *after)
{
    size_t cap = strlen(before) + strlen(after) + (size_t)n * 40 + 16;
    char *s = malloc(cap);
    cr_assert_not_null(s);
    size_t len = (size_t)sprintf(s, "%s", before);
    for (int i = 1; i <= n; i++)
        len += (size_t)sprintf(s + len, "%d\tword\tword\tNOUN\t_\t_\t0\tdep\t_\t_\n", i);
    sprintf(s + len, "%s", after);
    return s;
}

Test(conllu_read, word_limit)
{
    char *in = many_words(GOOD1 "# sent_id = long\n", DY_SYN_MAX_WORDS + 1,
                          "\n" W("1", "Calm", "calm", "ADJ", "0", "root", "_"));
    rd x;
    rd_str(&x, in);
    expect_sent(&x, 2, "Rain");
    expect_skip(&x, DYAD_ERR_LIMIT, 4, "longer than the limit of 500 words");
    expect_sent(&x, 1, "Calm");
    expect_end(&x);
    rd_close(&x);
    free(in);

    in = many_words("", DY_SYN_MAX_WORDS, "");
    rd_str(&x, in);
    expect_sent(&x, DY_SYN_MAX_WORDS, "word");
    cr_expect_eq(x.s.lines[DY_SYN_MAX_WORDS - 1], DY_SYN_MAX_WORDS);
    expect_end(&x);
    rd_close(&x);
    free(in);
}

/* "# " then n bytes of 'a', a line end. */
static size_t put_comment(char *s, size_t n)
{
    s[0] = '#';
    s[1] = ' ';
    memset(s + 2, 'a', n);
    s[n + 2] = '\n';
    return n + 3;
}

Test(conllu_read, huge_comments)
{
    size_t big = (size_t)1 << 20, over = (size_t)DYAD_MAX_STORY_BYTES + 10;
    size_t cap = big + over + 4096;
    char *in = malloc(cap);
    cr_assert_not_null(in);
    size_t n = put_comment(in, big);
    n += (size_t)sprintf(in + n, W("1", "Long", "long", "ADJ", "0", "root", "_") "\n");
    n += put_comment(in + n, over);   /* a line under the line limit, over the sentence's */
    n += (size_t)sprintf(in + n, W("1", "Over", "over", "ADV", "0", "root", "_") "\n");
    n += (size_t)sprintf(in + n, W("1", "Next", "next", "ADJ", "0", "root", "_"));
    rd x;
    rd_open(&x, in, n, 0);
    expect_sent(&x, 1, "Long");
    cr_expect_eq(strlen(x.s.comments[0]), big + 1);
    expect_skip(&x, DYAD_ERR_LIMIT, 4, "sentence longer than the limit of 4194304 bytes");
    expect_sent(&x, 1, "Next");
    expect_end(&x);
    rd_close(&x);
    free(in);
}

Test(conllu_read, line_over_the_line_limit)
{
    size_t over = (size_t)DYAD_MAX_LINE_BYTES + 1;
    char *in = malloc(over + 4096);
    cr_assert_not_null(in);
    size_t n = (size_t)sprintf(in, W("1", "Before", "before", "ADV", "0", "root", "_"));
    n += put_comment(in + n, over);
    n += (size_t)sprintf(in + n, "\n" W("1", "After", "after", "ADV", "0", "root", "_"));
    rd x;
    rd_open(&x, in, n, 1);
    expect_skip(&x, DYAD_ERR_PARSE, 2, "line longer than the limit of 8388608 bytes");
    expect_sent(&x, 1, "After");
    cr_expect_eq(x.s.line, 4);
    expect_end(&x);
    rd_close(&x);
    free(in);
}

Test(conllu_read, too_many_comment_lines)
{
    size_t cap = (DY_CONLLU_MAX_OTHER_LINES + 1) * 4 + 4096;
    char *in = malloc(cap);
    cr_assert_not_null(in);
    size_t n = 0;
    for (int i = 0; i <= DY_CONLLU_MAX_OTHER_LINES; i++)
        n += (size_t)sprintf(in + n, "# x\n");
    n += (size_t)sprintf(in + n, W("1", "Many", "many", "ADJ", "0", "root", "_") "\n");
    n += (size_t)sprintf(in + n, "# x\n" W("1", "Few", "few", "ADJ", "0", "root", "_"));
    rd x;
    rd_open(&x, in, n, 0);
    expect_skip(&x, DYAD_ERR_LIMIT, 1, "more than 2000 comment, range and empty-node lines");
    expect_sent(&x, 1, "Few");
    expect_end(&x);
    rd_close(&x);
    free(in);
}

/* Every file of tests/bad/ in CoNLL-U: what tests/bad/README.md says of it. */
Test(conllu_read, bad_files)
{
    rd x;
    memset(&x, 0, sizeof x);
    x.f = fopen("tests/bad/malformed.conllu", "rb");
    cr_assert_not_null(x.f);
    dy_conllu_init(&x.r, x.f, "t.conllu");
    expect_sent(&x, 3, "Chad");
    expect_skip(&x, DYAD_ERR_PARSE, 8, "line of 9 tab-separated columns");
    expect_skip(&x, DYAD_ERR_PARSE, 13, "word 3 out of order (want 2)");
    expect_skip(&x, DYAD_ERR_PARSE, 17, "HEAD 7 is not a word");
    expect_sent(&x, 2, "Mali");
    expect_end(&x);
    rd_close(&x);

    x.f = fopen("tests/bad/crlf-no-final-blank.conllu", "rb");
    cr_assert_not_null(x.f);
    dy_conllu_init(&x.r, x.f, "t.conllu");
    expect_sent(&x, 3, "Nepal");
    cr_expect_str_eq(x.s.text, "Nepal voted yes");
    expect_sent(&x, 2, "Laos");
    expect_end(&x);
    rd_close(&x);

    x.f = fopen("tests/bad/nul-and-range.conllu", "rb");
    cr_assert_not_null(x.f);
    dy_conllu_init(&x.r, x.f, "t.conllu");
    expect_skip(&x, DYAD_ERR_PARSE, 3, "NUL byte");
    expect_skip(&x, DYAD_ERR_PARSE, 6, "multiword range 1-3 goes past the last word (2)");
    expect_sent(&x, 2, "Cuba");
    cr_expect_eq(x.s.n_extras, 1);
    expect_end(&x);
    rd_close(&x);
}

/* ------------------------------------------------------------ writing */

static dy_conllu_out_word word(const char *form, const char *lemma, const char *upos, int head,
                               const char *rel)
{
    dy_conllu_out_word w;
    memset(&w, 0, sizeof w);
    w.form = form;
    w.form_len = form ? strlen(form) : 0;
    w.lemma = lemma;
    w.lemma_len = lemma ? strlen(lemma) : 0;
    w.upos = upos;
    w.head = head;
    w.deprel = rel;
    w.space_after = 1;
    return w;
}

/* Writes s into a fresh buffer; the caller frees the text. */
static char *write_one(const dy_conllu_out_sent *s)
{
    dy_strbuf b;
    dy_strbuf_init(&b);
    dyad_error err = {0};
    dyad_status st = dy_conllu_write(&b, s, &err);
    cr_assert_eq(st, DYAD_OK, "%s: %s", err.where, err.message);
    return dy_strbuf_take(&b);
}

Test(conllu_write, words_comments_and_space_after)
{
    dy_conllu_out_word w[4] = {
        word("Brazil", "Brazil", "PROPN", 2, "nsubj"),
        word("thanked", "thank", "VERB", 0, "root"),
        word("Peru", "Peru", "PROPN", 2, "obj"),
        word(".", ".", "PUNCT", 2, "punct"),
    };
    w[0].xpos = "NNP";
    w[0].feats = "Number=Sing";
    w[2].space_after = 0;
    w[3].head = -1;
    w[3].deprel = NULL;
    static const char text[] = "Brazil thanked Peru.";
    dy_conllu_out_sent s = {0};
    s.newdoc = "d-1";
    s.sent_id = "d-1-1";
    s.text = text;
    s.text_len = sizeof text - 1;
    s.words = w;
    s.n_words = 4;
    char *out = write_one(&s);
    cr_expect_str_eq(out,
        "# newdoc id = d-1\n"
        "# sent_id = d-1-1\n"
        "# text = Brazil thanked Peru.\n"
        "1\tBrazil\tBrazil\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_\n"
        "2\tthanked\tthank\tVERB\t_\t_\t0\troot\t_\t_\n"
        "3\tPeru\tPeru\tPROPN\t_\t_\t2\tobj\t_\tSpaceAfter=No\n"
        "4\t.\t.\tPUNCT\t_\t_\t_\t_\t_\t_\n"
        "\n");
    free(out);

    s.newdoc = "";
    s.sent_id = NULL;
    s.text = NULL;
    s.n_words = 1;
    w[0].head = 0;
    w[0].deprel = "root";
    out = write_one(&s);
    cr_expect_str_eq(out, "# newdoc\n1\tBrazil\tBrazil\tPROPN\tNNP\tNumber=Sing\t0\troot\t_\t_\n\n");
    free(out);
}

Test(conllu_write, multiword_tokens)
{
    dy_conllu_out_word w[5] = {
        word("We", "we", "PRON", 3, "nsubj"),
        word("do", "do", "AUX", 3, "aux"),
        word("n't", "not", "PART", 3, "advmod"),
        word("know", "know", "VERB", 0, "root"),
        word("!", "!", "PUNCT", 4, "punct"),
    };
    w[1].mwt = 2;
    w[1].mwt_form = "don't";
    w[1].mwt_form_len = 5;
    w[1].space_after = 0;     /* inside the token: not written */
    w[2].misc = "SpaceAfter=No";
    w[3].space_after = 0;
    dy_conllu_out_sent s = {0};
    s.words = w;
    s.n_words = 5;
    char *out = write_one(&s);
    cr_expect_str_eq(out,
        "1\tWe\twe\tPRON\t_\t_\t3\tnsubj\t_\t_\n"
        "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "2\tdo\tdo\tAUX\t_\t_\t3\taux\t_\t_\n"
        "3\tn't\tnot\tPART\t_\t_\t3\tadvmod\t_\t_\n"
        "4\tknow\tknow\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
        "5\t!\t!\tPUNCT\t_\t_\t4\tpunct\t_\t_\n\n");
    free(out);

    w[2].space_after = 0;     /* the token is followed by no space */
    out = write_one(&s);
    cr_expect(strstr(out, "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n") != NULL, "%s", out);
    cr_expect(strstr(out, "3\tn't\tnot\tPART\t_\t_\t3\tadvmod\t_\t_\n") != NULL, "%s", out);
    free(out);
}

Test(conllu_write, columns_cleaned)
{
    dy_conllu_out_word w[2] = {
        word("Tab\there", "line\nend", "X", 0, "root"),
        word("", "", "", 1, ""),
    };
    w[0].form_len = 8;
    w[0].xpos = "A\tB";
    w[1].feats = "";
    static const char nul_form[] = "a\0b\r";
    w[1].form = nul_form;
    w[1].form_len = 4;
    dy_conllu_out_sent s = {0};
    s.words = w;
    s.n_words = 2;
    char *out = write_one(&s);
    cr_expect_str_eq(out,
        "1\tTab here\tline end\tX\tA B\t_\t0\troot\t_\t_\n"
        "2\ta b \t_\t_\t_\t_\t1\t_\t_\t_\n\n");
    free(out);
    w[1].form_len = 0;
    out = write_one(&s);
    cr_expect(strstr(out, "2\t_\t_\t") != NULL, "%s", out);
    free(out);
}

Test(conllu_write, misc_merged_sorted)
{
    dy_conllu_out_word w[1] = {word("Go", "go", "VERB", 0, "root")};
    dy_conllu_out_sent s = {0};
    s.words = w;
    s.n_words = 1;
    static const struct { const char *misc; int space; const char *want; } cases[] = {
        {"Gloss=go|Translit=go", 0, "Gloss=go|SpaceAfter=No|Translit=go"},
        {"Gloss=go", 0, "Gloss=go|SpaceAfter=No"},
        {"Translit=go", 0, "SpaceAfter=No|Translit=go"},
        {"_", 0, "SpaceAfter=No"},
        {"_", 1, "_"},
        {"SpaceAfter=No", 1, "_"},
        {"A=1|SpaceAfter=No||B=2|", 1, "A=1|B=2"},
        {"SpaceAfter=No|Z=1", 0, "SpaceAfter=No|Z=1"},
        {"Bad=a\tb", 1, "Bad=a b"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        w[0].misc = cases[i].misc;
        w[0].space_after = cases[i].space;
        char *out = write_one(&s);
        char want[200];
        snprintf(want, sizeof want, "1\tGo\tgo\tVERB\t_\t_\t0\troot\t_\t%s\n\n", cases[i].want);
        cr_expect_str_eq(out, want, "case %zu", i);
        free(out);
    }
}

Test(conllu_write, comments_explicit_replace_read_ones)
{
    dy_conllu_out_word w[1] = {word("Hi", "hi", "INTJ", 0, "root")};
    const char *comments[] = {" newpar", " sent_id = old", " text = old\ttext", " note = kept"};
    dy_conllu_out_sent s = {0};
    s.words = w;
    s.n_words = 1;
    s.comments = comments;
    s.n_comments = 4;
    char *out = write_one(&s);
    cr_expect_str_eq(out, "# newpar\n# sent_id = old\n# text = old\ttext\n# note = kept\n"
                          "1\tHi\thi\tINTJ\t_\t_\t0\troot\t_\t_\n\n");
    free(out);
    static const char text[] = "Hi\r\nthere";
    s.sent_id = "new";
    s.text = text;
    s.text_len = sizeof text - 1;
    out = write_one(&s);
    cr_expect_str_eq(out, "# sent_id = new\n# text = Hi  there\n# newpar\n# note = kept\n"
                          "1\tHi\thi\tINTJ\t_\t_\t0\troot\t_\t_\n\n");
    free(out);
}

Test(conllu_write, extras_verbatim)
{
    rd x;
    rd_str(&x, MWT);
    expect_sent(&x, 7, "Chile");
    dy_conllu_out_word w[7];
    for (size_t i = 0; i < 7; i++) {
        w[i] = word(x.s.forms[i], x.s.lemmas[i], x.s.upos[i], x.s.heads[i], x.s.deprels[i]);
        w[i].space_after = i != 5;
    }
    dy_conllu_out_sent s = {0};
    s.words = w;
    s.n_words = 7;
    s.extras = x.s.extras;
    s.n_extras = x.s.n_extras;
    s.comments = x.s.comments;
    s.n_comments = x.s.n_comments;
    char *out = write_one(&s);
    cr_expect_str_eq(out,
        "# text = Chile's envoy didn't go.\n"
        "1-2\tChile's\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "1\tChile\tChile\tPROPN\t_\t_\t3\tnmod:poss\t_\t_\n"
        "2\t's\t's\tPART\t_\t_\t1\tcase\t_\t_\n"
        "3\tenvoy\tenvoy\tNOUN\t_\t_\t5\tnsubj\t_\t_\n"
        "4-5\tdidn't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
        "4\tdid\tdo\tAUX\t_\t_\t6\taux\t_\t_\n"
        "5\tn't\tnot\tPART\t_\t_\t6\tadvmod\t_\t_\n"
        "6\tgo\tgo\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
        "7\t.\t.\tPUNCT\t_\t_\t6\tpunct\t_\t_\n\n");
    free(out);
    s.keep_empty = 1;
    for (size_t i = 0; i < 7; i++)
        w[i].deps = x.s.deps[i];
    out = write_one(&s);
    size_t n = strlen(MWT);
    cr_expect_eq(strlen(out), n + 1);
    cr_expect(strncmp(out, MWT, n) == 0, "%s", out);   /* the input back, byte for byte */
    free(out);
    rd_close(&x);
}

/* What the writer refuses; b keeps what it had. */
Test(conllu_write, refuses_invalid)
{
    dy_conllu_out_word w[3] = {
        word("A", "a", "X", 0, "root"), word("B", "b", "X", 1, "dep"), word("C", "c", "X", 1, "dep"),
    };
    static const char range_text[] = "2-3\tBC\t_\t_\t_\t_\t_\t_\t_\t_";
    static const char empty_text[] = "1.1\tE\t_\t_\t_\t_\t_\t_\t_\t_";
    dy_conllu_line range = {range_text, sizeof range_text - 1, 1, DY_CONLLU_RANGE, 2, 3,
                            range_text + 4, 2, 0};
    dy_conllu_line empty = {empty_text, sizeof empty_text - 1, 1, DY_CONLLU_EMPTY, 1, 1,
                            empty_text + 4, 1, 0};
    dy_conllu_out_sent s = {0};
    s.words = w;
    s.n_words = 3;
    s.sent_id = "s9";
    dy_strbuf b;
    dy_strbuf_init(&b);
    dy_strbuf_adds(&b, "kept\n");
    dyad_error err;

#define REFUSE(what) do { \
        cr_expect_eq(dy_conllu_write(&b, &s, &err), DYAD_ERR_ARG, "%s", what); \
        cr_expect(strstr(err.message, what) != NULL, "'%s' lacks '%s'", err.message, what); \
        cr_expect_str_eq(err.where, "s9"); \
        cr_expect_str_eq(b.s, "kept\n"); \
    } while (0)

    s.n_words = 0;
    REFUSE("a sentence with no word");
    s.n_words = 3;
    w[1].head = 4;
    REFUSE("word 2: HEAD 4 is not a word");
    w[1].head = -2;
    REFUSE("word 2: HEAD -2");
    w[1].head = 1;
    w[1].mwt = 3;
    REFUSE("word 2: multiword token of 3 words goes past the last word");
    w[0].mwt = 2;
    w[1].mwt = 2;
    REFUSE("word 2: multiword token inside the token before (to 2)");
    w[1].mwt = 0;
    s.extras = &range;
    s.n_extras = 1;
    REFUSE("multiword range 2-3 overlaps the token before (to 2)");
    w[0].mwt = 0;
    range.before = 0;
    REFUSE("multiword range 2-3 does not fit the words");
    range.before = 1;
    range.last = 4;
    REFUSE("multiword range 2-4 does not fit the words");
    range.last = 3;
    s.extras = &empty;
    empty.before = 2;
    REFUSE("empty node 1.1 is not after word 1");
    empty.before = 5;
    REFUSE("out of order or past the end");
    dy_conllu_line two[2] = {range, empty};
    two[1].before = 0;
    s.extras = two;
    s.n_extras = 2;
    REFUSE("extra line 2 (before word index 0) out of order");

    /* and what it accepts after all that */
    empty.before = 1;
    s.extras = &empty;
    s.n_extras = 1;
    cr_expect_eq(dy_conllu_write(&b, &s, &err), DYAD_OK);
    s.sent_id = NULL;
    w[2].head = 9;
    cr_expect_eq(dy_conllu_write(&b, &s, &err), DYAD_ERR_ARG);
    cr_expect_str_eq(err.where, "CoNLL-U output");
    dy_strbuf_free(&b);
}

/* Written with every field set, read back: the same sentence. */
Test(conllu_write, round_trip_through_the_reader)
{
    dy_conllu_out_word w[6] = {
        word("The", "the", "DET", 2, "det"),
        word("Gulf States", "Gulf States", "PROPN", 5, "nsubj"),
        word("can", "can", "AUX", 5, "aux"),
        word("not", "not", "PART", 5, "advmod"),
        word("agree", "agree", "VERB", 0, "root"),
        word(".", ".", "PUNCT", 5, "punct"),
    };
    w[2].mwt = 2;
    w[2].mwt_form = "cannot";
    w[2].mwt_form_len = 6;
    w[4].space_after = 0;
    w[1].misc = "Entity=x";
    w[1].feats = "Number=Plur";
    w[1].deps = "5:nsubj";
    static const char text[] = "The Gulf States cannot agree.";
    dy_conllu_out_sent s = {0};
    s.newdoc = "n1";
    s.sent_id = "n1-1";
    s.text = text;
    s.text_len = sizeof text - 1;
    s.words = w;
    s.n_words = 6;
    char *out = write_one(&s);
    rd x;
    rd_str(&x, out);
    expect_sent(&x, 6, "The");
    cr_expect_str_eq(x.s.newdoc, "n1");
    cr_expect_str_eq(x.s.sent_id, "n1-1");
    cr_expect_str_eq(x.s.text, text);
    for (size_t i = 0; i < 6; i++) {
        cr_expect_str_eq(x.s.forms[i], w[i].form);
        cr_expect_str_eq(x.s.lemmas[i], w[i].lemma);
        cr_expect_str_eq(x.s.upos[i], w[i].upos);
        cr_expect_eq(x.s.heads[i], w[i].head);
        cr_expect_str_eq(x.s.deprels[i], w[i].deprel);
    }
    cr_expect_str_eq(x.s.feats[1], "Number=Plur");
    cr_expect_str_eq(x.s.deps[1], "5:nsubj");
    cr_expect_str_eq(x.s.misc[1], "Entity=x");
    cr_expect_str_eq(x.s.misc[4], "SpaceAfter=No");
    cr_assert_eq(x.s.n_extras, 1);
    cr_expect_eq(x.s.extras[0].first, 3);
    cr_expect_eq(x.s.extras[0].last, 4);
    expect_end(&x);
    rd_close(&x);
    free(out);
}

/* Read, written back, byte for byte: our sample of every kind of line. */
Test(conllu_write, input_reproduced)
{
    static const char in[] =
        "# newdoc id = brief-3\n"
        "# newpar\n"
        "# sent_id = brief-3-1\n"
        "# text = Canada's minister won't attend.\n"
        "1-2\tCanada's\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "1\tCanada\tCanada\tPROPN\tNNP\tNumber=Sing\t3\tnmod:poss\t3:nmod:poss\t_\n"
        "2\t's\t's\tPART\tPOS\t_\t1\tcase\t1:case\t_\n"
        "3\tminister\tminister\tNOUN\tNN\tNumber=Sing\t6\tnsubj\t6:nsubj\t_\n"
        "4-5\twon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "4\two\twill\tAUX\tMD\tVerbForm=Fin\t6\taux\t6:aux\t_\n"
        "5\tn't\tnot\tPART\tRB\t_\t6\tadvmod\t6:advmod\t_\n"
        "6\tattend\tattend\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\tGloss=x|SpaceAfter=No|Z=1\n"
        "7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t6:punct\t_\n"
        "\n"
        "# sent_id = brief-3-2\n"
        "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t0:root\t_\n"
        "1.1\tsaid\tsay\tVERB\t_\t_\t_\t_\t0:root\t_\n"
        "\n";
    rd x;
    rd_str(&x, in);
    dy_strbuf b;
    dy_strbuf_init(&b);
    for (;;) {
        cr_assert_eq(rd_next(&x), DYAD_OK);
        if (!x.got)
            break;
        dy_conllu_out_word w[8];
        for (size_t i = 0; i < x.s.n_words; i++) {
            w[i] = word(x.s.forms[i], x.s.lemmas[i], x.s.upos[i], x.s.heads[i], x.s.deprels[i]);
            w[i].xpos = x.s.xpos[i];
            w[i].feats = x.s.feats[i];
            w[i].deps = x.s.deps[i];
            w[i].misc = x.s.misc[i];
            w[i].space_after = strstr(x.s.misc[i], "SpaceAfter=No") == NULL;
        }
        dy_conllu_out_sent s = {0};
        s.comments = x.s.comments;
        s.n_comments = x.s.n_comments;
        s.words = w;
        s.n_words = x.s.n_words;
        s.extras = x.s.extras;
        s.n_extras = x.s.n_extras;
        s.keep_empty = 1;
        cr_assert_eq(dy_conllu_write(&b, &s, NULL), DYAD_OK);
    }
    cr_expect_str_eq(b.s, in);
    dy_strbuf_free(&b);
    rd_close(&x);
}
