/* jsonl2gdelt.c — what `dyad code --in jsonl --out gdelt -j N` does, through
 * the public API alone (dyad.h, dyad_io.h): JSON Lines stories in, coded on
 * N threads, GDELT 2.0 event lines out in input order. Built by `make` as
 * build/examples/jsonl2gdelt. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "dyad_io.h"

typedef struct run {
    dyad_pipeline *pipe;
    dyad_writer *out;
    dyad_idset *ids;       /* a story id read twice is coded once */
    long skipped;
    int failed;
} run;

/* Every story in input order: its lines were built by the coding thread. */
static int sink(void *ctx, dyad_status status, const dyad_story *story,
                const dyad_result *result, const dyad_error *err)
{
    run *r = ctx;
    (void)result;
    if (status != DYAD_OK) {   /* a skipped line, or a story that failed */
        fprintf(stderr, "jsonl2gdelt: %s:%ld: %s\n", err->where, err->line, err->message);
        r->skipped++;
        return !story && status != DYAD_ERR_PARSE;   /* a read error ends the run */
    }
    int fresh = dyad_idset_add(r->ids, story->id, strlen(story->id));
    if (fresh <= 0) {
        fprintf(stderr, "jsonl2gdelt: story %s: %s\n", story->id,
                fresh ? "out of memory" : "duplicate story id; skipped");
        r->skipped++;
        return fresh < 0;
    }
    size_t len, lines;
    const char *text = dyad_pipeline_lines(r->pipe, &len, &lines);
    dyad_error werr = {0};
    if (dyad_writer_lines(r->out, text, len, lines, &werr) != DYAD_OK) {
        fprintf(stderr, "jsonl2gdelt: %s: %s\n", werr.where, werr.message);
        r->failed = 1;
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 4) {
        fprintf(stderr, "usage: jsonl2gdelt STORIES.jsonl|- [DICTIONARY.project|default] [THREADS]\n");
        return 2;
    }
    const char *dict_path = argc > 2 ? argv[2] : "default";
    int threads = argc > 3 ? atoi(argv[3]) : 2;
    FILE *f = argv[1][0] == '-' && !argv[1][1] ? stdin : fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    run r = {0};
    dyad_dict *dict = NULL;
    dyad_reader *rd = NULL;
    dyad_error err = {0};
    dyad_status st = !strcmp(dict_path, "default") ? dyad_dict_load_default(&dict, &err)
                                                   : dyad_dict_load(dict_path, &dict, &err);
    if (st == DYAD_OK)
        st = dyad_reader_new(f, argv[1], DYAD_INPUT_JSONL, &rd, &err);
    if (st == DYAD_OK)
        st = dyad_idset_new(0, &r.ids, &err);
    if (st == DYAD_OK)
        st = dyad_writer_new(stdout, "stdout", DYAD_FORMAT_GDELT, &r.out, &err);
    if (st == DYAD_OK)   /* the coding threads build the lines the writer writes */
        st = dyad_pipeline_new(dict, NULL, threads, dyad_writer_formatter(r.out), &r.pipe, &err);
    if (st == DYAD_OK) {
        st = dyad_pipeline_run(r.pipe, rd, sink, &r, &err);
        if (st == DYAD_STOPPED)
            st = r.failed ? DYAD_ERR_IO : DYAD_OK;
    }
    if (st == DYAD_OK)
        st = dyad_writer_finish(r.out, &err);
    if (st != DYAD_OK && err.message[0])
        fprintf(stderr, "jsonl2gdelt: %s: %s\n", err.where, err.message);
    fprintf(stderr, "jsonl2gdelt: %ld events written, %ld stories skipped\n",
            dyad_writer_events(r.out), r.skipped);
    dyad_pipeline_free(r.pipe);
    dyad_writer_free(r.out);
    dyad_idset_free(r.ids);
    dyad_reader_free(rd);
    dyad_dict_free(dict);
    if (f != stdin)
        fclose(f);
    return st == DYAD_OK ? 0 : 1;
}
