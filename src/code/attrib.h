/* attrib.h — finding who made a statement: the attribution actor coded in
 * the event's attribution field (tabari-manual 10.4). */
#ifndef DY_ATTRIB_H
#define DY_ATTRIB_H

#include "code/state.h"

typedef enum dy_attrib_result { DY_ATTRIB_OK = 0, DY_ATTRIB_DISCARD, DY_ATTRIB_COMPLEX } dy_attrib_result;

/* Sets cs->attrib (empty when no attribution phrase); runs before the
 * subordinate clauses are nulled, since attribution usually sits in them. */
dy_attrib_result dy_check_attrib(dy_code_state *cs);

#endif
