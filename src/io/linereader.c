/* linereader.c — reading a stream one line at a time, counting lines.
 * Uses POSIX getline so a line of any length fits in one reused buffer. */
#include "io/linereader.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "base/error.h"

void dy_linereader_init(dy_linereader *lr, FILE *f, const char *name)
{
    memset(lr, 0, sizeof *lr);
    lr->f = f;
    lr->name = name;
}

void dy_linereader_free(dy_linereader *lr)
{
    free(lr->buf);
    lr->buf = NULL;
    lr->cap = 0;
}

int dy_linereader_next(dy_linereader *lr, dyad_error *err)
{
    errno = 0;
    ssize_t n = getline(&lr->buf, &lr->cap, lr->f);
    if (n < 0) {
        if (ferror(lr->f)) {
            dy_error_set(err, errno == ENOMEM ? DYAD_ERR_NOMEM : DYAD_ERR_IO, lr->name,
                         lr->lineno + 1, "read error: %s", strerror(errno ? errno : EIO));
            return -1;
        }
        return 0;
    }
    size_t len = (size_t)n;
    if (len && lr->buf[len - 1] == '\n')
        len--;
    if (len && lr->buf[len - 1] == '\r')
        len--;
    lr->buf[len] = '\0';
    lr->len = len;
    lr->lineno++;
    return 1;
}

int dy_line_is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
            return 0;
    return 1;
}
