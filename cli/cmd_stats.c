/* cmd_stats.c -- `dyad stats --db FILE --by day|week|month|year [filters]
 * [--top N] [--format tsv|json]`: aggregates of stored events
 * (store/stats.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "io/writer.h"
#include "store/stats.h"
#include "store_opts.h"

int cmd_stats(int argc, char **argv) {
    store_opts o;
    store_opts_init(&o);
    const char *format = "tsv";
    store_period by = STORE_BY_MONTH;
    long top = 10;
    for (int i = 1; i < argc; i++) {
        int r = store_opts_parse(&o, argc, argv, &i);
        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        const char *a = argv[i];
        if (!strcmp(a, "--format") && i + 1 < argc) {
            format = argv[++i];
            if (strcmp(format, "tsv") && strcmp(format, "json")) {
                fprintf(stderr, "dyad: stats: unknown format '%s' (valid: tsv, json)\n",
                        format);
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--by") && i + 1 < argc) {
            if (store_period_parse(argv[++i], &by) < 0) {
                fprintf(stderr, "dyad: stats: --by takes day, week, month or "
                                "year, not '%s'\n", argv[i]);
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--top") && i + 1 < argc) {
            char *end;
            top = strtol(argv[++i], &end, 10);
            if (*end || top < 0 || top > 1000000) {
                fprintf(stderr, "dyad: stats: --top takes 0..1000000\n");
                return EXIT_USAGE;
            }
        } else {
            fprintf(stderr, "dyad: stats: unknown option '%s'\n", a);
            return EXIT_USAGE;
        }
    }
    store *st = store_opts_open(&o, "stats");
    if (!st) return EXIT_USAGE;
    if (cli_output_open() < 0) {
        store_close(st);
        return EXIT_OUTPUT;
    }
    stats *s = stats_new(by, o.dedup);
    if (!s) {
        fprintf(stderr, "dyad: out of memory\n");
        store_close(st);
        return EXIT_NOMEM;
    }
    o.q.light = 1;
    o.q.order = o.dedup ? STORE_ORDER_DEDUP : STORE_ORDER_DOC;
    store_error err;
    err.msg[0] = '\0';
    int rc = store_scan(st, &o.q, stats_row, s, &err);
    writer_buf b = {0};
    int status = EXIT_OK;
    if (rc == 0 && (rc = stats_write(s, format, (size_t)top, &b)) != 0)
        status = EXIT_NOMEM;
    else if (rc != 0)
        status = EXIT_REJECTED;
    if (rc != 0)
        fprintf(stderr, "dyad: stats: %s\n",
                err.msg[0] ? err.msg : "out of memory");
    /* a write error is reported by cli_finish, with its reason */
    if (rc == 0 && b.len) fwrite(b.p, 1, b.len, stdout);
    free(b.p);
    stats_free(s);
    store_close(st);
    return status;
}
