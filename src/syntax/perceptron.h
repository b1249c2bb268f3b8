/* perceptron.h — the averaged perceptron used while training the tagger and
 * the parser: integer weights per (feature, class), averaged lazily. */
#ifndef DY_PERCEPTRON_H
#define DY_PERCEPTRON_H

#include <stddef.h>
#include <stdint.h>

#include "base/vec.h"

/* One weight of a feature row. Perceptron updates are +1/-1, so weights
 * and their running sums are integers and training is exact: the same
 * data in the same order gives the same model bytes. */
typedef struct dy_ap_weight {
    int64_t total;     /* sum of the weight over the clock ticks up to ts */
    int32_t w;         /* current weight */
    uint32_t ts;       /* clock when total was last brought up to date */
} dy_ap_weight;

typedef struct dy_ap_row {
    uint64_t key;      /* the feature */
    size_t off;        /* its weights: wt.v[off, off + n), classes in cls.v */
    uint16_t n, cap;
} dy_ap_row;

typedef struct dy_ap {
    int n_classes;
    uint32_t clock;    /* one tick per training instance */
    uint32_t *slot;    /* open addressing: row index + 1, 0 empty */
    size_t n_slots;    /* a power of two */
    DY_VEC(dy_ap_row) rows;
    DY_VEC(dy_ap_weight) wt;
    DY_VEC(uint8_t) cls;
} dy_ap;

int dy_ap_init(dy_ap *m, int n_classes);
void dy_ap_free(dy_ap *m);

/* Adds the current weights of the features to scores[0, n_classes). */
void dy_ap_score(const dy_ap *m, const uint64_t *feats, int nf, int32_t *scores);
/* +1 for class good and -1 for class bad on every feature (good != bad).
 * Returns -1 when out of memory. */
int dy_ap_update(dy_ap *m, const uint64_t *feats, int nf, int good, int bad);

/* The averaged weights, row by row, for building the run-time table. */
typedef void (*dy_ap_visit)(void *ctx, uint64_t key, const uint8_t *cls, const double *avg,
                            int n);
int dy_ap_average(const dy_ap *m, dy_ap_visit visit, void *ctx);

#endif
