/* checksum.h — the 64-bit checksum of dyad's binary files (.dyd, .dym):
 * four lanes summed in 32-byte blocks, fed as the bytes arrive. */
#ifndef DY_CHECKSUM_H
#define DY_CHECKSUM_H

#include <stddef.h>
#include <stdint.h>

/* Four independent lanes, so the multiplications overlap. It catches
 * accidents (truncation, flipped bits), not forgery: loaders check every
 * index and bound besides. */
typedef struct dy_lanes {
    uint64_t l[4];
} dy_lanes;

void dy_lanes_init(dy_lanes *s, uint64_t h);
/* Sums the whole 32-byte blocks of p[0..n); returns the bytes consumed. */
size_t dy_lanes_blocks(dy_lanes *s, const unsigned char *p, size_t n);
/* The sum, with the bytes after the last whole block. */
uint64_t dy_lanes_final(const dy_lanes *s, const unsigned char *tail, size_t n);
/* All of p[0, n) at once, starting from h. */
uint64_t dy_checksum(uint64_t h, const unsigned char *p, size_t n);

#endif
