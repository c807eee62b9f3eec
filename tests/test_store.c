/* test_store.c -- unit tests of the event store and what it writes: stable
 * event ids, the PLOVER mapping, TSV/CSV quoting, actor code parts,
 * periods, storing and replacing documents, rollback, migration from
 * schema version 1, the one-a-day filter's counts and the statistics. */
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
    strcpy(f->dir, "/tmp/dyad-store-test.XXXXXX");
    if (!mkdtemp(f->dir)) return -1;
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

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_event_id),
        cmocka_unit_test(test_plover),
        cmocka_unit_test(test_delim_quoting),
        cmocka_unit_test(test_actor_split),
        cmocka_unit_test(test_periods),
        cmocka_unit_test_setup_teardown(test_put_replace_rollback, setup, teardown),
        cmocka_unit_test_setup_teardown(test_migration_from_v1, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_a_store, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dedup_counts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stats_numbers, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
