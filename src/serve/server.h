/* server.h -- what the files of src/serve/ share: the server, a request
 * as a handler sees it, the response it builds (serve.h has the map). */
#ifndef DYAD_SERVE_SERVER_H
#define DYAD_SERVE_SERVER_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "io/writer.h"
#include "serve/metrics.h"
#include "serve/serve.h"
#include "serve/workers.h"
#include "store/store.h"

struct MHD_Connection;
struct gaz;

/* Limits (docs/api.md, "Limits"). */
#define SERVE_MAX_HEADERS (16 * 1024)   /* all header lines, bytes */
#define SERVE_MAX_RESPONSE (8u << 20)   /* /api/events stops adding rows */
#define SERVE_EVENTS_MAX 1000           /* limit= of /api/events */
#define SERVE_TOP_MAX 1000              /* top= of /api/stats */

/* One CAMEO code of the engine's table (GET /api/codes). */
typedef struct serve_code {
    char code[8];
    int quad;
    double goldstein;
    const char *name;            /* the engine's */
} serve_code;

typedef struct server {
    serve_config cfg;
    worker_pool *pool;
    serve_metrics metrics;
    char *web_root;              /* realpath of the dashboard's folder */
    const char *key;             /* API key, NULL none */
    size_t key_len;
    /* the write connection, opened at the first stored request */
    pthread_mutex_t write_mu;
    store *writer;
    serve_code *codes;           /* the CAMEO table, in code order */
    size_t ncodes;
    struct gaz *gaz;             /* country names */
} server;

/* A request as handlers see it. */
typedef struct req {
    server *srv;
    struct MHD_Connection *conn;
    const char *method, *path;
    const char *body;            /* NUL-terminated copy, "" when none */
    size_t body_len;
    worker *w;                   /* this request's worker, when the route
                                    asked for one */
    uint64_t deadline_ns;        /* CLOCK_MONOTONIC; queries stop there */
} req;

/* The response a handler builds. */
typedef struct resp {
    int status;
    const char *ctype;           /* default application/json */
    writer_buf body;
    const char *allow;           /* Allow: on 405 */
    int auth_challenge;          /* WWW-Authenticate: on 401 */
    int cache;                   /* static files: may be cached */
} resp;

/* ---- reply.c ------------------------------------------------------------ */

/* {"error":"MESSAGE","status":N} into r; returns 0 (handlers return it). */
int reply_error(resp *r, int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* A JSON string (escaped) or null when s is NULL. */
void reply_json_str(writer_buf *b, const char *s);
/* A number: integers without decimals, else %.3f; never -0. */
void reply_json_num(writer_buf *b, double v);

/* ---- args.c --------------------------------------------------------------- */

/* The query parameter's value, NULL when absent. */
const char *arg_get(const req *q, const char *name);
/* 0, or reply_error 400 naming the first parameter not in allowed
 * (NULL-terminated) or given twice; returns -1 then. */
int arg_check(const req *q, const char *const *allowed, resp *r);
/* name's value as an integer in [lo, hi], def when absent. 0, or -1 after
 * reply_error 400. */
int arg_long(const req *q, const char *name, long lo, long hi, long def,
             long *out, resp *r);
/* name as a flag: absent 0; "1", "true", "yes" 1; "0", "false", "no" 0;
 * anything else -1 after reply_error 400. */
int arg_flag(const req *q, const char *name, int *out, resp *r);

/* ---- filters.c ------------------------------------------------------------ */

/* The event filters of docs/api.md into q: from, to, actor, dyad, source,
 * target, code, quad, text. Strings point into the request. */
typedef struct filters {
    store_query q;
    char dyad[2][64];            /* source and target codes, upper case */
    char actor[64];
} filters;
#define FILTER_ARGS "from", "to", "actor", "dyad", "source", "target", \
                    "code", "quad", "text"
/* 0, or -1 after reply_error 400 naming the parameter and the rule. */
int filters_parse(const req *rq, filters *f, resp *r);
/* Sets the query's time limit (the request's deadline). */
void filters_deadline(const req *rq, store_query *q);
/* The store's error as a response: 503 when the time limit stopped it. */
int reply_store_error(resp *r, const req *rq, const store_error *err);

/* ---- auth.c --------------------------------------------------------------- */

/* (auth_key_file and serve_key_ok are in serve.h) */
/* Constant-time comparison of what the request gave with the key. */
int auth_equal(const char *given, size_t given_len, const char *key,
               size_t key_len);
/* 0 when the request carries the server's key (Authorization: Bearer KEY
 * or X-API-Key: KEY); else -1 after reply_error 401 (none given), 403
 * (wrong, or the server has no key). */
int auth_require(const req *rq, resp *r);

/* ---- static.c ------------------------------------------------------------- */

/* The dashboard's folder: dir, else web/ beside the binary's folder
 * (build/dyad -> web/), else PREFIX/share/dyad/web. The realpath, or NULL
 * after printing why. */
char *static_root(const char *dir);
/* GET of a file under the root ("/" is index.html). */
int static_get(const req *rq, resp *r);

/* ---- the endpoints (api_*.c) ----------------------------------------------- */

int api_code(const req *rq, resp *r);        /* POST /api/code */
int api_events(const req *rq, resp *r);      /* GET /api/events */
int api_stats(const req *rq, resp *r);       /* GET /api/stats */
int api_series(const req *rq, resp *r);      /* GET /api/series */
int api_actors(const req *rq, resp *r);      /* GET /api/actors */
int api_codes(const req *rq, resp *r);       /* GET /api/codes */
int api_plot(const req *rq, resp *r);        /* GET /api/plot.svg */
int api_health(const req *rq, resp *r);      /* GET /healthz */
int api_metrics(const req *rq, resp *r);     /* GET /metrics */

/* A readable name of an actor code into out (actor_names.c). */
void actor_name(const server *s, const char *code, char *out, size_t size);

/* The CAMEO table of the engine, for /api/codes (api_codes.c). 0 or -1. */
int codes_load(server *s);

/* ---- routes.c ------------------------------------------------------------- */

/* Runs the handler of method and path into r; *route receives the
 * metrics slot of the route (METRIC_*). */
void routes_dispatch(req *rq, resp *r, int *route);

uint64_t serve_now_ns(void);

#endif
