/* explain.c — dyad_explain: a readable account of how each sentence was coded:
 * words and classes, dictionary roots with file:line, clauses, patterns, events. */
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "story/coder.h"
#include "text/language.h"

static const char *status_name(dyad_sentence_status st)
{
    switch (st) {
    case DYAD_SENTENCE_CODED: return "coded";
    case DYAD_SENTENCE_NO_EVENT: return "no event";
    case DYAD_SENTENCE_DISCARD: return "discard";
    case DYAD_SENTENCE_COMPLEX: return "complex";
    case DYAD_SENTENCE_TOO_SHORT: return "too short";
    case DYAD_SENTENCE_TOO_LONG: return "too long";
    }
    return "?";
}

static void root_source(dy_strbuf *b, const dyad_dict *d, const dy_root *r)
{
    const char *text = NULL, *file = NULL;
    long line = 0;
    switch (r->ref.kind) {
    case DY_ENTRY_ACTOR: {
        const dy_actor *a = &d->actors[r->ref.index];
        text = a->text; file = a->file; line = a->line;
        break;
    }
    case DY_ENTRY_AGENT: {
        const dy_agent *a = &d->agents[r->ref.index];
        text = a->text; file = a->file; line = a->line;
        break;
    }
    case DY_ENTRY_VERB: {
        const dy_verb *v = &d->verbs[r->ref.index];
        text = v->text; file = v->file; line = v->line;
        break;
    }
    case DY_ENTRY_DISCARD: {
        const dy_discard *x = &d->discards[r->ref.index];
        file = x->file; line = x->line;
        break;
    }
    case DY_ENTRY_ISSUE: {
        const dy_issue *x = &d->issues[r->ref.index];
        file = x->file; line = x->line;
        break;
    }
    default: break;
    }
    if (text) dy_strbuf_printf(b, "  \"%s\"", text);
    if (file) dy_strbuf_printf(b, "  (%s:%ld)", file, line);
}

/* Words of the story text, quoted, when the span holds any. */
static void quote_span(dy_strbuf *b, const dyad_story *st, dyad_span sp)
{
    if (!st || !st->text || sp.end <= sp.start || sp.end > st->text_len)
        return;
    int n = (int)(sp.end - sp.start < 200 ? sp.end - sp.start : 200);
    dy_strbuf_printf(b, " \"%.*s\"", n, st->text + sp.start);
}

/* The event's resolved date and where it came from, and its place: what
 * the output's date, date_origin and place_* fields will say. */
static void explain_when_where(dy_strbuf *b, const dyad_story *st, const dyad_event *e)
{
    if (!e->date) {
        dy_strbuf_adds(b, "    date none (the story has no date)\n");
    } else {
        dy_strbuf_printf(b, "    date %04d-%02d-%02d", e->date / 10000, e->date / 100 % 100,
                         e->date % 100);
        if (e->date_origin == DYAD_DATE_SENTENCE) {
            dy_strbuf_adds(b, " from the sentence:");
            quote_span(b, st, e->date_span);
        } else if (e->date_origin == DYAD_DATE_SHIFT) {
            dy_strbuf_printf(b, " (the story date shifted %+d days by a <TIME> phrase)",
                             e->date_shift);
        } else {
            dy_strbuf_adds(b, " (the story date)");
        }
        dy_strbuf_adds(b, "\n");
    }
    if (e->place.precision == DYAD_PLACE_NONE || !e->place.name)
        return;
    static const char *const kinds[] = {"", "country", "region", "city"};
    dy_strbuf_printf(b, "    place %s, %s (%s):", e->place.name,
                     e->place.country ? e->place.country : "?", kinds[e->place.precision]);
    quote_span(b, st, e->place.span);
    dy_strbuf_adds(b, "\n");
}

void dy_explain_sentence(dy_strbuf *b, const dyad_coder *c, const dyad_story *st,
                         const dy_sentence *s, int index, const dyad_sentence *rec,
                         const dy_final_event *ev, const dyad_event *out, int nev)
{
    dy_strbuf_printf(b, "sentence %d [%zu,%zu): %s", index, rec->span.start, rec->span.end,
                     status_name(rec->status));
    if (rec->reason) dy_strbuf_printf(b, " (%s)", rec->reason);
    dy_strbuf_adds(b, "\n");
    int in_sub = -1;
    for (int i = 0; i < s->n; ++i) {
        const dy_word *w = &s->w[i];
        if (w->clause_start && s->has_clauses) dy_strbuf_adds(b, "    <clause>\n");
        if (w->sub_end >= 0) { dy_strbuf_adds(b, "    <subord>\n"); in_sub = w->sub_end; }
        if (w->cmp_end >= 0) dy_strbuf_adds(b, "    <compound>\n");
        dy_strbuf_printf(b, "  %3d %-18.*s %-8s", i, (int)w->tok->len, w->tok->text,
                         dy_wtype_name(w->wtype));
        const dy_root *r = dy_root_at(s, i);
        if (w->deref && w->refer >= 0) {
            dy_strbuf_printf(b, "  -> word %d", w->refer);
        } else if (w->deref) {
            dy_strbuf_adds(b, "  -> actor of the previous sentence");
        } else if (r) {
            dy_strbuf_printf(b, "  %s%s", r->active ? "" : "(cancelled) ", dy_wtype_name(r->wtype));
            if (r->tail > r->head) dy_strbuf_printf(b, " words %d-%d", r->head, r->tail);
            if (!r->closed) root_source(b, c->dict, r);
        }
        dy_strbuf_adds(b, "\n");
        if (w->cmp_start >= 0) dy_strbuf_adds(b, "    </compound>\n");
        if (in_sub == i) { dy_strbuf_adds(b, "    </subord>\n"); in_sub = -1; }
        if (w->clause_end && s->has_clauses) dy_strbuf_adds(b, "    </clause>\n");
    }
    for (int k = 0; k < nev; ++k) {
        const dy_evt *e = ev[k].ev;
        dy_strbuf_printf(b, "  event %s %s %s  verb word %d", ev[k].source, ev[k].target,
                         ev[k].code, e->verb);
        if (e->pat)
            dy_strbuf_printf(b, "  pattern \"%s\" (%s:%u)", e->pat->text, e->pat->file, e->pat->line);
        else if (e->vroot)
            dy_strbuf_printf(b, "  verb \"%s\" (%s:%u)", e->vroot->text, e->vroot->file, e->vroot->line);
        dy_strbuf_adds(b, "\n");
        explain_when_where(b, st, &out[k]);
    }
}

dyad_status dyad_explain(dyad_coder *c, const dyad_story *st, char **out_text, dyad_error *err)
{
    if (!out_text) return dy_error_set(err, DYAD_ERR_ARG, "explain", 0, "no output pointer");
    *out_text = NULL;
    dy_strbuf b;
    dy_strbuf_init(&b);
    dyad_result r;
    dy_strbuf_printf(&b, "story %s date %d\n", st && st->id ? st->id : "?", st ? st->date : 0);
    dyad_status rc = dy_code_story(c, st, &r, &b, err);
    if (rc != DYAD_OK) { dy_strbuf_free(&b); return rc; }
    if (r.not_english) {
        dy_language lg;
        dy_language_not_english(st->text, st->text_len, &lg);
        dy_strbuf_printf(&b, "note: the text does not look like English: %ld of %ld words are "
                         "common English words, %ld of other languages, %ld of %ld letters are of another script; "
                         "dyad codes English text\n", lg.common, lg.words, lg.other, lg.other_script,
                         lg.letters);
    }
    if (b.failed) { dy_strbuf_free(&b); return dy_error_set(err, DYAD_ERR_NOMEM, "explain", 0, "out of memory"); }
    *out_text = dy_strbuf_take(&b);
    return DYAD_OK;
}
