/* analyze.h — what the coder needs of the syntax layer beyond the public
 * API: parsing one sentence whose words are already cut. */
#ifndef DY_ANALYZE_H
#define DY_ANALYZE_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"
#include "syntax/model.h"

/* One word to parse: its bytes in the text and how it was written. */
typedef struct dy_syn_in {
    size_t start, end;
    uint8_t space_after, mwt;
} dy_syn_in;

/* Tags, lemmatises and parses the n words in[0, n) of text into out[0, n)
 * (strings in the parser's result memory, valid until its next
 * dyad_parse_text or dyad_parse_words). */
dyad_status dy_parse_sentence_words(dyad_parser *p, const char *text, const dy_syn_in *in,
                                    int n, dyad_word *out, dyad_error *err);

const dy_model *dy_parser_get_model(const dyad_parser *p);

#endif
