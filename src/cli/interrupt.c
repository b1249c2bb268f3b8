/* interrupt.c — SIGINT and SIGTERM during a run: the first asks the run to
 * stop after the stories in hand (their events written, the summary line
 * printed); a second one ends the process at once, as the default would.
 * The request is the process's one piece of global state: a signal handler
 * has nowhere else to put it. */
#include <signal.h>
#include <stddef.h>
#include <string.h>

#include "cli.h"

static dyad_cancel *request;   /* made by the first begin, kept to the end */
static struct sigaction saved_int, saved_term;
static int installed;

static void on_signal(int sig)
{
    dyad_cancel_request(request, sig);
}

const dyad_cancel *cli_interrupt_begin(void)
{
    if (installed)
        return request;
    dyad_error err = {0};
    if (!request && dyad_cancel_new(&request, &err) != DYAD_OK)
        return NULL;   /* out of memory: the run cannot be stopped halfway */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;       /* no SA_RESTART: a waiting read wakes too */
    /* a signal ignored on entry stays ignored (a background job's SIGINT,
     * as the shell set it): the user meant it not to reach us */
    sigaction(SIGINT, NULL, &saved_int);
    sigaction(SIGTERM, NULL, &saved_term);
    if (saved_int.sa_handler != SIG_IGN)
        sigaction(SIGINT, &sa, NULL);
    if (saved_term.sa_handler != SIG_IGN)
        sigaction(SIGTERM, &sa, NULL);
    installed = 1;
    return request;
}

int cli_interrupt_end(void)
{
    if (!installed)
        return 0;
    int sig = dyad_cancel_requested(request);
    sigaction(SIGINT, &saved_int, NULL);
    sigaction(SIGTERM, &saved_term, NULL);
    dyad_cancel_free(request);
    request = NULL;
    installed = 0;
    return sig;
}

int cli_interrupted(void)
{
    return installed ? dyad_cancel_requested(request) : 0;
}
