/* tagger.h — the part-of-speech tagger: a greedy left-to-right averaged
 * perceptron over (UPOS, XPOS) pairs, features of a five-word window. */
#ifndef DY_TAGGER_H
#define DY_TAGGER_H

#include <stdint.h>

#include "syntax/atoms.h"
#include "syntax/weights.h"

#define DY_TAG_FEATS 48     /* features per word */
#define DY_TAG_NONE  255    /* no tag (before the first word) */

/* A tagger: its weights, and which classes are finite verbs (VBD, VBZ,
 * VBP, MD): whether the clause has had its verb yet tells "The government
 * hosted talks" (VBD) from "talks hosted by Norway" (VBN). */
typedef struct dy_tagger {
    const dy_wtab *w;
    uint8_t finite[256];
} dy_tagger;

/* finite[c] for every class c of n whose XPOS (xpos[c], a name in names)
 * is a finite verb tag. */
void dy_tagger_finite(uint8_t finite[256], const uint8_t *xpos, int n,
                      const char *const *names, int n_names);

/* The feature keys of word i of n given the tag classes of the words
 * before it (prev[i-1], prev[i-2]) and whether one of them was a finite
 * verb; atoms holds n + 4 entries: two pads, the words, two pads (word i
 * at atoms[i + 2]). Returns the count. */
int dy_tag_features(const dy_atoms *atoms, int n, int i, const uint8_t *prev,
                    int finite_seen, uint64_t *out);

/* Tags a sentence: cls[i] gets the best class of word i. */
void dy_tag_sentence(const dy_tagger *t, const dy_atoms *atoms, int n, uint8_t *cls);

#endif
