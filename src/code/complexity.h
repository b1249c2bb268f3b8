/* complexity.h — COMPLEX: conditions (tabari-manual 8.7) and time-shift
 * phrases (10.5), both evaluated on the parsed sentence before coding. */
#ifndef DY_COMPLEXITY_H
#define DY_COMPLEXITY_H

#include "parse/sentence.h"

/* Returns 1 and a reason ("verbs(5) >= 5, ...") when the sentence fails. */
int dy_complexity(const dy_sentence *s, char *why, size_t n);

typedef enum dy_time_result { DY_TIME_NONE = 0, DY_TIME_SHIFT, DY_TIME_DISCARD, DY_TIME_COMPLEX } dy_time_result;

/* The first non-null time phrase: its shift in days, or a discard/complex code. */
dy_time_result dy_check_time(const dy_sentence *s, int *shift);

#endif
