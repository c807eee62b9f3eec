/* stats.c -- aggregation for dyad stats (store/stats.h).
 *
 * Periods live in an array found through a small open-addressing hash on
 * the period key; dyads ("SRC:TGT") and actors in strmaps whose values
 * index arrays of totals. Everything is sorted only when written: periods
 * by key, dyads and actors by events (most first), then by name.
 *
 * Goldstein sums are kept as integers in thousandths: a sum of doubles
 * depends on the order of the rows, and SQLite and PostgreSQL hand the
 * same events over in different orders, so "3.1875" printed as 3.188 from
 * one store and 3.187 from the other. Scores have at most one decimal.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/stats.h"
#include "util/strmap.h"

typedef struct period {
    uint32_t key;
    unsigned long long events, quad[5], root[21];
    long long gsum;            /* thousandths */
} period;

typedef struct tally {
    const char *name;          /* the strmap's copy */
    unsigned long long events;
    long long gsum;            /* thousandths */
} tally;

typedef struct tallies {
    strmap map;                /* name -> index + 1 */
    tally *v;
    size_t n, cap;
} tallies;

struct stats {
    store_period by;
    int dedup;
    period *p;
    size_t np, pcap;
    uint32_t *slots;           /* hash of period keys: index + 1, 0 empty */
    size_t nslots;
    tallies dyads, actors;
    unsigned long long events;
    long long gsum;            /* thousandths */
    int failed;
    /* dedup: the last row's key */
    uint32_t last_date;
    char last_src[64], last_tgt[64], last_code[8];
    int have_last;
};

static void tallies_init(tallies *t) {
    memset(t, 0, sizeof *t);
    strmap_init(&t->map, NULL);
}

static int tallies_add(tallies *t, const char *name, long long g) {
    int is_new = 0;
    uint32_t *v = strmap_put(&t->map, name, strlen(name), &is_new);
    if (!v) return -1;
    if (is_new) {
        if (t->n == t->cap) {
            size_t nc = t->cap ? t->cap * 2 : 64;
            tally *nv = realloc(t->v, nc * sizeof *nv);
            if (!nv) return -1;
            t->v = nv;
            t->cap = nc;
        }
        t->v[t->n].name = strmap_key(&t->map, name, strlen(name));
        t->v[t->n].events = 0;
        t->v[t->n].gsum = 0;
        *v = (uint32_t)++t->n;
    }
    tally *x = &t->v[*v - 1];
    x->events++;
    x->gsum += g;
    return 0;
}

stats *stats_new(store_period by, int dedup) {
    stats *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->by = by;
    s->dedup = dedup;
    s->nslots = 1024;
    s->slots = calloc(s->nslots, sizeof *s->slots);
    if (!s->slots) {
        free(s);
        return NULL;
    }
    tallies_init(&s->dyads);
    tallies_init(&s->actors);
    return s;
}

static size_t hash_key(uint32_t k, size_t n) {
    return (size_t)((k * 2654435761u) >> 7) & (n - 1);
}

static int grow_slots(stats *s) {
    size_t n = s->nslots * 2;
    uint32_t *ns = calloc(n, sizeof *ns);
    if (!ns) return -1;
    for (size_t i = 0; i < s->np; i++) {
        size_t h = hash_key(s->p[i].key, n);
        while (ns[h]) h = (h + 1) & (n - 1);
        ns[h] = (uint32_t)i + 1;
    }
    free(s->slots);
    s->slots = ns;
    s->nslots = n;
    return 0;
}

static period *find_period(stats *s, uint32_t key) {
    size_t h = hash_key(key, s->nslots);
    while (s->slots[h]) {
        period *p = &s->p[s->slots[h] - 1];
        if (p->key == key) return p;
        h = (h + 1) & (s->nslots - 1);
    }
    if (s->np == s->pcap) {
        size_t nc = s->pcap ? s->pcap * 2 : 64;
        period *np = realloc(s->p, nc * sizeof *np);
        if (!np) return NULL;
        s->p = np;
        s->pcap = nc;
    }
    period *p = &s->p[s->np];
    memset(p, 0, sizeof *p);
    p->key = key;
    s->slots[h] = (uint32_t)++s->np;
    if (s->np * 2 > s->nslots && grow_slots(s) < 0) return NULL;
    return &s->p[s->np - 1];
}

/* The dedup key of r equals the last row's (and becomes the last). */
static int repeated(stats *s, const store_row *r) {
    int same = s->have_last && r->date == s->last_date &&
               !strcmp(r->ev.source, s->last_src) &&
               !strcmp(r->ev.target, s->last_tgt) &&
               !strncmp(r->ev.code, s->last_code, sizeof s->last_code);
    if (same) return 1;
    s->have_last = 1;
    s->last_date = r->date;
    snprintf(s->last_src, sizeof s->last_src, "%s", r->ev.source);
    snprintf(s->last_tgt, sizeof s->last_tgt, "%s", r->ev.target);
    snprintf(s->last_code, sizeof s->last_code, "%s", r->ev.code);
    return 0;
}

int stats_row(void *ctx, const store_row *r) {
    stats *s = ctx;
    if (s->dedup && repeated(s, r)) return 0;
    period *p = find_period(s, store_period_key(s->by, r->date));
    if (!p) goto oom;
    long long g = llround(r->ev.goldstein * 1000.0);
    p->events++;
    p->gsum += g;
    if (r->ev.quad >= 1 && r->ev.quad <= 4) p->quad[r->ev.quad]++;
    int root = (r->ev.root[0] >= '0' && r->ev.root[0] <= '9' &&
                r->ev.root[1] >= '0' && r->ev.root[1] <= '9')
                   ? (r->ev.root[0] - '0') * 10 + (r->ev.root[1] - '0')
                   : 0;
    p->root[root <= 20 ? root : 0]++;
    s->events++;
    s->gsum += g;
    char dyad[160];
    snprintf(dyad, sizeof dyad, "%s:%s", r->ev.source, r->ev.target);
    if (tallies_add(&s->dyads, dyad, g) < 0 ||
        tallies_add(&s->actors, r->ev.source, g) < 0)
        goto oom;
    /* an actor counts the events it takes part in, as source or target */
    if (strcmp(r->ev.source, r->ev.target) && strcmp(r->ev.target, "---") &&
        tallies_add(&s->actors, r->ev.target, g) < 0)
        goto oom;
    return 0;
oom:
    s->failed = 1;
    return -1;
}

unsigned long long stats_events(const stats *s) { return s->events; }
static double units(long long thousandths) { return (double)thousandths / 1000.0; }

double stats_goldstein(const stats *s) { return units(s->gsum); }

/* ---- output --------------------------------------------------------------- */

static int by_key(const void *a, const void *b) {
    uint32_t x = ((const period *)a)->key, y = ((const period *)b)->key;
    return x < y ? -1 : x > y;
}

static int by_events(const void *a, const void *b) {
    const tally *x = a, *y = b;
    if (x->events != y->events) return x->events > y->events ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* Sorted copies (the stats stay const). */
static period *sorted_periods(const stats *s) {
    period *p = malloc((s->np ? s->np : 1) * sizeof *p);
    if (!p) return NULL;
    if (s->np) memcpy(p, s->p, s->np * sizeof *p);
    qsort(p, s->np, sizeof *p, by_key);
    return p;
}

static tally *sorted_tallies(const tallies *t) {
    tally *v = malloc((t->n ? t->n : 1) * sizeof *v);
    if (!v) return NULL;
    if (t->n) memcpy(v, t->v, t->n * sizeof *v);
    qsort(v, t->n, sizeof *v, by_events);
    return v;
}

stats_period_row *stats_periods(const stats *s, size_t *n) {
    *n = 0;
    period *p = sorted_periods(s);
    stats_period_row *out = malloc((s->np ? s->np : 1) * sizeof *out);
    if (!p || !out) {
        free(p);
        free(out);
        return NULL;
    }
    for (size_t i = 0; i < s->np; i++) {
        out[i].key = p[i].key;
        out[i].events = p[i].events;
        memcpy(out[i].quad, p[i].quad, sizeof out[i].quad);
        out[i].goldstein_sum = units(p[i].gsum);
    }
    *n = s->np;
    free(p);
    return out;
}

static double mean(long long sum, unsigned long long n) {
    return n ? units(sum) / (double)n : 0.0;
}

/* "%.3f" without "-0.000" */
static void put_num(writer_buf *b, double v, const char *fmt) {
    char tmp[64];
    snprintf(tmp, sizeof tmp, fmt, v);
    if (tmp[0] == '-' && strspn(tmp + 1, "0.") == strlen(tmp + 1))
        writer_buf_puts(b, tmp + 1);
    else
        writer_buf_puts(b, tmp);
}

static void tsv_line(writer_buf *b, const char *period_label, const char *kind,
                     const char *key, unsigned long long n, long long gsum) {
    writer_buf_printf(b, "%s\t%s\t", period_label, kind);
    writer_delim_value(b, key, strlen(key), '\t');
    writer_buf_printf(b, "\t%llu\t", n);
    put_num(b, units(gsum), "%.1f");
    writer_buf_putc(b, '\t');
    put_num(b, mean(gsum, n), "%.3f");
    writer_buf_putc(b, '\n');
}

static void write_tsv(const stats *s, const period *p, const tally *d,
                      const tally *a, size_t top, writer_buf *b) {
    writer_buf_puts(b, "period\tkind\tkey\tevents\tgoldstein_sum\tgoldstein_mean\n");
    char label[16];
    for (size_t i = 0; i < s->np; i++) {
        const char *l = p[i].key ? store_period_label(s->by, p[i].key, label)
                                 : "unknown";
        tsv_line(b, l, "all", "all", p[i].events, p[i].gsum);
        for (int q = 1; q <= 4; q++)
            if (p[i].quad[q]) {
                char k[4] = {(char)('0' + q), 0};
                writer_buf_printf(b, "%s\tquad\t%s\t%llu\t\t\n", l, k, p[i].quad[q]);
            }
        for (int r = 0; r <= 20; r++)
            if (p[i].root[r])
                writer_buf_printf(b, "%s\troot\t%02d\t%llu\t\t\n", l, r, p[i].root[r]);
    }
    tsv_line(b, "all", "all", "all", s->events, s->gsum);
    for (size_t i = 0; i < s->dyads.n && i < top; i++)
        tsv_line(b, "all", "dyad", d[i].name, d[i].events, d[i].gsum);
    for (size_t i = 0; i < s->actors.n && i < top; i++)
        tsv_line(b, "all", "actor", a[i].name, a[i].events, a[i].gsum);
}

static void json_totals(writer_buf *b, unsigned long long n, long long gsum) {
    writer_buf_printf(b, "\"events\":%llu,\"goldstein_sum\":", n);
    put_num(b, units(gsum), "%.1f");
    writer_buf_puts(b, ",\"goldstein_mean\":");
    put_num(b, mean(gsum, n), "%.3f");
}

static void json_tallies(writer_buf *b, const char *name, const tally *t,
                         size_t n, size_t top) {
    writer_buf_printf(b, ",\"%s\":[", name);
    for (size_t i = 0; i < n && i < top; i++) {
        writer_buf_puts(b, i ? ",{\"name\":" : "{\"name\":");
        writer_json_string(b, t[i].name, strlen(t[i].name));
        writer_buf_putc(b, ',');
        json_totals(b, t[i].events, t[i].gsum);
        writer_buf_putc(b, '}');
    }
    writer_buf_putc(b, ']');
}

static void write_json(const stats *s, const period *p, const tally *d,
                       const tally *a, size_t top, writer_buf *b) {
    static const char *const names[] = {"day", "week", "month", "year"};
    writer_buf_printf(b, "{\"by\":\"%s\",\"dedup\":%s,", names[s->by],
                      s->dedup ? "true" : "false");
    json_totals(b, s->events, s->gsum);
    writer_buf_puts(b, ",\"periods\":[");
    char label[16];
    for (size_t i = 0; i < s->np; i++) {
        const char *l = p[i].key ? store_period_label(s->by, p[i].key, label)
                                 : "unknown";
        writer_buf_printf(b, "%s{\"period\":\"%s\",", i ? "," : "", l);
        json_totals(b, p[i].events, p[i].gsum);
        writer_buf_puts(b, ",\"quad\":{");
        int first = 1;
        for (int q = 1; q <= 4; q++)
            if (p[i].quad[q]) {
                writer_buf_printf(b, "%s\"%d\":%llu", first ? "" : ",", q, p[i].quad[q]);
                first = 0;
            }
        writer_buf_puts(b, "},\"root\":{");
        first = 1;
        for (int r = 0; r <= 20; r++)
            if (p[i].root[r]) {
                writer_buf_printf(b, "%s\"%02d\":%llu", first ? "" : ",", r, p[i].root[r]);
                first = 0;
            }
        writer_buf_puts(b, "}}");
    }
    writer_buf_putc(b, ']');
    json_tallies(b, "top_dyads", d, s->dyads.n, top);
    json_tallies(b, "top_actors", a, s->actors.n, top);
    writer_buf_puts(b, "}\n");
}

int stats_write(const stats *s, const char *format, size_t top, writer_buf *b) {
    int json = !strcmp(format, "json");
    if (!json && strcmp(format, "tsv")) return -1;
    period *p = sorted_periods(s);
    tally *d = sorted_tallies(&s->dyads), *a = sorted_tallies(&s->actors);
    int rc = -1;
    if (p && d && a) {
        if (json) write_json(s, p, d, a, top, b);
        else write_tsv(s, p, d, a, top, b);
        rc = b->failed ? -1 : 0;
    }
    free(p);
    free(d);
    free(a);
    return rc;
}

void stats_free(stats *s) {
    if (!s) return;
    free(s->p);
    free(s->slots);
    strmap_free(&s->dyads.map);
    strmap_free(&s->actors.map);
    free(s->dyads.v);
    free(s->actors.v);
    free(s);
}
