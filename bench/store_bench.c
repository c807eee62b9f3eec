/* store_bench.c -- make bench's event store section: inserts 1,000,000
 * synthetic events into a new SQLite store through store/store.h (batches
 * of 10,000 documents, as `dyad code --db` writes them by default) and
 * times a dyad's monthly series over them (the scan and aggregation of
 * `dyad stats --dyad USA:CHN --by month`, median of 5 runs). Documents are
 * shaped like those of make bench's wire-style corpus, which `dyad code`
 * codes into about 15 events per document: here 12 events from 8
 * sentences per document, with texts of the same lengths.
 *
 *     store_bench DIR [EVENTS [TARGET]]   (the database is DIR/bench.sqlite,
 *                                          or TARGET: postgresql://...)
 *
 * The events are deterministic: 40 countries with a few agents each, 60
 * CAMEO codes, dates over ten years; the dyad USA:CHN has about 1 in 200
 * of them. Prints one line per measure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/stats.h"
#include "store/store.h"

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint64_t rng = 88172645463325252ULL;
static uint32_t next(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 11);
}

static const char *const countries[] = {
    "USA", "CHN", "RUS", "UKR", "FRA", "DEU", "GBR", "IRN", "ISR", "PSE",
    "TUR", "SYR", "IRQ", "SAU", "EGY", "IND", "PAK", "AFG", "JPN", "KOR",
    "PRK", "BRA", "VEN", "COL", "MEX", "NGA", "ETH", "SDN", "KEN", "ZAF",
    "POL", "ITA", "ESP", "CAN", "AUS", "IDN", "PHL", "VNM", "MMR", "LBN"};
static const char *const agents[] = {"", "GOV", "MIL", "OPP", "REB", "CVL"};
static const struct { const char *code; int quad; double g; } codes[] = {
    {"010", 1, 0.0}, {"012", 1, -0.4}, {"013", 1, 0.4}, {"020", 1, 3.0},
    {"0231", 1, 3.4}, {"030", 1, 4.0}, {"036", 1, 4.0}, {"040", 1, 1.0},
    {"042", 1, 1.9}, {"043", 1, 2.8}, {"046", 1, 7.0}, {"051", 1, 3.4},
    {"057", 1, 8.0}, {"061", 2, 6.4}, {"071", 2, 7.4}, {"073", 2, 7.4},
    {"081", 2, 5.0}, {"0874", 2, 5.0}, {"090", 3, -2.0}, {"100", 3, -5.0},
    {"111", 3, -2.0}, {"112", 3, -2.0}, {"120", 3, -4.0}, {"128", 3, -4.0},
    {"130", 3, -4.4}, {"138", 3, -7.0}, {"141", 3, -6.5}, {"160", 4, -4.0},
    {"163", 4, -8.0}, {"173", 4, -5.0}, {"180", 4, -9.0}, {"190", 4, -10.0},
    {"193", 4, -10.0}, {"195", 4, -10.0}, {"200", 4, -10.0}};
#define N(a) (sizeof a / sizeof a[0])

static void actor(char *out, size_t size) {
    /* USA and CHN ten times as often as the others */
    size_t c = next() % 10 < 2 ? next() % 2 : next() % N(countries);
    snprintf(out, size, "%s%s", countries[c], agents[next() % N(agents)]);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: store_bench DIR [EVENTS]\n");
        return 2;
    }
    long total = argc > 2 ? atol(argv[2]) : 1000000;
    char path[4096];
    snprintf(path, sizeof path, "%s/bench.sqlite", argv[1]);
    unlink(path);
    char wal[4200];
    snprintf(wal, sizeof wal, "%s-wal", path);
    unlink(wal);
    /* another back end (an empty PostgreSQL database): no target to meet,
     * its rate is reported */
    const char *target = argc > 3 ? argv[3] : path;
    const char *goal = argc > 3 ? "" : " (target >= 200000)";
    store_error err;
    store *st = store_open(target, STORE_WRITE, &err);
    if (!st) {
        fprintf(stderr, "store_bench: %s\n", err.msg);
        return 1;
    }
    enum { PER_DOC = 12, BATCH = 10000 };
    char src[PER_DOC][16], tgt[PER_DOC][16], id[32], srct[PER_DOC][64],
        tgtt[PER_DOC][64];
    static const char text[] =
        "The foreign minister met his counterpart in the capital on Monday "
        "and both governments promised further talks on the border dispute.";
    dyad_event ev[PER_DOC];
    const dyad_event *evp[PER_DOC];
    long ndocs = (total + PER_DOC - 1) / PER_DOC, nev = 0;
    double t0 = now();
    for (long d = 0; d < ndocs; d++) {
        snprintf(id, sizeof id, "bench-%07ld", d);
        doc_record rec;
        memset(&rec, 0, sizeof rec);
        rec.id = id;
        rec.date = (uint32_t)((2015 + next() % 10) * 10000 +
                              (1 + next() % 12) * 100 + 1 + next() % 28);
        rec.source = d % 3 ? "wire" : "paper";
        rec.text = text;
        rec.text_len = sizeof text - 1;
        rec.file = "bench";
        rec.line = (uint64_t)d + 1;
        size_t k = 0;
        for (; k < PER_DOC && nev < total; k++, nev++) {
            memset(&ev[k], 0, sizeof ev[k]);
            actor(src[k], sizeof src[k]);
            do actor(tgt[k], sizeof tgt[k]);
            while (!strcmp(src[k], tgt[k]));
            size_t c = next() % N(codes);
            ev[k].sentence = (uint32_t)(k * 2 / 3);
            ev[k].source = src[k];
            ev[k].target = tgt[k];
            snprintf(ev[k].code, sizeof ev[k].code, "%s", codes[c].code);
            memcpy(ev[k].root, codes[c].code, 2);
            ev[k].quad = codes[c].quad;
            ev[k].goldstein = codes[c].g;
            snprintf(srct[k], sizeof srct[k], "the %s delegation", src[k]);
            snprintf(tgtt[k], sizeof tgtt[k], "officials of %s", tgt[k]);
            ev[k].source_text = srct[k];
            ev[k].verb_text = "met";
            ev[k].target_text = tgtt[k];
            ev[k].sentence_text = text;
            ev[k].sentence_span.len = sizeof text - 1;
            ev[k].source_span.off = 4;
            ev[k].source_span.len = 16;
            ev[k].verb_span.off = 21;
            ev[k].verb_span.len = 3;
            ev[k].target_span.off = 25;
            ev[k].target_span.len = 17;
            ev[k].issues = "";
            ev[k].rule = "bench:1";
            evp[k] = &ev[k];
        }
        dyad_result res;
        memset(&res, 0, sizeof res);
        res.nevents = k;
        res.nsentences = 26;
        store_doc doc = {&rec, &res, evp, k, 0, NULL};
        if (store_put(st, &doc, &err) < 0 ||
            ((d + 1) % BATCH == 0 && store_commit(st, NULL, &err) < 0)) {
            fprintf(stderr, "store_bench: %s\n", err.msg);
            return 1;
        }
    }
    if (store_commit(st, NULL, &err) < 0) {
        fprintf(stderr, "store_bench: %s\n", err.msg);
        return 1;
    }
    /* closed within the time: the last checkpoint of the WAL into the
     * database file is part of the load, not left for later */
    store_close(st);
    double t_ins = now() - t0;
    st = store_open(target, STORE_READ, &err);
    if (!st) {
        fprintf(stderr, "store_bench: %s\n", err.msg);
        return 1;
    }
    printf("store: inserted %ld events (%ld documents, batches of %d) in %.2f s: "
           "%.0f events/s%s\n",
           nev, ndocs, BATCH, t_ins, (double)nev / t_ins, goal);

    double best[5];
    unsigned long long rows = 0;
    for (int r = 0; r < 5; r++) {
        store_query q;
        store_query_init(&q);
        q.source = "USA";
        q.target = "CHN";
        q.light = 1;
        double t1 = now();
        stats *s = stats_new(STORE_BY_MONTH, 0);
        if (!s || store_scan(st, &q, stats_row, s, &err) != 0) {
            fprintf(stderr, "store_bench: %s\n", err.msg);
            return 1;
        }
        writer_buf b = {0};
        stats_write(s, "tsv", 10, &b);
        best[r] = now() - t1;
        rows = stats_events(s);
        free(b.p);
        stats_free(s);
    }
    for (int i = 1; i < 5; i++)
        for (int j = i; j > 0 && best[j] < best[j - 1]; j--) {
            double t = best[j];
            best[j] = best[j - 1];
            best[j - 1] = t;
        }
    printf("store: monthly series of the dyad USA:CHN (%llu of %ld events): "
           "%.1f ms, median of 5 (target < 100 ms)\n",
           rows, nev, best[2] * 1e3);
    store_close(st);
    return 0;
}
