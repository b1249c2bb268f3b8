/* test_dict_options.c — dy_options_apply on every command of manual ch. 8,
 * and on each OPTION: record of the TABARI validation suite when present. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "dict/options.h"

static dy_options o;
static dyad_error err;

static dyad_status apply(const char *line)
{
    return dy_options_apply(&o, line, strlen(line), "test.options", 7, &err);
}

static void setup(void)
{
    dy_options_init(&o);
    memset(&err, 0, sizeof err);
}

TestSuite(options, .init = setup);

Test(options, defaults)
{
    cr_assert_eq(o.code_by, DY_CODE_BY_CLAUSE);
    cr_assert_eq(o.label, 1);
    cr_assert_eq(o.min_words, 8);
    cr_assert_eq(o.time_shifting, -1);
    cr_assert_eq(o.check_dominant, 1);
    cr_assert_eq(o.comma_bmin, 128);
    cr_assert_eq(o.comma_bmax, 0);
    cr_assert_eq(o.comma_min, 2);
    cr_assert_eq(o.comma_max, 10);
    cr_assert_eq(o.comma_emin, 2);
    cr_assert_eq(o.comma_emax, 10);
    cr_assert_eq(o.nonevents, DY_NONEVENTS_FALSE);
}

Test(options, set_commands)
{
    cr_assert_eq(apply("SET: CODE BY SENTENCE"), DYAD_OK);
    cr_assert_eq(o.code_by, DY_CODE_BY_SENTENCE);
    cr_assert_eq(apply("SET: CODE ALL"), DYAD_OK);
    cr_assert_eq(o.code_by, DY_CODE_ALL);
    cr_assert_eq(apply("set: code by clause"), DYAD_OK);
    cr_assert_eq(o.code_by, DY_CODE_BY_CLAUSE);
    cr_assert_eq(apply("SET: LABEL = F"), DYAD_OK);
    cr_assert_eq(o.label, 0);
    cr_assert_eq(apply("SET: LABEL=TRUE"), DYAD_OK);
    cr_assert_eq(o.label, 1);
    cr_assert_eq(apply("SET: MINIMUM WORDS = 4  */"), DYAD_OK);
    cr_assert_eq(o.min_words, 4);
    cr_assert_eq(apply("SET: CONVERT AGENT = TRUE"), DYAD_OK);
    cr_assert_eq(o.convert_agents, 1);
    cr_assert_eq(apply("SET: CONVERT AGENTS = FALSE"), DYAD_OK);
    cr_assert_eq(o.convert_agents, 0);
    cr_assert_eq(apply("SET: FBIS = TRUE"), DYAD_OK);
    cr_assert_eq(o.fbis, 1);
    cr_assert_eq(apply("SET: YYYY = T"), DYAD_OK);
    cr_assert_eq(o.yyyy, 1);
    cr_assert_eq(apply("SET: TIME SHIFT = FALSE"), DYAD_OK);
    cr_assert_eq(o.time_shifting, 0);
    cr_assert_eq(apply("SET: TIME SHIFTING = TRUE"), DYAD_OK);
    cr_assert_eq(o.time_shifting, 1);
    cr_assert_eq(apply("SET: CHECK DOMINANT=FALSE"), DYAD_OK);
    cr_assert_eq(o.check_dominant, 0);
    cr_assert_eq(apply("SET: CODE NONRESTRICTIVE = TRUE"), DYAD_OK);
    cr_assert_eq(o.code_nonrestrictive, 1);
    /* accepted without effect */
    cr_assert_eq(apply("SET: ACTOR USAGE = TRUE"), DYAD_OK);
    cr_assert_eq(apply("SET: VERB USAGE = OFF"), DYAD_OK);
    cr_assert_eq(apply("SET: SKIP RECORDS = FALSE"), DYAD_OK);
    cr_assert_eq(apply("SET: HAIKU = FALSE"), DYAD_OK);
    cr_assert_eq(apply("SET: DUP WARNING = FALSE"), DYAD_OK);
}

Test(options, comma)
{
    cr_assert_eq(apply("COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8}  */"), DYAD_OK);
    cr_assert_eq(o.comma_min, 4);
    cr_assert_eq(o.comma_max, 6);
    cr_assert_eq(o.comma_emin, 3);
    cr_assert_eq(o.comma_emax, 6);
    cr_assert_eq(o.comma_bmin, 3);
    cr_assert_eq(o.comma_bmax, 8);
    cr_assert_eq(apply("COMMA: OFF"), DYAD_OK);
    cr_assert(o.comma_off);
    cr_assert_eq(apply("COMM: MIN=1 MAX=8"), DYAD_OK);
    cr_assert_not(o.comma_off);
    cr_assert_eq(o.comma_min, 1);
}

Test(options, complex_replaces_previous_conditions)
{
    cr_assert_eq(apply("COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN"), DYAD_OK);
    cr_assert_eq(o.cx_verbs, 5);
    cr_assert_eq(o.cx_conj, 4);
    cr_assert(o.cx_noactprior && o.cx_explain);
    cr_assert_eq(apply("COMPLEX: VERBS[5] ACTORS[8] LATEVERB[8] NOVERB PRONOUNS[3] COMMA[2]"),
                 DYAD_OK);
    cr_assert_not(o.cx_noactprior);
    cr_assert_eq(o.cx_actors, 8);
    cr_assert_eq(o.cx_lateverb, 8);
    cr_assert_eq(o.cx_pronouns, 3);
    cr_assert_eq(o.cx_comma, 2);
    cr_assert(o.cx_noverb);
    cr_assert_eq(apply("COMPLEX: NOACTAFTER NOSOURCE NOTARGET NOEVENT NOSAVE"), DYAD_OK);
    cr_assert(o.cx_noactafter && o.cx_nosource && o.cx_notarget && o.cx_noevent && o.cx_nosave);
    cr_assert_eq(apply("COMPLEX: OFF"), DYAD_OK);
    cr_assert_eq(o.cx_verbs + o.cx_noactafter + o.cx_nosave, 0);
}

Test(options, default_source_target)
{
    cr_assert_eq(apply("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER"), DYAD_OK);
    cr_assert_str_eq(o.default_source, "DEFSRC");
    cr_assert_str_eq(o.default_target, "DEFTAR");
    cr_assert(o.default_source_prior && o.default_target_after);
    cr_assert_eq(apply("DEFAULT: OFF"), DYAD_OK);
    cr_assert_str_eq(o.default_source, "");
    cr_assert_not(o.default_source_prior);
    cr_assert_eq(apply("DEFAULT: SOURCE: [usa] TARGET: [wld]"), DYAD_OK);
    cr_assert_str_eq(o.default_source, "USA");
    cr_assert_str_eq(o.default_target, "WLD");
    cr_assert_not(o.default_target_after);
    cr_assert_eq(apply("DEFA: TARGET [WLD]"), DYAD_OK);
    cr_assert_str_eq(o.default_source, "");
}

Test(options, nonevents_output_forward_label)
{
    cr_assert_eq(apply("NONEVENTS: ONLY"), DYAD_OK);
    cr_assert_eq(o.nonevents, DY_NONEVENTS_ONLY);
    cr_assert_eq(apply("NONEVENTS: FALSE"), DYAD_OK);
    cr_assert_eq(o.nonevents, DY_NONEVENTS_FALSE);
    cr_assert_eq(apply("OUTPUT: ACTOR MATCH ID"), DYAD_OK);
    cr_assert(o.out_actors && o.out_match && o.out_id);
    cr_assert_eq(apply("OUTPUT: ID STORY SENT"), DYAD_OK);
    cr_assert(o.out_story && o.out_sentence);
    cr_assert_eq(apply("OUTPUT: AGENTS PARENT SHIFT LOCS PATTERN TEXT DOC"), DYAD_OK);
    cr_assert(o.out_agents && o.out_parent && o.out_shift && o.out_locs && o.out_pattern &&
              o.out_text && o.out_document);
    cr_assert_eq(apply("FORWARD: ^^*****NNN*SSS"), DYAD_OK);
    cr_assert(o.forward);
    cr_assert_str_eq(o.forward_format, "^^*****NNN*SSS");
    cr_assert_eq(apply("FORWARD: ^^*****NNN*SSS DOC OFF"), DYAD_OK);
    cr_assert_not(o.forward);
    cr_assert_eq(apply("LABEL: 031=MEET"), DYAD_OK);
}

Test(options, comments_and_blank_lines)
{
    cr_assert_eq(apply("// whole line comment"), DYAD_OK);
    cr_assert_eq(apply("#SET: BOGUS"), DYAD_OK);
    cr_assert_eq(apply("   "), DYAD_OK);
    cr_assert_eq(apply("SET: LABEL = FALSE # trailing"), DYAD_OK);
    cr_assert_eq(o.label, 0);
}

Test(options, errors_name_file_and_line)
{
    cr_assert_eq(apply("FROB: X"), DYAD_ERR_PARSE);
    cr_assert_str_eq(err.where, "test.options");
    cr_assert_eq(err.line, 7);
    cr_assert(strstr(err.message, "unknown command") != NULL);
    cr_assert_eq(apply("SET: FROBNICATE = TRUE"), DYAD_ERR_PARSE);
    cr_assert_eq(apply("SET: LABEL = MAYBE"), DYAD_ERR_PARSE);
    cr_assert_eq(apply("COMPLEX: VERBS 5"), DYAD_ERR_PARSE);
    cr_assert_eq(apply("COMMA: MIDDLE=3"), DYAD_ERR_PARSE);
    cr_assert_eq(apply("NONEVENTS: SOMETIMES"), DYAD_ERR_PARSE);
    cr_assert_eq(apply("DEFAULT: SOURCE"), DYAD_ERR_PARSE);
    cr_assert_eq(apply("no colon here"), DYAD_ERR_PARSE);
}

/* Every "OPTION:" record of the TABARI validation text must parse. */
Test(options, validation_suite_records)
{
    char path[1024];
    const char *root = getenv("SHARED");
    snprintf(path, sizeof path, "%s/validation/tabari/Validate.text",
             root && *root ? root : "../shared");
    char *buf;
    size_t len, pos = 0, n;
    const char *line;
    dyad_error e;
    if (dy_read_file(path, &buf, &len, &e) != DYAD_OK) {
        printf("skipped options.validation_suite_records: %s not found\n", path);
        return;
    }
    int seen = 0;
    while (dy_next_line(buf, len, &pos, &line, &n)) {
        const char *p = strstr(line, "OPTION:");
        if (!p || (size_t)(p - line) >= n)
            continue;
        p += 7;
        size_t m = (size_t)(line + n - p);
        char tmp[256];
        snprintf(tmp, sizeof tmp, "%.*s", (int)m, p);
        char *close = strchr(tmp, '}');
        if (close)
            *close = '\0';
        if (!strchr(tmp, ':'))
            continue;   /* "SET BY OPTION: OPTIONS" prose */
        dy_options_init(&o);
        cr_assert_eq(dy_options_apply(&o, tmp, strlen(tmp), path, 1, &err), DYAD_OK,
                     "%s: %s", tmp, err.message);
        seen++;
    }
    free(buf);
    cr_assert_geq(seen, 20);
}
