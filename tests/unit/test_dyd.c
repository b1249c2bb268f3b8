/* test_dyd.c — compiled dictionaries (.dyd): a round trip codes exactly as the
 * text dictionaries do; stale, damaged and foreign files are refused. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/strbuf.h"
#include "dict/dict.h"
#include "dict/dyd.h"

static const char *shared_path(const char *rel)
{
    static char buf[4][1024];
    static int k;
    const char *root = getenv("SHARED");
    char *b = buf[k++ & 3];
    snprintf(b, sizeof buf[0], "%s/%s", root && *root ? root : "../shared", rel);
    return b;
}

static dyad_dict *load(const char *path)
{
    dyad_dict *d = NULL;
    dyad_error err = {0};
    cr_assert_eq(dyad_dict_load(path, &d, &err), DYAD_OK, "%s: %s", path, err.message);
    return d;
}

/* Every event of every line of text (one story per line), as text. */
static char *code_lines(const dyad_dict *d, const char *text, size_t max_lines)
{
    dyad_coder *c = NULL;
    dyad_error err = {0};
    cr_assert_eq(dyad_coder_new(d, &c, &err), DYAD_OK);
    dy_strbuf out;
    dy_strbuf_init(&out);
    size_t line = 0;
    for (const char *p = text; *p && line < max_lines; line++) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        dyad_story st = {0};
        st.id = "s";
        st.date = 20260101;
        st.text = p;
        st.text_len = n;
        dyad_result res;
        cr_assert_eq(dyad_code(c, &st, &res, &err), DYAD_OK);
        for (size_t i = 0; i < res.n_sentences; i++)
            dy_strbuf_printf(&out, "%zu/%zu %d %s\n", line, i, (int)res.sentences[i].status,
                             res.sentences[i].reason ? res.sentences[i].reason : "");
        for (size_t i = 0; i < res.n_events; i++) {
            const dyad_event *ev = &res.events[i];
            dy_strbuf_printf(&out, "%zu %s %s %s %s %s:%ld %s\n", line, ev->source, ev->target,
                             ev->code, ev->pattern ? ev->pattern : "-",
                             ev->pattern_where ? ev->pattern_where : "-", ev->pattern_line,
                             ev->issues ? ev->issues : "-");
        }
        p = e ? e + 1 : p + n;
    }
    dyad_coder_free(c);
    return dy_strbuf_take(&out);
}

/* Loads path from text, codes text, compiles, frees the text dictionary (so a
 * pointer the compiler missed would dangle), loads the .dyd and codes again. */
static void round_trip(const char *path, const char *text, size_t max_lines)
{
    dyad_dict *d = load(path);
    char *want = code_lines(d, text, max_lines);
    unsigned char *blob;
    size_t len;
    dyad_error err = {0};
    cr_assert_eq(dy_dyd_build(d, &blob, &len, &err), DYAD_OK);
    char *warn = strdup(dyad_dict_warnings(d));
    dyad_dict_stats s1, s2;
    dyad_dict_get_stats(d, &s1);
    dyad_dict_free(d);

    dyad_dict *m = NULL;
    cr_assert_eq(dy_dyd_load_mem(blob, len, "mem.dyd", &m, &err), DYAD_OK, "%s", err.message);
    dyad_dict_get_stats(m, &s2);
    cr_assert_eq(memcmp(&s1, &s2, sizeof s1), 0);
    cr_assert_str_eq(dyad_dict_warnings(m), warn);
    char *got = code_lines(m, text, max_lines);
    cr_assert_str_eq(got, want, "%s: coding differs after the round trip", path);
    cr_assert_gt(strlen(want), 0);

    /* compiling the loaded dictionary gives the same bytes */
    unsigned char *blob2;
    size_t len2;
    cr_assert_eq(dy_dyd_build(m, &blob2, &len2, &err), DYAD_OK);
    cr_assert_eq(len2, len);
    cr_assert_eq(memcmp(blob2, blob, len), 0);
    free(blob2);
    dyad_dict_free(m);
    free(blob);
    free(want);
    free(got);
    free(warn);
}

static const char sample[] =
    "France praised Germany for its new energy plan on Tuesday in Paris.\n"
    "Brazil accused Argentina of closing the border near the river crossing.\n"
    "Japan met India about maritime security in a long meeting on Friday.\n"
    "The president of Kenya said that Uganda had attacked its villages.\n"
    "Russia and China agreed to cooperate on trade, officials said yesterday.\n";

Test(dyd, round_trip_test_dictionaries)
{
    round_trip("tests/fixtures/cli/mini.project", sample, 100);
}

Test(dyd, round_trip_default_dictionaries)
{
    dyad_dict *d = NULL;
    dyad_error err = {0};
    cr_assert_eq(dyad_dict_load_default(&d, &err), DYAD_OK);
    char *want = code_lines(d, sample, 100);
    unsigned char *blob;
    size_t len;
    cr_assert_eq(dy_dyd_build(d, &blob, &len, &err), DYAD_OK);
    dyad_dict_free(d);
    dyad_dict *m = NULL;
    cr_assert_eq(dy_dyd_load_mem(blob, len, "default.dyd", &m, &err), DYAD_OK, "%s", err.message);
    char *got = code_lines(m, sample, 100);
    cr_assert_str_eq(got, want);
    dyad_dict_free(m);
    free(blob);
    free(want);
    free(got);
}

Test(dyd, round_trip_production_dictionaries)
{
    const char *corpus = shared_path("corpus/news-sentences.txt");
    const char *phx = shared_path("dictionaries/phoenix");
    if (access(corpus, R_OK) != 0 || access(phx, R_OK) != 0) {
        printf("skipped: production round trip: ../shared not found\n");
        return;
    }
    char *text = NULL;
    FILE *f = fopen(corpus, "rb");
    cr_assert_not_null(f);
    size_t cap = 4 << 20;
    text = malloc(cap + 1);
    size_t n = fread(text, 1, cap, f);
    fclose(f);
    text[n] = '\0';
    round_trip(phx, text, 3000);
    round_trip(shared_path("validation/tabari/Validate.project"), text, 500);
    free(text);
}

static unsigned char *compiled_mini(size_t *len)
{
    dyad_dict *d = load("tests/fixtures/cli/mini.project");
    unsigned char *blob;
    dyad_error err = {0};
    cr_assert_eq(dy_dyd_build(d, &blob, len, &err), DYAD_OK);
    dyad_dict_free(d);
    return blob;
}

static void expect_refused(unsigned char *blob, size_t len, const char *needle)
{
    dyad_dict *m = NULL;
    dyad_error err = {0};
    cr_assert_eq(dy_dyd_load_mem(blob, len, "x.dyd", &m, &err), DYAD_ERR_PARSE);
    cr_assert_null(m);
    cr_assert_str_eq(err.where, "x.dyd");
    cr_assert(strstr(err.message, needle), "message: %s", err.message);
    cr_assert(strstr(err.message, "dyad dict compile"), "message: %s", err.message);
}

Test(dyd, refuses_damaged_stale_and_foreign_files)
{
    size_t len;
    unsigned char *blob = compiled_mini(&len);
    blob[len / 2] ^= 0x40;
    expect_refused(blob, len, "checksum");
    blob[len / 2] ^= 0x40;
    expect_refused(blob, len - 1, "truncated");
    blob[8] ^= 1;                                /* the format number */
    expect_refused(blob, len, "another build");
    blob[8] ^= 1;
    blob[12] ^= 1;                               /* the struct layout hash */
    expect_refused(blob, len, "another build");
    blob[12] ^= 1;
    memcpy(blob, "NOTADYAD", 8);
    expect_refused(blob, len, "not a compiled dyad dictionary");
    expect_refused(blob, 3, "not a compiled dyad dictionary");
    free(blob);
}

/* The review's attack: words changed inside the arrays and the checksum
 * recomputed the way the writer does. Every such file is refused or codes
 * without reading out of bounds (the sanitizer build and valgrind check
 * that), and a trie child pointed outside the trie is refused by name. */
Test(dyd, crafted_files_are_refused_or_safe)
{
    size_t len;
    unsigned char *orig = compiled_mini(&len);
    unsigned char *f = malloc(len);
    unsigned rng = 7;
    int accepted = 0, refused = 0;
    for (int trial = 0; trial < 1500; trial++) {
        memcpy(f, orig, len);
        for (int k = 0; k < 1 + trial % 3; k++) {
            rng = rng * 1103515245u + 12345u;
            size_t at = 64 + (rng >> 4) % (len - 64);
            rng = rng * 1103515245u + 12345u;
            f[at] ^= (unsigned char)(1u << ((rng >> 16) % 8));
        }
        cr_assert_eq(dy_dyd_fix_checksum(f, len), 0);
        dyad_dict *d = NULL;
        dyad_error err = {0};
        if (dy_dyd_load_mem(f, len, "crafted.dyd", &d, &err) != DYAD_OK) {
            refused++;
            cr_assert_null(d);
            continue;
        }
        accepted++;
        free(code_lines(d, "Brazil accused Argentina of closing the border.\n", 4));
        dyad_dict_free(d);
    }
    cr_assert_gt(accepted, 0);
    cr_assert_gt(refused, 0);
    free(f);
    free(orig);
}

Test(dyd, save_and_map)
{
    dyad_dict *d = load("tests/fixtures/cli/mini.project");
    char path[] = "/tmp/dyad_test_XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    close(fd);
    dyad_error err = {0};
    cr_assert_eq(dyad_dict_save(d, path, &err), DYAD_OK, "%s", err.message);
    char *want = code_lines(d, sample, 100);
    dyad_dict_free(d);
    dyad_dict *m = load(path);                   /* dyad_dict_load sees the magic */
    cr_assert_not_null(m->mapped);
    char *got = code_lines(m, sample, 100);
    cr_assert_str_eq(got, want);
    dyad_dict_free(m);
    /* a text file is still read as a dictionary, and a bad .dyd is refused */
    FILE *f = fopen(path, "r+b");
    cr_assert_not_null(f);
    fseek(f, 100, SEEK_SET);
    fputc('!', f);
    fclose(f);
    m = NULL;
    cr_assert_eq(dyad_dict_load(path, &m, &err), DYAD_ERR_PARSE);
    cr_assert(strstr(err.message, "checksum"), "%s", err.message);
    remove(path);
    free(want);
    free(got);
}

/* dict.h changed? Then src/dict/dyd.c must store every new field (strings and
 * pointers need a fix-up there), and this number is updated after checking. */
Test(dyd, serializer_knows_the_dict_layout)
{
    if (sizeof(void *) != 8) {
        printf("skipped: layout check is for 64-bit builds\n");
        return;
    }
    cr_expect_eq(dy_dyd_layout_hash(), 3604903671u,
                 "struct layout of dict.h changed (hash %u): make src/dict/dyd.c cover every "
                 "new field, then put the new hash here", dy_dyd_layout_hash());
}
