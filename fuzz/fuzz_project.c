/* fuzz_project.c — fuzz harness: the input is a .project file read for its
 * <textfile> entries (src/io/project.c), through a temporary file. */
#include <stdlib.h>
#include <unistd.h>

#include "fuzz.h"
#include "io/project.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[] = "/tmp/dyad-fuzz-project-XXXXXX";
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
        static dy_project_texts texts;   /* 16 KB: off the stack */
        dyad_error err;
        dy_project_textfiles(path, &texts, &err);
    }
    unlink(path);
    return 0;
}
