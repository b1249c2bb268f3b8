/* dirwalk.h — the files of a folder given as input: regular files sorted by
 * name (byte order), hidden ones skipped, sub-folders depth-first when asked. */
#ifndef DY_DIRWALK_H
#define DY_DIRWALK_H

#include "dyad.h"

/* What dy_dirwalk_next found. */
typedef enum dy_walk_kind {
    DY_WALK_END = 0,
    DY_WALK_FILE,          /* a regular file (or a symbolic link to one) */
    DY_WALK_DIR_SKIPPED,   /* a sub-folder not entered: the walk is not recursive */
    DY_WALK_LINK_SKIPPED,  /* a symbolic link to a folder: never followed, so
                            * that a link to a parent cannot loop */
    DY_WALK_LOOP,          /* a folder already being walked (a bind mount) */
    DY_WALK_OTHER,         /* neither a file nor a folder (a FIFO, a device) */
    DY_WALK_ERROR          /* a folder or entry that could not be read (err) */
} dy_walk_kind;

typedef struct dy_dirwalk dy_dirwalk;

/* Starts a walk of the folder `path` (a symbolic link to one is followed:
 * it was named). recursive: enter sub-folders, depth-first, each in its
 * place in the sorted order. Names starting with '.' are never listed.
 * DYAD_OK, or DYAD_ERR_IO when path cannot be listed (err says why). */
dyad_status dy_dirwalk_open(const char *path, int recursive, dy_dirwalk **out,
                            dyad_error *err);
/* The next entry: its kind, and its path (path/name/...) in *path, valid
 * until the next call. After DY_WALK_ERROR the walk goes on with the next
 * entry. Memory: the sorted names of one folder per level being walked. */
dy_walk_kind dy_dirwalk_next(dy_dirwalk *w, const char **path, dyad_error *err);
void dy_dirwalk_free(dy_dirwalk *w);

#endif
