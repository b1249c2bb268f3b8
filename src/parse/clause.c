/* clause.c — splits a compound sentence into clauses at conjunctions that are
 * not inside compound actors, noun or adjective phrases (tabari-manual 7.6). */
#include "parse/parse.h"

void dy_mark_clauses(dy_sentence *s)
{
    s->has_clauses = 0;
    if (s->n == 0) return;
    s->w[0].clause_start = 1;
    int i = 0;
    while (i < s->n) {
        if (s->w[i].cmp_end >= 0) { i = s->w[i].cmp_end + 1; continue; }
        if (s->w[i].sub_end >= 0) { i = s->w[i].sub_end + 1; continue; }
        if (s->w[i].wtype == DY_W_CONJ && i > 0 && i + 1 < s->n) {
            int phrase = 0;
            if (s->w[i - 1].wtype == DY_W_NOUN) {          /* noun and adj* noun */
                int k = i + 1;
                while (k < s->n && s->w[k].wtype == DY_W_ADJ) ++k;
                if (k < s->n && s->w[k].wtype == DY_W_NOUN) { phrase = 1; i = k; }
            }
            if (!phrase && s->w[i - 1].wtype == DY_W_ADJ && s->w[i + 1].wtype == DY_W_ADJ) {
                phrase = 1;                                 /* adj and adj */
                ++i;
            }
            if (!phrase) {
                s->has_clauses = 1;
                s->w[i - 1].clause_end = 1;
                s->w[i + 1].clause_start = 1;
                ++i;
            }
        }
        ++i;
    }
    s->w[s->n - 1].clause_end = 1;
}
