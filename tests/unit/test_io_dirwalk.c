/* test_io_dirwalk.c — walking a folder given as input: sorted by bytes,
 * hidden names left out, sub-folders depth-first with -r, links never looping. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/dirwalk.h"

static char root[64];

static void touch(const char *rel)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    FILE *f = fopen(p, "w");
    cr_assert_not_null(f, "%s", p);
    fclose(f);
}

static void dir(const char *rel)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    cr_assert_eq(mkdir(p, 0755), 0, "%s", p);
}

static void link_to(const char *target, const char *rel)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    cr_assert_eq(symlink(target, p), 0, "%s", p);
}

static void setup(void)
{
    strcpy(root, "/tmp/dyad-walk-XXXXXX");
    cr_assert_not_null(mkdtemp(root));
    dir("b");
    dir("b/c");
    dir(".git");
    touch("Z.txt");
    touch("a.jsonl");
    touch("b/x");
    touch("b/c/y");
    touch(".hidden");
    touch(".git/config");
    touch("\xC3\xA9.txt");   /* after every ASCII name in byte order */
    link_to("..", "b/up");
    link_to("../a.jsonl", "b/also.jsonl");
    link_to("nowhere", "b/broken");
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    cr_expect_eq(system(cmd), 0);
}

/* "K name;" for every entry, K the kind's number, name relative to root. */
static void walk(int recursive, char *out, size_t n)
{
    dy_dirwalk *w = NULL;
    dyad_error err = {0};
    cr_assert_eq(dy_dirwalk_open(root, recursive, &w, &err), DYAD_OK, "%s", err.message);
    out[0] = '\0';
    const char *p;
    dy_walk_kind k;
    while ((k = dy_dirwalk_next(w, &p, &err)) != DY_WALK_END) {
        size_t len = strlen(out);
        snprintf(out + len, n - len, "%d %s;", (int)k, p + strlen(root) + 1);
    }
    dy_dirwalk_free(w);
}

TestSuite(dirwalk, .init = setup, .fini = teardown);

Test(dirwalk, flat)
{
    char out[1024];
    walk(0, out, sizeof out);
    cr_expect_str_eq(out, "1 Z.txt;1 a.jsonl;2 b;1 \xC3\xA9.txt;");
}

Test(dirwalk, recursive)
{
    char out[1024];
    walk(1, out, sizeof out);
    /* an entered folder is not an entry of its own; a broken link cannot be opened */
    cr_expect_str_eq(out, "1 Z.txt;1 a.jsonl;1 b/also.jsonl;6 b/broken;1 b/c/y;3 b/up;"
                          "1 b/x;1 \xC3\xA9.txt;");
}

Test(dirwalk, missing)
{
    dy_dirwalk *w = NULL;
    dyad_error err = {0};
    cr_expect_eq(dy_dirwalk_open("/no/such/folder", 1, &w, &err), DYAD_ERR_IO);
    cr_expect_null(w);
    cr_expect_str_eq(err.message, "cannot open: No such file or directory");
}
