/* xml_cut.c — cuts an XML byte stream into the elements of one name: a small
 * scanner that knows comments, CDATA, PIs, quoted values, and counts lines. */
#include "io/xml_cut.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/file.h"

#define CHUNK ((size_t)1 << 16)   /* room for one read */
#define RAW_CAP CHUNK             /* input waiting for iconv */
#define DECL_MAX 512              /* how far the XML declaration is looked for */

enum { ST_TEXT, ST_COMMENT, ST_CDATA, ST_PI, ST_TAG, ST_DECL };
/* the tag being read: the cut element's start or end tag, a tag outside it
 * (which opens or closes the wrapper), or any tag inside it */
enum { TAG_START, TAG_END, TAG_OUTER_START, TAG_OUTER_END, TAG_INNER };
/* what a step of the scan did */
enum { GO = 0, OUT = 1, MORE = -1 };

void dy_xml_cutter_init(dy_xml_cutter *c, FILE *f, const char *name, size_t max_bytes)
{
    memset(c, 0, sizeof *c);
    c->f = f;
    c->fd = f ? fileno(f) : -1;
    c->name_len = strlen(name);
    if (c->name_len >= sizeof c->name)
        c->name_len = sizeof c->name - 1;
    memcpy(c->name, name, c->name_len);
    c->max_bytes = max_bytes;
    c->line = 1;
    c->cd = (iconv_t)-1;
}

void dy_xml_cutter_read_from(dy_xml_cutter *c, dy_linereader *lr)
{
    c->src = lr;
}

void dy_xml_cutter_free(dy_xml_cutter *c)
{
    free(c->buf);
    free(c->raw);
    if (c->cd != (iconv_t)-1)
        iconv_close(c->cd);
    c->buf = c->raw = NULL;
    c->cd = (iconv_t)-1;
}

static int blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* The line of buf[p]; p never goes back, so each byte is counted once. */
static long line_at(dy_xml_cutter *c, size_t p)
{
    const char *s = c->buf + c->line_pos, *e = c->buf + p;
    while (s < e && (s = memchr(s, '\n', (size_t)(e - s))) != NULL) {
        c->line++;
        s++;
    }
    c->line_pos = p;
    return c->line;
}

/* ------------------------------------------------------------- input */

/* What the stream has, up to room bytes (stdio stops after a '>'). */
static long read_some(dy_xml_cutter *c, char *dst, size_t room)
{
    long n = c->src ? dy_linereader_read_bytes(c->src, dst, room, ">")
                    : dy_read_some(c->fd, c->f, dst, room, ">", c->cancel);
    if (n == DY_READ_CANCELLED) {
        c->cancelled = 1;
        return -1;
    }
    return n;
}

/* Room for one more read after buf[len]. */
static int make_room(dy_xml_cutter *c)
{
    size_t need = c->len + CHUNK;
    if (need <= c->cap)
        return 0;
    size_t nc = c->cap ? c->cap : 2 * CHUNK;
    while (nc < need)
        nc *= 2;
    char *p = realloc(c->buf, nc);
    if (!p)
        return -1;
    c->buf = p;
    c->cap = nc;
    return 0;
}

/* Appends U+FFFD for input iconv could not convert. */
static void put_replacement(char **out, size_t *left)
{
    if (*left < 3)
        return;
    memcpy(*out, "\xEF\xBF\xBD", 3);
    *out += 3;
    *left -= 3;
}

/* Reads and converts into buf[len, cap) until something came out or the
 * input ended. */
static int read_converted(dy_xml_cutter *c)
{
    for (;;) {
        if (!c->raw_eof && c->raw_len < c->raw_cap) {
            long n = read_some(c, c->raw + c->raw_len, c->raw_cap - c->raw_len);
            if (n < 0)
                return -1;
            c->raw_eof = n == 0;
            c->raw_len += (size_t)n;
        }
        char *in = c->raw, *out = c->buf + c->len;
        size_t in_left = c->raw_len, out_left = c->cap - c->len;
        while (in_left > 0 && out_left >= 8) {
            if (iconv(c->cd, &in, &in_left, &out, &out_left) != (size_t)-1)
                break;
            if (errno == EILSEQ) {   /* a bad code unit: one U+FFFD, go on */
                size_t skip = in_left < c->unit ? in_left : c->unit;
                in += skip;
                in_left -= skip;
                put_replacement(&out, &out_left);
            } else if (errno == EINVAL && c->raw_eof) {   /* cut off at the end */
                in += in_left;
                in_left = 0;
                put_replacement(&out, &out_left);
            } else {
                break;   /* E2BIG, or a partial character waiting for more input */
            }
        }
        memmove(c->raw, in, in_left);
        c->raw_len = in_left;
        size_t made = (size_t)(out - (c->buf + c->len));
        c->len += made;
        if (made > 0)
            return 0;
        if (c->raw_eof) {
            c->eof = 1;
            return 0;
        }
    }
}

/* Reads more input after buf[len]; sets eof at its end. 0, or -1 on a read
 * error (errno set). */
static int read_more(dy_xml_cutter *c)
{
    if (c->cd != (iconv_t)-1)
        return read_converted(c);
    long n = read_some(c, c->buf + c->len, CHUNK);
    if (n < 0)
        return -1;
    if (n == 0)
        c->eof = 1;
    c->len += (size_t)n;
    return 0;
}

/* Drops what is scanned and no longer kept, gives up an element past the
 * limit (it is then only scanned to its end), and reads more. */
static dy_cut_kind refill(dy_xml_cutter *c)
{
    int keeping = c->in_element && !c->skipping;
    if (keeping && c->len - c->start > c->max_bytes) {
        c->skipping = 1;
        keeping = 0;
    }
    size_t keep = keeping ? c->start : c->pos;
    if (c->line_pos < keep)
        line_at(c, keep);
    if (keep > 0) {
        memmove(c->buf, c->buf + keep, c->len - keep);
        c->len -= keep;
        c->pos -= keep;
        c->line_pos -= keep;
        if (keeping)
            c->start = 0;
    }
    if (make_room(c) != 0)
        return DY_CUT_NOMEM;
    return read_more(c) != 0 ? DY_CUT_READ_ERROR : DY_CUT_END;
}

/* Does buf start like an XML declaration (as far as it goes)? */
static int opens_decl(const dy_xml_cutter *c)
{
    return !memcmp(c->buf, "<?xml", c->len < 5 ? c->len : 5);
}

/* The "?>" that ends the XML declaration at buf[0], or NULL. */
static const char *decl_end_of(const dy_xml_cutter *c)
{
    if (c->len < 5 || !opens_decl(c))
        return NULL;
    for (size_t i = 0; i + 1 < c->len && i < DECL_MAX; i++)
        if (c->buf[i] == '?' && c->buf[i + 1] == '>')
            return c->buf + i;
    return NULL;
}

/* The encoding the XML declaration at buf[0] names, into c->encoding; ""
 * when it names none. */
static void declared_encoding(dy_xml_cutter *c)
{
    const char *s = c->buf, *decl_end = decl_end_of(c);
    if (!decl_end)
        return;
    static const char key[] = "encoding";
    for (const char *p = s; p + sizeof key - 1 < decl_end; p++) {
        if (memcmp(p, key, sizeof key - 1) != 0)
            continue;
        p += sizeof key - 1;
        while (p < decl_end && blank(*p))
            p++;
        if (p == decl_end || *p++ != '=')
            return;
        while (p < decl_end && blank(*p))
            p++;
        if (p == decl_end || (*p != '"' && *p != '\''))
            return;
        const char *q = p + 1, *e = memchr(q, *p, (size_t)(decl_end - q));
        if (e && (size_t)(e - q) < sizeof c->encoding) {
            memcpy(c->encoding, q, (size_t)(e - q));
            c->encoding[e - q] = '\0';
        }
        return;
    }
}

/* Whether an 8-bit stream declared as `enc` is UTF-8 as it stands: UTF-8 and
 * ASCII are, and a declared UTF-16 or UTF-32 read with 8-bit bytes is
 * mislabelled UTF-8 (libxml2 reads it so too). */
static int reads_as_utf8(const char *enc)
{
    return !enc[0] || !strcasecmp(enc, "UTF-8") || !strcasecmp(enc, "UTF8") ||
           !strcasecmp(enc, "US-ASCII") || !strcasecmp(enc, "ASCII") ||
           !strncasecmp(enc, "UTF-16", 6) || !strncasecmp(enc, "UTF-32", 6) ||
           !strncasecmp(enc, "UCS-", 4);
}

/* The first read: drops a byte-order mark and picks the conversion to UTF-8,
 * by the BOM, the first bytes ("<?" in UTF-16 or UTF-32), or the declaration.
 * 1 when *out holds a report (an unknown encoding, a read error). */
static int start(dy_xml_cutter *c, dy_cut *out)
{
    c->started = 1;
    if (make_room(c) != 0) {
        out->kind = DY_CUT_NOMEM;
        return 1;
    }
    /* enough to see a byte-order mark, and an XML declaration whole */
    while (!c->eof && (c->len < 4 || (opens_decl(c) && c->len < DECL_MAX &&
                                      !decl_end_of(c))))
        if (read_more(c) != 0) {
            out->kind = DY_CUT_READ_ERROR;
            return 1;
        }
    static const struct {
        const char *bytes;
        size_t len, bom;
        const char *enc;
    } marks[] = {
        {"\xEF\xBB\xBF", 3, 3, ""},       {"\xFF\xFE\0\0", 4, 4, "UTF-32LE"},
        {"\0\0\xFE\xFF", 4, 4, "UTF-32BE"}, {"\xFF\xFE", 2, 2, "UTF-16LE"},
        {"\xFE\xFF", 2, 2, "UTF-16BE"},     {"<\0?\0", 4, 0, "UTF-16LE"},
        {"\0<\0?", 4, 0, "UTF-16BE"},       {"<\0\0\0", 4, 0, "UTF-32LE"},
        {"\0\0\0<", 4, 0, "UTF-32BE"},
    };
    size_t k = 0, n = sizeof marks / sizeof *marks;
    while (k < n && (c->len < marks[k].len || memcmp(c->buf, marks[k].bytes, marks[k].len)))
        k++;
    if (k < n) {
        memmove(c->buf, c->buf + marks[k].bom, c->len - marks[k].bom);
        c->len -= marks[k].bom;
        strcpy(c->encoding, marks[k].enc);
    } else {
        declared_encoding(c);
        if (reads_as_utf8(c->encoding))
            c->encoding[0] = '\0';
    }
    if (!c->encoding[0])
        return 0;
    c->cd = iconv_open("UTF-8", c->encoding);
    if (c->cd == (iconv_t)-1) {   /* read as UTF-8: libxml2 reports what is not */
        out->kind = DY_CUT_BAD_ENCODING;
        out->open = c->encoding;
        out->line = 1;
        return 1;
    }
    c->unit = !strncmp(c->encoding, "UTF-16", 6) ? 2 : !strncmp(c->encoding, "UTF-32", 6) ? 4 : 1;
    c->raw_cap = c->len > RAW_CAP ? c->len : RAW_CAP;
    c->raw = malloc(c->raw_cap);
    if (!c->raw) {
        out->kind = DY_CUT_NOMEM;
        return 1;
    }
    memcpy(c->raw, c->buf, c->len);   /* what was read so far, unconverted */
    c->raw_len = c->len;
    c->len = 0;
    if (read_converted(c) != 0) {
        out->kind = DY_CUT_READ_ERROR;
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------- scanning */

/* Does buf[pos] start with s? 1 yes, 0 no, MORE when too few bytes are in
 * to tell (and more may come). */
static int starts(const dy_xml_cutter *c, const char *s, size_t n)
{
    size_t avail = c->len - c->pos, k = avail < n ? avail : n;
    if (memcmp(c->buf + c->pos, s, k) != 0)
        return 0;
    return k == n ? 1 : c->eof ? 0 : MORE;
}

/* Does the name of the cut element follow at pos + off, then one of delims
 * (or the end of the stream)? 1, 0, or MORE. */
static int names_element(const dy_xml_cutter *c, size_t off, const char *delims)
{
    size_t at = c->pos + off, avail = c->len > at ? c->len - at : 0;
    size_t k = avail < c->name_len ? avail : c->name_len;
    if (memcmp(c->buf + at, c->name, k) != 0)
        return 0;
    if (k < c->name_len)
        return c->eof ? 0 : MORE;
    if (avail == c->name_len)
        return c->eof ? 1 : MORE;
    char d = c->buf[at + c->name_len];
    return d && strchr(delims, d);
}

/* Enters a comment, CDATA section, PI or declaration opening at pos. */
static void open_construct(dy_xml_cutter *c, int state, size_t skip)
{
    c->open_line = line_at(c, c->pos);
    c->after = ST_TEXT;
    c->state = state;
    c->quote = 0;
    c->decl_depth = 0;
    c->pos += skip;
}

static void begin_tag(dy_xml_cutter *c, int tag, size_t skip)
{
    if (!c->in_element)
        c->open_line = line_at(c, c->pos);
    c->state = ST_TAG;
    c->tag = tag;
    c->quote = 0;
    c->last = 0;
    c->pending[0] = '\0';
    c->pending_done = c->depth > 0;   /* only the outermost element's name is kept */
    c->pending_line = c->open_line;
    c->pos += skip;
}

/* The element ended at `end` (or was given up): hand it out. */
static int finish_element(dy_xml_cutter *c, dy_cut *out, size_t end)
{
    out->line = c->elem_line;
    if (c->skipping || end - c->start > c->max_bytes) {
        out->kind = DY_CUT_TOO_LONG;
    } else {
        out->kind = DY_CUT_ELEMENT;
        out->bytes = c->buf + c->start;
        out->len = end - c->start;
    }
    c->in_element = c->skipping = 0;
    return OUT;
}

/* A start tag of the cut element at pos. When one is being read it never
 * ended: it goes out as UNCLOSED (its bytes stay put until the next call). */
static int start_element(dy_xml_cutter *c, dy_cut *out)
{
    long line = line_at(c, c->pos);
    int r = GO;
    if (c->in_element) {
        r = finish_element(c, out, c->pos);
        if (out->kind == DY_CUT_ELEMENT)
            out->kind = DY_CUT_UNCLOSED;
        out->open_line = line;
    }
    c->in_element = 1;
    c->skipping = 0;
    c->start = c->pos;
    c->elem_line = line;
    c->seen_tag = 1;
    begin_tag(c, TAG_START, 1 + c->name_len);
    return r;
}

/* Text outside every element: told once (the file holds something that is not
 * PETRARCH XML, or garbage between elements). */
static int stray(dy_xml_cutter *c, dy_cut *out, size_t at)
{
    c->told_stray = 1;
    out->kind = DY_CUT_STRAY;
    out->line = line_at(c, at);
    return OUT;
}

/* What the '<' at pos opens, by the byte after it. */
static int open_markup(dy_xml_cutter *c, dy_cut *out)
{
    if (c->len - c->pos < 2 && !c->eof)
        return MORE;
    unsigned char ch = c->pos + 1 < c->len ? (unsigned char)c->buf[c->pos + 1] : 0;
    int r, m;
    switch (ch) {
    case '!':
        if ((r = starts(c, "<!--", 4)) != 0) {
            if (r == 1)
                open_construct(c, ST_COMMENT, 4);
        } else if ((r = starts(c, "<![CDATA[", 9)) != 0) {
            if (r == 1)
                open_construct(c, ST_CDATA, 9);
        } else if (c->in_element) {
            begin_tag(c, TAG_INNER, 2);
        } else {
            open_construct(c, ST_DECL, 2);   /* <!DOCTYPE ... [ ... ]> */
        }
        return r == MORE ? MORE : GO;
    case '?':
        open_construct(c, ST_PI, 2);
        return GO;
    case '/':
        if ((m = names_element(c, 2, " \t\r\n>")) == MORE)
            return MORE;
        /* a stray end tag of the element outside one changes nothing */
        begin_tag(c, c->in_element ? (m ? TAG_END : TAG_INNER) : m ? TAG_INNER : TAG_OUTER_END,
                  2);
        return GO;
    default:
        if ((m = names_element(c, 1, " \t\r\n>/")) == MORE)
            return MORE;
        if (m)
            return start_element(c, out);
        if ((unsigned)((ch | 0x20) - 'a') < 26u || ch == '_' || ch == ':' || ch >= 0x80) {
            begin_tag(c, c->in_element ? TAG_INNER : TAG_OUTER_START, 1);
            return GO;
        }
    }
    /* a '<' that opens nothing: text (libxml2 reports it inside an element) */
    c->pos++;
    if (!c->in_element && c->depth == 0 && !c->told_stray)
        return stray(c, out, c->pos - 1);
    return GO;
}

static int scan_text(dy_xml_cutter *c, dy_cut *out)
{
    size_t from = c->pos;
    const char *lt = memchr(c->buf + from, '<', c->len - from);
    size_t at = lt ? (size_t)(lt - c->buf) : c->len;
    c->pos = at;
    if (!c->in_element && c->depth == 0 && !c->told_stray)
        for (size_t i = from; i < at; i++) {
            if (at - i >= 3 && !memcmp(c->buf + i, "\xEF\xBB\xBF", 3)) {
                i += 2;   /* the BOM of a file concatenated to this one */
                continue;
            }
            if (!blank(c->buf[i]))
                return stray(c, out, i);
        }
    return lt ? open_markup(c, out) : MORE;
}

/* Skips to the end of a comment, CDATA section or PI (`term`). */
static int scan_until(dy_xml_cutter *c, const char *term, size_t n)
{
    for (;;) {
        const char *p = memchr(c->buf + c->pos, term[0], c->len - c->pos);
        if (!p) {
            c->pos = c->len;
            return MORE;
        }
        size_t at = (size_t)(p - c->buf);
        if (c->len - at < n) {   /* the terminator may be coming */
            c->pos = c->eof ? c->len : at;
            return MORE;
        }
        if (!memcmp(p, term, n)) {
            c->pos = at + n;
            c->state = c->after;
            return GO;
        }
        c->pos = at + 1;
    }
}

/* A tag has been read to its '>' (closed) or to a '<' that cuts it short. */
static int end_tag(dy_xml_cutter *c, dy_cut *out, int closed)
{
    int opens = closed && c->last != '/';
    c->state = ST_TEXT;
    switch (c->tag) {
    case TAG_START:
        return opens ? GO : finish_element(c, out, c->pos);
    case TAG_END:
        return finish_element(c, out, c->pos);
    case TAG_OUTER_START:
        c->seen_tag = 1;
        if (opens && c->depth++ == 0) {
            memcpy(c->outer, c->pending, sizeof c->outer);
            c->outer_line = c->pending_line;
        }
        return GO;
    case TAG_OUTER_END:
        if (closed && c->depth > 0)
            c->depth--;
        return GO;
    default:
        return GO;
    }
}

/* The last non-blank byte of buf[from, to), or `last` when there is none. */
static char last_nonblank(const char *buf, size_t from, size_t to, char last)
{
    while (to > from && blank(buf[to - 1]))
        to--;
    return to > from ? buf[to - 1] : last;
}

/* Reads a tag to its '>', over quoted attribute values (which may hold '>').
 * '<' may appear in no attribute value: one cuts the tag short there, so an
 * unclosed quote costs one element, not the rest of the stream. */
static int scan_tag(dy_xml_cutter *c, dy_cut *out)
{
    static const unsigned char stop[256] = {['<'] = 1, ['>'] = 1, ['"'] = 1, ['\''] = 1};
    const char *b = c->buf;
    size_t from = c->pos, pos = from, len = c->len;
    if (c->tag == TAG_OUTER_START && !c->pending_done) {   /* the name, for messages */
        size_t k = strlen(c->pending);
        for (; pos < len && !stop[(unsigned char)b[pos]]; pos++) {
            char ch = b[pos];
            if (blank(ch) || ch == '/' || ch == '=') {
                c->pending_done = 1;
                break;
            }
            if (k + 1 < sizeof c->pending)
                c->pending[k++] = ch, c->pending[k] = '\0';
        }
        c->pending_done |= pos < len;
    }
    for (;;) {
        while (pos < len && !stop[(unsigned char)b[pos]])
            pos++;
        if (pos == len) {
            c->last = last_nonblank(b, from, pos, c->last);
            c->pos = pos;
            return MORE;
        }
        char ch = b[pos];
        if (ch == '<') {
            c->pos = pos;
            return end_tag(c, out, 0);
        }
        if (c->quote) {
            if (ch == c->quote)
                c->quote = 0;
        } else if (ch == '>') {
            c->last = last_nonblank(b, from, pos, c->last);
            c->pos = pos + 1;
            return end_tag(c, out, 1);
        } else {
            c->quote = ch;
        }
        pos++;
    }
}

/* <!DOCTYPE ...>, with an internal subset in [ ] that may hold quoted '>',
 * comments and PIs. */
static int scan_decl(dy_xml_cutter *c)
{
    while (c->pos < c->len) {
        char ch = c->buf[c->pos];
        if (c->quote) {
            if (ch == c->quote)
                c->quote = 0;
        } else if (ch == '"' || ch == '\'') {
            c->quote = ch;
        } else if (ch == '[') {
            c->decl_depth++;
        } else if (ch == ']') {
            if (c->decl_depth > 0)
                c->decl_depth--;
        } else if (ch == '>' && c->decl_depth == 0) {
            c->pos++;
            c->state = ST_TEXT;
            return GO;
        } else if (ch == '<') {
            if (c->decl_depth == 0) {   /* not a declaration after all */
                c->state = ST_TEXT;
                return GO;
            }
            int r = starts(c, "<!--", 4), q = r ? 0 : starts(c, "<?", 2);
            if (r == MORE || q == MORE)
                return MORE;
            if (r || q) {
                int depth = c->decl_depth;
                open_construct(c, r ? ST_COMMENT : ST_PI, r ? 4 : 2);
                c->after = ST_DECL;
                c->decl_depth = depth;
                return GO;
            }
        }
        c->pos++;
    }
    return MORE;
}

/* Scans on from pos: 1 when *out is filled; 0 when more input is needed (at
 * the end of the stream: when all is scanned). */
static int scan(dy_xml_cutter *c, dy_cut *out)
{
    while (c->pos < c->len) {
        int r;
        switch (c->state) {
        case ST_TEXT: r = scan_text(c, out); break;
        case ST_COMMENT: r = scan_until(c, "-->", 3); break;
        case ST_CDATA: r = scan_until(c, "]]>", 3); break;
        case ST_PI: r = scan_until(c, "?>", 2); break;
        case ST_TAG: r = scan_tag(c, out); break;
        default: r = scan_decl(c); break;
        }
        if (r == OUT)
            return 1;
        if (r == MORE && !c->eof)
            return 0;
    }
    return 0;
}

static const char *state_name(int state)
{
    switch (state) {
    case ST_COMMENT: return "comment";
    case ST_CDATA: return "CDATA section";
    case ST_PI: return "processing instruction";
    case ST_TAG: return "tag";
    case ST_DECL: return "<!DOCTYPE> declaration";
    default: return NULL;
    }
}

/* The stream ended: what was still open, told once. */
static void at_end(dy_xml_cutter *c, dy_cut *out)
{
    c->done = 1;
    if (c->in_element) {
        finish_element(c, out, c->len);
        if (out->kind == DY_CUT_ELEMENT) {
            out->kind = DY_CUT_EOF_INSIDE;
            out->open = c->state == ST_TAG ? NULL : state_name(c->state);
            out->open_line = c->open_line;
        }
    } else if (state_name(c->state)) {
        out->kind = DY_CUT_EOF_INSIDE;
        out->open = state_name(c->state);
        out->line = c->open_line;
    } else if (c->depth > 0) {
        out->kind = DY_CUT_EOF_INSIDE;
        out->open = c->outer;
        out->open_element = 1;
        out->line = c->outer_line;
    } else if (!c->seen_tag && !c->told_stray) {
        out->kind = DY_CUT_NO_ELEMENT;
    }
}

static dy_cut_kind cut_next(dy_xml_cutter *c, dy_cut *out);

dy_cut_kind dy_xml_cut_next(dy_xml_cutter *c, dy_cut *out)
{
    dy_cut_kind k = cut_next(c, out);
    if (c->cancelled) {   /* a stop request: the end, the element in hand dropped */
        c->done = 1;
        memset(out, 0, sizeof *out);
        k = out->kind = DY_CUT_END;
    }
    return k;
}

static dy_cut_kind cut_next(dy_xml_cutter *c, dy_cut *out)
{
    memset(out, 0, sizeof *out);
    if (c->done)
        return DY_CUT_END;
    if (!c->started && start(c, out)) {
        if (out->kind != DY_CUT_BAD_ENCODING)
            c->done = 1;
        return out->kind;
    }
    for (;;) {
        if (scan(c, out))
            return out->kind;
        if (c->eof) {
            at_end(c, out);
            return out->kind;
        }
        dy_cut_kind k = refill(c);
        if (k != DY_CUT_END) {
            c->done = 1;
            out->kind = k;
            return k;
        }
    }
}
