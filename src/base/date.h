/* date.h — calendar dates as YYYYMMDD integers: parsing the field's formats,
 * validity, and adding days (time shifts, relative dates). */
#ifndef DY_DATE_H
#define DY_DATE_H

#include <stddef.h>

int dy_date_valid(int ymd);
/* Days since 1970-01-01 and back; valid for years 1..9999. */
long dy_date_to_days(int ymd);
int dy_days_to_date(long days);
int dy_date_add(int ymd, int days);

/* TABARI date fields: YYMMDD (00-30 -> 20xx) or, with yyyy, YYYYMMDD.
 * Returns 0 when invalid. */
int dy_parse_tabari_date(const char *s, size_t n, int yyyy);

#endif
