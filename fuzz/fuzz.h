/* fuzz.h — what every fuzz harness shares: the libFuzzer entry point, a
 * FILE* over the input, and a small fixed dictionary of invented words. */
#ifndef DY_FUZZ_H
#define DY_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dyad.h"
#include "io/reader.h"

/* Each harness defines this; libFuzzer (or fuzz/replay.c) calls it. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A read-only stream over data[0..size) (an empty one when size is 0);
 * NULL when it cannot be opened. Close with fclose. */
FILE *fz_stream(const uint8_t *data, size_t size);

/* Loads the fixed test dictionary "fz/fz.project" with the file `name`
 * ("fz/fz.actors", "fz/fz.verbs", ..., or the project itself) replaced by
 * data[0..size); name NULL loads it unchanged. Returns the load status. */
dyad_status fz_load_dict(const char *name, const uint8_t *data, size_t size,
                         dyad_dict **out, dyad_error *err);

/* Codes a few fixed sentences with dict (and explains them): how the
 * dictionary harnesses check that whatever loads can also be used. */
void fz_code_fixed(const dyad_dict *dict);

/* Reads every story of data[0..size) in format fmt, touching each field so
 * the sanitizers see every byte the reader hands out; returns the count. */
size_t fz_read_all(dy_in_format fmt, const uint8_t *data, size_t size);

/* The whole body of a dictionary harness: load with `name` replaced by the
 * input; when it loads, code the fixed sentences with it. */
void fz_dict_harness(const char *name, const uint8_t *data, size_t size);

#endif
