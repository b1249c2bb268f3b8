/* cmd_dict.c — `dyad dict compile`: loads dictionaries and writes them as one
 * compiled .dyd file that later loads instantly (src/dict/dyd.c). */
#include <string.h>

#include "cli.h"

static int compile(int argc, char **argv)
{
    const char *dict_opt = NULL, *out = NULL, *val;
    int m;
    for (int i = 1; i < argc; i++) {
        if ((m = cli_opt_value(argc, argv, &i, "--dict", &val)) != 0) {
            if (m < 0) return cli_usage("dict", "missing value for", "--dict");
            dict_opt = val;
        } else if ((m = cli_opt_value(argc, argv, &i, "-o", &val)) != 0 ||
                   (m = cli_opt_value(argc, argv, &i, "--out", &val)) != 0) {
            if (m < 0) return cli_usage("dict", "missing value for", "-o");
            out = val;
        } else {
            return cli_usage("dict", "unexpected argument", argv[i]);
        }
    }
    if (!out) return cli_usage("dict", "missing", "-o FILE.dyd");
    dyad_dict *dict = cli_load_dict(dict_opt);
    if (!dict) return CLI_ERROR;
    dyad_error err = {0};
    int rc = CLI_OK;
    if (dyad_dict_save(dict, out, &err) != DYAD_OK) {
        cli_report(&err);
        rc = CLI_ERROR;
    }
    dyad_dict_free(dict);
    return rc;
}

int cmd_dict(int argc, char **argv)
{
    if (argc < 2) return cli_usage("dict", "missing", "subcommand (compile)");
    if (!strcmp(argv[1], "compile")) return compile(argc - 1, argv + 1);
    return cli_usage("dict", "unknown subcommand", argv[1]);
}
