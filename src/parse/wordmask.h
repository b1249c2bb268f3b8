/* wordmask.h — a 4096-bit summary of the words of a sentence (hashes of their
 * first one, two and three letters): a quick "is there a word starting so?". */
#ifndef DY_WORDMASK_H
#define DY_WORDMASK_H

#include <stddef.h>
#include <stdint.h>

/* bits[64] is not a hash: its bit 0 (DY_HASH_ALWAYS) is set in every mask
 * made by dy_wordmask_init, so "always" needs no test of its own. */
typedef struct dy_wordmask {
    uint64_t bits[65];
} dy_wordmask;

#define DY_HASH_ALWAYS 4096u

static inline void dy_wordmask_init(dy_wordmask *m)
{
    for (int k = 0; k < 64; ++k) m->bits[k] = 0;
    m->bits[64] = 1;
}

/* Hash of the first min(n, 3) letters of w. */
static inline uint16_t dy_prefix_hash(const char *w, size_t n)
{
    uint32_t h = 0;
    for (size_t i = 0; i < n && i < 3; ++i) h = h * 131u + (unsigned char)w[i];
    return (uint16_t)((h * 2654435761u) >> 20);
}

static inline void dy_wordmask_set(dy_wordmask *m, uint32_t h)
{
    uint16_t x = (uint16_t)((h * 2654435761u) >> 20);
    m->bits[x >> 6] |= 1ull << (x & 63);
}

static inline void dy_wordmask_add(dy_wordmask *m, const char *w, size_t n)
{
    /* dy_prefix_hash of 1, 2 and 3 letters, computed incrementally; words
     * of three letters or more (most) without the loop's tests */
    const unsigned char *u = (const unsigned char *)w;
    if (n >= 3) {
        uint32_t h1 = u[0], h2 = h1 * 131u + u[1], h3 = h2 * 131u + u[2];
        dy_wordmask_set(m, h1);
        dy_wordmask_set(m, h2);
        dy_wordmask_set(m, h3);
        return;
    }
    uint32_t h = 0;
    for (size_t k = 0; k < n; ++k) {
        h = h * 131u + u[k];
        dy_wordmask_set(m, h);
    }
}

/* May some word start with a word whose prefix hash is h? */
static inline int dy_wordmask_has(const dy_wordmask *m, uint16_t h)
{
    return (m->bits[h >> 6] >> (h & 63)) & 1u;
}

#endif
