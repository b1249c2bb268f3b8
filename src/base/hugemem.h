/* hugemem.h — large zeroed allocations advised as huge pages: for tables the
 * coder probes at random, where 4 KB pages would mean a TLB miss per probe. */
#ifndef DY_HUGEMEM_H
#define DY_HUGEMEM_H

#include <stddef.h>

#define DY_HUGE_PAGE ((size_t)2 << 20)

/* At least size zeroed bytes, page aligned, or NULL; *len gets the length to
 * pass to dy_huge_free (size rounded up to whole huge pages). */
void *dy_huge_alloc(size_t size, size_t *len);
void dy_huge_free(void *p, size_t len);

#endif
