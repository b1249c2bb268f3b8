/* fuzz_treebank.c — fuzz harness for the Treebank parser (src/parse/treebank.c):
 * input "sentence text NUL bracketing", parsed then aligned to the tokens. */
#include <string.h>

#include "fuzz.h"
#include "parse/treebank.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    const char *nul = memchr(in, '\0', size);
    size_t tlen = nul ? (size_t)(nul - in) : 0;     /* no NUL: no text, all parse */
    const char *parse = nul ? nul + 1 : in;
    size_t plen = size - (size_t)(parse - in);
    dy_arena a;
    dy_arena_init(&a, 4096);
    dy_tree t;
    char why[128];
    if (dy_tree_parse(&a, parse, plen, &t, why, sizeof why) == 0) {
        for (int i = 0; i < t.n; i++) {
            const dy_tnode *nd = &t.nodes[i];
            if (nd->parent >= i || nd->first_child >= t.n || nd->next_sibling >= t.n)
                __builtin_trap();   /* parents come first; links stay inside */
        }
        dy_tokens toks;
        int truncated;
        dyad_error err;
        if (dy_tokenize(&a, in, 0, tlen, 256, &toks, &truncated, &err) == DYAD_OK)
            dy_tree_align(&a, &t, in, 0, tlen, &toks, 256, why, sizeof why);
    }
    dy_arena_free(&a);
    return 0;
}
