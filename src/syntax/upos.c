/* upos.c — the names of the 17 universal part-of-speech tags, both ways:
 * for writing CoNLL-U and for reading a treebank's UPOS column. */
#include "syntax/syntax.h"

#include <string.h>

/* In the order of dy_upos. */
static const char *const NAMES[DY_UPOS_COUNT] = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"
};

const char *dy_upos_name(int upos)
{
    return upos >= 0 && upos < DY_UPOS_COUNT ? NAMES[upos] : "_";
}

int dy_upos_parse(const char *s, size_t n)
{
    if (!s)
        return -1;
    for (int i = 0; i < DY_UPOS_COUNT; i++)
        if (strlen(NAMES[i]) == n && memcmp(NAMES[i], s, n) == 0)
            return i;
    return -1;
}
