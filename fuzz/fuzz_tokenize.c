/* fuzz_tokenize.c — fuzz harness: the input is story text, split into
 * sentences and tokenized (src/text), and folded as a dictionary word. */
#include "fuzz.h"
#include "text/token.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    dy_arena a;
    dy_arena_init(&a, 4096);
    dyad_span *spans;
    size_t n;
    dyad_error err;
    if (dy_split_sentences(&a, text, size, &spans, &n, &err) == DYAD_OK) {
        for (size_t i = 0; i < n; i++) {
            dy_tokens toks;
            int truncated;
            if (spans[i].start > spans[i].end || spans[i].end > size)
                __builtin_trap();   /* a span outside the text is a bug */
            dy_tokenize(&a, text, spans[i].start, spans[i].end, 256, &toks, &truncated, &err);
        }
    }
    dy_tokens all;
    int truncated;
    dy_tokenize(&a, text, 0, size, 100000, &all, &truncated, &err);
    char word[64];
    dy_fold_word(text, size, word, sizeof word);
    dy_arena_free(&a);
    return 0;
}
