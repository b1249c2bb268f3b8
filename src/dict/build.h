/* build.h — private state of the dictionary loader, shared by the readers
 * of each file kind (actors, agents, verbs, options, issues, discards). */
#ifndef DY_DICT_BUILD_H
#define DY_DICT_BUILD_H

#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "base/vec.h"
#include "dict/dict.h"
#include "dict/embedded.h"

/* Open-addressing hash set of NUL-terminated strings (interned codes and the
 * duplicate checks); values are caller-defined 32-bit payloads. */
typedef struct dy_strset {
    const char **keys;
    uint32_t *vals;
    size_t n, cap;
} dy_strset;

typedef DY_VEC(dy_elem) dy_elem_vec;

/* Everything a loader accumulates before it is frozen into the dyad_dict. */
typedef struct dy_build {
    struct dyad_dict *d;       /* d->arena owns strings; arrays are below */
    dy_elem_vec elems;
    DY_VEC(dy_phrase) alts;
    DY_VEC(dy_synset) synsets;
    DY_VEC(dy_dated_code) dated;
    DY_VEC(dy_actor) actors;
    DY_VEC(dy_agent) agents;
    DY_VEC(dy_phrase) nouns;
    DY_VEC(dy_phrase) adjectives;
    DY_VEC(dy_verb) verbs;
    DY_VEC(dy_pattern) patterns;
    DY_VEC(uint32_t) pattern_owner; /* root verb of each pattern */
    DY_VEC(dy_issue_cat) issue_cats;
    DY_VEC(dy_issue) issues;
    DY_VEC(dy_discard) discards;
    DY_VEC(const char *) codebuf; /* scratch for one code block */
    dy_elem_vec scratch;       /* the top-level elements of the phrase being parsed */

    dy_strset codes;           /* interned codes */
    dy_strset synset_names;    /* name -> synset index */
    dy_strset seen_actor;      /* normalised phrase -> 1 (duplicate warnings) */
    dy_strset seen_agent;
    dy_strset seen_verb;
    dy_strset seen_pattern;    /* "root index|pattern" */

    dy_strbuf warn;            /* newline-separated warnings */
    size_t n_warn;
    dy_strbuf tmp;             /* scratch text */
    int dup_warning;           /* SET: DUP WARNING */
    int petrarch;              /* read for a PETRARCH configuration: whole words */
    const struct dy_vfile *vfs; /* in-memory files (the embedded defaults), or NULL */
    size_t n_vfs;
} dy_build;

/* ---- strset.c */
int dy_strset_put(dy_strset *s, const char *key, uint32_t val, uint32_t *old);
int dy_strset_get(const dy_strset *s, const char *key, size_t n, uint32_t *val);
void dy_strset_free(dy_strset *s);
/* The stored key equal to key[0..n), or NULL. */
const char *dy_strset_key(const dy_strset *s, const char *key, size_t n);

/* ---- load.c */
/* Records a warning "file:line: message" (capped so a bad file cannot flood). */
void dy_build_warn(dy_build *b, const char *file, long line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* Interns `code` (n bytes, already upper case); NULL when out of memory. */
const char *dy_build_intern(dy_build *b, const char *code, size_t n);
/* Copies s[0..n) into the dictionary arena. */
const char *dy_build_str(dy_build *b, const char *s, size_t n);
/* Reads a dictionary file: from b->vfs when it holds `path`, else from disk.
 * The buffer is malloc'd and NUL-terminated, as dy_read_file's. */
dyad_status dy_build_read_file(const dy_build *b, const char *path, char **out, size_t *len,
                               dyad_error *err);

/* ---- phrase.c */
/* Parses a phrase (actor, agent, noun, verb root, pattern, synset member...)
 * into b->elems. `is_pattern` allows the tokens * $ + % ^ @ and alternatives.
 * On success *out is the phrase and *len its manual-5.7.1 length. */
dyad_status dy_parse_phrase(dy_build *b, const char *s, size_t n, int is_pattern,
                            dy_phrase *out, unsigned *len,
                            const char *file, long line, dyad_error *err);
/* Upper-cased, blank-collapsed copy of the phrase text for duplicate checks
 * (written into b->tmp). */
const char *dy_phrase_key(dy_build *b, const char *s, size_t n);

/* ---- codes.c */
/* Parses the bracketed code blocks "[X] [Y <991231]" of an actor line into
 * b->dated, appending; first and count describe the result. */
dyad_status dy_parse_actor_codes(dy_build *b, const char *s, size_t n,
                                 uint32_t *first, uint32_t *count,
                                 const char *file, long line, dyad_error *err);
/* Parses the inside of a verb/pattern/time code block (between [ and ]). */
dyad_status dy_parse_vcode(dy_build *b, const char *s, size_t n, int section,
                           dy_vcode *out, const char *file, long line, dyad_error *err);
/* Special code text ("---", "- - -", "###", "+++") or DY_SPECIAL_NONE. */
int dy_special_code(const char *s, size_t n);

/* Skips "<!-- ... -->" comment lines (PETRARCH-style files); returns 1 when
 * the line is (part of) such a comment and updates *in_comment. (actors.c) */
int dy_xml_comment(const char *s, size_t n, int *in_comment);

/* ---- synset.c: the synset being read (&NAME, then +MEMBER lines) */
typedef struct dy_synset_reader {
    long cur;                  /* index of the open synset, -1 when none */
    DY_VEC(dy_phrase) members; /* its members so far */
} dy_synset_reader;
void dy_synset_reader_init(dy_synset_reader *r);
void dy_synset_reader_free(dy_synset_reader *r);
/* Closes the open synset, then opens name[0..n) (already upper case); a
 * name declared before is reopened with its members, with a warning. */
dyad_status dy_synset_open(dy_build *b, dy_synset_reader *r, const char *name, size_t n,
                           const char *file, long line, dyad_error *err);
dyad_status dy_synset_member(dy_synset_reader *r, dy_phrase ph, const char *file, long line,
                             dyad_error *err);
/* Moves the open synset's members into b->alts (warns when it has none). */
dyad_status dy_synset_close(dy_build *b, dy_synset_reader *r, const char *file, long line,
                            dyad_error *err);

/* ---- verbs.c */
/* Adds verb phrase s[0..n) (TABARI syntax) with its code; main < 0 makes it a
 * root. *idx is its index or, for a duplicate (a warning, which says "its
 * patterns join the first" for a root when join_note), -2 - the first's root. */
dyad_status dy_add_verb(dy_build *b, const char *s, size_t n, const dy_vcode *code, int section,
                        long main, int join_note, const char *file, long line, dyad_error *err,
                        long *idx);

/* ---- readers: each parses the text buf[0..len) of one file; `file` is its
 * path, interned in the dictionary (load.c reads each file once). */
dyad_status dy_read_actors(dy_build *b, const char *file, const char *buf, size_t len,
                           dyad_error *err);
dyad_status dy_read_agents(dy_build *b, const char *file, const char *buf, size_t len,
                           dyad_error *err);
dyad_status dy_read_verbs(dy_build *b, const char *file, const char *buf, size_t len,
                          dyad_error *err);
dyad_status dy_read_options(dy_build *b, const char *file, const char *buf, size_t len,
                            dyad_error *err);
dyad_status dy_read_issues(dy_build *b, const char *file, const char *buf, size_t len,
                           dyad_error *err);
dyad_status dy_read_discards(dy_build *b, const char *file, const char *buf, size_t len,
                             dyad_error *err);

/* ---- index.c */
/* Builds d->index; takes over `codes` (the interned code set). */
dyad_status dy_index_build(struct dyad_dict *d, dy_strset *codes, dyad_error *err);
void dy_index_free(struct dy_index *ix);
/* The index's arrays, for the compiled format (dict/dyd.c). */
typedef struct dy_index_parts {
    void *nodes;               /* trie nodes, node_size bytes each */
    size_t n_nodes, node_size;
    dy_entry_ref *refs;
    size_t n_refs;
    dy_strset codes;           /* the interned codes */
} dy_index_parts;
void dy_index_get_parts(const struct dy_index *ix, dy_index_parts *out);
/* An index over arrays it does not own (a mapped .dyd): dy_index_free frees
 * only the index itself. NULL when node_size is not this build's. */
struct dy_index *dy_index_from_parts(const dy_index_parts *in);
/* Are the parts a trie a lookup can walk safely over dictionary d (children
 * and refs in range, refs naming entries that exist)? 1, or 0 with *why. */
int dy_index_check(const dy_index_parts *in, const struct dyad_dict *d, const char **why);

/* ---- small text helpers (load.c) */
/* Trims blanks (space, tab) and a trailing CR from both ends. */
void dy_trim(const char **s, size_t *n);
/* Cuts a comment: from the first ';' and, when hash_comments, the first '#'
 * that is outside [...] and preceded by a blank or at the start. */
size_t dy_cut_comment(const char *s, size_t n, int hash_comments);

#endif
