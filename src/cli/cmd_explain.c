/* cmd_explain.c — `dyad explain`: codes one story (an argument's text, or
 * a story of a file or stdin, in any input format) and prints the coder's
 * own account of what it saw, then each sentence's dependency tree. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "input.h"

/* The words of the arguments, joined by blanks: the sentence to explain. */
typedef struct words {
    char *s;
    size_t len, cap;
    int failed;            /* out of memory */
} words;

static void words_add(words *w, const char *s, size_t n)
{
    if (w->failed)
        return;
    if (w->len + n + 1 > w->cap) {
        size_t cap = (w->len + n + 1) * 2;
        char *p = realloc(w->s, cap);
        if (!p) {
            w->failed = 1;
            return;
        }
        w->s = p;
        w->cap = cap;
    }
    memcpy(w->s + w->len, s, n);
    w->len += n;
    w->s[w->len] = '\0';
}

/* Word k and, indented below it, its dependents in word order. */
static void print_subtree(const dyad_word *w, size_t n, size_t k, int depth, FILE *out)
{
    fprintf(out, "  %*s%s %s/%s (%s", 2 * depth, "", w[k].deprel, w[k].form, w[k].upos,
            w[k].xpos);
    if (strcmp(w[k].lemma, w[k].form))
        fprintf(out, ", lemma %s", w[k].lemma);
    fprintf(out, ") [%zu]\n", k + 1);
    if (depth > 64) {   /* a tree is at most 500 deep; keep the page readable */
        fprintf(out, "  %*s...\n", 2 * depth + 2, "");
        return;
    }
    for (size_t i = 0; i < n; i++)
        if ((size_t)w[i].head == k + 1)
            print_subtree(w, n, i, depth + 1, out);
}

/* The trees of the text with model m (loaded here from model_opt when the
 * coder had none), or why there are none. */
static void print_syntax(const dyad_model *given, const char *model_opt, const char *text,
                         size_t len, FILE *out)
{
    dyad_model *own = given ? NULL : cli_load_model(model_opt);
    const dyad_model *m = given ? given : own;
    if (!m) {
        fprintf(out, "syntax: no model (see the message above)\n");
        return;
    }
    dyad_parser *p = NULL;
    dyad_parse_result r;
    dyad_error err = {0};
    if (dyad_parser_new(m, &p, &err) != DYAD_OK ||
        dyad_parse_text(p, text, len, 0, &r, &err) != DYAD_OK) {
        cli_report(&err);
    } else {
        fprintf(out, "syntax (dyad's own parser; relation word/UPOS/XPOS [position]):\n");
        for (size_t s = 0; s < r.n_sentences; s++) {
            const dyad_parsed *ps = &r.sentences[s];
            fprintf(out, "sentence %zu: %.*s\n", s + 1, (int)(ps->span.end - ps->span.start),
                    text + ps->span.start);
            for (size_t k = 0; k < ps->n_words; k++)
                if (ps->words[k].head == 0)
                    print_subtree(ps->words, ps->n_words, k, 0, out);
        }
    }
    dyad_parser_free(p);
    dyad_model_free(own);
}

typedef struct explain_opts {
    const char *dict, *model, *id;   /* --dict, --model, --id */
    int date, syntax;                /* --date; --mode syntax */
    int no_cache;                    /* --no-cache */
    cli_input ci;                    /* --in, the JSON Lines members */
    int in_given;
} explain_opts;

/* Codes story and prints the explanation and the trees; the exit status. */
static int explain_story(const explain_opts *o, const dyad_story *story)
{
    dyad_dict *dict = cli_load_dict(o->dict, !o->no_cache);
    if (!dict)
        return CLI_ERROR;
    dyad_model *model = o->syntax ? cli_load_model(o->model) : NULL;
    if (o->syntax && !model) {
        dyad_dict_free(dict);
        return CLI_ERROR;
    }
    dyad_coder *coder = NULL;
    dyad_error err = {0};
    char *out = NULL;
    int status = CLI_OK;
    if (dyad_coder_new(dict, &coder, &err) != DYAD_OK ||
        (model && dyad_coder_set_model(coder, model, &err) != DYAD_OK) ||
        dyad_explain(coder, story, &out, &err) != DYAD_OK) {
        cli_report(&err);
        status = CLI_ERROR;
    } else {
        fputs(out, stdout);
        if (out[0] && out[strlen(out) - 1] != '\n')
            fputc('\n', stdout);
        print_syntax(model, o->model, story->text, story->text_len, stdout);
        if (fflush(stdout) != 0) {
            cli_errorf("stdout: write error");
            status = CLI_ERROR;
        }
    }
    free(out);
    dyad_coder_free(coder);
    dyad_model_free(model);
    dyad_dict_free(dict);
    return status;
}

/* Explains the first story of path ("-": stdin), or the one whose id is
 * o->id; the items skipped before it are reported as `dyad code` does. */
static int explain_input(const explain_opts *o, const char *path)
{
    FILE *f;
    dyad_reader *rd = cli_input_open(&o->ci, path, o->date, &f);
    if (!rd)
        return CLI_ERROR;
    /* without a date, date-restricted codes use their undated form */
    dyad_reader_set(rd, DYAD_READER_DATE_OPTIONAL, 1, NULL);
    int status = CLI_ERROR;
    long skipped = 0;
    for (;;) {
        dyad_story story;
        dyad_error err = {0};
        int got = 0;
        /* the reader stops at the story limit (4 MiB): it never holds more */
        dyad_status st = dyad_reader_next(rd, &story, &got, &err);
        if (st == DYAD_ERR_PARSE) {
            cli_report(&err);
            skipped++;
            continue;
        }
        if (st != DYAD_OK) {
            cli_report(&err);
            break;
        }
        if (!got) {
            if (o->id)
                cli_errorf("%s: no story with id %s", dyad_reader_name(rd), o->id);
            else if (skipped)
                cli_errorf("%s: no story in it that could be read (%ld skipped)",
                           dyad_reader_name(rd), skipped);
            else
                cli_errorf("%s: no story in it", dyad_reader_name(rd));
            break;
        }
        if (!o->id || !strcmp(story.id, o->id)) {
            status = explain_story(o, &story);
            break;
        }
    }
    cli_input_close(rd, f);
    return status;
}

/* Does a lone argument that names no file look like a path nonetheless
 * (then it is an error, not a sentence)? No blank in it, and a '/' or a
 * suffix an input format has. */
static int looks_like_path(const char *s)
{
    if (strpbrk(s, " \t\n"))
        return 0;
    return strchr(s, '/') || dyad_input_detect(s) != DYAD_INPUT_AUTO;
}

/* Parses the options; the words go to text. CLI_OK, or the usage status. */
static int explain_args(int argc, char **argv, explain_opts *o, words *text, int *nwords)
{
    const char *val;
    int m;
    for (int i = 1; i < argc; i++) {
        if ((m = cli_opt_value(argc, argv, &i, "--dict", &val)) != 0) {
            if (m < 0) return cli_usage("explain", "missing value for", "--dict");
            o->dict = val;
        } else if (!strcmp(argv[i], "--no-cache")) {
            o->no_cache = 1;
        } else if ((m = cli_opt_value(argc, argv, &i, "--model", &val)) != 0) {
            if (m < 0) return cli_usage("explain", "missing value for", "--model");
            o->model = val;
        } else if ((m = cli_opt_value(argc, argv, &i, "--mode", &val)) != 0) {
            if (m < 0 || (strcmp(val, "syntax") && strcmp(val, "shallow")))
                return cli_usage("explain", "--mode wants syntax or shallow, got", m < 0 ? "" : val);
            o->syntax = !strcmp(val, "syntax");
        } else if ((m = cli_opt_value(argc, argv, &i, "--date", &val)) != 0) {
            if (m < 0) return cli_usage("explain", "missing value for", "--date");
            if (!(o->date = cli_parse_date(val))) return CLI_USAGE;
        } else if ((m = cli_opt_value(argc, argv, &i, "--id", &val)) != 0) {
            if (m < 0) return cli_usage("explain", "missing value for", "--id");
            o->id = val;
        } else if ((m = cli_opt_value(argc, argv, &i, "--in", &val)) != 0) {
            if (m < 0) return cli_usage("explain", "missing value for", "--in");
            o->ci.in = dyad_input_parse(val);
            if (o->ci.in == DYAD_INPUT_AUTO || o->ci.in == DYAD_INPUT_CONLLU)
                return cli_usage_choice("explain", "unknown input format", val,
                                        "text, jsonl, tabari, lines or petrarch");
            o->in_given = 1;
        } else if ((m = cli_input_field_opt(&o->ci, "explain", argc, argv, &i)) != 0) {
            if (m < 0) return CLI_USAGE;
            o->in_given = 1;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage("explain", "unknown option", argv[i]);
        } else {
            /* Several arguments are the words of one sentence. */
            if ((*nwords)++)
                words_add(text, " ", 1);
            words_add(text, argv[i], strlen(argv[i]));
        }
    }
    return CLI_OK;
}

/* The input that one argument names: "-" or a file, else NULL (it is text).
 * *status is set when it can be neither (a folder, a path that is not). */
static const char *input_named(const char *arg, int *status)
{
    struct stat st;
    if (!strcmp(arg, "-"))
        return arg;
    if (stat(arg, &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            return arg;
        cli_errorf("%s: is a folder (dyad explain reads one story; dyad code reads folders)", arg);
        *status = CLI_ERROR;
    } else if (looks_like_path(arg)) {
        cli_errorf("%s: cannot open: %s", arg, strerror(errno));
        *status = CLI_ERROR;
    }
    return NULL;
}

int cmd_explain(int argc, char **argv)
{
    explain_opts o;
    memset(&o, 0, sizeof o);
    o.syntax = 1;
    cli_input_init(&o.ci);
    words text = {0};
    int nwords = 0;
    int status = explain_args(argc, argv, &o, &text, &nwords);
    const char *path = NULL;
    if (status == CLI_OK && nwords == 0)
        path = "-";
    else if (status == CLI_OK && nwords == 1)
        path = input_named(text.s, &status);
    if (status == CLI_OK && !path && (o.in_given || o.id))
        status = cli_usage("explain", "--in, --id and the field options read a FILE or stdin, "
                           "not the text of the arguments", NULL);
    if (status == CLI_OK && path) {
        status = explain_input(&o, path);
    } else if (status == CLI_OK) {
        if (text.failed) {
            cli_errorf("out of memory");
            status = CLI_ERROR;
        } else {
            dyad_story story = {0};
            story.id = "explain";
            story.date = o.date;
            story.text = text.s;
            story.text_len = text.len;
            status = explain_story(&o, &story);
        }
    }
    free(text.s);
    return status;
}
