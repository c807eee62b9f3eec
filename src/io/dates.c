/* dates.c -- dyad_parse_date: document dates as YYYYMMDD integers.
 *
 * Dates drive the date restrictions of actor codes ("[KESGOV >20120101]"), so
 * a wrong date silently changes codes: an impossible date such as 2015-02-29
 * is refused (0) rather than passed on. Accepted forms, with surrounding
 * blanks ignored:
 *     20160102                compact, as in PETRARCH XML and TABARI
 *     2016-01-02              ISO 8601 calendar date
 *     2016-01-02T10:00:00Z    ISO date-time (also "2016-01-02 10:00"): the
 *     20160102T100000Z        time must start with HH:MM or HHMM; its value,
 *                             seconds and zone are not checked further
 * Years run from 0001 to 9999.
 */
#include <stddef.h>
#include <stdint.h>

#include "dyad.h"

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Value of n digits at s, or -1 if any is not a digit. */
static int digits(const char *s, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!is_digit(s[i])) return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int days_in_month(int y, int m) {
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return dm[m - 1];
}

/* A time of day after the date: HH:MM... or HHMM..., hours 00-24. */
static int time_ok(const char *s, size_t n) {
    if (n < 4) return 0;
    int h = digits(s, 2), m;
    if (n >= 5 && s[2] == ':') m = digits(s + 3, 2);
    else m = digits(s + 2, 2);
    return h >= 0 && h <= 24 && m >= 0 && m <= 59;
}

uint32_t dyad_parse_date(const char *s, size_t n) {
    if (!s) return 0;
    /* a C string shorter than n: stop at its NUL */
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\0') {
            n = i;
            break;
        }
    while (n && (*s == ' ' || *s == '\t')) s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
                 s[n - 1] == '\r'))
        n--;

    int y, m, d;
    size_t used;
    if (n >= 10 && s[4] == '-' && s[7] == '-') {
        y = digits(s, 4);
        m = digits(s + 5, 2);
        d = digits(s + 8, 2);
        used = 10;
    } else if (n >= 8) {
        y = digits(s, 4);
        m = digits(s + 4, 2);
        d = digits(s + 6, 2);
        used = 8;
    } else {
        return 0;
    }
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return 0;
    if (used < n) {
        if ((s[used] != 'T' && s[used] != ' ') || !time_ok(s + used + 1, n - used - 1))
            return 0;
    }
    return (uint32_t)(y * 10000 + m * 100 + d);
}
