/* options.c — the .options commands of manual ch. 8 (SET, COMMA, COMPLEX,
 * DEFAULT, NONEVENTS, OUTPUT, FORWARD, LABEL) and the .options file reader. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/file.h"
#include "dict/build.h"
#include "dict/options.h"
#include "dict/petrarch.h"

void dy_options_init(dy_options *o)
{
    memset(o, 0, sizeof *o);
    o->code_by = DY_CODE_BY_CLAUSE;
    o->label = 1;
    o->min_words = 8;
    o->time_shifting = -1;
    o->check_dominant = 1;
    o->comma_bmin = 128;
    o->comma_bmax = 0;
    o->comma_min = 2;
    o->comma_max = 10;
    o->comma_emin = 2;
    o->comma_emax = 10;
    o->nonevents = DY_NONEVENTS_FALSE;
    o->require_dyad = 1;
    o->actor_discards = 1;
}

/* A cursor over an upper-cased copy of the command's argument text. */
typedef struct cur {
    const char *s;
    size_t n, p;
} cur;

static void skip_blanks(cur *c)
{
    while (c->p < c->n && (c->s[c->p] == ' ' || c->s[c->p] == '\t'))
        c->p++;
}

/* Next word: a run of letters (or of non-blank, non-'=[]' characters). */
static size_t next_word(cur *c, const char **w)
{
    skip_blanks(c);
    size_t st = c->p;
    while (c->p < c->n && !strchr(" \t=[]:", c->s[c->p]))
        c->p++;
    *w = c->s + st;
    return c->p - st;
}

static int word_is(const char *w, size_t n, const char *lit)
{
    return strlen(lit) == n && memcmp(w, lit, n) == 0;
}

static int word_starts(const char *w, size_t n, const char *lit, size_t min)
{
    size_t m = strlen(lit);
    return n >= min && n <= m && memcmp(w, lit, n) == 0;
}

typedef struct ctx {
    const char *where;
    long line;
    dyad_error *err;
    const char *text;    /* the whole line, for messages */
    size_t text_n;
} ctx;

static dyad_status bad(ctx *x, const char *what)
{
    return dy_error_set(x->err, DYAD_ERR_PARSE, x->where, x->line, "%s in option \"%.*s\"",
                        what, (int)x->text_n, x->text);
}

static int parse_bool(cur *c, int *out)
{
    const char *w;
    skip_blanks(c);
    if (c->p < c->n && c->s[c->p] == '=')
        c->p++;
    size_t n = next_word(c, &w);
    if (word_is(w, n, "TRUE") || word_is(w, n, "T") || word_is(w, n, "ON") ||
        word_is(w, n, "YES")) {
        *out = 1;
        return 1;
    }
    if (word_is(w, n, "FALSE") || word_is(w, n, "F") || word_is(w, n, "OFF") ||
        word_is(w, n, "NO")) {
        *out = 0;
        return 1;
    }
    return 0;
}

static int parse_int(cur *c, int *out)
{
    skip_blanks(c);
    if (c->p < c->n && c->s[c->p] == '=')
        c->p++;
    skip_blanks(c);
    size_t st = c->p;
    long v = 0;
    while (c->p < c->n && isdigit((unsigned char)c->s[c->p]) && v < 1000000)
        v = v * 10 + (c->s[c->p++] - '0');
    if (c->p == st)
        return 0;
    *out = (int)v;
    return 1;
}

static dyad_status cmd_set(dy_options *o, cur *c, ctx *x)
{
    const char *w1, *w2;
    size_t n1 = next_word(c, &w1);
    size_t save = c->p;
    size_t n2 = next_word(c, &w2);
    int dummy;
    if (word_is(w1, n1, "CODE")) {
        if (word_is(w2, n2, "BY")) {
            const char *w3;
            size_t n3 = next_word(c, &w3);
            if (word_is(w3, n3, "CLAUSE"))
                o->code_by = DY_CODE_BY_CLAUSE;
            else if (word_is(w3, n3, "SENTENCE"))
                o->code_by = DY_CODE_BY_SENTENCE;
            else if (word_is(w3, n3, "ALL"))
                o->code_by = DY_CODE_ALL;
            else
                return bad(x, "expected CLAUSE or SENTENCE after CODE BY");
            return DYAD_OK;
        }
        if (word_is(w2, n2, "ALL")) {
            o->code_by = DY_CODE_ALL;
            return DYAD_OK;
        }
        if (word_starts(w2, n2, "NONRESTRICTIVE", 4))
            return parse_bool(c, &o->code_nonrestrictive) ? DYAD_OK : bad(x, "expected TRUE or FALSE");
        return bad(x, "unknown SET: CODE parameter");
    }
    int *flag = NULL;
    int two_words = 1;
    if (word_is(w1, n1, "LABEL")) {
        flag = &o->label;
        two_words = 0;
    } else if (word_is(w1, n1, "FBIS")) {
        flag = &o->fbis;
        two_words = 0;
    } else if (word_is(w1, n1, "YYYY")) {
        flag = &o->yyyy;
        two_words = 0;
    } else if (word_is(w1, n1, "HAIKU") || word_is(w1, n1, "ALLCAPS") ||
               word_is(w1, n1, "MATCH")) {
        flag = &dummy;
        two_words = 0;
        if (word_is(w1, n1, "MATCH"))
            flag = &o->out_match;   /* obsolete form of OUTPUT: MATCH */
    } else if (word_is(w1, n1, "CONVERT") && word_starts(w2, n2, "AGENTS", 5)) {
        flag = &o->convert_agents;
    } else if (word_is(w1, n1, "TIME") && word_starts(w2, n2, "SHIFTING", 5)) {
        flag = &o->time_shifting;
    } else if (word_is(w1, n1, "CHECK") && word_is(w2, n2, "DOMINANT")) {
        flag = &o->check_dominant;
    } else if ((word_is(w1, n1, "ACTOR") || word_is(w1, n1, "AGENT") ||
                word_is(w1, n1, "VERB")) && word_is(w2, n2, "USAGE")) {
        flag = &dummy;      /* interactive-only: accepted, no effect */
    } else if ((word_is(w1, n1, "DUP") && word_is(w2, n2, "WARNING")) ||
               (word_is(w1, n1, "SKIP") && word_is(w2, n2, "RECORDS"))) {
        flag = &dummy;      /* the loader reads DUP WARNING itself */
    } else if (word_starts(w1, n1, "MINIMUM", 3) && word_starts(w2, n2, "WORDS", 4)) {
        return parse_int(c, &o->min_words) ? DYAD_OK : bad(x, "expected a number");
    } else {
        return bad(x, "unknown SET: parameter");
    }
    if (!two_words)
        c->p = save;
    return parse_bool(c, flag) ? DYAD_OK : bad(x, "expected TRUE or FALSE");
}

static dyad_status cmd_comma(dy_options *o, cur *c, ctx *x)
{
    const char *w;
    size_t n = next_word(c, &w);
    if (word_is(w, n, "OFF")) {
        o->comma_off = 1;
        return DYAD_OK;
    }
    o->comma_off = 0;
    while (n) {
        int *slot = word_is(w, n, "MIN") ? &o->comma_min : word_is(w, n, "MAX") ? &o->comma_max
                  : word_is(w, n, "EMIN") ? &o->comma_emin : word_is(w, n, "EMAX") ? &o->comma_emax
                  : word_is(w, n, "BMIN") ? &o->comma_bmin : word_is(w, n, "BMAX") ? &o->comma_bmax
                  : NULL;
        if (!slot)
            return bad(x, "unknown COMMA: parameter");
        if (!parse_int(c, slot))
            return bad(x, "expected NAME = number");
        n = next_word(c, &w);
    }
    return DYAD_OK;
}

static dyad_status cmd_complex(dy_options *o, cur *c, ctx *x)
{
    /* each COMPLEX: line states the whole set of conditions */
    o->cx_verbs = o->cx_actors = o->cx_pronouns = o->cx_conj = o->cx_comma = 0;
    o->cx_lateverb = o->cx_noactprior = o->cx_noactafter = o->cx_noverb = 0;
    o->cx_nosource = o->cx_notarget = o->cx_noevent = o->cx_explain = o->cx_nosave = 0;
    const char *w;
    size_t n;
    while ((n = next_word(c, &w)) != 0) {
        if (word_is(w, n, "OFF"))
            continue;
        int *num = word_is(w, n, "VERBS") ? &o->cx_verbs : word_is(w, n, "ACTORS") ? &o->cx_actors
                 : word_is(w, n, "PRONOUNS") ? &o->cx_pronouns : word_is(w, n, "CONJ") ? &o->cx_conj
                 : word_is(w, n, "COMMA") ? &o->cx_comma : word_is(w, n, "LATEVERB") ? &o->cx_lateverb
                 : NULL;
        if (num) {
            skip_blanks(c);
            if (c->p >= c->n || c->s[c->p] != '[')
                return bad(x, "expected [n] after a COMPLEX: condition");
            c->p++;
            if (!parse_int(c, num))
                return bad(x, "expected a number in [n]");
            skip_blanks(c);
            if (c->p >= c->n || c->s[c->p] != ']')
                return bad(x, "missing ']'");
            c->p++;
            continue;
        }
        int *flag = word_is(w, n, "NOACTPRIOR") ? &o->cx_noactprior
                  : word_is(w, n, "NOACTAFTER") ? &o->cx_noactafter
                  : word_is(w, n, "NOVERB") ? &o->cx_noverb
                  : word_is(w, n, "NOSOURCE") ? &o->cx_nosource
                  : word_is(w, n, "NOTARGET") ? &o->cx_notarget
                  : word_is(w, n, "NOEVENT") ? &o->cx_noevent
                  : word_is(w, n, "EXPLAIN") ? &o->cx_explain
                  : word_is(w, n, "NOSAVE") ? &o->cx_nosave : NULL;
        if (!flag)
            return bad(x, "unknown COMPLEX: condition");
        *flag = 1;
    }
    return DYAD_OK;
}

/* "[CODE]" into dst. */
static int bracket_code(cur *c, char *dst)
{
    skip_blanks(c);
    if (c->p >= c->n || c->s[c->p] != '[')
        return 0;
    const char *close = memchr(c->s + c->p, ']', c->n - c->p);
    if (!close)
        return 0;
    const char *s = c->s + c->p + 1;
    size_t n = (size_t)(close - s);
    dy_trim(&s, &n);
    if (n == 0 || n >= DY_CODE_MAX)
        return 0;
    memcpy(dst, s, n);
    dst[n] = '\0';
    c->p = (size_t)(close - c->s) + 1;
    return 1;
}

static dyad_status cmd_default(dy_options *o, cur *c, ctx *x)
{
    o->default_source[0] = o->default_target[0] = '\0';
    o->default_source_prior = o->default_target_after = 0;
    const char *w;
    size_t n;
    while ((n = next_word(c, &w)) != 0 || (c->p < c->n && c->s[c->p] == ':')) {
        if (n == 0) {   /* "SOURCE: [X]" */
            c->p++;
            continue;
        }
        if (word_is(w, n, "OFF"))
            continue;
        if (word_is(w, n, "SOURCE") || word_is(w, n, "TARGET")) {
            skip_blanks(c);
            if (c->p < c->n && c->s[c->p] == ':')
                c->p++;
            char *dst = w[0] == 'S' ? o->default_source : o->default_target;
            if (!bracket_code(c, dst))
                return bad(x, "expected [CODE] after SOURCE or TARGET");
        } else if (word_is(w, n, "PRIOR")) {
            o->default_source_prior = 1;
        } else if (word_is(w, n, "AFTER")) {
            o->default_target_after = 1;
        } else {
            return bad(x, "unknown DEFAULT: keyword");
        }
    }
    return DYAD_OK;
}

static dyad_status cmd_output(dy_options *o, cur *c, ctx *x)
{
    const char *w;
    size_t n;
    while ((n = next_word(c, &w)) != 0) {
        int *f = word_starts(w, n, "ACTORS", 3) ? &o->out_actors
               : word_starts(w, n, "AGENTS", 3) ? &o->out_agents
               : word_starts(w, n, "PARENT", 3) ? &o->out_parent
               : word_starts(w, n, "SHIFT", 3) ? &o->out_shift
               : word_starts(w, n, "MATCH", 3) ? &o->out_match
               : word_starts(w, n, "LOCS", 3) ? &o->out_locs
               : word_starts(w, n, "PATTERNS", 3) ? &o->out_pattern
               : word_is(w, n, "ID") ? &o->out_id
               : word_starts(w, n, "TEXT", 3) ? &o->out_text
               : word_starts(w, n, "STORY", 3) ? &o->out_story
               : word_starts(w, n, "SENTENCE", 3) ? &o->out_sentence
               : word_starts(w, n, "DOCUMENT", 3) ? &o->out_document : NULL;
        if (!f)
            return bad(x, "unknown OUTPUT: field");
        *f = 1;
    }
    return DYAD_OK;
}

static dyad_status cmd_forward(dy_options *o, cur *c, ctx *x)
{
    const char *w;
    size_t n = next_word(c, &w);
    if (n == 0 || n >= sizeof o->forward_format)
        return bad(x, "expected a sequence format");
    if (word_is(w, n, "OFF")) {
        o->forward = 0;
        return DYAD_OK;
    }
    memcpy(o->forward_format, w, n);
    o->forward_format[n] = '\0';
    o->forward = 1;
    while ((n = next_word(c, &w)) != 0) {
        if (word_is(w, n, "OFF"))
            o->forward = 0;
        else if (word_is(w, n, "DOC"))
            o->out_document = 1;
        else
            return bad(x, "unknown FORWARD: keyword");
    }
    return DYAD_OK;
}

static dyad_status cmd_nonevents(dy_options *o, cur *c, ctx *x)
{
    const char *w;
    size_t n = next_word(c, &w);
    if (word_is(w, n, "TRUE") || word_is(w, n, "T"))
        o->nonevents = DY_NONEVENTS_TRUE;
    else if (word_is(w, n, "ONLY"))
        o->nonevents = DY_NONEVENTS_ONLY;
    else if (word_is(w, n, "FALSE") || word_is(w, n, "F"))
        o->nonevents = DY_NONEVENTS_FALSE;
    else
        return bad(x, "expected TRUE, ONLY or FALSE");
    return DYAD_OK;
}

dyad_status dy_options_apply(dy_options *o, const char *line, size_t len,
                             const char *where, long lineno, dyad_error *err)
{
    /* comments: '#' or '//' to the end of the line */
    for (size_t i = 0; i < len; i++)
        if (line[i] == '#' || (line[i] == '/' && i + 1 < len && line[i + 1] == '/')) {
            len = i;
            break;
        }
    dy_trim(&line, &len);
    /* tolerate the wrapping of validation records: "{ OPTION: ... }", star-slash */
    if (len >= 2 && line[len - 2] == '*' && line[len - 1] == '/')
        len -= 2;
    dy_trim(&line, &len);
    if (len && line[len - 1] == '}')
        len--;
    dy_trim(&line, &len);
    ctx x = {where, lineno, err, line, len};
    if (len == 0)
        return DYAD_OK;
    char up[512];
    if (len >= sizeof up)
        return bad(&x, "line too long");
    for (size_t i = 0; i < len; i++)
        up[i] = (char)toupper((unsigned char)line[i]);
    const char *colon = memchr(up, ':', len);
    if (!colon && memchr(up, '=', len))   /* PETRARCH: "require_dyad = false" */
        return dy_petr_option_apply(o, line, len, where, lineno, err);
    if (!colon)
        return bad(&x, "missing ':' after the command");
    size_t cmdn = (size_t)(colon - up);
    char cmd[5] = {0};
    memcpy(cmd, up, cmdn < 4 ? cmdn : 4);
    cur c = {up, len, cmdn + 1};
    if (strcmp(cmd, "SET") == 0)
        return cmd_set(o, &c, &x);
    if (strcmp(cmd, "COMM") == 0)
        return cmd_comma(o, &c, &x);
    if (strcmp(cmd, "COMP") == 0)
        return cmd_complex(o, &c, &x);
    if (strcmp(cmd, "DEFA") == 0)
        return cmd_default(o, &c, &x);
    if (strcmp(cmd, "NONE") == 0)
        return cmd_nonevents(o, &c, &x);
    if (strcmp(cmd, "OUTP") == 0)
        return cmd_output(o, &c, &x);
    if (strcmp(cmd, "FORW") == 0)
        return cmd_forward(o, &c, &x);
    if (strcmp(cmd, "LABE") == 0 || strcmp(cmd, "FREQ") == 0 || strcmp(cmd, "OPTI") == 0)
        return DYAD_OK;   /* labels are read by the loader; frequencies unsupported */
    return bad(&x, "unknown command");
}

/* "SET: DUP WARNING = FALSE" steers the loader's duplicate warnings. */
static void dup_warning(dy_build *b, const char *s, size_t n)
{
    char up[128];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof up - 1; i++)
        if (s[i] != ' ' && s[i] != '\t')
            up[k++] = (char)toupper((unsigned char)s[i]);
    up[k] = '\0';
    if (strncmp(up, "SET:DUPWARNING=", 15) == 0)
        b->dup_warning = up[15] == 'T' || up[15] == 'O';
}

dyad_status dy_read_options(dy_build *b, const char *file, const char *buf, size_t len,
                            dyad_error *err)
{
    size_t pos = 0, n;
    const char *s;
    long lineno = 0;
    dyad_status st = DYAD_OK;
    while (st == DYAD_OK && dy_next_line(buf, len, &pos, &s, &n)) {
        lineno++;
        dy_trim(&s, &n);
        if (n && s[0] == '~')
            break;
        dup_warning(b, s, n);
        st = dy_options_apply(&b->d->options, s, n, file, lineno, err);
    }
    return st;
}
