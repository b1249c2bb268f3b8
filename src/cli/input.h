/* input.h — what the commands that read stories share: the JSON Lines
 * member options, opening an input in its format, walking a folder given. */
#ifndef DY_CLI_INPUT_H
#define DY_CLI_INPUT_H

#include <stdio.h>
#include <sys/types.h>

#include "dyad_io.h"

typedef struct cli_input {
    dyad_input in;            /* --in, else DYAD_INPUT_AUTO: the name, else the first bytes */
    const char *fields[4];    /* --id-field, --text-field, --date-field, --title-field
                               * (a dyad_jsonl_member - 1), NULL when not given */
    int recursive;            /* -r: sub-folders of a folder given are coded too */
    int no_records;           /* the command reads no TABARI or PETRARCH input: a
                               * stream that looks like them is read as text */
    int n_out;                /* the regular files the run writes (cli_input_output) */
    dev_t out_dev[2];
    ino_t out_ino[2];
    const dyad_cancel *cancel; /* SIGINT/SIGTERM (cli_interrupt_begin), or NULL */
} cli_input;

void cli_input_init(cli_input *ci);

/* f is written by the run (stdout, --rejects): when it is a regular file,
 * an input that is the same file is refused ("input file is also the
 * output"), since reading it would read the run's own output as it grows
 * (`dyad code -r news/ >news/events.tsv`). */
void cli_input_output(cli_input *ci, FILE *f);

/* Matches argv[*i] against --id-field, --text-field, --date-field and
 * --title-field. 1 on a match, 0 for another argument, -1 after printing a
 * usage complaint (a missing or empty value). */
int cli_input_field_opt(cli_input *ci, const char *cmd, int argc, char **argv, int *i);

/* Opens path ("-": standard input, named "stdin") and returns a reader of
 * it with date as its --date, its stream in *f. The format is ci->in, else
 * the file name's (dyad_input_detect), else the first bytes
 * (dyad_reader_sniff), which is said on stderr. NULL after printing why
 * not (it cannot be opened or read). */
dyad_reader *cli_input_open(const cli_input *ci, const char *path, int date, FILE **f);
void cli_input_close(dyad_reader *rd, FILE *f);

/* Calls fn(ctx, file) on path, or, when path is a folder, on each regular
 * file in it (sorted by name, hidden ones left out; with ci->recursive its
 * sub-folders' too, depth-first), saying on stderr what was left out.
 * Returns 0 as soon as fn does (stop), else 1; *failed is set when an entry
 * could not be read. */
int cli_input_each(const cli_input *ci, const char *path, int (*fn)(void *ctx, const char *file),
                   void *ctx, int *failed);

#endif
