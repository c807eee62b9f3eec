/* api_events.c -- GET /api/events: stored events, filtered, sorted, a page
 * at a time. Each event is the JSON object `dyad export` writes (the same
 * writer formats it) with the document's publisher, title and url and the
 * code's CAMEO name after. Pages are keyset cursors: the sort value, the
 * document key and the event's place of the page's last row, so a page
 * costs the same however deep, and rows stored meanwhile do not shift
 * later pages. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/server.h"

static const struct {
    const char *name;
    int sort;
} sorts[] = {{"-date", STORE_SORT_DATE_DESC},
             {"date", STORE_SORT_DATE},
             {"-goldstein", STORE_SORT_GOLDSTEIN_DESC},
             {"goldstein", STORE_SORT_GOLDSTEIN},
             {"-doc", STORE_SORT_DOC_DESC},
             {"doc", STORE_SORT_DOC}};
#define NSORTS (sizeof sorts / sizeof sorts[0])

typedef struct page {
    writer *w;                     /* jsonl, into mem */
    writer_mem mem;
    writer_buf *out;
    size_t count, limit;
    int more;                      /* a row past the page exists */
    int sort;
    double last_value;
    int64_t last_key;
    uint32_t last_ord;
    int failed;
} page;

static int page_row(void *ctx, const store_row *r) {
    page *p = ctx;
    if (p->count == p->limit || p->out->len > SERVE_MAX_RESPONSE) {
        p->more = 1;
        return 1;
    }
    doc_record rec;
    memset(&rec, 0, sizeof rec);
    rec.id = r->doc_id;
    rec.date = r->date;
    rec.date_text = r->date_text;
    rec.source = r->publisher;
    rec.title = r->title;
    rec.url = r->url;
    rec.file = r->file;
    rec.line = r->line;
    p->mem.len = 0;
    if (writer_event(p->w, &rec, NULL, &r->ev) < 0 || p->mem.len < 2) {
        p->failed = 1;
        return -1;
    }
    /* the line without its closing "}\n" (the writer has put the
     * document's publisher, title and url, as dyad export does), then the
     * code's name */
    writer_buf *o = p->out;
    if (p->count) writer_buf_putc(o, ',');
    writer_buf_put(o, p->mem.data, p->mem.len - 2);
    writer_buf_puts(o, ",\"cameo_name\":");
    reply_json_str(o, r->cameo_name);
    writer_buf_putc(o, '}');
    p->count++;
    p->last_value = p->sort >= STORE_SORT_GOLDSTEIN ? r->ev.goldstein
                                                    : (double)r->date;
    p->last_key = r->doc_key;
    p->last_ord = r->ord;
    return 0;
}

/* "SORT~VALUE~KEY~ORD" -> q's cursor; -1 after reply_error. */
static int parse_cursor(const char *c, const char *sort_name, store_query *q,
                        resp *r) {
    size_t n = strlen(sort_name);
    if (strncmp(c, sort_name, n) || c[n] != '~') {
        reply_error(r, 400, "cursor: '%s' was not made for sort=%s (pass the "
                            "same sort as the page it came from)", c, sort_name);
        return -1;
    }
    char *end;
    errno = 0;
    q->after_value = strtod(c + n + 1, &end);
    /* a date or a Goldstein score: "nan" or 1e300 was not made here, and
     * each back end would take it its own way */
    if (*end != '~' || errno || !isfinite(q->after_value) ||
        fabs(q->after_value) > 1e15)
        goto bad;
    long long key = strtoll(end + 1, &end, 10);
    if (*end != '~' || errno || key < 0) goto bad;
    unsigned long ord = strtoul(end + 1, &end, 10);
    if (*end || errno || ord > UINT32_MAX) goto bad;
    q->after_key = key;
    q->after_ord = (uint32_t)ord;
    q->has_after = 1;
    return 0;
bad:
    reply_error(r, 400, "cursor: '%s' is not a cursor of /api/events (use the "
                        "'next' of a page as it is)", c);
    return -1;
}

int api_events(const req *rq, resp *r) {
    static const char *const allowed[] = {FILTER_ARGS, "sort", "limit",
                                          "cursor", NULL};
    if (arg_check(rq, allowed, r) < 0) return 0;
    filters f;
    if (filters_parse(rq, &f, r) < 0) return 0;
    const char *sort_name = arg_get(rq, "sort");
    if (!sort_name) sort_name = "-date";
    size_t si = 0;
    while (si < NSORTS && strcmp(sorts[si].name, sort_name)) si++;
    if (si == NSORTS)
        return reply_error(r, 400, "sort: '%s' is not one of -date, date, "
                                   "-goldstein, goldstein, -doc, doc", sort_name);
    long limit;
    if (arg_long(rq, "limit", 1, SERVE_EVENTS_MAX, 50, &limit, r) < 0) return 0;
    store_query *q = &f.q;
    q->sort = sorts[si].sort;
    const char *cursor = arg_get(rq, "cursor");
    if (cursor && parse_cursor(cursor, sort_name, q, r) < 0) return 0;
    q->limit = (uint64_t)limit + 1;   /* one more says whether a next exists */
    filters_deadline(rq, q);

    page p;
    memset(&p, 0, sizeof p);
    p.out = &r->body;
    p.limit = (size_t)limit;
    p.sort = q->sort;
    writer_sink sink = writer_sink_mem(&p.mem);
    p.w = writer_open(&sink, writer_format_find("jsonl"));
    if (!p.w) return reply_error(r, 500, "out of memory");
    writer_buf_puts(&r->body, "{\"events\":[");
    store_error err;
    err.msg[0] = '\0';
    int rc = store_scan(rq->w->db, q, page_row, &p, &err);
    writer_close(p.w);
    writer_mem_free(&p.mem);
    if (p.failed || (rc < 0 && !err.msg[0]))
        return reply_error(r, 500, "out of memory");
    if (rc < 0) return reply_store_error(r, rq, &err);
    writer_buf_printf(&r->body, "],\"count\":%zu,\"sort\":\"%s\",\"limit\":%ld,"
                                "\"next\":", p.count, sort_name, limit);
    if (p.more && p.count) {
        char next[128];
        snprintf(next, sizeof next, "%s~%.17g~%lld~%u", sort_name, p.last_value,
                 (long long)p.last_key, (unsigned)p.last_ord);
        reply_json_str(&r->body, next);
    } else {
        writer_buf_puts(&r->body, "null");
    }
    writer_buf_puts(&r->body, "}\n");
    r->status = 200;
    return 0;
}
