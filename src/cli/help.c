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
    "  code          code stories into events (TSV, CSV, JSON Lines, PETRARCH,\n"
    "                TABARI or GDELT columns)\n"
    "  parse         tag, lemmatise and parse text into CoNLL-U (Universal\n"
    "                Dependencies) with dyad's own model\n"
    "  validate      run a TABARI validation project (or a PETRARCH .xml file)\n"
    "  explain       show how one sentence or story is coded\n"
    "  series        events by day, week, month, quarter or year, for a dyad,\n"
    "                from an event store (code --db) or an events file\n"
    "  plot          the same as an SVG chart (quad classes, Goldstein line)\n"
    "  report        one self-contained HTML page about an event store\n"
    "  codes         print the CAMEO code table (names, quads, Goldstein, PLOVER)\n"
    "  dict compile  compile dictionaries into one .dyd file that loads instantly\n"
    "  dict check    list what the loader remarked on in dictionaries\n"
    "  dict cache    where compiled dictionaries are cached; --clear empties it\n"
    "  train         train a syntax model from UD treebanks (make model)\n"
    "  help CMD      show every option of a command (also: dyad CMD --help)\n"
    "\n"
    "  -h, --help    this text\n"
    "  -V, --version print the version\n"
    "\n"
    "The dictionary (--dict DICT) is a TABARI .project, a folder of dictionary\n"
    "files, a PETRARCH PETR_config.ini or a compiled .dyd file, for every\n"
    "command that takes one; without --dict, $DYAD_DICT; else the starter\n"
    "dictionaries compiled into the dyad binary (made from data/default/ in\n"
    "the sources; `make install` also copies them to share/dyad/default).\n"
    "Source dictionaries are compiled once: the compiled form is kept in\n"
    "$XDG_CACHE_HOME/dyad (else ~/.cache/dyad), keyed by the content of\n"
    "every file, and read on later runs; --no-cache or DYAD_NO_CACHE=1 reads\n"
    "the sources every time (docs/dictionaries.md, \"The cache\").\n"
    "The syntax model is the --model option, else $DYAD_MODEL, else the English\n"
    "model built into dyad (data/model/en.dym; docs/syntax.md).\n"
    "A DATE is YYYY-MM-DD, YYYYMMDD or an ISO 8601 timestamp (its date as\n"
    "written: 2026-05-01T22:15:00-04:00 is 2026-05-01).\n"
    "\n"
    "exit status: 0 success; 1 an error (unreadable file, bad dictionary,\n"
    "write error), for validate a failing record, for codes no match; 2 bad\n"
    "usage; 3 (code) the run finished but skipped some stories (bad input:\n"
    "see docs/errors.md).\n";

static const char code_help[] =
    "usage: dyad code [--dict DICT] [--no-cache] [--mode syntax|shallow]\n"
    "                 [--model FILE.dym] [--in text|jsonl|tabari|lines|petrarch]\n"
    "                 [--id-field NAME] [--text-field NAME] [--date-field NAME]\n"
    "                 [--title-field NAME]\n"
    "                 [--out tsv|csv|jsonl|petrarch|tabari|gdelt] [--quad gdelt|phoenix]\n"
    "                 [--one-a-day] [--text] [--date DATE] [-j N] [-r]\n"
    "                 [--on-error skip|stop] [--rejects FILE] [--db FILE]\n"
    "                 [--progress|--no-progress]\n"
    "                 [FILE|FOLDER...]\n"
    "\n"
    "Codes stories and writes one line per event to standard output.\n"
    "FILE '-' or no FILE reads standard input. A FOLDER's regular files are\n"
    "read in the byte order of their names, hidden ones (.name) left out.\n"
    "-r, --recursive also read its sub-folders, depth-first (symbolic links\n"
    "                to folders are not followed); without it they are\n"
    "                named as not entered\n"
    "--dict DICT     a TABARI .project, a folder of dictionary files, a\n"
    "                PETRARCH PETR_config.ini or a compiled .dyd file\n"
    "                (default: $DYAD_DICT, else the built-in dictionaries);\n"
    "                source files are compiled once and cached in\n"
    "                $XDG_CACHE_HOME/dyad (else ~/.cache/dyad)\n"
    "--no-cache      read the source dictionaries, neither reading nor\n"
    "                writing the cache (also: DYAD_NO_CACHE=1)\n"
    "--date DATE     the date of stories that give none (YYYY-MM-DD,\n"
    "                YYYYMMDD or an ISO 8601 timestamp): text input needs\n"
    "                it, jsonl and lines use it\n"
    "--mode syntax   (the default) TABARI's coder helped by dyad's own parse:\n"
    "                a lead phrase before a comma no longer cancels the main\n"
    "                clause (docs/coding.md, \"Modes\")\n"
    "--mode shallow  TABARI's coder alone, from the words (faster)\n"
    "--model FILE    the syntax model (default: $DYAD_MODEL, else built in)\n"
    "\n"
    "input formats (--in; else from the file name: .jsonl/.json -> jsonl,\n"
    ".text/.tabari/.records -> tabari, .xml -> petrarch, .txt -> text;\n"
    "stdin and other names by the first bytes, said on stderr: '{' jsonl,\n"
    "'<' petrarch, a first line 'YYMMDD ID' tabari, anything else text):\n"
    "  text    the whole file is one story; id = file name; needs --date\n"
    "  jsonl   one story per line: {\"id\",\"date\",\"text\",\"source\"?,\"url\"?},\n"
    "          date YYYY-MM-DD, YYYYMMDD or an ISO 8601 timestamp (the day as\n"
    "          written: an offset does not move it); bad lines are reported\n"
    "          and skipped\n"
    "  tabari  TABARI records: 'YYMMDD ID' line, text lines, blank line; each\n"
    "          record is coded as one sentence; /* comments */ are removed\n"
    "  lines   one sentence per line, id = FILE:LINE; date from --date, else\n"
    "          none (the date and date_origin fields are then empty)\n"
    "  petrarch  PETRARCH XML: <Sentence date= id= source=><Text>..</Text>\n"
    "          <Parse>(ROOT ..)</Parse></Sentence>; sentences whose ids share\n"
    "          the part before the last '_' form one story; a parse, when\n"
    "          given, is used for coding (docs/petrarch.md)\n"
    "--id-field NAME, --text-field NAME, --date-field NAME\n"
    "                jsonl: read the story's id, text or date from member NAME\n"
    "                (\"url\", \"body\", \"published\") instead\n"
    "--title-field NAME  jsonl: the story is member NAME (a headline), a blank\n"
    "                line, then the text (offsets count them)\n";

/* Split in two: C11 compilers need only take string literals of 4095 bytes. */
static const char code_help_2[] =
    "\n"
    "output formats (--out, default tsv; docs/formats.md documents each field):\n"
    "  tsv, csv  a header line, then story_id, sentence, date, source, target,\n"
    "            code, source/target/verb text with byte offsets, pattern, story\n"
    "            source and url, then date origin, code name, root, quad class,\n"
    "            Goldstein, PLOVER, actor countries and agents, place, mentions,\n"
    "            sentence and story ids, issue codes (CSV: RFC 4180, CRLF)\n"
    "  jsonl     one JSON object per event: every field, null when unknown,\n"
    "            but story_source, story_url, stories, story_ids and issues\n"
    "            only when known\n"
    "  petrarch  PETRARCH-2 event file; tabari  TABARI event file (manual 4.4)\n"
    "  gdelt     the 61 columns of the GDELT 2.0 event table, with a header\n"
    "--quad phoenix  write Phoenix quad classes (0-4) instead of GDELT's (1-4)\n"
    "--one-a-day     keep one event per (date, source, target, code) across the\n"
    "                input, with the number and ids of the stories (stories,\n"
    "                story_ids; sentence_ids is left empty); written at the\n"
    "                end of the input\n"
    "--text          petrarch: actor and verb text; tabari: ID and TEXT fields\n"
    "Identical events of one story are always written once, with a count.\n"
    "-j N, --jobs N  code with N threads (default: one per core); the output\n"
    "                is the same as with -j 1. FORWARD: dictionaries use one.\n"
    "\n"
    "bad input (docs/errors.md): invalid UTF-8 and NUL bytes are replaced and\n"
    "the story coded, with a warning; HTML tags and entities become text; a\n"
    "story that cannot be coded (bad JSON or XML, no date, bad date, no text,\n"
    "over a limit, an id already read) is reported as FILE:LINE: ...; skipped.\n"
    "--on-error skip  report a skipped story and go on (the default)\n"
    "--on-error stop  end the run at the first skipped story or missing file\n"
    "--rejects FILE   write each skipped story to FILE as a JSON line with\n"
    "                 \"reason\" and \"where\"; fix it and code FILE again\n"
    "--progress       show a progress line on standard error (stories, events,\n"
    "                 rate; share done and time left for files); the default\n"
    "                 when standard error is a terminal. --no-progress: never\n"
    "--db FILE        store stories and events in the SQLite event store FILE\n"
    "                 (created when missing; docs/store.md) instead of writing\n"
    "                 them out (with --out too: both); a story stored again\n"
    "                 replaces its events, so re-runs never duplicate\n"
    "\n"
    "At the end one summary line goes to standard error: stories read, coded\n"
    "(repaired; not looking English), skipped by reason; sentences by outcome;\n"
    "events written.\n"
    "exit status: 0 every story coded; 1 an error (unreadable dictionary or\n"
    "file, write error, --on-error stop); 2 bad usage; 3 some stories skipped.\n";

static const char dict_help[] =
    "usage: dyad dict compile [--dict DICT] -o FILE.dyd\n"
    "       dyad dict check [--dict DICT]\n"
    "       dyad dict cache [--clear]\n"
    "\n"
    "Loads the dictionaries (actors, agents, verbs, patterns, synsets, issues,\n"
    "discards, options) and writes them to one compiled file. DICT is a\n"
    "TABARI .project, a folder of dictionary files, a PETRARCH PETR_config.ini\n"
    "or a .dyd (default: $DYAD_DICT, else the built-in dictionaries).\n"
    "--dict FILE.dyd then loads it into memory without parsing. A .dyd made\n"
    "by another dyad version or build, or damaged, is refused: compile it again.\n"
    "  -o FILE, --out FILE  the file to write\n"
    "check loads DICT and prints every remark the loader made (a duplicate\n"
    "entry ignored, a code block with a bad date dropped), one a line, then\n"
    "the counts; other commands print the first remark and how many more.\n"
    "compile and check always read the source files.\n"
    "cache prints the folder where code, explain and validate keep the\n"
    "compiled form of source dictionaries ($XDG_CACHE_HOME/dyad, else\n"
    "~/.cache/dyad), how many it holds and their size; --clear removes them.\n"
    "The 8 most recently used are kept, none unused for 30 days.\n"
    "exit status: 0 written (checked); 1 a dictionary or write error; 2 bad usage.\n";

static const char validate_help[] =
    "usage: dyad validate [--all] [--verbose] [--only ID] [--dict DICT] [--no-cache]\n"
    "                     PROJECT\n"
    "       dyad validate [--verbose] [--only ID] [--no-parse] [--dict DICT]\n"
    "                     [--no-cache] FILE.xml\n"
    "\n"
    "Runs a TABARI validation project: loads its dictionaries, reads its\n"
    "<textfile> records and compares the events coded from each record with\n"
    "the { SOURCE / TARGET / CODE } expectations in its comment ({---} no\n"
    "events, {###} discard, {+++} complex, -{ stop checking, { OPTION: ... }\n"
    "changes an option for the records that follow).\n"
    "\n"
    "Prints one line per failing record and, last, 'N passed, N failed'.\n"
    "  --all       go on past the record FINAL-01 (the end of the standard set)\n"
    "  --verbose, -v  also print the passing records\n"
    "  --only ID   run only record ID, with the coder's explanation\n"
    "  --dict DICT code with DICT instead (the project's dictionaries compiled\n"
    "              with `dyad dict compile`, say)\n"
    "  --no-cache  read the source dictionaries, not their cached compiled form\n"
    "\n"
    "FILE.xml is a PETRARCH validation file (PETR.UnitTest.records.xml): its\n"
    "<Environment> names the dictionaries (or --dict), <Config> options hold\n"
    "for the records after them, <EventCoding> gives the expected events\n"
    "(noevents, error=\"storydiscard\"); <Skip> records and those its\n"
    "<Include> list leaves out are not run.\n"
    "  --no-parse  ignore the records' Treebank parses (code the text)\n"
    "\n"
    "exit status: 0 every record passed; 1 a failing record, no record ID,\n"
    "or an error (unreadable project or dictionary); 2 bad usage.\n";

static const char explain_help[] =
    "usage: dyad explain [--dict DICT] [--no-cache] [--mode syntax|shallow]\n"
    "                    [--model FILE.dym]\n"
    "                    [--date DATE] [--in text|jsonl|tabari|lines|petrarch]\n"
    "                    [--id ID] [--id-field NAME] [--text-field NAME]\n"
    "                    [--date-field NAME] [--title-field NAME]\n"
    "                    [TEXT...|FILE|-]\n"
    "\n"
    "Codes one story and prints what the coder saw: sentences, tokens,\n"
    "matched actors, agents and verbs, the pattern that fired and the events,\n"
    "each with its resolved date (and where it came from) and place; then\n"
    "each sentence's dependency tree from dyad's syntax model (--model,\n"
    "else $DYAD_MODEL, else the built-in one): relation, word, UPOS/XPOS,\n"
    "lemma, position, each word under its head.\n"
    "Several arguments are the words of one text. One argument naming a file\n"
    "is that file, read in its format as dyad code reads it (--in, else its\n"
    "name, else its first bytes): its first story, or with --id ID the story\n"
    "whose id is ID. One argument without a blank that names no file but looks\n"
    "like one (a '/' in it, or a suffix such as .jsonl) is an error, not text.\n"
    "'-' or no argument is standard input. --dict DICT as for dyad code\n"
    "(a .project, a folder, a PETR_config.ini or a .dyd; --no-cache as for\n"
    "dyad code). Without a date\n"
    "(--date, or the story's own) the story has none: date-restricted codes\n"
    "use their undated form.\n"
    "exit status: 0 explained; 1 an error (unreadable file or dictionary,\n"
    "no story, no story with that id); 2 bad usage.\n";

static const char parse_help[] =
    "usage: dyad parse [--in text|lines|jsonl|conllu] [--model FILE.dym]\n"
    "                  [--id-field NAME] [--text-field NAME] [--date-field NAME]\n"
    "                  [--title-field NAME] [--date DATE] [-j N] [-r]\n"
    "                  [FILE|FOLDER...]\n"
    "\n"
    "Splits stories into sentences and words (English Web Treebank\n"
    "conventions: \"don't\" is \"do\" \"n't\"), tags them (UPOS and Penn XPOS),\n"
    "lemmatises them and parses them into Universal Dependencies trees;\n"
    "writes CoNLL-U to standard output (10 columns; FEATS and DEPS are \"_\").\n"
    "Each story opens with \"# newdoc id = ID\" (and \"# date = ...\" when it\n"
    "has a date); each sentence has \"# sent_id = ID-N\" and \"# text\".\n"
    "FILE '-' or no FILE reads standard input; a FOLDER (-r: and its\n"
    "sub-folders) is read file by file as for dyad code.\n"
    "\n"
    "input formats (--in; else from the file name as for dyad code, and\n"
    ".conllu -> conllu; stdin and other names: '{' jsonl, else text, said on\n"
    "stderr): text (the file is one story), lines (one sentence a line),\n"
    "jsonl (one story a line; the date is optional here; the --*-field\n"
    "options as for dyad code), conllu:\n"
    "the words are taken from the ID and FORM columns and every other column\n"
    "is predicted, whatever the input holds there; comments, sentence ids\n"
    "and multiword-token lines are kept, so a UD treebank can be parsed again\n"
    "and scored. A malformed CoNLL-U sentence is reported as FILE:LINE and\n"
    "skipped; so is one of more than 500 words. Text sentences longer than\n"
    "500 words are cut into pieces.\n"
    "  --model FILE  a model trained by dyad train (default: the built-in one)\n"
    "  --date DATE   the date of stories that give none (written as # date;\n"
    "                YYYY-MM-DD, YYYYMMDD or an ISO 8601 timestamp)\n"
    "  -j N          parse with N threads (0: one per core); the output is\n"
    "                the same as with -j 1 (the default)\n"
    "\n"
    "At the end one summary line goes to standard error.\n"
    "exit status: 0 every story parsed; 1 an error (unreadable file or model,\n"
    "write error); 2 bad usage; 3 some stories or sentences skipped.\n";

static const char train_help[] =
    "usage: dyad train -o FILE.dym --train FILE... [--dev FILE...]\n"
    "                  [--tagger-epochs N] [--parser-epochs N] [--folds N]\n"
    "                  [--seed N] [-j N]\n"
    "\n"
    "Trains a syntax model (tagger, lemmatiser, dependency parser) from\n"
    "Universal Dependencies treebanks in CoNLL-U (gzip'd or not) and writes\n"
    "it to FILE. The --dev files are scored after training and their scores\n"
    "kept in the model's metadata; never give a test file there. The same\n"
    "files and options give the same model bytes. `make model` trains the\n"
    "built-in model this way (docs/syntax.md).\n"
    "  --tagger-epochs N  passes of the tagger (default 10)\n"
    "  --parser-epochs N  passes of the parser (default 12)\n"
    "  --folds N          jackknife folds tagging the parser's training data\n"
    "                     (default 5)\n"
    "  -j N               threads for the tagger folds (0: one per core)\n"
    "exit status: 0 written; 1 an error; 2 bad usage.\n";

static const char series_help[] =
    "usage: dyad series [--db FILE | EVENTS] [--by day|week|month|quarter|year]\n"
    "                   [--dyad SOURCE,TARGET] [--source CODE] [--target CODE]\n"
    "                   [--undirected] [--group none|root|quad|plover]\n"
    "                   [--measure count|goldstein-sum|goldstein-mean]\n"
    "                   [--from DATE] [--to DATE] [--format csv|tsv]\n"
    "\n"
    "Counts events by period from an event store (dyad code --db FILE) or an\n"
    "events file (dyad code --out jsonl or tsv), in long format: a header,\n"
    "then one row per period (and group), every period from the first event\n"
    "to the last (or --from to --to) present, with 0 where nothing happened.\n"
    "--by PERIOD     month by default; a week is labelled by its Monday\n"
    "                (2026-11-30), a quarter 2026-Q4\n"
    "--dyad S,T      events from S to T; S and T are countries (3 letters:\n"
    "                the actor code's first group) or full actor codes\n"
    "--source CODE, --target CODE   one side only\n"
    "--undirected    either direction\n"
    "--group G       a row per root code, quad class (1-4) or PLOVER type\n"
    "--measure M     count (default), goldstein-sum, or goldstein-mean (empty\n"
    "                for a period without events)\n"
    "--format F      csv (default) or tsv\n"
    "Events without a date are left out and counted on standard error.\n"
    "exit status: 0 written; 1 an error (not a store, not an events file);\n"
    "2 bad usage.\n";

static const char plot_help[] =
    "usage: dyad plot [--db FILE | EVENTS] [--by day|week|month|quarter|year]\n"
    "                 [--dyad SOURCE,TARGET] [--source CODE] [--target CODE]\n"
    "                 [--undirected] [--from DATE] [--to DATE] [--title TEXT]\n"
    "                 [-o FILE.svg]\n"
    "\n"
    "Draws the series dyad series counts as one self-contained SVG: the events\n"
    "of each period as bars stacked by quad class (verbal and material\n"
    "cooperation, verbal and material conflict), the mean Goldstein score as\n"
    "a line on its own axis, dated axes, a legend and a title (default:\n"
    "\"Events by month: RUS to UKR\"). Written to -o FILE (whole, or not at\n"
    "all), else standard output.\n"
    "exit status: 0 written; 1 an error; 2 bad usage.\n";

static const char report_help[] =
    "usage: dyad report --db FILE -o FILE.html\n"
    "\n"
    "Writes one HTML page about an event store: totals and the last run,\n"
    "the busiest dyads, the event types, monthly charts (all events and the\n"
    "three busiest dyads), a map of the places events happened, and sample\n"
    "events with the sentences they were coded from. Inline styles and SVG\n"
    "only: no script, nothing fetched from the network.\n"
    "exit status: 0 written; 1 an error (not a store); 2 bad usage.\n";

static const char codes_help[] =
    "usage: dyad codes [CODE|WORD]\n"
    "\n"
    "Prints the CAMEO event codes dyad knows, one per line (tab-separated,\n"
    "with a header): code, name, root code, quad class (GDELT 1-4 and\n"
    "Phoenix 0-4), Goldstein score, PLOVER event type, mode and context.\n"
    "CODE keeps the codes starting with it (\"19\", \"042\"); WORD keeps the\n"
    "codes whose name or PLOVER fields contain it (\"visit\", \"ASSAULT\").\n"
    "Exit status 1 when nothing matches.\n";

int cli_help(const char *cmd, FILE *out)
{
    const char *text = NULL, *more = "";
    if (!cmd)
        text = general;
    else if (!strcmp(cmd, "code"))
        text = code_help, more = code_help_2;
    else if (!strcmp(cmd, "validate"))
        text = validate_help;
    else if (!strcmp(cmd, "explain"))
        text = explain_help;
    else if (!strcmp(cmd, "codes"))
        text = codes_help;
    else if (!strcmp(cmd, "series"))
        text = series_help;
    else if (!strcmp(cmd, "plot"))
        text = plot_help;
    else if (!strcmp(cmd, "report"))
        text = report_help;
    else if (!strcmp(cmd, "dict"))
        text = dict_help;
    else if (!strcmp(cmd, "parse"))
        text = parse_help;
    else if (!strcmp(cmd, "train"))
        text = train_help;
    if (!text)
        return 0;
    if (out) {
        fputs(text, out);
        fputs(more, out);
    }
    return 1;
}
