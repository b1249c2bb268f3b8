/* vec.h — growable arrays for loaders and builders (not the hot path).
 * DY_VEC(T) declares {T *v; size_t n, cap;}; dy_vec_push grows by doubling. */
#ifndef DY_VEC_H
#define DY_VEC_H

#include <stddef.h>

#define DY_VEC(T) struct { T *v; size_t n, cap; }

/* Makes room for one more element of size `elem`; returns 0 on success. */
int dy_vec_grow(void **v, size_t *cap, size_t n, size_t elem);

/* Appends x; evaluates to 0 on success, -1 when out of memory. */
#define dy_vec_push(vec, x) \
    (((vec)->n < (vec)->cap || \
      dy_vec_grow((void **)&(vec)->v, &(vec)->cap, (vec)->n, sizeof(*(vec)->v)) == 0) \
         ? ((vec)->v[(vec)->n++] = (x), 0) : -1)

#define dy_vec_free(vec) (free((vec)->v), (vec)->v = NULL, (vec)->n = (vec)->cap = 0)

#endif
