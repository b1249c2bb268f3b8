/* treebank.h — a Penn Treebank bracketing ("(ROOT (S (NP ..) (VP ..)))") read
 * into a tree in the coder's arena, with its leaves aligned to dyad's tokens. */
#ifndef DY_TREEBANK_H
#define DY_TREEBANK_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "text/token.h"

/* Phrase and tag classes the coder cares about (function tags like -SBJ are
 * ignored when classifying). */
typedef enum dy_tkind {
    DY_T_OTHER = 0,
    DY_T_ROOT,
    DY_T_S,        /* S SINV SQ SBARQ */
    DY_T_SBAR,
    DY_T_NP,       /* NP NX NML */
    DY_T_WH,       /* WHNP WHADVP WHPP WHADJP */
    DY_T_VP,
    DY_T_PP,
    DY_T_PRN,
    DY_T_UCP,
    /* preterminals */
    DY_T_VERB,     /* VB VBD VBG VBN VBP VBZ */
    DY_T_MD,
    DY_T_CC,
    DY_T_IN,       /* IN TO */
    DY_T_COMMA,    /* , : */
    DY_T_PUNCT,    /* other punctuation tags */
    DY_T_WORD      /* any other preterminal */
} dy_tkind;

typedef struct dy_tnode {
    const char *label;       /* into the bracketing; not NUL-terminated */
    uint16_t label_len;
    uint8_t kind;            /* dy_tkind */
    uint8_t vbn;             /* the tag is VBN (past participle) */
    int parent;              /* -1 for the top node */
    int first_child, next_sibling;   /* -1 when none */
    int leaf;                /* preterminal: its leaf index; else -1 */
    int tfirst, tlast;       /* dyad tokens covered; -1 when none aligned */
    int clause;              /* the clause that owns it (tree_clause.c), or -1 */
} dy_tnode;

typedef struct dy_tleaf {
    const char *text;        /* into the bracketing */
    uint32_t len;
    int node;                /* its preterminal */
    size_t start, end;       /* bytes of the story text; start == end: not found */
} dy_tleaf;

typedef struct dy_tree {
    dy_tnode *nodes;         /* parents come before their children */
    int n;
    dy_tleaf *leaves;
    int nleaves;
    int *tok_node;           /* per token: the preterminal of its first leaf, or -1 */
    int ntok;
    int unaligned;           /* leaves not found in the text */
} dy_tree;

/* Reads a bracketing into *t (memory from a). Iterative and linear in the
 * input. On malformed input (empty, unbalanced, text outside brackets)
 * returns -1 and writes the reason into why. */
int dy_tree_parse(dy_arena *a, const char *src, size_t len, dy_tree *t,
                  char *why, size_t whylen);

/* Finds each leaf in text[start, end) by scanning forward (-LRB-, ``, ''
 * and escapes understood), then maps every token to a leaf and every node to
 * the tokens it covers. Returns -1 (why filled) when too few words of the
 * text are in the parse for the tree to be trusted. PETRARCH codes the
 * parse's words: when the two differ, *toks is replaced by them (at most
 * max_tokens; words of the parse missing from the text get an empty span). */
int dy_tree_align(dy_arena *a, dy_tree *t, const char *text, size_t start, size_t end,
                  dy_tokens *toks, size_t max_tokens, char *why, size_t whylen);

/* Node helpers. */
static inline int dy_tnode_is(const dy_tree *t, int n, dy_tkind k)
{
    return n >= 0 && n < t->n && t->nodes[n].kind == k;
}

/* Preterminal of token i, or -1. */
static inline int dy_tree_tok(const dy_tree *t, int i)
{
    return t && i >= 0 && i < t->ntok ? t->tok_node[i] : -1;
}

#endif
