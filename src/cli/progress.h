/* progress.h — `dyad code`'s progress line on standard error: stories,
 * events, rate, and the share done with the time left when the input's size
 * is known; redrawn at most four times a second, on a terminal (or when
 * asked with --progress), and cleared before the summary. */
#ifndef CLI_PROGRESS_H
#define CLI_PROGRESS_H

#include <stdio.h>

typedef struct cli_progress {
    int on;
    double start, last;       /* seconds (monotonic) */
    long long total;          /* bytes of all inputs, 0 when unknown */
    long long done;           /* bytes of the inputs finished */
    FILE *cur;                /* the input being read, for its position */
    int drawn;                /* a line is on the screen */
    int width;                /* of the last line, to clear it */
} cli_progress;

/* mode: 1 --progress, 0 --no-progress, -1 on a terminal only. total: the
 * bytes of the inputs when every one is a regular file, else 0. */
void cli_progress_init(cli_progress *p, int mode, long long total);
/* The input being read now (NULL between inputs); size: its bytes, added
 * to done when the next one starts. */
void cli_progress_input(cli_progress *p, FILE *f);
/* After each story: redraws when a quarter second has passed. */
void cli_progress_tick(cli_progress *p, long stories, long events);
/* Erases the line (before the summary, or any message). */
void cli_progress_clear(cli_progress *p);

#endif
