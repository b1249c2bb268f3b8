/* fuzz_dyd.c — fuzz harness for compiled dictionaries (src/dict/dyd.c and
 * dyd_check.c): a valid .dyd of the fixed test dictionary, changed as the
 * input says, its checksum fixed, loaded and, when accepted, used to code. */
#include <stdlib.h>
#include <string.h>

#include "dict/dyd.h"
#include "fuzz.h"

static unsigned char *base;    /* built once per process */
static size_t base_len;

static void build_base(void)
{
    dyad_dict *d = NULL;
    dyad_error err;
    if (fz_load_dict(NULL, NULL, 0, &d, &err) != DYAD_OK ||
        dy_dyd_build(d, &base, &base_len, &err) != DYAD_OK)
        abort();
    dyad_dict_free(d);
}

/* Input: records of five bytes (offset as 4 little-endian bytes, taken
 * modulo the file size, a value XORed in). The header's own fields are
 * fair game too: only the checksum is rewritten after the changes. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!base) build_base();
    unsigned char *f = malloc(base_len);
    if (!f) return 0;
    memcpy(f, base, base_len);
    for (size_t i = 0; i + 5 <= size; i += 5) {
        uint32_t at = (uint32_t)data[i] | (uint32_t)data[i + 1] << 8 |
                      (uint32_t)data[i + 2] << 16 | (uint32_t)data[i + 3] << 24;
        f[at % base_len] ^= data[i + 4];
    }
    dy_dyd_fix_checksum(f, base_len);
    dyad_dict *d = NULL;
    dyad_error err;
    if (dy_dyd_load_mem(f, base_len, "fuzz.dyd", &d, &err) == DYAD_OK) {
        fz_code_fixed(d);
        dyad_dict_free(d);
    }
    free(f);
    return 0;
}
