/* vec.c — growth policy for DY_VEC arrays.
 * Doubling keeps appends amortised O(1). */
#include "base/vec.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int dy_vec_grow(void **v, size_t *cap, size_t n, size_t elem)
{
    size_t want = *cap ? *cap * 2 : 16;
    if (want < n + 1)
        want = n + 1;
    if (want > SIZE_MAX / elem)
        return -1;
    void *p = realloc(*v, want * elem);
    if (!p)
        return -1;
    /* zeroed so struct padding is defined: compiled dictionaries (.dyd) are
     * written byte for byte and must be reproducible */
    memset((char *)p + *cap * elem, 0, (want - *cap) * elem);
    *v = p;
    *cap = want;
    return 0;
}
