/* load.c — dyad_dict_load: finds the dictionary files (a .project file or a
 * directory), runs the readers, then freezes the result and builds the index. */
#include <dirent.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/error.h"
#include "base/file.h"
#include "dict/build.h"
#include "dict/cache.h"
#include "dict/dyd.h"
#include "dict/petrarch.h"

#define MAX_WARNINGS 2000

enum file_kind { K_OPTIONS, K_ACTORS, K_AGENTS, K_VERBS, K_ISSUES, K_DISCARDS, K_COUNT };

typedef dyad_status (*reader_fn)(dy_build *, const char *, const char *, size_t,
                                 dyad_error *);
static dyad_status read_verbs_any(dy_build *b, const char *file, const char *buf, size_t len,
                                  dyad_error *err);
static const reader_fn readers[K_COUNT] = {
    dy_read_options, dy_read_actors, dy_read_agents,
    read_verbs_any, dy_read_issues, dy_read_discards,
};

/* TABARI and PETRARCH-1 verbs go to verbs.c; PETRARCH-2's CAMEO.2.0.txt
 * syntax ({noun phrase}, (prepositional phrase)) to petrarch_verbs.c. */
static dyad_status read_verbs_any(dy_build *b, const char *file, const char *buf, size_t len,
                                  dyad_error *err)
{
    return dy_petr_is_v2_verbs(buf, len) ? dy_read_petrarch_verbs(b, file, buf, len, err)
                                         : dy_read_verbs(b, file, buf, len, err);
}

/* The 1-based line number of p in buf. */
static int line_of(const char *buf, const char *p)
{
    int line = 1;
    for (const char *q = buf; q < p; q++)
        line += *q == '\n';
    return line;
}

/* Reads one dictionary file, once, and hands its text to the reader of its kind. */
static dyad_status read_dict_file(dy_build *b, int kind, const char *path, dyad_error *err)
{
    char *buf;
    size_t len;
    dyad_status st = dy_build_read_file(b, path, &buf, &len, err);
    if (st != DYAD_OK)
        return st;
    const char *file = dy_build_str(b, path, strlen(path));
    const char *nul = memchr(buf, '\0', len);
    if (!file)
        st = dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
    else if (nul)   /* a text dictionary has none; one means a corrupt or binary file */
        st = dy_error_set(err, DYAD_ERR_PARSE, path, line_of(buf, nul), "NUL byte in a text dictionary");
    else
        st = readers[kind](b, file, buf, len, err);
    free(buf);
    return st;
}

/* ------------------------------------------------------------ helpers */

void dy_trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t')) {
        (*s)++;
        (*n)--;
    }
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r'))
        (*n)--;
}

size_t dy_cut_comment(const char *s, size_t n, int hash_comments)
{
    int in_bracket = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '[')
            in_bracket = 1;
        else if (c == ']')
            in_bracket = 0;
        else if (c == ';' && !in_bracket)
            return i;
        else if (c == '#' && hash_comments && !in_bracket &&
                 (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == ']'))
            return i;
    }
    return n;
}

void dy_build_warn(dy_build *b, const char *file, long line, const char *fmt, ...)
{
    b->n_warn++;
    if (b->n_warn > MAX_WARNINGS) {
        if (b->n_warn == MAX_WARNINGS + 1)
            dy_strbuf_adds(&b->warn, "(further warnings suppressed)\n");
        return;
    }
    if (line > 0)
        dy_strbuf_printf(&b->warn, "%s:%ld: ", file, line);
    else   /* about the whole file */
        dy_strbuf_printf(&b->warn, "%s: ", file);
    va_list ap;
    va_start(ap, fmt);
    dy_strbuf_vprintf(&b->warn, fmt, ap);
    va_end(ap);
    dy_strbuf_addc(&b->warn, '\n');
}

const char *dy_build_str(dy_build *b, const char *s, size_t n)
{
    return dy_arena_strndup(&b->d->arena, s, n);
}

const char *dy_build_intern(dy_build *b, const char *code, size_t n)
{
    const char *have = dy_strset_key(&b->codes, code, n);
    if (have)
        return have;
    char *copy = dy_arena_strndup(&b->d->arena, code, n);
    if (!copy || dy_strset_put(&b->codes, copy, 0, NULL) < 0)
        return NULL;
    return copy;
}

dyad_status dy_build_read_file(const dy_build *b, const char *path, char **out, size_t *len,
                               dyad_error *err)
{
    for (size_t i = 0; i < b->n_vfs; i++) {
        const dy_vfile *f = &b->vfs[i];
        if (strcmp(f->name, path) != 0)
            continue;
        char *buf = malloc(f->len + 1);
        if (!buf)
            return dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
        if (f->len)
            memcpy(buf, f->data, f->len);
        buf[f->len] = '\0';
        *out = buf;
        *len = f->len;
        return DYAD_OK;
    }
    if (b->n_vfs)   /* an embedded project names only embedded files */
        return dy_error_set(err, DYAD_ERR_IO, path, 0, "not among the embedded files");
    return dy_read_file(path, out, len, err);
}

/* ------------------------------------------------------ finding files */

typedef struct file_list {
    DY_VEC(char *) v[K_COUNT];
} file_list;

static void files_free(file_list *fl)
{
    for (int k = 0; k < K_COUNT; k++) {
        for (size_t i = 0; i < fl->v[k].n; i++)
            free(fl->v[k].v[i]);
        dy_vec_free(&fl->v[k]);
    }
}

static char *join_path(const char *dir, size_t dn, const char *name, size_t nn)
{
    if (nn && name[0] == '/')
        dn = 0;
    char *p = malloc(dn + nn + 2);
    if (!p)
        return NULL;
    size_t k = 0;
    if (dn) {
        memcpy(p, dir, dn);
        k = dn;
        if (p[k - 1] != '/')
            p[k++] = '/';
    }
    memcpy(p + k, name, nn);
    p[k + nn] = '\0';
    return p;
}

static int add_file(file_list *fl, int kind, char *path)
{
    if (!path || dy_vec_push(&fl->v[kind], path) != 0) {
        free(path);
        return -1;
    }
    return 0;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

static int contains(const char *s, const char *sub)
{
    size_t m = strlen(sub);
    for (; *s; s++)
        if (strncasecmp(s, sub, m) == 0)
            return 1;
    return 0;
}

/* The kind of a file found in a dictionary directory, or -1 to skip it. */
static int kind_by_name(const char *name)
{
    if (ends_with(name, ".options"))
        return K_OPTIONS;
    if (ends_with(name, ".actors") || ends_with(name, "actors.txt"))
        return K_ACTORS;
    if (ends_with(name, ".agents") || ends_with(name, "agents.txt"))
        return K_AGENTS;
    if (ends_with(name, ".verbs") ||
        (ends_with(name, ".txt") && (contains(name, "verbs") || contains(name, "verbpatterns") ||
                                     contains(name, "cameo"))))
        return K_VERBS;
    if (ends_with(name, ".discards") || (ends_with(name, ".txt") && contains(name, "discards")))
        return K_DISCARDS;
    if (ends_with(name, ".issues") || (ends_with(name, ".txt") && contains(name, "issue")))
        return K_ISSUES;
    return -1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The dictionary files of a folder and of its sub-folders (verbs/ of the
 * default dictionaries), by name; hidden entries and symlinked folders are
 * skipped, and depth is bounded, so no link loop can hold the loader. */
static dyad_status scan_dir(const char *path, file_list *fl, int depth, dyad_error *err)
{
    DIR *dir = opendir(path);
    if (!dir)
        return dy_error_set(err, DYAD_ERR_IO, path, 0, "cannot open directory");
    struct dirent *de;
    dyad_status st = DYAD_OK;
    while (st == DYAD_OK && (de = readdir(dir)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char *full = join_path(path, strlen(path), de->d_name, strlen(de->d_name));
        if (!full) {
            st = dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
            break;
        }
        struct stat sb;
        if (depth < 4 && lstat(full, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            st = scan_dir(full, fl, depth + 1, err);
            free(full);
            continue;
        }
        int kind = kind_by_name(de->d_name);
        if (kind < 0) {
            free(full);
            continue;
        }
        if (add_file(fl, kind, full) != 0)
            st = dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
    }
    closedir(dir);
    for (int k = 0; k < K_COUNT; k++)
        if (fl->v[k].n > 1)
            qsort(fl->v[k].v, fl->v[k].n, sizeof(char *), cmp_str);
    return st;
}

/* The one .project file directly in a folder: a folder that holds one is
 * that project (the installed default dictionaries load as the built-in
 * ones do). NULL when none; *several when more than one. */
static char *folder_project(const char *path, int *several)
{
    DIR *dir = opendir(path);
    char *found = NULL;
    *several = 0;
    if (!dir)
        return NULL;
    struct dirent *de;
    while ((de = readdir(dir)) != NULL) {
        if (de->d_name[0] == '.' || !ends_with(de->d_name, ".project"))
            continue;
        if (found) {
            *several = 1;
            break;
        }
        found = join_path(path, strlen(path), de->d_name, strlen(de->d_name));
    }
    closedir(dir);
    if (*several) {
        free(found);
        found = NULL;
    }
    return found;
}

static size_t files_count(const file_list *fl)
{
    size_t n = 0;
    for (int k = 0; k < K_COUNT; k++)
        n += fl->v[k].n;
    return n;
}

/* A .project file: "<actorsfile> name" lines; only the first two letters of
 * the tag count (manual 4.1); lines not starting with '<' are comments. */
static dyad_status scan_project(const dy_build *b, const char *path, file_list *fl,
                                dyad_error *err)
{
    char *buf;
    size_t len, pos = 0, n;
    const char *line;
    long lineno = 0;
    dyad_status st = dy_build_read_file(b, path, &buf, &len, err);
    if (st != DYAD_OK)
        return st;
    const char *slash = strrchr(path, '/');
    size_t dn = slash ? (size_t)(slash - path + 1) : 0;
    while (dy_next_line(buf, len, &pos, &line, &n)) {
        lineno++;
        dy_trim(&line, &n);
        if (n < 3 || line[0] != '<')
            continue;
        const char *gt = memchr(line, '>', n);
        if (!gt)
            continue;
        int kind = -1;
        if (strncasecmp(line + 1, "ac", 2) == 0)
            kind = K_ACTORS;
        else if (strncasecmp(line + 1, "ag", 2) == 0)
            kind = K_AGENTS;
        else if (strncasecmp(line + 1, "ve", 2) == 0)
            kind = K_VERBS;
        else if (strncasecmp(line + 1, "op", 2) == 0)
            kind = K_OPTIONS;
        else if (strncasecmp(line + 1, "is", 2) == 0)
            kind = K_ISSUES;
        else if (strncasecmp(line + 1, "di", 2) == 0)
            kind = K_DISCARDS;
        if (kind < 0)
            continue;
        const char *name = gt + 1;
        size_t nn = (size_t)(line + n - name);
        dy_trim(&name, &nn);
        size_t k = 0;
        while (k < nn && name[k] != ' ' && name[k] != '\t' && name[k] != '<')
            k++;
        if (k == 0) {
            st = dy_error_set(err, DYAD_ERR_PARSE, path, lineno, "missing file name after tag");
            break;
        }
        if (add_file(fl, kind, join_path(path, dn, name, k)) != 0) {
            st = dy_error_set(err, DYAD_ERR_NOMEM, path, lineno, "out of memory");
            break;
        }
    }
    free(buf);
    return st;
}

/* A dictionary file in a project's folder that the project does not name is
 * not loaded: a user who adds a file beside the default ones would otherwise
 * wonder why its actors never match. Each one gets a remark. */
static dyad_status unlisted_files(dy_build *b, const char *folder, const char *project,
                                  const file_list *listed, dyad_error *err)
{
    static const char *const tags[K_COUNT] = {
        [K_ACTORS] = "actorsfile", [K_AGENTS] = "agentsfile", [K_VERBS] = "verbsfile",
        [K_OPTIONS] = "optionsfile", [K_ISSUES] = "issuesfile", [K_DISCARDS] = "discardsfile"};
    /* the same file by device and inode: "verbs/x" and "./verbs//x" agree */
    size_t n_listed = files_count(listed), n_seen = 0;
    struct stat *seen = calloc(n_listed ? n_listed : 1, sizeof *seen);
    if (!seen)
        return dy_error_set(err, DYAD_ERR_NOMEM, folder, 0, "out of memory");
    for (int j = 0; j < K_COUNT; j++)
        for (size_t m = 0; m < listed->v[j].n; m++)
            if (stat(listed->v[j].v[m], &seen[n_seen]) == 0)
                n_seen++;
    file_list all;
    memset(&all, 0, sizeof all);
    dyad_status st = scan_dir(folder, &all, 0, err);
    for (int k = 0; k < K_COUNT && st == DYAD_OK; k++)
        for (size_t i = 0; i < all.v[k].n; i++) {
            struct stat sb;
            if (stat(all.v[k].v[i], &sb) != 0)
                continue;
            int named = 0;
            for (size_t m = 0; m < n_seen && !named; m++)
                named = seen[m].st_dev == sb.st_dev && seen[m].st_ino == sb.st_ino;
            if (!named) {
                const char *name = all.v[k].v[i] + strlen(folder);
                while (*name == '/')
                    name++;
                dy_build_warn(b, all.v[k].v[i], 0,
                              "not named in %s, so not loaded (a line \"<%s> %s\" there "
                              "loads it)", project, tags[k], name);
            }
        }
    free(seen);
    files_free(&all);
    return st;
}

/* A PETRARCH configuration (PETR_config.ini, or a validation file's
 * <Environment>): the files it names; its options go to the dictionary. */
static int add_petr_file(void *ctx, dy_petr_kind kind, char *path)
{
    static const int kinds[] = {K_VERBS, K_ACTORS, K_AGENTS, K_DISCARDS, K_ISSUES};
    return add_file(ctx, kinds[kind], path);
}

static dyad_status scan_petrarch(dy_build *b, const char *path, file_list *fl, dyad_error *err)
{
    b->petrarch = 1;
    char *buf;
    size_t len;
    dyad_status st = dy_build_read_file(b, path, &buf, &len, err);
    if (st != DYAD_OK)
        return st;
    st = dy_petr_config_scan(path, buf, len, &b->d->options, add_petr_file, fl, err);
    free(buf);
    return st;
}

/* Words of phrase ph matching as `from` now match as `to`. */
static void rematch(dy_build *b, dy_phrase ph, uint8_t from, uint8_t to)
{
    for (uint32_t j = 0; j < ph.count; j++) {
        dy_elem *e = &b->elems.v[ph.first + j];
        if (e->kind == DY_EL_WORD && e->match == from) e->match = to;
    }
}

/* A PETRARCH configuration matches words as PETRARCH does, whole and not as
 * TABARI's stems (THE_KO is not THE KORVALIAN): actor and agent words take the
 * plural and possessive endings at a phrase's end; a one-word verb takes
 * PETRARCH's regular forms (SCOLDES is none of SCOLD; PRAISING is one of
 * PRAISE: an entry of its own), or, when its forms are listed, only those. */
static dyad_status petrarch_words(dy_build *b, dyad_error *err)
{
    for (size_t i = 0; i < b->actors.n; i++)
        rematch(b, b->actors.v[i].phrase, DY_MATCH_STEM, DY_MATCH_WORD);
    for (size_t i = 0; i < b->agents.n; i++)
        rematch(b, b->agents.v[i].phrase, DY_MATCH_STEM, DY_MATCH_WORD);
    for (size_t i = 0; i < b->verbs.n; i++) {   /* listed forms are exact already (verbs.c) */
        dy_phrase ph = b->verbs.v[i].root;
        if (ph.count != 1) continue;
        rematch(b, ph, DY_MATCH_STEM, DY_MATCH_FORMS);
        rematch(b, ph, DY_MATCH_WORD, DY_MATCH_FORMS);
    }
    /* ...ING of a verb ending in E drops the E: no ending of the word, a form */
    size_t n0 = b->verbs.n;
    int dup_warning = b->dup_warning;
    b->dup_warning = 0;   /* a form the file lists already stays as it is */
    dyad_status st = DYAD_OK;
    for (size_t i = 0; i < n0 && st == DYAD_OK; i++) {
        dy_verb v = b->verbs.v[i];
        if (v.root.count != 1) continue;
        const dy_elem *e = &b->elems.v[v.root.first];
        char form[80];
        if (e->match != DY_MATCH_FORMS || e->len < 3 || e->len + 4 > sizeof form ||
            e->word[e->len - 1] != 'E')
            continue;
        memcpy(form, e->word, e->len - 1);
        memcpy(form + e->len - 1, "ING=", 4);
        long idx;
        st = dy_add_verb(b, form, e->len + 3, &v.code, v.section, (long)v.main, 0, v.file,
                         (long)v.line, err, &idx);
    }
    b->dup_warning = dup_warning;
    return st;
}

/* ------------------------------------------------------------ freezing */

/* Sort key of a pattern: its root, then longest first, then file order. */
typedef struct pat_key {
    uint32_t owner, length, seq;
} pat_key;

static int cmp_pattern(const void *pa, const void *pb)
{
    const pat_key *a = pa, *b = pb;
    if (a->owner != b->owner)
        return a->owner < b->owner ? -1 : 1;
    if (a->length != b->length)
        return a->length > b->length ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

#define FREEZE(field)                                                                 \
    do {                                                                              \
        d->n_##field = b->field.n;                                                    \
        d->field = dy_arena_alloc(&d->arena, (b->field.n ? b->field.n : 1) *          \
                                                 sizeof *b->field.v);                 \
        if (!d->field)                                                                \
            return DYAD_ERR_NOMEM;                                                    \
        if (b->field.n)                                                               \
            memcpy(d->field, b->field.v, b->field.n * sizeof *b->field.v);            \
    } while (0)

static dyad_status freeze(dy_build *b)
{
    struct dyad_dict *d = b->d;
    size_t np = b->patterns.n;
    /* patterns: grouped by root, longest first, file order among equals */
    pat_key *order = malloc((np ? np : 1) * sizeof *order);
    if (!order)
        return DYAD_ERR_NOMEM;
    for (size_t i = 0; i < np; i++) {
        order[i].owner = b->pattern_owner.v[i];
        order[i].length = b->patterns.v[i].length;
        order[i].seq = (uint32_t)i;
    }
    qsort(order, np, sizeof *order, cmp_pattern);
    d->patterns = dy_arena_alloc(&d->arena, (np ? np : 1) * sizeof *d->patterns);
    if (!d->patterns) {
        free(order);
        return DYAD_ERR_NOMEM;
    }
    d->n_patterns = np;
    for (size_t i = 0; i < b->verbs.n; i++)
        b->verbs.v[i].n_patterns = 0;
    for (size_t i = 0; i < np; i++) {
        d->patterns[i] = b->patterns.v[order[i].seq];
        dy_verb *v = &b->verbs.v[order[i].owner];
        if (v->n_patterns++ == 0)
            v->first_pattern = (uint32_t)i;
    }
    free(order);
    for (size_t i = 0; i < b->verbs.n; i++) {   /* forms share their root's list */
        dy_verb *v = &b->verbs.v[i];
        if (v->main != i) {
            v->first_pattern = b->verbs.v[v->main].first_pattern;
            v->n_patterns = b->verbs.v[v->main].n_patterns;
        }
    }
    FREEZE(elems);
    FREEZE(alts);
    FREEZE(synsets);
    FREEZE(dated);
    FREEZE(actors);
    FREEZE(agents);
    FREEZE(nouns);
    FREEZE(adjectives);
    FREEZE(verbs);
    FREEZE(issue_cats);
    FREEZE(issues);
    FREEZE(discards);
    for (size_t i = 0; i < d->n_synsets; i++) {   /* the matcher's quick no */
        dy_synset *ss = &d->synsets[i];
        ss->initials = 0;
        for (uint32_t k = 0; k < ss->n_alts; k++) {
            dy_phrase ph = d->alts[ss->first_alt + k];
            const dy_elem *e = ph.count ? &d->elems[ph.first] : NULL;
            ss->initials |= e && e->kind == DY_EL_WORD && e->len ? dy_initial_bit(e->word[0])
                          : e ? 0xFFFFFFFFu : 0;
        }
    }
    return DYAD_OK;
}

static void build_free(dy_build *b)
{
    dy_vec_free(&b->elems);
    dy_vec_free(&b->alts);
    dy_vec_free(&b->synsets);
    dy_vec_free(&b->dated);
    dy_vec_free(&b->actors);
    dy_vec_free(&b->agents);
    dy_vec_free(&b->nouns);
    dy_vec_free(&b->adjectives);
    dy_vec_free(&b->verbs);
    dy_vec_free(&b->patterns);
    dy_vec_free(&b->pattern_owner);
    dy_vec_free(&b->issue_cats);
    dy_vec_free(&b->issues);
    dy_vec_free(&b->discards);
    dy_vec_free(&b->codebuf);
    dy_vec_free(&b->scratch);
    dy_strset_free(&b->codes);
    dy_strset_free(&b->synset_names);
    dy_strset_free(&b->seen_actor);
    dy_strset_free(&b->seen_agent);
    dy_strset_free(&b->seen_verb);
    dy_strset_free(&b->seen_pattern);
    dy_strbuf_free(&b->warn);
    dy_strbuf_free(&b->tmp);
}

/* ------------------------------------------------------------ public API */

/* Finds the files of the dictionary at path, in reading order, into fl: a
 * folder's one .project or its files by suffix, a .project's entries, a
 * PETRARCH configuration's. Remarks about the folder (files the project does
 * not name) and a configuration's options go to b. */
static dyad_status discover(dy_build *b, const char *path, file_list *fl, dyad_error *err)
{
    DIR *probe = b->vfs ? NULL : opendir(path);
    dyad_status st;
    if (probe) {
        closedir(probe);
        int several;
        char *project = folder_project(path, &several);
        if (several)
            st = dy_error_set(err, DYAD_ERR_ARG, path, 0,
                              "several .project files in the folder: name the one to use");
        else if (project) {
            st = scan_project(b, project, fl, err);
            if (st == DYAD_OK)
                st = unlisted_files(b, path, project, fl, err);
        }
        else
            st = scan_dir(path, fl, 0, err);
        free(project);
        if (st == DYAD_OK && files_count(fl) == 0)
            st = dy_error_set(err, DYAD_ERR_ARG, path, 0,
                              "no dictionary files in the folder (.project, .actors, .agents, "
                              ".verbs, .options, .discards, or *actors.txt, *verbs.txt, ...)");
    } else if (!b->vfs && dy_petr_is_config(path)) {
        st = scan_petrarch(b, path, fl, err);
    } else {
        st = scan_project(b, path, fl, err);
        if (st == DYAD_OK && files_count(fl) == 0)
            st = dy_error_set(err, DYAD_ERR_PARSE, path, 0,
                              "not a dictionary: a TABARI .project names its files in "
                              "\"<actorsfile> NAME\" lines and this file names none (a folder of "
                              "dictionary files, a PETR_config.ini and a compiled .dyd are "
                              "read too)");
    }
    return st;
}


/* Loads from disk (vfs NULL) or from the in-memory files vfs[0..n_vfs). */
static dyad_status load(const char *path, const dy_vfile *vfs, size_t n_vfs, dyad_dict **out,
                        dyad_error *err)
{
    *out = NULL;
    struct dyad_dict *d = calloc(1, sizeof *d);
    if (!d)
        return dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
    dy_arena_init(&d->arena, 1 << 20);
    dy_options_init(&d->options);

    dy_build b;
    memset(&b, 0, sizeof b);
    b.d = d;
    b.dup_warning = 1;
    b.vfs = vfs;
    b.n_vfs = n_vfs;
    dy_strbuf_init(&b.warn);
    dy_strbuf_init(&b.tmp);

    file_list fl;
    memset(&fl, 0, sizeof fl);
    dyad_status st = discover(&b, path, &fl, err);
    for (int k = 0; k < K_COUNT && st == DYAD_OK; k++)
        for (size_t i = 0; i < fl.v[k].n && st == DYAD_OK; i++)
            st = read_dict_file(&b, k, fl.v[k].v[i], err);
    files_free(&fl);
    if (st == DYAD_OK && b.petrarch)
        st = petrarch_words(&b, err);
    if (st == DYAD_OK) {
        st = freeze(&b);
        if (st != DYAD_OK)
            dy_error_set(err, st, path, 0, "out of memory");
    }
    if (st == DYAD_OK) {
        st = dy_index_build(d, &b.codes, err);
    }
    if (st == DYAD_OK) {
        d->warnings = dy_strbuf_take(&b.warn);
        if (!d->warnings)
            st = dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
    }
    build_free(&b);
    if (st != DYAD_OK) {
        dyad_dict_free(d);
        return st;
    }
    *out = d;
    return DYAD_OK;
}

dyad_status dyad_dict_load(const char *path, dyad_dict **out, dyad_error *err)
{
    if (!path || !out)
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_dict_load: NULL argument");
    if (dy_dyd_is(path))   /* a compiled dictionary (dict/dyd.c) */
        return dy_dyd_load(path, out, err);
    return load(path, NULL, 0, out, err);
}

dyad_status dy_dict_sources(const char *path, dy_source_fn fn, void *ctx, dyad_error *err)
{
    struct dyad_dict *d = calloc(1, sizeof *d);
    if (!d)
        return dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
    dy_arena_init(&d->arena, 4096);
    dy_options_init(&d->options);
    dy_build b;
    memset(&b, 0, sizeof b);
    b.d = d;
    b.dup_warning = 1;
    dy_strbuf_init(&b.warn);
    dy_strbuf_init(&b.tmp);
    file_list fl;
    memset(&fl, 0, sizeof fl);
    dyad_status st = discover(&b, path, &fl, err);
    struct stat sb;
    /* a .project or PETR_config.ini: its text decides the files, and a
     * configuration's options too */
    if (st == DYAD_OK && stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
        st = fn(ctx, DY_SOURCE_SPEC, path, err);
    for (int k = 0; k < K_COUNT && st == DYAD_OK; k++)
        for (size_t i = 0; i < fl.v[k].n && st == DYAD_OK; i++)
            st = fn(ctx, k, fl.v[k].v[i], err);
    if (st == DYAD_OK) {
        st = b.warn.failed ? dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory")
                           : fn(ctx, DY_SOURCE_REMARKS, b.warn.s ? b.warn.s : "", err);
    }
    files_free(&fl);
    build_free(&b);
    dyad_dict_free(d);
    return st;
}

dyad_status dy_dict_load_files(const char *project, const dy_vfile *files, size_t n,
                              dyad_dict **out, dyad_error *err)
{
    if (!project || !files || !n || !out)
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dy_dict_load_files: no files");
    return load(project, files, n, out, err);
}

void dyad_dict_free(dyad_dict *d)
{
    if (!d)
        return;
    dy_index_free(d->index);
    free(d->warnings);
    dy_arena_free(&d->arena);
    dy_dyd_unmap(d);
    free(d);
}

const char *dyad_dict_warnings(const dyad_dict *d)
{
    return d && d->warnings ? d->warnings : "";
}

void dyad_dict_get_stats(const dyad_dict *d, dyad_dict_stats *s)
{
    memset(s, 0, sizeof *s);
    if (!d)
        return;
    s->actors = d->n_actors;
    s->agents = d->n_agents;
    s->verbs = d->n_verbs;
    s->patterns = d->n_patterns;
    s->synsets = d->n_synsets;
    s->nouns = d->n_nouns;
    s->adjectives = d->n_adjectives;
    s->discards = d->n_discards;
}
