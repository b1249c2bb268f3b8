/* cmd_codes.c — `dyad codes [CODE|WORD]`: prints the CAMEO table (code, name,
 * root, quad classes, Goldstein, PLOVER) filtered by code prefix or word. */
#include <ctype.h>
#include <string.h>

#include "cli.h"

/* Case-insensitive substring test. */
static int contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] &&
               tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
            i++;
        if (i == n)
            return 1;
    }
    return n == 0;
}

static int matches(const dyad_cameo_info *c, const char *filter)
{
    if (!filter)
        return 1;
    if (isdigit((unsigned char)filter[0]))
        return strncmp(c->code, filter, strlen(filter)) == 0;
    return contains(c->name, filter) || contains(c->plover_type, filter) ||
           contains(c->plover_mode, filter) || contains(c->plover_context, filter);
}

int cmd_codes(int argc, char **argv)
{
    const char *filter = NULL;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1])
            return cli_usage("codes", "unknown option", argv[i]);
        if (filter)
            return cli_usage("codes", "more than one filter", argv[i]);
        filter = argv[i];
    }
    size_t n = dyad_cameo_count(), shown = 0;
    printf("code\tname\troot\tquad_gdelt\tquad_phoenix\tgoldstein\tplover_type\tplover_mode\t"
           "plover_context\n");
    for (size_t i = 0; i < n; i++) {
        dyad_cameo_info c = {.size = sizeof c};
        if (dyad_cameo_get(i, &c, NULL) != DYAD_OK || !matches(&c, filter))
            continue;
        printf("%s\t%s\t%.2s\t%d\t%d\t%.1f\t%s\t%s\t%s\n", c.code, c.name, c.code,
               c.quad_gdelt, c.quad_phoenix, c.goldstein, c.plover_type, c.plover_mode,
               c.plover_context);
        shown++;
    }
    if (fflush(stdout) != 0) {
        cli_errorf("write error");
        return CLI_ERROR;
    }
    if (!shown) {
        cli_errorf("no CAMEO code matches '%s'", filter ? filter : "");
        return CLI_ERROR;
    }
    return CLI_OK;
}
