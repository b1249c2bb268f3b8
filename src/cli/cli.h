/* cli.h — what the dyad subcommands share: error printing, option parsing,
 * finding and loading the dictionary. Only src/cli prints or exits. */
#ifndef DY_CLI_H
#define DY_CLI_H

#include <stdio.h>

#include "dyad.h"
#include "dyad_io.h"

/* Exit statuses, documented in `dyad --help`, docs/errors.md and dyad.1:
 * CLI_SKIPPED when `dyad code` ran to the end but skipped some stories. */
enum { CLI_OK = 0, CLI_ERROR = 1, CLI_USAGE = 2, CLI_SKIPPED = 3 };

/* Prints "dyad: WHERE:LINE: message" (parts omitted when empty) to stderr. */
void cli_report(const dyad_error *err);
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
/* Prints "dyad: message" to stderr. */
void cli_errorf(const char *fmt, ...);
#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
/* Fills e for cli_report (or a rejects line): status, where, line, message. */
void cli_error_fill(dyad_error *e, dyad_status status, const char *where, long line,
                    const char *fmt, ...);
/* Prints a usage complaint and the command's synopsis; returns CLI_USAGE. */
int cli_usage(const char *cmd, const char *complaint, const char *arg);
/* The same for a value not among the choices: "complaint: arg (want choices)". */
int cli_usage_choice(const char *cmd, const char *complaint, const char *arg,
                     const char *choices);

/* Matches argv[*i] against --name / --name=VALUE / --name VALUE. Returns 1
 * and sets *val on a match (advancing *i past a separate value), -1 when the
 * value is missing, 0 when argv[*i] is another argument. */
int cli_opt_value(int argc, char **argv, int *i, const char *name, const char **val);

/* The dictionary to use: the --dict value, else $DYAD_DICT, else NULL for
 * the default dictionaries built into libdyad. */
const char *cli_dict_path(const char *opt);
/* Loads it; on failure prints the error and returns NULL. The loader's
 * remarks (a duplicate entry, a date block dropped) go to stderr: all of
 * them when there are three or fewer, else the first and how many more.
 * Source dictionaries go through the compiled-dictionary cache
 * (dyad_dict_load_cached, in dyad_dict_cache_dir) unless use_cache is 0
 * (--no-cache) or $DYAD_NO_CACHE is set to anything but "" or "0"; a cache
 * that cannot be used is one warning, never an error. */
dyad_dict *cli_load_dict(const char *opt, int use_cache);
/* Is the cache turned off by $DYAD_NO_CACHE? */
int cli_cache_disabled(void);
/* The same without the loader's remarks on stderr (dyad dict check). */
dyad_dict *cli_load_dict_quiet(const char *opt);

/* Parses --date (YYYY-MM-DD or YYYYMMDD); prints and returns 0 when bad. */
int cli_parse_date(const char *s);

/* Is the output file `path` (given by option `what`) one of the inputs
 * (same device and inode, whatever the names)? Then opening it for writing
 * would empty the input before it is read: the error is printed and 1
 * returned. Standard input counts too. */
int cli_output_is_input(const char *path, const char *what, char *const *inputs, int n);

/* Online processors; 1 when the system will not say. */
int cli_cores(void);
/* -j N, -jN, --jobs N, --jobs=N: worker threads (0: one per core).
 * Returns 1 on a match, -1 when the number is missing or bad, 0 otherwise. */
int cli_jobs_opt(int argc, char **argv, int *i, int *jobs);

/* The syntax model to use: --model, else $DYAD_MODEL, else the one built
 * in. On failure prints the error and returns NULL. */
dyad_model *cli_load_model(const char *opt);

/* Prints the help of cmd (NULL: general help) to out; 0 when cmd is unknown. */
int cli_help(const char *cmd, FILE *out);

/* `dyad validate FILE.xml`: a PETRARCH validation file (cmd_validate_petrarch.c). */
typedef struct cli_petr_opts {
    const char *dict;        /* --dict, else the file's <Environment> */
    const char *only;        /* --only ID */
    int verbose;             /* --verbose */
    int no_parse;            /* --no-parse: code the text, ignore the Treebank parses */
    int no_cache;            /* --no-cache: read the dictionaries' sources */
} cli_petr_opts;
int cli_validate_petrarch(const char *path, const cli_petr_opts *o);

/* What both kinds of validation print (validate_common.c). */
/* The coder's explanation of story (`--only ID`). */
void cli_print_explanation(dyad_coder *coder, const dyad_story *story);
/* " {SRC/TGT/CODE}..." of r ({---} when none), a missing actor written
 * no_actor, each event's date when dates, then {###} and, when complex, {+++}. */
void cli_print_got(const dyad_result *r, const char *no_actor, int dates, int complex);
/* Applies an option line; a bad one is reported as FILE:LINE and ignored. */
void cli_set_option(dyad_coder *coder, const char *option, const char *file, long line);
/* Prints "N passed, N failed"; returns the exit status (CLI_ERROR, with a
 * message instead, when --only ID matched no record). */
int cli_validate_totals(int passed, int failed, const char *only, const char *path);

int cmd_code(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_codes(int argc, char **argv);
int cmd_dict(int argc, char **argv);
/* Writes data to path whole (a temporary file renamed over it, as every
 * file dyad writes); reports and returns 0 on failure. */
int cli_write_file(const char *path, const void *data, size_t len);

int cmd_series(int argc, char **argv);
int cmd_plot(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_train(int argc, char **argv);

/* SIGINT and SIGTERM (cli/interrupt.c): from begin to end, the first one
 * requests a stop (give the request to the reader, dyad_reader_set_cancel),
 * a second one kills. end restores the handlers and returns the signal
 * that came (0: none); cli_interrupted tells it during the run. An
 * interrupted command exits with 128 + the signal's number, as a shell
 * reports a process the signal killed. */
const dyad_cancel *cli_interrupt_begin(void);
int cli_interrupt_end(void);
int cli_interrupted(void);

#endif
