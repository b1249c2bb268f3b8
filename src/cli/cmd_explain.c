/* cmd_explain.c — `dyad explain`: codes one text (an argument, a file or
 * stdin) and prints the coder's own account of what it saw. */
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

int cmd_explain(int argc, char **argv)
{
    const char *dict_opt = NULL, *val, *id = "explain", *last = NULL;
    int date = 0, m, nwords = 0;
    dy_strbuf text;
    dy_strbuf_init(&text);
    for (int i = 1; i < argc; i++) {
        if ((m = cli_opt_value(argc, argv, &i, "--dict", &val)) != 0) {
            if (m < 0) {
                dy_strbuf_free(&text);
                return cli_usage("explain", "missing value for", "--dict");
            }
            dict_opt = val;
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
    if (dyad_coder_new(dict, &coder, &err) != DYAD_OK ||
        dyad_explain(coder, &story, &out, &err) != DYAD_OK) {
        cli_report(&err);
        status = CLI_ERROR;
    } else {
        fputs(out, stdout);
        if (out[0] && out[strlen(out) - 1] != '\n')
            fputc('\n', stdout);
        if (fflush(stdout) != 0) {
            cli_errorf("stdout: write error");
            status = CLI_ERROR;
        }
    }
    free(out);
    dyad_coder_free(coder);
    dyad_dict_free(dict);
    dy_strbuf_free(&text);
    return status;
}
