/* ud_tokeval.c — scores dy_ud_tokenize against a gzip'd CoNLL-U treebank:
 * tokens, words and sentences F1 by character spans, as the CoNLL 2018 scorer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "base/strbuf.h"
#include "base/vec.h"
#include "syntax/syntax.h"

/* Each document's raw text is rebuilt from its "# text" lines: sentences
 * joined by a space (none after SpaceAfter=No), paragraphs ("# newpar") by a
 * blank line. A gold word of a multiword token gets the span of its form
 * found, in any case, inside the token after the word before it (EWT's
 * "do|n't" are substrings); a word not found never matches. The CoNLL 2018
 * scorer aligns such words by their forms, which gives the same counts
 * when the forms are substrings. */

typedef struct span {
    size_t b, e;
} span;

typedef DY_VEC(span) spans;

typedef struct counts {
    size_t gold, sys, match;
} counts;

typedef struct doc {
    dy_strbuf text;
    spans tok, word, sent;   /* gold */
    int newpar, glue;        /* next sentence opens a paragraph; no space before it */
} doc;

typedef struct opts {
    int given;       /* -s: each sentence tokenised alone */
    long show;       /* -v N: differences to print */
    int bounds;      /* -b: print sentence-boundary differences */
} opts;

typedef struct eval {
    opts o;
    counts tok, word, sent;
    dy_arena arena;
    size_t docs, bad_align;
} eval;

static void die(const char *msg)
{
    fprintf(stderr, "ud_tokeval: %s\n", msg);
    exit(2);
}

static void push(spans *v, size_t b, size_t e)
{
    span s = {b, e};
    if (dy_vec_push(v, s) != 0)
        die("out of memory");
}

/* Reads one line of any length into b (without its newline); 0 at the end. */
static int read_line(gzFile f, dy_strbuf *b)
{
    char chunk[4096];
    dy_strbuf_clear(b);
    while (gzgets(f, chunk, sizeof chunk)) {
        size_t n = strlen(chunk);
        if (n && chunk[n - 1] == '\n') {
            dy_strbuf_add(b, chunk, n - 1);
            return 1;
        }
        dy_strbuf_add(b, chunk, n);
    }
    return b->len > 0;
}

/* The 10 tab-separated columns of a word line; 0 when it has fewer. */
static int columns(char *line, char *col[10])
{
    for (int i = 0; i < 10; i++) {
        col[i] = line;
        char *tab = strchr(line, '\t');
        if (!tab)
            return i == 9;
        *tab = '\0';
        line = tab + 1;
    }
    return 1;
}

/* ------------------------------------------------------------ scoring */

/* Spans both lists hold, by a merge of two ordered lists. */
static size_t matches(const spans *g, const spans *s)
{
    size_t i = 0, j = 0, m = 0;
    while (i < g->n && j < s->n) {
        const span *a = &g->v[i], *b = &s->v[j];
        if (a->b == b->b && a->e == b->e)
            m++, i++, j++;
        else if (a->b < b->b || (a->b == b->b && a->e < b->e))
            i++;
        else
            j++;
    }
    return m;
}

static void add_counts(counts *c, const spans *g, const spans *s)
{
    c->gold += g->n;
    c->sys += s->n;
    c->match += matches(g, s);
}

/* Prints text[b, e) on one line, showing line breaks as '/'. */
static void put_text(const char *t, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++)
        putchar(t[i] == '\n' ? '/' : t[i]);
}

static void put_spans(const char *t, const spans *v, size_t i, size_t k)
{
    for (; i < k; i++) {
        putchar('[');
        put_text(t, v->v[i].b, v->v[i].e);
        putchar(']');
    }
}

/* Prints each stretch where gold and system cut differently. */
static void show_diffs(eval *ev, const char *what, const char *t, const spans *g, const spans *s)
{
    size_t i = 0, j = 0;
    while (i < g->n && j < s->n && ev->o.show > 0) {
        if (g->v[i].b == s->v[j].b && g->v[i].e == s->v[j].e) {
            i++, j++;
            continue;
        }
        size_t i0 = i, j0 = j;
        while (i < g->n && j < s->n) {   /* to where both end together */
            size_t ge = g->v[i].e, se = s->v[j].e;
            if (ge < se || (ge == se && g->v[i].b == g->v[i].e))
                i++;
            else if (se < ge)
                j++;
            else {
                i++, j++;
                break;
            }
        }
        printf("%s gold ", what);
        put_spans(t, g, i0, i);
        printf("  sys ");
        put_spans(t, s, j0, j);
        putchar('\n');
        ev->o.show--;
    }
}

/* Prints the sentence starts only one side has, with some context. */
static void show_bounds(const char *t, size_t len, const spans *g, const spans *s)
{
    size_t i = 0, j = 0;
    while (i < g->n || j < s->n) {
        size_t gb = i < g->n ? g->v[i].b : (size_t)-1, sb = j < s->n ? s->v[j].b : (size_t)-1;
        if (gb == sb) {
            i++, j++;
            continue;
        }
        size_t at = gb < sb ? gb : sb;
        printf("%s ", gb < sb ? "missed" : "extra ");
        put_text(t, at > 40 ? at - 40 : 0, at);
        printf(" || ");
        put_text(t, at, at + 40 < len ? at + 40 : len);
        putchar('\n');
        if (gb < sb)
            i++;
        else
            j++;
    }
}

/* Tokenises the document and scores it against its gold spans. */
static void score(eval *ev, doc *d)
{
    if (d->text.len == 0)
        return;
    const char *t = d->text.s;
    dy_utoken *w;
    size_t n;
    dyad_error err;
    dy_arena_reset(&ev->arena);
    if (dy_ud_tokenize(&ev->arena, t, d->text.len, ev->o.given, &w, &n, &err) != DYAD_OK)
        die(err.message);
    spans tok = {0}, word = {0}, sent = {0};
    for (size_t i = 0; i < n; i++)
        push(&word, w[i].start, w[i].end);
    for (size_t i = 0; i < n; i++) {
        size_t k = w[i].mwt ? i + w[i].mwt - 1 : i;
        if (k >= n)
            k = n - 1;
        push(&tok, w[i].start, w[k].end);
        if (w[i].sent_start)
            push(&sent, w[i].start, w[k].end);
        else if (sent.n)
            sent.v[sent.n - 1].e = w[k].end;
        i = k;
    }
    add_counts(&ev->tok, &d->tok, &tok);
    add_counts(&ev->word, &d->word, &word);
    add_counts(&ev->sent, &d->sent, &sent);
    show_diffs(ev, "TOK ", t, &d->tok, &tok);
    show_diffs(ev, "WORD", t, &d->word, &word);
    if (ev->o.bounds)
        show_bounds(t, d->text.len, &d->sent, &sent);
    dy_vec_free(&tok);
    dy_vec_free(&word);
    dy_vec_free(&sent);
    ev->docs++;
}

static void clear_doc(doc *d)
{
    dy_strbuf_clear(&d->text);
    d->tok.n = d->word.n = d->sent.n = 0;
    d->newpar = d->glue = 0;
}

/* --------------------------------------------------------- reading */

typedef struct gold_tok {
    char *form;
    int first, last;   /* word ids; first == last for a one-word token */
    int space_after;
} gold_tok;

typedef struct sentence {
    dy_strbuf text;    /* "# text" */
    int has_text;
    DY_VEC(gold_tok) toks;
    DY_VEC(char *) words;   /* forms by word id - 1 */
} sentence;

/* Case-insensitive search for w in t[b, e); the offset or (size_t)-1. */
static size_t find_form(const char *t, size_t b, size_t e, const char *w)
{
    size_t n = strlen(w);
    for (size_t i = b; i + n <= e; i++) {
        size_t k = 0;
        while (k < n && (t[i + k] | 32) == (w[k] | 32))   /* ASCII folding suffices here */
            k++;
        if (k == n)
            return i;
    }
    return (size_t)-1;
}

/* Appends a finished sentence to the document: its text and gold spans. */
static void add_sentence(eval *ev, doc *d, sentence *s)
{
    if (s->toks.n == 0)
        return;
    if (!s->has_text) {   /* rebuild it from the forms */
        dy_strbuf_clear(&s->text);
        for (size_t i = 0; i < s->toks.n; i++) {
            dy_strbuf_adds(&s->text, s->toks.v[i].form);
            if (s->toks.v[i].space_after && i + 1 < s->toks.n)
                dy_strbuf_addc(&s->text, ' ');
        }
    }
    if (d->text.len)
        dy_strbuf_adds(&d->text, d->newpar ? "\n\n" : d->glue ? "" : " ");
    size_t base = d->text.len, pos = 0, len = s->text.len;
    const char *t = s->text.s;
    dy_strbuf_add(&d->text, t, len);
    size_t first = 0;
    for (size_t i = 0; i < s->toks.n; i++) {
        gold_tok *g = &s->toks.v[i];
        while (pos < len && (t[pos] == ' ' || t[pos] == '\t' || t[pos] == '\n'))
            pos++;
        size_t n = strlen(g->form);
        if (pos + n > len || memcmp(t + pos, g->form, n) != 0) {
            ev->bad_align++;   /* the text and the forms disagree */
            size_t at = find_form(t, pos, len, g->form);
            if (at != (size_t)-1)
                pos = at;
        }
        size_t b = pos, e = pos + n <= len ? pos + n : len;
        if (i == 0)
            first = b;
        push(&d->tok, base + b, base + e);
        if (g->first == g->last) {
            push(&d->word, base + b, base + e);
        } else {
            size_t at = b;
            for (int k = g->first; k <= g->last; k++) {
                const char *f = (size_t)k - 1 < s->words.n ? s->words.v[k - 1] : "";
                size_t h = find_form(t, at, e, f);
                if (h == (size_t)-1 || !*f) {
                    push(&d->word, base + at, base + at);   /* never matches */
                } else {
                    push(&d->word, base + h, base + h + strlen(f));
                    at = h + strlen(f);
                }
            }
        }
        pos = e;
    }
    push(&d->sent, base + first, base + pos);
    d->glue = !s->toks.v[s->toks.n - 1].space_after;
    d->newpar = 0;
}

static void clear_sentence(sentence *s)
{
    for (size_t i = 0; i < s->toks.n; i++)
        free(s->toks.v[i].form);
    for (size_t i = 0; i < s->words.n; i++)
        free(s->words.v[i]);
    s->toks.n = s->words.n = 0;
    s->has_text = 0;
}

static char *xstrdup(const char *s)
{
    char *d = strdup(s);
    if (!d)
        die("out of memory");
    return d;
}

/* A word or range line of the current sentence. */
static void add_line(sentence *s, char *line)
{
    char *col[10];
    if (!columns(line, col) || strchr(col[0], '.'))
        return;   /* empty nodes have no text */
    int space = strstr(col[9], "SpaceAfter=No") == NULL;
    char *dash = strchr(col[0], '-');
    if (dash) {
        gold_tok g = {xstrdup(col[1]), atoi(col[0]), atoi(dash + 1), space};
        if (dy_vec_push(&s->toks, g) != 0)
            die("out of memory");
        return;
    }
    int id = atoi(col[0]);
    char *form = xstrdup(col[1]);
    if (dy_vec_push(&s->words, form) != 0)
        die("out of memory");
    gold_tok *last = s->toks.n ? &s->toks.v[s->toks.n - 1] : NULL;
    if (last && last->first < last->last && id >= last->first && id <= last->last)
        return;   /* inside a multiword token */
    gold_tok g = {xstrdup(col[1]), id, id, space};
    if (dy_vec_push(&s->toks, g) != 0)
        die("out of memory");
}

static void run_file(eval *ev, const char *path)
{
    gzFile f = gzopen(path, "rb");
    if (!f)
        die("cannot open the treebank");
    dy_strbuf line;
    dy_strbuf_init(&line);
    doc d = {0};
    dy_strbuf_init(&d.text);
    sentence s = {0};
    dy_strbuf_init(&s.text);
    for (;;) {
        int more = read_line(f, &line);
        char *l = line.s ? line.s : "";
        if (!more || l[0] == '\0') {   /* end of a sentence */
            if (s.toks.n) {
                add_sentence(ev, &d, &s);
                if (ev->o.given) {
                    score(ev, &d);
                    clear_doc(&d);
                }
            }
            clear_sentence(&s);
            if (!more)
                break;
        } else if (strncmp(l, "# newdoc", 8) == 0) {
            score(ev, &d);
            clear_doc(&d);
        } else if (strncmp(l, "# newpar", 8) == 0 && (l[8] == '\0' || l[8] == ' ')) {
            d.newpar = 1;
        } else if (strncmp(l, "# text = ", 9) == 0) {
            dy_strbuf_clear(&s.text);
            dy_strbuf_adds(&s.text, l + 9);
            s.has_text = 1;
        } else if (l[0] != '#') {
            add_line(&s, l);
        }
    }
    score(ev, &d);
    gzclose(f);
    dy_strbuf_free(&line);
    dy_strbuf_free(&d.text);
    dy_strbuf_free(&s.text);
    dy_vec_free(&d.tok);
    dy_vec_free(&d.word);
    dy_vec_free(&d.sent);
    dy_vec_free(&s.toks);
    dy_vec_free(&s.words);
}

static void report(const char *what, const counts *c)
{
    double p = c->sys ? 100.0 * c->match / c->sys : 0, r = c->gold ? 100.0 * c->match / c->gold : 0;
    printf("  %-9s P %6.2f  R %6.2f  F1 %6.2f  (gold %zu, system %zu)\n", what, p, r,
           p + r > 0 ? 2 * p * r / (p + r) : 0, c->gold, c->sys);
}

/* ---------------------------------------------------------- speed */

/* Tokenises a raw text file `rounds` times, in pieces of about 8 KB cut at
 * line ends, as stories come (the arena reset for each); prints bytes and
 * words per second of this process's CPU time, which other work on a
 * shared machine disturbs less than the wall clock. */
static int bench(const char *path, int rounds)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("cannot open the text");
    dy_strbuf b;
    dy_strbuf_init(&b);
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        dy_strbuf_add(&b, chunk, k);
    fclose(f);
    dy_arena a;
    dy_arena_init(&a, 1 << 20);
    size_t n = 0, sents = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    for (int r = 0; r < rounds; r++) {
        n = sents = 0;
        for (size_t p = 0, e; p < b.len; p = e) {
            const char *nl = b.len - p > 8192 ? memchr(b.s + p + 8192, '\n', b.len - p - 8192)
                                              : NULL;
            e = nl ? (size_t)(nl - b.s) + 1 : b.len;
            dy_utoken *w;
            size_t k;
            dyad_error err;
            dy_arena_reset(&a);
            if (dy_ud_tokenize(&a, b.s + p, e - p, 0, &w, &k, &err) != DYAD_OK)
                die(err.message);
            n += k;
            for (size_t i = 0; i < k; i++)
                sents += w[i].sent_start;
        }
    }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("%s: %zu bytes, %zu words, %zu sentences; %.1f MB/s, %.2f M words/s (CPU time)\n",
           path, b.len, n, sents, (double)b.len * rounds / secs / 1e6,
           (double)n * rounds / secs / 1e6);
    dy_arena_free(&a);
    dy_strbuf_free(&b);
    return 0;
}

int main(int argc, char **argv)
{
    eval ev = {0};
    int i = 1;
    if (argc == 4 && strcmp(argv[1], "--bench") == 0)
        return bench(argv[2], atoi(argv[3]) > 0 ? atoi(argv[3]) : 1);
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-s") == 0)
            ev.o.given = 1;
        else if (strcmp(argv[i], "-b") == 0)
            ev.o.bounds = 1;
        else if (strcmp(argv[i], "-v") == 0 && i + 1 < argc)
            ev.o.show = atol(argv[++i]);
        else
            break;
    }
    if (i != argc - 1) {
        fprintf(stderr, "usage: ud_tokeval [-s] [-b] [-v N] FILE.conllu.gz\n"
                        "       ud_tokeval --bench TEXT ROUNDS\n"
                        "  -s    sentences given: each sentence tokenised alone\n"
                        "  -b    print the sentence starts missed or extra\n"
                        "  -v N  print the first N token and word differences\n");
        return 2;
    }
    dy_arena_init(&ev.arena, 1 << 16);
    run_file(&ev, argv[i]);
    const char *name = strrchr(argv[i], '/');
    printf("%s (%s, %zu %s)\n", name ? name + 1 : argv[i],
           ev.o.given ? "sentences given" : "raw text", ev.docs,
           ev.o.given ? "sentences" : "documents");
    report("tokens", &ev.tok);
    report("words", &ev.word);
    report("sentences", &ev.sent);
    if (ev.bad_align)
        printf("  (%zu gold tokens not found where the text has them)\n", ev.bad_align);
    dy_arena_free(&ev.arena);
    return 0;
}
