/* syntax.h — dyad's own syntax layer: UD tokenisation, part-of-speech tags,
 * lemmas and dependency trees for raw news text (docs/syntax.md). */
#ifndef DY_SYNTAX_H
#define DY_SYNTAX_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "dyad.h"

/* The 17 universal part-of-speech tags, in the order of the UD guidelines. */
typedef enum dy_upos {
    DY_UPOS_ADJ = 0, DY_UPOS_ADP, DY_UPOS_ADV, DY_UPOS_AUX, DY_UPOS_CCONJ,
    DY_UPOS_DET, DY_UPOS_INTJ, DY_UPOS_NOUN, DY_UPOS_NUM, DY_UPOS_PART,
    DY_UPOS_PRON, DY_UPOS_PROPN, DY_UPOS_PUNCT, DY_UPOS_SCONJ, DY_UPOS_SYM,
    DY_UPOS_VERB, DY_UPOS_X, DY_UPOS_COUNT
} dy_upos;

/* "ADJ" .. "X"; "_" for anything else. */
const char *dy_upos_name(int upos);
/* The tag named s[0,n), or -1. */
int dy_upos_parse(const char *s, size_t n);

/* Sentences longer than this many words are cut by the tokenizer into
 * pieces of at most this many words (docs/syntax.md); a CoNLL-U sentence
 * longer than it is refused. Keeps every per-sentence array bounded. */
#define DY_SYN_MAX_WORDS DYAD_MAX_SENTENCE_WORDS

/* One word of raw text as the UD tokenizer cut it (English EWT conventions:
 * "don't" -> "do" "n't", possessive "'s", punctuation split off, "U.S." kept
 * whole). A word's form is always text[start, end): English contractions
 * split into pieces of the written word. */
typedef struct dy_utoken {
    size_t start, end;     /* bytes of the word in the story text */
    uint8_t space_after;   /* white space (or the end of the text) follows */
    uint8_t mwt;           /* 0, or the number of words (2 or more) of the
                            * multiword token this word opens ("don't": 2) */
    uint8_t sent_start;    /* the first word of a sentence */
} dy_utoken;

/* Splits text[0, len) into sentences and words. The words are allocated in
 * a; sentences are marked by sent_start and hold at most DY_SYN_MAX_WORDS
 * words. one_sentence: the text is one sentence (a TABARI record, a line of
 * --in lines); it is split only at the word limit. Invalid UTF-8 bytes are
 * taken as letters (the input policy has repaired them before). Never
 * fails on any input but for out of memory. */
dyad_status dy_ud_tokenize(dy_arena *a, const char *text, size_t len, int one_sentence,
                           dy_utoken **out, size_t *n, dyad_error *err);

/* The tokenizer's word lists (tokenize_tables.c): the DY_UDW_* classes of the
 * word s[0, n) as written (case matters; prefixes are listed in lower case). */
enum {
    DY_UDW_ABBR = 1,     /* keeps its period: "Inc.", "Jan.", "Mr." */
    DY_UDW_TITLE = 2,    /* a name follows, never a sentence end: "Mr.", "Gen." */
    DY_UDW_NUMABBR = 4,  /* keeps its period before a number: "No. 10" */
    DY_UDW_PREFIX = 8,   /* its hyphen stays inside the word: "non-stop" */
    DY_UDW_STARTER = 16  /* often opens a sentence: "The", "However" */
};
unsigned dy_ud_wordlist(const char *s, size_t n);

#endif
