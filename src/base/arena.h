/* arena.h — bump allocator: many small allocations freed at once.
 * Dictionaries keep one for their lifetime; coders reset theirs per sentence. */
#ifndef DY_ARENA_H
#define DY_ARENA_H

#include <stdalign.h>
#include <stddef.h>

/* Under AddressSanitizer, memory handed back by a reset is poisoned, so a
 * pointer kept past its arena's reset is reported like a use after free;
 * every allocation then goes through arena.c to be unpoisoned. */
#if defined(__SANITIZE_ADDRESS__)
#define DY_ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DY_ARENA_ASAN 1
#endif
#endif

typedef struct dy_arena_block dy_arena_block;

/* A block size whose blocks fill one huge page (base/hugemem.h): for arenas
 * that grow large and are read at random, like the lexer's word cache. */
#define DY_ARENA_HUGE_BLOCK (((size_t)2 << 20) - 64)

typedef struct dy_arena {
    dy_arena_block *head;    /* block being filled */
    dy_arena_block *spare;   /* blocks kept after a reset, for reuse */
    size_t block_size;       /* size of ordinary blocks */
    unsigned char *cur;      /* the free part of head: cur[0, avail) */
    size_t avail;
} dy_arena;

void dy_arena_init(dy_arena *a, size_t block_size);
void dy_arena_free(dy_arena *a);
/* Forget every allocation but keep the memory for reuse. */
void dy_arena_reset(dy_arena *a);

/* The allocation that needs a new block (or checks under ASan). */
void *dy_arena_alloc_slow(dy_arena *a, size_t size);

/* Aligned to max_align_t; NULL only when memory is exhausted. The common
 * case, room left in the current block, is a bump in the caller: the
 * tokenizer and lexer allocate several times per sentence. */
static inline void *dy_arena_alloc(dy_arena *a, size_t size)
{
#ifndef DY_ARENA_ASAN
    if (size - 1 < a->avail) {   /* 0 < size <= avail, so no overflow below */
        size_t need = (size + alignof(max_align_t) - 1) & ~(alignof(max_align_t) - 1);
        if (need <= a->avail) {
            void *p = a->cur;
            a->cur += need;
            a->avail -= need;
            return p;
        }
    }
#endif
    return dy_arena_alloc_slow(a, size);
}

void *dy_arena_calloc(dy_arena *a, size_t n, size_t size);
char *dy_arena_strndup(dy_arena *a, const char *s, size_t n);
char *dy_arena_strdup(dy_arena *a, const char *s);

#endif
