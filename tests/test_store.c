/* test_store.c -- unit tests of the event store and what it writes: stable
 * event ids, the PLOVER mapping, TSV/CSV quoting, actor code parts,
 * periods, storing and replacing documents, rollback, migration from
 * schema versions 1 and 2, places and quotations stored and exported as
 * dyad code writes them, the one-a-day filter's counts and the
 * statistics, long documents and many actors written field for field,
 * the WAL kept bounded by the background checkpointer. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "io/event_id.h"
#include "io/plover.h"
#include "io/writer.h"
#include "store/actor.h"
#include "store/dedup.h"
#include "store/export.h"
#include "store/schema.h"
#include "store/stats.h"
#include "store/store.h"

/* ---- ids, PLOVER, quoting, actors, periods -------------------------------- */

static void test_event_id(void **state) {
    (void)state;
    dyad_event ev;
    memset(&ev, 0, sizeof ev);
    ev.sentence = 1;
    ev.source = "VAL";
    ev.target = "KES";
    strcpy(ev.code, "111");
    ev.source_span = (dyad_span){11, 8};
    ev.verb_span = (dyad_span){21, 18};
    ev.target_span = (dyad_span){40, 8};
    char hex[17];
    /* computed independently from the definition in io/event_id.h (a
     * Python transcription, docs/output.md) */
    assert_string_equal(event_id_hex(event_id("doc-1", &ev), hex), "f49952433f8417dd");
    /* every part of the key changes the id */
    uint64_t base = event_id("doc-1", &ev);
    assert_true(event_id("doc-2", &ev) != base);
    ev.sentence = 2;
    assert_true(event_id("doc-1", &ev) != base);
    ev.sentence = 1;
    ev.verb_span.len = 17;
    assert_true(event_id("doc-1", &ev) != base);
    ev.verb_span.len = 18;
    strcpy(ev.code, "112");
    assert_true(event_id("doc-1", &ev) != base);
    strcpy(ev.code, "111");
    assert_true(event_id("doc-1", &ev) == base);
}

static void test_plover(void **state) {
    (void)state;
    const plover_entry *p = plover_lookup("042", 8);
    assert_non_null(p);
    assert_string_equal(p->type, "CONSULT");
    assert_string_equal(p->mode, "visit");
    p = plover_lookup("173", 8);
    assert_string_equal(p->type, "COERCE");
    assert_string_equal(p->mode, "arrest");
    assert_string_equal(p->context, "legal");
    p = plover_lookup("1124", 8); /* two contexts */
    assert_string_equal(p->context, "military;legal");
    p = plover_lookup("011", 8);  /* PLOVER dropped root 01 */
    assert_string_equal(p->type, "");
    assert_string_equal(p->basis, "dropped");
    p = plover_lookup("1834", 8); /* not in the table: its parent's type */
    assert_string_equal(p->type, "ASSAULT");
    assert_string_equal(p->basis, "parent");
    p = plover_lookup("1959", 8); /* not even in dyad's table: 195 */
    assert_string_equal(p->cameo, "195");
    assert_null(plover_lookup("99", 8));
    assert_null(plover_lookup("", 8));
    /* the table is sorted (binary search depends on it) */
    for (size_t i = 1; i < plover_table_len; i++)
        assert_true(strcmp(plover_table[i - 1].cameo, plover_table[i].cameo) < 0);
}

static void test_delim_quoting(void **state) {
    (void)state;
    static const struct {
        const char *in;
        char sep;
        const char *want;
    } cases[] = {
        {"plain text", '\t', "plain text"},
        {"a,b", '\t', "a,b"},
        {"a,b", ',', "\"a,b\""},
        {"a\tb", '\t', "\"a\tb\""},
        {"\"We will respond,\" he said.", '\t', "\"\"\"We will respond,\"\" he said.\""},
        {"two\nlines", ',', "\"two\nlines\""},
        {"cr\rhere", '\t', "\"cr\rhere\""},
        {"", ',', ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        writer_buf b = {0};
        writer_delim_value(&b, cases[i].in, strlen(cases[i].in), cases[i].sep);
        writer_buf_putc(&b, '\0');
        if (strcmp(b.p, cases[i].want)) fail_msg("case %zu: got [%s]", i, b.p);
        free(b.p);
    }
}

static void test_actor_split(void **state) {
    (void)state;
    actor_parts p;
    actor_split("USAGOVMIL", &p);
    assert_string_equal(p.country, "USA");
    assert_string_equal(p.type1, "GOV");
    assert_string_equal(p.type2, "MIL");
    assert_string_equal(p.type3, "");
    actor_split("IGOUNO", &p);
    assert_string_equal(p.country, "");
    assert_string_equal(p.type1, "IGO");
    assert_string_equal(p.group, "UNO");
    actor_split("---GOV", &p);
    assert_string_equal(p.country, "");
    assert_string_equal(p.type1, "GOV");
    actor_split("MNCUSA", &p);
    assert_string_equal(p.type1, "MNC");
    assert_string_equal(p.country, "USA");
    actor_split("IRQSHIREB", &p);
    assert_string_equal(p.country, "IRQ");
    assert_string_equal(p.religion1, "SHI");
    assert_string_equal(p.type1, "REB");
    actor_split("SUN", &p); /* the Soviet Union, not Sunni */
    assert_string_equal(p.country, "SUN");
    assert_string_equal(p.religion1, "");
    actor_split("---", &p);
    assert_string_equal(p.country, "");
    actor_split(NULL, &p);
    assert_string_equal(p.type1, "");
}

static void test_periods(void **state) {
    (void)state;
    char l[16];
    assert_string_equal(store_period_label(STORE_BY_DAY, store_period_key(STORE_BY_DAY, 20240115), l), "2024-01-15");
    assert_string_equal(store_period_label(STORE_BY_MONTH, store_period_key(STORE_BY_MONTH, 20240115), l), "2024-01");
    assert_string_equal(store_period_label(STORE_BY_YEAR, store_period_key(STORE_BY_YEAR, 20240115), l), "2024");
    /* ISO weeks at year ends */
    assert_string_equal(store_period_label(STORE_BY_WEEK, store_period_key(STORE_BY_WEEK, 20210103), l), "2020-W53");
    assert_string_equal(store_period_label(STORE_BY_WEEK, store_period_key(STORE_BY_WEEK, 20210104), l), "2021-W01");
    assert_string_equal(store_period_label(STORE_BY_WEEK, store_period_key(STORE_BY_WEEK, 20241230), l), "2025-W01");
    assert_string_equal(store_period_label(STORE_BY_WEEK, store_period_key(STORE_BY_WEEK, 20240115), l), "2024-W03");
    assert_int_equal(store_period_key(STORE_BY_MONTH, 0), 0);
    store_period p;
    assert_int_equal(store_period_parse("week", &p), 0);
    assert_int_equal(p, STORE_BY_WEEK);
    assert_int_equal(store_period_parse("decade", &p), -1);
    char next[8];
    assert_int_equal(store_prefix_next("USA", next, sizeof next), 0);
    assert_string_equal(next, "USB");
    assert_int_equal(store_prefix_next("\xff\xff", next, sizeof next), -1);
}

/* ---- a store in a temporary file ------------------------------------------ */

typedef struct fix {
    char dir[64];
    char path[128];
} fix;

static int setup(void **state) {
    fix *f = calloc(1, sizeof *f);
    if (!f) return -1;
    strcpy(f->dir, "/tmp/dyad-store-test.XXXXXX");
    if (!mkdtemp(f->dir)) {
        free(f);
        return -1;
    }
    snprintf(f->path, sizeof f->path, "%s/t.sqlite", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state) {
    fix *f = *state;
    char p[160];
    const char *sfx[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s%s", f->path, sfx[i]);
        unlink(p);
    }
    rmdir(f->dir);
    free(f);
    return 0;
}

/* One event of a test document. */
static dyad_event mkev(uint32_t sentence, const char *src, const char *tgt,
                       const char *code, int quad, double g) {
    dyad_event ev;
    memset(&ev, 0, sizeof ev);
    ev.sentence = sentence;
    ev.source = src;
    ev.target = tgt;
    snprintf(ev.code, sizeof ev.code, "%s", code);
    memcpy(ev.root, code, 2);
    ev.quad = quad;
    ev.goldstein = g;
    ev.source_text = "the source";
    ev.verb_text = "acted";
    ev.target_text = "the target";
    ev.sentence_text = "The source acted on the target.";
    ev.sentence_span = (dyad_span){0, 31};
    ev.source_span = (dyad_span){0, 10};
    ev.verb_span = (dyad_span){11, 5};
    ev.target_span = (dyad_span){20, 10};
    ev.issues = "";
    ev.rule = "test:1";
    ev.quote = -1;
    return ev;
}

static void put_doc(store *st, const char *id, uint32_t date, const char *pub,
                    dyad_event *evs, size_t n) {
    doc_record rec;
    memset(&rec, 0, sizeof rec);
    rec.id = id;
    rec.date = date;
    rec.source = pub;
    rec.text = "The source acted on the target.";
    rec.text_len = strlen(rec.text);
    rec.file = "test";
    const dyad_event *p[16];
    for (size_t i = 0; i < n; i++) p[i] = &evs[i];
    dyad_result res;
    memset(&res, 0, sizeof res);
    res.nevents = n;
    res.nsentences = 3;
    store_doc d = {&rec, &res, p, n, 0, NULL};
    store_error err;
    if (store_put(st, &d, &err) < 0) fail_msg("%s", err.msg);
}

static int count_row(void *ctx, const store_row *r) {
    (void)r;
    (*(int *)ctx)++;
    return 0;
}

static int count(store *st, const store_query *q) {
    int n = 0;
    store_error err;
    assert_int_equal(store_scan(st, q, count_row, &n, &err), 0);
    return n;
}

typedef struct seen {
    char ids[16][32];
    uint32_t ord[16];
    int n;
} seen;

static int seen_row(void *ctx, const store_row *r) {
    seen *s = ctx;
    if (s->n < 16) {
        snprintf(s->ids[s->n], sizeof s->ids[0], "%s/%s", r->doc_id, r->ev.code);
        s->ord[s->n] = r->ord;
        s->n++;
    }
    return 0;
}

static void test_put_replace_rollback(void **state) {
    fix *f = *state;
    store_error err;
    store *st = store_open(f->path, STORE_WRITE, &err);
    assert_non_null(st);
    dyad_event a[3] = {mkev(0, "USAGOV", "CHNGOV", "042", 1, 1.9),
                       mkev(0, "CHNGOV", "USAGOV", "043", 1, 2.8),
                       mkev(2, "USA", "IRN", "163", 4, -8.0)};
    dyad_event b[1] = {mkev(1, "RUSMIL", "UKR", "190", 4, -10.0)};
    assert_int_equal(store_begin(st, &err), 0);
    put_doc(st, "d1", 20240110, "wire", a, 3);
    put_doc(st, "d2", 20240211, "paper", b, 1);
    store_batch bt;
    assert_int_equal(store_commit(st, &bt, &err), 0);
    assert_int_equal(bt.documents, 2);
    assert_int_equal(bt.events, 4);
    store_query q;
    store_query_init(&q);
    assert_int_equal(count(st, &q), 4);

    /* d1 again, now one event: replaces, keeps its place before d2 */
    dyad_event a2[1] = {mkev(1, "USA", "CHN", "036", 1, 4.0)};
    put_doc(st, "d1", 20240110, "wire", a2, 1);
    assert_int_equal(store_commit(st, NULL, &err), 0);
    seen s = {0};
    assert_int_equal(store_scan(st, &q, seen_row, &s, &err), 0);
    assert_int_equal(s.n, 2);
    assert_string_equal(s.ids[0], "d1/036");
    assert_string_equal(s.ids[1], "d2/190");

    /* a rolled-back batch leaves nothing */
    put_doc(st, "d3", 20240301, "wire", b, 1);
    store_rollback(st);
    assert_int_equal(count(st, &q), 2);

    /* filters: dates, actor prefix, dyad, code prefix */
    q.from = 20240201;
    assert_int_equal(count(st, &q), 1);
    store_query_init(&q);
    q.actor = "UKR";
    assert_int_equal(count(st, &q), 1);
    store_query_init(&q);
    q.source = "USA";
    q.target = "CH";
    assert_int_equal(count(st, &q), 1);
    store_query_init(&q);
    q.code = "19";
    assert_int_equal(count(st, &q), 1);
    q.code = "1";
    assert_int_equal(count(st, &q), 1);
    q.code = "0";
    assert_int_equal(count(st, &q), 1);
    store_close(st);

    /* the database is valid and versioned */
    sqlite3 *db;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    assert_int_equal(schema_version(db), SCHEMA_VERSION);
    sqlite3_close(db);
}

/* Version 1 had no event ids, actor parts or PLOVER columns: a database
 * made then is migrated when opened, its new columns computed. */
static void test_migration_from_v1(void **state) {
    fix *f = *state;
    sqlite3 *db;
    store_error err;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    assert_int_equal(schema_functions(db), 0);
    assert_int_equal(schema_upgrade(db, f->path, 1, &err), 0);
    assert_int_equal(schema_version(db), 1);
    const char *v1 =
        "INSERT INTO batches VALUES (1, 1, 1, '2023-05-01T00:00:00Z');"
        "INSERT INTO documents (doc_key, doc_id, date, nsentences, nevents,"
        " lead_sentence, discarded, invalid_bytes, batch, coded_at) VALUES"
        " (1, 'old-1', 20230501, 1, 1, 0, 0, 0, 1, '2023-05-01T00:00:00Z');"
        "INSERT INTO sentences VALUES (1, 0, 0, 0, 31,"
        " 'The source acted on the target.');"
        "INSERT INTO codes VALUES ('042', '04', 'Make a visit', 1, 1.9);"
        "INSERT INTO events (doc_key, ord, date, sentence, source, target,"
        " code, root, quad, goldstein, source_text, verb_text, target_text,"
        " issues, rule, source_off, source_len, verb_off, verb_len,"
        " target_off, target_len, in_title) VALUES (1, 0, 20230501, 0,"
        " 'USAGOV', 'CHNGOV', '042', '04', 1, 1.9, 'the source', 'acted',"
        " 'the target', '', 'test:1', 0, 10, 11, 5, 20, 10, 0);";
    assert_int_equal(sqlite3_exec(db, v1, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);

    store *st = store_open(f->path, STORE_READ, &err);
    if (!st) fail_msg("%s", err.msg);
    store_close(st);
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    assert_int_equal(schema_version(db), SCHEMA_VERSION);
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(db,
        "SELECT e.event_id, e.source_country, e.source_agent, c.plover_type,"
        " c.plover_mode FROM events e JOIN codes c USING (code)", -1, &q, NULL),
        SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    dyad_event ev = mkev(0, "USAGOV", "CHNGOV", "042", 1, 1.9);
    char hex[17];
    event_id_hex(event_id("old-1", &ev), hex);
    assert_string_equal((const char *)sqlite3_column_text(q, 0), hex);
    assert_string_equal((const char *)sqlite3_column_text(q, 1), "USA");
    assert_string_equal((const char *)sqlite3_column_text(q, 2), "GOV");
    assert_string_equal((const char *)sqlite3_column_text(q, 3), "CONSULT");
    assert_string_equal((const char *)sqlite3_column_text(q, 4), "visit");
    sqlite3_finalize(q);
    /* a newer schema than this dyad's is refused, and left alone */
    assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_null(store_open(f->path, STORE_WRITE, &err));
    assert_non_null(strstr(err.msg, "newer"));
}

/* ---- places and quotations ------------------------------------------------ */

/* A document with places and quotations as dyad_code gives them: rec,
 * res (its quotations) and evs. */
typedef struct qp_doc {
    doc_record rec;
    dyad_result res;
    dyad_event ev[3];
    const dyad_event *evp[3];
    dyad_place pl[2];
    dyad_quote q[3];
    uint32_t qev[2];
    size_t nev;
} qp_doc;

static void qp_fill(qp_doc *d, const char *id, uint32_t date) {
    memset(d, 0, sizeof *d);
    d->rec.id = id;
    d->rec.date = date;
    d->rec.source = "wire";
    d->rec.file = "test";
    d->pl[0] = (dyad_place){"Kandahar province", 1138335, "Kandah\xc4\x81r",
                            "Kandahar", "23", "AFG", 31.0, 65.75, "admin1",
                            "clause", {40, 17}, 0};
    /* admin1 "": JSON null; a NaN position: null, empty columns */
    d->pl[1] = (dyad_place){"KABUL", 1138958, "Kabul", "", "", "AFG", NAN,
                            NAN, "city", "dateline", {0, 5}, 1};
    d->ev[0] = mkev(1, "AFGGOV", "TAL", "190", 4, -10.0);
    d->ev[0].place = &d->pl[0];
    d->ev[0].quote = 1;
    d->ev[1] = mkev(2, "USA", "AFG", "042", 1, 1.9);
    d->ev[1].place = &d->pl[1];
    d->ev[1].quote = 1;
    d->ev[2] = mkev(2, "USA", "TAL", "111", 3, -2.0);
    d->nev = 3;
    for (size_t i = 0; i < 3; i++) d->evp[i] = &d->ev[i];
    d->qev[0] = 0;
    d->qev[1] = 1;
    d->q[0] = (dyad_quote){0, 0, "Peace \"now\",\ttoday", {1, 18}, "", "",
                           NULL, {0, 0}, "", "none", NULL, 0, 1};
    d->q[1] = (dyad_quote){1, 2, "We struck them.", {60, 15}, "he",
                           "Zabihullah Mujahid", "AFGINS", {80, 2},
                           "told reporters", "pronoun", d->qev, 2, 0};
    /* a speaker coded as "" (not NULL): written as "" */
    d->q[2] = (dyad_quote){3, 3, "x", {90, 1}, "someone", "someone", "",
                           {92, 7}, "said", "same", NULL, 0, 0};
    d->res.size = sizeof d->res;
    d->res.nevents = d->nev;
    d->res.nsentences = 4;
    d->res.nquotes = 3;
    d->res.quotes_ = d->q;
}

static void qp_put(store *st, qp_doc *d) {
    store_doc sd = {&d->rec, &d->res, d->evp, d->nev, 0, NULL};
    store_error err;
    if (store_put(st, &sd, &err) < 0) fail_msg("%s", err.msg);
}

/* What dyad code writes for the documents, in format fmt. */
static char *qp_direct(qp_doc *const *docs, size_t n, const char *fmt) {
    writer_mem m = {0};
    writer_sink sink = writer_sink_mem(&m);
    writer *w = writer_open(&sink, writer_format_find(fmt));
    assert_non_null(w);
    for (size_t k = 0; k < n; k++) {
        writer_document(w, &docs[k]->rec, &docs[k]->res);
        for (size_t i = 0; i < docs[k]->nev; i++)
            assert_int_equal(writer_event(w, &docs[k]->rec, &docs[k]->res,
                                          docs[k]->evp[i]), 0);
        assert_int_equal(writer_quotes(w, &docs[k]->rec, &docs[k]->res), 0);
    }
    assert_int_equal(writer_close(w), 0);
    return m.data;
}

static char *qp_export(store *st, const store_query *q, const char *fmt) {
    writer_mem m = {0};
    writer_sink sink = writer_sink_mem(&m);
    store_error err;
    if (store_export(st, q, fmt, 0, &sink, NULL, &err) < 0) fail_msg("%s", err.msg);
    if (m.data) return m.data;
    char *none = calloc(1, 1);
    if (!none) abort(); /* out of memory */
    return none;
}

typedef struct kinds {
    char seq[64];
    int n;
} kinds;

static int kind_row(void *ctx, const store_row *r) {
    kinds *k = ctx;
    if (k->n < 62) {
        k->seq[k->n++] = r->kind == STORE_ROW_QUOTE ? 'q' : 'e';
        k->seq[k->n] = '\0';
    }
    return 0;
}

static void test_places_quotes(void **state) {
    fix *f = *state;
    store_error err;
    store *st = store_open(f->path, STORE_WRITE, &err);
    assert_non_null(st);
    static qp_doc a, b, c;
    qp_fill(&a, "a", 20240110);
    qp_fill(&b, "b", 20240111);
    b.nev = b.res.nevents = 0; /* quotations, no events */
    qp_fill(&c, "c", 20240112);
    c.res.nquotes = 0;          /* events, no quotations */
    c.ev[0].quote = c.ev[1].quote = -1;
    qp_put(st, &a);
    qp_put(st, &b);
    qp_put(st, &c);
    assert_int_equal(store_commit(st, NULL, &err), 0);

    qp_doc *all[3] = {&a, &b, &c};
    store_query q;
    store_query_init(&q);
    const char *fmts[] = {"jsonl", "tsv", "csv"};
    for (int i = 0; i < 3; i++) {
        char *want = qp_direct(all, 3, fmts[i]);
        char *got = qp_export(st, &q, fmts[i]);
        if (strcmp(want, got))
            fail_msg("%s differs:\n%s\n--- export:\n%s", fmts[i], want, got);
        free(want);
        free(got);
    }
    /* the scan: each document's quotations after its events */
    kinds k = {{0}, 0};
    q.quotes = 1;
    assert_int_equal(store_scan(st, &q, kind_row, &k, &err), 0);
    assert_string_equal(k.seq, "eeeqqqqqqeee");
    /* whole documents by date: the range's, quotations included */
    q.from = 20240111;
    q.to = 20240111;
    k.n = 0;
    k.seq[0] = '\0';
    assert_int_equal(store_scan(st, &q, kind_row, &k, &err), 0);
    assert_string_equal(k.seq, "qqq");
    q.quotes = 0;
    char *want = qp_direct(&all[1], 1, "jsonl");
    char *got = qp_export(st, &q, "jsonl");
    assert_string_equal(got, want);
    free(want);
    free(got);
    /* a filter on events: no quotation rows, and no records */
    store_query_init(&q);
    q.quotes = 1;
    q.actor = "USA";
    k.n = 0;
    k.seq[0] = '\0';
    assert_int_equal(store_scan(st, &q, kind_row, &k, &err), 0);
    assert_string_equal(k.seq, "eeee");
    got = qp_export(st, &q, "jsonl");
    assert_null(strstr(got, "\"type\":\"quote\""));
    assert_non_null(strstr(got, "\"quote\":1"));
    free(got);

    /* re-coding a with one quotation and no places replaces both */
    qp_fill(&a, "a", 20240110);
    a.ev[0].place = a.ev[1].place = NULL;
    a.ev[0].quote = a.ev[1].quote = 0;
    a.res.nquotes = 1;
    a.q[0].events = a.qev;
    a.q[0].nevents = 2;
    qp_put(st, &a);
    assert_int_equal(store_commit(st, NULL, &err), 0);
    store_query_init(&q);
    want = qp_direct(all, 3, "jsonl");
    got = qp_export(st, &q, "jsonl");
    assert_string_equal(got, want);
    free(want);
    free(got);
    store_close(st);

    /* in SQL: the quotes table, nquotes, events_full */
    sqlite3 *db;
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db,
        "SELECT (SELECT count(*) FROM quotes), (SELECT group_concat(nquotes)"
        " FROM documents), (SELECT events FROM quotes WHERE doc_key = 1),"
        " (SELECT count(*) FROM events_full WHERE place_name IS NOT NULL),"
        " (SELECT quote_speaker FROM events_full WHERE doc_id = 'a' LIMIT 1),"
        " (SELECT count(*) FROM quotes WHERE speaker_code IS NULL)", -1, &s,
        NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(s, 0), 4);
    assert_string_equal((const char *)sqlite3_column_text(s, 1), "1,3,0");
    assert_string_equal((const char *)sqlite3_column_text(s, 2), "[0,1]");
    assert_int_equal(sqlite3_column_int(s, 3), 2); /* c's */
    assert_null(sqlite3_column_text(s, 4));         /* q[0]: no speaker */
    assert_int_equal(sqlite3_column_int(s, 5), 2);
    sqlite3_finalize(s);
    sqlite3_close(db);
}

/* Version 2 had no places or quotations: a database made then is migrated
 * when opened; its events have no place and no quotation (NULL), its
 * documents nquotes NULL, and it exports as before with null places. */
static void test_migration_from_v2(void **state) {
    fix *f = *state;
    sqlite3 *db;
    store_error err;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    assert_int_equal(schema_functions(db), 0);
    assert_int_equal(schema_upgrade(db, f->path, 2, &err), 0);
    assert_int_equal(schema_version(db), 2);
    const char *v2 =
        "INSERT INTO batches VALUES (1, 1, 1, '2024-05-01T00:00:00Z');"
        "INSERT INTO documents (doc_key, doc_id, date, publisher, nsentences,"
        " nevents, lead_sentence, discarded, invalid_bytes, batch, coded_at)"
        " VALUES (1, 'old-2', 20240501, 'wire', 1, 1, 0, 0, 0, 1,"
        " '2024-05-01T00:00:00Z');"
        "INSERT INTO sentences VALUES (1, 0, 0, 0, 31,"
        " 'The source acted on the target.');"
        "INSERT INTO codes VALUES ('042', '04', 'Make a visit', 1, 1.9,"
        " 'CONSULT', 'visit', NULL);"
        "INSERT INTO events (doc_key, ord, date, sentence, source, target,"
        " code, root, quad, goldstein, source_text, verb_text, target_text,"
        " issues, rule, source_off, source_len, verb_off, verb_len,"
        " target_off, target_len, in_title, event_id, source_country,"
        " source_agent, target_country, target_agent) VALUES (1, 0, 20240501,"
        " 0, 'USAGOV', 'CHNGOV', '042', '04', 1, 1.9, 'the source', 'acted',"
        " 'the target', '', 'test:1', 0, 10, 11, 5, 20, 10, 0,"
        " dyad_event_id('old-2', 0, 'USAGOV', 'CHNGOV', '042', 0, 10, 11, 5,"
        " 20, 10), 'USA', 'GOV', 'CHN', 'GOV');";
    assert_int_equal(sqlite3_exec(db, v2, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);

    /* read-only connections do not migrate: refused with a message */
    assert_null(store_open(f->path, STORE_READONLY, &err));
    assert_non_null(strstr(err.msg, "schema version 2"));
    store *st = store_open(f->path, STORE_READ, &err);
    if (!st) fail_msg("%s", err.msg);
    store_query q;
    store_query_init(&q);
    char *got = qp_export(st, &q, "jsonl");
    store_close(st);
    /* as dyad code wrote it then, with no place and no quotation */
    dyad_event ev = mkev(0, "USAGOV", "CHNGOV", "042", 1, 1.9);
    doc_record rec;
    memset(&rec, 0, sizeof rec);
    rec.id = "old-2";
    rec.date = 20240501;
    rec.source = "wire";
    writer_mem m = {0};
    writer_sink sink = writer_sink_mem(&m);
    writer *w = writer_open(&sink, writer_format_find("jsonl"));
    writer_event(w, &rec, NULL, &ev);
    writer_close(w);
    assert_string_equal(got, m.data);
    assert_non_null(strstr(got, "\"place\":null,\"quote\":null"));
    writer_mem_free(&m);
    free(got);

    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    assert_int_equal(schema_version(db), SCHEMA_VERSION);
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(db,
        "SELECT e.place_name IS NULL AND e.quote IS NULL, d.nquotes IS NULL,"
        " (SELECT count(*) FROM quotes), (SELECT count(*) FROM events_full"
        " WHERE place_country IS NULL AND quote IS NULL)"
        " FROM events e JOIN documents d USING (doc_key)", -1, &s, NULL),
        SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(s, 0), 1);
    assert_int_equal(sqlite3_column_int(s, 1), 1);
    assert_int_equal(sqlite3_column_int(s, 2), 0);
    assert_int_equal(sqlite3_column_int(s, 3), 1);
    sqlite3_finalize(s);
    sqlite3_close(db);

    /* coded again now: its places and quotations are kept */
    st = store_open(f->path, STORE_WRITE, &err);
    assert_non_null(st);
    static qp_doc d;
    qp_fill(&d, "old-2", 20240501);
    qp_put(st, &d);
    assert_int_equal(store_commit(st, NULL, &err), 0);
    qp_doc *one[1] = {&d};
    char *want = qp_direct(one, 1, "jsonl");
    got = qp_export(st, &q, "jsonl");
    assert_string_equal(got, want);
    free(want);
    free(got);
    store_close(st);
}

static void test_not_a_store(void **state) {
    fix *f = *state;
    sqlite3 *db;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE x (y)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    store_error err;
    assert_null(store_open(f->path, STORE_WRITE, &err));
    assert_non_null(strstr(err.msg, "another application"));
    char missing[160];
    snprintf(missing, sizeof missing, "%s/none.sqlite", f->dir);
    assert_null(store_open(missing, STORE_READ, &err));
    assert_non_null(strstr(err.msg, "no such database"));
}

/* Four mentions of USA 042 CHN on one day (three documents, two
 * publishers, one document mentioning it twice in two sentences), one on
 * the next day, one other code. */
static void fill_dedup(store *st) {
    store_error err;
    dyad_event d1[2] = {mkev(0, "USA", "CHN", "042", 1, 1.9),
                        mkev(3, "USA", "CHN", "042", 1, 1.9)};
    dyad_event d2[2] = {mkev(1, "USA", "CHN", "042", 1, 1.9),
                        mkev(1, "USA", "CHN", "111", 3, -2.0)};
    dyad_event d3[1] = {mkev(0, "USA", "CHN", "042", 1, 1.9)};
    dyad_event d4[1] = {mkev(0, "USA", "CHN", "042", 1, 1.9)};
    put_doc(st, "a", 20240301, "wire", d1, 2);
    put_doc(st, "b", 20240301, "wire", d2, 2);
    put_doc(st, "c", 20240301, "paper", d3, 1);
    put_doc(st, "d", 20240302, "wire", d4, 1);
    assert_int_equal(store_commit(st, NULL, &err), 0);
}

typedef struct groups {
    writer_counts c[8];
    char ids[8][64];
    int n;
} groups;

static int group_fn(void *ctx, const dedup_group *g) {
    groups *s = ctx;
    if (s->n < 8) {
        s->c[s->n] = g->counts;
        snprintf(s->ids[s->n], sizeof s->ids[0], "%s", g->sentence_ids);
        s->n++;
    }
    return 0;
}

static int add_fn(void *ctx, const store_row *r) { return dedup_add(ctx, r); }

static void test_dedup_counts(void **state) {
    fix *f = *state;
    store_error err;
    store *st = store_open(f->path, STORE_WRITE, &err);
    assert_non_null(st);
    fill_dedup(st);
    groups g = {0};
    dedup *d = dedup_new(group_fn, &g);
    store_query q;
    store_query_init(&q);
    q.order = STORE_ORDER_DEDUP;
    assert_int_equal(store_scan(st, &q, add_fn, d, &err), 0);
    assert_int_equal(dedup_finish(d), 0);
    dedup_free(d);
    assert_int_equal(g.n, 3); /* 03-01 042, 03-01 111, 03-02 042 */
    assert_int_equal(g.c[0].mentions, 4);
    assert_int_equal(g.c[0].sentences, 4);
    assert_int_equal(g.c[0].documents, 3);
    assert_int_equal(g.c[0].sources, 2);
    assert_string_equal(g.ids[0], "a_0;a_3;b_1;c_0");
    assert_int_equal(g.c[1].mentions, 1);
    assert_int_equal(g.c[2].documents, 1);

    /* the same through export: csv with the count columns */
    writer_mem m = {0};
    writer_sink sink = writer_sink_mem(&m);
    store_query_init(&q);
    unsigned long long n;
    assert_int_equal(store_export(st, &q, "csv", 1, &sink, &n, &err), 0);
    assert_int_equal(n, 3);
    assert_non_null(strstr(m.data, ",num_mentions,num_sentences,num_documents,num_sources,place_name,"));
    assert_non_null(strstr(m.data, ",CONSULT,visit,4,4,3,2,"));
    writer_mem_free(&m);
    /* gdelt: 61 columns, NumMentions/NumSources/NumArticles */
    sink = writer_sink_mem(&m);
    assert_int_equal(store_export(st, &q, "gdelt", 1, &sink, &n, &err), 0);
    char *line = strtok(m.data, "\n");
    int cols = 1;
    for (const char *p = line; *p; p++) cols += *p == '\t';
    assert_int_equal(cols, 61);
    assert_non_null(strstr(line, "\t1\t1.9\t4\t2\t3\t"));
    writer_mem_free(&m);
    store_close(st);
}

static void test_stats_numbers(void **state) {
    fix *f = *state;
    store_error err;
    store *st = store_open(f->path, STORE_WRITE, &err);
    assert_non_null(st);
    fill_dedup(st);
    store_query q;
    store_query_init(&q);
    q.light = 1;
    stats *s = stats_new(STORE_BY_DAY, 0);
    assert_int_equal(store_scan(st, &q, stats_row, s, &err), 0);
    assert_int_equal(stats_events(s), 6);
    assert_true(stats_goldstein(s) > 7.49 && stats_goldstein(s) < 7.51); /* 5 x 1.9 - 2 */
    writer_buf b = {0};
    assert_int_equal(stats_write(s, "tsv", 5, &b), 0);
    writer_buf_putc(&b, '\0');
    assert_non_null(strstr(b.p, "2024-03-01\tall\tall\t5\t5.6\t1.120\n"));
    assert_non_null(strstr(b.p, "2024-03-01\tquad\t1\t4\t\t\n"));
    assert_non_null(strstr(b.p, "2024-03-01\tquad\t3\t1\t\t\n"));
    assert_non_null(strstr(b.p, "2024-03-01\troot\t11\t1\t\t\n"));
    assert_non_null(strstr(b.p, "2024-03-02\tall\tall\t1\t1.9\t1.900\n"));
    assert_non_null(strstr(b.p, "all\tdyad\tUSA:CHN\t6\t7.5\t1.250\n"));
    assert_non_null(strstr(b.p, "all\tactor\tCHN\t6\t7.5\t1.250\n"));
    free(b.p);
    stats_free(s);

    /* with dedup: 3 kept events, by month */
    q.order = STORE_ORDER_DEDUP;
    s = stats_new(STORE_BY_MONTH, 1);
    assert_int_equal(store_scan(st, &q, stats_row, s, &err), 0);
    assert_int_equal(stats_events(s), 3);
    memset(&b, 0, sizeof b);
    assert_int_equal(stats_write(s, "json", 5, &b), 0);
    writer_buf_putc(&b, '\0');
    assert_non_null(strstr(b.p, "{\"period\":\"2024-03\",\"events\":3,\"goldstein_sum\":1.8,"
                                "\"goldstein_mean\":0.600,\"quad\":{\"1\":2,\"3\":1},"
                                "\"root\":{\"04\":2,\"11\":1}}"));
    free(b.p);
    stats_free(s);
    store_close(st);
}

/* The statistics of a set of events do not depend on the order the store
 * hands them over in (SQLite and PostgreSQL differ): eight scores summing
 * to 25.5, forward and backward, print the same sums and means, and
 * 25.5 / 8 = 3.1875 rounds as an exact number does. */
static char *stats_of(const double *g, size_t n, int backward) {
    stats *s = stats_new(STORE_BY_MONTH, 0);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++) {
        store_row r;
        memset(&r, 0, sizeof r);
        r.date = 20240301;
        r.ev.source = "GUYGOV";
        r.ev.target = "VEN";
        snprintf(r.ev.code, sizeof r.ev.code, "042");
        snprintf(r.ev.root, sizeof r.ev.root, "04");
        r.ev.quad = 1;
        r.ev.goldstein = g[backward ? n - 1 - i : i];
        assert_int_equal(stats_row(s, &r), 0);
    }
    writer_buf b = {0};
    assert_int_equal(stats_write(s, "json", 5, &b), 0);
    writer_buf_putc(&b, '\0');
    stats_free(s);
    return b.p;
}

static void test_stats_order(void **state) {
    (void)state;
    static const double g[] = {3.4, 7.0, 2.8, 1.0, 3.4, 0.1, 4.0, 3.8};
    char *fwd = stats_of(g, 8, 0), *bwd = stats_of(g, 8, 1);
    assert_string_equal(fwd, bwd);
    assert_non_null(strstr(fwd, "\"events\":8,\"goldstein_sum\":25.5,\"goldstein_mean\":3.188"));
    free(fwd);
    free(bwd);
}

/* Column i of q is want, or NULL when want is "" (as the store keeps
 * actor parts). */
static void assert_part(sqlite3_stmt *q, int i, const char *want) {
    if (*want) assert_string_equal((const char *)sqlite3_column_text(q, i), want);
    else assert_int_equal(sqlite3_column_type(q, i), SQLITE_NULL);
}

/* Long documents and many actors: events are written up to 16 rows per
 * statement and actor codes split through a per-connection cache, so a
 * document of 40 events (three statements, sentences revisited) and 700
 * actors (more than the cache's slots: codes sharing a slot) must read
 * back field for field, each event's actor parts its own. */
static void test_long_documents(void **state) {
    fix *f = *state;
    store_error err;
    store *st = store_open(f->path, STORE_WRITE, &err);
    assert_non_null(st);
    enum { NEV = 40, NDOCS = 18 };
    static char src[NDOCS][NEV][8], tgt[NDOCS][NEV][8], stext[NEV][32];
    static const char *const agents[] = {"GOV", "MIL", "REB", ""};
    dyad_event ev[NEV];
    const dyad_event *p[NEV];
    dyad_place pl = {"Kabul", 1138958, "Kabul", "", "", "AFG", 34.5, 69.2,
                     "city", "clause", {3, 5}, 0};
    char id[16];
    assert_int_equal(store_begin(st, &err), 0);
    for (int d = 0; d < NDOCS; d++) {
        for (int i = 0; i < NEV; i++) {
            int a = d * NEV + i; /* 720 distinct sources */
            snprintf(src[d][i], sizeof src[d][i], "Q%c%c%s", 'A' + a / 26 % 26,
                     'A' + a % 26, agents[a / 676 % 4]);
            snprintf(tgt[d][i], sizeof tgt[d][i], "Z%c%c%s", 'A' + i % 26,
                     'A' + d % 26, agents[(i + d) % 4]);
            /* sentences 0,0,1,1,...,9,9 then 0..19 again: revisited ones
             * keep their first row (INSERT OR IGNORE) */
            uint32_t sent = (uint32_t)(i < 20 ? i / 2 : i - 20);
            ev[i] = mkev(sent, src[d][i], tgt[d][i], i % 2 ? "042" : "190",
                         i % 2 ? 1 : 4, i % 2 ? 1.9 : -10.0);
            snprintf(stext[sent], sizeof stext[sent], "Sentence %u.", sent);
            ev[i].sentence_text = stext[sent];
            ev[i].sentence_span = (dyad_span){sent * 20, 12};
            ev[i].quote = i == 33 ? 2 : -1;
            ev[i].place = i == 17 ? &pl : NULL;
            p[i] = &ev[i];
        }
        doc_record rec;
        memset(&rec, 0, sizeof rec);
        snprintf(id, sizeof id, "long-%d", d);
        rec.id = id;
        rec.date = 20240301;
        rec.file = "test";
        dyad_result res;
        memset(&res, 0, sizeof res);
        res.nevents = NEV;
        res.nsentences = 20;
        store_doc doc = {&rec, &res, p, NEV, 0, NULL};
        if (store_put(st, &doc, &err) < 0) fail_msg("%s", err.msg);
        if (d == 0) { /* read the first document back through a scan */
            assert_int_equal(store_commit(st, NULL, &err), 0);
            assert_int_equal(store_begin(st, &err), 0);
        }
    }
    assert_int_equal(store_commit(st, NULL, &err), 0);
    store_close(st);

    sqlite3 *db;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    sqlite3_stmt *q;
    /* every event in order, with the fields of its own row */
    assert_int_equal(sqlite3_prepare_v2(db,
        "SELECT d.doc_id, e.ord, e.source, e.target, e.code, e.quad, e.goldstein,"
        " e.sentence, s.text, e.event_id, e.place_name, e.quote,"
        " e.source_country, e.source_agent, e.target_country, e.target_agent,"
        " e.date FROM events e JOIN documents d USING (doc_key)"
        " JOIN sentences s ON s.doc_key = e.doc_key AND s.sentence = e.sentence"
        " ORDER BY e.doc_key, e.ord", -1, &q, NULL), SQLITE_OK);
    int n = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        int d = n / NEV, i = n % NEV;
        snprintf(id, sizeof id, "long-%d", d);
        assert_string_equal((const char *)sqlite3_column_text(q, 0), id);
        assert_int_equal(sqlite3_column_int(q, 1), i);
        assert_string_equal((const char *)sqlite3_column_text(q, 2), src[d][i]);
        assert_string_equal((const char *)sqlite3_column_text(q, 3), tgt[d][i]);
        assert_string_equal((const char *)sqlite3_column_text(q, 4),
                            i % 2 ? "042" : "190");
        assert_int_equal(sqlite3_column_int(q, 5), i % 2 ? 1 : 4);
        assert_true(sqlite3_column_double(q, 6) == (i % 2 ? 1.9 : -10.0));
        int sent = i < 20 ? i / 2 : i - 20;
        assert_int_equal(sqlite3_column_int(q, 7), sent);
        char want[32];
        snprintf(want, sizeof want, "Sentence %d.", sent);
        assert_string_equal((const char *)sqlite3_column_text(q, 8), want);
        dyad_event e = mkev((uint32_t)sent, src[d][i], tgt[d][i],
                            i % 2 ? "042" : "190", 0, 0);
        char hex[17];
        assert_string_equal((const char *)sqlite3_column_text(q, 9),
                            event_id_hex(event_id(id, &e), hex));
        if (i == 17) assert_string_equal((const char *)sqlite3_column_text(q, 10), "Kabul");
        else assert_int_equal(sqlite3_column_type(q, 10), SQLITE_NULL);
        if (i == 33) assert_int_equal(sqlite3_column_int(q, 11), 2);
        else assert_int_equal(sqlite3_column_type(q, 11), SQLITE_NULL);
        /* the actor parts of this event's codes, not of a code that
         * shared its cache slot */
        actor_parts sp, tp;
        actor_split(src[d][i], &sp);
        actor_split(tgt[d][i], &tp);
        assert_part(q, 12, sp.country);
        assert_part(q, 13, sp.type1);
        assert_part(q, 14, tp.country);
        assert_part(q, 15, tp.type1);
        assert_int_equal(sqlite3_column_int(q, 16), 20240301);
        n++;
    }
    sqlite3_finalize(q);
    assert_int_equal(n, NDOCS * NEV);
    /* one row per sentence (20 a document), the first text kept */
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM sentences", -1,
                                        &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(q, 0), NDOCS * 20);
    sqlite3_finalize(q);
    sqlite3_close(db);
}

/* The background checkpointer (sqlite.c): a writer that commits batch
 * after batch without pausing keeps its WAL bounded (a batch that starts
 * with 16,384 frames or more waits for the checkpoint, and SQLite then
 * writes the WAL from its head again), and every batch is in the file.
 * Seven batches of about 5,000 frames (a 36 KB sentence a document): the
 * WAL would reach 35,000 frames without the wait. */
static void test_wal_bounded(void **state) {
    fix *f = *state;
    store_error err;
    store *st = store_open(f->path, STORE_WRITE, &err);
    assert_non_null(st);
    enum { BATCHES = 7, DOCS = 1000, TEXT = 36 * 1024 };
    char *text = malloc(TEXT + 1);
    assert_non_null(text);
    for (int i = 0; i < TEXT; i++) text[i] = (char)('a' + i % 26);
    text[TEXT] = '\0';
    char wal[4200];
    snprintf(wal, sizeof wal, "%s-wal", f->path);
    long max_wal = 0;
    for (int b = 0; b < BATCHES; b++) {
        assert_int_equal(store_begin(st, &err), 0);
        for (int d = 0; d < DOCS; d++) {
            char id[32];
            snprintf(id, sizeof id, "wal-%d-%d", b, d);
            dyad_event ev = mkev(0, "USA", "CHN", "042", 1, 1.9);
            ev.sentence_text = text;
            ev.sentence_span = (dyad_span){0, TEXT};
            const dyad_event *p = &ev;
            doc_record rec;
            memset(&rec, 0, sizeof rec);
            rec.id = id;
            rec.date = 20240301;
            dyad_result res;
            memset(&res, 0, sizeof res);
            res.nevents = 1;
            store_doc doc = {&rec, &res, &p, 1, 0, NULL};
            if (store_put(st, &doc, &err) < 0) fail_msg("%s", err.msg);
        }
        assert_int_equal(store_commit(st, NULL, &err), 0);
        FILE *w = fopen(wal, "rb");
        assert_non_null(w);
        fseek(w, 0, SEEK_END);
        long n = ftell(w);
        fclose(w);
        if (n > max_wal) max_wal = n;
    }
    /* frames of 8 KB pages (8,216 bytes with their headers): at most the
     * 16,384 of the wait plus one batch's (about 5,000), with room */
    long frames = max_wal / 8216;
    assert_true(frames > 5000);
    assert_true(frames < 16384 + 7000);
    store_close(st);
    free(text);
    /* closed: the WAL is copied and removed, every batch is there */
    assert_int_equal(access(wal, F_OK), -1);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM events),"
        " (SELECT count(*) FROM batches WHERE committed_at IS NOT NULL)", -1,
        &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(q, 0), BATCHES * DOCS);
    assert_int_equal(sqlite3_column_int(q, 1), BATCHES);
    sqlite3_finalize(q);
    sqlite3_close(db);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_event_id),
        cmocka_unit_test(test_plover),
        cmocka_unit_test(test_delim_quoting),
        cmocka_unit_test(test_actor_split),
        cmocka_unit_test(test_periods),
        cmocka_unit_test_setup_teardown(test_put_replace_rollback, setup, teardown),
        cmocka_unit_test_setup_teardown(test_migration_from_v1, setup, teardown),
        cmocka_unit_test_setup_teardown(test_places_quotes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_migration_from_v2, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_a_store, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dedup_counts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stats_numbers, setup, teardown),
        cmocka_unit_test(test_stats_order),
        cmocka_unit_test_setup_teardown(test_long_documents, setup, teardown),
        cmocka_unit_test_setup_teardown(test_wal_bounded, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
