/* upos.c — names of the universal part-of-speech tags, both ways. */
#include "syntax/syntax.h"

#include <string.h>

static const char *const UPOS[DY_UPOS_COUNT] = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"
};

const char *dy_upos_name(int upos)
{
    return upos >= 0 && upos < DY_UPOS_COUNT ? UPOS[upos] : "_";
}

int dy_upos_parse(const char *s, size_t n)
{
    for (int i = 0; i < DY_UPOS_COUNT; i++)
        if (strlen(UPOS[i]) == n && memcmp(UPOS[i], s, n) == 0)
            return i;
    return -1;
}
