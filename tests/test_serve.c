/* test_serve.c -- unit tests of what dyad serve adds below HTTP: the
 * store's read-only connections, the event browser's query (quad class,
 * text search, sort orders, keyset cursor, row limit, cancellation), the
 * worker pool's bound and the API key's comparison. The HTTP side is
 * tests/serve_test.py. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "serve/server.h"
#include "store/store.h"

typedef struct fix {
    char dir[64];
    char path[128];
} fix;

static dyad_event mkev(uint32_t sentence, const char *src, const char *tgt,
                       const char *code, int quad, double g, const char *text) {
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
    ev.sentence_text = text;
    ev.sentence_span = (dyad_span){0, (uint32_t)strlen(text)};
    ev.issues = "";
    ev.rule = "test:1";
    return ev;
}

static void put_doc(store *st, const char *id, uint32_t date, dyad_event *evs,
                    size_t n) {
    doc_record rec;
    memset(&rec, 0, sizeof rec);
    rec.id = id;
    rec.date = date;
    rec.text = "text";
    rec.text_len = 4;
    rec.file = "test";
    const dyad_event *p[8];
    for (size_t i = 0; i < n; i++) p[i] = &evs[i];
    dyad_result res;
    memset(&res, 0, sizeof res);
    res.nevents = n;
    store_doc d = {&rec, &res, p, n, 0, NULL};
    store_error err;
    if (store_put(st, &d, &err) < 0) fail_msg("%s", err.msg);
}

/* Five events in three documents, dates 20260301, 20260101, none. */
static int setup(void **state) {
    fix *f = calloc(1, sizeof *f);
    strcpy(f->dir, "/tmp/dyad-serve-test.XXXXXX");
    if (!mkdtemp(f->dir)) return -1;
    snprintf(f->path, sizeof f->path, "%s/t.sqlite", f->dir);
    store_error err;
    store *st = store_open(f->path, STORE_WRITE, &err);
    if (!st) return -1;
    dyad_event a[] = {mkev(0, "VEN", "GUY", "190", 4, -10, "Venezuela attacked Guyana."),
                      mkev(1, "GUY", "VEN", "111", 3, -2, "Guyana condemned 100% of it.")};
    dyad_event b[] = {mkev(0, "BRA", "GUY", "042", 1, 1.9, "Brazil visited GUYANA."),
                      mkev(2, "VENMIL", "GUY", "0874", 2, 7, "Troops withdrew.")};
    dyad_event c[] = {mkev(0, "CHN", "JPN", "111", 3, -2, "China criticised Japan.")};
    store_begin(st, &err);
    put_doc(st, "d1", 20260301, a, 2);
    put_doc(st, "d2", 20260101, b, 2);
    put_doc(st, "d3", 0, c, 1);
    if (store_commit(st, NULL, &err) < 0) return -1;
    store_close(st);
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

typedef struct seen {
    char rows[8][32];
    int64_t key[8];
    uint32_t ord[8], date[8];
    double g[8];
    int n;
} seen;

static int seen_row(void *ctx, const store_row *r) {
    seen *s = ctx;
    if (s->n < 8) {
        snprintf(s->rows[s->n], sizeof s->rows[0], "%s/%s", r->doc_id, r->ev.code);
        s->key[s->n] = r->doc_key;
        s->ord[s->n] = r->ord;
        s->date[s->n] = r->date;
        s->g[s->n] = r->ev.goldstein;
        s->n++;
    }
    return 0;
}

static seen scan(store *st, const store_query *q) {
    seen s;
    memset(&s, 0, sizeof s);
    store_error err;
    if (store_scan(st, q, seen_row, &s, &err) != 0) fail_msg("%s", err.msg);
    return s;
}

static void test_readonly(void **state) {
    fix *f = *state;
    store_error err;
    store *st = store_open(f->path, STORE_READONLY, &err);
    assert_non_null(st);
    store_query q;
    store_query_init(&q);
    assert_int_equal(scan(st, &q).n, 5);
    /* a read-only connection cannot write, and says so */
    assert_int_not_equal(store_begin(st, &err), 0);
    store_close(st);
    char missing[160];
    snprintf(missing, sizeof missing, "%s/none.sqlite", f->dir);
    assert_null(store_open(missing, STORE_READONLY, &err));
    assert_non_null(strstr(err.msg, "no such database"));
    assert_int_not_equal(access(missing, F_OK), 0);   /* not created */
}

static void test_quad_text(void **state) {
    fix *f = *state;
    store_error err;
    store *st = store_open(f->path, STORE_READONLY, &err);
    store_query q;
    store_query_init(&q);
    q.quad = 3;
    seen s = scan(st, &q);
    assert_int_equal(s.n, 2);
    assert_string_equal(s.rows[0], "d1/111");
    assert_string_equal(s.rows[1], "d3/111");
    store_query_init(&q);
    q.text = "guyana";                  /* any case, in the sentence */
    assert_int_equal(scan(st, &q).n, 3);
    q.text = "100%";                    /* % is literal */
    s = scan(st, &q);
    assert_int_equal(s.n, 1);
    assert_string_equal(s.rows[0], "d1/111");
    q.text = "1_0";                     /* _ is literal */
    assert_int_equal(scan(st, &q).n, 0);
    q.text = "acted";                   /* the evidence texts too */
    assert_int_equal(scan(st, &q).n, 5);
    char longtext[STORE_TEXT_MAX + 2];
    memset(longtext, 'a', sizeof longtext - 1);
    longtext[sizeof longtext - 1] = '\0';
    q.text = longtext;
    assert_int_not_equal(store_scan(st, &q, seen_row, &(seen){0}, &err), 0);
    assert_non_null(strstr(err.msg, "longer than"));
    store_close(st);
}

static void test_sort_cursor_limit(void **state) {
    fix *f = *state;
    store_error err;
    store *st = store_open(f->path, STORE_READONLY, &err);
    store_query q;
    store_query_init(&q);
    q.sort = STORE_SORT_DATE_DESC;
    seen s = scan(st, &q);
    assert_int_equal(s.n, 5);
    assert_string_equal(s.rows[0], "d1/111");   /* 20260301, ord 1 first */
    assert_string_equal(s.rows[1], "d1/190");
    assert_string_equal(s.rows[4], "d3/111");   /* no date: last */
    /* pages of two through the cursor give the same rows */
    seen all = s, page;
    int got = 0;
    store_query_init(&q);
    q.sort = STORE_SORT_DATE_DESC;
    q.limit = 2;
    for (int p = 0; p < 4; p++) {
        page = scan(st, &q);
        for (int i = 0; i < page.n; i++)
            assert_string_equal(page.rows[i], all.rows[got + i]);
        got += page.n;
        if (page.n < 2) break;
        q.has_after = 1;
        q.after_value = page.date[page.n - 1];
        q.after_key = page.key[page.n - 1];
        q.after_ord = page.ord[page.n - 1];
    }
    assert_int_equal(got, 5);
    store_query_init(&q);
    q.sort = STORE_SORT_GOLDSTEIN;
    s = scan(st, &q);
    assert_true(s.g[0] == -10 && s.g[4] == 7);
    q.has_after = 1;                    /* after the lowest score */
    q.after_value = s.g[0];
    q.after_key = s.key[0];
    q.after_ord = s.ord[0];
    assert_int_equal(scan(st, &q).n, 4);
    store_query_init(&q);
    q.sort = STORE_SORT_DOC_DESC;
    s = scan(st, &q);
    assert_string_equal(s.rows[0], "d3/111");
    assert_string_equal(s.rows[4], "d1/190");
    store_close(st);
}

static int cancel_now(void *ud) {
    ++*(int *)ud;
    return 1;
}

static void test_cancel(void **state) {
    fix *f = *state;
    store_error err;
    store *st = store_open(f->path, STORE_READONLY, &err);
    store_query q;
    store_query_init(&q);
    int polled = 0;
    q.cancel = cancel_now;
    q.cancel_ud = &polled;
    q.sort = STORE_SORT_GOLDSTEIN;
    seen s;
    memset(&s, 0, sizeof s);
    int rc = store_scan(st, &q, seen_row, &s, &err);
    /* five rows may be read before the first poll; a sort polls first */
    if (rc == 0) assert_int_equal(polled, 0);
    else assert_non_null(strstr(err.msg, "query interrupted"));
    assert_true(rc != 0 || s.n == 5);
    /* the connection works afterwards, without the handler */
    store_query_init(&q);
    assert_int_equal(scan(st, &q).n, 5);
    store_close(st);
}

static void test_workers_bound(void **state) {
    fix *f = *state;
    store_error err;
    worker_pool *p = workers_new(2, f->path, &err);
    assert_non_null(p);
    worker *a = workers_take(p, 10), *b = workers_take(p, 10);
    assert_non_null(a);
    assert_non_null(b);
    assert_ptr_not_equal(a, b);
    assert_ptr_not_equal(a->doc, b->doc);   /* one dyad_doc per worker */
    assert_null(workers_take(p, 30));       /* none free: refused in time */
    workers_give(p, a);
    assert_ptr_equal(workers_take(p, 10), a);
    workers_give(p, a);
    workers_give(p, b);
    workers_free(p);
}

static void test_key_compare(void **state) {
    (void)state;
    const char *k = "0123456789abcdef";
    assert_true(auth_equal(k, 16, k, 16));
    assert_false(auth_equal("0123456789abcdeF", 16, k, 16));
    assert_false(auth_equal("0123456789abcde", 15, k, 16));
    assert_false(auth_equal("0123456789abcdef0", 17, k, 16));
    assert_false(auth_equal("", 0, k, 16));
    assert_true(serve_key_ok("0123456789abcdef"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_readonly, setup, teardown),
        cmocka_unit_test_setup_teardown(test_quad_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sort_cursor_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cancel, setup, teardown),
        cmocka_unit_test_setup_teardown(test_workers_bound, setup, teardown),
        cmocka_unit_test(test_key_compare),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
