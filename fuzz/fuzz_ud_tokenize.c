/* fuzz_ud_tokenize.c — fuzz harness: the input is story text, cut into UD
 * sentences and words (src/syntax/tokenize.c); every invariant is checked. */
#include "fuzz.h"
#include "syntax/syntax.h"

/* Bytes of white space at s[i] that no word may hold: ASCII blanks and
 * control bytes, no-break and other Unicode spaces; 0 if none. */
static size_t white_at(const uint8_t *s, size_t len, size_t i)
{
    if (s[i] <= ' ' || s[i] == 0x7f)
        return 1;
    if (s[i] == 0xC2 && i + 1 < len && s[i + 1] == 0xA0)
        return 2;                                   /* U+00A0 */
    if (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80) {
        uint8_t c = s[i + 2];                       /* U+2000..200B, 2028, 2029, 202F */
        if ((c >= 0x80 && c <= 0x8B) || c == 0xA8 || c == 0xA9 || c == 0xAF)
            return 3;
    }
    if (s[i] == 0xE3 && i + 2 < len && s[i + 1] == 0x80 && s[i + 2] == 0x80)
        return 3;                                   /* U+3000 */
    return 0;
}

/* Traps unless the words are in order, inside the text, not empty, free of
 * white space, with spacing as the text has it; sentences start with the
 * first word, never inside a multiword token, and hold at most
 * DY_SYN_MAX_WORDS words. */
static void check(const uint8_t *s, size_t len, const dy_utoken *w, size_t n)
{
    size_t in_sent = 0, mwt_left = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i].start >= w[i].end || w[i].end > len || (i && w[i].start < w[i - 1].end))
            __builtin_trap();
        for (size_t k = w[i].start; k < w[i].end; k++)
            if (white_at(s, w[i].end, k))
                __builtin_trap();
        if (w[i].end < len && s[w[i].end] <= ' ' && !w[i].space_after)
            __builtin_trap();
        if (w[i].end < len && s[w[i].end] > ' ' && s[w[i].end] < 0x7f && w[i].space_after)
            __builtin_trap();
        if (i == 0 && !w[i].sent_start)
            __builtin_trap();
        if (w[i].sent_start) {
            if (mwt_left)
                __builtin_trap();
            in_sent = 0;
        }
        if (++in_sent > DY_SYN_MAX_WORDS)
            __builtin_trap();
        if (mwt_left)
            mwt_left--;
        if (w[i].mwt) {
            if (mwt_left || w[i].mwt < 2 || w[i].space_after)
                __builtin_trap();
            mwt_left = w[i].mwt - 1u;
        }
    }
    if (mwt_left)
        __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    dy_arena a;
    dy_arena_init(&a, 4096);
    dy_utoken *w, *one;
    size_t n, n1;
    dyad_error err;
    if (dy_ud_tokenize(&a, text, size, 0, &w, &n, &err) != DYAD_OK ||
        dy_ud_tokenize(&a, text, size, 1, &one, &n1, &err) != DYAD_OK)
        __builtin_trap();   /* only running out of memory may fail */
    check(data, size, w, n);
    check(data, size, one, n1);
    if (n1 != n)
        __builtin_trap();   /* knowing the sentence changes no word */
    for (size_t i = 0; i < n; i++)
        if (one[i].start != w[i].start || one[i].end != w[i].end || one[i].mwt != w[i].mwt)
            __builtin_trap();
    dy_arena_free(&a);
    return 0;
}
