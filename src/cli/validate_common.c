/* validate_common.c — what `dyad validate` prints for TABARI projects and
 * PETRARCH .xml files alike: explanations, coded events, option errors, totals. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void cli_print_explanation(dyad_coder *coder, const dyad_story *story)
{
    dyad_error err = {0};
    char *text = NULL;
    if (dyad_explain(coder, story, &text, &err) == DYAD_OK && text) {
        fputs(text, stdout);
        if (text[0] && text[strlen(text) - 1] != '\n')
            fputc('\n', stdout);
    } else {
        cli_report(&err);
    }
    free(text);
}

void cli_print_got(const dyad_result *r, const char *no_actor, int dates, int complex)
{
    if (r->n_events == 0)
        fputs(" {---}", stdout);
    for (size_t i = 0; i < r->n_events; i++) {
        const dyad_event *ev = dyad_result_event(r, i);
        printf(" {%s/%s/%s}", ev->source ? ev->source : no_actor,
               ev->target ? ev->target : no_actor, ev->code ? ev->code : "");
        if (dates)
            printf(" %d", ev->date);
    }
    int discard = r->discarded, cx = 0;
    for (size_t i = 0; i < r->n_sentences; i++) {
        discard |= dyad_result_sentence(r, i)->status == DYAD_SENTENCE_DISCARD;
        cx |= dyad_result_sentence(r, i)->status == DYAD_SENTENCE_COMPLEX;
    }
    if (discard)
        fputs(" {###}", stdout);
    if (complex && cx)
        fputs(" {+++}", stdout);
}

void cli_set_option(dyad_coder *coder, const char *option, const char *file, long line)
{
    dyad_error err = {0};
    if (dyad_coder_set_option(coder, option, &err) != DYAD_OK) {
        snprintf(err.where, sizeof err.where, "%s", file);
        err.line = line;
        cli_report(&err);
    }
}

int cli_validate_totals(int passed, int failed, const char *only, const char *path)
{
    if (only && passed + failed == 0) {
        cli_errorf("no record %s in %s", only, path);
        return CLI_ERROR;
    }
    printf("%d passed, %d failed\n", passed, failed);
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_errorf("stdout: write error: %s", errno ? strerror(errno) : "unknown");
        return CLI_ERROR;
    }
    return failed ? CLI_ERROR : CLI_OK;
}
