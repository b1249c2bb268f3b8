/* fuzz_events_file.c — fuzz harness: the input is an events file for dyad
 * series (JSON Lines or TSV as dyad code writes them, or anything), loaded
 * and counted by day with groups and by quarter for a dyad. */
#include "fuzz.h"
#include "store/series.h"

#include <string.h>

static int row(void *ctx, const char *period, const char *group, double value, long events)
{
    size_t *n = ctx;
    *n += strlen(period) + strlen(group) + (size_t)events + (value == value);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const dyad_series_query queries[] = {
        {DYAD_BY_DAY, NULL, NULL, 0, DYAD_GROUP_QUAD, DYAD_MEASURE_COUNT, 0, 0},
        {DYAD_BY_QUARTER, "RUS", "UKRGOV", 1, DYAD_GROUP_ROOT, DYAD_MEASURE_GOLDSTEIN_MEAN,
         20200101, 20301231},
    };
    for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
        FILE *f = fz_stream(data, size);
        if (!f)
            return 0;
        size_t n = 0;
        dyad_error err = {0};
        dyad_series_info info;
        dy_series_stream(f, "fuzz", &queries[i], row, &n, &info, &err);
        fclose(f);
    }
    return 0;
}
