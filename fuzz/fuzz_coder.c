/* fuzz_coder.c — fuzz harness for the whole coder: the fixed invented
 * dictionary codes and explains the input text (first byte: flags). */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

/* Options a flags byte can switch on, so the fuzzer reaches their paths. */
static const char *const options[] = {
    NULL, "SET: CODE BY SENTENCE", "SET: CODE ALL", "COMMA: OFF",
    "NONEVENTS: TRUE", "DEFAULT: SOURCE [QLL] PRIOR TARGET [BRS] AFTER",
    "SET: TIME SHIFTING = TRUE", "COMPLEX: VERBS[2] NOSOURCE",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Made once: the dictionary never changes, and a coder is meant to be
     * reused (its word cache is large to set up). */
    static dyad_dict *dict;
    static dyad_coder *c;
    dyad_error err;
    if (!dict && (fz_load_dict(NULL, NULL, 0, &dict, &err) != DYAD_OK ||
                  dyad_coder_new(dict, &c, &err) != DYAD_OK))
        abort();   /* the fixed dictionary must load */
    if (size < 1)
        return 0;
    dyad_coder_reset_options(c);
    unsigned flags = data[0];
    if (options[(flags >> 1) & 7])
        dyad_coder_set_option(c, options[(flags >> 1) & 7], &err);
    dyad_story st;
    memset(&st, 0, sizeof st);
    st.id = "FZ-1";
    st.date = 20240101;
    st.text = (const char *)data + 1;
    st.text_len = size - 1;
    st.one_sentence = flags & 1;
    /* flag 16: "text NUL bracketing", given as one presplit sentence */
    dyad_presplit pre;
    const char *nul = memchr(st.text, '\0', st.text_len);
    if ((flags & 16) && nul) {
        pre.start = 0;
        pre.end = (size_t)(nul - st.text);
        pre.parse = nul + 1;
        pre.parse_len = st.text_len - pre.end - 1;
        st.presplit = &pre;
        st.n_presplit = 1;
    }
    dyad_result res;
    if (dyad_code(c, &st, &res, &err) == DYAD_OK) {
        for (size_t i = 0; i < res.n_events; i++) {
            const dyad_event *e = &res.events[i];
            if (e->source_span.end > st.text_len || e->target_span.end > st.text_len ||
                e->verb_span.end > st.text_len || !e->code || !e->source || !e->target)
                abort();   /* spans must lie inside the text */
        }
        for (size_t i = 0; i < res.n_sentences; i++)
            if (res.sentences[i].span.start > res.sentences[i].span.end ||
                res.sentences[i].span.end > st.text_len)
                abort();
    }
    char *text = NULL;
    if (dyad_explain(c, &st, &text, &err) == DYAD_OK)
        free(text);
    return 0;
}
