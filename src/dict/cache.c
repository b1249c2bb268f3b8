/* cache.c — the compiled-dictionary cache: dyad_dict_load_cached reads a
 * dictionary's compiled form from a cache folder when its sources have not
 * changed (dict/cache_key.c names the entry), and writes it there after
 * loading the sources otherwise. Nothing here may fail a load: a cache
 * problem is reported and the sources are read. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/error.h"
#include "base/file.h"
#include "dict/cache.h"
#include "dict/dyd.h"

#define ENTRY_LEN 20                 /* 16 hex digits and ".dyd" */

/* An entry is this stamp, then the .dyd. The stamp binds the file to its
 * key: a valid .dyd of another dictionary put under this name (copied,
 * renamed) passes every check of the .dyd itself, so it is refused here. */
#define STAMP_MAGIC "DYADCKEY"
#define STAMP_LEN 16                 /* the magic and the key */

static void stamp(unsigned char *s, uint64_t key)
{
    memcpy(s, STAMP_MAGIC, 8);
    for (int i = 0; i < 8; i++)
        s[8 + i] = (unsigned char)(key >> (8 * i));
}
#define STALE_TEMP_SECONDS 3600      /* a temporary this old was left by a crash */

/* ------------------------------------------------------------ names */

static int is_hex16(const char *s)
{
    for (int i = 0; i < 16; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return 0;
    return 1;
}

/* "0123456789abcdef.dyd" */
static int is_entry(const char *name)
{
    return strlen(name) == ENTRY_LEN && is_hex16(name) && !strcmp(name + 16, ".dyd");
}

/* ".0123456789abcdef.dyd.XXXXXX", a write in progress or abandoned */
static int is_temp(const char *name)
{
    return name[0] == '.' && strlen(name) == ENTRY_LEN + 8 && is_hex16(name + 1) &&
           !strncmp(name + 17, ".dyd.", 5);
}

static int entry_path(char *buf, size_t size, const char *dir, uint64_t key)
{
    int n = snprintf(buf, size, "%s/%016llx.dyd", dir, (unsigned long long)key);
    return n > 0 && (size_t)n < size;
}

/* ------------------------------------------------------------ trust */

/* Only the user may have put files in the folder: otherwise another user
 * could rename one entry over another's name. */
static int dir_private(const char *dir, dyad_error *why)
{
    struct stat st;
    if (stat(dir, &st) != 0) {
        dy_error_set(why, DYAD_ERR_IO, dir, 0, "%s", strerror(errno));
        return 0;
    }
    if (!S_ISDIR(st.st_mode)) {
        dy_error_set(why, DYAD_ERR_IO, dir, 0, "not a folder; dictionaries not cached");
        return 0;
    }
    if (st.st_uid != geteuid() || (st.st_mode & 022)) {
        dy_error_set(why, DYAD_ERR_IO, dir, 0, "folder not private to this user (owner %ld, mode "
                     "%03o); dictionaries not cached", (long)st.st_uid,
                     (unsigned)(st.st_mode & 0777));
        return 0;
    }
    return 1;
}

/* The entry opened for reading past its stamp, its .dyd's size in *size;
 * or -1: absent (why untouched), or not trusted: a symlink, not a regular
 * file, not ours, writable by others, another key's. */
static int open_entry(const char *path, uint64_t key, size_t *size, dyad_error *why)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (errno != ENOENT)
            dy_error_set(why, DYAD_ERR_IO, path, 0, "%s; rebuilt",
                         errno == ELOOP ? "a symlink, not trusted" : strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() ||
        (st.st_mode & 022)) {
        dy_error_set(why, DYAD_ERR_IO, path, 0, "not a private regular file, not trusted; rebuilt");
        close(fd);
        return -1;
    }
    unsigned char want[STAMP_LEN], have[STAMP_LEN];
    stamp(want, key);
    if (st.st_size <= STAMP_LEN || read(fd, have, sizeof have) != (ssize_t)sizeof have ||
        memcmp(have, want, sizeof have) != 0) {
        dy_error_set(why, DYAD_ERR_PARSE, path, 0, "not the entry of this key; rebuilt");
        close(fd);
        return -1;
    }
    *size = (size_t)st.st_size - STAMP_LEN;
    return fd;
}

/* ------------------------------------------------------------ writing */

/* mkdir -p, each folder it makes private (XDG: 0700). */
static dyad_status make_dir(const char *dir, dyad_error *why)
{
    size_t n = strlen(dir);
    char *p = malloc(n + 1);
    if (!p)
        return dy_error_set(why, DYAD_ERR_NOMEM, dir, 0, "out of memory");
    memcpy(p, dir, n + 1);
    dyad_status st = DYAD_OK;
    for (size_t i = 1; i <= n && st == DYAD_OK; i++) {
        if (p[i] != '/' && p[i] != '\0')
            continue;
        char c = p[i];
        p[i] = '\0';
        if (mkdir(p, 0700) != 0 && errno != EEXIST)
            st = dy_error_set(why, DYAD_ERR_IO, p, 0, "cannot create: %s; dictionaries not "
                              "cached", strerror(errno));
        p[i] = c;
    }
    free(p);
    return st;
}

/* Writes the compiled dictionary as the entry: a temporary in the folder,
 * renamed over the entry, so a reader sees the old file or the new one and
 * two writers of one key just replace each other's identical bytes. No
 * fsync: after a crash a half-written entry fails the .dyd checks and is
 * rebuilt, and the first run should not wait on the disk. */
static dyad_status store(const char *dir, const char *entry, uint64_t key,
                         const dyad_dict *d, dyad_error *why)
{
    dyad_status st = make_dir(dir, why);
    if (st != DYAD_OK || !dir_private(dir, why))
        return DYAD_ERR_IO;
    unsigned char *blob;
    size_t len;
    if ((st = dy_dyd_build(d, &blob, &len, why)) != DYAD_OK)
        return st;
    char tmp[4096];
    int n = snprintf(tmp, sizeof tmp, "%s/.%016llx.dyd.XXXXXX", dir, (unsigned long long)key);
    int fd = n > 0 && (size_t)n < sizeof tmp ? mkstemp(tmp) : -1;
    if (fd < 0) {
        st = dy_error_set(why, DYAD_ERR_IO, dir, 0, "cannot write: %s; dictionaries not cached",
                          strerror(errno));
        free(blob);
        return st;
    }
    unsigned char head[STAMP_LEN];
    stamp(head, key);
    int ok = fchmod(fd, 0600) == 0 && dy_write_all(fd, head, sizeof head) == DYAD_OK &&
             dy_write_all(fd, blob, len) == DYAD_OK;
    int saved = errno;
    if (close(fd) != 0 && ok) {
        ok = 0;
        saved = errno;
    }
    if (ok && rename(tmp, entry) != 0) {
        ok = 0;
        saved = errno;
    }
    free(blob);
    if (!ok) {
        unlink(tmp);
        return dy_error_set(why, DYAD_ERR_IO, dir, 0, "cannot write: %s; dictionaries not cached",
                            strerror(saved));
    }
    return DYAD_OK;
}

/* ------------------------------------------------------------ pruning */

typedef struct aged {
    char name[ENTRY_LEN + 1];
    time_t used;   /* mtime: a hit touches it */
} aged;

static int newest_first(const void *a, const void *b)
{
    time_t x = ((const aged *)a)->used, y = ((const aged *)b)->used;
    return x > y ? -1 : x < y;
}

static void remove_in(const char *dir, const char *name)
{
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/%s", dir, name);
    if (n > 0 && (size_t)n < sizeof path)
        unlink(path);
}

/* Keeps the DYAD_CACHE_KEEP most recently used entries (never `keep`, just
 * written) and none unused for DYAD_CACHE_MAX_DAYS; removes temporaries
 * abandoned by a crash. Best effort: a file that will not go stays. */
static void prune(const char *dir, const char *keep)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return;
    int fd = dirfd(dp);
    aged *v = NULL;
    size_t n = 0, cap = 0;
    time_t now = time(NULL);
    struct dirent *de;
    while ((de = readdir(dp)) != NULL) {
        struct stat st;
        int entry = is_entry(de->d_name);
        if (!entry && !is_temp(de->d_name))
            continue;
        if (fstatat(fd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        if (!entry) {
            if (now - st.st_mtime > STALE_TEMP_SECONDS)
                remove_in(dir, de->d_name);
            continue;
        }
        if (!strcmp(de->d_name, keep))
            continue;
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 16;
            aged *nv = realloc(v, nc * sizeof *v);
            if (!nv)
                break;
            v = nv;
            cap = nc;
        }
        memcpy(v[n].name, de->d_name, ENTRY_LEN + 1);
        v[n++].used = st.st_mtime;
    }
    closedir(dp);
    if (n > 1)
        qsort(v, n, sizeof *v, newest_first);
    for (size_t i = 0; i < n; i++)
        if (i + 1 >= DYAD_CACHE_KEEP || now - v[i].used > (time_t)DYAD_CACHE_MAX_DAYS * 86400)
            remove_in(dir, v[i].name);
    free(v);
}

/* ------------------------------------------------------------ loading */

dyad_status dyad_dict_load_cached(const char *path, const char *cache_dir, dyad_dict **out,
                                  dyad_cache_report *report, dyad_error *err)
{
    dyad_cache_report local;
    if (!report)
        report = &local;
    memset(report, 0, sizeof *report);
    if (!path || !out)
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_dict_load_cached: NULL argument");
    *out = NULL;
    if (!cache_dir || !*cache_dir || dy_dyd_is(path))   /* compiled already */
        return dyad_dict_load(path, out, err);

    uint64_t key;
    char entry[4096];
    dyad_error *why = &report->problem;
    if (dy_dict_cache_key(path, &key, why) != DYAD_OK) {
        /* a source missing or unreadable: loading says so properly */
        dyad_status st = dyad_dict_load(path, out, err);
        if (st != DYAD_OK)
            memset(report, 0, sizeof *report);
        else
            report->use = DYAD_CACHE_FAILED;
        return st;
    }
    report->key = key;
    if (!entry_path(entry, sizeof entry, cache_dir, key)) {
        dyad_status st = dyad_dict_load(path, out, err);
        if (st == DYAD_OK) {
            report->use = DYAD_CACHE_FAILED;
            dy_error_set(why, DYAD_ERR_LIMIT, cache_dir, 0, "path too long; dictionaries not cached");
        }
        return st;
    }
    dyad_error ignored;
    size_t size = 0;
    int fd = dir_private(cache_dir, &ignored) ? open_entry(entry, key, &size, why) : -1;
    if (fd >= 0) {
        dyad_status st = dy_dyd_load_fd(fd, size, entry, out, why);
        if (st == DYAD_OK) {
            futimens(fd, NULL);   /* recently used: pruning keeps it */
            close(fd);
            report->use = DYAD_CACHE_HIT;
            dy_error_clear(why);
            return DYAD_OK;
        }
        close(fd);   /* damaged, truncated, crafted, or from another build: rebuilt */
    }
    dyad_status st = dyad_dict_load(path, out, err);
    if (st != DYAD_OK) {
        memset(report, 0, sizeof *report);
        return st;
    }
    dyad_error failed = {0};
    if (store(cache_dir, entry, key, *out, &failed) == DYAD_OK) {
        report->use = DYAD_CACHE_STORED;
        prune(cache_dir, entry + strlen(entry) - ENTRY_LEN);
    } else {
        report->use = DYAD_CACHE_FAILED;
        *why = failed;
    }
    return DYAD_OK;
}

/* ------------------------------------------------------------ the folder */

dyad_status dyad_dict_cache_dir(char *buf, size_t size, dyad_error *err)
{
    if (!buf || !size)
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_dict_cache_dir: no buffer");
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    int n;
    if (xdg && xdg[0] == '/')
        n = snprintf(buf, size, "%s/dyad", xdg);
    else if (home && home[0] == '/')
        n = snprintf(buf, size, "%s/.cache/dyad", home);
    else
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "no cache folder: neither XDG_CACHE_HOME "
                            "nor HOME is an absolute path");
    if (n < 0 || (size_t)n >= size)
        return dy_error_set(err, DYAD_ERR_LIMIT, "", 0, "cache folder path too long");
    return DYAD_OK;
}

/* Calls fn on each entry and temporary of the folder; a missing folder has none. */
static dyad_status each_file(const char *dir, void (*fn)(void *, const char *, int,
                                                         const struct stat *), void *ctx,
                             dyad_error *err)
{
    DIR *dp = opendir(dir);
    if (!dp) {
        if (errno == ENOENT)
            return DYAD_OK;
        return dy_error_set(err, DYAD_ERR_IO, dir, 0, "cannot open folder: %s", strerror(errno));
    }
    struct dirent *de;
    while ((de = readdir(dp)) != NULL) {
        int entry = is_entry(de->d_name);
        struct stat st;
        if ((entry || is_temp(de->d_name)) &&
            fstatat(dirfd(dp), de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
            fn(ctx, de->d_name, entry, &st);
    }
    closedir(dp);
    return DYAD_OK;
}

typedef struct tally {
    const char *dir;
    size_t n;
    unsigned long long bytes;
} tally;

static void count_one(void *ctx, const char *name, int entry, const struct stat *st)
{
    tally *t = ctx;
    (void)name;
    if (entry && S_ISREG(st->st_mode)) {
        t->n++;
        t->bytes += (unsigned long long)st->st_size;
    }
}

static void remove_one(void *ctx, const char *name, int entry, const struct stat *st)
{
    tally *t = ctx;
    (void)st;
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/%s", t->dir, name);
    if (n > 0 && (size_t)n < sizeof path && unlink(path) == 0 && entry)
        t->n++;
}

dyad_status dyad_dict_cache_stats(const char *cache_dir, size_t *entries,
                                  unsigned long long *bytes, dyad_error *err)
{
    if (!cache_dir || !entries || !bytes)
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_dict_cache_stats: NULL argument");
    tally t = {cache_dir, 0, 0};
    dyad_status st = each_file(cache_dir, count_one, &t, err);
    *entries = t.n;
    *bytes = t.bytes;
    return st;
}

dyad_status dyad_dict_cache_clear(const char *cache_dir, size_t *removed, dyad_error *err)
{
    if (!cache_dir)
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_dict_cache_clear: NULL argument");
    tally t = {cache_dir, 0, 0};
    dyad_status st = each_file(cache_dir, remove_one, &t, err);
    if (removed)
        *removed = t.n;
    return st;
}
