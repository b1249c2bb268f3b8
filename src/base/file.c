/* file.c — reading a whole file into memory, splitting it into lines (LF,
 * CRLF or a lone CR), and reading what a live stream has so far. */
#include "base/file.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/cancel.h"
#include "base/error.h"

dyad_status dy_read_file(const char *path, char **out, size_t *len, dyad_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return dy_error_set(err, DYAD_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        return dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
    }
    for (;;) {
        if (cap - n < 2) {
            char *b = realloc(buf, cap * 2);
            if (!b) {
                free(buf);
                fclose(f);
                return dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
            }
            buf = b;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return dy_error_set(err, DYAD_ERR_IO, path, 0, "read error");
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return DYAD_OK;
}

int dy_next_line(const char *buf, size_t len, size_t *pos, const char **line, size_t *n)
{
    size_t p = *pos;
    if (p >= len)
        return 0;
    size_t s = p;
    while (p < len && buf[p] != '\n' && buf[p] != '\r')
        p++;
    *line = buf + s;
    *n = p - s;
    if (p < len && buf[p] == '\r') {
        p++;
        if (p < len && buf[p] == '\n')
            p++;
    } else if (p < len) {
        p++;
    }
    *pos = p;
    return 1;
}

/* Waits until fd has something (data, the end, an error) or cancel is
 * requested; 0, or DY_READ_CANCELLED. */
static long wait_readable(int fd, const dy_cancel *cancel)
{
    struct pollfd pfd[2] = {{.fd = fd, .events = POLLIN}, {.fd = cancel->wake_fd, .events = POLLIN}};
    for (;;) {
        if (dy_cancel_requested(cancel))
            return DY_READ_CANCELLED;
        int n = poll(pfd, 2, -1);
        if (n > 0 && pfd[1].revents)
            return DY_READ_CANCELLED;
        if (n > 0 || (n < 0 && errno != EINTR))
            return 0;   /* a poll error: let the read report it */
    }
}

long dy_read_some(int fd, FILE *f, char *dst, size_t room, const char *stops,
                  const dy_cancel *cancel)
{
    if (dy_cancel_requested(cancel))
        return DY_READ_CANCELLED;
    if (fd >= 0) {
        if (cancel && cancel->wake_fd >= 0 && wait_readable(fd, cancel) != 0)
            return DY_READ_CANCELLED;
        ssize_t n;
        do
            n = read(fd, dst, room);
        while (n < 0 && errno == EINTR && !dy_cancel_requested(cancel));
        if (n < 0 && errno == EINTR)
            return DY_READ_CANCELLED;
        return (long)n;
    }
    size_t n = 0;
    int ch;
    while (n < room && (ch = getc(f)) != EOF) {
        dst[n++] = (char)ch;
        if (ch && strchr(stops, ch))   /* strchr finds the NUL of stops too */
            break;
    }
    if (n == 0 && ferror(f))
        return -1;
    return (long)n;
}

int dy_fd_ready(int fd)
{
    struct pollfd pfd = {.fd = fd, .events = POLLIN};
    return poll(&pfd, 1, 0) != 0;   /* -1: let the read report the error */
}
