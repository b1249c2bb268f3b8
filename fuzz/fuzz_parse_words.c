/* fuzz_parse_words.c — fuzz harness for the tagger and parser on arbitrary
 * words: the input, cut at newlines into words (empty ones too, any bytes),
 * parsed with the built-in model; every tree must be well formed. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static dyad_model *model;      /* loaded once per process */
static dyad_parser *parser;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dyad_error err;
    if (!model) {
        if (dyad_model_load_default(&model, &err) != DYAD_OK ||
            dyad_parser_new(model, &parser, &err) != DYAD_OK)
            abort();
    }
    const char *words[DYAD_MAX_SENTENCE_WORDS + 8];
    size_t lens[DYAD_MAX_SENTENCE_WORDS + 8], n = 0, start = 0;
    for (size_t i = 0; i <= size && n < DYAD_MAX_SENTENCE_WORDS + 8; i++)
        if (i == size || data[i] == '\n') {
            words[n] = (const char *)data + start;
            lens[n++] = i - start;
            start = i + 1;
        }
    dyad_parse_result r;
    dyad_status st = dyad_parse_words(parser, words, lens, n, &r, &err);
    if (n > DYAD_MAX_SENTENCE_WORDS) {
        if (st != DYAD_ERR_LIMIT) abort();
        return 0;
    }
    if (st != DYAD_OK) abort();
    int roots = 0;
    for (size_t k = 0; k < r.n_sentences; k++)
        for (size_t i = 0; i < r.sentences[k].n_words; i++) {
            const dyad_word *w = &r.sentences[k].words[i];
            if (w->head < 0 || (size_t)w->head > n || (size_t)w->head == i + 1) abort();
            if (!w->form || !w->lemma || !w->upos || !w->xpos || !w->deprel) abort();
            roots += w->head == 0;
        }
    if (n && roots != 1) abort();
    /* the same bytes as raw text through the tokenizer */
    if (dyad_parse_text(parser, (const char *)data, size, 0, &r, &err) != DYAD_OK) abort();
    return 0;
}
