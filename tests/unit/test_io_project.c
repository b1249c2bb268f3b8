/* test_io_project.c — finding <textfile> entries of a .project file and
 * resolving names against the project's folder. */
#include <criterion/criterion.h>
#include <string.h>

#include "io/project.h"

Test(project, path_beside)
{
    char out[64];
    cr_assert(dy_path_beside(out, sizeof out, "a/b/x.project", "y.text", 6));
    cr_expect_str_eq(out, "a/b/y.text");
    cr_assert(dy_path_beside(out, sizeof out, "x.project", "y.text", 6));
    cr_expect_str_eq(out, "y.text");
    cr_assert(dy_path_beside(out, sizeof out, "a/x.project", "/abs/y.text", 11));
    cr_expect_str_eq(out, "/abs/y.text");
    cr_expect_not(dy_path_beside(out, 8, "a/x.project", "long-name.text", 14));
}

Test(project, textfiles)
{
    dy_project_texts t;
    dyad_error err = {0};
    cr_assert_eq(dy_project_textfiles("tests/fixtures/cli/validate.project", &t, &err), DYAD_OK,
                 "%s", err.message);
    cr_assert_eq(t.n, 1);
    cr_expect_str_eq(t.path[0], "tests/fixtures/cli/validate.text");
    cr_expect_eq(dy_project_textfiles("tests/fixtures/cli/missing.project", &t, &err),
                 DYAD_ERR_IO);
}
