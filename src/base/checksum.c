/* checksum.c — the lane checksum of dyad's binary files: FNV-style
 * multiply-xor in four lanes, folded at the end. */
#include "base/checksum.h"

#include <string.h>

void dy_lanes_init(dy_lanes *s, uint64_t h)
{
    s->l[0] = h;
    s->l[1] = h ^ 0x5555;
    s->l[2] = h ^ 0xAAAA;
    s->l[3] = h ^ 0xFFFF;
}

size_t dy_lanes_blocks(dy_lanes *s, const unsigned char *p, size_t n)
{
    uint64_t l0 = s->l[0], l1 = s->l[1], l2 = s->l[2], l3 = s->l[3], w;
    size_t i = 0;
#define LANE(l, k) (memcpy(&w, p + i + 8 * (k), 8), l = (l ^ w) * 0x100000001B3ull, l ^= l >> 29)
    for (; i + 32 <= n; i += 32) {
        LANE(l0, 0);
        LANE(l1, 1);
        LANE(l2, 2);
        LANE(l3, 3);
    }
#undef LANE
    s->l[0] = l0, s->l[1] = l1, s->l[2] = l2, s->l[3] = l3;
    return i;
}

uint64_t dy_lanes_final(const dy_lanes *s, const unsigned char *tail, size_t n)
{
    uint64_t h = s->l[0] ^ (s->l[1] * 3) ^ (s->l[2] * 5) ^ (s->l[3] * 7);
    for (size_t i = 0; i < n; i++) h = (h ^ tail[i]) * 0x100000001B3ull;
    return h;
}

uint64_t dy_checksum(uint64_t h, const unsigned char *p, size_t n)
{
    dy_lanes s;
    dy_lanes_init(&s, h);
    size_t i = dy_lanes_blocks(&s, p, n);
    return dy_lanes_final(&s, p + i, n - i);
}
