/* section.h — the verbs of the <TIME> and <ATTRIB> sections (tabari-manual
 * 10.4, 10.5): trying the patterns of the one at a root, in order. */
#ifndef DY_SECTION_H
#define DY_SECTION_H

#include <stdint.h>

#include "code/pattern.h"

/* The next pattern, from index *k on, of the verb at root r (its own, else
 * its main verb's) that matches the sentence; NULL when none is left. *k
 * moves past it, so a caller may go on with the next. */
const dy_pattern *dy_section_pattern(const dy_sentence *s, const dy_root *r, uint32_t *k,
                                     dy_pmatch *m);

#endif
