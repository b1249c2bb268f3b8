/* dyd.h — compiled dictionaries: a loaded dyad_dict written to one binary
 * .dyd file that later loads by reading it into memory, without parsing. */
#ifndef DY_DICT_DYD_H
#define DY_DICT_DYD_H

#include <stddef.h>
#include <stdint.h>

#include "dict/dict.h"

/* Bumped whenever the file layout changes. */
#define DY_DYD_FORMAT 2

/* Does the file start with the .dyd magic? (0 when unreadable) */
int dy_dyd_is(const char *path);

/* Loads a .dyd file (read into memory and relocated, no parsing): refused with DYAD_ERR_PARSE and a clear message when it
 * is foreign, truncated, corrupt (checksum) or made by another dyad build
 * (version, struct layout). */
dyad_status dy_dyd_load(const char *path, dyad_dict **out, dyad_error *err);

/* The same from the next size bytes of an open file; errors name `name`. */
dyad_status dy_dyd_load_fd(int fd, size_t size, const char *name, dyad_dict **out,
                           dyad_error *err);

/* The same from a blob in memory (copied; relocated in the copy). */
dyad_status dy_dyd_load_mem(const void *data, size_t len, const char *name, dyad_dict **out,
                            dyad_error *err);

/* The default dictionaries compiled at build time (build/gen/default_dyd.c,
 * made by tools/dydc.c and tools/embed_bin.sh) in chunks of 4095 bytes. */
#define DY_EMBED_CHUNK 4095
extern const char dy_default_dyd[][DY_EMBED_CHUNK];
extern const size_t dy_default_dyd_len;

/* Releases the memory of a dictionary loaded from a .dyd (no-op otherwise). */
void dy_dyd_unmap(struct dyad_dict *d);

/* The compiled form of d, malloc'd into *out (for dyad_dict_save and tests). */
dyad_status dy_dyd_build(const struct dyad_dict *d, unsigned char **out, size_t *len,
                         dyad_error *err);

/* Hash of this build's dictionary struct layout (sizes and field offsets). */
uint32_t dy_dyd_layout_hash(void);

/* Rewrites the checksum of a compiled dictionary in file[0, len), as the
 * writer computes it: for tests and the fuzzer, which change a file and
 * must get past the checksum to the checks behind it. -1 when too short. */
int dy_dyd_fix_checksum(unsigned char *file, size_t len);

/* Checks a relocated compiled dictionary whole (dict/dyd_check.c): every
 * cross-array index, phrase, enum, the pool's terminator and the hash sets.
 * 0, or -1 with *why set. */
struct dy_index_parts;
int dy_dyd_check(const struct dyad_dict *d, const struct dy_index_parts *ip, const char *pool,
                 size_t pool_len, const char **why);

#endif
