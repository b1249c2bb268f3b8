/* dict.h — the in-memory model of loaded dictionaries (actors, agents, verbs,
 * synsets, nouns, adjectives, issues, discards, options) and word lookup. */
#ifndef DY_DICT_H
#define DY_DICT_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"
#include "base/arena.h"
#include "dict/options.h"

/* Synsets may name other synsets (+&COIN_POUCH), and a synset declared again
 * can even name one that names it. Matching and length counting follow such
 * references at most this deep, so a dictionary cannot drive the recursion. */
#define DY_SYNSET_DEPTH_MAX 8

/* How a dictionary word matches a word of text (tabari-manual 5.2.2-5.2.3). */
typedef enum dy_match {
    DY_MATCH_STEM = 0,  /* ACCEPT   : any text word that starts with it */
    DY_MATCH_WORD,      /* ACCEPT_  : the word itself, or it plus a regular ending
                                       (S ES ED EN ING 'S) when it is a phrase's last word */
    DY_MATCH_EXACT,     /* MOUSE=   : the word itself, no endings */
    DY_MATCH_FORMS      /* a verb of a PETRARCH configuration: the word itself or
                                       PETRARCH's regular forms (S, ED, D after E, ING) */
} dy_match;

typedef enum dy_elem_kind {
    DY_EL_WORD = 0,  /* a literal word */
    DY_EL_VERB,      /* *  the verb itself */
    DY_EL_SOURCE,    /* $  */
    DY_EL_TARGET,    /* +  */
    DY_EL_COMPOUND,  /* %  a compound actor: both source and target */
    DY_EL_SKIP,      /* ^  skip one actor */
    DY_EL_ATTRIB,    /* @  attribution actor */
    DY_EL_SYNSET,    /* &NAME */
    DY_EL_ALT        /* { a | b | c } */
} dy_elem_kind;

/* Where an element of a PETRARCH-2 pattern stands: inside "{noun phrase}"
 * (whose last word is its head) and/or "(prepositional phrase)" (whose first
 * word is the preposition); _START marks a group's first element. The
 * shallow coder matches the words in order; tree coding can use the groups. */
enum {
    DY_GROUP_NP = 1, DY_GROUP_PP = 2, DY_GROUP_NP_START = 4, DY_GROUP_PP_START = 8
};

/* One element of a phrase. A phrase is a run of elements in dict->elems. */
typedef struct dy_elem {
    uint8_t kind;       /* dy_elem_kind */
    uint8_t match;      /* dy_match, for DY_EL_WORD */
    uint8_t adjacent;   /* the next element must follow immediately ('_' or '~' joined) */
    uint8_t group;      /* PETRARCH-2 patterns: DY_GROUP_* bits, 0 elsewhere */
    uint32_t len;       /* strlen(word) */
    const char *word;   /* DY_EL_WORD: upper case, markers (_ = ~) removed */
    uint32_t ref;       /* DY_EL_SYNSET: synset index; DY_EL_ALT: first index in dict->alts */
    uint32_t nref;      /* DY_EL_ALT: number of alternatives */
} dy_elem;

typedef struct dy_phrase {
    uint32_t first;     /* index in dict->elems */
    uint32_t count;
} dy_phrase;

/* Special codes (tabari-manual ch. 6). */
typedef enum dy_special {
    DY_SPECIAL_NONE = 0,
    DY_SPECIAL_NULL,     /* [---] */
    DY_SPECIAL_DISCARD,  /* [###] */
    DY_SPECIAL_COMPLEX   /* [+++] */
} dy_special;

/* One bracketed actor code, possibly date-restricted and possibly a coded
 * compound ("ELR/GAL"). */
typedef struct dy_dated_code {
    int from, to;          /* YYYYMMDD inclusive; 0 = open-ended */
    uint8_t special;       /* dy_special */
    uint16_t n_codes;
    const char **codes;    /* interned strings */
} dy_dated_code;

typedef struct dy_actor {
    dy_phrase phrase;
    uint32_t parent;       /* index of the first phrase of its synonym group */
    uint32_t first_code;   /* in dict->dated; restricted codes first, the default last */
    uint32_t n_codes;
    const char *text;      /* the phrase as written */
    const char *file;
    uint32_t line;
} dy_actor;

typedef struct dy_agent {
    dy_phrase phrase;
    const char *code;      /* interned, without '~' */
    uint8_t prefix;        /* "NGO~": the agent code goes before the actor code */
    uint8_t special;       /* dy_special */
    const char *text;
    const char *file;
    uint32_t line;
} dy_agent;

/* The code part of a verb, pattern, time or attribution entry. */
typedef struct dy_vcode {
    const char *code;      /* "032", interned; NULL when special or absent */
    const char *paired;    /* "033" of [032:033]; NULL when unpaired */
    const char *passive;   /* PETRARCH-2 [active:passive]: the code when the verb is
                              passive ("043" of [042:043]); NULL when none */
    uint8_t special;       /* dy_special */
    uint8_t subordinate;   /* [023?] */
    uint8_t dominant;      /* [111!] */
    int shift;             /* <TIME> entries: days to add to the date */
} dy_vcode;

typedef struct dy_pattern {
    dy_phrase phrase;      /* contains exactly one DY_EL_VERB */
    dy_vcode code;
    uint16_t length;       /* alphanumeric characters (manual 5.7.1); longest tried first */
    const char *text;
    const char *file;
    uint32_t line;
} dy_pattern;

typedef enum dy_section {
    DY_SECTION_VERB = 0,
    DY_SECTION_TIME,       /* <TIME> ... </TIME> */
    DY_SECTION_ATTRIB      /* <ATTRIB> ... </ATTRIB> */
} dy_section;

/* A verb root or one of its irregular forms ({BROKE_ BROKEN_}). All forms of a
 * root share its code and patterns. */
typedef struct dy_verb {
    dy_phrase root;
    dy_vcode code;
    uint8_t section;       /* dy_section */
    uint32_t main;         /* index of the root this is a form of (itself for roots) */
    uint32_t first_pattern, n_patterns;   /* in dict->patterns, longest first */
    const char *text;
    const char *file;
    uint32_t line;
} dy_verb;

typedef struct dy_synset {
    const char *name;      /* without '&' */
    uint32_t first_alt, n_alts;   /* members, in dict->alts */
    uint32_t initials;     /* dy_initial_bit of every member's first letter (all
                              bits when a member starts with no word): a quick no */
} dy_synset;

/* Bit of a word's first byte in dy_synset.initials: A-Z, or bit 26 for any other. */
static inline uint32_t dy_initial_bit(char c)
{
    return c >= 'A' && c <= 'Z' ? 1u << (c - 'A') : 1u << 26;
}

typedef struct dy_issue_cat {
    const char *name;
    const char *deflt;     /* DEFAULT="..." or NULL */
    uint8_t all;           /* TYPE="ALL" */
    uint8_t numeric;       /* TYPE="NUMERIC" */
} dy_issue_cat;

typedef struct dy_issue {
    dy_phrase phrase;
    uint32_t cat;
    const char *code;
    const char *file;
    uint32_t line;
} dy_issue;

/* A discard phrase from a discards file: matching it discards the story. */
typedef struct dy_discard {
    dy_phrase phrase;
    uint8_t whole_story;   /* '+' prefix in Phoenix discards */
    const char *file;
    uint32_t line;
} dy_discard;

/* What a dictionary lookup found: a phrase whose first word matches. */
typedef enum dy_entry_kind {
    DY_ENTRY_ACTOR = 0, DY_ENTRY_AGENT, DY_ENTRY_NOUN, DY_ENTRY_ADJECTIVE,
    DY_ENTRY_VERB, DY_ENTRY_ISSUE, DY_ENTRY_DISCARD
} dy_entry_kind;

typedef struct dy_entry_ref {
    uint8_t kind;          /* dy_entry_kind */
    uint32_t index;        /* into the array of that kind */
} dy_entry_ref;

struct dy_index;           /* the lookup trie, private to dict/index.c */

struct dyad_dict {
    dy_arena arena;        /* owns every array and string below */

    dy_elem *elems;          size_t n_elems;
    dy_phrase *alts;         size_t n_alts;      /* alternatives and synset members */
    dy_synset *synsets;      size_t n_synsets;
    dy_dated_code *dated;    size_t n_dated;
    dy_actor *actors;        size_t n_actors;
    dy_agent *agents;        size_t n_agents;
    dy_phrase *nouns;        size_t n_nouns;
    dy_phrase *adjectives;   size_t n_adjectives;
    dy_verb *verbs;          size_t n_verbs;
    dy_pattern *patterns;    size_t n_patterns;
    dy_issue_cat *issue_cats; size_t n_issue_cats;
    dy_issue *issues;        size_t n_issues;
    dy_discard *discards;    size_t n_discards;

    dy_options options;      /* from the .options file */
    int has_time;            /* a <TIME> section was read */
    int has_attrib;          /* an <ATTRIB> section was read */

    struct dy_index *index;
    char *warnings;          /* newline-separated, NUL-terminated */
    void *mapped;            /* a compiled .dyd file (dict/dyd.c) the arrays live in, */
    size_t mapped_len;       /* unmapped by dyad_dict_free; NULL when loaded from text */
};

/* The actor's codes in force on `date` (YYYYMMDD): the first restriction that
 * holds, else the default, else NULL (no code: treat as null-coded). */
const dy_dated_code *dy_actor_codes(const struct dyad_dict *d, const dy_actor *a, int date);

/* Does dictionary word `e` (DY_EL_WORD) match the upper-case text word w[0..n)?
 * `last` says whether e is the last word of its phrase (regular endings apply). */
int dy_word_matches(const dy_elem *e, const char *w, size_t n, int last);

/* Every phrase whose first element is a word matching w[0..n). Writes up to
 * `max` refs, returns how many matched (may exceed max). */
size_t dy_lookup(const struct dyad_dict *d, const char *w, size_t n,
                 dy_entry_ref *out, size_t max);

/* The phrase of an entry, for any kind. */
dy_phrase dy_entry_phrase(const struct dyad_dict *d, dy_entry_ref ref);

/* Interned code string: equal codes are the same pointer. NULL if absent. */
const char *dy_find_code(const struct dyad_dict *d, const char *code);

#endif
