/* cmd_serve.c -- `dyad serve --db FILE [--listen ADDR:PORT] [--api-key KEY |
 * --api-key-file F] [--threads N] [--web DIR] [--max-body BYTES]
 * [--timeout MS] [--port-file F] [dictionary options]`: the HTTP API and
 * the dashboard (src/serve/serve.h, docs/api.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "serve/serve.h"

static int number(const char *opt, const char *v, unsigned long lo,
                  unsigned long hi, unsigned long *out) {
    char *end;
    unsigned long n = strtoul(v, &end, 10);
    if (!*v || *end || *v == '-' || n < lo || n > hi) {
        fprintf(stderr, "dyad: serve: %s takes %lu..%lu, not '%s'\n", opt, lo, hi, v);
        return -1;
    }
    *out = n;
    return 0;
}

static void usage(FILE *f) {
    fputs("usage: dyad serve --db FILE [--listen ADDR:PORT] [--api-key KEY | "
          "--api-key-file F]\n"
          "                  [--threads N] [--web DIR] [--max-body BYTES] "
          "[--timeout MS]\n"
          "                  [--port-file F] [dictionary options]\n"
          "  HTTP API and dashboard over an event store (docs/api.md); "
          "127.0.0.1:8080 by\n"
          "  default, read-only without an API key; SIGINT or SIGTERM stop it\n",
          f);
}

int cmd_serve(int argc, char **argv) {
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage(stdout);
            return EXIT_OK;
        }
    serve_config c;
    serve_config_init(&c);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    c.threads = cores > 0 && cores < 8 ? (unsigned)cores * 2 : 8;
    dict_opts d;
    memset(&d, 0, sizeof d);
    const char *key_file = NULL;
    char *key = NULL;
    for (int i = 1; i < argc; i++) {
        int r = dict_opts_parse(&d, argc, argv, &i);
        if (r < 0) goto bad;
        if (r > 0) continue;
        const char *a = argv[i];
        if (i + 1 >= argc) {
            fprintf(stderr, "dyad: serve: unknown option or missing value '%s'\n", a);
            goto bad;
        }
        const char *v = argv[++i];
        unsigned long n;
        if (!strcmp(a, "--db")) c.db = v;
        else if (!strcmp(a, "--listen")) c.listen = v;
        else if (!strcmp(a, "--api-key")) c.api_key = v;
        else if (!strcmp(a, "--api-key-file")) key_file = v;
        else if (!strcmp(a, "--web")) c.web_dir = v;
        else if (!strcmp(a, "--port-file")) c.port_file = v;
        else if (!strcmp(a, "--threads")) {
            if (number(a, v, 1, 256, &n) < 0) goto bad;
            c.threads = (unsigned)n;
        } else if (!strcmp(a, "--max-body")) {
            if (number(a, v, 1024, 64ul << 20, &n) < 0) goto bad;
            c.max_body = n;
        } else if (!strcmp(a, "--timeout")) {
            if (number(a, v, 100, 600000, &n) < 0) goto bad;
            c.timeout_ms = (unsigned)n;
        } else {
            fprintf(stderr, "dyad: serve: unknown option '%s'\n", a);
            goto bad;
        }
    }
    if (!c.db) {
        fprintf(stderr, "dyad: serve: --db FILE is required\n");
        goto bad;
    }
    if (c.api_key && key_file) {
        fprintf(stderr, "dyad: serve: give --api-key or --api-key-file, not both\n");
        goto bad;
    }
    if (key_file && !(key = auth_key_file(key_file))) goto bad;
    if (key) c.api_key = key;
    if (c.api_key && !serve_key_ok(c.api_key)) goto bad;
    dyad_engine *e = dict_opts_load(&d);
    if (!e) {
        dict_opts_free(&d);
        free(key);
        return EXIT_USAGE;
    }
    c.engine = e;
    int rc = serve_run(&c);
    dyad_engine_free(e);
    dict_opts_free(&d);
    free(key);
    return rc ? EXIT_USAGE : EXIT_OK;
bad:
    usage(stderr);
    dict_opts_free(&d);
    free(key);
    return EXIT_USAGE;
}
