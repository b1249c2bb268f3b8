/* project.h — finding the <textfile> entries of a TABARI .project file (the
 * dictionary entries are the dictionary loader's business). */
#ifndef DY_PROJECT_H
#define DY_PROJECT_H

#include <stddef.h>

#include "dyad.h"

#define DY_PROJECT_MAX_TEXTFILES 16

typedef struct dy_project_texts {
    char path[DY_PROJECT_MAX_TEXTFILES][1024]; /* resolved against the project's folder */
    int n;
} dy_project_texts;

/* Reads the <textfile> lines of the project at path. No <textfile> is not an
 * error (n = 0). */
dyad_status dy_project_textfiles(const char *path, dy_project_texts *out, dyad_error *err);

/* Joins name to the folder of base ("a/b.project" + "c.text" -> "a/c.text");
 * absolute names are kept. Returns 0 when it does not fit in cap. */
int dy_path_beside(char *dst, size_t cap, const char *base, const char *name, size_t name_len);

#endif
