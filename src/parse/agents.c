/* agents.c — SET: CONVERT AGENTS: an agent with no actor next to it becomes an
 * actor coded by the agent alone (tabari-manual 5.4, 8.2). */
#include "parse/parse.h"

void dy_convert_agents(dy_sentence *s)
{
    for (int i = 0; i < s->n; ++i) {
        if (s->w[i].wtype != DY_W_AGENT) continue;
        const dy_root *r = dy_root_at(s, i);
        int tail = r ? r->tail : i;
        int prev_actor = i > 0 && (s->w[i - 1].wtype == DY_W_ACTOR ||
                                   dy_is_tail(s, i - 1, DY_W_ACTOR) ||
                                   dy_closed_at(s, i - 1) == DY_C_FORMER);
        if (!prev_actor && r && s->w[i].head_of >= 0) {
            int convert = 1;
            if (tail + 1 < s->n && dy_is_head(s, tail + 1, DY_W_ACTOR)) convert = 0;
            if (convert && tail + 2 < s->n && s->w[tail + 1].wtype == DY_W_PREP &&
                s->w[tail + 2].wtype == DY_W_ACTOR)
                convert = 0;
            if (convert) {
                s->roots[s->w[i].head_of].wtype = DY_W_ACTOR;
                s->w[i].wtype = DY_W_ACTOR;
            }
        }
        if (tail > i) i = tail;
    }
}
