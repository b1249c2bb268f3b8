/* write_conllu.c — one sentence as CoNLL-U into a strbuf: comments, multiword
 * tokens (generated or kept from the input), words, SpaceAfter=No, blank line. */
#include "io/write_conllu.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/error.h"

/* Copies s[0, n) turning what would break the line (or, in a column, the
 * columns) into blanks; plain runs go in with one copy. */
static void put_clean(dy_strbuf *b, const char *s, size_t n, int keep_tab)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c != '\n' && c != '\r' && c != '\0' && (c != '\t' || keep_tab))
            continue;
        dy_strbuf_add(b, s + run, i - run);
        dy_strbuf_addc(b, ' ');
        run = i + 1;
    }
    dy_strbuf_add(b, s + run, n - run);
}

/* One column and the tab before it; "_" when there is nothing to write. */
static void put_col(dy_strbuf *b, const char *s, size_t n)
{
    dy_strbuf_addc(b, '\t');
    if (!s || n == 0)
        dy_strbuf_addc(b, '_');
    else
        put_clean(b, s, n, 0);
}

static void put_str_col(dy_strbuf *b, const char *s)
{
    put_col(b, s, s ? strlen(s) : 0);
}

/* ------------------------------------------------------------ comments */

static void put_comment(dy_strbuf *b, const char *head, const char *v, size_t n)
{
    dy_strbuf_adds(b, head);
    put_clean(b, v, n, 1);
    dy_strbuf_addc(b, '\n');
}

/* Is comment c one that an explicit field of s replaces? */
static int replaced(const dy_conllu_out_sent *s, const char *c)
{
    return (s->newdoc && dy_conllu_newdoc_value(c)) ||
           (s->sent_id && dy_conllu_comment_value(c, "sent_id")) ||
           (s->text && dy_conllu_comment_value(c, "text"));
}

static void put_comments(dy_strbuf *b, const dy_conllu_out_sent *s)
{
    if (s->newdoc && !*s->newdoc)
        dy_strbuf_adds(b, "# newdoc\n");
    else if (s->newdoc)
        put_comment(b, "# newdoc id = ", s->newdoc, strlen(s->newdoc));
    if (s->sent_id)
        put_comment(b, "# sent_id = ", s->sent_id, strlen(s->sent_id));
    if (s->text)
        put_comment(b, "# text = ", s->text, s->text_len);
    for (size_t i = 0; i < s->n_comments; i++)
        if (!replaced(s, s->comments[i]))
            put_comment(b, "#", s->comments[i], strlen(s->comments[i]));
}

/* ------------------------------------------------------------ words */

static void put_item(dy_strbuf *b, size_t start, const char *s, size_t n)
{
    if (b->len > start)
        dy_strbuf_addc(b, '|');
    put_clean(b, s, n, 0);
}

/* Does item p[0, n) sort after "SpaceAfter=No"? (UD keeps MISC sorted.) */
static int after_space_item(const char *p, size_t n)
{
    static const char sa[] = "SpaceAfter=No";
    int c = memcmp(p, sa, n < sizeof sa - 1 ? n : sizeof sa - 1);
    return c > 0 || (c == 0 && n > sizeof sa - 1);
}

/* MISC: the caller's items less "_", empty ones and SpaceAfter (space_after
 * decides it), with SpaceAfter=No when no space follows, put before the
 * first item that sorts after it so that a sorted MISC stays sorted; "_"
 * when empty. */
static void put_misc(dy_strbuf *b, const char *misc, int no_space)
{
    dy_strbuf_addc(b, '\t');
    size_t start = b->len;
    for (const char *p = misc; p && *p;) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        int skip = n == 0 || (n == 1 && *p == '_') || (n >= 11 && !memcmp(p, "SpaceAfter=", 11));
        if (!skip) {
            if (no_space && after_space_item(p, n)) {
                put_item(b, start, "SpaceAfter=No", 13);
                no_space = 0;
            }
            put_item(b, start, p, n);
        }
        p += n + (bar != NULL);
    }
    if (no_space)
        put_item(b, start, "SpaceAfter=No", 13);
    if (b->len == start)
        dy_strbuf_addc(b, '_');
}

/* in_token: the word is part of a multiword token, whose line has the
 * SpaceAfter instead. */
static void put_word(dy_strbuf *b, long id, const dy_conllu_out_word *w, int in_token)
{
    dy_strbuf_add_long(b, id);
    put_col(b, w->form, w->form_len);
    put_col(b, w->lemma, w->lemma_len);
    put_str_col(b, w->upos);
    put_str_col(b, w->xpos);
    put_str_col(b, w->feats);
    dy_strbuf_addc(b, '\t');
    if (w->head < 0)
        dy_strbuf_addc(b, '_');
    else
        dy_strbuf_add_long(b, w->head);
    put_str_col(b, w->deprel);
    put_str_col(b, w->deps);
    put_misc(b, w->misc, !in_token && !w->space_after);
    dy_strbuf_addc(b, '\n');
}

/* A multiword token made from a word's mwt: FORM, its SpaceAfter, "_" else. */
static void put_range(dy_strbuf *b, long first, long last, const dy_conllu_out_word *w,
                      int space_after)
{
    dy_strbuf_add_long(b, first);
    dy_strbuf_addc(b, '-');
    dy_strbuf_add_long(b, last);
    put_col(b, w->mwt_form, w->mwt_form_len);
    dy_strbuf_adds(b, "\t_\t_\t_\t_\t_\t_\t_");
    dy_strbuf_adds(b, space_after ? "\t_\n" : "\tSpaceAfter=No\n");
}

/* ------------------------------------------------------------ sentence */

typedef struct wstate {
    dy_strbuf *b;
    const dy_conllu_out_sent *s;
    long covered;        /* the last word of the multiword tokens written */
    size_t next_extra;
    dyad_error *err;
} wstate;

/* What makes the sentence impossible to write as valid CoNLL-U; named by
 * its sent_id when it has one. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static dyad_status bad(wstate *w, const char *fmt, ...)
{
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *where = w->s->sent_id ? w->s->sent_id : "CoNLL-U output";
    return dy_error_set(w->err, DYAD_ERR_ARG, where, 0, "%s", msg);
}

/* The extras that go before word index i (n_words: after the last word). */
static dyad_status put_extras(wstate *w, size_t i)
{
    const dy_conllu_out_sent *s = w->s;
    for (; w->next_extra < s->n_extras && s->extras[w->next_extra].before == i; w->next_extra++) {
        const dy_conllu_line *x = &s->extras[w->next_extra];
        if (x->kind == DY_CONLLU_RANGE) {
            if ((size_t)x->first != i + 1 || x->last < x->first || (size_t)x->last > s->n_words)
                return bad(w, "multiword range %d-%d does not fit the words", x->first, x->last);
            if (x->first <= w->covered)
                return bad(w, "multiword range %d-%d overlaps the token before (to %ld)",
                           x->first, x->last, w->covered);
            w->covered = x->last;
        } else if ((size_t)x->first != i) {
            return bad(w, "empty node %d.%d is not after word %d", x->first, x->last,
                       x->first);
        } else if (!s->keep_empty) {
            continue;
        }
        put_clean(w->b, x->text, x->len, 1);
        dy_strbuf_addc(w->b, '\n');
    }
    return DYAD_OK;
}

/* Word index i, after the multiword token it opens, if any. */
static dyad_status put_word_at(wstate *w, size_t i)
{
    const dy_conllu_out_sent *s = w->s;
    const dy_conllu_out_word *wd = &s->words[i];
    long id = (long)i + 1, n = (long)s->n_words;
    if (wd->head < -1 || wd->head > n)
        return bad(w, "word %ld: HEAD %d is not a word of the sentence", id, wd->head);
    if (wd->mwt > 1) {
        long last = id + wd->mwt - 1;
        if (last > n)
            return bad(w, "word %ld: multiword token of %d words goes past the last word",
                       id, wd->mwt);
        if (id <= w->covered)
            return bad(w, "word %ld: multiword token inside the token before (to %ld)",
                       id, w->covered);
        put_range(w->b, id, last, wd, s->words[last - 1].space_after);
        w->covered = last;
    }
    put_word(w->b, id, wd, id <= w->covered);
    return DYAD_OK;
}

dyad_status dy_conllu_write(dy_strbuf *b, const dy_conllu_out_sent *s, dyad_error *err)
{
    wstate w = {b, s, 0, 0, err};
    size_t start = b->len;
    dyad_status st = DYAD_OK;
    if (s->n_words == 0)
        st = bad(&w, "a sentence with no word");
    if (st == DYAD_OK)
        put_comments(b, s);
    for (size_t i = 0; st == DYAD_OK && i < s->n_words; i++) {
        st = put_extras(&w, i);
        if (st == DYAD_OK)
            st = put_word_at(&w, i);
    }
    if (st == DYAD_OK)
        st = put_extras(&w, s->n_words);
    if (st == DYAD_OK && w.next_extra < s->n_extras)
        st = bad(&w, "extra line %zu (before word index %zu) out of order or past the end",
                 w.next_extra + 1, s->extras[w.next_extra].before);
    if (st == DYAD_OK) {
        dy_strbuf_addc(b, '\n');
        if (b->failed)
            st = dy_error_set(err, DYAD_ERR_NOMEM, "CoNLL-U output", 0, "out of memory");
    }
    if (st != DYAD_OK)
        dy_strbuf_truncate(b, start);
    return st;
}
