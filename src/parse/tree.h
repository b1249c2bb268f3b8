/* tree.h — what the coder reads off a Treebank parse: which clause owns each
 * word, and for a verb its clause, subject, voice and passive agent. */
#ifndef DY_TREE_H
#define DY_TREE_H

#include "parse/treebank.h"

struct dy_sentence;

/* The syntactic frame of one verb. Node indices are -1 when absent. */
typedef struct dy_tframe {
    int verb;            /* the verb's preterminal */
    int vp;              /* its VP */
    int clause;          /* clause node owning the verb (S with a subject, SBAR, ROOT) */
    int cstart, cend;    /* that clause's words */
    int subj;            /* subject NP (the antecedent for relative clauses) */
    int passive;         /* VBN with a "by" agent: source and target swap */
    int voice_passive;   /* VBN after a form of BE/GET, or with a "by" agent:
                          * picks the passive code of PETRARCH-2's [active:passive] */
    int by_np;           /* passive agent: the NP of "by ..." */
    int vend;            /* last word of the verb phrase */
    int unit;            /* what SET: CODE BY CLAUSE counts as one clause: the
                          * verb's clause, split at coordinated verb phrases */
} dy_tframe;

/* Sets every node's owning clause (call once after dy_tree_align). */
void dy_tree_clauses(dy_tree *t);

/* Fills *f for the verb at word `tok`; returns 0 when the tree does not put a
 * verb there (the word is tagged as a noun, or sits outside any VP). */
int dy_tree_frame(const dy_tree *t, int tok, dy_tframe *f);

/* Clause owning word `tok`, or -1 when the word is not in the tree. */
int dy_tree_owner(const dy_tree *t, int tok);

/* Coordinated noun phrases (NP -> NP , NP CC NP) whose parts hold actors
 * become parsed compounds (tree_compound.c). */
void dy_tree_compounds(struct dy_sentence *s, const dy_tree *t);

/* PETRARCH's comma-clause elimination on the tree's clause commas, within the
 * comma_* limits: marks the runs for dy_null_subordinates (tree_comma.c). */
void dy_tree_commas(struct dy_sentence *s);

#endif
