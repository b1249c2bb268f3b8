/* record.c — reading TABARI text records: header, text lines, blank line.
 * Lines are joined with one blank; the comment part is kept for validation. */
#include "io/record.h"

#include <ctype.h>
#include <string.h>

#include "base/date.h"
#include "base/error.h"

void dy_record_reader_init(dy_record_reader *r, FILE *f, const char *name)
{
    memset(r, 0, sizeof *r);
    dy_linereader_init(&r->lr, f, name);
    dy_strbuf_init(&r->head);
    dy_strbuf_init(&r->body);
    dy_strbuf_init(&r->text);
    dy_strbuf_init(&r->comment);
}

void dy_record_reader_free(dy_record_reader *r)
{
    dy_linereader_free(&r->lr);
    dy_strbuf_free(&r->head);
    dy_strbuf_free(&r->body);
    dy_strbuf_free(&r->text);
    dy_strbuf_free(&r->comment);
}

/* Appends body[from, to) to out as text: newlines become blanks and a
 * literal "\n" at the start of a line (TABARI's display break) is dropped. */
static void add_text(dy_strbuf *out, const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        int line_start = i == 0 || s[i - 1] == '\n';
        if (line_start && i + 1 < to && s[i] == '\\' && s[i + 1] == 'n') {
            i++;
            continue;
        }
        dy_strbuf_addc(out, s[i] == '\n' ? ' ' : s[i]);
    }
}

static const char *find2(const char *s, size_t from, size_t len, char a, char b)
{
    for (size_t i = from; i + 1 < len; i++)
        if (s[i] == a && s[i + 1] == b)
            return s + i;
    return NULL;
}

void dy_record_split(const char *body, size_t len, dy_strbuf *text, dy_strbuf *comment)
{
    dy_strbuf_clear(text);
    dy_strbuf_clear(comment);
    const char *open = find2(body, 0, len, '/', '*');
    if (!open) {
        add_text(text, body, 0, len);
    } else {
        size_t c0 = (size_t)(open - body);
        size_t c1 = len, after = len;
        for (const char *p = find2(body, c0 + 2, len, '*', '/'); p;
             p = find2(body, (size_t)(p - body) + 2, len, '*', '/')) {
            c1 = (size_t)(p - body);
            after = c1 + 2;
        }
        add_text(text, body, 0, c0);
        if (after < len) {
            /* The comment stands for a word break unless one is already there. */
            if (text->len && !isspace((unsigned char)text->s[text->len - 1]) &&
                !isspace((unsigned char)body[after]))
                dy_strbuf_addc(text, ' ');
            add_text(text, body, after, len);
        }
        dy_strbuf_add(comment, body + c0 + 2, c1 - (c0 + 2));
    }
    while (text->len && isspace((unsigned char)text->s[text->len - 1]))
        text->s[--text->len] = '\0';
    if (!text->s)
        dy_strbuf_adds(text, "");
    if (!comment->s)
        dy_strbuf_adds(comment, "");
}

int dy_record_next(dy_record_reader *r, dy_record *rec, dyad_error *err)
{
    int rc;
    /* Skip to a header: a line starting with a digit right after a blank line
     * (or at the start); other blocks are comments. */
    int in_block = 0;
    for (;;) {
        rc = dy_linereader_next(&r->lr, err);
        if (rc <= 0)
            return rc;
        if (dy_line_is_blank(r->lr.buf, r->lr.len)) {
            in_block = 0;
            continue;
        }
        if (!in_block && isdigit((unsigned char)r->lr.buf[0]))
            break;
        in_block = 1;
    }
    memset(rec, 0, sizeof *rec);
    rec->line = r->lr.lineno;
    dy_strbuf_clear(&r->head);
    dy_strbuf_add(&r->head, r->lr.buf, r->lr.len);
    dy_strbuf_clear(&r->body);
    int too_long = 0;
    for (;;) {
        rc = dy_linereader_next(&r->lr, err);
        if (rc < 0)
            return rc;
        if (rc == 0 || dy_line_is_blank(r->lr.buf, r->lr.len))
            break;
        if (r->body.len + r->lr.len + 1 > (size_t)DYAD_MAX_STORY_BYTES) {
            too_long = 1;   /* read on to the blank line, keeping nothing */
            continue;
        }
        if (r->body.len)
            dy_strbuf_addc(&r->body, '\n');
        dy_strbuf_add(&r->body, r->lr.buf, r->lr.len);
    }
    if (too_long) {
        dy_error_set(err, DYAD_ERR_PARSE, r->lr.name, rec->line,
                     "record longer than the limit of %ld bytes; skipped",
                     (long)DYAD_MAX_STORY_BYTES);
        return DY_LINE_TOO_LONG;
    }
    dy_record_split(r->body.s ? r->body.s : "", r->body.len, &r->text, &r->comment);
    if (r->head.failed || r->body.failed || r->text.failed || r->comment.failed) {
        dy_error_set(err, DYAD_ERR_NOMEM, r->lr.name, rec->line, "out of memory");
        return -1;
    }

    /* Header: date field, then the id (the rest, trimmed). */
    char *h = r->head.s;
    size_t n = 0;
    while (h[n] && !isspace((unsigned char)h[n]))
        n++;
    char *id = h + n;
    if (*id)
        *id++ = '\0';
    while (isspace((unsigned char)*id))
        id++;
    size_t idn = strlen(id);
    while (idn && isspace((unsigned char)id[idn - 1]))
        id[--idn] = '\0';
    rec->date_text = h;
    rec->date = dy_parse_tabari_date(h, n, 0);
    rec->id = id;
    rec->text = r->text.s;
    rec->text_len = r->text.len;
    rec->comment = r->comment.s;
    rec->comment_len = r->comment.len;
    return 1;
}
