/* test_io_xml_cut.c — the XML cutter: elements cut whole past comments, CDATA,
 * PIs, DOCTYPEs and quoted '>', lines, what is left open, limits, encodings. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/xml_cut.h"

/* A stream over s: through a file descriptor (read(2)) or, with `mem`, a
 * stdio stream that has none (fmemopen), which the cutter reads by getc. */
static FILE *stream(const char *s, size_t n, int mem)
{
    if (mem)
        return fmemopen((void *)s, n, "rb");
    FILE *f = tmpfile();
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(s, 1, n, f), n);
    rewind(f);
    return f;
}

/* One cut, its bytes copied (they live only until the next call). */
typedef struct piece {
    dy_cut_kind kind;
    char *bytes;
    long line, open_line;
    char open[64];
    int open_element;
} piece;

/* Cuts all of s (n bytes) into at most max pieces; returns how many, the
 * final END not counted. */
static size_t cut_all(const char *s, size_t n, int mem, size_t max_bytes, piece *out, size_t max)
{
    FILE *f = stream(s, n, mem);
    cr_assert_not_null(f);
    dy_xml_cutter c;
    dy_xml_cutter_init(&c, f, "Sentence", max_bytes);
    size_t k = 0;
    for (;;) {
        dy_cut cut;
        dy_cut_kind kind = dy_xml_cut_next(&c, &cut);
        cr_assert_eq(kind, cut.kind);
        if (kind == DY_CUT_END)
            break;
        cr_assert_lt(k, max, "more pieces than expected");
        piece *p = &out[k++];
        memset(p, 0, sizeof *p);
        p->kind = kind;
        p->line = cut.line;
        p->open_line = cut.open_line;
        p->open_element = cut.open_element;
        if (cut.open)
            snprintf(p->open, sizeof p->open, "%s", cut.open);
        if (cut.bytes) {
            p->bytes = malloc(cut.len + 1);
            memcpy(p->bytes, cut.bytes, cut.len);
            p->bytes[cut.len] = '\0';
        }
    }
    dy_cut last;
    cr_expect_eq(dy_xml_cut_next(&c, &last), DY_CUT_END, "END stays END");
    dy_xml_cutter_free(&c);
    fclose(f);
    return k;
}

static void free_pieces(piece *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(p[i].bytes);
}

/* Both ways of reading give the same pieces. */
static size_t cut_str(const char *s, piece *out, size_t max)
{
    piece again[16];
    size_t n = cut_all(s, strlen(s), 0, 1 << 20, out, max);
    size_t m = cut_all(s, strlen(s), 1, 1 << 20, again, 16);
    cr_assert_eq(n, m, "read(2) and stdio disagree");
    for (size_t i = 0; i < n; i++) {
        cr_expect_eq(out[i].kind, again[i].kind);
        cr_expect_eq(out[i].line, again[i].line);
        cr_expect_str_eq(out[i].bytes ? out[i].bytes : "", again[i].bytes ? again[i].bytes : "");
    }
    free_pieces(again, m);
    return n;
}

Test(xml_cut, elements_whole_past_comments_cdata_pis_and_quoted_gt)
{
    const char *s = "<?xml version=\"1.0\"?>\n"
                    "<!DOCTYPE Sentences [\n"
                    "  <!ENTITY e \"<Sentence id='d'> ]> \">\n"
                    "  <!-- ' ]> -->\n"
                    "]>\n"
                    "<Sentences>\n"
                    "<!-- <Sentence id=\"c\"></Sentence> -->\n"
                    "<?pi <Sentence id=\"p\"> ?>\n"
                    "<Sentence id=\"a\" note=\"x > y\">\n"
                    "<!-- </Sentence> -->\n"
                    "<Text><![CDATA[ </Sentence><Sentence> ]]></Text>\n"
                    "</Sentence>\n"
                    "<Sentence id=\"b\"/><Sentence\tid=\"c\" ></Sentence >\n"
                    "</Sentences>\n";
    piece p[8];
    size_t n = cut_str(s, p, 8);
    cr_assert_eq(n, 3);
    cr_expect_eq(p[0].kind, DY_CUT_ELEMENT);
    cr_expect_eq(p[0].line, 9);
    cr_expect_str_eq(p[0].bytes, "<Sentence id=\"a\" note=\"x > y\">\n"
                                 "<!-- </Sentence> -->\n"
                                 "<Text><![CDATA[ </Sentence><Sentence> ]]></Text>\n"
                                 "</Sentence>");
    cr_expect_str_eq(p[1].bytes, "<Sentence id=\"b\"/>");
    cr_expect_eq(p[1].line, 13);
    cr_expect_str_eq(p[2].bytes, "<Sentence\tid=\"c\" ></Sentence >");
    free_pieces(p, n);
}

Test(xml_cut, other_names_are_not_the_element)
{
    piece p[4];
    size_t n = cut_str("<Sentences><SentenceX/><Sentence>x</Sentence></Sentences>", p, 4);
    cr_assert_eq(n, 1);
    cr_expect_str_eq(p[0].bytes, "<Sentence>x</Sentence>");
    free_pieces(p, n);
}

Test(xml_cut, unclosed_element_ends_at_the_next_one)
{
    piece p[4];
    size_t n = cut_str("<Sentences>\n<Sentence id=\"a\"><Text>x</Text>\n"
                       "<Sentence id=\"b\"><Text>y</Text></Sentence>\n</Sentences>\n",
                       p, 4);
    cr_assert_eq(n, 2);
    cr_expect_eq(p[0].kind, DY_CUT_UNCLOSED);
    cr_expect_eq(p[0].line, 2);
    cr_expect_eq(p[0].open_line, 3);
    cr_expect_str_eq(p[0].bytes, "<Sentence id=\"a\"><Text>x</Text>\n");
    cr_expect_eq(p[1].kind, DY_CUT_ELEMENT);
    cr_expect_eq(p[1].line, 3);
    free_pieces(p, n);
}

Test(xml_cut, an_unclosed_quote_costs_one_element)
{
    piece p[4];
    size_t n = cut_str("<S>\n<Sentence id=\"a><Text>x</Text></Sentence>\n"
                       "<Sentence id=\"b\"><Text>y</Text></Sentence>\n</S>\n",
                       p, 4);
    cr_assert_eq(n, 2);
    cr_expect_eq(p[0].kind, DY_CUT_ELEMENT);   /* libxml2 will find it malformed */
    cr_expect_str_eq(p[1].bytes, "<Sentence id=\"b\"><Text>y</Text></Sentence>");
    cr_expect_eq(p[1].line, 3);
    free_pieces(p, n);
}

Test(xml_cut, truncated_inside_an_element)
{
    piece p[4];
    size_t n = cut_str("<Sentences>\n<Sentence id=\"a\"></Sentence>\n<Sentence id=\"b\">\n<Te", p, 4);
    cr_assert_eq(n, 2);
    cr_expect_eq(p[1].kind, DY_CUT_EOF_INSIDE);
    cr_expect_eq(p[1].line, 3);
    cr_expect_str_eq(p[1].open, "");
    cr_expect_str_eq(p[1].bytes, "<Sentence id=\"b\">\n<Te");
    free_pieces(p, n);

    n = cut_str("<Sentences>\n<Sentence id=\"b\">\n<!-- never closed\n"
                "<Sentence id=\"c\"></Sentence></Sentences>\n", p, 4);
    cr_assert_eq(n, 1);
    cr_expect_eq(p[0].kind, DY_CUT_EOF_INSIDE);
    cr_expect_eq(p[0].line, 2);
    cr_expect_str_eq(p[0].open, "comment");
    cr_expect_eq(p[0].open_line, 3);
    free_pieces(p, n);
}

Test(xml_cut, truncated_between_elements)
{
    piece p[4];
    size_t n = cut_str("<Sentences>\n<Sentence></Sentence>\n", p, 4);
    cr_assert_eq(n, 2);
    cr_expect_eq(p[1].kind, DY_CUT_EOF_INSIDE);
    cr_expect_str_eq(p[1].open, "Sentences");
    cr_expect(p[1].open_element);
    cr_expect_eq(p[1].line, 1);
    cr_expect_null(p[1].bytes);
    free_pieces(p, n);

    n = cut_str("<Sentences>\n<Sentence></Sentence>\n<![CDATA[ x", p, 4);
    cr_assert_eq(n, 2);
    cr_expect_str_eq(p[1].open, "CDATA section");
    cr_expect_eq(p[1].line, 3);
    cr_expect(!p[1].open_element);
    free_pieces(p, n);
}

Test(xml_cut, stray_text_and_no_element)
{
    piece p[4];
    size_t n = cut_str("\n\nnot XML at all\n<b>", p, 4);
    cr_assert_eq(n, 2);
    cr_expect_eq(p[0].kind, DY_CUT_STRAY);   /* told once */
    cr_expect_eq(p[0].line, 3);
    cr_expect_eq(p[1].kind, DY_CUT_EOF_INSIDE);   /* <b> is never closed */
    free_pieces(p, n);

    n = cut_str("<S><Sentence/></S>\n\xEF\xBB\xBF<S><Sentence/></S> trailing", p, 4);
    cr_assert_eq(n, 3);   /* a second file's BOM is no stray text; the tail is */
    cr_expect_eq(p[2].kind, DY_CUT_STRAY);
    cr_expect_eq(p[2].line, 2);
    free_pieces(p, n);

    n = cut_str("", p, 4);
    cr_assert_eq(n, 1);
    cr_expect_eq(p[0].kind, DY_CUT_NO_ELEMENT);
    n = cut_str("  \n<!-- only a comment -->\n", p, 4);
    cr_assert_eq(n, 1);
    cr_expect_eq(p[0].kind, DY_CUT_NO_ELEMENT);
}

Test(xml_cut, an_element_over_the_limit_is_skipped_unkept)
{
    char s[4096];
    snprintf(s, sizeof s, "<S>\n<Sentence>%0300d</Sentence>\n<Sentence>ok</Sentence>\n"
                          "<Sentence>%0300d",
             0, 0);
    for (int mem = 0; mem < 2; mem++) {
        piece p[4];
        size_t n = cut_all(s, strlen(s), mem, 100, p, 4);
        cr_assert_eq(n, 3);
        cr_expect_eq(p[0].kind, DY_CUT_TOO_LONG);
        cr_expect_null(p[0].bytes);
        cr_expect_eq(p[0].line, 2);
        cr_expect_str_eq(p[1].bytes, "<Sentence>ok</Sentence>");
        cr_expect_eq(p[1].line, 3);
        cr_expect_eq(p[2].kind, DY_CUT_TOO_LONG);   /* and at the end of the stream */
        free_pieces(p, n);
    }
}

/* Many elements, so that they straddle reads and buffer moves. */
Test(xml_cut, long_streams_keep_lines_and_bytes)
{
    size_t cap = 1 << 22, len = 0;
    char *s = malloc(cap);
    len += (size_t)sprintf(s + len, "<Sentences>\n");
    for (int i = 0; i < 20000; i++)
        len += (size_t)sprintf(s + len,
                               "<Sentence id=\"%d\" a='>'>\n<!-- <Sentence> -->"
                               "<Text>t%d</Text><![CDATA[</Sentence>]]>\n</Sentence>\n",
                               i, i);
    len += (size_t)sprintf(s + len, "</Sentences>\n");
    for (int mem = 0; mem < 2; mem++) {
        FILE *f = stream(s, len, mem);
        dy_xml_cutter c;
        dy_xml_cutter_init(&c, f, "Sentence", 1 << 20);
        dy_cut cut;
        int i = 0;
        while (dy_xml_cut_next(&c, &cut) == DY_CUT_ELEMENT) {
            char want[160];
            int n = snprintf(want, sizeof want,
                             "<Sentence id=\"%d\" a='>'>\n<!-- <Sentence> --><Text>t%d</Text>"
                             "<![CDATA[</Sentence>]]>\n</Sentence>",
                             i, i);
            cr_assert_eq(cut.len, (size_t)n, "element %d", i);
            cr_assert(!memcmp(cut.bytes, want, cut.len), "element %d", i);
            cr_assert_eq(cut.line, 2 + 3L * i, "element %d", i);
            i++;
        }
        cr_expect_eq(cut.kind, DY_CUT_END);
        cr_expect_eq(i, 20000);
        dy_xml_cutter_free(&c);
        fclose(f);
    }
    free(s);
}

Test(xml_cut, utf16_utf32_and_declared_encodings_become_utf8)
{
    /* "<S>\n<Sentence>é</Sentence></S>" in UTF-16LE with a BOM, UTF-16BE without */
    const char *utf8 = "<?xml version=\"1.0\"?>\n<S>\n<Sentence>\xC3\xA9</Sentence></S>";
    size_t n8 = strlen(utf8);
    char le[256], be[256], u32[512];
    size_t n = 0;
    le[n++] = '\xFF', le[n++] = '\xFE';
    for (size_t i = 0; i < n8; i++) {
        unsigned ch = (unsigned char)utf8[i];
        if (ch == 0xC3) {   /* é is U+00E9 */
            ch = 0xE9;
            i++;
        }
        le[n] = (char)ch, le[n + 1] = 0;
        be[n - 2] = 0, be[n - 1] = (char)ch;
        u32[2 * (n - 2)] = (char)ch, u32[2 * (n - 2) + 1] = 0;
        u32[2 * (n - 2) + 2] = 0, u32[2 * (n - 2) + 3] = 0;
        n += 2;
    }
    struct {
        const char *s;
        size_t n;
    } inputs[] = {{le, n}, {be, n - 2}, {u32, 2 * (n - 2)}};
    for (int k = 0; k < 3; k++)
        for (int mem = 0; mem < 2; mem++) {
            piece p[4];
            size_t got = cut_all(inputs[k].s, inputs[k].n, mem, 1 << 20, p, 4);
            cr_assert_eq(got, 1, "input %d", k);
            cr_expect_str_eq(p[0].bytes, "<Sentence>\xC3\xA9</Sentence>", "input %d", k);
            cr_expect_eq(p[0].line, 3, "input %d", k);
            free_pieces(p, got);
        }

    const char *latin1 = "<?xml version='1.0' encoding='ISO-8859-1'?>\n"
                         "<S><Sentence>\xE9t\xE9</Sentence></S>";
    piece p[4];
    size_t got = cut_str(latin1, p, 4);
    cr_assert_eq(got, 1);
    cr_expect_str_eq(p[0].bytes, "<Sentence>\xC3\xA9t\xC3\xA9</Sentence>");
    free_pieces(p, got);

    got = cut_str("<?xml version='1.0' encoding='no-such-encoding'?><S><Sentence/></S>", p, 4);
    cr_assert_eq(got, 2);
    cr_expect_eq(p[0].kind, DY_CUT_BAD_ENCODING);
    cr_expect_str_eq(p[0].open, "no-such-encoding");
    cr_expect_eq(p[1].kind, DY_CUT_ELEMENT);   /* read on as UTF-8 */
    free_pieces(p, got);
}
