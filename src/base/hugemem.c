/* hugemem.c — large zeroed allocations advised as huge pages (Linux THP in
 * "madvise" mode, its common default); plain anonymous memory elsewhere. */
#define _DEFAULT_SOURCE   /* MAP_ANONYMOUS, madvise */
#include <sys/mman.h>

#include "base/hugemem.h"

void *dy_huge_alloc(size_t size, size_t *len)
{
    if (size == 0) size = 1;
    if (size > (size_t)-1 - DY_HUGE_PAGE) return NULL;
    *len = (size + DY_HUGE_PAGE - 1) / DY_HUGE_PAGE * DY_HUGE_PAGE;
    void *p = mmap(NULL, *len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return NULL;
#ifdef MADV_HUGEPAGE
    (void)madvise(p, *len, MADV_HUGEPAGE);   /* advice only: fine if refused */
#endif
    return p;
}

void dy_huge_free(void *p, size_t len)
{
    if (p) munmap(p, len);
}
