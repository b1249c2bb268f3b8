/* project.c — finding the <textfile> entries of a TABARI .project file.
 * Tags are case-insensitive; names are resolved against the project's folder. */
#include "io/project.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/error.h"
#include "base/file.h"

int dy_path_beside(char *dst, size_t cap, const char *base, const char *name, size_t name_len)
{
    size_t dir = 0;
    if (name_len == 0 || name[0] != '/') {
        const char *slash = strrchr(base, '/');
        dir = slash ? (size_t)(slash - base) + 1 : 0;
    }
    if (dir + name_len + 1 > cap)
        return 0;
    memcpy(dst, base, dir);
    memcpy(dst + dir, name, name_len);
    dst[dir + name_len] = '\0';
    return 1;
}

dyad_status dy_project_textfiles(const char *path, dy_project_texts *out, dyad_error *err)
{
    char *buf;
    size_t len, pos = 0, n;
    const char *line;
    long lineno = 0;
    static const char tag[] = "<textfile>";
    out->n = 0;
    dyad_status st = dy_read_file(path, &buf, &len, err);
    if (st != DYAD_OK)
        return st;
    while (dy_next_line(buf, len, &pos, &line, &n)) {
        lineno++;
        while (n && isspace((unsigned char)*line))
            line++, n--;
        if (n < sizeof tag - 1 || strncasecmp(line, tag, sizeof tag - 1) != 0)
            continue;
        line += sizeof tag - 1;
        n -= sizeof tag - 1;
        while (n && isspace((unsigned char)*line))
            line++, n--;
        while (n && isspace((unsigned char)line[n - 1]))
            n--;
        if (n == 0)
            continue;
        if (out->n == DY_PROJECT_MAX_TEXTFILES) {
            free(buf);
            return dy_error_set(err, DYAD_ERR_LIMIT, path, lineno, "more than %d <textfile> entries",
                                DY_PROJECT_MAX_TEXTFILES);
        }
        if (!dy_path_beside(out->path[out->n], sizeof out->path[0], path, line, n)) {
            free(buf);
            return dy_error_set(err, DYAD_ERR_LIMIT, path, lineno, "file name too long");
        }
        out->n++;
    }
    free(buf);
    return DYAD_OK;
}
