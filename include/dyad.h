/* dyad.h — the public API of libdyad, a political event coder (CAMEO).
 * Everything the `dyad` command does goes through the functions declared here. */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this header; dyad_libversion() gives the library's, which
 * differs when a program runs against another libdyad.so than it was built
 * with. The number is MAJOR * 1000000 + MINOR * 1000 + PATCH, as SQLite's. */
#define DYAD_VERSION "0.1.0"
#define DYAD_VERSION_NUMBER 1000

/* What libdyad exports: everything else in the library is hidden from
 * programs linking the shared library (built with -fvisibility=hidden). */
#if defined(__GNUC__) && __GNUC__ >= 4
#define DYAD_API __attribute__((visibility("default")))
#else
#define DYAD_API
#endif

DYAD_API const char *dyad_libversion(void);
DYAD_API int dyad_libversion_number(void);

/* ---------------------------------------------------------------- errors */

typedef enum dyad_status {
    DYAD_OK = 0,
    DYAD_ERR_IO,      /* a file could not be opened, read or written */
    DYAD_ERR_PARSE,   /* malformed input: dictionary line, record, JSON, date */
    DYAD_ERR_NOMEM,   /* an allocation failed */
    DYAD_ERR_ARG,     /* the caller passed something invalid */
    DYAD_ERR_LIMIT,   /* input exceeds a documented limit */
    DYAD_STOPPED      /* not an error: a callback of the caller asked to stop
                       * (a dyad_pipeline_run sink, dyad_io.h) */
} dyad_status;

/* Every failing call fills one of these. `where` names the file (or story id),
 * `line` the 1-based line (or sentence) in it, 0 when it does not apply. */
typedef struct dyad_error {
    dyad_status status;
    char where[256];
    long line;
    char message[512];
} dyad_error;

DYAD_API const char *dyad_status_name(dyad_status status);

/* ---------------------------------------------------------------- limits */

/* Bounds that keep memory and time in check whatever the input (see
 * docs/errors.md). Real news stays far below them; going over one is an
 * error naming the story or line (DYAD_ERR_LIMIT, or DYAD_ERR_PARSE for a
 * skipped input line), never a crash. Sentences longer than the coder's word
 * limit are cut and still coded (DYAD_SENTENCE_TOO_LONG). */
#define DYAD_MAX_STORY_BYTES (4L << 20)  /* text of one story: 4 MiB */
#define DYAD_MAX_SENTENCES   5000        /* sentences of one story */
#define DYAD_MAX_LINE_BYTES  (8L << 20)  /* one input line (a JSON Lines story): 8 MiB */

/* ---------------------------------------------------------- dictionaries */

/* Loaded dictionaries: actors, agents, verbs, options, discards. Immutable once
 * loaded; one dyad_dict may be shared by any number of coders and threads. */
typedef struct dyad_dict dyad_dict;

/* Loads a TABARI .project file, or every dictionary file of a directory
 * (by suffix: .actors, .agents, .verbs, .options, discards). */
DYAD_API dyad_status dyad_dict_load(const char *path, dyad_dict **out, dyad_error *err);
/* Loads dyad's own default dictionaries, built into the library (the files of
 * data/default/; errors name them "default/<file>"). */
DYAD_API dyad_status dyad_dict_load_default(dyad_dict **out, dyad_error *err);
DYAD_API void dyad_dict_free(dyad_dict *dict);

/* Writes the loaded dictionary to one compiled file (by convention FILE.dyd)
 * that dyad_dict_load reads into memory and uses without parsing. A .dyd made
 * by another version of dyad, or damaged, is refused with a clear error. */
DYAD_API dyad_status dyad_dict_save(const dyad_dict *dict, const char *path, dyad_error *err);

/* Non-fatal remarks made while loading (duplicate entries and the like),
 * one per line; empty string when there were none. */
DYAD_API const char *dyad_dict_warnings(const dyad_dict *dict);

/* A checksum of the dictionary's content as loaded (its compiled form): the
 * same files give the same number; an event store records it with each run. */
DYAD_API dyad_status dyad_dict_checksum(const dyad_dict *dict, unsigned long long *out, dyad_error *err);

/* The compiled-dictionary cache. Loading source dictionaries (a .project,
 * a folder, a PETR_config.ini) parses every file, about 100 ms for large
 * ones; the compiled form (.dyd) loads in a few. dyad_dict_load_cached keeps
 * that compiled form in cache_dir, one file per key: a checksum of the
 * content and name of every file the dictionary is built from (and of the
 * loader's own remarks about them), the path given, and this build of dyad
 * (version, .dyd format, loader code, Unicode tables). A later load with the
 * same key reads the compiled file instead of the sources; a changed file
 * gives a new key, so an entry is never stale. The cache can never make a
 * load fail or change its result:
 *   - a missing, damaged, truncated, foreign-owned, symlinked or otherwise
 *     untrusted entry, or one stamped with another key, is not used (the
 *     .dyd in it is checked whole, as any .dyd) and is rebuilt from the
 *     sources;
 *   - writing is atomic (a temporary renamed into place: concurrent loads
 *     of the same key are safe) and its failure (a read-only or full disk,
 *     a folder not ours) is only reported;
 *   - cache_dir is created mode 0700, entries 0600; a folder that is not
 *     the user's own, or that others may write, is not used.
 * After a new entry is written the folder keeps the DYAD_CACHE_KEEP most
 * recently used entries and none unused for DYAD_CACHE_MAX_DAYS days.
 * dyad_dict_load_cached reads no environment: the caller names the folder
 * (dyad_dict_cache_dir gives the usual one). */
#define DYAD_CACHE_KEEP     8
#define DYAD_CACHE_MAX_DAYS 30

typedef enum dyad_cache_use {
    DYAD_CACHE_NONE = 0,  /* not cached: no cache_dir, or path is a .dyd already */
    DYAD_CACHE_HIT,       /* read from the cache entry */
    DYAD_CACHE_STORED,    /* read from the sources; the entry written */
    DYAD_CACHE_FAILED     /* read from the sources; the cache could not be used */
} dyad_cache_use;

/* What the cache did for one load. `problem` says why when use is
 * DYAD_CACHE_FAILED, or why an entry was not trusted and rebuilt (use
 * DYAD_CACHE_STORED); its status is DYAD_OK when there is nothing to say. */
typedef struct dyad_cache_report {
    dyad_cache_use use;
    unsigned long long key;   /* the entry's key: its file is KEY.dyd (16 hex digits),
                                 a 16-byte stamp of the key, then the .dyd */
    dyad_error problem;
} dyad_cache_report;

/* dyad_dict_load through the cache in cache_dir (NULL: no cache, exactly
 * dyad_dict_load). Errors are those of dyad_dict_load, never the cache's;
 * report (may be NULL) says what the cache did. Thread-safe; any number of
 * processes may share one cache_dir. */
DYAD_API dyad_status dyad_dict_load_cached(const char *path, const char *cache_dir, dyad_dict **out,
                                  dyad_cache_report *report, dyad_error *err);

/* The usual cache folder, into buf: $XDG_CACHE_HOME/dyad, else
 * $HOME/.cache/dyad (relative values are ignored, as the XDG specification
 * asks). DYAD_ERR_ARG when neither is set, DYAD_ERR_LIMIT when buf is too
 * small. Reads the environment: call it from one thread, at start-up. */
DYAD_API dyad_status dyad_dict_cache_dir(char *buf, size_t size, dyad_error *err);

/* The entries in a cache folder and their bytes (a missing folder holds
 * none), and removing them all (*removed: how many; may be NULL). */
DYAD_API dyad_status dyad_dict_cache_stats(const char *cache_dir, size_t *entries,
                                  unsigned long long *bytes, dyad_error *err);
DYAD_API dyad_status dyad_dict_cache_clear(const char *cache_dir, size_t *removed, dyad_error *err);

/* Counts, for reports and tests. */
typedef struct dyad_dict_stats {
    size_t actors, agents, verbs, patterns, synsets, nouns, adjectives, discards;
} dyad_dict_stats;
DYAD_API void dyad_dict_get_stats(const dyad_dict *dict, dyad_dict_stats *out);

/* ----------------------------------------------------------------- coder */

/* A coder codes stories with one dictionary. It owns all scratch memory; use
 * one coder per thread. */
typedef struct dyad_coder dyad_coder;

DYAD_API dyad_status dyad_coder_new(const dyad_dict *dict, dyad_coder **out, dyad_error *err);
DYAD_API void dyad_coder_free(dyad_coder *coder);

/* Applies one line of .options syntax ("COMMA: OFF", "SET: CODE BY SENTENCE")
 * to this coder only; the dictionary's own options are untouched. */
DYAD_API dyad_status dyad_coder_set_option(dyad_coder *coder, const char *line, dyad_error *err);
/* Returns the coder to the dictionary's options. */
DYAD_API void dyad_coder_reset_options(dyad_coder *coder);

/* Syntax mode: code each sentence from its dependency tree, parsed with
 * model (a dyad_model, declared below; it must outlive the coder); NULL
 * returns to shallow coding from the words alone, TABARI's way. A sentence
 * whose input gives a parse (PETRARCH XML) is coded from that one either
 * way. docs/coding.md says what each mode does. */
struct dyad_model;
DYAD_API dyad_status dyad_coder_set_model(dyad_coder *coder, const struct dyad_model *model,
                                 dyad_error *err);

typedef struct dyad_story {
    const char *id;       /* story id; required */
    const char *source;   /* news source, or NULL */
    const char *url;      /* or NULL */
    int date;             /* YYYYMMDD */
    const char *text;     /* UTF-8, need not be NUL-terminated */
    size_t text_len;
    int one_sentence;     /* nonzero: code the text as a single sentence (TABARI records) */
    /* Sentences given by the input (PETRARCH XML), each with an optional Penn
     * Treebank parse; NULL to let dyad split the text itself. */
    const struct dyad_presplit *presplit;
    size_t n_presplit;
} dyad_story;

/* One sentence of a story as the input gave it. */
typedef struct dyad_presplit {
    size_t start, end;    /* byte range in the story text */
    const char *parse;    /* Treebank bracketing "(ROOT (S ...))", or NULL */
    size_t parse_len;
    const char *id;       /* the input's own sentence id ("AFP0808-01_3"), or NULL */
} dyad_presplit;

/* Byte range [start, end) in the story text. */
typedef struct dyad_span {
    size_t start, end;
} dyad_span;

/* Where an event happened: from "in Istanbul", "near Kharkiv",
 * "in northern Syria" in its sentence, looked up in dyad's own gazetteer. */
typedef enum dyad_place_precision {
    DYAD_PLACE_NONE = 0,     /* the sentence names no place dyad knows */
    DYAD_PLACE_COUNTRY,
    DYAD_PLACE_REGION,       /* first-level region, province, state */
    DYAD_PLACE_CITY
} dyad_place_precision;

typedef struct dyad_place {
    const char *name;        /* gazetteer name ("Istanbul"), NULL when none */
    const char *country;     /* ISO 3166 alpha-3, NULL when none */
    double lat, lon;         /* degrees (WGS84) */
    dyad_place_precision precision;
    dyad_span span;          /* the place words in the story text */
} dyad_place;

/* Where an event's date came from. Precedence: a TABARI <TIME> shift of the
 * dictionary, else a date the sentence names, else the story date. */
typedef enum dyad_date_origin {
    DYAD_DATE_STORY = 0,     /* the story date */
    DYAD_DATE_SENTENCE,      /* "on Thursday", "February 18", "yesterday"... */
    DYAD_DATE_SHIFT          /* a <TIME> phrase of the dictionary moved it */
} dyad_date_origin;

/* An actor code split into its parts: "USAGOVMIL" -> USA + GOVMIL,
 * "IGOUNO" -> IGO (not a country) + UNO, "~MOS" (agent only) -> "" + MOS. */
typedef struct dyad_actor_parts {
    char country[4];         /* first 3-letter group: ISO alpha-3 or IGO/NGO/...; "" */
    int is_country;          /* country is an ISO 3166 alpha-3 code */
    char agents[28];         /* the remaining 3-letter groups, concatenated */
} dyad_actor_parts;

typedef struct dyad_event {
    int sentence;          /* 1-based index of the sentence in the story */
    int date;              /* YYYYMMDD, after any time shift */
    int date_shift;        /* days the sentence shifted the story date by */
    const char *source;    /* actor code, e.g. "USAGOV" */
    const char *target;
    const char *code;      /* CAMEO event code, e.g. "042" */
    const char *attribution; /* or NULL */
    dyad_span source_span; /* where the source, target and verb were found */
    dyad_span target_span;
    dyad_span verb_span;
    const char *pattern;   /* the verb pattern that fired, as written in the dictionary */
    const char *pattern_where; /* its file */
    long pattern_line;     /* and line */

    /* What dyad adds to the event from its own tables (src/event/enrich.c).
     * Strings are static ("" when unknown), never NULL. */
    const char *code_name;     /* short CAMEO name ("Visit") */
    const char *root_code;     /* cue category, "04" */
    int quad_class;            /* GDELT: 1 verbal coop., 2 material coop., 3 verbal
                                * conflict, 4 material conflict; 0 unknown code */
    int quad_phoenix;          /* Phoenix: 0 neutral .. 4 material conflict; -1 unknown */
    double goldstein;          /* Goldstein score, -10..10 */
    int has_goldstein;         /* 0 for an unknown code */
    const char *plover_type;   /* PLOVER event type ("CONSULT"), "" when none */
    const char *plover_mode;   /* PLOVER mode ("visit"), often "" */
    const char *plover_context;/* PLOVER context ("diplomatic"), often "" */
    dyad_actor_parts source_parts, target_parts;
    dyad_place place;          /* precision DYAD_PLACE_NONE when none */
    dyad_date_origin date_origin;
    dyad_span date_span;       /* the date words when date_origin != STORY */
    const char *issues;        /* issue codes of the sentence (IssueCoding files),
                                * space-separated; NULL when none */
} dyad_event;

typedef enum dyad_sentence_status {
    DYAD_SENTENCE_CODED = 0,  /* produced at least one event */
    DYAD_SENTENCE_NO_EVENT,   /* coded, nothing found */
    DYAD_SENTENCE_DISCARD,    /* a discard phrase [###] was found */
    DYAD_SENTENCE_COMPLEX,    /* a complex phrase [+++] or a COMPLEX: condition */
    DYAD_SENTENCE_TOO_SHORT,  /* fewer words than SET: MINIMUM WORDS */
    DYAD_SENTENCE_TOO_LONG    /* truncated at the per-sentence word limit, still coded */
} dyad_sentence_status;

typedef struct dyad_sentence {
    dyad_span span;
    dyad_sentence_status status;
    const char *reason;    /* why it was discarded or complex; NULL otherwise */
} dyad_sentence;

/* The result of coding one story. Memory belongs to the coder and stays valid
 * until the next call that codes with it. Read its events and sentences
 * with dyad_result_event and dyad_result_sentence, not as events[i]: a later
 * library may append fields to dyad_event and dyad_sentence, and the
 * accessors step by the size the library built them with. */
typedef struct dyad_result {
    const dyad_event *events;
    size_t n_events;
    const dyad_sentence *sentences;
    size_t n_sentences;
    int discarded;         /* the whole story was discarded */
    int not_english;       /* the text does not look like English (few common English
                              words, or mostly another script): dyad's dictionaries and
                              parser read English, so expect no events from it */
    size_t event_size;     /* sizeof(dyad_event) in the library that filled it; 0: this one */
    size_t sentence_size;  /* sizeof(dyad_sentence) likewise */
} dyad_result;

static inline const dyad_event *dyad_result_event(const dyad_result *r, size_t i)
{
    size_t size = r->event_size ? r->event_size : sizeof(dyad_event);
    return (const dyad_event *)(const void *)((const char *)r->events + i * size);
}

static inline const dyad_sentence *dyad_result_sentence(const dyad_result *r, size_t i)
{
    size_t size = r->sentence_size ? r->sentence_size : sizeof(dyad_sentence);
    return (const dyad_sentence *)(const void *)((const char *)r->sentences + i * size);
}

DYAD_API dyad_status dyad_code(dyad_coder *coder, const dyad_story *story,
                      dyad_result *out, dyad_error *err);

/* Codes the story and describes what the coder saw: sentences, tokens, matched
 * actors, agents and verbs, clauses, the pattern that fired, the events.
 * *out_text is allocated with malloc; the caller frees it. */
DYAD_API dyad_status dyad_explain(dyad_coder *coder, const dyad_story *story,
                         char **out_text, dyad_error *err);

/* ----------------------------------------------------------- CAMEO codes */

/* One code of dyad's CAMEO table (`dyad codes`): a versioned struct. The
 * caller sets size first (`dyad_cameo_info c = {.size = sizeof c};`); the library
 * fills the fields that size covers, so fields added at the end later
 * never write past an older program's struct. */
typedef struct dyad_cameo_info {
    size_t size;
    const char *code;          /* "042" */
    const char *name;          /* short name in dyad's own words ("Visit") */
    int quad_gdelt;            /* 1..4, 0 when not under a CAMEO root */
    int quad_phoenix;          /* 0..4, -1 when not under a CAMEO root */
    double goldstein;          /* -10..10 */
    const char *plover_type, *plover_mode, *plover_context;  /* "" when none */
} dyad_cameo_info;

/* The codes in the table, and the i-th (0-based, in code order; strings
 * static). DYAD_ERR_ARG when i is past the end or size is too small. */
DYAD_API size_t dyad_cameo_count(void);
DYAD_API dyad_status dyad_cameo_get(size_t i, dyad_cameo_info *out, dyad_error *err);

/* ---------------------------------------------------------------- output */

/* The event formats of `dyad code --out` (docs/formats.md). */
typedef enum dyad_format {
    DYAD_FORMAT_TSV = 1,
    DYAD_FORMAT_JSONL,
    DYAD_FORMAT_CSV,
    DYAD_FORMAT_PETRARCH,
    DYAD_FORMAT_TABARI,
    DYAD_FORMAT_GDELT
} dyad_format;

/* "tsv", "jsonl", "csv", "petrarch", "tabari", "gdelt" -> *out; DYAD_ERR_ARG
 * (err names the formats) for any other name. */
DYAD_API dyad_status dyad_format_parse(const char *name, dyad_format *out, dyad_error *err);

/* A formatter turns a story's coded result into the lines `dyad code` writes.
 * It keeps its own scratch memory: one per thread. */
typedef struct dyad_formatter dyad_formatter;

/* Choices of a formatter (dyad_formatter_set); every one is 0 by default. */
typedef enum dyad_format_option {
    DYAD_FORMAT_QUAD_PHOENIX = 1,  /* Phoenix's quad class numbers, not GDELT's (--quad) */
    DYAD_FORMAT_WITH_TEXT          /* petrarch, tabari: the text columns (--text) */
} dyad_format_option;

DYAD_API dyad_status dyad_formatter_new(dyad_format format, dyad_formatter **out,
                                        dyad_error *err);
DYAD_API dyad_status dyad_formatter_set(dyad_formatter *f, dyad_format_option option,
                                        int value, dyad_error *err);
DYAD_API void dyad_formatter_free(dyad_formatter *f);
/* The format's header line with its newline (TSV, CSV, GDELT), else "". */
DYAD_API const char *dyad_formatter_header(dyad_formatter *f);
/* The lines of a story's events, as `dyad code` writes them: identical
 * events (same date, source, target, code) once, with their number and the
 * ids of their sentences. *text (*len bytes, NUL-terminated, *lines lines)
 * lives until the next call on f; "" when the story has no event. */
DYAD_API dyad_status dyad_format_story(dyad_formatter *f, const dyad_story *story,
                                       const dyad_result *result, const char **text,
                                       size_t *len, size_t *lines, dyad_error *err);

/* ----------------------------------------------------------- event store */

/* An SQLite database of stories and their events (docs/store.md): every
 * field of the JSON Lines output, the event's stable id, and the run that
 * coded it. Storing a story again replaces its events, so re-running a feed
 * never duplicates; stories are committed in batches (WAL journal), so a
 * killed run loses at most the batch it was writing, and running it again
 * ends with the database a clean run gives. One writer at a time, and a
 * handle is used by one thread at a time (SQLite's own locking of the
 * connection is off). */
typedef struct dyad_store dyad_store;

/* What the run records about itself (any field may be NULL). */
typedef struct dyad_store_run {
    const char *dict;                 /* what the dictionaries were loaded from */
    unsigned long long dict_checksum; /* dyad_dict_checksum */
    const char *mode;                 /* "syntax" or "shallow" */
    const char *command;              /* the command line, for the record */
} dyad_store_run;

/* Opens (creating it when missing) the store at path and records the run.
 * A file that is not a dyad store, or one of another schema version, is
 * refused with a message saying what to do. */
DYAD_API dyad_status dyad_store_open(const char *path, const dyad_store_run *run, dyad_store **out,
                            dyad_error *err);
/* Stores a coded story: its row, and its events (identical ones folded into
 * one with a count, as the writers do) in place of any it had. */
DYAD_API dyad_status dyad_store_put(dyad_store *store, const dyad_story *story,
                           const dyad_result *result, dyad_error *err);
/* Commits the stories stored so far (the store also commits every few
 * thousand stories on its own); a live feed calls it when input pauses. */
DYAD_API dyad_status dyad_store_commit(dyad_store *store, dyad_error *err);
/* Commits and closes; NULL is a no-op. An error here means the last batch
 * may not be on disk. A store that had no story when opened gets its
 * indexes here, sorted once (docs/store.md, "Speed"). */
DYAD_API dyad_status dyad_store_close(dyad_store *store, dyad_error *err);
/* Stories and events stored by this handle so far. */
DYAD_API long dyad_store_stories(const dyad_store *store);
DYAD_API long dyad_store_events(const dyad_store *store);

/* Event counts by period (docs/store.md, "Series"): from an event store, or
 * from an events file written by dyad code (--out jsonl or tsv). Every
 * period from the first to the last (or --from/--to) is reported, with
 * zeros where nothing happened, in long format: one row per period (and
 * group). Events without a date are left out and counted. */
typedef enum dyad_period {
    DYAD_BY_DAY, DYAD_BY_WEEK, DYAD_BY_MONTH, DYAD_BY_QUARTER, DYAD_BY_YEAR
} dyad_period;
typedef enum dyad_series_group {
    DYAD_GROUP_NONE, DYAD_GROUP_ROOT, DYAD_GROUP_QUAD, DYAD_GROUP_PLOVER
} dyad_series_group;
typedef enum dyad_measure {
    DYAD_MEASURE_COUNT, DYAD_MEASURE_GOLDSTEIN_SUM, DYAD_MEASURE_GOLDSTEIN_MEAN
} dyad_measure;

typedef struct dyad_series_query {
    dyad_period by;
    const char *source;      /* a country (3 letters) or a full actor code; NULL any */
    const char *target;
    int undirected;          /* source and target in either direction */
    dyad_series_group group;
    dyad_measure measure;
    int from, to;            /* YYYYMMDD, inclusive; 0 for the data's own range */
} dyad_series_query;

/* One row: the period's label (2026-11-30, 2026-W as its Monday's date,
 * 2026-11, 2026-Q4, 2026), the group ("" without one), the measure (NAN for
 * a mean over no event) and the events counted. Return nonzero to stop. */
typedef int (*dyad_series_fn)(void *ctx, const char *period, const char *group, double value,
                              long events);

typedef struct dyad_series_info {
    long events;             /* events counted in the rows */
    long undated;            /* matching events left out for want of a date */
} dyad_series_info;

DYAD_API dyad_status dyad_series(const char *path, const dyad_series_query *q, dyad_series_fn fn,
                        void *ctx, dyad_series_info *info, dyad_error *err);

/* The series as one self-contained SVG picture (malloc'd into *out_svg):
 * events by period stacked by quad class, the mean Goldstein score as a
 * line, dated axes, legend, title (q->group and q->measure are ignored). */
DYAD_API dyad_status dyad_plot_svg(const char *path, const dyad_series_query *q, const char *title,
                          char **out_svg, dyad_error *err);

/* One self-contained HTML page about an event store (docs/store.md,
 * "Report"): totals, the busiest dyads, event types, monthly charts, a map
 * of the event places, sample events with their sentences. No script and
 * nothing fetched from the network. Written whole to out_path (a temporary
 * file renamed over it). */
DYAD_API dyad_status dyad_report_html(const char *db_path, const char *out_path, dyad_error *err);

/* ---------------------------------------------------------------- syntax */

/* A trained syntax model (docs/syntax.md): part-of-speech tagger,
 * lemmatiser and dependency parser, with its tag and relation names and
 * metadata. Immutable once loaded; one model may be shared by any number
 * of parsers and threads. */
typedef struct dyad_model dyad_model;

/* Loads a model file (.dym). A file of another format version, damaged or
 * crafted, is refused with a message saying why. */
DYAD_API dyad_status dyad_model_load(const char *path, dyad_model **out, dyad_error *err);
/* The English model built into libdyad (trained on Universal Dependencies
 * EWT and GUM; its licence and attribution are in data/model/README.md). */
DYAD_API dyad_status dyad_model_load_default(dyad_model **out, dyad_error *err);
DYAD_API void dyad_model_free(dyad_model *model);
/* A metadata value of the model ("name", "version", "trained_on",
 * "licence", "accuracy"...) copied into buf; NULL when it has none. */
DYAD_API const char *dyad_model_info(const dyad_model *model, const char *key, char *buf, size_t cap);

/* One syntactic word of a parsed sentence: the columns of CoNLL-U. */
typedef struct dyad_word {
    const char *form;       /* as written (NUL-terminated) */
    const char *lemma;      /* NUL-terminated */
    const char *upos;       /* universal tag, "NOUN" */
    const char *xpos;       /* Penn Treebank tag, "NNS" */
    const char *deprel;     /* UD v2 relation, "nsubj:pass"; "root" for the root */
    int head;               /* 0 for the root, else the 1-based index of the
                             * head word in the sentence */
    dyad_span span;         /* the word's bytes in the text parsed */
    int space_after;        /* 0 when no blank follows it (SpaceAfter=No) */
    int mwt;                /* 0, or the number of words (2 or more) of the
                             * multiword token this word opens ("do" of
                             * "don't"): that token is the text from this
                             * word's start to the last word's end */
} dyad_word;

typedef struct dyad_parsed {
    const dyad_word *words;
    size_t n_words;
    dyad_span span;         /* the sentence in the text parsed */
} dyad_parsed;

/* The sentences of one text. Memory belongs to the parser and stays valid
 * until its next parse. */
typedef struct dyad_parse_result {
    const dyad_parsed *sentences;
    size_t n_sentences;
} dyad_parse_result;

/* A parser tags, lemmatises and parses with one model. It owns its scratch
 * memory: use one parser per thread. */
typedef struct dyad_parser dyad_parser;

DYAD_API dyad_status dyad_parser_new(const dyad_model *model, dyad_parser **out, dyad_error *err);
DYAD_API void dyad_parser_free(dyad_parser *parser);

/* Splits text (UTF-8, need not be NUL-terminated) into sentences and words
 * (English Web Treebank conventions: "don't" is "do" "n't") and parses each
 * sentence. one_sentence: the text is known to be one sentence. Sentences
 * longer than DYAD_MAX_SENTENCE_WORDS words are cut into pieces. */
DYAD_API dyad_status dyad_parse_text(dyad_parser *parser, const char *text, size_t len,
                            int one_sentence, dyad_parse_result *out, dyad_error *err);

/* Parses one sentence given as words (a CoNLL-U sentence, a tokenizer of
 * your own): words[i] of lens[i] bytes. The spans refer to the words
 * joined by single blanks. More than DYAD_MAX_SENTENCE_WORDS words is
 * DYAD_ERR_LIMIT. */
DYAD_API dyad_status dyad_parse_words(dyad_parser *parser, const char *const *words,
                             const size_t *lens, size_t n, dyad_parse_result *out,
                             dyad_error *err);

#define DYAD_MAX_SENTENCE_WORDS 500

/* Training a model from Universal Dependencies treebanks (`dyad train`,
 * `make model`). The same files and options give the same model bytes. */
typedef struct dyad_train_options {
    const char *const *train_files;  /* CoNLL-U, gzip'd or plain */
    size_t n_train;
    const char *const *dev_files;    /* scored after training, for the metadata */
    size_t n_dev;
    int tagger_epochs;               /* 0: 10 */
    int parser_epochs;               /* 0: 12 */
    int folds;                       /* jackknife folds tagging the parser's
                                      * training data; 0: 5 */
    int threads;                     /* 0: 2 */
    unsigned long seed;              /* 0: a fixed default */
    const char *meta;                /* extra metadata, "key = value" lines */
    void (*progress)(void *ctx, const char *message);  /* or NULL */
    void *progress_ctx;
} dyad_train_options;

DYAD_API dyad_status dyad_model_train(const dyad_train_options *options, const char *path,
                             dyad_error *err);

/* ----------------------------------------------------------------- dates */

/* Parses "YYYY-MM-DD", "YYYYMMDD" or TABARI's "YYMMDD" (years 00-30 are
 * 2000-2030) into YYYYMMDD; returns 0 when invalid. An ISO 8601 timestamp
 * ("2024-02-01T10:00:00Z", "2024-02-01 10:00:00.5", "2024-02-01T10:00+05:30")
 * gives its calendar date as written: a zone offset does not move the day. */
DYAD_API int dyad_parse_date(const char *s, size_t len);

#ifdef __cplusplus
}
#endif
#endif
