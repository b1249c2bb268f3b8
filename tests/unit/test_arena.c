/* test_arena.c — the bump allocator: alignment, the bump in the caller and
 * the slow path, oversized requests, reuse of the memory after a reset. */
#include <criterion/criterion.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"

static int aligned(const void *p)
{
    return (uintptr_t)p % alignof(max_align_t) == 0;
}

Test(arena, aligned_and_disjoint)
{
    dy_arena a;
    dy_arena_init(&a, 256);
    char *prev = NULL;
    for (size_t n = 0; n < 200; ++n) {   /* many blocks' worth */
        char *p = dy_arena_alloc(&a, n % 37);
        cr_assert_not_null(p);
        cr_assert(aligned(p));
        memset(p, 'x', n % 37);
        cr_assert(p != prev);
        prev = p;
    }
    dy_arena_free(&a);
}

Test(arena, oversized_and_zero)
{
    dy_arena a;
    dy_arena_init(&a, 128);
    char *small = dy_arena_alloc(&a, 8);
    char *big = dy_arena_alloc(&a, 1000);   /* a block of its own */
    char *zero = dy_arena_alloc(&a, 0);     /* still a distinct pointer */
    cr_assert(small && big && zero && aligned(big) && aligned(zero));
    cr_assert(zero != small && zero != big);
    memset(big, 1, 1000);
    int *z = dy_arena_calloc(&a, 50, sizeof *z);
    for (int i = 0; i < 50; ++i) cr_assert_eq(z[i], 0);
    cr_assert_null(dy_arena_alloc(&a, SIZE_MAX));
    cr_assert_str_eq(dy_arena_strndup(&a, "abcdef", 3), "abc");
    dy_arena_free(&a);
}

Test(arena, reset_reuses_memory)
{
    dy_arena a;
    dy_arena_init(&a, 1024);
    char *first = dy_arena_alloc(&a, 100);
    dy_arena_alloc(&a, 2000);               /* released by the reset */
    dy_arena_reset(&a);
    char *again = dy_arena_alloc(&a, 100);
    cr_assert_eq(again, first, "the kept block is used again");
    dy_arena_reset(&a);
    dy_arena_reset(&a);                     /* twice in a row is harmless */
    cr_assert_eq(dy_arena_alloc(&a, 16), first);
    dy_arena_free(&a);
    dy_arena_free(&a);                      /* and so is freeing twice */
}
