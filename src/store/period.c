/* period.c -- calendar periods for dyad stats: a date's day, ISO 8601 week,
 * month or year as a sortable integer key and as a label. */
#include <stdio.h>
#include <string.h>

#include "store/store.h"

int store_period_parse(const char *name, store_period *p) {
    static const char *const names[] = {"day", "week", "month", "year"};
    for (int i = 0; i < 4; i++)
        if (name && !strcmp(name, names[i])) {
            *p = (store_period)i;
            return 0;
        }
    return -1;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; Howard Hinnant's
 * days_from_civil). */
static long days_from_civil(long y, unsigned m, unsigned d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, int *y, unsigned *m, unsigned *d) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yy + (*m <= 2));
}

/* 0 Monday .. 6 Sunday */
static int weekday(long days) { return (int)(((days % 7) + 7 + 3) % 7); }

/* ISO week-numbering year and week of a date. */
static void iso_week(long days, int *wy, int *wk) {
    int y;
    unsigned m, d;
    /* the Thursday of the date's week decides its year */
    long thu = days - weekday(days) + 3;
    civil_from_days(thu, &y, &m, &d);
    long jan1 = days_from_civil(y, 1, 1);
    *wy = y;
    *wk = (int)((thu - jan1) / 7) + 1;
}

uint32_t store_period_key(store_period p, uint32_t date) {
    if (!date) return 0;
    unsigned y = date / 10000, m = date / 100 % 100, d = date % 100;
    switch (p) {
    case STORE_BY_DAY: return date;
    case STORE_BY_WEEK: {
        int wy, wk;
        iso_week(days_from_civil(y, m, d), &wy, &wk);
        return (uint32_t)wy * 100 + (uint32_t)wk;
    }
    case STORE_BY_MONTH: return y * 100 + m;
    case STORE_BY_YEAR: return y;
    }
    return 0;
}

char *store_period_label(store_period p, uint32_t key, char out[16]) {
    out[0] = '\0';
    if (!key) return out;
    switch (p) {
    case STORE_BY_DAY:
        snprintf(out, 16, "%04u-%02u-%02u", key / 10000 % 10000,
                 key / 100 % 100, key % 100);
        break;
    case STORE_BY_WEEK:
        snprintf(out, 16, "%04u-W%02u", key / 100 % 10000, key % 100);
        break;
    case STORE_BY_MONTH:
        snprintf(out, 16, "%04u-%02u", key / 100 % 10000, key % 100);
        break;
    case STORE_BY_YEAR: snprintf(out, 16, "%04u", key % 10000); break;
    }
    return out;
}

uint32_t store_period_next(store_period p, uint32_t key) {
    if (!key) return 0;
    switch (p) {
    case STORE_BY_DAY: {
        int y;
        unsigned m, d;
        civil_from_days(days_from_civil(key / 10000, key / 100 % 100, key % 100) + 1,
                        &y, &m, &d);
        return (uint32_t)y * 10000 + m * 100 + d;
    }
    case STORE_BY_WEEK: {
        /* Monday of ISO week 1 is the Monday on or before January 4 */
        long jan4 = days_from_civil(key / 100, 1, 4);
        long monday = jan4 - weekday(jan4) + (long)(key % 100 - 1) * 7;
        int wy, wk;
        iso_week(monday + 7, &wy, &wk);
        return (uint32_t)wy * 100 + (uint32_t)wk;
    }
    case STORE_BY_MONTH:
        return key % 100 >= 12 ? (key / 100 + 1) * 100 + 1 : key + 1;
    case STORE_BY_YEAR: return key + 1;
    }
    return 0;
}
