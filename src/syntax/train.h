/* train.h — training the tagger and the parser from UD treebanks (make
 * model; docs/syntax.md): deterministic, single-threaded per model. */
#ifndef DY_TRAIN_H
#define DY_TRAIN_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"
#include "syntax/perceptron.h"
#include "syntax/syntax.h"
#include "syntax/udbank.h"
#include "syntax/atoms.h"
#include "syntax/lexicon.h"
#include "syntax/weights.h"

/* The tagger's classes: (UPOS, XPOS) pairs seen often enough in training;
 * a rarer pair is learnt as the commonest class with its XPOS. */
typedef struct dy_tagset {
    int n;
    uint8_t upos[256], xpos[256];
    uint8_t of_pair[DY_UPOS_COUNT][256];   /* (upos, xpos) -> class */
} dy_tagset;

/* Builds the classes from the training words. Returns -1 when there are
 * none, or more than 255. */
int dy_tagset_build(dy_tagset *ts, const dy_udbank *b, int min_count);
/* The class of a gold word; 0 for pairs never seen. */
int dy_tagset_class(const dy_tagset *ts, int upos, int xpos);

/* A small deterministic generator (xorshift64*) for shuffling. */
static inline uint64_t dy_rand_next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 0x2545f4914f6cdd1dULL;
}
/* Fisher-Yates over idx[0, n). */
void dy_shuffle(size_t *idx, size_t n, uint64_t *seed);

/* Builds the tag lexicon from sentences sent[0, n) of b: every normalised
 * form seen at least min_count times, with the classes it took in at
 * least min_share of them. The blob is malloc'd. */
dyad_status dy_train_lexicon(const dy_udbank *b, const size_t *sent, size_t n,
                             const dy_tagset *ts, int min_count, double min_share,
                             unsigned char **blob, size_t *len, dyad_error *err);

/* Trains the tagger for `epochs` passes over the sentences sent[0, n) of b
 * (shuffled each pass with seed). m must be initialised with ts->n classes;
 * finite: which classes are finite verbs (dy_tagger_finite). */
dyad_status dy_train_tagger(dy_ap *m, const dy_udbank *b, const size_t *sent, size_t n,
                            const dy_tagset *ts, const dy_lexicon *lx, const uint8_t *finite,
                            int epochs, uint64_t seed, dyad_error *err);

/* Tags sentence s of b with a trained tagger into cls[0, s.n). */
struct dy_tagger;
void dy_tag_udsent(const struct dy_tagger *t, const dy_lexicon *lx, const dy_udbank *b,
                   const dy_udsent *s, uint8_t *cls);

#endif

/* ------------------------------------------------------------ the parser */

/* Gold heads made projective by lifting (Nivre & Nilsson 2005): while an
 * arc crosses another, the shortest such arc's dependent moves up to its
 * head's head. head[i] is 0-based with n the root; in place. */
void dy_projectivize(int16_t *head, int n);

typedef struct dy_parse_train {
    int n_labels, root_label;
    int epochs;
    int explore_from;        /* epoch from which the parser follows its own guesses */
    double explore_p;        /* how often it then does */
    uint64_t seed;
} dy_parse_train;

/* Trains the parser with a dynamic oracle (Goldberg & Nivre 2012) on the
 * sentences sent[0, n) of b, the words tagged tag[] and upos[] (indexed
 * like b->w: jackknifed predictions, so training sees the tagger's
 * errors). trans has 3 classes, labels 2 * n_labels (parser.h). */
dyad_status dy_train_parser(dy_ap *trans, dy_ap *labels, const dy_udbank *b, const size_t *sent,
                            size_t n, const uint8_t *tag, const uint8_t *upos,
                            const dy_lexicon *lx, const dy_parse_train *o, dyad_error *err);

/* Atoms of sentence s of b (n words, no pads), with lexicon classes. */
void dy_udsent_atoms(const dy_udbank *b, const dy_udsent *s, const dy_lexicon *lx,
                     dy_atoms *out);
