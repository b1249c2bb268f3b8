/* actors.h — actor codes, agents, and the default source/target searches the
 * coder runs when a pattern does not name them with $ + %. */
#ifndef DY_ACTORS_H
#define DY_ACTORS_H

#include "code/state.h"

int dy_actor_equal(const dy_actor_ref *a, const dy_actor_ref *b);
/* Codes of the actor (or dereferenced pronoun) at word loc. */
void dy_actor_codes_at(const dy_sentence *s, int loc, dy_actor_ref *a);
/* Adds the agent next to the actor at loc (search bounded by `end`). */
void dy_find_agent(const dy_sentence *s, int loc, int end, dy_actor_ref *a);
int dy_actor_tail(const dy_sentence *s, int loc, int end);

void dy_regular_source(dy_code_state *cs, int verb);
void dy_regular_target(dy_code_state *cs, int verb);
int dy_check_passive(const dy_sentence *s, int verb);

/* Tree mode (tree_actors.c): source = the verb's subject (the "by" agent when
 * passive), target = its object or prepositional object in the same clause
 * (the subject when passive). Return 0 when the tree names no actor. */
int dy_tree_source(dy_code_state *cs, int verb);
int dy_tree_target(dy_code_state *cs, int verb);
/* Tree mode: the actor at word k with the agents of its phrase (PETRARCH's NE);
 * TABARI's agent search runs up to word `end`. */
void dy_tree_actor_at(const dy_code_state *cs, int k, int end, dy_actor_ref *r);
/* Tree mode: when actor r is a conjunct of a compound noun phrase, PETRARCH-1's
 * members of it, each coded as a phrase of its own (its words, the adjectives
 * shared by all, the words read with the compound, crossed with their own
 * conjuncts); returns how many (at most max) it wrote, 0 when r is in none. */
#define DY_TREE_MEMBERS 16
int dy_tree_members(const dy_code_state *cs, const dy_actor_ref *r, dy_actor_ref *out, int max);
/* Is there a plain noun phrase (not NP-TMP) after the verb in its verb phrase? */
int dy_tree_object_np(const dy_code_state *cs, int verb);

#endif
