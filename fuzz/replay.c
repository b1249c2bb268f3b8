/* replay.c — a main() for the fuzz harnesses when built without libFuzzer:
 * runs the harness once on every file named, or every file in a folder named. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/file.h"
#include "fuzz.h"

static int replay_file(const char *path)
{
    char *buf;
    size_t len;
    dyad_error err;
    if (dy_read_file(path, &buf, &len, &err) != DYAD_OK) {
        fprintf(stderr, "%s: %s\n", path, err.message);
        return 1;
    }
    LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
    free(buf);
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file of dir, in name order so runs are reproducible. */
static int replay_dir(const char *dir, int *count)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "%s: cannot open folder\n", dir);
        return 1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int failed = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = realloc(names, cap * sizeof *names);
            if (!p) {
                failed = 1;
                break;
            }
            names = p;
        }
        size_t k = strlen(dir) + strlen(de->d_name) + 2;
        names[n] = malloc(k);
        if (!names[n]) {
            failed = 1;
            break;
        }
        snprintf(names[n++], k, "%s/%s", dir, de->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        struct stat sb;
        if (!failed && stat(names[i], &sb) == 0 && S_ISREG(sb.st_mode)) {
            failed |= replay_file(names[i]);
            ++*count;
        }
        free(names[i]);
    }
    free(names);
    return failed;
}

int main(int argc, char **argv)
{
    int failed = 0, count = 0;
    for (int i = 1; i < argc; i++) {
        struct stat sb;
        if (stat(argv[i], &sb) != 0)
            continue;   /* a harness with no regressions yet has no folder */
        if (S_ISDIR(sb.st_mode)) {
            failed |= replay_dir(argv[i], &count);
        } else {
            failed |= replay_file(argv[i]);
            count++;
        }
    }
    printf("replayed %d inputs\n", count);
    return failed;
}
