/* tagger.h — the part-of-speech tagger: a greedy left-to-right averaged
 * perceptron over (UPOS, XPOS) pairs, features of a five-word window. */
#ifndef DY_TAGGER_H
#define DY_TAGGER_H

#include <stdint.h>

#include "syntax/atoms.h"
#include "syntax/weights.h"

#define DY_TAG_FEATS 46     /* features per word */
#define DY_TAG_NONE  255    /* no tag (before the first word) */

/* The feature keys of word i of n given the tag classes of the words
 * before it (prev[i-1], prev[i-2]) and, in the second pass, the first
 * pass's classes of all words (right; NULL in the first pass); atoms holds n + 4 entries: two pads,
 * the words, two pads (word i at atoms[i + 2]). Returns the count. */
int dy_tag_features(const dy_atoms *atoms, int n, int i, const uint8_t *prev,
                    const uint8_t *right, uint64_t *out);

/* Tags a sentence: cls[i] gets the best class of word i. */
void dy_tag_sentence(const dy_wtab *w, const dy_atoms *atoms, int n, const uint8_t *right,
                     uint8_t *cls);

#endif
