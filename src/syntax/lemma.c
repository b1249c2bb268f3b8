/* lemma.c — the lemmatiser at run time: checks a lemma blob once when it is
 * opened, then finds each word's lemma with no allocation but its result. */
#include "syntax/lemma.h"

#include <stdio.h>
#include <string.h>

#include "base/error.h"

/* ------------------------------------------------------------ casing */

int dy_lemma_casing(const char *form, size_t n)
{
    size_t upper = 0, lower = 0;
    int first_upper = -1;   /* whether the first letter is upper case */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)form[i];
        if (c >= 'A' && c <= 'Z') {
            upper++;
            if (first_upper < 0) first_upper = 1;
        } else if (c >= 'a' && c <= 'z') {
            lower++;
            if (first_upper < 0) first_upper = 0;
        }
    }
    if (upper + lower == 0) return DY_LEMMA_CASE_NONE;
    if (upper == 0) return DY_LEMMA_CASE_LOWER;
    if (upper == 1 && lower == 0) return DY_LEMMA_CASE_SINGLE;
    if (upper == 1 && first_upper == 1) return DY_LEMMA_CASE_TITLE;
    if (lower == 0) return DY_LEMMA_CASE_UPPER;
    return DY_LEMMA_CASE_MIXED;
}

static char upper_of(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
}

void dy_lemma_recase(char *s, size_t n, int act, const char *form, size_t form_len,
                     int form_case)
{
    if (act == DY_LEMMA_ACT_TITLE) {
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                s[i] = upper_of(s[i]);
                return;
            }
        }
    } else if (act == DY_LEMMA_ACT_FORM) {
        /* letter by letter where the form has a letter; past its end the
         * lemma goes on as the form ended: upper after an all-caps form */
        size_t i = 0;
        for (; i < n && i < form_len; i++)
            if (form[i] >= 'A' && form[i] <= 'Z') s[i] = upper_of(s[i]);
        if (form_case == DY_LEMMA_CASE_UPPER)
            for (; i < n; i++) s[i] = upper_of(s[i]);
    }
}

int dy_lemma_is_grouped_number(const char *s, size_t n)
{
    size_t i = 0, lead = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++, lead++;
    if (lead < 1 || lead > 3 || i == n || s[i] != ',') return 0;
    while (i < n && s[i] == ',') {
        size_t d = 0;
        for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++) d++;
        if (d != 3) return 0;
    }
    if (i == n) return 1;
    if (s[i] != '.' || i + 1 == n) return 0;
    for (i++; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

/* ------------------------------------------------------------ opening */

/* Where each section starts, from the header's counts (64-bit: a crafted
 * count cannot wrap). */
enum { SEC_MAP, SEC_CLASSES, SEC_NODES, SEC_SCRIPTS, SEC_EXC, SEC_EXC_SLOTS, SEC_LEX,
       SEC_LEX_SLOTS, SEC_POOL, SEC_END };

typedef struct header {
    uint32_t version, n_upos, n_xpos, n_classes, n_nodes, n_scripts;
    uint32_t n_exc, exc_slots, exc_probe, n_lex, lex_slots, lex_probe, pool_len, zero;
    uint64_t sec[SEC_END + 1];
} header;

static dyad_status bad(dyad_error *err, const char *what)
{
    return dy_error_set(err, DYAD_ERR_PARSE, "lemma", 0, "bad lemma data: %s", what);
}

static void read_header(const unsigned char *p, header *h)
{
    uint32_t *f[] = { &h->version, &h->n_upos, &h->n_xpos, &h->n_classes, &h->n_nodes,
                      &h->n_scripts, &h->n_exc, &h->exc_slots, &h->exc_probe, &h->n_lex,
                      &h->lex_slots, &h->lex_probe, &h->pool_len, &h->zero };
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        *f[i] = dy_lemma_rd32(p + 8 + 4 * i);
    uint64_t map = (uint64_t)h->n_upos * ((uint64_t)h->n_xpos + 1) * 2;
    uint64_t size[SEC_END] = {
        (map + 3) & ~(uint64_t)3,
        (uint64_t)h->n_classes * DY_LEMMA_CLASS_SIZE, (uint64_t)h->n_nodes * DY_LEMMA_NODE_SIZE,
        (uint64_t)h->n_scripts * DY_LEMMA_SCRIPT_SIZE, (uint64_t)h->n_exc * DY_LEMMA_EXC_SIZE,
        (uint64_t)h->exc_slots * 4, (uint64_t)h->n_lex * DY_LEMMA_LEX_SIZE,
        (uint64_t)h->lex_slots * 4, h->pool_len
    };
    h->sec[0] = DY_LEMMA_HEADER_SIZE;
    for (int i = 0; i < SEC_END; i++) h->sec[i + 1] = h->sec[i] + size[i];
}

static int is_pow2_or_zero(uint32_t x)
{
    return (x & (x - 1)) == 0;
}

/* A hash table of n entries in `slots` slots, tried at most `probe` at a time. */
static dyad_status check_table_shape(uint32_t n, uint32_t slots, uint32_t probe,
                                     const char *name, dyad_error *err)
{
    char msg[96];
    if (!is_pow2_or_zero(slots) || slots > (1u << 28) || (n > 0 && slots <= n) ||
        probe > DY_LEMMA_MAX_PROBE || probe > slots || (n > 0 && probe == 0)) {
        snprintf(msg, sizeof msg, "the %s table's size or probe count", name);
        return bad(err, msg);
    }
    return DYAD_OK;
}

static dyad_status check_header(const unsigned char *blob, size_t len, int n_xpos,
                                header *h, dyad_error *err)
{
    if (len < DY_LEMMA_HEADER_SIZE || memcmp(blob, DY_LEMMA_MAGIC, 8) != 0)
        return bad(err, "not a lemma section (no magic number)");
    read_header(blob, h);
    if (h->version != DY_LEMMA_VERSION)
        return dy_error_set(err, DYAD_ERR_PARSE, "lemma", 0,
                            "bad lemma data: format %u, this dyad reads format %u",
                            (unsigned)h->version, DY_LEMMA_VERSION);
    if (h->n_upos != DY_UPOS_COUNT) return bad(err, "the number of UPOS tags is not 17");
    if (n_xpos < 1 || (uint32_t)n_xpos != h->n_xpos)
        return dy_error_set(err, DYAD_ERR_PARSE, "lemma", 0,
                            "bad lemma data: built for %u XPOS tags, the model has %d",
                            (unsigned)h->n_xpos, n_xpos);
    if (h->zero != 0) return bad(err, "reserved header field not zero");
    dyad_status st = check_table_shape(h->n_exc, h->exc_slots, h->exc_probe, "exception", err);
    if (st == DYAD_OK)
        st = check_table_shape(h->n_lex, h->lex_slots, h->lex_probe, "lexicon", err);
    if (st != DYAD_OK) return st;
    if (h->sec[SEC_END] != (uint64_t)len)
        return bad(err, "its length does not match its counts (truncated?)");
    return DYAD_OK;
}

static int zeros(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i]) return 0;
    return 1;
}

static int in_pool(const dy_lemmatizer *lz, uint32_t off, uint32_t n)
{
    return (uint64_t)off + n <= lz->pool_len;
}

static dyad_status check_classes(const dy_lemmatizer *lz, uint64_t map_bytes, dyad_error *err)
{
    uint64_t cells = (uint64_t)DY_UPOS_COUNT * (lz->n_xpos + 1);
    for (uint64_t i = 0; i < cells; i++) {
        uint32_t c = dy_lemma_rd16(lz->classmap + 2 * i);
        if (c != DY_LEMMA_NONE16 && c >= lz->n_classes)
            return bad(err, "a tag's class is out of range");
    }
    if (!zeros(lz->classmap + 2 * cells, (size_t)(map_bytes - 2 * cells)))
        return bad(err, "class map padding not zero");
    for (uint32_t i = 0; i < lz->n_classes; i++) {
        const unsigned char *c = lz->classes + (size_t)i * DY_LEMMA_CLASS_SIZE;
        if (dy_lemma_rd32(c) >= lz->n_nodes) return bad(err, "a class's trie root is out of range");
        for (int k = 0; k < DY_LEMMA_CASES; k++)
            if (c[4 + k] >= DY_LEMMA_ACTS) return bad(err, "a class's casing action is unknown");
        if ((c[4 + DY_LEMMA_CASES] & ~DY_LEMMA_CLASS_NUMCOMMA) || c[5 + DY_LEMMA_CASES])
            return bad(err, "a class's flags are unknown");
    }
    return DYAD_OK;
}

static dyad_status check_nodes(const dy_lemmatizer *lz, dyad_error *err)
{
    for (uint32_t i = 0; i < lz->n_nodes; i++) {
        const unsigned char *p = lz->nodes + (size_t)i * DY_LEMMA_NODE_SIZE;
        uint32_t child = dy_lemma_rd32(p), script = dy_lemma_rd32(p + 4);
        uint32_t n_child = dy_lemma_rd16(p + 8), n_script = p[11];
        if ((uint64_t)child + n_child > lz->n_nodes) return bad(err, "a trie node's children are out of range");
        if (n_script > DY_LEMMA_MAX_CANDIDATES || (uint64_t)script + n_script > lz->n_scripts)
            return bad(err, "a trie node's scripts are out of range");
        /* strictly ascending bytes: the walk's binary search relies on it */
        for (uint32_t k = 1; k < n_child; k++) {
            const unsigned char *a = lz->nodes + (size_t)(child + k - 1) * DY_LEMMA_NODE_SIZE;
            if (a[10] >= a[10 + DY_LEMMA_NODE_SIZE]) return bad(err, "a trie node's children are not sorted");
        }
    }
    for (uint32_t i = 0; i < lz->n_scripts; i++) {
        const unsigned char *p = lz->scripts + (size_t)i * DY_LEMMA_SCRIPT_SIZE;
        if (!in_pool(lz, dy_lemma_rd32(p), p[5])) return bad(err, "an edit script's text is out of range");
        if (!zeros(p + 6, 2)) return bad(err, "an edit script's padding is not zero");
    }
    return DYAD_OK;
}

static dyad_status check_exceptions(const dy_lemmatizer *lz, dyad_error *err)
{
    for (uint32_t i = 0; i < lz->n_exc; i++) {
        const unsigned char *p = lz->exc + (size_t)i * DY_LEMMA_EXC_SIZE;
        uint32_t key = dy_lemma_rd32(p + 4), lemma = dy_lemma_rd32(p + 8);
        uint32_t xpos = dy_lemma_rd16(p + 12), key_len = p[14], lemma_len = p[15];
        uint32_t upos = p[16], flags = p[17];
        if (!in_pool(lz, key, key_len) || !in_pool(lz, lemma, lemma_len))
            return bad(err, "an exception's text is out of range");
        if (upos >= DY_UPOS_COUNT || xpos >= lz->n_xpos) return bad(err, "an exception's tags are out of range");
        if ((flags & ~DY_LEMMA_EXC_LITERAL) || !zeros(p + 18, 2)) return bad(err, "an exception's flags are unknown");
        uint32_t h = dy_lemma_hash_more(2166136261u, (const char *)lz->pool + key, key_len);
        if (dy_lemma_hash_final(h, dy_lemma_exc_tag((int)upos, (int)xpos)) != dy_lemma_rd32(p))
            return bad(err, "an exception's hash is wrong");
    }
    return DYAD_OK;
}

static dyad_status check_lexicon(const dy_lemmatizer *lz, dyad_error *err)
{
    for (uint32_t i = 0; i < lz->n_lex; i++) {
        const unsigned char *p = lz->lex + (size_t)i * DY_LEMMA_LEX_SIZE;
        uint32_t off = dy_lemma_rd32(p + 4), n = p[12];
        if (!in_pool(lz, off, n)) return bad(err, "a lexicon entry's text is out of range");
        if ((dy_lemma_rd32(p + 8) >> DY_UPOS_COUNT) || !zeros(p + 13, 3))
            return bad(err, "a lexicon entry's tags are unknown");
        uint32_t h = dy_lemma_hash_more(2166136261u, (const char *)lz->pool + off, n);
        if (dy_lemma_hash_final(h, 0) != dy_lemma_rd32(p)) return bad(err, "a lexicon entry's hash is wrong");
    }
    return DYAD_OK;
}

/* Every filled slot names an entry whose hash leads to within `probe` slots
 * of it, so a lookup that tries `probe` slots finds every entry. */
static dyad_status check_slots(const unsigned char *slots, uint32_t mask, uint32_t probe,
                               const unsigned char *entries, size_t entry_size, uint32_t n,
                               const char *name, dyad_error *err)
{
    char msg[96];
    for (uint32_t i = 0; n > 0 && i <= mask; i++) {
        uint32_t v = dy_lemma_rd32(slots + 4 * (size_t)i);
        if (v == 0) continue;
        if (v > n) {
            snprintf(msg, sizeof msg, "a %s slot is out of range", name);
            return bad(err, msg);
        }
        uint32_t home = dy_lemma_rd32(entries + (size_t)(v - 1) * entry_size) & mask;
        if (((i - home) & mask) >= probe) {
            snprintf(msg, sizeof msg, "a %s entry is too far from its slot", name);
            return bad(err, msg);
        }
    }
    return DYAD_OK;
}

dyad_status dy_lemma_open(const unsigned char *blob, size_t len, int n_xpos,
                          dy_lemmatizer *out, dyad_error *err)
{
    header h;
    memset(out, 0, sizeof *out);
    if (!blob) return bad(err, "no data");
    dyad_status st = check_header(blob, len, n_xpos, &h, err);
    if (st != DYAD_OK) return st;
    dy_lemmatizer lz = {
        blob + h.sec[SEC_MAP], blob + h.sec[SEC_CLASSES], blob + h.sec[SEC_NODES],
        blob + h.sec[SEC_SCRIPTS], blob + h.sec[SEC_EXC], blob + h.sec[SEC_EXC_SLOTS],
        blob + h.sec[SEC_LEX], blob + h.sec[SEC_LEX_SLOTS], blob + h.sec[SEC_POOL],
        h.n_xpos, h.n_classes, h.n_nodes, h.n_scripts,
        h.n_exc, h.exc_slots - 1, h.exc_probe, h.n_lex, h.lex_slots - 1, h.lex_probe,
        h.pool_len
    };
    if (h.n_exc == 0) lz.exc_probe = 0;
    if (h.n_lex == 0) lz.lex_probe = 0;
    st = check_classes(&lz, h.sec[SEC_CLASSES] - h.sec[SEC_MAP], err);
    if (st == DYAD_OK) st = check_nodes(&lz, err);
    if (st == DYAD_OK) st = check_exceptions(&lz, err);
    if (st == DYAD_OK) st = check_lexicon(&lz, err);
    if (st == DYAD_OK)
        st = check_slots(lz.exc_slots, lz.exc_mask, lz.exc_probe, lz.exc, DY_LEMMA_EXC_SIZE,
                         lz.n_exc, "exception", err);
    if (st == DYAD_OK)
        st = check_slots(lz.lex_slots, lz.lex_mask, lz.lex_probe, lz.lex, DY_LEMMA_LEX_SIZE,
                         lz.n_lex, "lexicon", err);
    if (st == DYAD_OK) *out = lz;
    return st;
}

/* ------------------------------------------------------------ lookups */

int dy_lemma_class(const dy_lemmatizer *lz, int upos, int xpos)
{
    if (upos < 0 || upos >= DY_UPOS_COUNT) return -1;
    uint32_t x = xpos >= 0 && (uint32_t)xpos < lz->n_xpos ? (uint32_t)xpos : lz->n_xpos;
    uint32_t c = dy_lemma_rd16(lz->classmap + 2 * ((size_t)upos * (lz->n_xpos + 1) + x));
    return c == DY_LEMMA_NONE16 ? -1 : (int)c;
}

int dy_lemma_class_action(const dy_lemmatizer *lz, int cls, int form_case)
{
    if (cls < 0) return DY_LEMMA_ACT_LOWER;
    return lz->classes[(size_t)cls * DY_LEMMA_CLASS_SIZE + 4 + form_case];
}

/* Whether the lower-cased form equals the pool's key[0, n). */
static int same_lower(const char *form, const unsigned char *key, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (dy_lemma_lower((unsigned char)form[i]) != key[i]) return 0;
    return 1;
}

/* The exception entry for (form, upos, xpos), or NULL. */
static const unsigned char *find_exception(const dy_lemmatizer *lz, const char *form, size_t n,
                                           int upos, int xpos)
{
    uint32_t h = dy_lemma_hash_final(dy_lemma_hash_more(2166136261u, form, n),
                                     dy_lemma_exc_tag(upos, xpos));
    for (uint32_t k = 0; k < lz->exc_probe; k++) {
        uint32_t v = dy_lemma_rd32(lz->exc_slots + 4 * (size_t)((h + k) & lz->exc_mask));
        if (v == 0) return NULL;
        const unsigned char *e = lz->exc + (size_t)(v - 1) * DY_LEMMA_EXC_SIZE;
        if (dy_lemma_rd32(e) == h && e[14] == n && e[16] == upos &&
            dy_lemma_rd16(e + 12) == (uint32_t)xpos &&
            same_lower(form, lz->pool + dy_lemma_rd32(e + 4), n))
            return e;
    }
    return NULL;
}

/* Whether lower(form[0, p)) + app[0, app_n) is a known lemma of upos. */
static int known_lemma(const dy_lemmatizer *lz, const char *form, size_t p,
                       const unsigned char *app, size_t app_n, int upos)
{
    size_t n = p + app_n;
    if (n > DY_LEMMA_MAX_KEY || lz->lex_probe == 0) return 0;
    uint32_t h = dy_lemma_hash_more(2166136261u, form, p);
    h = dy_lemma_hash_final(dy_lemma_hash_more(h, (const char *)app, app_n), 0);
    for (uint32_t k = 0; k < lz->lex_probe; k++) {
        uint32_t v = dy_lemma_rd32(lz->lex_slots + 4 * (size_t)((h + k) & lz->lex_mask));
        if (v == 0) return 0;
        const unsigned char *e = lz->lex + (size_t)(v - 1) * DY_LEMMA_LEX_SIZE;
        if (dy_lemma_rd32(e) != h || e[12] != n) continue;
        const unsigned char *key = lz->pool + dy_lemma_rd32(e + 4);
        if (same_lower(form, key, p) && memcmp(key + p, app, app_n) == 0)
            return (dy_lemma_rd32(e + 8) >> upos) & 1;
    }
    return 0;
}

/* The child of node reached by byte c, or -1. */
static int64_t trie_child(const dy_lemmatizer *lz, const unsigned char *node, unsigned char c)
{
    uint32_t lo = dy_lemma_rd32(node), hi = lo + dy_lemma_rd16(node + 8);
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        unsigned char m = lz->nodes[(size_t)mid * DY_LEMMA_NODE_SIZE + 10];
        if (m == c) return mid;
        if (m < c) lo = mid + 1;
        else hi = mid;
    }
    return -1;
}

/* The deepest node on the form's suffix path that holds scripts, or NULL. */
static const unsigned char *longest_suffix(const dy_lemmatizer *lz, uint32_t root,
                                           const char *form, size_t n)
{
    const unsigned char *node = lz->nodes + (size_t)root * DY_LEMMA_NODE_SIZE;
    const unsigned char *best = node[11] ? node : NULL;
    for (size_t d = 0; d < n && d < DY_LEMMA_MAX_DEPTH; d++) {
        int64_t c = trie_child(lz, node, dy_lemma_lower((unsigned char)form[n - 1 - d]));
        if (c < 0) break;
        node = lz->nodes + (size_t)c * DY_LEMMA_NODE_SIZE;
        if (node[11]) best = node;
    }
    return best;
}

/* The script of node to use: the first that fits the form and gives a known
 * lemma, else the first that fits; NULL when none fits. */
static const unsigned char *choose_script(const dy_lemmatizer *lz, const unsigned char *node,
                                          const char *form, size_t n, int upos)
{
    const unsigned char *first = NULL;
    uint32_t s0 = dy_lemma_rd32(node + 4);
    for (uint32_t i = 0; i < node[11]; i++) {
        const unsigned char *s = lz->scripts + (size_t)(s0 + i) * DY_LEMMA_SCRIPT_SIZE;
        if (s[4] > n) continue;
        if (!first) first = s;
        if (node[11] == 1) break;   /* nothing to choose from */
        if (known_lemma(lz, form, n - s[4], lz->pool + dy_lemma_rd32(s), s[5], upos)) return s;
    }
    return first;
}

static char *copy_out(dy_arena *a, const char *s, size_t n, size_t *out_len)
{
    char *p = dy_arena_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    *out_len = n;
    return p;
}

/* The digits of a grouped number without their commas. */
static char *drop_commas(dy_arena *a, const char *form, size_t n, size_t *out_len)
{
    char *p = dy_arena_alloc(a, n + 1);
    if (!p) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (form[i] != ',') p[k++] = form[i];
    p[k] = '\0';
    *out_len = k;
    return p;
}

/* An exception's lemma: as stored, or re-cased as the form is. */
static const char *from_exception(const dy_lemmatizer *lz, dy_arena *a, const unsigned char *e,
                                  const char *form, size_t n, int cls, size_t *out_len)
{
    const char *lemma = (const char *)lz->pool + dy_lemma_rd32(e + 8);
    size_t len = e[15];
    int form_case = dy_lemma_casing(form, n);
    int act = dy_lemma_class_action(lz, cls, form_case);
    if ((e[17] & DY_LEMMA_EXC_LITERAL) || act == DY_LEMMA_ACT_LOWER) {
        *out_len = len;
        return lemma;
    }
    char *p = copy_out(a, lemma, len, out_len);
    if (p) dy_lemma_recase(p, len, act, form, n, form_case);
    return p;
}

/* The suffix rules: lower(form) less the script's stripped bytes, plus its
 * appended ones, re-cased. */
static const char *from_rules(const dy_lemmatizer *lz, dy_arena *a, const char *form, size_t n,
                              int upos, int cls, size_t *out_len)
{
    const unsigned char *c = lz->classes + (size_t)cls * DY_LEMMA_CLASS_SIZE;
    if ((c[4 + DY_LEMMA_CASES] & DY_LEMMA_CLASS_NUMCOMMA) && dy_lemma_is_grouped_number(form, n))
        return drop_commas(a, form, n, out_len);
    const unsigned char *node = longest_suffix(lz, dy_lemma_rd32(c), form, n);
    const unsigned char *s = node ? choose_script(lz, node, form, n, upos) : NULL;
    size_t keep = s ? n - s[4] : n, app_n = s ? s[5] : 0;
    char *p = dy_arena_alloc(a, keep + app_n + 1);
    if (!p) return NULL;
    for (size_t i = 0; i < keep; i++) p[i] = (char)dy_lemma_lower((unsigned char)form[i]);
    if (app_n) memcpy(p + keep, lz->pool + dy_lemma_rd32(s), app_n);
    p[keep + app_n] = '\0';
    int form_case = dy_lemma_casing(form, n);
    dy_lemma_recase(p, keep + app_n, c[4 + form_case], form, n, form_case);
    *out_len = keep + app_n;
    return p;
}

const char *dy_lemma_apply(const dy_lemmatizer *lz, dy_arena *a, const char *form,
                           size_t form_len, int upos, int xpos, size_t *out_len)
{
    int cls = dy_lemma_class(lz, upos, xpos);
    if (xpos >= 0 && (uint32_t)xpos < lz->n_xpos && upos >= 0 && upos < DY_UPOS_COUNT &&
        form_len <= DY_LEMMA_MAX_KEY && lz->exc_probe > 0) {
        const unsigned char *e = find_exception(lz, form, form_len, upos, xpos);
        if (e) return from_exception(lz, a, e, form, form_len, cls, out_len);
    }
    if (cls < 0) return copy_out(a, form, form_len, out_len);
    return from_rules(lz, a, form, form_len, upos, cls, out_len);
}
