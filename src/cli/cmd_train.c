/* cmd_train.c — `dyad train`: a syntax model from Universal Dependencies
 * treebanks (what `make model` runs), with its progress on stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

static void progress(void *ctx, const char *message)
{
    const struct timespec *t0 = ctx;
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    double s = (double)(t.tv_sec - t0->tv_sec) + (t.tv_nsec - t0->tv_nsec) * 1e-9;
    fprintf(stderr, "dyad train: [%6.1f s] %s\n", s, message);
}

static int number(const char *s, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end || v < lo || v > hi) return 0;
    *out = (int)v;
    return 1;
}

int cmd_train(int argc, char **argv)
{
    const char *out = NULL, *val;
    const char **train = calloc((size_t)argc + 1, sizeof *train);
    const char **dev = calloc((size_t)argc + 1, sizeof *dev);
    dyad_train_options o;
    memset(&o, 0, sizeof o);
    int status = CLI_OK, m, seed = 0;
    if (!train || !dev) {
        free(train);
        free(dev);
        cli_errorf("out of memory");
        return CLI_ERROR;
    }
    for (int i = 1; i < argc && status == CLI_OK; i++) {
        if ((m = cli_opt_value(argc, argv, &i, "-o", &val)) != 0 ||
            (m = cli_opt_value(argc, argv, &i, "--output", &val)) != 0) {
            if (m < 0) status = cli_usage("train", "missing value for", "-o");
            else out = val;
        } else if ((m = cli_opt_value(argc, argv, &i, "--train", &val)) != 0) {
            if (m < 0) status = cli_usage("train", "missing value for", "--train");
            else train[o.n_train++] = val;
        } else if ((m = cli_opt_value(argc, argv, &i, "--dev", &val)) != 0) {
            if (m < 0) status = cli_usage("train", "missing value for", "--dev");
            else dev[o.n_dev++] = val;
        } else if ((m = cli_opt_value(argc, argv, &i, "--tagger-epochs", &val)) != 0) {
            if (m < 0 || !number(val, 1, 100, &o.tagger_epochs))
                status = cli_usage("train", "--tagger-epochs wants 1 to 100, got", m < 0 ? "" : val);
        } else if ((m = cli_opt_value(argc, argv, &i, "--parser-epochs", &val)) != 0) {
            if (m < 0 || !number(val, 1, 100, &o.parser_epochs))
                status = cli_usage("train", "--parser-epochs wants 1 to 100, got", m < 0 ? "" : val);
        } else if ((m = cli_opt_value(argc, argv, &i, "--folds", &val)) != 0) {
            if (m < 0 || !number(val, 2, 20, &o.folds))
                status = cli_usage("train", "--folds wants 2 to 20, got", m < 0 ? "" : val);
        } else if ((m = cli_opt_value(argc, argv, &i, "--seed", &val)) != 0) {
            if (m < 0 || !number(val, 1, 2000000000, &seed))
                status = cli_usage("train", "--seed wants a positive number, got", m < 0 ? "" : val);
        } else if ((m = cli_jobs_opt(argc, argv, &i, &o.threads)) != 0) {
            if (m < 0) status = cli_usage("train", "-j wants a number of threads, got", argv[i]);
        } else {
            status = cli_usage("train", "unknown argument", argv[i]);
        }
    }
    if (status == CLI_OK && (!out || o.n_train == 0))
        status = cli_usage("train", "needs -o FILE and at least one --train FILE", "");
    if (status != CLI_OK) {
        free(train);
        free(dev);
        return status;
    }
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    o.train_files = train;
    o.dev_files = dev;
    o.seed = (unsigned long)seed;
    if (o.threads <= 0) o.threads = cli_cores();
    o.progress = progress;
    o.progress_ctx = &t0;
    dyad_error err = {0};
    dyad_status st = dyad_model_train(&o, out, &err);
    if (st != DYAD_OK) cli_report(&err);
    free(train);
    free(dev);
    return st == DYAD_OK ? CLI_OK : CLI_ERROR;
}
