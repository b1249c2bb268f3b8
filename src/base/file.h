/* file.h — reading a whole file into memory (dictionaries, small inputs), and
 * what a stream has so far (stories are streamed), with errors naming the file. */
#ifndef DY_FILE_H
#define DY_FILE_H

#include <stddef.h>
#include <stdio.h>

#include "dyad.h"

/* Reads path into a malloc'd, NUL-terminated buffer (*len excludes the NUL). */
dyad_status dy_read_file(const char *path, char **out, size_t *len, dyad_error *err);

/* Next line of buf starting at *pos: sets *line and *n (without '\n' or "\r\n"),
 * advances *pos; returns 0 at the end. */
int dy_next_line(const char *buf, size_t len, size_t *pos, const char **line, size_t *n);

/* Appends to dst what a stream has now, up to room bytes: one read(2) on fd
 * when fd >= 0 (it returns what has arrived), else getc on f up to and
 * including the first byte of `stops`, so that a live source is never
 * waited on. The count, 0 at the end, -1 on a read error, and
 * DY_READ_CANCELLED once cancel (may be NULL) is requested: a read waiting
 * on a live feed wakes for it. */
#define DY_READ_CANCELLED (-2)
struct dy_cancel;
long dy_read_some(int fd, FILE *f, char *dst, size_t room, const char *stops,
                  const struct dy_cancel *cancel);

/* Would a read(2) on fd return at once (data, the end, or an error), rather
 * than wait for input that has not arrived? Asked with a zero-timeout poll. */
int dy_fd_ready(int fd);


/* Writes data[0, len) to path so that a reader never sees half a file and
 * nothing but path itself is touched: the bytes go to a fresh temporary file
 * in path's folder (mkstemp: never an existing name, never through a
 * symlink), are flushed to disk, and the file is renamed over path. A path
 * that exists and is not a regular file (a symlink, a device, a folder) is
 * refused. The new file keeps the old one's permissions, else 0644. */
dyad_status dy_write_file_atomic(const char *path, const void *data, size_t len,
                                 dyad_error *err);

/* write(2) of all of data[0, len), going on after a short write or EINTR:
 * DYAD_ERR_IO (errno says why) or DYAD_OK. */
dyad_status dy_write_all(int fd, const void *data, size_t len);

#endif
