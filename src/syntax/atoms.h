/* atoms.h — what the tagger and parser know of a word before tagging: the
 * hashes of its normalised form, affixes, shape and flags, made once. */
#ifndef DY_ATOMS_H
#define DY_ATOMS_H

#include <stddef.h>
#include <stdint.h>

enum dy_atom_flag {
    DY_AF_UPPER1  = 1 << 0,   /* first letter upper case */
    DY_AF_ALLCAPS = 1 << 1,   /* two or more letters, all upper case */
    DY_AF_DIGIT   = 1 << 2,   /* has a digit */
    DY_AF_HYPHEN  = 1 << 3,   /* has a '-' inside */
    DY_AF_PERIOD  = 1 << 4,   /* has a '.' */
    DY_AF_FIRST   = 1 << 5,   /* first word of the sentence */
    DY_AF_ALPHA   = 1 << 6,   /* starts with a letter */
    DY_AF_NONASCII= 1 << 7    /* has a byte >= 0x80 */
};

typedef struct dy_atoms {
    uint64_t form;      /* the form as written; for a word the lexicon lacks,
                         * a stand-in by shape */
    uint64_t word;      /* norm; for a word the lexicon lacks, a stand-in by
                         * shape, so rare words share what they teach */
    uint64_t norm;      /* lower case, digits as '0' */
    uint64_t pre[3];    /* first 1, 2, 3 bytes of norm */
    uint64_t suf[4];    /* last 1..4 bytes of norm */
    uint64_t shape;     /* Xx, dd.d, x-x: classes, runs cut at 3 */
    uint32_t flags;     /* dy_atom_flag */
    uint32_t amb;       /* ambiguity class from the tag lexicon, 0 unknown */
} dy_atoms;

/* Atoms of one word; first says it opens its sentence. */
void dy_atoms_make(dy_atoms *a, const char *form, size_t len, int first);
/* Sets amb, and word and form to their stand-ins when the word is not in
 * the lexicon (struct dy_lexicon, lexicon.h). */
struct dy_lexicon;
void dy_atoms_lexicon(dy_atoms *a, const struct dy_lexicon *lx);
/* The stand-ins for positions before the first and after the last word. */
void dy_atoms_pad(dy_atoms *a, int after);

#endif
