/* lexicon.c — the tag lexicon's table: normalised form -> ambiguity class,
 * checked once on load so lookups stay in bounds whatever the file holds. */
#include "syntax/lexicon.h"

#include <stdlib.h>
#include <string.h>

#include "base/error.h"

#define LEX_MAGIC 0x584c5944u   /* "DYLX" */
#define LEX_HEADER 16

static uint32_t rd32(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

dyad_status dy_lexicon_open(dy_lexicon *lx, const unsigned char *blob, size_t len,
                            dyad_error *err)
{
    memset(lx, 0, sizeof *lx);
    if (((uintptr_t)blob & 7) != 0 || len < LEX_HEADER || rd32(blob) != LEX_MAGIC)
        return dy_error_set(err, DYAD_ERR_PARSE, "tag lexicon", 0, "not a tag lexicon");
    uint32_t slots = rd32(blob + 4), probe = rd32(blob + 8);
    if (slots == 0 || (slots & (slots - 1)) != 0 || slots > (1u << 26) || probe >= slots ||
        LEX_HEADER + 8ull * slots != len)
        return dy_error_set(err, DYAD_ERR_PARSE, "tag lexicon", 0, "bad size or counts");
    lx->mask = slots - 1;
    lx->max_probe = probe;
    lx->slot = (const uint32_t *)(const void *)(blob + LEX_HEADER);
    return DYAD_OK;
}

typedef struct set_id {
    uint64_t set;
    uint32_t id;
} set_id;

int dy_lexicon_build(const uint64_t *norms, const uint64_t *sets, size_t n,
                     unsigned char **blob, size_t *len)
{
    uint32_t slots = 1024;
    while (slots < n + n / 2 + 1)
        slots *= 2;
    size_t size = LEX_HEADER + 8 * (size_t)slots;
    unsigned char *out = calloc(1, size);
    set_id *ids = malloc((n ? n : 1) * sizeof *ids);
    if (!out || !ids) {
        free(out);
        free(ids);
        return -1;
    }
    size_t n_ids = 0;
    uint32_t *slot = (uint32_t *)(void *)(out + LEX_HEADER), max_probe = 0;
    for (size_t k = 0; k < n; k++) {
        /* class numbers in order of first sight: few sets, a linear search */
        uint32_t id = 0;
        size_t j;
        for (j = 0; j < n_ids && ids[j].set != sets[k]; j++)
            ;
        if (j == n_ids) {
            ids[n_ids].set = sets[k];
            ids[n_ids].id = (uint32_t)n_ids;
            n_ids++;
        }
        id = ids[j].id;
        uint32_t fp = (uint32_t)(norms[k] >> 32) | 1u, i = (uint32_t)norms[k] & (slots - 1), p = 0;
        while (slot[2 * i] != 0) {
            i = (i + 1) & (slots - 1);
            p++;
        }
        if (p > max_probe)
            max_probe = p;
        slot[2 * i] = fp;
        slot[2 * i + 1] = id + 1;
    }
    uint32_t hdr[4] = {LEX_MAGIC, slots, max_probe, 0};
    memcpy(out, hdr, sizeof hdr);
    free(ids);
    *blob = out;
    *len = size;
    return 0;
}
