/* evaluate.h — scoring a model on a gold treebank with gold words: UPOS,
 * XPOS, lemma, UAS and LAS as the CoNLL 2018 scorer counts them. */
#ifndef DY_EVALUATE_H
#define DY_EVALUATE_H

#include "dyad.h"
#include "syntax/udbank.h"

typedef struct dy_scores {
    long words, upos, xpos, lemma, uas, las, las_full;
} dy_scores;

/* Parses every sentence of b (whose tag and relation names are xpos and
 * deprel) from its gold words and counts what matches. */
dyad_status dy_evaluate(dyad_parser *p, const dy_udbank *b, const dy_names *xpos,
                        const dy_names *deprel, dy_scores *out, dyad_error *err);

#endif
