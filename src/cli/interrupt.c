/* interrupt.c — SIGINT and SIGTERM during a run: the first asks the run to
 * stop after the stories in hand (their events written, the summary line
 * printed); a second one ends the process at once, as the default would.
 * The request is the process's one piece of global state: a signal handler
 * has nowhere else to put it. */
#include <signal.h>
#include <stddef.h>
#include <string.h>

#include "base/cancel.h"
#include "cli.h"

static dy_cancel request;
static struct sigaction saved_int, saved_term;
static int installed;

static void on_signal(int sig)
{
    dy_cancel_request(&request, sig);
}

const dy_cancel *cli_interrupt_begin(void)
{
    if (installed)
        return &request;
    (void)dy_cancel_open(&request);   /* without a pipe, stories are still checked */
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
    return &request;
}

int cli_interrupt_end(void)
{
    if (!installed)
        return 0;
    int sig = dy_cancel_requested(&request);
    sigaction(SIGINT, &saved_int, NULL);
    sigaction(SIGTERM, &saved_term, NULL);
    dy_cancel_close(&request);
    installed = 0;
    return sig;
}

int cli_interrupted(void)
{
    return installed ? dy_cancel_requested(&request) : 0;
}
