/* export_gdelt.c -- the GDELT 2.0 event table (formats.md f.3): 61
 * tab-separated columns, no header. What dyad knows is filled:
 *
 *   1 GlobalEventID    the event id's low 53 bits in decimal (a double
 *                      holds it exactly, so R and JavaScript read it intact)
 *   2-5                Day, MonthYear, Year, FractionDate (year + the share
 *                      of the year before the day, 4 decimals)
 *   6-15, 16-25        the actor codes, names (the evidence text, upper
 *                      case) and their decomposition (store/actor.h);
 *                      Actor2 empty when there is no target
 *   26 IsRootEvent     1 for the title's or the text's first sentence
 *   27-31              event code, base (3 digits), root, quad, Goldstein
 *   32-34              NumMentions, NumSources, NumArticles: 1 each, or
 *                      what a deduplicated event stands for
 *   60 DATEADDED       when the event was stored (UTC, YYYYMMDDHHMMSS)
 *   61 SOURCEURL       the document's url, else its id
 *
 * The rest (ethnic codes, AvgTone, all geography) is left empty.
 */
#include <stdio.h>
#include <string.h>

#include "store/actor.h"
#include "store/export.h"

static void tab(writer_buf *b) { writer_buf_putc(b, '\t'); }

static void put(writer_buf *b, const char *s) {
    tab(b);
    export_plain(b, s);
}

static void upper(writer_buf *b, const char *s) {
    tab(b);
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        writer_buf_putc(b, c < 0x20 || c == 0x7F ? ' '
                           : (c >= 'a' && c <= 'z') ? (char)(c - 32)
                                                    : (char)c);
    }
}

static void actor(writer_buf *b, const char *code, const char *text) {
    int none = !code || !*code || !strcmp(code, "---");
    actor_parts p;
    actor_split(none ? NULL : code, &p);
    put(b, none ? "" : code);
    upper(b, none ? "" : text);
    put(b, p.country);
    put(b, p.group);
    put(b, "");              /* EthnicCode */
    put(b, p.religion1);
    put(b, p.religion2);
    put(b, p.type1);
    put(b, p.type2);
    put(b, p.type3);
}

static int leap(unsigned y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* year + (day of year - 1) / days in year */
static void fraction_date(writer_buf *b, uint32_t date) {
    static const unsigned cum[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243,
                                     273, 304, 334};
    unsigned y = date / 10000, m = date / 100 % 100, d = date % 100;
    if (m < 1 || m > 12) m = 1;
    unsigned doy = cum[m - 1] + d + (m > 2 && leap(y));
    double f = (double)y + (double)(doy - 1) / (leap(y) ? 366.0 : 365.0);
    writer_buf_printf(b, "\t%.4f", f);
}

/* "2026-02-17T10:00:00Z" -> "20260217100000" */
static void date_added(writer_buf *b, const char *iso) {
    tab(b);
    for (; iso && *iso; iso++)
        if (*iso >= '0' && *iso <= '9') writer_buf_putc(b, *iso);
}

static int gdelt_group(writer_buf *b, const dedup_group *g, int dedup_on) {
    (void)dedup_on;
    const store_row *r = g->rep;
    const dyad_event *ev = &r->ev;
    unsigned long long id = 0;
    sscanf(r->event_id, "%16llx", &id);
    writer_buf_uint(b, id & ((1ULL << 53) - 1), 0);
    if (r->date) {
        writer_buf_printf(b, "\t%08u\t%06u\t%04u", (unsigned)r->date,
                          (unsigned)(r->date / 100), (unsigned)(r->date / 10000));
        fraction_date(b, r->date);
    } else {
        writer_buf_puts(b, "\t\t\t\t");
    }
    actor(b, ev->source, ev->source_text);
    actor(b, ev->target, ev->target_text);
    int root_event = ev->in_title || ev->sentence == r->lead_sentence;
    writer_buf_puts(b, root_event ? "\t1" : "\t0");
    size_t clen = strnlen(ev->code, sizeof ev->code);
    tab(b);
    writer_buf_put(b, ev->code, clen);
    tab(b);
    writer_buf_put(b, ev->code, clen < 3 ? clen : 3);
    put(b, ev->root);
    writer_buf_printf(b, "\t%d\t", ev->quad);
    writer_buf_fixed1(b, ev->goldstein == 0 ? 0 : ev->goldstein);
    writer_buf_printf(b, "\t%llu\t%llu\t%llu", g->counts.mentions,
                      g->counts.sources, g->counts.documents);
    tab(b);                               /* 35 AvgTone */
    for (int i = 36; i <= 59; i++) tab(b); /* geography */
    date_added(b, r->coded_at);
    put(b, r->url && *r->url ? r->url : r->doc_id);
    writer_buf_putc(b, '\n');
    return 0;
}

const export_format export_format_gdelt = {
    "gdelt", "GDELT 2.0 event table: 61 tab-separated columns, no header",
    gdelt_group,
};
