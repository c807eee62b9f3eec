/* args.c -- query parameters: a name not in the endpoint's list, or given
 * twice, is an error (a misspelt filter must not silently widen a query),
 * and numbers are parsed whole. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "serve/server.h"

const char *arg_get(const req *q, const char *name) {
    const char *v = MHD_lookup_connection_value(q->conn, MHD_GET_ARGUMENT_KIND,
                                                name);
    if (v) return v;
    /* "?explain" (no '=') is present with no value */
    return MHD_lookup_connection_value_n(q->conn, MHD_GET_ARGUMENT_KIND, name,
                                         strlen(name), NULL, NULL) == MHD_YES
               ? ""
               : NULL;
}

typedef struct check {
    const char *const *allowed;
    const char *bad;               /* the first offending name */
    int twice;
    const char *seen[32];
    size_t nseen;
} check;

static enum MHD_Result each_arg(void *cls, enum MHD_ValueKind kind,
                                const char *key, const char *value) {
    (void)kind;
    (void)value;
    check *c = cls;
    int ok = 0;
    for (const char *const *a = c->allowed; *a; a++)
        if (!strcmp(*a, key)) ok = 1;
    if (!ok) {
        c->bad = key;
        return MHD_NO;
    }
    for (size_t i = 0; i < c->nseen; i++)
        if (!strcmp(c->seen[i], key)) {
            c->bad = key;
            c->twice = 1;
            return MHD_NO;
        }
    if (c->nseen < sizeof c->seen / sizeof c->seen[0]) c->seen[c->nseen++] = key;
    return MHD_YES;
}

int arg_check(const req *q, const char *const *allowed, resp *r) {
    check c;
    memset(&c, 0, sizeof c);
    c.allowed = allowed;
    MHD_get_connection_values(q->conn, MHD_GET_ARGUMENT_KIND, each_arg, &c);
    if (!c.bad) return 0;
    if (c.twice) reply_error(r, 400, "parameter '%s' given twice", c.bad);
    else {
        char names[512] = "";
        for (const char *const *a = allowed; *a; a++) {
            size_t n = strlen(names);
            snprintf(names + n, sizeof names - n, "%s%s", n ? ", " : "", *a);
        }
        reply_error(r, 400, "unknown parameter '%s' (this endpoint takes: %s)",
                    c.bad, names[0] ? names : "none");
    }
    return -1;
}

int arg_long(const req *q, const char *name, long lo, long hi, long def,
             long *out, resp *r) {
    const char *v = arg_get(q, name);
    if (!v) {
        *out = def;
        return 0;
    }
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (!*v || *end || errno || n < lo || n > hi) {
        reply_error(r, 400, "%s: '%s' is not an integer from %ld to %ld", name,
                    v, lo, hi);
        return -1;
    }
    *out = n;
    return 0;
}

int arg_flag(const req *q, const char *name, int *out, resp *r) {
    const char *v = arg_get(q, name);
    *out = 0;
    if (!v) return 0;
    if (!*v || !strcmp(v, "1") || !strcmp(v, "true") || !strcmp(v, "yes")) {
        *out = 1;
        return 0;
    }
    if (!strcmp(v, "0") || !strcmp(v, "false") || !strcmp(v, "no")) return 0;
    reply_error(r, 400, "%s: '%s' is not a flag (1, true, 0 or false)", name, v);
    return -1;
}
