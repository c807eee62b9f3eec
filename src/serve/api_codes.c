/* api_codes.c -- GET /api/codes: the engine's CAMEO table (code, root,
 * name, quad class, Goldstein score) with each code's PLOVER type and
 * mode. The table is read once at start through the public API
 * (dyad_cameo_lookup over every code of two to four digits) and kept. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/plover.h"
#include "serve/server.h"

static int by_code(const void *a, const void *b) {
    return strcmp(((const serve_code *)a)->code, ((const serve_code *)b)->code);
}

int codes_load(server *s) {
    size_t cap = 512, n = 0;
    serve_code *v = malloc(cap * sizeof *v);
    if (!v) return -1;
    /* found by length, then sorted as strings: "01", "010", "0100", "011" */
    for (int len = 2; len <= 4; len++) {
        int lim = len == 2 ? 100 : len == 3 ? 1000 : 10000;
        for (int i = 0; i < lim; i++) {
            char code[8];
            snprintf(code, sizeof code, "%0*d", len, i);
            int quad;
            double g;
            const char *name;
            if (!dyad_cameo_lookup(s->cfg.engine, code, &quad, &g, &name)) continue;
            if (n == cap) {
                cap *= 2;
                serve_code *nv = realloc(v, cap * sizeof *nv);
                if (!nv) {
                    free(v);
                    return -1;
                }
                v = nv;
            }
            memcpy(v[n].code, code, sizeof code);
            v[n].quad = quad;
            v[n].goldstein = g;
            v[n].name = name;
            n++;
        }
    }
    qsort(v, n, sizeof *v, by_code);
    s->codes = v;
    s->ncodes = n;
    return 0;
}

int api_codes(const req *rq, resp *r) {
    static const char *const allowed[] = {"prefix", NULL};
    if (arg_check(rq, allowed, r) < 0) return 0;
    const char *prefix = arg_get(rq, "prefix");
    if (prefix && (strlen(prefix) > 4 || strspn(prefix, "0123456789") != strlen(prefix)))
        return reply_error(r, 400, "prefix: '%s' is not a CAMEO code prefix (up "
                                   "to 4 digits)", prefix);
    size_t plen = prefix ? strlen(prefix) : 0;
    const server *s = rq->srv;
    writer_buf *b = &r->body;
    writer_buf_puts(b, "{\"quad_classes\":{\"1\":\"verbal cooperation\",\"2\":"
                       "\"material cooperation\",\"3\":\"verbal conflict\","
                       "\"4\":\"material conflict\"},\"codes\":[");
    size_t k = 0;
    for (size_t i = 0; i < s->ncodes; i++) {
        const serve_code *c = &s->codes[i];
        if (plen && strncmp(c->code, prefix, plen)) continue;
        const plover_entry *p = plover_lookup(c->code, strlen(c->code));
        writer_buf_printf(b, "%s{\"code\":\"%s\",\"root\":\"%.2s\",\"name\":",
                          k++ ? "," : "", c->code, c->code);
        reply_json_str(b, c->name);
        writer_buf_printf(b, ",\"quad\":%d,\"goldstein\":", c->quad);
        reply_json_num(b, c->goldstein);
        writer_buf_puts(b, ",\"plover_type\":");
        reply_json_str(b, p ? p->type : "");
        writer_buf_puts(b, ",\"plover_mode\":");
        reply_json_str(b, p ? p->mode : "");
        writer_buf_putc(b, '}');
    }
    writer_buf_printf(b, "],\"count\":%zu}\n", k);
    r->status = 200;
    return 0;
}
