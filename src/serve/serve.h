/* serve.h -- `dyad serve`: an HTTP API and a web dashboard over the event
 * store, on libmicrohttpd. The command (cli/cmd_serve.c) fills a
 * serve_config and calls serve_run; everything else is behind it:
 *
 *   server.c     the daemon: options, limits, the access handler, signals
 *   routes.c     the table of endpoints and their dispatch
 *   reply.c      responses: JSON bodies, JSON errors, headers
 *   args.c       query parameters: lookup, unknown names, numbers
 *   filters.c    the event filters shared by /api/events, stats, series
 *   workers.c    the bounded pool of workers (a dyad_doc and a read-only
 *                store connection each)
 *   auth.c       the API key: loading, constant-time comparison
 *   metrics.c    request counts, latency histograms, /metrics
 *   static.c     the dashboard's files (web/), confined to their folder
 *   api_*.c      one file per endpoint or pair of endpoints
 *
 * The engine is shared by every worker; each worker codes with its own
 * dyad_doc and reads through its own read-only connection, so a `dyad
 * code --db` run may write the same SQLite file (WAL) meanwhile. Writes
 * (POST /api/code?store=1) go through one write connection, one
 * transaction per request, and need the API key. docs/api.md documents
 * the endpoints.
 */
#ifndef DYAD_SERVE_H
#define DYAD_SERVE_H

#include <stddef.h>

#include "dyad.h"

typedef struct serve_config {
    const char *db;              /* --db: the event store */
    const char *listen;          /* "127.0.0.1:8080", "[::1]:0" (0: any
                                    free port) */
    const char *api_key;         /* NULL: writes are refused */
    const char *web_dir;         /* the dashboard's folder; NULL: found
                                    beside the binary */
    const char *port_file;       /* written with the bound port, or NULL */
    unsigned threads;            /* workers and HTTP threads */
    size_t max_body;             /* request body, bytes */
    unsigned timeout_ms;         /* time per request (queries) */
    const dyad_engine *engine;   /* shared, read-only */
} serve_config;

/* Defaults: 127.0.0.1:8080, 4 threads, 1 MB bodies, 10 s. */
void serve_config_init(serve_config *c);

/* The API key of --api-key-file F (its first line), a new string; NULL
 * after printing why. */
char *auth_key_file(const char *path);
/* Whether key may be the API key (16 to 256 printable bytes, no blanks);
 * prints why not. */
int serve_key_ok(const char *key);

/* Runs the server until SIGINT or SIGTERM. Prints
 *     dyad: serving http://127.0.0.1:8080/ (events.sqlite, 4 threads)
 * on stderr once it listens. Returns 0, or 2 after printing why it could
 * not start. */
int serve_run(const serve_config *c);

#endif
