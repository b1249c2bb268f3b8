/* arena.c — bump allocator: many small allocations freed at once.
 * Blocks are chained; oversized requests get a block of their own. */
#include "base/arena.h"
#include "base/hugemem.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef DY_ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

struct dy_arena_block {
    dy_arena_block *next;
    size_t size;    /* usable bytes in data */
    size_t mapped;  /* bytes from dy_huge_alloc, or 0: from malloc */
    alignas(max_align_t) unsigned char data[];
};

void dy_arena_init(dy_arena *a, size_t block_size)
{
    a->head = NULL;
    a->spare = NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->cur = NULL;
    a->avail = 0;
}

static void free_block(dy_arena_block *b)
{
    UNPOISON(b->data, b->size);
    if (b->mapped) dy_huge_free(b, b->mapped);
    else free(b);
}

static void free_chain(dy_arena_block *b)
{
    while (b) {
        dy_arena_block *next = b->next;
        free_block(b);
        b = next;
    }
}

void dy_arena_free(dy_arena *a)
{
    free_chain(a->head);
    free_chain(a->spare);
    a->head = a->spare = NULL;
    a->cur = NULL;
    a->avail = 0;
}

void dy_arena_reset(dy_arena *a)
{
    /* Ordinary blocks go to the spare list; oversized ones are released so a
     * single huge sentence does not pin memory forever. */
    dy_arena_block *b = a->head;
    while (b) {
        dy_arena_block *next = b->next;
        if (b->size == a->block_size) {
            POISON(b->data, b->size);
            b->next = a->spare;
            a->spare = b;
        } else {
            free_block(b);
        }
        b = next;
    }
    a->head = NULL;
    a->cur = NULL;
    a->avail = 0;
    if (a->spare) {   /* the next allocation finds room without the slow path */
        b = a->spare;
        a->spare = b->next;
        b->next = NULL;
        a->head = b;
        a->cur = b->data;
        a->avail = b->size;
    }
}

static dy_arena_block *new_block(dy_arena *a, size_t need)
{
    if (need <= a->block_size && a->spare) {
        dy_arena_block *b = a->spare;
        a->spare = b->next;
        return b;
    }
    size_t size = need > a->block_size ? need : a->block_size;
    if (size > SIZE_MAX - sizeof(dy_arena_block))
        return NULL;
    /* a block of DY_ARENA_HUGE_BLOCK or more gets huge pages (arena.h) */
    size_t total = sizeof(dy_arena_block) + size, mapped = 0;
    dy_arena_block *b = size >= DY_ARENA_HUGE_BLOCK ? dy_huge_alloc(total, &mapped) : malloc(total);
    if (!b)
        return NULL;
    b->mapped = mapped;
    b->size = size;
    POISON(b->data, b->size);
    return b;
}

void *dy_arena_alloc_slow(dy_arena *a, size_t size)
{
    const size_t align = alignof(max_align_t);
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX - align)
        return NULL;
    size = (size + align - 1) & ~(align - 1);
    if (!a->head || a->avail < size) {
        /* a new block becomes the head; what was left in the old one is not
         * used again (an oversized request gets a block of its own) */
        dy_arena_block *b = new_block(a, size);
        if (!b)
            return NULL;
        b->next = a->head;
        a->head = b;
        a->cur = b->data;
        a->avail = b->size;
    }
    void *p = a->cur;
    a->cur += size;
    a->avail -= size;
    UNPOISON(p, size);
    return p;
}

void *dy_arena_calloc(dy_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = dy_arena_alloc(a, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

char *dy_arena_strndup(dy_arena *a, const char *s, size_t n)
{
    char *p = dy_arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *dy_arena_strdup(dy_arena *a, const char *s)
{
    return dy_arena_strndup(a, s, strlen(s));
}
