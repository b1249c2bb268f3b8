/* read_petrarch.h — PETRARCH XML input (<Sentences><Sentence ...>): the small
 * libxml2 helpers shared by the story reader and the validation-file reader. */
#ifndef DY_READ_PETRARCH_H
#define DY_READ_PETRARCH_H

#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

#include "dyad.h"
#include "base/strbuf.h"

/* Copies attribute `name` of n into out; 1 when present, 0 when absent. */
int dy_xml_attr(const xmlNode *n, const char *name, dy_strbuf *out);
/* Is attribute `name` of n "true" (any case)? 0 when absent. */
int dy_xml_attr_true(const xmlNode *n, const char *name);
/* The first element child of n called `name`, or NULL. */
xmlNode *dy_xml_child(const xmlNode *n, const char *name);
/* The text inside n, trimmed, with tabs, newlines and carriage returns as
 * blanks (so byte offsets stay put and TSV output stays one line). */
void dy_xml_text(const xmlNode *n, dy_strbuf *out);
/* The text of a <Parse>: as dy_xml_text for a Treebank bracketing; CoNLL-U
 * rows (UniversalPetrarch) keep their tabs and line ends, trimmed. */
void dy_xml_parse_text(const xmlNode *n, dy_strbuf *out);

/* Length of a sentence id's story part: everything before the last '_'
 * ("AFP0808_3" -> 7), or the whole id when it has none. */
size_t dy_petr_story_len(const char *id);

/* Silences libxml2 (which would print to stderr) and remembers its first
 * error; pass as the structured error handler with a dy_xml_errors. */
typedef struct dy_xml_errors {
    int count;
    long line;
    char message[200];
} dy_xml_errors;
#if LIBXML_VERSION >= 21200
typedef const xmlError *dy_xml_error_arg;   /* libxml2 2.12 made it const */
#else
typedef xmlErrorPtr dy_xml_error_arg;
#endif
void dy_xml_error_handler(void *ctx, dy_xml_error_arg e);

/* The PETRARCH reader's private state (owned by a dy_reader). */
struct dy_petr_in;
void dy_petr_in_free(struct dy_petr_in *p);
/* Did a stop request end its reading (p may be NULL)? */
int dy_petr_in_cancelled(const struct dy_petr_in *p);

#endif
