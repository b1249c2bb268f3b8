/* sentence.h — the parsed form of one sentence: every word with its class, the
 * dictionary roots found in it, and the compound, subordinate and clause marks. */
#ifndef DY_SENTENCE_H
#define DY_SENTENCE_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "dict/dict.h"
#include "parse/wordmask.h"
#include "text/token.h"

/* TABARI truncates sentences at 127 words; we keep a few more. */
#define DY_MAX_WORDS 256
#define DY_REFER_FORWARD (-2)  /* pronoun points at the previous sentence's actor */

/* Word classes (tabari-manual 7.2). */
typedef enum dy_wtype {
    DY_W_NULL = 0,
    DY_W_ACTOR, DY_W_AGENT, DY_W_VERB, DY_W_TIME, DY_W_ATTRIB,
    DY_W_DETERM, DY_W_NOUN, DY_W_ADJ, DY_W_AUXIL, DY_W_BY, DY_W_COMMA,
    DY_W_PRONOUN, DY_W_CONJ, DY_W_PREP, DY_W_NUMBER, DY_W_ISSUE,
    DY_W_DISCARD,   /* a phrase of a discards file */
    DY_W_NULLED,    /* cancelled by the elimination of a subordinate clause */
    DY_W_COUNT_
} dy_wtype;

/* Closed-class words the coder knows without a dictionary. */
typedef enum dy_closed {
    DY_C_NONE = 0,
    DY_C_A, DY_C_AN, DY_C_THE,
    DY_C_AND, DY_C_NOR, DY_C_BUT, DY_C_OR,
    DY_C_IN, DY_C_OF,
    DY_C_HE, DY_C_HIM, DY_C_SHE, DY_C_HER, DY_C_IT,
    DY_C_THEM, DY_C_THEIR, DY_C_THEY,
    DY_C_WERE, DY_C_WAS, DY_C_BEEN,
    DY_C_BY,
    DY_C_FORMER,
    DY_C_COUNT_
} dy_closed;

/* A dictionary (or closed-class) phrase found in the sentence. Its words need
 * not be consecutive: phrases with blank connectors may skip words. */
typedef struct dy_root {
    uint8_t wtype;      /* dy_wtype now in force (markNouns may change it) */
    uint8_t closed;     /* dy_closed, or DY_C_NONE for dictionary entries */
    uint8_t active;     /* 0 once cancelled by subordinate-clause elimination */
    dy_entry_ref ref;   /* the entry, when closed == DY_C_NONE */
    int head, tail;     /* first and last matched word */
    int nmatch;         /* characters matched (longest wins) */
} dy_root;

/* Word and root indices fit in 16 bits (at most DY_MAX_WORDS words), so a
 * word takes 32 bytes: every parsing step walks this array. */
typedef struct dy_word {
    const dy_token *tok;
    uint8_t wtype;      /* dy_wtype */
    uint8_t compound;   /* inside a parsed compound actor */
    uint8_t midcap;     /* capitalised, not the first word, sentence not all caps */
    uint8_t deref;      /* a pronoun dereferenced to an actor */
    uint8_t clause_start;   /* first word of a clause (1) */
    uint8_t clause_end;     /* last word of a clause (1) */
    int16_t head_of;    /* root whose first word this is, or -1 */
    int16_t tail_of;    /* root whose last word this is, or -1 */
    int16_t member;     /* root this word was matched into, or -1 */
    int16_t refer;      /* its actor's word, or DY_REFER_FORWARD; else -1 */
    int16_t cmp_end;    /* head of a compound: its last word; else -1 */
    int16_t cmp_start;  /* tail of a compound: its first word; else -1 */
    int16_t sub_end;    /* head of a subordinate clause: its last word; else -1 */
} dy_word;

typedef struct dy_sentence {
    const dyad_dict *dict;
    const dy_options *opt;
    int date;
    dy_word *w;          /* n words */
    int n;
    dy_root *roots;      /* nroots found */
    int nroots;
    int all_caps;
    int has_clauses;
    int has_discard;     /* a [###] phrase was found */
    int truncated;
    int n_subord;        /* subordinate clauses eliminated */
    /* Bit t set when a root of class t was found (after agent conversion),
     * DY_W_COMMA when a comma may be among the words (dy_parse). Later steps
     * only null words or make pronouns actors, so a clear bit says no word
     * has that class: a step looking for it has nothing to do. 0: not known. */
    uint32_t lexed_types;
    dy_wordmask mask;    /* which word beginnings occur */
    /* FORWARD: the actor a pronoun may refer to in the previous sentence */
    int fwd_single, fwd_plural;           /* available for HE.. / THEY.. */
    dy_entry_ref fwd_ref;
    /* The input's Treebank parse, aligned with the words; NULL: shallow parse */
    const struct dy_tree *tree;
    /* Per synset, the first-word lengths of its members (code/pattern.h,
     * set by the coder); NULL: not known */
    const uint64_t *synset_lens;
} dy_sentence;

/* What FORWARD: hands from one sentence to the next (tabari-manual 8.4). */
typedef struct dy_forward {
    int single, plural;
    dy_entry_ref ref;
} dy_forward;

/* Root helpers. */
static inline int dy_is_head(const dy_sentence *s, int i, dy_wtype t)
{
    if (i < 0 || i >= s->n) return 0;
    if (t == DY_W_ACTOR && s->w[i].deref) return 1;
    int r = s->w[i].head_of;
    return r >= 0 && s->roots[r].active && s->roots[r].wtype == t;
}

static inline int dy_is_tail(const dy_sentence *s, int i, dy_wtype t)
{
    if (i < 0 || i >= s->n) return 0;
    if (t == DY_W_ACTOR && s->w[i].deref) return 1;
    int r = s->w[i].tail_of;
    return r >= 0 && s->roots[r].active && s->roots[r].wtype == t;
}

/* The root whose head is word i, or NULL. */
static inline const dy_root *dy_root_at(const dy_sentence *s, int i)
{
    if (i < 0 || i >= s->n || s->w[i].head_of < 0) return NULL;
    return &s->roots[s->w[i].head_of];
}

/* Closed-class word of the root headed at i, or DY_C_NONE. */
static inline int dy_closed_at(const dy_sentence *s, int i)
{
    const dy_root *r = dy_root_at(s, i);
    return r ? r->closed : DY_C_NONE;
}

const char *dy_wtype_name(int wtype);

#endif
