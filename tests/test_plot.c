/* test_plot.c -- unit tests of dyad plot's pieces: the period after a
 * period (calendar and ISO week rollovers), nice ticks, x-label steps,
 * text widths, the chart's data (periods without events filled as zero)
 * and the SVG of an empty, a one-period and a hostile selection. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "plot/plot.h"

static void test_period_next(void **state) {
    (void)state;
    assert_int_equal(store_period_next(STORE_BY_DAY, 20241231), 20250101);
    assert_int_equal(store_period_next(STORE_BY_DAY, 20240228), 20240229);
    assert_int_equal(store_period_next(STORE_BY_DAY, 20230228), 20230301);
    assert_int_equal(store_period_next(STORE_BY_MONTH, 202412), 202501);
    assert_int_equal(store_period_next(STORE_BY_MONTH, 202401), 202402);
    assert_int_equal(store_period_next(STORE_BY_YEAR, 2024), 2025);
    /* 2020 has 53 ISO weeks, 2021 52 */
    assert_int_equal(store_period_next(STORE_BY_WEEK, 202052), 202053);
    assert_int_equal(store_period_next(STORE_BY_WEEK, 202053), 202101);
    assert_int_equal(store_period_next(STORE_BY_WEEK, 202152), 202201);
    assert_int_equal(store_period_next(STORE_BY_WEEK, 202503), 202504);
    assert_int_equal(store_period_next(STORE_BY_DAY, 0), 0);
    /* every week key of a span is what store_period_key gives its days */
    uint32_t k = store_period_key(STORE_BY_WEEK, 20191230);
    for (int i = 0; i < 400; i++) {
        uint32_t n = store_period_next(STORE_BY_WEEK, k);
        assert_true(n > k);
        k = n;
    }
    assert_int_equal(k, store_period_key(STORE_BY_WEEK, 20270830));
}

static void test_ticks(void **state) {
    (void)state;
    double lo, hi, step;
    plot_ticks(0, 7, 5, &lo, &hi, &step);
    assert_true(lo == 0 && hi == 8 && step == 2);
    plot_ticks(-46, 20, 4, &lo, &hi, &step);
    assert_true(lo == -60 && hi == 20 && step == 20);
    plot_ticks(0, 1, 5, &lo, &hi, &step);
    assert_true(lo == 0 && hi > 0.99 && hi < 1.01 && step > 0.19 && step < 0.21);
    plot_ticks(3, 3, 5, &lo, &hi, &step); /* no range: still an axis */
    assert_true(hi > lo && step > 0);
}

static void test_label_step(void **state) {
    (void)state;
    assert_int_equal(plot_label_step(STORE_BY_MONTH, 50, 70), 1);
    assert_int_equal(plot_label_step(STORE_BY_MONTH, 50, 20), 3);
    assert_int_equal(plot_label_step(STORE_BY_MONTH, 50, 3), 24);
    assert_int_equal(plot_label_step(STORE_BY_WEEK, 60, 5), 13);
    assert_int_equal(plot_label_step(STORE_BY_DAY, 70, 2.4), 91);
    assert_int_equal(plot_label_step(STORE_BY_YEAR, 30, 10), 5);
    /* months on calendar quarters, years on multiples */
    assert_true(plot_label_here(STORE_BY_MONTH, 202504, 5, 3));
    assert_false(plot_label_here(STORE_BY_MONTH, 202505, 0, 3));
    assert_true(plot_label_here(STORE_BY_MONTH, 202601, 3, 24));
    assert_false(plot_label_here(STORE_BY_MONTH, 202501, 3, 24));
    assert_true(plot_label_here(STORE_BY_YEAR, 2020, 7, 5));
    assert_true(plot_label_here(STORE_BY_WEEK, 202510, 26, 13));
}

static void test_text_width(void **state) {
    (void)state;
    /* DejaVu Sans: digits 0.636 em */
    double w = plot_text_width("2025-01", 10, 0);
    assert_true(w > 41 && w < 42);
    assert_true(plot_text_width("W", 10, 0) > plot_text_width("i", 10, 0));
    assert_true(plot_text_width("Ab", 12, 1) > plot_text_width("Ab", 12, 0));
    assert_true(plot_text_width("\xE2\x86\x92", 10, 0) > 8); /* one arrow */
}

/* A stats of a few events by month. */
static stats *some_stats(void) {
    stats *s = stats_new(STORE_BY_MONTH, 0);
    static const struct { uint32_t date; int quad; double g; const char *root; } ev[] = {
        {20250115, 1, 3.0, "04"}, {20250120, 4, -10.0, "19"},
        {20250410, 3, -2.0, "11"}, {0, 2, 7.4, "07"}};
    for (size_t i = 0; i < sizeof ev / sizeof ev[0]; i++) {
        store_row r;
        memset(&r, 0, sizeof r);
        r.date = ev[i].date;
        r.ev.source = "VEN";
        r.ev.target = "GUY";
        strcpy(r.ev.code, "040");
        strcpy(r.ev.root, ev[i].root);
        r.ev.quad = ev[i].quad;
        r.ev.goldstein = ev[i].g;
        assert_int_equal(stats_row(s, &r), 0);
    }
    return s;
}

static void test_data_fills_periods(void **state) {
    (void)state;
    stats *s = some_stats();
    plot_opts o;
    plot_opts_init(&o);
    plot_data d;
    char msg[256];
    assert_int_equal(plot_data_build(&d, s, &o, msg, sizeof msg), 0);
    assert_int_equal(d.n, 4); /* January to April */
    assert_string_equal(d.p[0].label, "2025-01");
    assert_string_equal(d.p[3].label, "2025-04");
    assert_true(d.p[0].events == 2 && d.p[0].quad[1] == 1 && d.p[0].quad[4] == 1);
    assert_true(d.p[1].events == 0 && d.p[2].events == 0);
    assert_true(d.p[0].goldstein_sum > -7.01 && d.p[0].goldstein_sum < -6.99);
    assert_true(d.undated == 1 && d.events == 3);
    assert_true(d.ymax_count == 1 && d.gmin < -6.9 && d.gmax == 0);
    plot_data_free(&d);
    /* --from/--to widen the axis */
    o.q.from = 20241101;
    o.q.to = 20250630;
    assert_int_equal(plot_data_build(&d, s, &o, msg, sizeof msg), 0);
    assert_int_equal(d.n, 8);
    assert_string_equal(d.p[0].label, "2024-11");
    assert_int_equal(d.p[2].events, 2);
    plot_data_free(&d);
    /* too many periods is an error, not a huge chart */
    plot_opts_init(&o);
    o.by = STORE_BY_DAY;
    o.q.from = 19000101;
    o.q.to = 20250101;
    stats *sd = stats_new(STORE_BY_DAY, 0);
    assert_int_equal(plot_data_build(&d, sd, &o, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "more than"));
    stats_free(sd);
    stats_free(s);
}

static void test_svg(void **state) {
    (void)state;
    stats *s = some_stats();
    plot_opts o;
    plot_opts_init(&o);
    o.q.source = "VEN";
    o.q.target = "GUY<&>";  /* escaped, not markup */
    o.dedup = 1;
    plot_data d;
    char msg[256];
    assert_int_equal(plot_data_build(&d, s, &o, msg, sizeof msg), 0);
    writer_buf b = {0};
    assert_int_equal(plot_svg(&d, &o, &b), 0);
    writer_buf_putc(&b, '\0');
    assert_non_null(strstr(b.p, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_non_null(strstr(b.p, "VEN \xE2\x86\x92 GUY&lt;&amp;&gt;"));
    assert_null(strstr(b.p, "GUY<&>"));
    assert_non_null(strstr(b.p, "data-period=\"2025-02\" data-events=\"0\""));
    assert_non_null(strstr(b.p, "data-goldstein-sum=\"-7.0\""));
    assert_non_null(strstr(b.p, "1 event without a date not shown"));
    assert_non_null(strstr(b.p, "</svg>\n"));
    free(b.p);
    plot_data_free(&d);
    /* nothing selected: an empty chart that says so */
    memset(&d, 0, sizeof d);
    b = (writer_buf){0};
    assert_int_equal(plot_svg(&d, &o, &b), 0);
    writer_buf_putc(&b, '\0');
    assert_non_null(strstr(b.p, "No events match this selection"));
    assert_null(strstr(b.p, "class=\"period\""));
    free(b.p);
    /* one period, a tiny chart, a title too long for it */
    plot_opts_init(&o);
    o.width = 400;
    o.height = 300;
    o.q.from = o.q.to = 20250115;
    o.title = "A title much too long for a chart four hundred pixels wide, cut short";
    assert_int_equal(plot_data_build(&d, s, &o, msg, sizeof msg), 0);
    assert_int_equal(d.n, 1);
    b = (writer_buf){0};
    assert_int_equal(plot_svg(&d, &o, &b), 0);
    writer_buf_putc(&b, '\0');
    assert_non_null(strstr(b.p, "\xE2\x80\xA6</text>")); /* the ellipsis */
    assert_non_null(strstr(b.p, "<circle")); /* a lone period gets markers */
    free(b.p);
    plot_data_free(&d);
    stats_free(s);
}

static void test_png(void **state) {
    (void)state;
    static const char svg[] =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"30\">"
        "<rect width=\"40\" height=\"30\" fill=\"#fff\"/></svg>";
    writer_mem m = {0};
    writer_sink out = writer_sink_mem(&m);
    char msg[256] = "";
    int rc = plot_png(svg, sizeof svg - 1, 2, &out, msg, sizeof msg);
#ifdef DYAD_HAVE_RSVG
    assert_int_equal(rc, 0);
    assert_true(m.len > 24 && !memcmp(m.data, "\x89PNG", 4));
    /* width 80 in the IHDR chunk: scale 2 */
    assert_int_equal((unsigned char)m.data[19], 80);
    writer_mem_free(&m);
    assert_int_equal(plot_png("<svg", 4, 1, &out, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "cannot read the chart's SVG"));
#else
    assert_int_equal(rc, -1);
    assert_non_null(strstr(msg, "librsvg2-dev"));
#endif
    writer_mem_free(&m);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_period_next),
        cmocka_unit_test(test_ticks),
        cmocka_unit_test(test_label_step),
        cmocka_unit_test(test_text_width),
        cmocka_unit_test(test_data_fills_periods),
        cmocka_unit_test(test_svg),
        cmocka_unit_test(test_png),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
