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

/* The feature keys of a state; returns their count. */
int dy_parse_features(const dy_pstate *s, const dy_pwords *w, uint64_t *out);

/* Class of transition kind with label, and back, for L labels. */
static inline int dy_pclass(int kind, int label, int n_labels)
{
    return kind == DY_SHIFT ? 0 : kind == DY_LEFT ? 1 + label : 1 + n_labels + label;
}
static inline int dy_pclass_kind(int cls, int n_labels)
{
    return cls == 0 ? DY_SHIFT : cls <= n_labels ? DY_LEFT : DY_RIGHT;
}
static inline int dy_pclass_label(int cls, int n_labels)
{
    return cls == 0 ? 0 : cls <= n_labels ? cls - 1 : cls - 1 - n_labels;
}

/* The best legal class by scores (labels: root only for the root's own
 * LEFT, never elsewhere). */
int dy_parse_best(const dy_pstate *s, const int32_t *scores, int n_labels);

/* Parses a sentence: s ends holding heads and labels. */
void dy_parse_sentence(const dy_wtab *wt, const dy_pwords *w, int n_labels, int root_label,
                       dy_pstate *s);

#endif
