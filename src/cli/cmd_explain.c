/* cmd_explain.c — `dyad explain`: codes one text (an argument, a file or
 * stdin) and prints the coder's own account of what it saw, then the
 * dependency tree of each sentence as dyad's syntax model parses it. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "base/strbuf.h"

/* Reads all of f into b; 0 on a read error. */
static int slurp(FILE *f, dy_strbuf *b)
{
    char chunk[1 << 14];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        dy_strbuf_add(b, chunk, n);
    return !ferror(f) && !b->failed;
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

int cmd_explain(int argc, char **argv)
{
    const char *dict_opt = NULL, *model_opt = NULL, *val, *id = "explain", *last = NULL;
    int date = 0, m, nwords = 0, syntax = 1;
    dy_strbuf text;
    dy_strbuf_init(&text);
    for (int i = 1; i < argc; i++) {
        if ((m = cli_opt_value(argc, argv, &i, "--dict", &val)) != 0) {
            if (m < 0) {
                dy_strbuf_free(&text);
                return cli_usage("explain", "missing value for", "--dict");
            }
            dict_opt = val;
        } else if ((m = cli_opt_value(argc, argv, &i, "--model", &val)) != 0) {
            if (m < 0) {
                dy_strbuf_free(&text);
                return cli_usage("explain", "missing value for", "--model");
            }
            model_opt = val;
        } else if ((m = cli_opt_value(argc, argv, &i, "--mode", &val)) != 0) {
            if (m < 0 || (strcmp(val, "syntax") && strcmp(val, "shallow"))) {
                dy_strbuf_free(&text);
                return cli_usage("explain", "--mode wants syntax or shallow, got", m < 0 ? "" : val);
            }
            syntax = !strcmp(val, "syntax");
        } else if ((m = cli_opt_value(argc, argv, &i, "--date", &val)) != 0) {
            if (m < 0 || !(date = cli_parse_date(val))) {
                dy_strbuf_free(&text);
                return m < 0 ? cli_usage("explain", "missing value for", "--date") : CLI_USAGE;
            }
        } else if (argv[i][0] == '-' && argv[i][1]) {
            dy_strbuf_free(&text);
            return cli_usage("explain", "unknown option", argv[i]);
        } else {
            /* Several arguments are the words of one sentence. */
            if (nwords++)
                dy_strbuf_addc(&text, ' ');
            dy_strbuf_adds(&text, argv[i]);
            last = argv[i];
        }
    }
    /* One argument naming a readable file (or "-") is read, not coded as is. */
    FILE *f = NULL;
    if (nwords == 0 || (nwords == 1 && !strcmp(text.s, "-")))
        f = stdin, id = "stdin";
    else if (nwords == 1 && (f = fopen(text.s, "rb")) != NULL)
        id = last;
    if (f) {
        dy_strbuf_clear(&text);
        int ok = slurp(f, &text);
        if (f != stdin)
            fclose(f);
        if (!ok) {
            cli_errorf("%s: read error", id);
            dy_strbuf_free(&text);
            return CLI_ERROR;
        }
    }

    dyad_dict *dict = cli_load_dict(dict_opt);
    if (!dict) {
        dy_strbuf_free(&text);
        return CLI_ERROR;
    }
    dyad_coder *coder = NULL;
    dyad_error err = {0};
    char *out = NULL;
    int status = CLI_OK;
    dyad_story story = {0};
    story.id = id;
    story.date = date;
    story.text = text.s ? text.s : "";
    story.text_len = text.len;
    dyad_model *model = syntax ? cli_load_model(model_opt) : NULL;
    if (syntax && !model) {
        dyad_dict_free(dict);
        dy_strbuf_free(&text);
        return CLI_ERROR;
    }
    if (dyad_coder_new(dict, &coder, &err) != DYAD_OK ||
        (model && dyad_coder_set_model(coder, model, &err) != DYAD_OK) ||
        dyad_explain(coder, &story, &out, &err) != DYAD_OK) {
        cli_report(&err);
        status = CLI_ERROR;
    } else {
        fputs(out, stdout);
        if (out[0] && out[strlen(out) - 1] != '\n')
            fputc('\n', stdout);
        print_syntax(model, model_opt, story.text, story.text_len, stdout);
        if (fflush(stdout) != 0) {
            cli_errorf("stdout: write error");
            status = CLI_ERROR;
        }
    }
    free(out);
    dyad_coder_free(coder);
    dyad_model_free(model);
    dyad_dict_free(dict);
    dy_strbuf_free(&text);
    return status;
}
