/* xml_cut.h — cuts an XML byte stream into the elements of one name (PETRARCH's
 * <Sentence>), each handed out whole so that one malformed element costs only itself. */
#ifndef DY_XML_CUT_H
#define DY_XML_CUT_H

#include <iconv.h>
#include <stddef.h>
#include <stdio.h>

#include "io/linereader.h"

/* What dy_xml_cut_next found. */
typedef enum dy_cut_kind {
    DY_CUT_END = 0,     /* the end of the stream */
    DY_CUT_ELEMENT,     /* a whole element: its start tag to its end tag (or <X .../>) */
    DY_CUT_UNCLOSED,    /* an element cut short by the next start tag of the same name */
    DY_CUT_EOF_INSIDE,  /* the stream ended inside an element (bytes given) or, between
                           elements, inside `open` */
    DY_CUT_TOO_LONG,    /* an element over the limit: read past, not kept (no bytes) */
    DY_CUT_STRAY,       /* text outside every element (told once per stream) */
    DY_CUT_NO_ELEMENT,  /* the stream ended without a single element */
    DY_CUT_BAD_ENCODING,/* an encoding declared that iconv does not know: read as UTF-8 */
    DY_CUT_READ_ERROR,  /* errno says why */
    DY_CUT_NOMEM
} dy_cut_kind;

typedef struct dy_cut {
    dy_cut_kind kind;
    const char *bytes;  /* the element as read, in UTF-8; valid until the next call */
    size_t len;
    long line;          /* where it (or `open`) starts, 1-based; 0 when unknown */
    const char *open;   /* EOF_INSIDE: what was still open ("comment", "Sentences", ...);
                           NULL when it is the element itself. BAD_ENCODING: its name */
    int open_element;   /* `open` is an element's name */
    long open_line;     /* EOF_INSIDE: where `open` opened; UNCLOSED: the line of the next one */
} dy_cut;

/* The cutter's state; every field is private to xml_cut.c. */
typedef struct dy_xml_cutter {
    FILE *f;
    int fd;                  /* f's descriptor; -1: read through stdio */
    dy_linereader *src;      /* or NULL; when set, bytes come through it */
    char name[32];           /* the element cut out */
    size_t name_len, max_bytes;
    char *buf;               /* buf[0, len): input (UTF-8) not yet given up */
    size_t cap, len, pos;    /* pos: how far the scan got */
    size_t start;            /* the element's first byte, while one is kept */
    long line;               /* the line of buf[line_pos] */
    size_t line_pos;
    int state, after;        /* lexical state; where a comment inside a DOCTYPE returns */
    int tag;                 /* which kind of tag is being read */
    char quote, last;        /* open quote of an attribute value; last non-blank byte */
    int decl_depth;          /* '[' depth inside <!DOCTYPE> */
    long open_line;          /* where the comment, CDATA, PI, tag or declaration opened */
    int in_element, skipping;
    long elem_line;
    int depth;               /* elements open outside the cut ones (the <Sentences> wrapper) */
    char outer[64], pending[64]; /* the wrapper's name; the name of the tag being read */
    long outer_line, pending_line;
    int pending_done;
    int seen_tag, told_stray, started, eof, done;
    iconv_t cd;              /* (iconv_t)-1 unless the input is not UTF-8 */
    char *raw;               /* input waiting for iconv */
    size_t raw_len, raw_cap, unit; /* unit: bytes of a code unit (2 for UTF-16) */
    int raw_eof;
    char encoding[48];
    const struct dy_cancel *cancel;   /* a stop request (NULL: none), base/cancel.h */
    int cancelled;           /* reading stopped for it: DY_CUT_END from then on */
} dy_xml_cutter;

/* Cuts out the elements called `name` (and their content, whatever it is) from
 * f, which stays owned by the caller and must not have been read from. An
 * element over max_bytes is skipped without being stored. UTF-16 and UTF-32
 * input and 8-bit encodings named in the XML declaration are turned into
 * UTF-8; a leading byte-order mark is dropped. */
void dy_xml_cutter_init(dy_xml_cutter *c, FILE *f, const char *name, size_t max_bytes);
void dy_xml_cutter_free(dy_xml_cutter *c);
/* Reads through lr instead of f: the bytes lr read ahead (to sniff the
 * format) come first. lr must outlive the cutter. */
void dy_xml_cutter_read_from(dy_xml_cutter *c, dy_linereader *lr);

/* The next element (or report) into *out; returns out->kind. Comments, CDATA
 * sections, processing instructions and quoted attribute values (which may hold
 * '>') are never cut. An element ends at its first end tag, or as UNCLOSED at
 * the next start tag of its name (elements of one name do not nest). Between
 * elements everything but the checks behind STRAY, EOF_INSIDE and NO_ELEMENT
 * is skipped. After END, READ_ERROR or NOMEM only END follows. */
dy_cut_kind dy_xml_cut_next(dy_xml_cutter *c, dy_cut *out);

#endif
