/* read_tabari.c — the tabari input format: TABARI text records, each coded
 * as one sentence, as TABARI does; a header without a valid date is skipped. */
#include "base/error.h"
#include "io/reader.h"

dyad_status dy_read_tabari(dy_reader *r, dyad_story *story, int *got, dyad_error *err)
{
    dy_record rec;
    int rc = dy_record_next(&r->rr, &rec, err);
    if (rc < 0)
        return err->status;
    if (rc == 0) {
        r->done = 1;
        return DYAD_OK;
    }
    if (!rec.date)
        return dy_error_set(err, DYAD_ERR_PARSE, r->name, rec.line,
                            "bad date '%s' in record header (want YYMMDD or YYYYMMDD)",
                            rec.date_text);
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
