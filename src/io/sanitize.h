/* sanitize.h — the input policy applied to story text before coding: invalid
 * UTF-8 and NUL bytes repaired, HTML tags and entities turned into text. */
#ifndef DY_SANITIZE_H
#define DY_SANITIZE_H

#include <stddef.h>

#include "base/strbuf.h"

/* What dy_sanitize changed; bad_utf8 and nuls are damage worth a warning,
 * tags and entities are ordinary scraped-news debris. */
typedef struct dy_fixes {
    long bad_utf8;   /* invalid bytes, each replaced by U+FFFD */
    long nuls;       /* NUL bytes, each replaced by a blank */
    long tags;       /* HTML tags and comments, each replaced by a blank */
    long entities;   /* HTML character references decoded */
} dy_fixes;

enum { DY_SAN_UTF8 = 1, DY_SAN_HTML = 2 };

/* Appends s[0..n) to out (cleared first), repaired as `what` says:
 * DY_SAN_UTF8 replaces each byte of an invalid UTF-8 sequence (overlong,
 * surrogate, past U+10FFFF, truncated) by U+FFFD and each NUL by a blank;
 * DY_SAN_HTML also replaces tags (<p>, </b>, <br/>, <!-- -->) by a blank and
 * decodes &amp; &lt; &gt; &quot; &apos; &#39; &#x27; &nbsp; and a few
 * typographic entities. Counts are added to *fx. out->s is always set. */
void dy_sanitize(const char *s, size_t n, int what, dy_strbuf *out, dy_fixes *fx);

/* Length of the start of s[0..n) that surely needs no repair under `what`
 * (it stops at any '<' or '&' with DY_SAN_HTML): n when dy_sanitize would
 * copy s unchanged, so that a caller may skip the copy. */
size_t dy_sanitize_plain(const char *s, size_t n, int what);

/* Length of the UTF-8 byte-order mark at the start of s[0..n), 0 or 3. */
size_t dy_bom_len(const char *s, size_t n);

#endif
