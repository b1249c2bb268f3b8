/* hash.h — the 64-bit hashes behind every tagger and parser feature: a word's
 * strings hash once per sentence, a feature combines a template with them. */
#ifndef DY_SYN_HASH_H
#define DY_SYN_HASH_H

#include <stddef.h>
#include <stdint.h>

/* The finaliser of SplitMix64: every input bit reaches every output bit, so
 * the low bits of a combined key index a table as well as the high bits. */
static inline uint64_t dy_mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

/* FNV-1a over the bytes, then mixed: words are short, so a simple loop is
 * as fast as anything and the value is the same on every platform. */
static inline uint64_t dy_hash_bytes(const void *p, size_t n, uint64_t seed)
{
    const unsigned char *s = p;
    uint64_t h = 0xcbf29ce484222325ULL ^ seed;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return dy_mix64(h);
}

/* A feature key: template number t with one, two or three atoms. The
 * template goes in first so equal atoms under different templates differ. */
static inline uint64_t dy_feat1(unsigned t, uint64_t a)
{
    return dy_mix64(a + 0x9e3779b97f4a7c15ULL * (t + 1));
}
static inline uint64_t dy_feat2(unsigned t, uint64_t a, uint64_t b)
{
    return dy_mix64(dy_feat1(t, a) ^ (b * 0xc2b2ae3d27d4eb4fULL + 0x165667b19e3779f9ULL));
}
static inline uint64_t dy_feat3(unsigned t, uint64_t a, uint64_t b, uint64_t c)
{
    return dy_mix64(dy_feat2(t, a, b) ^ (c * 0x27d4eb2f165667c5ULL + 0x85ebca77c2b2ae63ULL));
}

/* The cheaper key of the parser's many features: one multiply per part and
 * one final mix, all independent, so the CPU overlaps them. Parts are
 * hashes or small numbers (tags, labels, distances). */
static inline uint64_t dy_key(unsigned t, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t h = (a * 0x9e3779b97f4a7c15ULL) ^ (b * 0xc2b2ae3d27d4eb4fULL) ^
                 (c * 0x165667b19e3779f9ULL) ^ ((uint64_t)(t + 1) * 0xd6e8feb86659fd93ULL);
    h ^= h >> 32;
    h *= 0x9e3779b97f4a7c15ULL;
    h ^= h >> 29;
    return h;
}

#endif
