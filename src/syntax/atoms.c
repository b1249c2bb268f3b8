/* atoms.c — normalises a word for the models: lower case, digits folded to
 * '0' (so 1,250 and 3,400 share their features), affixes, a coarse shape. */
#include "syntax/atoms.h"

#include "syntax/hash.h"
#include "syntax/lexicon.h"

#define NORM_MAX 64     /* longer words keep their first 64 bytes for norm */

void dy_atoms_make(dy_atoms *a, const char *form, size_t len, int first)
{
    char norm[NORM_MAX], shape[NORM_MAX];
    size_t nn = 0, ns = 0;
    uint32_t flags = first ? DY_AF_FIRST : 0;
    int upper = 0, lower = 0;
    char last = 0;
    int run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)form[i];
        char s;
        if (c >= 'A' && c <= 'Z') {
            upper++;
            if (i == 0)
                flags |= DY_AF_UPPER1;
            c = (unsigned char)(c + 32);
            s = 'X';
        } else if (c >= 'a' && c <= 'z') {
            lower++;
            s = 'x';
        } else if (c >= '0' && c <= '9') {
            flags |= DY_AF_DIGIT;
            c = '0';
            s = 'd';
        } else if (c >= 0x80) {
            flags |= DY_AF_NONASCII;
            s = 'u';
        } else {
            if (c == '-' && i > 0 && i + 1 < len)
                flags |= DY_AF_HYPHEN;
            if (c == '.')
                flags |= DY_AF_PERIOD;
            s = (char)c;
        }
        if (i == 0 && ((c >= 'a' && c <= 'z') || c >= 0x80))
            flags |= DY_AF_ALPHA;
        if (nn < NORM_MAX)
            norm[nn++] = (char)c;
        run = s == last ? run + 1 : 1;
        last = s;
        if (run <= 3 && ns < NORM_MAX)
            shape[ns++] = s;
    }
    if (upper >= 2 && lower == 0)
        flags |= DY_AF_ALLCAPS;
    a->form = dy_hash_bytes(form, len, 1);
    a->norm = dy_hash_bytes(norm, nn, 2);
    for (int k = 0; k < 3; k++)
        a->pre[k] = dy_hash_bytes(norm, (size_t)k + 1 < nn ? (size_t)k + 1 : nn, 3 + (uint64_t)k);
    for (int k = 0; k < 4; k++) {
        size_t n = (size_t)k + 1 < nn ? (size_t)k + 1 : nn;
        a->suf[k] = dy_hash_bytes(norm + nn - n, n, 7 + (uint64_t)k);
    }
    a->shape = dy_hash_bytes(shape, ns, 11);
    a->flags = flags;
    a->amb = 0;
    a->word = a->norm;
}

void dy_atoms_lexicon(dy_atoms *a, const dy_lexicon *lx)
{
    a->amb = dy_lexicon_class(lx, a->norm);
    if (a->amb == 0) {
        a->word = dy_feat1(1000, a->shape);
        a->form = dy_feat1(1001, a->shape);
    }
}

void dy_atoms_pad(dy_atoms *a, int after)
{
    uint64_t v = dy_mix64(after ? 0xe0d : 0xb05);
    a->form = a->word = a->norm = a->shape = v;
    for (int k = 0; k < 3; k++)
        a->pre[k] = v;
    for (int k = 0; k < 4; k++)
        a->suf[k] = v;
    a->flags = after ? 0x100 : 0x200;
    a->amb = after ? 0xfffffffeu : 0xffffffffu;
}
