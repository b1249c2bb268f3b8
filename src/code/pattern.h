/* pattern.h — matching one verb (or time, attribution) pattern around the verb
 * found in a sentence: words, $ + % ^ @ tokens, synsets and alternatives. */
#ifndef DY_PATTERN_H
#define DY_PATTERN_H

#include "parse/sentence.h"
#include "parse/wordmask.h"

#define DY_PM_POS 32

typedef struct dy_pmatch {
    int source, target, attrib, compound;  /* word indices set by $ + @ %, else -1 */
    int lenalt;          /* characters matched inside { | } alternatives */
    int lo, hi;          /* first and last word the match touched */
    int16_t pos[DY_PM_POS];  /* word each element of the pattern matched (first
                              * DY_PM_POS elements, not inside { } or synsets), -1 */
} dy_pmatch;

/* Matches phrase `ph` (which contains one '*') with the verb root spanning
 * words [head, tail]. The upper part may not run past `last` (the clause end);
 * the lower part runs back to the start of the sentence, as in TABARI.
 * `initials` holds the first byte of each word's text, so words are skipped
 * without a look at their tokens; NULL: the tokens are read. */
int dy_match_pattern(const dy_sentence *s, const uint8_t *initials, dy_phrase ph, int head,
                     int tail, int last, dy_pmatch *m);

/* Tree mode (tree_pattern.c): do the words a PETRARCH-2 pattern matched for
 * its "{noun phrase}" groups lie in one noun phrase of the parse, and does each
 * "(prepositional phrase)" group start a prepositional phrase? */
struct dy_tree;
int dy_tree_groups_ok(const struct dy_tree *t, const dyad_dict *d, dy_phrase ph,
                      const dy_pmatch *m);

/* Tree mode: the words of the smallest noun phrase holding word i (PETRARCH's
 * ^ skips one); 0 when the word is in none. */
int dy_tree_np_around(const struct dy_tree *t, int i, int *first, int *last);

/* A cheap necessary condition for a match: every literal word of a pattern
 * must start some word of the sentence (see parse/wordmask.h). The verb loop
 * tests this for ~100 patterns per verb, so it is four branch-free lookups:
 * up to four prefix hashes, the most selective (longest prefix) first,
 * unused slots repeating the first; DY_HASH_ALWAYS when nothing is required. */
#define DY_NEED_MAX 4

typedef struct dy_need {
    uint16_t h[DY_NEED_MAX];
} dy_need;

static inline int dy_wordmask_covers(const dy_wordmask *have, const dy_need *need)
{
    return dy_wordmask_has(have, need->h[0]) && dy_wordmask_has(have, need->h[1]) &&
           dy_wordmask_has(have, need->h[2]) && dy_wordmask_has(have, need->h[3]);
}

/* The literal words a pattern requires (alternatives and synsets are
 * optional, so they add nothing). */
void dy_pattern_need(const dyad_dict *d, dy_phrase ph, dy_need *need);

/* Per synset of the dictionary, bit L set when a member's first word has L
 * letters (bit 63: 63 or more, or a member not starting with a word: all
 * bits): a member matches a word only when their lengths agree. malloc'd;
 * NULL when the dictionary has no synsets or memory runs out. */
uint64_t *dy_synset_lens(const dyad_dict *d);

/* Length of the longest alternative of each { } set, summed (TABARI's maxalt). */
int dy_pattern_maxalt(const dyad_dict *d, dy_phrase ph);

#endif
