/* read_tabari.c — the tabari input format: TABARI text records, each coded
 * as one sentence, as TABARI does; a header without a valid date is skipped. */
#include "base/error.h"
#include "io/reader.h"

dyad_status dy_read_tabari(dy_reader *r, dyad_story *story, int *got, dyad_error *err)
{
    dy_record rec;
    if (r->lr.data)   /* sniffing read ahead: records go on from its first byte */
        dy_linereader_move(&r->rr.lr, &r->lr);
    int rc = dy_record_next(&r->rr, &rec, err);
    if (rc == DY_LINE_TOO_LONG) {
        r->line = r->rr.lr.lineno;
        r->skip = DY_SKIP_TOO_LONG;
        return DYAD_ERR_PARSE;
    }
    if (rc < 0)
        return err->status;
    if (rc == 0) {
        r->done = 1;
        return DYAD_OK;
    }
    r->line = rec.line;
    r->bad.id = rec.id[0] ? rec.id : NULL;
    r->bad.date = rec.date;
    r->bad.text = rec.text;
    r->bad.text_len = rec.text_len;
    if (!rec.date) {
        r->skip = DY_SKIP_BAD_DATE;
        return dy_error_set(err, DYAD_ERR_PARSE, r->name, rec.line,
                            "bad date '%s' in record header (want YYMMDD or YYYYMMDD)",
                            rec.date_text);
    }
    if (!rec.id[0])
        return dy_error_set(err, DYAD_ERR_PARSE, r->name, rec.line, "record header has no id");
    story->id = rec.id;
    story->date = rec.date;
    story->text = rec.text;
    story->text_len = rec.text_len;
    story->one_sentence = 1;
    *got = 1;
    return DYAD_OK;
}
