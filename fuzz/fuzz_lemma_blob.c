/* fuzz_lemma_blob.c — fuzz harness for the lemma blob reader (src/syntax/lemma.c):
 * a valid blob from fixed invented words, changed as the input says, opened and applied. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "syntax/lemma.h"

/* Input: a flags byte, a count n, a cut byte, n changes of three bytes
 * (offset low, offset high, value), then a word to lemmatise.
 * flags bit 0: the value overwrites the byte (else it is XORed in);
 * bit 1: the hash fields are fixed up after the changes, so a changed key
 * reaches the slot checks instead of failing its hash; bit 2: the blob is
 * cut short by the cut byte. */
enum { F_SET = 1, F_FIX_HASHES = 2, F_CUT = 4 };

enum { NN, NNS, NNP, VBD, VBZ, DT, POS, CD, PRP, N_XPOS };

typedef struct gold {
    const char *form;
    int upos, xpos;
    const char *lemma;
} gold;

static const gold words[] = {
    { "the", DY_UPOS_DET, DT, "the" }, { "The", DY_UPOS_DET, DT, "the" },
    { "an", DY_UPOS_DET, DT, "a" }, { "walked", DY_UPOS_VERB, VBD, "walk" },
    { "Jumped", DY_UPOS_VERB, VBD, "jump" }, { "baked", DY_UPOS_VERB, VBD, "bake" },
    { "hoped", DY_UPOS_VERB, VBD, "hope" }, { "rested", DY_UPOS_VERB, VBD, "rest" },
    { "went", DY_UPOS_VERB, VBD, "go" }, { "went", DY_UPOS_VERB, VBD, "go" },
    { "likes", DY_UPOS_VERB, VBZ, "like" }, { "'s", DY_UPOS_AUX, VBZ, "be" },
    { "'s", DY_UPOS_AUX, VBZ, "be" }, { "'s", DY_UPOS_PART, POS, "'s" },
    { "me", DY_UPOS_PRON, PRP, "I" }, { "me", DY_UPOS_PRON, PRP, "I" },
    { "Quellaria", DY_UPOS_PROPN, NNP, "Quellaria" }, { "12,500", DY_UPOS_NUM, CD, "12500" },
    { "3,000", DY_UPOS_NUM, CD, "3000" }, { "X", DY_UPOS_NOUN, NN, "X" },
    { "cities", DY_UPOS_NOUN, NNS, "city" }, { "ponies", DY_UPOS_NOUN, NNS, "pony" },
    { "boxes", DY_UPOS_NOUN, NNS, "box" }, { "foxes", DY_UPOS_NOUN, NNS, "fox" },
    { "lanterns", DY_UPOS_NOUN, NNS, "lantern" }, { "wagons", DY_UPOS_NOUN, NNS, "wagon" },
    { "children", DY_UPOS_NOUN, NNS, "child" }, { "children", DY_UPOS_NOUN, NNS, "child" },
};

/* Built once per process (a harness may cache; the library keeps no state). */
static unsigned char *base;
static size_t base_len;

static void build_base(void)
{
    dy_lemma_builder *b;
    dyad_error err;
    if (dy_lemma_builder_new(N_XPOS, &b, &err) != DYAD_OK) abort();
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (dy_lemma_builder_add(b, words[i].form, strlen(words[i].form), words[i].upos,
                                 words[i].xpos, words[i].lemma, strlen(words[i].lemma), &err) != DYAD_OK)
            abort();
    if (dy_lemma_builder_finish(b, &base, &base_len, &err) != DYAD_OK) abort();
    dy_lemma_builder_free(b);
}

static void wr32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i));
}

/* Rewrites each exception's and known lemma's hash from its (changed) key,
 * when the header's counts still place the sections inside the blob. */
static void fix_hashes(unsigned char *p, size_t len)
{
    if (len < DY_LEMMA_HEADER_SIZE) return;
    uint32_t h[14];
    for (int i = 0; i < 14; i++) h[i] = dy_lemma_rd32(p + 8 + 4 * i);
    uint64_t n_xpos = h[2], n_exc = h[6], exc_slots = h[7], n_lex = h[9], pool_len = h[12];
    uint64_t map = ((uint64_t)h[1] * (n_xpos + 1) * 2 + 3) & ~(uint64_t)3;
    uint64_t exc = DY_LEMMA_HEADER_SIZE + map + (uint64_t)h[3] * DY_LEMMA_CLASS_SIZE +
                   (uint64_t)h[4] * DY_LEMMA_NODE_SIZE + (uint64_t)h[5] * DY_LEMMA_SCRIPT_SIZE;
    uint64_t lex = exc + n_exc * DY_LEMMA_EXC_SIZE + exc_slots * 4;
    uint64_t pool = lex + n_lex * DY_LEMMA_LEX_SIZE + (uint64_t)h[11] * 4;
    if (pool + pool_len != len) return;
    for (uint64_t i = 0; i < n_exc; i++) {
        unsigned char *e = p + exc + i * DY_LEMMA_EXC_SIZE;
        uint32_t off = dy_lemma_rd32(e + 4), n = e[14];
        if ((uint64_t)off + n > pool_len) continue;
        uint32_t k = dy_lemma_hash_more(2166136261u, (const char *)p + pool + off, n);
        wr32(e, dy_lemma_hash_final(k, dy_lemma_exc_tag(e[16], (int)dy_lemma_rd16(e + 12))));
    }
    for (uint64_t i = 0; i < n_lex; i++) {
        unsigned char *e = p + lex + i * DY_LEMMA_LEX_SIZE;
        uint32_t off = dy_lemma_rd32(e + 4), n = e[12];
        if ((uint64_t)off + n > pool_len) continue;
        wr32(e, dy_lemma_hash_final(dy_lemma_hash_more(2166136261u, (const char *)p + pool + off, n), 0));
    }
}

static void apply_words(const dy_lemmatizer *lz, const char *extra, size_t extra_len)
{
    static const char *const forms[] = { "went", "Walked", "liked", "ladies", "BOXES", "'s", "me",
                                         "12,500", "7,250", "Quellaria", "Q", "" };
    static const int upos[] = { -1, DY_UPOS_NOUN, DY_UPOS_VERB, DY_UPOS_PROPN, DY_UPOS_NUM,
                                DY_UPOS_AUX, DY_UPOS_PART, DY_UPOS_DET, DY_UPOS_COUNT };
    dy_arena a;
    dy_arena_init(&a, 4096);
    size_t n;
    for (size_t u = 0; u < sizeof upos / sizeof upos[0]; u++)
        for (int x = -1; x <= N_XPOS; x++) {
            for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
                if (!dy_lemma_apply(lz, &a, forms[i], strlen(forms[i]), upos[u], x, &n)) abort();
            if (!dy_lemma_apply(lz, &a, extra, extra_len, upos[u], x, &n)) abort();
            dy_arena_reset(&a);
        }
    dy_arena_free(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!base) build_base();
    if (size < 3) return 0;
    int flags = data[0];
    size_t n_ops = data[1], cut = (flags & F_CUT) ? data[2] : 0, pos = 3;
    size_t len = base_len > cut ? base_len - cut : 0;
    unsigned char *p = malloc(len ? len : 1);   /* exactly len bytes: ASan sees any read past */
    if (!p) return 0;
    memcpy(p, base, len);
    for (size_t i = 0; i < n_ops && pos + 3 <= size && len; i++, pos += 3) {
        size_t at = (data[pos] | (size_t)data[pos + 1] << 8) % len;
        p[at] = (unsigned char)((flags & F_SET) ? data[pos + 2] : p[at] ^ data[pos + 2]);
    }
    if (flags & F_FIX_HASHES) fix_hashes(p, len);
    dy_lemmatizer lz;
    dyad_error err;
    if (dy_lemma_open(p, len, N_XPOS, &lz, &err) == DYAD_OK) {
        if (pos > size) pos = size;
        apply_words(&lz, (const char *)data + pos, size - pos);
    } else if (err.status != DYAD_ERR_PARSE) {
        __builtin_trap();   /* a bad blob is a parse error, nothing else */
    }
    free(p);
    return 0;
}
