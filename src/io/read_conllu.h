/* read_conllu.h — reading CoNLL-U (UD v2) one sentence at a time in bounded memory:
 * comment lines, the ten columns of each word, multiword ranges and empty nodes. */
#ifndef DY_READ_CONLLU_H
#define DY_READ_CONLLU_H

#include <stddef.h>
#include <stdio.h>

#include "dyad.h"
#include "base/strbuf.h"
#include "base/vec.h"
#include "io/linereader.h"
#include "syntax/syntax.h"

/* Comment, range and empty-node lines one sentence may have besides its
 * words (real treebanks have under a dozen); with DY_SYN_MAX_WORDS and
 * DYAD_MAX_STORY_BYTES for all its lines it bounds a sentence's memory. */
#define DY_CONLLU_MAX_OTHER_LINES 2000

/* What a line kept verbatim is. */
enum { DY_CONLLU_RANGE = 1, DY_CONLLU_EMPTY = 2 };

/* A multiword-token range line "N-M" or an empty-node line "N.M", kept as
 * written so that a writer can put it back in its place. */
typedef struct dy_conllu_line {
    const char *text;       /* the whole line, tabs included, NUL-terminated */
    size_t len;
    size_t before;          /* 0-based index of the word it precedes (n_words
                             * after the last word): N-1 for N-M, N for N.M */
    int kind;               /* DY_CONLLU_RANGE or DY_CONLLU_EMPTY */
    int first, last;        /* N and M of "N-M" or "N.M" */
    const char *form;       /* its FORM column, inside text (not NUL-terminated) */
    size_t form_len;
    long line;              /* its line in the input */
} dy_conllu_line;

/* One sentence. Every string is NUL-terminated, as written in the input
 * (invalid UTF-8 passes through unchanged), and valid until the next read.
 * Arrays of words are parallel, indexed 0..n_words-1 for IDs 1..n_words. */
typedef struct dy_conllu_sent {
    const char *const *comments;  /* the comment lines before the words,
                                   * without the '#' (" sent_id = x") */
    size_t n_comments;
    size_t n_words;               /* 1..DY_SYN_MAX_WORDS */
    const char *const *forms;     /* may hold spaces (CoNLL-U v2) */
    const size_t *form_lens;
    const char *const *lemmas, *const *upos, *const *xpos, *const *feats;
    const int *heads;             /* 0..n_words; -1 when '_' */
    const char *const *deprels, *const *deps, *const *misc;
    const long *lines;            /* each word's line in the input */
    const dy_conllu_line *extras; /* range and empty-node lines, in input order */
    size_t n_extras;
    const char *sent_id;          /* value of "# sent_id = ...", or NULL */
    const char *text;             /* value of "# text = ...", or NULL */
    const char *newdoc;           /* value of "# newdoc id = ..." when this
                                   * sentence opens a document ("" for a bare
                                   * "# newdoc"), else NULL */
    long line;                    /* line of its first line in the input */
} dy_conllu_sent;

/* Where a kept word's columns are in the pool while the sentence is read
 * (the pool may move as it grows, so pointers are made at the end). */
typedef struct dy_conllu_word_at {
    size_t col[9];          /* FORM .. MISC: offsets of NUL-terminated copies */
    size_t form_len;
    int head;
    long line;
} dy_conllu_word_at;

/* The arrays handed out: allocated once, DY_SYN_MAX_WORDS long. */
typedef struct dy_conllu_cols {
    const char *col[8][DY_SYN_MAX_WORDS];   /* FORM LEMMA UPOS XPOS FEATS DEPREL DEPS MISC */
    size_t form_len[DY_SYN_MAX_WORDS];
    int head[DY_SYN_MAX_WORDS];
    long line[DY_SYN_MAX_WORDS];
} dy_conllu_cols;

typedef struct dy_conllu_reader {
    dy_linereader lr;
    dy_strbuf pool;                   /* every kept byte of the sentence */
    dy_conllu_word_at *words;         /* DY_SYN_MAX_WORDS, allocated once */
    dy_conllu_cols *cols;
    size_t n_words;
    DY_VEC(size_t) comment_at;        /* pool offsets of the comments */
    DY_VEC(const char *) comments;
    DY_VEC(dy_conllu_line) extras;    /* text and form are set at the end */
    DY_VEC(size_t) extra_at;          /* pool offsets of their lines */
    size_t sent_id_at, text_at, newdoc_at;   /* pool offsets, or SIZE_MAX */
    long first_line;                  /* of the sentence being read; 0: none yet */
    int last_range;                   /* M of the last range line, 0 if none */
    int pending_range;                /* a range line waits for its first word */
    int empty_n, empty_m;             /* the last empty node N.M (empty_m 0: none) */
    dyad_status bad;                  /* the sentence's first error, or DYAD_OK */
    dyad_error bad_err;
} dy_conllu_reader;

/* The caller still owns f and closes it after dy_conllu_free; name is used
 * in messages and must outlive the reader. */
void dy_conllu_init(dy_conllu_reader *r, FILE *f, const char *name);
void dy_conllu_free(dy_conllu_reader *r);

/* Reads the next sentence into *s, valid until the next call.
 * DYAD_OK with *got 1: a sentence; DYAD_OK with *got 0: the end.
 * DYAD_ERR_PARSE: a sentence with a malformed line (or a line over
 * DYAD_MAX_LINE_BYTES, or no word line at all) was read to its blank line
 * and skipped; err names FILE:LINE of the first bad line found and why.
 * DYAD_ERR_LIMIT: a sentence over DY_SYN_MAX_WORDS words, over
 * DYAD_MAX_STORY_BYTES bytes or over DY_CONLLU_MAX_OTHER_LINES other lines
 * was skipped without being kept; err names its first line. After either,
 * call again to go on. Any other status (I/O, memory) ends the stream.
 * docs/errors.md ("CoNLL-U input") lists the checks. */
dyad_status dy_conllu_next(dy_conllu_reader *r, dy_conllu_sent *s, int *got, dyad_error *err);

/* The value of comment c (without its '#') when its key is key: for
 * " sent_id = x" and "sent_id", "x". Blanks around the key and after '='
 * are skipped. NULL when c has another key or no '='. */
const char *dy_conllu_comment_value(const char *c, const char *key);

/* The document id of a "newdoc" comment: "d1" for " newdoc id = d1", ""
 * for a bare " newdoc"; NULL when c is not a newdoc comment. */
const char *dy_conllu_newdoc_value(const char *c);

#endif
