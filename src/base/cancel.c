/* cancel.c — a stop request a signal handler can make and a reader waiting
 * on a pipe or socket notices at once (the self-pipe trick). */
#include "base/cancel.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

int dy_cancel_open(dy_cancel *c)
{
    int fds[2];
    atomic_init(&c->requested, 0);
    c->wake_fd = c->notify_fd = -1;
    if (pipe(fds) != 0)
        return -1;
    for (int i = 0; i < 2; i++)
        (void)fcntl(fds[i], F_SETFD, FD_CLOEXEC);
    /* a request never blocks the handler, even if asked again and again */
    (void)fcntl(fds[1], F_SETFL, O_NONBLOCK);
    c->wake_fd = fds[0];
    c->notify_fd = fds[1];
    return 0;
}

void dy_cancel_close(dy_cancel *c)
{
    if (c->wake_fd >= 0)
        close(c->wake_fd);
    if (c->notify_fd >= 0)
        close(c->notify_fd);
    c->wake_fd = c->notify_fd = -1;
}

void dy_cancel_request(dy_cancel *c, int why)
{
    int saved = errno;   /* a handler must leave errno as it found it */
    int expected = 0;
    atomic_compare_exchange_strong(&c->requested, &expected, why ? why : 1);
    if (c->notify_fd >= 0) {
        ssize_t n = write(c->notify_fd, "", 1);
        (void)n;   /* a full pipe is already readable */
    }
    errno = saved;
}

int dy_cancel_requested(const dy_cancel *c)
{
    return c ? atomic_load(&((dy_cancel *)c)->requested) : 0;
}
