/* date.c — calendar dates as YYYYMMDD integers.
 * Civil-from-days arithmetic after Howard Hinnant's published algorithms. */
#include "base/date.h"

#include <ctype.h>

#include "dyad.h"

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

int dy_date_valid(int ymd)
{
    int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= month_days(y, m);
}

long dy_date_to_days(int ymd)
{
    long y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int dy_days_to_date(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    return (int)(y * 10000 + m * 100 + d);
}

int dy_date_add(int ymd, int days)
{
    return dy_days_to_date(dy_date_to_days(ymd) + days);
}

static int digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

static int atoin(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

int dy_parse_tabari_date(const char *s, size_t n, int yyyy)
{
    int ymd;
    if (n == 8 && digits(s, 8)) {
        ymd = atoin(s, 8);
    } else if (n == 6 && digits(s, 6) && !yyyy) {
        int yy = atoin(s, 2);
        ymd = (yy <= 30 ? 2000 + yy : 1900 + yy) * 10000 + atoin(s + 2, 4);
    } else {
        return 0;
    }
    return dy_date_valid(ymd) ? ymd : 0;
}

/* "NN" at s[0, 2) no greater than max; -1 when not. */
static int two_digits(const char *s, size_t n, int max)
{
    if (n < 2 || !digits(s, 2))
        return -1;
    int v = atoin(s, 2);
    return v <= max ? v : -1;
}

/* Is s[0, n) the time part of an ISO 8601 timestamp after its date: 'T'
 * (or one blank) and hh:mm, then :ss, a fraction .sss or ,sss, and a zone
 * Z, +hh:mm, +hhmm or +hh (or the same with '-'), each optional? */
static int iso_time(const char *s, size_t n)
{
    if (n < 6 || (s[0] != 'T' && s[0] != 't' && s[0] != ' '))
        return 0;
    size_t i = 1;
    if (two_digits(s + i, n - i, 23) < 0 || s[i + 2] != ':' || two_digits(s + i + 3, n - i - 3, 59) < 0)
        return 0;
    i += 5;
    if (i < n && s[i] == ':') {
        if (two_digits(s + i + 1, n - i - 1, 60) < 0)   /* 60: a leap second */
            return 0;
        i += 3;
        if (i < n && (s[i] == '.' || s[i] == ',')) {
            size_t f = ++i;
            while (i < n && isdigit((unsigned char)s[i]))
                i++;
            if (i == f)
                return 0;
        }
    }
    if (i < n && (s[i] == 'Z' || s[i] == 'z'))
        return i + 1 == n;
    if (i < n && (s[i] == '+' || s[i] == '-')) {
        i++;
        if (two_digits(s + i, n - i, 23) < 0)
            return 0;
        i += 2;
        int colon = i < n && s[i] == ':';
        i += (size_t)colon;
        if ((colon || i < n) && two_digits(s + i, n - i, 59) < 0)
            return 0;
        if (colon || i < n)
            i += 2;
    }
    return i == n;
}

int dyad_parse_date(const char *s, size_t n)
{
    /* A timestamp's date is its calendar date as written: a zone offset
     * does not move it (2024-02-01T23:30:00-05:00 is 2024-02-01), since
     * news is dated where it is written, and the text says "today" there. */
    if (n > 10 && iso_time(s + 10, n - 10))
        n = 10;
    if (n == 10 && s[4] == '-' && s[7] == '-' && digits(s, 4) && digits(s + 5, 2) &&
        digits(s + 8, 2)) {
        int ymd = atoin(s, 4) * 10000 + atoin(s + 5, 2) * 100 + atoin(s + 8, 2);
        return dy_date_valid(ymd) ? ymd : 0;
    }
    return dy_parse_tabari_date(s, n, 0);
}
