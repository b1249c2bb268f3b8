/* event_id.c — dy_event_id: FNV-1a over the key's fields, each ended by a
 * unit separator so that ("AB", "C") and ("A", "BC") differ, then the
 * splitmix64 finaliser so that near keys spread over all bits. */
#include "event/event_id.h"

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME  0x100000001b3ULL

static uint64_t feed(uint64_t h, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
        h = (h ^ *p) * FNV_PRIME;
    return (h ^ 0x1f) * FNV_PRIME;
}

int64_t dy_event_id(const char *story_id, const dyad_event *ev)
{
    char date[12];
    int d = ev->date, k = 10;
    date[11] = '\0';
    /* the date as digits, without printf on the hot path */
    for (int i = 0; i < 8; i++, d /= 10)
        date[k--] = (char)('0' + (d < 0 ? 0 : d % 10));
    uint64_t h = FNV_OFFSET;
    h = feed(h, story_id);
    h = feed(h, date + k + 1);
    h = feed(h, ev->source);
    h = feed(h, ev->target);
    h = feed(h, ev->code);
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    h &= INT64_MAX;
    return h ? (int64_t)h : 1;
}
