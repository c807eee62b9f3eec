/* server.c -- the HTTP daemon (libmicrohttpd): start-up, the limits on
 * every request (header bytes, body bytes, idle time, connections), the
 * access handler that gathers a request's body and hands it to routes.c,
 * and the responses' headers. The main thread waits for SIGINT or SIGTERM
 * and then stops the daemon, which finishes the requests in progress. */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <jansson.h>
#include <microhttpd.h>

#include "dl/dl.h"
#include "geo/gazetteer.h"
#include "serve/server.h"

#define CONNECTIONS_MAX 256
#define IDLE_SECONDS 30
/* MHD's buffer per connection: headers beyond it get MHD's own 431 */
#define CONNECTION_MEMORY (64 * 1024)

void serve_config_init(serve_config *c) {
    memset(c, 0, sizeof *c);
    c->listen = "127.0.0.1:8080";
    c->threads = 4;
    c->max_body = 1u << 20;
    c->timeout_ms = 10000;
}

/* One request's state across the access handler's calls. */
typedef struct conn_ctx {
    uint64_t start_ns;
    writer_buf body;
    int too_big;                   /* the body passed max_body: dropped */
} conn_ctx;


static enum MHD_Result add_header_len(void *cls, enum MHD_ValueKind kind,
                                      const char *key, const char *value) {
    (void)kind;
    size_t *n = cls;
    *n += strlen(key) + (value ? strlen(value) : 0) + 4;
    return MHD_YES;
}

static size_t header_bytes(struct MHD_Connection *c) {
    size_t n = 0;
    MHD_get_connection_values(c, MHD_HEADER_KIND, add_header_len, &n);
    return n;
}

static enum MHD_Result send_resp(server *s, struct MHD_Connection *c,
                                 conn_ctx *x, resp *r, int metric) {
    if (r->body.failed) reply_error(r, 500, "out of memory");
    struct MHD_Response *mr;
    if (r->body.len) {
        mr = MHD_create_response_from_buffer(r->body.len, r->body.p,
                                             MHD_RESPMEM_MUST_FREE);
        if (mr) r->body.p = NULL;  /* MHD frees it */
    } else {
        mr = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    }
    free(r->body.p);
    r->body.p = NULL;
    if (!mr) return MHD_NO;
    const char *ct = r->ctype ? r->ctype : "application/json";
    MHD_add_response_header(mr, MHD_HTTP_HEADER_CONTENT_TYPE, ct);
    MHD_add_response_header(mr, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(mr, MHD_HTTP_HEADER_CACHE_CONTROL,
                            r->cache ? "no-cache" : "no-store");
    if (!strncmp(ct, "text/html", 9))
        /* the dashboard loads nothing from anywhere but this server */
        MHD_add_response_header(mr, "Content-Security-Policy",
                                "default-src 'self'; img-src 'self' data:; "
                                "frame-ancestors 'none'; form-action 'self'");
    if (r->allow) MHD_add_response_header(mr, MHD_HTTP_HEADER_ALLOW, r->allow);
    if (r->auth_challenge)
        MHD_add_response_header(mr, MHD_HTTP_HEADER_WWW_AUTHENTICATE,
                                "Bearer realm=\"dyad\"");
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)r->status, mr);
    MHD_destroy_response(mr);
    metrics_request(&s->metrics, metric, r->status, serve_now_ns() - x->start_ns);
    return ok;
}

/* An error answered before the body is read. */
static enum MHD_Result send_early(server *s, struct MHD_Connection *c,
                                  conn_ctx *x, int status, const char *msg) {
    resp r;
    memset(&r, 0, sizeof r);
    reply_error(&r, status, "%s", msg);
    return send_resp(s, c, x, &r, METRIC_OTHER);
}

static enum MHD_Result access_cb(void *cls, struct MHD_Connection *c,
                                 const char *url, const char *method,
                                 const char *version, const char *upload,
                                 size_t *upload_size, void **con_cls) {
    (void)version;
    server *s = cls;
    conn_ctx *x = *con_cls;
    if (!x) {
        x = calloc(1, sizeof *x);
        if (!x) return MHD_NO;
        x->start_ns = serve_now_ns();
        *con_cls = x;
        atomic_fetch_add(&s->metrics.in_flight, 1);
        if (header_bytes(c) > SERVE_MAX_HEADERS) {
            char msg[96];
            snprintf(msg, sizeof msg, "request headers larger than %d bytes",
                     SERVE_MAX_HEADERS);
            return send_early(s, c, x, 431, msg);
        }
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                     MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (cl && strtoull(cl, NULL, 10) > s->cfg.max_body) {
            char msg[96];
            snprintf(msg, sizeof msg, "request body larger than %zu bytes",
                     s->cfg.max_body);
            return send_early(s, c, x, 413, msg);
        }
        return MHD_YES;
    }
    if (*upload_size) {
        if (!x->too_big && x->body.len + *upload_size > s->cfg.max_body) {
            x->too_big = 1;        /* chunked: known only once it is over */
            free(x->body.p);
            memset(&x->body, 0, sizeof x->body);
        }
        if (!x->too_big) writer_buf_put(&x->body, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    if (x->too_big) {
        char msg[96];
        snprintf(msg, sizeof msg, "request body larger than %zu bytes",
                 s->cfg.max_body);
        return send_early(s, c, x, 413, msg);
    }
    writer_buf_putc(&x->body, '\0');   /* handlers get a C string */
    if (x->body.failed) return send_early(s, c, x, 500, "out of memory");
    req rq;
    memset(&rq, 0, sizeof rq);
    rq.srv = s;
    rq.conn = c;
    rq.method = method;
    rq.path = url;
    rq.body = x->body.p;
    rq.body_len = x->body.len - 1;
    resp r;
    memset(&r, 0, sizeof r);
    r.status = 500;
    int metric = METRIC_OTHER;
    routes_dispatch(&rq, &r, &metric);
    if (!r.body.len && r.status >= 400) reply_error(&r, r.status, "internal error");
    return send_resp(s, c, x, &r, metric);
}

static void completed_cb(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode why) {
    (void)c;
    (void)why;
    server *s = cls;
    conn_ctx *x = *con_cls;
    if (!x) return;
    free(x->body.p);
    free(x);
    *con_cls = NULL;
    atomic_fetch_sub(&s->metrics.in_flight, 1);
}

static void mhd_log(void *cls, const char *fmt, va_list ap) {
    (void)cls;
    fputs("dyad: serve: ", stderr);
    vfprintf(stderr, fmt, ap);
}

/* "HOST:PORT", "[V6]:PORT" or ":PORT" (loopback) into *ss; -1 after
 * printing why. *loopback says whether only this machine can connect. */
static int parse_listen(const char *spec, struct sockaddr_storage *ss,
                        int *v6, int *loopback) {
    char host[128];
    const char *port;
    if (spec[0] == '[') {
        const char *end = strchr(spec, ']');
        if (!end || end[1] != ':' || (size_t)(end - spec - 1) >= sizeof host) goto bad;
        memcpy(host, spec + 1, (size_t)(end - spec - 1));
        host[end - spec - 1] = '\0';
        port = end + 2;
    } else {
        const char *colon = strrchr(spec, ':');
        if (!colon || (size_t)(colon - spec) >= sizeof host) goto bad;
        memcpy(host, spec, (size_t)(colon - spec));
        host[colon - spec] = '\0';
        port = colon + 1;
    }
    if (!*host || !strcmp(host, "localhost")) snprintf(host, sizeof host, "127.0.0.1");
    char *end;
    long p = strtol(port, &end, 10);
    if (!*port || *end || p < 0 || p > 65535) goto bad;
    struct addrinfo hints, *ai = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, port, &hints, &ai) != 0 || !ai) goto bad;
    memset(ss, 0, sizeof *ss);
    memcpy(ss, ai->ai_addr, ai->ai_addrlen);
    *v6 = ai->ai_family == AF_INET6;
    freeaddrinfo(ai);
    if (*v6) {
        const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)ss;
        *loopback = IN6_IS_ADDR_LOOPBACK(&a->sin6_addr);
    } else {
        const struct sockaddr_in *a = (const struct sockaddr_in *)ss;
        *loopback = (ntohl(a->sin_addr.s_addr) >> 24) == 127;
    }
    return 0;
bad:
    fprintf(stderr, "dyad: serve: --listen takes ADDRESS:PORT (127.0.0.1:8080, "
                    "[::1]:8080; port 0 picks a free one), not '%s'\n", spec);
    return -1;
}

static void server_free(server *s) {
    workers_free(s->pool);
    store_close(s->writer);
    pthread_mutex_destroy(&s->write_mu);
    gaz_free(s->gaz);
    free(s->codes);
    free(s->web_root);
}

/* A new database, when storing is allowed and the file does not exist, so
 * a server may start on an empty store. A server database (postgresql://)
 * always exists: with a key, a write connection makes its tables when it
 * has none (and, as the first stored document would, migrates older ones)
 * before the read-only workers check them. */
static int ensure_db(const server *s) {
    const char *db = s->cfg.db;
    const char *path = strncmp(db, "sqlite:", 7) ? db : db + 7;
    if (strstr(db, "://")) {
        if (!s->key) return 0;
    } else if (access(path, F_OK) == 0) {
        return 0;
    } else if (!s->key) {
        fprintf(stderr, "dyad: serve: %s: no such database (store events with "
                        "dyad code --db first, or give an API key to store "
                        "into a new one)\n", path);
        return -1;
    }
    store_error err;
    store *st = store_open(db, STORE_WRITE, &err);
    if (!st) {
        fprintf(stderr, "dyad: serve: %s\n", err.msg);
        return -1;
    }
    store_close(st);
    return 0;
}

int serve_run(const serve_config *c) {
    server s;
    memset(&s, 0, sizeof s);
    s.cfg = *c;
    if (!s.cfg.threads) s.cfg.threads = 1;
    char why[512];
    if (mhd_load(why, sizeof why) < 0) { /* dl/dl.h */
        fprintf(stderr, "dyad: serve: %s\n", why);
        return 2;
    }
    pthread_mutex_init(&s.write_mu, NULL);
    metrics_init(&s.metrics);
    s.metrics.started_ns = serve_now_ns();
    s.key = c->api_key;
    s.key_len = c->api_key ? strlen(c->api_key) : 0;
    struct sockaddr_storage ss;
    int v6, loopback;
    if (parse_listen(c->listen, &ss, &v6, &loopback) < 0) goto fail;
    if (!(s.web_root = static_root(c->web_dir))) goto fail;
    if (ensure_db(&s) < 0) goto fail;
    store_error err;
    s.pool = workers_new(s.cfg.threads, c->db, &err);
    if (!s.pool) {
        fprintf(stderr, "dyad: serve: %s\n", err.msg);
        goto fail;
    }
    if (codes_load(&s) < 0 || !(s.gaz = gaz_new(NULL))) {
        fprintf(stderr, "dyad: out of memory\n");
        goto fail;
    }
    json_object_seed(0);           /* before any thread builds a json_t */
    if (!loopback)
        fprintf(stderr, "dyad: serve: warning: %s is not a loopback address: "
                        "anyone who can reach it can read the events\n", c->listen);

    /* the HTTP threads inherit this mask: the signals come to sigwait */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);

    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO |
                     MHD_USE_ERROR_LOG | (v6 ? MHD_USE_IPv6 : 0);
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, 0, NULL, NULL, access_cb, &s,
        MHD_OPTION_EXTERNAL_LOGGER, mhd_log, &s,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)s.cfg.threads,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)CONNECTIONS_MAX,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_SECONDS,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONNECTION_MEMORY,
        MHD_OPTION_NOTIFY_COMPLETED, completed_cb, &s,
        MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "dyad: serve: cannot listen on %s: %s\n", c->listen,
                strerror(errno));
        goto fail;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    unsigned port = info ? info->port : 0;
    char host[INET6_ADDRSTRLEN] = "?";
    if (v6) inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, host, sizeof host);
    else inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, host, sizeof host);
    if (c->port_file) {
        FILE *f = fopen(c->port_file, "w");
        if (!f || fprintf(f, "%u\n", port) < 0 || fclose(f) != 0)
            fprintf(stderr, "dyad: serve: %s: cannot write the port\n", c->port_file);
    }
    fprintf(stderr, "dyad: serving http://%s%s%s:%u/ (%s, %u threads%s)\n",
            v6 ? "[" : "", host, v6 ? "]" : "", port, c->db, s.cfg.threads,
            s.key ? ", writes with the API key" : ", read-only");
    int sig = 0;
    sigwait(&sigs, &sig);
    fprintf(stderr, "dyad: serve: %s: stopping\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    MHD_stop_daemon(d);
    server_free(&s);
    return 0;
fail:
    server_free(&s);
    return 2;
}
