/* simd.h — SSE2 where the compiler offers it (every x86-64): DY_SSE2 says
 * whether it is there, and dy_in_range classifies sixteen bytes at once.
 * The text scanners fall back to a byte at a time without it. */
#ifndef DY_SIMD_H
#define DY_SIMD_H

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define DY_SSE2 1
/* 0xFF in each byte of x in [lo, hi]: shifted so that lo becomes -128, the
 * bytes compare as signed; bytes >= 0x80 land above the range. */
static inline __m128i dy_in_range(__m128i x, int lo, int hi)
{
    __m128i shifted = _mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - lo)));
    return _mm_cmplt_epi8(shifted, _mm_set1_epi8((char)(-0x80 + (hi - lo) + 1)));
}
#else
#define DY_SSE2 0
#endif

#endif
