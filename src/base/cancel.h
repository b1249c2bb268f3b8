/* cancel.h — asking a run to stop from outside it (a signal handler): a flag
 * checked between stories, and a pipe that wakes a read waiting on a live
 * feed. Requesting is async-signal-safe; everything else is for threads. */
#ifndef DY_CANCEL_H
#define DY_CANCEL_H

#include <stdatomic.h>

typedef struct dy_cancel {
    atomic_int requested;   /* nonzero once asked: the signal number, or 1 */
    int wake_fd;            /* readable once asked; -1 when there is no pipe */
    int notify_fd;          /* its write end */
} dy_cancel;

/* Makes the pipe (close-on-exec, non-blocking write end). Returns 0, or -1
 * (errno set) when no pipe can be had: requests then reach only the checks
 * between stories, not a read that is waiting. */
int dy_cancel_open(dy_cancel *c);
void dy_cancel_close(dy_cancel *c);

/* Asks the run to stop; why is a signal number (or 1). Async-signal-safe:
 * one atomic store and one write(2). */
void dy_cancel_request(dy_cancel *c, int why);

/* The request (0 when none; c may be NULL). */
int dy_cancel_requested(const dy_cancel *c);

#endif
