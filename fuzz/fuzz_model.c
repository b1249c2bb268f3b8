/* fuzz_model.c — fuzz harness for the syntax model reader (src/syntax/model.c
 * and the tables it checks): a valid small model, changed as the input says,
 * its checksum fixed, opened and, when accepted, used to parse. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/file.h"
#include "fuzz.h"
#include "syntax/model.h"

/* A model trained once per process on a few invented sentences. */
static unsigned char *base;
static size_t base_len;

static void build_base(void)
{
    char dir[] = "/tmp/dyad-fuzz-model-XXXXXX";
    if (!mkdtemp(dir)) abort();
    char bank[64], model[64];
    snprintf(bank, sizeof bank, "%s/b.conllu", dir);
    snprintf(model, sizeof model, "%s/m.dym", dir);
    FILE *f = fopen(bank, "w");
    if (!f) abort();
    static const char *const who[] = {"Arnor", "Gondor", "Rohan", "Harad"};
    for (int i = 0; i < 40; i++) {
        fprintf(f, "1\t%s\t%s\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n", who[i % 4], who[i % 4]);
        fprintf(f, "2\t%s\t%s\tVERB\tVBD\t_\t0\troot\t_\t_\n", i % 2 ? "met" : "thanked",
                i % 2 ? "meet" : "thank");
        fprintf(f, "3\t%s\t%s\tPROPN\tNNP\t_\t2\tobj\t_\t_\n", who[(i + 1) % 4], who[(i + 1) % 4]);
        fprintf(f, "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
    }
    fclose(f);
    const char *train[] = {bank};
    dyad_train_options o;
    memset(&o, 0, sizeof o);
    o.train_files = train;
    o.n_train = 1;
    o.tagger_epochs = o.parser_epochs = 2;
    o.folds = 2;
    o.threads = 1;
    dyad_error err;
    char *data;
    if (dyad_model_train(&o, model, &err) != DYAD_OK ||
        dy_read_file(model, &data, &base_len, &err) != DYAD_OK)
        abort();
    base = (unsigned char *)data;
    remove(bank);
    remove(model);
    rmdir(dir);
}

/* Input: records of five bytes (offset as 4 little-endian bytes, taken
 * modulo the file size past the header, and a value XORed in). */
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
    uint64_t sum = dy_model_checksum(f, base_len);
    memcpy(f + 32, &sum, 8);
    dyad_model *m = NULL;
    dyad_error err;
    if (dy_model_open(f, base_len, "fuzz", &m, &err) == DYAD_OK) {
        dyad_parser *p = NULL;
        if (dyad_parser_new(m, &p, &err) == DYAD_OK) {
            static const char text[] = "Gondor thanked Rohan. Arnor met Harad, and they don't agree.";
            dyad_parse_result r;
            if (dyad_parse_text(p, text, sizeof text - 1, 0, &r, &err) == DYAD_OK)
                for (size_t s = 0; s < r.n_sentences; s++)
                    for (size_t k = 0; k < r.sentences[s].n_words; k++) {
                        const dyad_word *w = &r.sentences[s].words[k];
                        if (w->head < 0 || (size_t)w->head > r.sentences[s].n_words ||
                            !w->lemma || !w->upos || !w->xpos || !w->deprel)
                            abort();
                    }
            dyad_parser_free(p);
        }
        dyad_model_free(m);
    }
    free(f);
    return 0;
}
