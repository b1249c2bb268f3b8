/* safe_write.c — replacing a file safely: write a fresh temporary beside it,
 * flush, rename over it; refuse to replace what is not a regular file. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/error.h"
#include "base/file.h"

dyad_status dy_write_all(int fd, const void *data, size_t len)
{
    const unsigned char *p = data;
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = ENOSPC;   /* write(2) made no progress and said nothing */
            return DYAD_ERR_IO;
        }
        p += n;
        len -= (size_t)n;
    }
    return DYAD_OK;
}

dyad_status dy_write_file_atomic(const char *path, const void *data, size_t len,
                                 dyad_error *err)
{
    struct stat st;
    mode_t mode = 0644;
    if (lstat(path, &st) == 0) {
        if (!S_ISREG(st.st_mode))
            return dy_error_set(err, DYAD_ERR_IO, path, 0,
                                "exists and is not a regular file; not replaced");
        mode = st.st_mode & 07777;
    } else if (errno != ENOENT) {
        return dy_error_set(err, DYAD_ERR_IO, path, 0, "%s", strerror(errno));
    }
    /* the temporary goes in path's own folder, so the rename stays on one
     * file system and is atomic */
    size_t pn = strlen(path);
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
    char *tmp = malloc(pn + 16);
    if (!tmp)
        return dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
    memcpy(tmp, path, dir);
    tmp[dir] = '.';
    memcpy(tmp + dir + 1, path + dir, pn - dir);
    memcpy(tmp + pn + 1, ".XXXXXX", 8);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        dyad_status s = dy_error_set(err, DYAD_ERR_IO, path, 0, "cannot create a file beside it: %s",
                                     strerror(errno));
        free(tmp);
        return s;
    }
    int ok = dy_write_all(fd, data, len) == DYAD_OK && fchmod(fd, mode) == 0 && fsync(fd) == 0;
    int saved = errno;
    if (close(fd) != 0 && ok) {
        ok = 0;
        saved = errno;
    }
    if (ok && rename(tmp, path) != 0) {
        ok = 0;
        saved = errno;
    }
    dyad_status s = DYAD_OK;
    if (!ok) {
        unlink(tmp);
        s = dy_error_set(err, DYAD_ERR_IO, path, 0, "cannot write: %s", strerror(saved));
    }
    free(tmp);
    return s;
}
