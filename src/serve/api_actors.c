/* api_actors.c -- GET /api/actors: the actors of the stored events (as
 * source or target, counted as `dyad stats` counts them) with a readable
 * name each, most events first. The filters of /api/events narrow the
 * events counted; q= keeps the codes that start with it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "serve/server.h"
#include "store/stats.h"

#define ACTORS_MAX 5000

int api_actors(const req *rq, resp *r) {
    static const char *const allowed[] = {FILTER_ARGS, "q", "limit", NULL};
    if (arg_check(rq, allowed, r) < 0) return 0;
    filters f;
    long limit;
    if (filters_parse(rq, &f, r) < 0 ||
        arg_long(rq, "limit", 1, ACTORS_MAX, 200, &limit, r) < 0)
        return 0;
    const char *prefix = arg_get(rq, "q");
    char up[64] = "";
    if (prefix) {
        size_t n = strlen(prefix);
        if (n >= sizeof up) return reply_error(r, 400, "q: longer than 63 bytes");
        for (size_t i = 0; i < n; i++)
            up[i] = (char)(prefix[i] >= 'a' && prefix[i] <= 'z' ? prefix[i] - 32
                                                                  : prefix[i]);
        up[n] = '\0';
    }
    stats *s = stats_new(STORE_BY_YEAR, 0);
    if (!s) return reply_error(r, 500, "out of memory");
    f.q.light = 1;
    filters_deadline(rq, &f.q);
    store_error err;
    err.msg[0] = '\0';
    writer_buf tmp = {0};
    int rc = store_scan(rq->w->db, &f.q, stats_row, s, &err);
    if (rc == 0) rc = stats_write(s, "json", SIZE_MAX, &tmp);
    stats_free(s);
    if (rc != 0) {
        free(tmp.p);
        if (err.msg[0]) return reply_store_error(r, rq, &err);
        return reply_error(r, 500, "out of memory");
    }
    json_t *st = json_loadb(tmp.p, tmp.len, 0, NULL);
    free(tmp.p);
    json_t *top = st ? json_object_get(st, "top_actors") : NULL;
    if (!json_is_array(top)) {
        json_decref(st);
        return reply_error(r, 500, "out of memory");
    }
    writer_buf *b = &r->body;
    writer_buf_puts(b, "{\"actors\":[");
    size_t k = 0, matched = 0, n = json_array_size(top);
    for (size_t i = 0; i < n; i++) {
        json_t *a = json_array_get(top, i);
        const char *code = json_string_value(json_object_get(a, "name"));
        if (!code || !strcmp(code, "---") || !*code) continue;
        if (up[0] && strncmp(code, up, strlen(up))) continue;
        matched++;
        if (k == (size_t)limit) continue;
        char name[256];
        actor_name(rq->srv, code, name, sizeof name);
        writer_buf_puts(b, k++ ? ",{\"code\":" : "{\"code\":");
        reply_json_str(b, code);
        writer_buf_puts(b, ",\"name\":");
        reply_json_str(b, name);
        writer_buf_printf(b, ",\"events\":%lld,\"goldstein_mean\":",
                          (long long)json_integer_value(json_object_get(a, "events")));
        reply_json_num(b, json_number_value(json_object_get(a, "goldstein_mean")));
        writer_buf_putc(b, '}');
    }
    writer_buf_printf(b, "],\"count\":%zu,\"matched\":%zu}\n", k, matched);
    json_decref(st);
    r->status = 200;
    return 0;
}
