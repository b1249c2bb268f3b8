/* minimal.c — the smallest program using libdyad: load a dictionary, code one
 * story, print its events. Built by `make` as build/examples/minimal. */
#include <stdio.h>
#include <string.h>

#include "dyad.h"

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: minimal DICTIONARY.project \"a sentence\"\n");
        return 2;
    }
    dyad_dict *dict = NULL;
    dyad_coder *coder = NULL;
    dyad_error err = {0};
    if (dyad_dict_load(argv[1], &dict, &err) != DYAD_OK ||
        dyad_coder_new(dict, &coder, &err) != DYAD_OK) {
        fprintf(stderr, "minimal: %s:%ld: %s\n", err.where, err.line, err.message);
        dyad_dict_free(dict);
        return 1;
    }
    dyad_story story = {0};
    story.id = "example";
    story.date = dyad_parse_date("2026-11-20", 10);
    story.text = argv[2];
    story.text_len = strlen(argv[2]);

    dyad_result res;
    int status = 0;
    if (dyad_code(coder, &story, &res, &err) != DYAD_OK) {
        fprintf(stderr, "minimal: %s\n", err.message);
        status = 1;
    } else {
        for (size_t i = 0; i < res.n_events; i++) {
            const dyad_event *ev = dyad_result_event(&res, i);
            printf("%s\t%s\t%s\n", ev->source, ev->target, ev->code);
        }
    }
    dyad_coder_free(coder);
    dyad_dict_free(dict);
    return status;
}
