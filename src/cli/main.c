/* main.c — the dyad command: git-style dispatch to code, parse, validate,
 * explain, train and help. Each subcommand lives in its own cmd_*.c file. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static int dispatch(int argc, char **argv)
{
    if (argc < 2) {
        cli_help(NULL, stderr);
        return CLI_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        cli_help(NULL, stdout);
        return CLI_OK;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V") || !strcmp(cmd, "version")) {
        printf("dyad %s\n", dyad_libversion());
        return CLI_OK;
    }
    if (!strcmp(cmd, "help")) {
        if (argc > 2 && !cli_help(argv[2], stdout)) {
            fprintf(stderr, "dyad: unknown command: %s\nTry 'dyad --help'.\n", argv[2]);
            return CLI_USAGE;
        }
        if (argc <= 2)
            cli_help(NULL, stdout);
        return CLI_OK;
    }
    /* `dyad CMD --help` is `dyad help CMD`. */
    if (cli_help(cmd, NULL)) {
        for (int i = 2; i < argc; i++)
            if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
                cli_help(cmd, stdout);
                return CLI_OK;
            }
    }
    if (!strcmp(cmd, "code"))
        return cmd_code(argc - 1, argv + 1);
    if (!strcmp(cmd, "validate"))
        return cmd_validate(argc - 1, argv + 1);
    if (!strcmp(cmd, "explain"))
        return cmd_explain(argc - 1, argv + 1);
    if (!strcmp(cmd, "codes"))
        return cmd_codes(argc - 1, argv + 1);
    if (!strcmp(cmd, "dict"))
        return cmd_dict(argc - 1, argv + 1);
    if (!strcmp(cmd, "series"))
        return cmd_series(argc - 1, argv + 1);
    if (!strcmp(cmd, "plot"))
        return cmd_plot(argc - 1, argv + 1);
    if (!strcmp(cmd, "report"))
        return cmd_report(argc - 1, argv + 1);
    if (!strcmp(cmd, "parse"))
        return cmd_parse(argc - 1, argv + 1);
    if (!strcmp(cmd, "train"))
        return cmd_train(argc - 1, argv + 1);
    fprintf(stderr, "dyad: unknown command: %s\nTry 'dyad --help'.\n", cmd);
    return CLI_USAGE;
}

/* Every command's output checked at the end, whatever it printed: help,
 * version, validate's report (a full disk is an error, not a success). */
int main(int argc, char **argv)
{
    int rc = dispatch(argc, argv);
    errno = 0;
    if ((fflush(stdout) != 0 || ferror(stdout)) && (rc == CLI_OK || rc == CLI_SKIPPED)) {
        fprintf(stderr, "dyad: stdout: write error: %s\n", errno ? strerror(errno) : "unknown");
        rc = CLI_ERROR;
    }
    return rc;
}
