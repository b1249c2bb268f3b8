/* fuzz_read_conllu.c — fuzz harness: the input is a CoNLL-U stream read to its
 * end (src/io/read_conllu.c); every sentence is written back and must re-read the same. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "io/read_conllu.h"
#include "io/write_conllu.h"

/* Sums every byte so a stale or short buffer shows up under the sanitizers. */
static unsigned touch(const char *s, size_t n)
{
    unsigned h = 0;
    for (size_t i = 0; i < n; i++)
        h = h * 31 + (unsigned char)s[i];
    return h;
}

static unsigned touch_sent(const dy_conllu_sent *s)
{
    unsigned h = 0;
    for (size_t i = 0; i < s->n_comments; i++)
        h += touch(s->comments[i], strlen(s->comments[i]));
    for (size_t i = 0; i < s->n_words; i++) {
        h += touch(s->forms[i], s->form_lens[i] + 1);
        const char *const *cols[] = {s->lemmas, s->upos, s->xpos, s->feats, s->deprels,
                                     s->deps, s->misc};
        for (size_t c = 0; c < sizeof cols / sizeof cols[0]; c++)
            h += touch(cols[c][i], strlen(cols[c][i]));
        h += (unsigned)s->heads[i] + (unsigned)s->lines[i];
    }
    for (size_t i = 0; i < s->n_extras; i++)
        h += touch(s->extras[i].text, s->extras[i].len + 1) +
             touch(s->extras[i].form, s->extras[i].form_len);
    if (s->sent_id)
        h += touch(s->sent_id, strlen(s->sent_id));
    if (s->text)
        h += touch(s->text, strlen(s->text));
    if (s->newdoc)
        h += touch(s->newdoc, strlen(s->newdoc));
    return h;
}

/* Is "SpaceAfter=No" one of MISC's items? */
static int no_space(const char *misc)
{
    for (const char *p = misc; (p = strstr(p, "SpaceAfter=No")) != NULL; p++)
        if ((p == misc || p[-1] == '|') && (p[13] == '\0' || p[13] == '|'))
            return 1;
    return 0;
}

static void to_words(const dy_conllu_sent *s, dy_conllu_out_word *w)
{
    for (size_t i = 0; i < s->n_words; i++) {
        memset(&w[i], 0, sizeof w[i]);
        w[i].form = s->forms[i];
        w[i].form_len = s->form_lens[i];
        w[i].lemma = s->lemmas[i];
        w[i].lemma_len = strlen(s->lemmas[i]);
        w[i].upos = s->upos[i];
        w[i].xpos = s->xpos[i];
        w[i].feats = s->feats[i];
        w[i].head = s->heads[i];
        w[i].deprel = s->deprels[i];
        w[i].deps = s->deps[i];
        w[i].misc = s->misc[i];
        w[i].space_after = !no_space(s->misc[i]);
    }
}

static int same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The columns of every word, and the sentence's comment values. */
static int same_words(const dy_conllu_sent *a, const dy_conllu_sent *b)
{
    if (a->n_words != b->n_words || !same_str(a->sent_id, b->sent_id) ||
        !same_str(a->text, b->text) || !same_str(a->newdoc, b->newdoc))
        return 0;
    for (size_t i = 0; i < a->n_words; i++)
        if (a->form_lens[i] != b->form_lens[i] ||
            memcmp(a->forms[i], b->forms[i], a->form_lens[i]) != 0 ||
            strcmp(a->lemmas[i], b->lemmas[i]) || strcmp(a->upos[i], b->upos[i]) ||
            strcmp(a->xpos[i], b->xpos[i]) || strcmp(a->feats[i], b->feats[i]) ||
            a->heads[i] != b->heads[i] || strcmp(a->deprels[i], b->deprels[i]) ||
            strcmp(a->deps[i], b->deps[i]))
            return 0;
    return 1;
}

/* Comments and range / empty-node lines, when they were written verbatim. */
static int same_lines(const dy_conllu_sent *a, const dy_conllu_sent *b)
{
    if (a->n_comments != b->n_comments || a->n_extras != b->n_extras)
        return 0;
    for (size_t i = 0; i < a->n_comments; i++)
        if (strcmp(a->comments[i], b->comments[i]))
            return 0;
    for (size_t i = 0; i < a->n_extras; i++)
        if (a->extras[i].len != b->extras[i].len || strcmp(a->extras[i].text, b->extras[i].text))
            return 0;
    return 1;
}

/* Writes s (its comments verbatim, or its sent_id, text and newdoc given
 * explicitly) and reads the output back: one sentence, the same. A
 * sentence the reader accepted is always valid for the writer. */
static void round_trip(const dy_conllu_sent *s, dy_conllu_out_word *w, int explicit_values)
{
    dy_conllu_out_sent o;
    memset(&o, 0, sizeof o);
    o.comments = s->comments;
    o.n_comments = s->n_comments;
    o.words = w;
    o.n_words = s->n_words;
    o.extras = s->extras;
    o.n_extras = s->n_extras;
    o.keep_empty = 1;
    if (explicit_values) {
        o.newdoc = s->newdoc;
        o.sent_id = s->sent_id;
        o.text = s->text;
        o.text_len = s->text ? strlen(s->text) : 0;
    }
    dy_strbuf b;
    dy_strbuf_init(&b);
    dyad_error err;
    dyad_status st = dy_conllu_write(&b, &o, &err);
    if (st == DYAD_ERR_NOMEM) {
        dy_strbuf_free(&b);
        return;
    }
    if (st != DYAD_OK)
        abort();   /* the writer refused what the reader accepted */
    FILE *f = fz_stream((const uint8_t *)b.s, b.len);
    if (f) {
        dy_conllu_reader r;
        dy_conllu_init(&r, f, "written");
        dy_conllu_sent back;
        int got = 0, got2 = 1;
        st = dy_conllu_next(&r, &back, &got, &err);
        if (st != DYAD_OK || !got || !same_words(s, &back) ||
            (!explicit_values && !same_lines(s, &back)))
            abort();   /* the output does not read back as what was written */
        if (dy_conllu_next(&r, &back, &got2, &err) != DYAD_OK || got2)
            abort();
        dy_conllu_free(&r);
        fclose(f);
    }
    dy_strbuf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fz_stream(data, size);
    dy_conllu_out_word *w = malloc(DY_SYN_MAX_WORDS * sizeof *w);
    if (!f || !w) {
        if (f)
            fclose(f);
        free(w);
        return 0;
    }
    dy_conllu_reader r;
    dy_conllu_init(&r, f, "fuzz-input");
    volatile unsigned sink = 0;
    for (;;) {
        dy_conllu_sent s;
        dyad_error err;
        int got = 0;
        dyad_status st = dy_conllu_next(&r, &s, &got, &err);
        if (st == DYAD_ERR_PARSE || st == DYAD_ERR_LIMIT) {
            sink += touch(err.message, strlen(err.message)) + (unsigned)err.line;
            continue;
        }
        if (st != DYAD_OK || !got)
            break;
        sink += touch_sent(&s);
        to_words(&s, w);
        round_trip(&s, w, 0);
        round_trip(&s, w, 1);
    }
    (void)sink;
    dy_conllu_free(&r);
    fclose(f);
    free(w);
    return 0;
}
