/* progress.c — the progress line of `dyad code` (progress.h). The input's
 * position comes from its file offset, so a file read ahead by the reader
 * counts a little early; the share is an estimate, as the ETA is. */
#include "progress.h"

#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_init(cli_progress *p, int mode, long long total)
{
    p->on = mode > 0 || (mode < 0 && isatty(2));
    p->start = p->last = now();
    p->total = total;
    p->done = 0;
    p->cur = NULL;
    p->drawn = 0;
    p->width = 0;
}

void cli_progress_input(cli_progress *p, FILE *f)
{
    if (p->cur) {   /* the one before is finished: all of it counts */
        struct stat sb;
        if (fstat(fileno(p->cur), &sb) == 0 && S_ISREG(sb.st_mode))
            p->done += (long long)sb.st_size;
    }
    p->cur = f;
}

static long long position(const cli_progress *p)
{
    long long pos = p->done;
    if (p->cur) {
        off_t off = lseek(fileno(p->cur), 0, SEEK_CUR);
        if (off > 0)
            pos += (long long)off;
    }
    return pos;
}

void cli_progress_tick(cli_progress *p, long stories, long events)
{
    if (!p->on)
        return;
    double t = now();
    if (t - p->last < 0.25)
        return;
    p->last = t;
    double rate = (double)stories / (t - p->start > 1e-9 ? t - p->start : 1e-9);
    char line[160];
    int n = snprintf(line, sizeof line, "dyad: %ld stories, %ld events, %.0f stories/s", stories,
                     events, rate);
    if (p->total > 0 && n > 0 && (size_t)n < sizeof line) {
        long long pos = position(p);
        double share = pos >= p->total ? 1.0 : (double)pos / (double)p->total;
        double left = share > 0.001 ? (t - p->start) * (1.0 - share) / share : -1;
        if (left >= 0)
            n += snprintf(line + n, sizeof line - (size_t)n, ", %.0f%%, %d:%02d left",
                          100 * share, (int)(left / 60), (int)left % 60);
        else
            n += snprintf(line + n, sizeof line - (size_t)n, ", %.0f%%", 100 * share);
    }
    if (n < 0)
        return;
    if ((size_t)n >= sizeof line)
        n = (int)sizeof line - 1;
    /* \r, the line, blanks over what was longer before */
    fprintf(stderr, "\r%s%*s", line, p->width > n ? p->width - n : 0, "");
    fflush(stderr);
    p->width = n;
    p->drawn = 1;
}

void cli_progress_clear(cli_progress *p)
{
    if (!p->drawn)
        return;
    fprintf(stderr, "\r%*s\r", p->width, "");
    fflush(stderr);
    p->drawn = 0;
    p->width = 0;
}
