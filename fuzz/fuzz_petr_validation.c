/* fuzz_petr_validation.c — fuzz harness: the input is a PETRARCH validation
 * file (src/io/petrarch_validation.c), read item by item from a temporary file. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "io/petrarch_validation.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[] = "/tmp/dyad-fuzz-pv-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return 0;
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        close(fd);
        unlink(path);
        return 0;
    }
    int ok = fwrite(data, 1, size, f) == size;
    if (fclose(f) == 0 && ok) {
        static dy_pv_file pv;   /* large: off the stack */
        static dy_pv_item it;
        dyad_error err;
        memset(&pv, 0, sizeof pv);
        if (dy_pv_open(&pv, path, &err) == DYAD_OK) {
            static const dyad_event ev = {.sentence = 1, .date = 20240101, .source = "QLL",
                                          .target = "BRS", .code = "042"};
            dyad_result res;
            memset(&res, 0, sizeof res);
            res.events = &ev;
            res.n_events = 1;
            int rc;
            while ((rc = dy_pv_next(&pv, &it, &err)) != 0)
                if (rc > 0 && it.kind == DY_PV_RECORD)
                    (void)dy_pv_matches(&it, &res);
        }
        dy_pv_close(&pv);
    }
    unlink(path);
    return 0;
}
