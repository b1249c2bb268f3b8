/* coder.c — the public coder: splits a story into sentences, parses each, and
 * runs discards, time shifts, complexity, the verb loop and event assembly. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "story/coder.h"
#include "code/attrib.h"
#include "code/actors.h"
#include "code/complexity.h"
#include "code/discards.h"
#include "code/issues.h"
#include "code/verbs.h"
#include "event/assemble.h"
#include "event/enrich.h"
#include "parse/parse.h"
#include "parse/ud_bracket.h"
#include "text/language.h"

#define MAX_FINAL 256

/* The input's parse of one sentence, if any. */
typedef struct dy_presplit_parse {
    const char *parse;
    size_t len;
} dy_presplit_parse;

static int grow(void **v, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return 0;
    size_t nc = *cap ? *cap * 2 : 16;
    while (nc < need) nc *= 2;
    void *p = realloc(*v, nc * elem);
    if (!p) return -1;
    *v = p;
    *cap = nc;
    return 0;
}

dyad_status dyad_coder_new(const dyad_dict *dict, dyad_coder **out, dyad_error *err)
{
    *out = NULL;
    if (!dict) return dy_error_set(err, DYAD_ERR_ARG, "coder", 0, "no dictionary");
    dyad_coder *c = calloc(1, sizeof *c);
    if (!c) return dy_error_set(err, DYAD_ERR_NOMEM, "coder", 0, "out of memory");
    c->dict = dict;
    c->opt = dict->options;
    dy_arena_init(&c->scratch, 64 * 1024);
    dy_arena_init(&c->result, 64 * 1024);
    if (dy_lexcache_init(&c->lexcache, 16) != 0) {
        dyad_coder_free(c);
        return dy_error_set(err, DYAD_ERR_NOMEM, "coder", 0, "out of memory");
    }
    if (dict->n_patterns) {
        c->need = malloc(dict->n_patterns * sizeof *c->need);
        if (!c->need) {
            dyad_coder_free(c);
            return dy_error_set(err, DYAD_ERR_NOMEM, "coder", 0, "out of memory");
        }
        for (size_t k = 0; k < dict->n_patterns; ++k)
            dy_pattern_need(dict, dict->patterns[k].phrase, &c->need[k]);
        c->pidx = dy_patindex_new(dict, c->need);   /* NULL: patterns are scanned */
    }
    c->synset_lens = dy_synset_lens(dict);          /* NULL: synsets are not filtered */
    *out = c;
    return DYAD_OK;
}

void dyad_coder_free(dyad_coder *c)
{
    if (!c) return;
    dyad_parser_free(c->parser);
    dy_strbuf_free(&c->brackets);
    dy_arena_free(&c->scratch);
    dy_arena_free(&c->result);
    free(c->events);
    free(c->sentences);
    free(c->need);
    dy_patindex_free(c->pidx);
    free(c->synset_lens);
    dy_lexcache_free(&c->lexcache);
    free(c);
}

dyad_status dyad_coder_set_option(dyad_coder *c, const char *line, dyad_error *err)
{
    if (!c || !line) return dy_error_set(err, DYAD_ERR_ARG, "option", 0, "no coder or option");
    return dy_options_apply(&c->opt, line, strlen(line), "option", 0, err);
}

void dyad_coder_reset_options(dyad_coder *c)
{
    if (c) c->opt = c->dict->options;
}

dyad_status dyad_coder_set_model(dyad_coder *c, const dyad_model *model, dyad_error *err)
{
    if (!c) return dy_error_set(err, DYAD_ERR_ARG, "coder", 0, "no coder");
    dyad_parser_free(c->parser);
    c->parser = NULL;
    return model ? dyad_parser_new(model, &c->parser, err) : DYAD_OK;
}

/* Syntax mode: dyad's own parse of the sentence marks the words of its main
 * verb (the root, and the verbs of its auxiliaries) among the tokens, so
 * that TABARI's comma rule, which takes a short run after a comma for a
 * subordinate clause, never cuts the main clause off. The rest of the
 * coding stays TABARI's (docs/coding.md, "Syntax mode"). */
static int mark_main(dyad_coder *c, const dyad_story *st, dyad_span span, dy_tokens *toks)
{
    dyad_parse_result r;
    dyad_error e;
    if (dyad_parse_text(c->parser, st->text + span.start, span.end - span.start, 1, &r, &e) !=
            DYAD_OK || r.n_sentences != 1)
        return 0;
    const dyad_parsed *p = &r.sentences[0];
    int marked = 0;
    for (size_t i = 0; i < p->n_words; i++) {
        if (p->words[i].head != 0) continue;
        size_t a = span.start + p->words[i].span.start, b = span.start + p->words[i].span.end;
        for (size_t k = 0; k < toks->n; k++)
            if (toks->v[k].start < b && toks->v[k].end > a) {
                toks->v[k].flags |= DY_TOK_MAIN;
                marked = 1;
            }
    }
    return marked;
}

/* Did the comma rule mark a run holding a verb (cancelled, or to be nulled
 * after the attribution check)? */
static int cut_off_verb(const dy_sentence *s)
{
    for (int h = 0; h < s->n; ++h) {
        int t = s->w[h].sub_end;
        if (t < 0) continue;
        for (int k = h; k <= t && k < s->n; ++k) {
            int r = s->w[k].head_of;
            if (r >= 0 && s->roots[r].wtype == DY_W_VERB) return 1;
        }
        h = t;
    }
    return 0;
}

/* The sentence's tree as a Treebank bracketing in c->brackets: from the
 * input's CoNLL-U rows, or (syntax mode, no parse given) from dyad's own
 * parse of the sentence. NULL when there is none or it is not one tree
 * (c->tree_why says why); the sentence is then coded from its words. */
static const dy_presplit_parse *ud_tree(dyad_coder *c, const dyad_story *st, dyad_span span,
                                        const dy_presplit_parse *pp, dy_presplit_parse *own)
{
    const dyad_word *w = NULL;
    size_t n = 0;
    if (pp && pp->parse) {
        size_t lines = 1;
        for (size_t i = 0; i < pp->len; i++) lines += pp->parse[i] == '\n';
        dyad_word *rows = dy_arena_alloc(&c->scratch, lines * sizeof *rows);
        if (!rows || dy_ud_read_rows(&c->scratch, pp->parse, pp->len, rows, lines, &n) != 0) {
            snprintf(c->tree_why, sizeof c->tree_why, "parse not used: bad CoNLL-U rows");
            return NULL;
        }
        w = rows;
    } else {
        dyad_parse_result r;
        dyad_error e;
        dy_error_clear(&e);
        snprintf(e.message, sizeof e.message, "empty sentence");
        if (dyad_parse_text(c->parser, st->text + span.start, span.end - span.start, 1, &r, &e) !=
                DYAD_OK || r.n_sentences != 1) {
            snprintf(c->tree_why, sizeof c->tree_why, "no syntax: %.150s",
                     r.n_sentences > 1 ? "sentence over the parser's word limit" : e.message);
            return NULL;
        }
        w = r.sentences[0].words;
        n = r.sentences[0].n_words;
    }
    dy_strbuf_clear(&c->brackets);
    if (dy_ud_brackets(&c->brackets, w, n) != 0 || c->brackets.failed) {
        snprintf(c->tree_why, sizeof c->tree_why, "tree not used: its words cross");
        return NULL;
    }
    own->parse = c->brackets.s;
    own->len = c->brackets.len;
    return own;
}

static dyad_span word_span(const dy_sentence *s, int from, int to)
{
    dyad_span sp = {0, 0};
    if (from < 0 || from >= s->n) return sp;
    if (to < from) to = from;
    if (to >= s->n) to = s->n - 1;
    sp.start = s->w[from].tok->start;
    sp.end = s->w[to].tok->end;
    return sp;
}

static dyad_span actor_span(const dy_sentence *s, const dy_actor_ref *a)
{
    int at = a->from >= 0 ? a->from : a->where;
    if (at < 0) return (dyad_span){0, 0};
    int tail = at;
    const dy_root *r = dy_root_at(s, at);
    if (r && !s->w[at].deref) tail = r->tail;
    dyad_span sp = word_span(s, at, tail);
    /* "Russian President", "President of Russia": the agent is part of the actor */
    if (a->agent_where >= 0 && a->agent_where < s->n && !s->w[at].deref) {
        const dy_root *ar = dy_root_at(s, a->agent_where);
        dyad_span ag = word_span(s, a->agent_where, ar ? ar->tail : a->agent_where);
        if (ag.end > ag.start) {
            if (ag.start < sp.start) sp.start = ag.start;
            if (ag.end > sp.end) sp.end = ag.end;
        }
    }
    return sp;
}

static int time_shifting(const dyad_coder *c)
{
    if (c->opt.time_shifting < 0) return c->dict->has_time;
    return c->opt.time_shifting;
}

static dyad_status add_event(dyad_coder *c, const dy_sentence *s, const dy_final_event *f,
                             int sentence, int date, int shift)
{
    if (grow((void **)&c->events, &c->cap_events, c->n_events + 1, sizeof *c->events))
        return DYAD_ERR_NOMEM;
    dyad_event *e = &c->events[c->n_events++];
    memset(e, 0, sizeof *e);
    const dy_evt *ev = f->ev;
    e->sentence = sentence;
    e->date = date;
    e->date_shift = shift;
    e->source = f->source;
    e->target = f->target;
    e->code = f->code;
    e->attribution = ev->attrib;
    e->source_span = actor_span(s, &ev->src);
    e->target_span = actor_span(s, &ev->tgt);
    const dy_root *vr = dy_root_at(s, ev->verb);
    e->verb_span = word_span(s, ev->verb, vr ? vr->tail : ev->verb);
    if (ev->pat) {
        e->pattern = ev->pat->text;
        e->pattern_where = ev->pat->file;
        e->pattern_line = ev->pat->line;
    } else if (ev->vroot) {
        e->pattern = ev->vroot->text;
        e->pattern_where = ev->vroot->file;
        e->pattern_line = ev->vroot->line;
    }
    return DYAD_OK;
}

/* NONEVENTS (tabari-manual 10.3): the first actor (first of a compound) and
 * the next actor with a different code, with event code ***. */
static int nonevent(dyad_coder *c, const dy_sentence *s, dy_final_event *out)
{
    dy_code_state *cs = &c->cs;
    int src = -1;
    for (int i = 0; i < s->n && src < 0; ++i)
        if (s->w[i].wtype == DY_W_ACTOR && dy_is_head(s, i, DY_W_ACTOR)) src = i;
    if (src < 0 || cs->nev >= DY_MAX_RAW_EVENTS) return 0;
    dy_evt *e = &cs->ev[cs->nev];
    memset(e, 0, sizeof *e);
    dy_actor_codes_at(s, src, &e->src);
    if (!e->src.code) return 0;   /* a null-coded actor ([---], [+++]) is no source */
    dy_find_agent(s, src, s->n - 1, &e->src);
    int from = s->w[src].cmp_end >= 0 ? s->w[src].cmp_end + 1 : src + 1;
    for (int i = from; i < s->n; ++i) {
        if (s->w[i].wtype != DY_W_ACTOR || !dy_is_head(s, i, DY_W_ACTOR)) continue;
        dy_actor_codes_at(s, i, &e->tgt);
        dy_find_agent(s, i, s->n - 1, &e->tgt);
        if (dy_actor_equal(&e->src, &e->tgt) || !e->tgt.code) continue;
        e->code = "***";
        e->verb = -1;
        e->lo = e->hi = -1;
        e->attrib = cs->attrib.code;
        ++cs->nev;
        out->source = dy_compose_code(&c->result, e->src.code, e->src.agent, e->src.agent_prefix);
        out->target = dy_compose_code(&c->result, e->tgt.code, e->tgt.agent, e->tgt.agent_prefix);
        out->code = e->code;
        out->ev = e;
        return 1;
    }
    return 0;
}

/* Reads and aligns the sentence's Treebank parse; NULL (and c->tree_why)
 * when it cannot be used, so the sentence is coded from the text alone.
 * With the parse, the words coded are the parse's (*toks may change). */
static const dy_tree *load_tree(dyad_coder *c, const dyad_story *st, dyad_span span,
                                const dy_presplit_parse *pp, dy_tokens *toks)
{
    char why[160];
    dy_tokens words = *toks;
    if (dy_tree_parse(&c->scratch, pp->parse, pp->len, &c->tree, why, sizeof why) != 0 ||
        dy_tree_align(&c->scratch, &c->tree, st->text, span.start, span.end, &words,
                      DY_MAX_WORDS, why, sizeof why) != 0) {
        snprintf(c->tree_why, sizeof c->tree_why, "parse not used: %s", why);
        return NULL;
    }
    *toks = words;
    dy_tree_clauses(&c->tree);
    return &c->tree;
}

/* Codes one sentence; appends events and the sentence record. */
static dyad_status code_sentence(dyad_coder *c, const dyad_story *st, dyad_span span,
                                 int index, const dy_presplit_parse *pp, dy_strbuf *trace,
                                 dyad_error *err)
{
    dy_arena_reset(&c->scratch);
    if (grow((void **)&c->sentences, &c->cap_sentences, c->n_sentences + 1, sizeof *c->sentences))
        return dy_error_set(err, DYAD_ERR_NOMEM, st->id, index, "out of memory");
    dyad_sentence *out = &c->sentences[c->n_sentences++];
    out->span = span;
    out->status = DYAD_SENTENCE_NO_EVENT;
    out->reason = NULL;

    dy_tokens toks;
    int truncated = 0;
    dyad_status rc = dy_tokenize(&c->scratch, st->text, span.start, span.end, DY_MAX_WORDS,
                                 &toks, &truncated, err);
    if (rc != DYAD_OK) return rc;
    dy_sentence *s = &c->sent;
    c->tree_why[0] = '\0';
    dy_presplit_parse own;
    if (pp && pp->parse && dy_ud_is_rows(pp->parse, pp->len))
        pp = ud_tree(c, st, span, pp, &own);
    const dy_tree *tree = pp && pp->parse ? load_tree(c, st, span, pp, &toks) : NULL;
    rc = dy_parse_tree(s, &c->scratch, c->dict, &c->opt, &toks, st->date,
                       c->fwd_use && c->fwd_valid ? &c->fwd : NULL, &c->lexcache, tree, err);
    if (rc != DYAD_OK) return rc;
    /* syntax mode: only a sentence whose comma rule cut off a verb needs its
     * parse (most do not), and is parsed again with its main verb marked */
    if (c->parser && !tree && s->n_subord > 0 && cut_off_verb(s) && mark_main(c, st, span, &toks)) {
        rc = dy_parse_tree(s, &c->scratch, c->dict, &c->opt, &toks, st->date,
                           c->fwd_use && c->fwd_valid ? &c->fwd : NULL, &c->lexcache, NULL, err);
        if (rc != DYAD_OK) return rc;
    }
    if (truncated) s->truncated = 1;
    s->synset_lens = c->synset_lens;

    dy_code_state *cs = &c->cs;
    /* everything but the 18 KB of raw events: each is cleared when made
     * (put_one in verbs.c, nonevent here), and only ev[0..nev) is read */
    memset(cs, 0, offsetof(dy_code_state, ev));
    cs->nev = 0;
    cs->overflow = 0;
    cs->s = s;
    cs->opt = &c->opt;
    cs->need = c->need;
    cs->have = &s->mask;
    cs->pidx = c->pidx;
    cs->arena = &c->scratch;
    cs->keep = &c->result;
    int shift = 0, date = st->date, nfinal = 0;
    dy_final_event final[MAX_FINAL];
    const char *reason = NULL;
    dy_attrib_result ar0 = DY_ATTRIB_OK;
    dy_actor_zero(&cs->attrib);

    if ((int)toks.n < c->opt.min_words) {
        out->status = DYAD_SENTENCE_TOO_SHORT;
        reason = "too few words in sentence";
    } else if (s->has_discard) {
        out->status = DYAD_SENTENCE_DISCARD;
        reason = "discard code found in text";
        if (c->dict->n_discards && dy_story_discard(c->dict, &toks)) {
            c->story_discard = 1;
            reason = "story discard phrase found in text";
        }
    } else {
        dy_time_result tr = time_shifting(c) ? dy_check_time(s, &shift) : DY_TIME_NONE;
        if (tr == DY_TIME_DISCARD) {
            out->status = DYAD_SENTENCE_DISCARD;
            reason = "discard code in time-shift phrase";
        } else if (tr == DY_TIME_COMPLEX) {
            out->status = DYAD_SENTENCE_COMPLEX;
            reason = "complex code in time-shift phrase";
        } else if (c->dict->has_attrib && (ar0 = dy_check_attrib(cs)) != DY_ATTRIB_OK) {
            out->status = ar0 == DY_ATTRIB_DISCARD ? DYAD_SENTENCE_DISCARD : DYAD_SENTENCE_COMPLEX;
            reason = ar0 == DY_ATTRIB_DISCARD ? "discard code in attribution phrase"
                                              : "complex code in attribution phrase";
        } else if (dy_complexity(s, c->why, sizeof c->why)) {
            out->status = DYAD_SENTENCE_COMPLEX;
            reason = c->why;
        } else {
            if (c->dict->has_attrib) dy_null_subordinates(s);
            if (tr == DY_TIME_SHIFT && shift) date = dy_date_add(st->date, shift);
            else shift = 0;
            dy_check_verbs(cs);
            dy_assemble_result ar = dy_assemble(cs, &c->result, final, MAX_FINAL, &nfinal);
            if (ar == DY_ASM_DISCARD) {
                out->status = DYAD_SENTENCE_DISCARD;
                reason = "discard code found in verb pattern";
                nfinal = 0;
            } else if (ar == DY_ASM_COMPLEX) {
                out->status = DYAD_SENTENCE_COMPLEX;
                reason = "complex code found in verb pattern";
                nfinal = 0;
            }
        }
    }
    if (c->opt.nonevents != DY_NONEVENTS_FALSE && out->status == DYAD_SENTENCE_NO_EVENT) {
        if (nfinal == 0) nfinal = nonevent(c, s, final);
        else if (c->opt.nonevents == DY_NONEVENTS_ONLY) nfinal = 0;
    } else if (c->opt.nonevents == DY_NONEVENTS_ONLY) {
        nfinal = 0;
    }
    if (!reason && c->tree_why[0]) reason = c->tree_why;
    if (reason) out->reason = dy_arena_strdup(&c->result, reason);
    for (int k = 0; k < nfinal; ++k)
        if (add_event(c, s, &final[k], index, date, shift) != DYAD_OK)
            return dy_error_set(err, DYAD_ERR_NOMEM, st->id, index, "out of memory");
    /* names, scores, actor parts, the sentence's date and place (issue 5); a
     * dictionary with <TIME> phrases keeps date resolution to itself */
    if (nfinal > 0)
        dy_enrich_sentence(c->events + c->n_events - nfinal, (size_t)nfinal, &toks,
                           time_shifting(c) ? 0 : st->date);
    if (nfinal > 0 && c->dict->n_issues) {   /* issue codes (code/issues.c) */
        const char *iss = dy_sentence_issues(&c->result, c->dict, &toks);
        for (int k = 1; k <= nfinal; ++k) c->events[c->n_events - k].issues = iss;
    }
    if (nfinal > 0) out->status = DYAD_SENTENCE_CODED;
    else if (out->status == DYAD_SENTENCE_NO_EVENT && s->truncated)
        out->status = DYAD_SENTENCE_TOO_LONG;
    if (c->opt.forward) {
        dy_forward_from(s, &c->fwd);
        c->fwd_valid = 1;
    }
    if (trace)
        dy_explain_sentence(trace, c, st, s, index, out, final,
                            nfinal ? c->events + c->n_events - nfinal : NULL, nfinal);
    return DYAD_OK;
}

/* Story key and sentence number of a record id under a FORWARD: format
 * ("^^*****NNN*SSS": N marks the story, S the sentence number). */
static void forward_key(const char *fmt, const char *id, char *key, size_t keyn, long *sent)
{
    size_t k = 0, idlen = strlen(id);
    *sent = 0;
    for (size_t i = 0; fmt[i]; ++i) {
        char ch = i < idlen ? id[i] : '\0';
        if (fmt[i] == 'N' && k + 1 < keyn) key[k++] = ch ? ch : ' ';
        else if (fmt[i] == 'S' && ch >= '0' && ch <= '9') *sent = *sent * 10 + (ch - '0');
    }
    key[k] = '\0';
}

/* May the first sentence of this story forward from the last one coded? */
static int can_forward(dyad_coder *c, const char *id)
{
    char key[64];
    long sent;
    if (!c->opt.forward) { c->fwd_valid = 0; return 0; }
    forward_key(c->opt.forward_format, id, key, sizeof key, &sent);
    int ok = c->fwd_valid && strcmp(key, c->fwd_story) == 0 && sent == c->fwd_sent + 1;
    snprintf(c->fwd_story, sizeof c->fwd_story, "%s", key);
    c->fwd_sent = sent;
    return ok;
}

dyad_status dy_code_story(dyad_coder *c, const dyad_story *st, dyad_result *out,
                          dy_strbuf *trace, dyad_error *err)
{
    if (!c || !st || !out || (!st->text && st->text_len))
        return dy_error_set(err, DYAD_ERR_ARG, st && st->id ? st->id : "story", 0,
                            "missing coder, story or text");
    memset(out, 0, sizeof *out);
    dy_arena_reset(&c->result);
    c->n_events = c->n_sentences = 0;
    const char *id = st->id ? st->id : "story";
    if (st->text_len > (size_t)DYAD_MAX_STORY_BYTES)
        return dy_error_set(err, DYAD_ERR_LIMIT, id, 0,
                            "story of %zu bytes is longer than the limit of %ld",
                            st->text_len, (long)DYAD_MAX_STORY_BYTES);

    dyad_span *spans = NULL;
    size_t nspans = 0;
    if (st->presplit && st->n_presplit) {
        spans = dy_arena_alloc(&c->result, st->n_presplit * sizeof *spans);
        if (!spans) return dy_error_set(err, DYAD_ERR_NOMEM, id, 0, "out of memory");
        for (size_t k = 0; k < st->n_presplit; ++k) {
            const dyad_presplit *p = &st->presplit[k];
            if (p->start > p->end || p->end > st->text_len || (!p->parse && p->parse_len))
                return dy_error_set(err, DYAD_ERR_ARG, id, (long)k + 1,
                                    "sentence %zu lies outside the story text", k + 1);
            spans[k].start = p->start;
            spans[k].end = p->end;
        }
        nspans = st->n_presplit;
    } else if (st->one_sentence) {
        spans = dy_arena_alloc(&c->result, sizeof *spans);
        if (!spans) return dy_error_set(err, DYAD_ERR_NOMEM, id, 0, "out of memory");
        spans[0].start = 0;
        spans[0].end = st->text_len;
        nspans = 1;
    } else {
        dyad_status rc = dy_split_sentences(&c->result, st->text, st->text_len, &spans, &nspans, err);
        if (rc != DYAD_OK) return rc;
    }
    if (nspans > DYAD_MAX_SENTENCES)
        return dy_error_set(err, DYAD_ERR_LIMIT, id, 0,
                            "story of %zu sentences is over the limit of %d",
                            nspans, DYAD_MAX_SENTENCES);
    c->fwd_use = can_forward(c, id);
    c->story_discard = 0;
    for (size_t k = 0; k < nspans; ++k) {
        if (k > 0) c->fwd_use = c->opt.forward;
        dy_presplit_parse pp = {NULL, 0};
        if (st->presplit && st->n_presplit) {
            pp.parse = st->presplit[k].parse;
            pp.len = st->presplit[k].parse_len;
        }
        dyad_status rc = code_sentence(c, st, spans[k], (int)k + 1, &pp, trace, err);
        if (rc != DYAD_OK) {
            if (err && err->line == 0) err->line = (long)k + 1;
            return rc;
        }
    }
    for (size_t k = 0; k < c->n_sentences; ++k)
        if (c->sentences[k].status == DYAD_SENTENCE_DISCARD) out->discarded = 1;
    if (c->story_discard) {   /* '+' discards (Phoenix) drop the whole story */
        c->n_events = 0;
        for (size_t k = 0; k < c->n_sentences; ++k)
            if (c->sentences[k].status == DYAD_SENTENCE_CODED) {
                c->sentences[k].status = DYAD_SENTENCE_DISCARD;
                c->sentences[k].reason = "story discarded by a discard phrase";
            }
    }
    out->not_english = dy_language_not_english(st->text, st->text_len, NULL);
    out->events = c->events;
    out->n_events = c->n_events;
    out->sentences = c->sentences;
    out->n_sentences = c->n_sentences;
    out->event_size = sizeof(dyad_event);
    out->sentence_size = sizeof(dyad_sentence);
    return DYAD_OK;
}

dyad_status dyad_code(dyad_coder *c, const dyad_story *st, dyad_result *out, dyad_error *err)
{
    return dy_code_story(c, st, out, NULL, err);
}
