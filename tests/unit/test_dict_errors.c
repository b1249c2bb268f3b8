/* test_dict_errors.c — malformed dictionaries fail with DYAD_ERR_PARSE (or IO)
 * naming the file and line, and the loader hands back no dictionary. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "dict/build.h"
#include "dict/dict.h"
#include "dict/embedded.h"

#define FIX "tests/fixtures/dict/"

static void expect_error(const char *dir, const char *file, long line, const char *words,
                         dyad_status want)
{
    dyad_dict *d = (dyad_dict *)1;
    dyad_error err;
    memset(&err, 0, sizeof err);
    char path[256];
    snprintf(path, sizeof path, FIX "%s", dir);
    dyad_status st = dyad_dict_load(path, &d, &err);
    cr_assert_eq(st, want, "%s: status %d, message %s", dir, st, err.message);
    cr_assert_null(d, "%s: no dictionary on failure", dir);
    cr_assert_eq(err.status, want);
    cr_assert(strstr(err.where, file) != NULL, "%s: where = %s", dir, err.where);
    cr_assert_eq(err.line, line, "%s: line %ld (%s)", dir, err.line, err.message);
    cr_assert(strstr(err.message, words) != NULL, "%s: message = %s", dir, err.message);
}

Test(dict_errors, missing_right_bracket)
{
    expect_error("err_missing_bracket", "e.actors", 2, "missing ']'", DYAD_ERR_PARSE);
}

Test(dict_errors, empty_code)
{
    expect_error("err_empty_code", "e.actors", 2, "empty code block", DYAD_ERR_PARSE);
}

Test(dict_errors, garbage_in_date_block)
{
    expect_error("err_garbage_date", "e.actors", 2, "malformed date restriction", DYAD_ERR_PARSE);
}

Test(dict_errors, letters_in_date)
{
    expect_error("err_letter_date", "e.actors", 3, "9906X1", DYAD_ERR_PARSE);
}

Test(dict_errors, unterminated_noun_block)
{
    expect_error("err_noun_open", "e.actors", 2, "<NOUN> without </NOUN>", DYAD_ERR_PARSE);
}

Test(dict_errors, actor_without_code)
{
    expect_error("err_no_code", "e.actors", 2, "no code", DYAD_ERR_PARSE);
}

Test(dict_errors, pattern_before_verb)
{
    expect_error("err_pattern_first", "e.verbs", 2, "pattern before any verb", DYAD_ERR_PARSE);
}

Test(dict_errors, unknown_synset)
{
    expect_error("err_unknown_synset", "e.verbs", 2, "unknown synset &NOSUCH", DYAD_ERR_PARSE);
}

Test(dict_errors, self_referencing_synset)
{
    expect_error("err_self_synset", "e.verbs", 3, "refers to itself", DYAD_ERR_PARSE);
}

Test(dict_errors, pattern_without_verb_marker)
{
    expect_error("err_no_star", "e.verbs", 2, "missing verb marker", DYAD_ERR_PARSE);
}

Test(dict_errors, unterminated_time_section)
{
    expect_error("err_time_open", "e.verbs", 1, "<TIME> without </TIME>", DYAD_ERR_PARSE);
}

Test(dict_errors, bad_time_shift)
{
    expect_error("err_bad_shift", "e.verbs", 2, "bad time shift", DYAD_ERR_PARSE);
}

Test(dict_errors, bad_verb_code)
{
    expect_error("err_verb_code", "e.verbs", 1, "bad character '$'", DYAD_ERR_PARSE);
}

Test(dict_errors, agent_without_tilde)
{
    expect_error("err_agent_tilde", "e.agents", 2, "lacks the ~ connector", DYAD_ERR_PARSE);
}

Test(dict_errors, unknown_option)
{
    expect_error("err_option", "e.options", 2, "unknown SET: parameter", DYAD_ERR_PARSE);
}

Test(dict_errors, issue_outside_block)
{
    expect_error("err_issue_outside", "e_Issues.txt", 1, "outside an <ISSUE", DYAD_ERR_PARSE);
}

Test(dict_errors, project_names_missing_file)
{
    expect_error("err_project_missing/e.project", "does_not_exist.actors", 0, "cannot open",
                 DYAD_ERR_IO);
}

Test(dict_errors, missing_path)
{
    expect_error("no_such_dir/none.project", "none.project", 0, "cannot open", DYAD_ERR_IO);
}

Test(dict_errors, null_arguments)
{
    dyad_error err;
    dyad_dict *d;
    cr_assert_eq(dyad_dict_load(NULL, &d, &err), DYAD_ERR_ARG);
    cr_assert_eq(dyad_dict_load("x", NULL, &err), DYAD_ERR_ARG);
    dyad_dict_free(NULL);
    cr_assert_str_eq(dyad_dict_warnings(NULL), "");
}

/* A NUL byte (a corrupt or binary file) is refused with its line, not read
 * as the end of a code: found by fuzz_dict_issues in a [code] block. */
Test(dict_errors, nul_byte_names_its_line)
{
    static const char project[] = "nul test\n<issuesfile> fz_Issues.txt\n";
    static const char issues[] = "<ISSUE CATEGORY=\"X\">\nSALT FISH [A\0B]\n</ISSUE>\n";
    dy_vfile files[] = {
        { "p.project", (const unsigned char *)project, sizeof project - 1 },
        { "fz_Issues.txt", (const unsigned char *)issues, sizeof issues - 1 },
    };
    dyad_dict *d = (dyad_dict *)1;
    dyad_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(dy_dict_load_files("p.project", files, 2, &d, &err), DYAD_ERR_PARSE,
                 "%s", err.message);
    cr_assert_null(d);
    cr_assert_str_eq(err.where, "fz_Issues.txt");
    cr_assert_eq(err.line, 2);
    cr_assert(strstr(err.message, "NUL byte") != NULL, "%s", err.message);
}

/* Lookups by (bytes, length) match only a stored key of that length, even
 * when the bytes hold a NUL after a stored key's prefix. */
Test(dict_errors, strset_key_with_nul)
{
    dy_strset s;
    memset(&s, 0, sizeof s);
    cr_assert_eq(dy_strset_put(&s, "AB", 7, NULL), 1);
    uint32_t v = 0;
    cr_assert(dy_strset_get(&s, "AB", 2, &v));
    cr_assert_eq(v, 7);
    cr_assert_not(dy_strset_get(&s, "AB\0CDEFGH", 9, NULL));
    cr_assert_not(dy_strset_get(&s, "A", 1, NULL));
    cr_assert_null(dy_strset_key(&s, "ABC", 3));
    dy_strset_free(&s);
}
