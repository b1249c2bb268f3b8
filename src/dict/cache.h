/* cache.h — what the compiled-dictionary cache (dict/cache.c) needs from the
 * loader: the files a dictionary is built from, and the key made of them. */
#ifndef DY_DICT_CACHE_H
#define DY_DICT_CACHE_H

#include <stdint.h>

#include "dyad.h"

/* Kinds of source besides the reader kinds (0, 1, ... of load.c). */
#define DY_SOURCE_SPEC    (-1)   /* the .project or PETR_config.ini given */
#define DY_SOURCE_REMARKS (-2)   /* text: what finding the files remarked */

/* Called for each source: kind, and a file's path (the remarks' text for
 * DY_SOURCE_REMARKS). A status other than DYAD_OK stops the walk. */
typedef dyad_status (*dy_source_fn)(void *ctx, int kind, const char *text, dyad_error *err);

/* Finds the files dyad_dict_load(path) would read, in the order it reads
 * them, without reading them (load.c): the spec when path is a file, then
 * every dictionary file with its kind, then the remarks. */
dyad_status dy_dict_sources(const char *path, dy_source_fn fn, void *ctx, dyad_error *err);

/* The cache key of the dictionary at path (cache_key.c): a checksum of this
 * build's identity, path, and each source's kind, name and content. Fails
 * (DYAD_ERR_IO, DYAD_ERR_ARG) when a source cannot be read or is not a
 * regular file (a pipe could not be read twice); the caller then loads
 * without the cache. */
dyad_status dy_dict_cache_key(const char *path, uint64_t *key, dyad_error *err);

/* A checksum of the sources of libdyad that decide what a dictionary
 * compiles to (src/base, src/text, src/dict, include/dyad.h), written by the
 * build into gen/dict_code_id.c: during development the version number
 * stays while the loader changes. */
extern const char dy_dict_code_id[];

#endif
