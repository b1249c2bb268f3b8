/* lemma.h — the lemmatiser: learned from gold UD words into one binary blob
 * (a section of the parser's model file), applied to tagged words at run time. */
#ifndef DY_LEMMA_H
#define DY_LEMMA_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "dyad.h"
#include "syntax/syntax.h"

/* How a lemma is found (docs/syntax-lemma.md): a table of exceptions
 * keyed by the lower-cased form and both tags; else the longest matching
 * suffix of the lower-cased form, in a trie per tag class, gives up to
 * DY_LEMMA_MAX_CANDIDATES edit scripts ("strip k bytes, append s"), of which
 * the first whose result is a known lemma of the word's UPOS wins; then the
 * class's casing action for the form's casing (lower, Title, UPPER, ...) is
 * applied. Case folding is ASCII only: other bytes pass through unchanged. */

/* ------------------------------------------------------------ training */

typedef struct dy_lemma_builder dy_lemma_builder;

/* n_xpos: the size of the model's XPOS table, 1 to DY_LEMMA_MAX_XPOS. */
dyad_status dy_lemma_builder_new(int n_xpos, dy_lemma_builder **out, dyad_error *err);
/* One gold word: its form, UPOS (dy_upos), XPOS index in [0, n_xpos) (the
 * model's own XPOS table; the caller maps names to indices), lemma. Words
 * whose form or lemma is longer than DY_LEMMA_MAX_KEY bytes are counted but
 * not learned from. DYAD_ERR_ARG for a tag out of range. */
dyad_status dy_lemma_builder_add(dy_lemma_builder *b, const char *form, size_t form_len,
                                 int upos, int xpos, const char *lemma, size_t lemma_len,
                                 dyad_error *err);
/* Builds the blob (malloc'd; the caller frees it). Deterministic: the same
 * words in the same order give the same bytes. */
dyad_status dy_lemma_builder_finish(dy_lemma_builder *b, unsigned char **blob, size_t *len,
                                    dyad_error *err);
void dy_lemma_builder_free(dy_lemma_builder *b);

/* ------------------------------------------------------------ run time */

/* A read-only view over a blob: pointers into it, no copies. The blob stays
 * the caller's (the loaded model file) and must outlive the view. */
typedef struct dy_lemmatizer {
    const unsigned char *classmap;  /* u16 class per (upos, xpos or n_xpos) */
    const unsigned char *classes;   /* DY_LEMMA_CLASS_SIZE each */
    const unsigned char *nodes;     /* suffix trie nodes */
    const unsigned char *scripts;   /* edit scripts */
    const unsigned char *exc;       /* exception entries */
    const unsigned char *exc_slots; /* u32 each: 0 empty, else entry + 1 */
    const unsigned char *lex;       /* known lemmas: entries */
    const unsigned char *lex_slots;
    const unsigned char *pool;      /* the bytes of every string */
    uint32_t n_xpos, n_classes, n_nodes, n_scripts;
    uint32_t n_exc, exc_mask, exc_probe;   /* mask = slots - 1; probe: most slots to try */
    uint32_t n_lex, lex_mask, lex_probe;
    uint32_t pool_len;
} dy_lemmatizer;

/* Checks everything in the blob (sizes, counts, offsets, string bounds, hash
 * slots) so that no byte pattern can make dy_lemma_apply read out of bounds
 * or loop: model files are exchanged between users and may be crafted. The
 * blob may be at any address. DYAD_ERR_PARSE with the reason when it is bad. */
dyad_status dy_lemma_open(const unsigned char *blob, size_t len, int n_xpos,
                          dy_lemmatizer *out, dyad_error *err);

/* The lemma of one word given its predicted tags: a pointer into the blob,
 * or into memory from a when it had to be built (then NUL-terminated), its
 * length in *out_len. Not NUL-terminated when it points into the blob. A tag
 * out of range is taken as unknown (an XPOS: the UPOS's rules; a UPOS: the
 * form itself). No malloc; work linear in form_len, a few hash probes. NULL
 * only when a is out of memory. */
const char *dy_lemma_apply(const dy_lemmatizer *lz, dy_arena *a, const char *form,
                           size_t form_len, int upos, int xpos, size_t *out_len);

/* ------------------------------------------- the format (lemma*.c only) */

/* Little-endian throughout, read byte by byte (any alignment). The header,
 * then the sections in this order, each right after the previous one:
 *   classmap  u16 class (or DY_LEMMA_NONE16) for each upos, xpos in
 *             [0, n_xpos] (n_xpos: the UPOS's own class), then zero bytes
 *             up to a multiple of 4
 *   classes   u32 root node, u8 casing action per form casing
 *             (DY_LEMMA_CASES: 6), u8 flags, u8 zero
 *   nodes     u32 first child, u32 first script, u16 children, u8 byte
 *             (the suffix byte leading here), u8 scripts (0: none here)
 *   scripts   u32 pool offset of the appended bytes, u8 bytes stripped,
 *             u8 bytes appended, u16 zero
 *   exc       u32 hash, u32 key offset, u32 lemma offset, u16 xpos,
 *             u8 key length, u8 lemma length, u8 upos, u8 flags, u16 zero
 *   exc slots u32 each (a power of two, or none)
 *   lex       u32 hash, u32 offset, u32 UPOS bit mask, u8 length, 3 zero
 *   lex slots u32 each
 *   pool      bytes
 * Header: magic, then u32 version, n_upos, n_xpos, n_classes, n_nodes,
 * n_scripts, n_exc, exc slots, exc probe, n_lex, lex slots, lex probe,
 * pool length, zero. */
#define DY_LEMMA_MAGIC "DYLEMMA\x1a"
#define DY_LEMMA_VERSION 1u
#define DY_LEMMA_HEADER_SIZE 64u
#define DY_LEMMA_CLASS_SIZE 12u
#define DY_LEMMA_NODE_SIZE 12u
#define DY_LEMMA_SCRIPT_SIZE 8u
#define DY_LEMMA_EXC_SIZE 20u
#define DY_LEMMA_LEX_SIZE 16u
#define DY_LEMMA_NONE16 0xFFFFu

#define DY_LEMMA_MAX_XPOS 4096     /* tags in a model's XPOS table */
#define DY_LEMMA_MAX_KEY 255       /* bytes of a stored form or lemma */
#define DY_LEMMA_MAX_DEPTH 32      /* bytes of suffix a trie walk looks at */
#define DY_LEMMA_MAX_CANDIDATES 4  /* edit scripts per trie node */
#define DY_LEMMA_MAX_PROBE 32      /* hash slots tried per lookup, at most */

/* Exception flags: the lemma is returned as stored, not re-cased. */
#define DY_LEMMA_EXC_LITERAL 1u
/* Class flags: digits grouped by commas lose the commas ("40,000" -> "40000"). */
#define DY_LEMMA_CLASS_NUMCOMMA 1u

/* How a form is written: its ASCII letters are none, all lower, first upper
 * and the rest lower ("Paris"), all upper (two or more), mixed, or a single
 * capital ("X", "I", "3D": the letter names often keep it). */
enum { DY_LEMMA_CASE_NONE, DY_LEMMA_CASE_LOWER, DY_LEMMA_CASE_TITLE, DY_LEMMA_CASE_UPPER,
       DY_LEMMA_CASE_MIXED, DY_LEMMA_CASE_SINGLE, DY_LEMMA_CASES };
/* What a class does to a lower-case lemma given its form's casing: keep it
 * lower, copy the form's casing letter by letter, or capitalise it. */
enum { DY_LEMMA_ACT_LOWER, DY_LEMMA_ACT_FORM, DY_LEMMA_ACT_TITLE, DY_LEMMA_ACTS };

_Static_assert(4 + DY_LEMMA_CASES + 2 == DY_LEMMA_CLASS_SIZE, "a class record's layout");

static inline uint32_t dy_lemma_rd16(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static inline uint32_t dy_lemma_rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline unsigned char dy_lemma_lower(unsigned char c)
{
    return (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

/* FNV-1a over the lower-cased bytes, continued from h (start: 2166136261). */
static inline uint32_t dy_lemma_hash_more(uint32_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ dy_lemma_lower((unsigned char)s[i])) * 16777619u;
    return h;
}

/* The slot hash of a key whose bytes hashed to h: an exception's tags are
 * mixed in (a lexicon entry has tag 0), then the bits are spread. */
static inline uint32_t dy_lemma_hash_final(uint32_t h, uint32_t tag)
{
    h = (h ^ tag) * 2654435761u;
    return h ^ (h >> 15);
}

static inline uint32_t dy_lemma_exc_tag(int upos, int xpos)
{
    return (uint32_t)upos << 24 ^ (uint32_t)xpos;
}

/* The casing of form[0, n) (DY_LEMMA_CASE_*). */
int dy_lemma_casing(const char *form, size_t n);
/* Re-cases the lower-case lemma s[0, n) in place by action act, for a form
 * of casing form_case. */
void dy_lemma_recase(char *s, size_t n, int act, const char *form, size_t form_len,
                     int form_case);
/* Whether form[0, n) is digits grouped by commas: 1,234 or 12,345,678.9 */
int dy_lemma_is_grouped_number(const char *form, size_t n);
/* The class of (upos, xpos) in lz, or -1 (xpos out of range: the UPOS's). */
int dy_lemma_class(const dy_lemmatizer *lz, int upos, int xpos);
/* The casing action of class cls for a form of casing form_case. */
int dy_lemma_class_action(const dy_lemmatizer *lz, int cls, int form_case);

/* ---------------------------- training internals (lemma_build.c, lemma_suffix.c) */

/* One distinct (lower-cased form, lower-cased lemma) of the training words
 * with the classes it teaches: its (UPOS, XPOS) class and its UPOS's class
 * (cls[1] -1 when they are the same). */
typedef struct dy_lemma_sfx_word {
    const char *form, *lemma;
    uint8_t form_len, lemma_len;
    int cls[2];
} dy_lemma_sfx_word;

/* A learned trie node and edit script, as the blob stores them. */
typedef struct dy_lemma_sfx_node {
    uint32_t child, script;
    uint16_t n_child;
    uint8_t byte, n_script;
} dy_lemma_sfx_node;

typedef struct dy_lemma_sfx_script {
    const char *append;   /* into the words' text */
    uint8_t strip, append_len;
} dy_lemma_sfx_script;

typedef struct dy_lemma_sfx_out {
    dy_lemma_sfx_node *nodes;        /* each class's trie, children together */
    dy_lemma_sfx_script *scripts;
    uint32_t *roots;                 /* per class */
    size_t n_nodes, n_scripts;
} dy_lemma_sfx_out;

/* Learns the suffix tries of n_classes classes from words[0, n): 0 or -1
 * when out of memory. Free out with dy_lemma_sfx_free. */
int dy_lemma_sfx_learn(const dy_lemma_sfx_word *words, size_t n, int n_classes,
                       dy_lemma_sfx_out *out);
void dy_lemma_sfx_free(dy_lemma_sfx_out *out);

#endif
