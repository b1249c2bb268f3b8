/* options.h — coding options from a TABARI .options file (tabari-manual ch. 8)
 * and the parser for one options line, shared by the loader and the coder. */
#ifndef DY_OPTIONS_H
#define DY_OPTIONS_H

#include "dyad.h"

typedef enum dy_code_by {
    DY_CODE_BY_CLAUSE = 0,   /* default: first event of each clause */
    DY_CODE_BY_SENTENCE,     /* first event of the sentence */
    DY_CODE_ALL              /* every event */
} dy_code_by;

typedef enum dy_nonevents {
    DY_NONEVENTS_FALSE = 0, DY_NONEVENTS_TRUE, DY_NONEVENTS_ONLY
} dy_nonevents;

#define DY_CODE_MAX 32       /* longest actor or event code kept in options */

typedef struct dy_options {
    /* SET: */
    int code_by;             /* dy_code_by */
    int label;               /* SET: LABEL (default 1) */
    int min_words;           /* SET: MINIMUM WORDS (default 8) */
    int convert_agents;      /* SET: CONVERT AGENTS */
    int fbis;                /* SET: FBIS */
    int yyyy;                /* SET: YYYY: 4-digit years in TABARI records */
    int time_shifting;       /* SET: TIME SHIFTING: -1 = on when <TIME> exists */
    int check_dominant;      /* SET: CHECK DOMINANT (default 1) */
    int code_nonrestrictive; /* SET: CODE NONRESTRICTIVE */

    /* COMMA: counts of words; comma_off disables elimination */
    int comma_off;
    int comma_bmin, comma_bmax, comma_min, comma_max, comma_emin, comma_emax;

    /* COMPLEX: 0 = condition inactive */
    int cx_verbs, cx_actors, cx_pronouns, cx_conj, cx_comma, cx_lateverb;
    int cx_noactprior, cx_noactafter, cx_noverb, cx_nosource, cx_notarget, cx_noevent;
    int cx_explain, cx_nosave;

    /* DEFAULT: empty string = none */
    char default_source[DY_CODE_MAX];
    char default_target[DY_CODE_MAX];
    int default_source_prior;   /* PRIOR: use the default when no actor precedes the verb */
    int default_target_after;   /* AFTER: use the default when no actor follows the verb */

    int nonevents;           /* dy_nonevents */

    /* OUTPUT: which extra fields TABARI would write */
    int out_actors, out_agents, out_parent, out_shift, out_match, out_locs;
    int out_pattern, out_id, out_text, out_story, out_sentence, out_document;

    /* FORWARD: */
    int forward;             /* pronoun forwarding between records is on */
    char forward_format[64];

    /* PETRARCH options ("name = value", src/dict/petrarch_config.c) */
    int require_dyad;        /* events need a source and a target (default 1); false
                                fills a missing actor with the null code "---" */
    int new_actor_length;    /* longest uncoded noun phrase taken as a new actor; 0 = off */
    int every_verb_phrase;   /* tree mode codes every verb phrase, whatever SET: CODE BY
                                says (PETRARCH, which has no such option; default 0) */
    int actor_discards;      /* an actor coded [###] discards its sentence (TABARI, default
                                1); PETRARCH has no discard codes: 0 reads ### as a code */
} dy_options;

/* The defaults of the manual. */
void dy_options_init(dy_options *o);

/* Applies one options line ("COMMA: MIN=1 MAX=8", "SET: CODE BY SENTENCE",
 * "LABEL: 010=YIELD" is accepted and ignored here; a PETRARCH option
 * "require_dyad = false" goes to dy_petr_option_apply). Comments after '#' or '//'
 * are ignored. An unknown command is DYAD_ERR_PARSE with a message; `where`
 * and `line` are copied into err. */
dyad_status dy_options_apply(dy_options *o, const char *line, size_t len,
                             const char *where, long lineno, dyad_error *err);

#endif
