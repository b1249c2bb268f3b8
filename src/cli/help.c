/* help.c — the text of `dyad --help` and `dyad help CMD`.
 * Kept in one place so the README and the binary say the same thing. */
#include <string.h>

#include "cli.h"

static const char general[] =
    "usage: dyad <command> [options] [args]\n"
    "\n"
    "dyad codes news text into political event data (CAMEO).\n"
    "\n"
    "commands:\n"
    "  code       code stories into events (TSV or JSON Lines)\n"
    "  validate   run a TABARI validation project and count passing records\n"
    "  explain    show how one sentence or story is coded\n"
    "  help CMD   show the help of a command\n"
    "\n"
    "  --help     this text\n"
    "  --version  print the version\n"
    "\n"
    "The dictionary is the --dict option, else $DYAD_DICT, else the starter\n"
    "dictionary data/default/default.project.\n"
    "\n"
    "exit status: 0 success; 1 an error (unreadable file, bad dictionary, bad\n"
    "input) or, for validate, a failing record; 2 bad usage.\n";

static const char code_help[] =
    "usage: dyad code [--dict PROJECT_OR_DIR] [--in text|jsonl|tabari|lines]\n"
    "                 [--out tsv|jsonl] [--date YYYY-MM-DD] [FILE...]\n"
    "\n"
    "Codes stories and writes one line per event to standard output.\n"
    "FILE '-' or no FILE reads standard input.\n"
    "\n"
    "input formats (--in; else from the file name: .jsonl/.json -> jsonl,\n"
    ".text/.tabari/.records -> tabari, anything else -> text):\n"
    "  text    the whole file is one story; id = file name; needs --date\n"
    "  jsonl   one story per line: {\"id\",\"date\",\"text\",\"source\"?,\"url\"?},\n"
    "          date YYYY-MM-DD or YYYYMMDD; bad lines are reported and skipped\n"
    "  tabari  TABARI records: 'YYMMDD ID' line, text lines, blank line; each\n"
    "          record is coded as one sentence; /* comments */ are removed\n"
    "  lines   one sentence per line, id = FILE:LINE; date from --date, else 0\n"
    "\n"
    "output formats (--out, default tsv): tsv has a header line; both give\n"
    "story_id, sentence, date, source, target, code, the source/target/verb\n"
    "text with byte offsets in the story, the pattern, story source and url.\n"
    "\n"
    "A summary line (stories, sentences, coded, skipped by reason, events)\n"
    "goes to standard error.\n";

static const char validate_help[] =
    "usage: dyad validate [--all] [--verbose] [--only ID] PROJECT\n"
    "\n"
    "Runs a TABARI validation project: loads its dictionaries, reads its\n"
    "<textfile> records and compares the events coded from each record with\n"
    "the { SOURCE / TARGET / CODE } expectations in its comment ({---} no\n"
    "events, {###} discard, {+++} complex, -{ stop checking, { OPTION: ... }\n"
    "changes an option for the records that follow).\n"
    "\n"
    "Prints one line per failing record and, last, 'N passed, N failed'.\n"
    "  --all       go on past the record FINAL-01 (the end of the standard set)\n"
    "  --verbose   also print the passing records\n"
    "  --only ID   run only record ID, with the coder's explanation\n";

static const char explain_help[] =
    "usage: dyad explain [--dict PROJECT_OR_DIR] [--date YYYY-MM-DD] [TEXT|FILE|-]\n"
    "\n"
    "Codes TEXT (or the contents of FILE, or standard input) as one story and\n"
    "prints what the coder saw: sentences, tokens, matched actors, agents and\n"
    "verbs, the pattern that fired and the events. Without --date the story\n"
    "has no date (date-restricted codes use their undated form).\n";

int cli_help(const char *cmd, FILE *out)
{
    const char *text = NULL;
    if (!cmd)
        text = general;
    else if (!strcmp(cmd, "code"))
        text = code_help;
    else if (!strcmp(cmd, "validate"))
        text = validate_help;
    else if (!strcmp(cmd, "explain"))
        text = explain_help;
    if (!text)
        return 0;
    if (out)
        fputs(text, out);
    return 1;
}
