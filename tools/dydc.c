/* dydc.c — build-time helper: compiles the default dictionaries (embedded as
 * text by tools/embed_dict.sh) into a .dyd, with a library that does not yet
 * hold one (see the Makefile); errors and warnings keep "default/<file>". */
#include <stdio.h>

#include "dict/embedded.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: dydc OUT.dyd\n");
        return 2;
    }
    dyad_dict *d = NULL;
    dyad_error err = {0};
    if (dy_dict_load_files(DY_DEFAULT_PROJECT, dy_default_files, dy_default_n_files, &d,
                           &err) != DYAD_OK ||
        dyad_dict_save(d, argv[1], &err) != DYAD_OK) {
        fprintf(stderr, "dydc: %s:%ld: %s\n", err.where, err.line, err.message);
        dyad_dict_free(d);
        return 1;
    }
    dyad_dict_free(d);
    return 0;
}
