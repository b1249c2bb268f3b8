/* cmd_codes.c — `dyad codes [CODE|WORD]`: prints the CAMEO table (code, name,
 * root, quad classes, Goldstein, PLOVER) filtered by code prefix or word. */
#include <ctype.h>
#include <string.h>

#include "cli.h"
#include "event/cameo.h"

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

static int matches(const dy_cameo *c, const char *filter)
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
    size_t n, shown = 0;
    const dy_cameo *t = dy_cameo_table(&n);
    printf("code\tname\troot\tquad_gdelt\tquad_phoenix\tgoldstein\tplover_type\tplover_mode\t"
           "plover_context\n");
    for (size_t i = 0; i < n; i++) {
        if (!matches(&t[i], filter))
            continue;
        printf("%s\t%s\t%.2s\t%d\t%d\t%.1f\t%s\t%s\t%s\n", t[i].code, t[i].name, t[i].code,
               dy_cameo_quad_gdelt(t[i].code), dy_cameo_quad_phoenix(t[i].code),
               t[i].goldstein, t[i].plover_type, t[i].plover_mode, t[i].plover_context);
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
