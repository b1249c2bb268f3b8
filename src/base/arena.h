/* arena.h — bump allocator: many small allocations freed at once.
 * Dictionaries keep one for their lifetime; coders reset theirs per sentence. */
#ifndef DY_ARENA_H
#define DY_ARENA_H

#include <stddef.h>

typedef struct dy_arena_block dy_arena_block;

typedef struct dy_arena {
    dy_arena_block *head;    /* block being filled */
    dy_arena_block *spare;   /* blocks kept after a reset, for reuse */
    size_t block_size;       /* size of ordinary blocks */
} dy_arena;

void dy_arena_init(dy_arena *a, size_t block_size);

/* A block size whose blocks fill one huge page (base/hugemem.h): for arenas
 * that grow large and are read at random, like the lexer's word cache. */
#define DY_ARENA_HUGE_BLOCK (((size_t)2 << 20) - 64)
void dy_arena_free(dy_arena *a);
/* Forget every allocation but keep the memory for reuse. */
void dy_arena_reset(dy_arena *a);

/* Aligned to max_align_t; NULL only when memory is exhausted. */
void *dy_arena_alloc(dy_arena *a, size_t size);
void *dy_arena_calloc(dy_arena *a, size_t n, size_t size);
char *dy_arena_strndup(dy_arena *a, const char *s, size_t n);
char *dy_arena_strdup(dy_arena *a, const char *s);

#endif
