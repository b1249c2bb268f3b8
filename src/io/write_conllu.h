/* write_conllu.h — formatting one parsed sentence as CoNLL-U (UD v2): comment
 * lines, multiword tokens, ten columns a word, a blank line after it. */
#ifndef DY_WRITE_CONLLU_H
#define DY_WRITE_CONLLU_H

#include <stddef.h>

#include "dyad.h"
#include "base/strbuf.h"
#include "io/read_conllu.h"

/* One word. A NULL or empty string column is written "_"; TAB, CR, LF and
 * NUL in any column become a blank, so a word stays one line of ten columns
 * (FORM and LEMMA may keep their blanks, as CoNLL-U v2 allows). */
typedef struct dy_conllu_out_word {
    const char *form;
    size_t form_len;
    const char *lemma;
    size_t lemma_len;
    const char *upos, *xpos, *feats;   /* NUL-terminated */
    int head;                          /* 0..n_words; -1 writes "_" */
    const char *deprel, *deps;         /* NUL-terminated */
    int space_after;                   /* 0: SpaceAfter=No in MISC (on the
                                        * multiword token's line instead when
                                        * the word ends one) */
    int mwt;                           /* >1: this word opens a multiword token
                                        * of mwt words, written as mwt_form */
    const char *mwt_form;
    size_t mwt_form_len;
    const char *misc;                  /* other MISC items ("A=1|B=2"), or NULL;
                                        * a SpaceAfter item in it is dropped:
                                        * space_after decides */
} dy_conllu_out_word;

/* One sentence. The explicit comments are written first (newdoc, sent_id,
 * text), then the other comment lines in order, less any whose key is one
 * of the explicit ones given (so a sentence read from CoNLL-U can be
 * written back with a new sent_id without two of them). */
typedef struct dy_conllu_out_sent {
    const char *newdoc;                /* NULL: no document starts here; ""
                                        * writes "# newdoc"; else "# newdoc id = X" */
    const char *sent_id;               /* NULL: none */
    const char *text;                  /* NULL: none */
    size_t text_len;
    const char *const *comments;       /* comment lines without their '#', as
                                        * dy_conllu_sent has them */
    size_t n_comments;
    const dy_conllu_out_word *words;   /* at least one */
    size_t n_words;
    const dy_conllu_line *extras;      /* range and empty-node lines written
                                        * verbatim before word `before` (in
                                        * order; those at n_words after the
                                        * last word), e.g. an input's own */
    size_t n_extras;
    int keep_empty;                    /* write the empty nodes of extras (their
                                        * DEPS name the input's words) */
} dy_conllu_out_sent;

/* Appends the sentence and the blank line after it to b. DYAD_ERR_ARG, with
 * b as it was, when it would not be valid CoNLL-U: no word, a HEAD outside
 * -1..n_words, a multiword token going past the last word or overlapping
 * another, a range of extras that is not at its first word, an empty node
 * not after its word. DYAD_ERR_NOMEM when b could not grow. */
dyad_status dy_conllu_write(dy_strbuf *b, const dy_conllu_out_sent *s, dyad_error *err);

#endif
