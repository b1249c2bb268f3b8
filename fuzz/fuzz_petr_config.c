/* fuzz_petr_config.c — fuzz harness: the input is a PETRARCH configuration
 * (PETR_config.ini, or a validation file's <Environment>) read for its files
 * and options (src/dict/petrarch_config.c). */
#include <stdlib.h>

#include "dict/petrarch.h"
#include "fuzz.h"

static int take(void *ctx, dy_petr_kind kind, char *path)
{
    (void)kind;
    ++*(int *)ctx;
    free(path);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dy_options opts;
    dyad_error err;
    int files = 0;
    dy_options_init(&opts);
    dy_petr_config_scan("fz/PETR_config.ini", (const char *)data, size, &opts, take, &files,
                        &err);
    dy_options_init(&opts);
    dy_petr_config_scan("fz/validation.xml", (const char *)data, size, &opts, take, &files,
                        &err);
    return 0;
}
