/* dirwalk.c — the files of a folder given as input, as `grep -r` takes them:
 * an explicit stack of sorted listings (no recursion), symlinked folders never entered. */
#include "io/dirwalk.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/error.h"
#include "base/strbuf.h"
#include "base/vec.h"

/* One folder being walked: its sorted names and how far the walk got. */
typedef struct level {
    char *dir;
    char **names;
    size_t n, i;
    dev_t dev;     /* which folder it is, to refuse entering it twice */
    ino_t ino;
} level;

struct dy_dirwalk {
    DY_VEC(level) stack;
    dy_strbuf path;    /* the entry handed out */
    int recursive;
};

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);   /* bytes, as unsigned */
}

static void free_level(level *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->names[i]);
    free(l->names);
    free(l->dir);
}

/* Reads the visible names of folder dir into l, sorted. */
static dyad_status list(level *l, const char *dir, dyad_error *err)
{
    memset(l, 0, sizeof *l);
    DIR *d = opendir(dir);
    if (!d)
        return dy_error_set(err, DYAD_ERR_IO, dir, 0, "cannot open: %s", strerror(errno));
    DY_VEC(char *) names = {0};
    struct dirent *e;
    int oom = !(l->dir = strdup(dir));
    errno = 0;
    while (!oom && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')   /* hidden, and "." and ".." */
            continue;
        char *s = strdup(e->d_name);
        oom = !s || dy_vec_push(&names, s) != 0;
        if (oom)
            free(s);
        errno = 0;
    }
    int read_errno = oom ? 0 : errno;
    closedir(d);
    l->names = names.v;
    l->n = names.n;
    if (oom || read_errno) {
        free_level(l);
        memset(l, 0, sizeof *l);
        return oom ? dy_error_set(err, DYAD_ERR_NOMEM, dir, 0, "out of memory")
                   : dy_error_set(err, DYAD_ERR_IO, dir, 0, "read error: %s",
                                  strerror(read_errno));
    }
    if (l->n > 1)
        qsort(l->names, l->n, sizeof *l->names, by_name);
    return DYAD_OK;
}

/* Enters folder dir (st: what stat says of it). */
static dyad_status push(dy_dirwalk *w, const char *dir, const struct stat *st, dyad_error *err)
{
    level l;
    dyad_status rc = list(&l, dir, err);
    if (rc != DYAD_OK)
        return rc;
    l.dev = st->st_dev;
    l.ino = st->st_ino;
    if (dy_vec_push(&w->stack, l) != 0) {
        free_level(&l);
        return dy_error_set(err, DYAD_ERR_NOMEM, dir, 0, "out of memory");
    }
    return DYAD_OK;
}

static int on_stack(const dy_dirwalk *w, const struct stat *st)
{
    for (size_t i = 0; i < w->stack.n; i++)
        if (w->stack.v[i].dev == st->st_dev && w->stack.v[i].ino == st->st_ino)
            return 1;
    return 0;
}

dyad_status dy_dirwalk_open(const char *path, int recursive, dy_dirwalk **out,
                            dyad_error *err)
{
    *out = NULL;
    struct stat st;
    if (stat(path, &st) != 0)
        return dy_error_set(err, DYAD_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
    dy_dirwalk *w = calloc(1, sizeof *w);
    if (!w)
        return dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
    dy_strbuf_init(&w->path);
    w->recursive = recursive;
    dyad_status rc = push(w, path, &st, err);
    if (rc != DYAD_OK) {
        dy_dirwalk_free(w);
        return rc;
    }
    *out = w;
    return DYAD_OK;
}

/* What the entry at w->path is, entering it when it is a folder to walk. */
static dy_walk_kind classify(dy_dirwalk *w, dyad_error *err)
{
    const char *p = w->path.s;
    struct stat st;
    if (lstat(p, &st) != 0) {
        dy_error_set(err, DYAD_ERR_IO, p, 0, "cannot open: %s", strerror(errno));
        return DY_WALK_ERROR;
    }
    if (S_ISLNK(st.st_mode)) {
        if (stat(p, &st) != 0) {
            dy_error_set(err, DYAD_ERR_IO, p, 0, "cannot open: %s", strerror(errno));
            return DY_WALK_ERROR;
        }
        if (S_ISDIR(st.st_mode))
            return w->recursive ? DY_WALK_LINK_SKIPPED : DY_WALK_DIR_SKIPPED;
    } else if (S_ISDIR(st.st_mode)) {
        if (!w->recursive)
            return DY_WALK_DIR_SKIPPED;
        if (on_stack(w, &st))
            return DY_WALK_LOOP;
        return push(w, p, &st, err) == DYAD_OK ? DY_WALK_END : DY_WALK_ERROR;
    }
    return S_ISREG(st.st_mode) ? DY_WALK_FILE : DY_WALK_OTHER;
}

dy_walk_kind dy_dirwalk_next(dy_dirwalk *w, const char **path, dyad_error *err)
{
    while (w->stack.n > 0) {
        level *l = &w->stack.v[w->stack.n - 1];
        if (l->i == l->n) {
            free_level(l);
            w->stack.n--;
            continue;
        }
        const char *name = l->names[l->i++];
        size_t dn = strlen(l->dir);
        dy_strbuf_clear(&w->path);
        dy_strbuf_add(&w->path, l->dir, dn);
        if (dn == 0 || l->dir[dn - 1] != '/')
            dy_strbuf_addc(&w->path, '/');
        dy_strbuf_adds(&w->path, name);
        if (w->path.failed) {
            dy_error_set(err, DYAD_ERR_NOMEM, l->dir, 0, "out of memory");
            *path = l->dir;
            return DY_WALK_ERROR;
        }
        *path = w->path.s;
        dy_walk_kind k = classify(w, err);
        if (k != DY_WALK_END)   /* END: a folder was entered; go on inside it */
            return k;
    }
    *path = NULL;
    return DY_WALK_END;
}

void dy_dirwalk_free(dy_dirwalk *w)
{
    if (!w)
        return;
    for (size_t i = 0; i < w->stack.n; i++)
        free_level(&w->stack.v[i]);
    dy_vec_free(&w->stack);
    dy_strbuf_free(&w->path);
    free(w);
}
