/* cache_key.c — the key of a compiled-dictionary cache entry: what this
 * build is, the path given, and the name, kind and content checksum of every
 * file the dictionary is built from. Hashing must stay cheap beside loading
 * the entry (about 5 MB of sources for the production dictionaries): files
 * are read in pieces into one buffer and summed with the four-lane checksum
 * while the piece is still in cache. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/checksum.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "dict/cache.h"
#include "dict/dyd.h"
#include "text/fold.h"

#define PIECE ((size_t)256 << 10)   /* a multiple of the checksum's 32-byte block */

typedef struct key_walk {
    dy_strbuf manifest;   /* one line per source; the key is its checksum */
    unsigned char *buf;   /* PIECE bytes, reused for every file */
} key_walk;

/* The checksum and size of a regular file's content. */
static dyad_status sum_file(key_walk *w, const char *path, uint64_t *sum, uint64_t *size,
                            dyad_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return dy_error_set(err, DYAD_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return dy_error_set(err, DYAD_ERR_ARG, path, 0, "not a regular file; not cached");
    }
    dy_lanes lanes;
    dy_lanes_init(&lanes, 0x6479616463616368ull);
    uint64_t total = 0;
    size_t have = 0;   /* bytes in buf not yet summed (fewer than 32) */
    for (;;) {
        ssize_t n = read(fd, w->buf + have, PIECE - have);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            close(fd);
            return dy_error_set(err, DYAD_ERR_IO, path, 0, "cannot read: %s", strerror(e));
        }
        if (n == 0)
            break;
        total += (uint64_t)n;
        have += (size_t)n;
        size_t used = dy_lanes_blocks(&lanes, w->buf, have);
        memmove(w->buf, w->buf + used, have - used);
        have -= used;
    }
    close(fd);
    *sum = dy_lanes_final(&lanes, w->buf, have);
    *size = total;
    return DYAD_OK;
}

static dyad_status add_source(void *ctx, int kind, const char *text, dyad_error *err)
{
    key_walk *w = ctx;
    if (kind == DY_SOURCE_REMARKS) {
        dy_strbuf_printf(&w->manifest, "remarks %zu\n", strlen(text));
        dy_strbuf_adds(&w->manifest, text);
        return DYAD_OK;
    }
    uint64_t sum = 0, size = 0;
    dyad_status st = sum_file(w, text, &sum, &size, err);
    if (st != DYAD_OK)
        return st;
    /* the name too: errors and `dyad explain` quote it from the dictionary */
    dy_strbuf_printf(&w->manifest, "%d %zu %s %llu %016llx\n", kind, strlen(text), text,
                     (unsigned long long)size, (unsigned long long)sum);
    return DYAD_OK;
}

dyad_status dy_dict_cache_key(const char *path, uint64_t *key, dyad_error *err)
{
    key_walk w;
    dy_strbuf_init(&w.manifest);
    w.buf = malloc(PIECE);
    if (!w.buf)
        return dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
    /* everything of this build that changes the compiled result */
    dy_strbuf_printf(&w.manifest, "dyad dictionary cache 1\nversion %s format %d layout %08x "
                     "code %s unicode %s\npath %zu %s\n", DYAD_VERSION, DY_DYD_FORMAT,
                     (unsigned)dy_dyd_layout_hash(), dy_dict_code_id, dy_fold_tables_version(),
                     strlen(path), path);
    dyad_status st = dy_dict_sources(path, add_source, &w, err);
    if (st == DYAD_OK && w.manifest.failed)
        st = dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
    if (st == DYAD_OK)
        *key = dy_checksum(0x6b65795f6b657931ull, (const unsigned char *)w.manifest.s,
                           w.manifest.len);
    free(w.buf);
    dy_strbuf_free(&w.manifest);
    return st;
}
