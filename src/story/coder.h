/* coder.h — the dyad_coder object (private layout) and the hooks shared by
 * coding and explaining a story. */
#ifndef DY_CODER_H
#define DY_CODER_H

#include "base/arena.h"
#include "base/strbuf.h"
#include "code/patindex.h"
#include "code/pattern.h"
#include "code/state.h"
#include "dict/dict.h"
#include "event/assemble.h"
#include "parse/lexcache.h"
#include "parse/sentence.h"
#include "parse/tree.h"

struct dyad_coder {
    const dyad_dict *dict;
    dy_options opt;             /* this coder's copy: OPTION lines change only it */
    dy_arena scratch;           /* per sentence: tokens, parse */
    dy_arena result;            /* per story: spans, codes, reasons */
    dyad_event *events;
    size_t n_events, cap_events;
    dyad_sentence *sentences;
    size_t n_sentences, cap_sentences;
    dy_sentence sent;
    dy_code_state cs;
    dy_need *need;              /* per dictionary pattern (pattern.h) */
    dy_patindex *pidx;          /* patterns by needed word (patindex.h), or NULL */
    uint64_t *synset_lens;      /* dy_synset_lens (pattern.h), or NULL */
    dy_lexcache lexcache;       /* dictionary lookups by word */
    int story_discard;          /* a whole-story discard phrase was met (code/discards.c) */
    char why[256];
    dy_tree tree;               /* the sentence's Treebank parse (scratch arena) */
    dyad_parser *parser;        /* syntax mode: dyad's own parser (dyad_coder_set_model) */
    dy_strbuf brackets;         /* a UD tree as a bracketing, for the sentence coded */
    char tree_why[192];         /* why a given parse was not used */
    /* FORWARD: what the last sentence coded hands to the next one */
    dy_forward fwd;
    int fwd_valid;              /* fwd describes the previous sentence */
    int fwd_use;                /* the sentence being coded may use it */
    char fwd_story[64];         /* story key of the last record */
    long fwd_sent;              /* and its sentence number */
};

/* Codes a story; when trace is not NULL each sentence is described into it. */
dyad_status dy_code_story(dyad_coder *c, const dyad_story *st, dyad_result *out,
                          dy_strbuf *trace, dyad_error *err);

/* explain.c: describes one coded sentence of story st; out[0, nev) are the
 * events made from ev[0, nev), with their dates and places resolved. */
void dy_explain_sentence(dy_strbuf *b, const dyad_coder *c, const dyad_story *st,
                         const dy_sentence *s, int index, const dyad_sentence *rec,
                         const dy_final_event *ev, const dyad_event *out, int nev);

#endif
