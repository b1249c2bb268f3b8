/* parser.h — the dependency parser: greedy arc-hybrid transitions chosen by
 * an averaged perceptron over rich non-local features (Zhang & Nivre 2011). */
#ifndef DY_PARSER_H
#define DY_PARSER_H

#include <stdint.h>

#include "syntax/arc_hybrid.h"
#include "syntax/atoms.h"
#include "syntax/weights.h"

#define DY_PARSE_FEATS 96       /* at most this many features per state */

/* What the parser reads of a sentence besides its state. */
typedef struct dy_pwords {
    int n;
    const dy_atoms *atoms;      /* atoms[i] for word i (no pads) */
    const uint8_t *tag;         /* XPOS of each word */
    const uint8_t *upos;        /* UPOS of each word */
} dy_pwords;

/* The two classifiers of the parser: which transition (3 classes: SHIFT,
 * LEFT, RIGHT) and, for an arc, which relation (2 * n_labels classes: the
 * labels of a LEFT arc, then those of a RIGHT arc). Deciding the two apart
 * keeps each row short: most features know only three transitions. */
typedef struct dy_parser_model {
    const dy_wtab *trans, *label;
    int n_labels, root_label;
} dy_parser_model;

/* The feature keys of a state; returns their count. */
int dy_parse_features(const dy_pstate *s, const dy_pwords *w, uint64_t *out);

/* The best legal transition by scores[3]. */
int dy_parse_best_kind(const dy_pstate *s, const int32_t *scores);
/* The best label of an arc of kind (DY_LEFT or DY_RIGHT) by label scores;
 * never the root label, which only the root's own arc takes. */
int dy_parse_best_label(const int32_t *scores, int kind, int n_labels, int root_label);

/* Parses a sentence: s ends holding heads and labels. */
void dy_parse_sentence(const dy_parser_model *m, const dy_pwords *w, dy_pstate *s);

#endif
