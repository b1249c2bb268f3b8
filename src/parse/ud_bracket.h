/* ud_bracket.h — a Universal Dependencies tree (dyad's own parse, a CoNLL-U
 * <Parse>) rewritten as the Penn Treebank bracketing the tree coder reads. */
#ifndef DY_UD_BRACKET_H
#define DY_UD_BRACKET_H

#include <stddef.h>

#include "base/arena.h"
#include "base/strbuf.h"
#include "dyad.h"

/* Appends "(ROOT ...)" for the n words of w (heads 1-based, 0 the root) to
 * out: each head word projects a phrase by its part of speech and its
 * dependents (a verb with a subject an S over NP and VP, a noun with a case
 * marker a PP, coordination as XP CC XP, a relative or adverbial clause an
 * SBAR), the way a constituency parser of English would bracket it. UD v1
 * relation names (dobj, nsubjpass, auxpass, neg, nmod for obliques) are read
 * as their v2 forms. The root word's tag carries the function tag -HEAD:
 * the main clause is never taken for a comma clause. Returns 0, or -1 when
 * the heads do not form one tree (out unchanged). */
int dy_ud_brackets(dy_strbuf *out, const dyad_word *w, size_t n);

/* Reads CoNLL-U word lines (the <Parse> of a UniversalPetrarch record:
 * ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL ...) from src[0, len) into
 * words (at most max; strings in a, NUL-terminated) and sets *n. Multiword
 * and empty-node lines are skipped. Returns 0, or -1 when a line is not
 * such a word line or the IDs do not run 1..n. */
int dy_ud_read_rows(dy_arena *a, const char *src, size_t len, dyad_word *words, size_t max,
                    size_t *n);

/* Does src look like CoNLL-U rows ("1<TAB>...") rather than a bracketing? */
int dy_ud_is_rows(const char *src, size_t len);

#endif
