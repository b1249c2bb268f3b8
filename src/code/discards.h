/* discards.h — whole-story discards: Phoenix/PETRARCH discard phrases marked
 * '+' drop every event of the story, not just their sentence's. */
#ifndef DY_CODE_DISCARDS_H
#define DY_CODE_DISCARDS_H

#include "dict/dict.h"
#include "text/token.h"

/* Does a whole-story discard phrase occur in the sentence's words? Called
 * only for sentences already discarded, so it costs nothing otherwise. */
int dy_story_discard(const struct dyad_dict *d, const dy_tokens *toks);

#endif
