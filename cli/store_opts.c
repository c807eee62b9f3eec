/* store_opts.c -- options shared by dyad export and dyad stats. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "store_opts.h"

void store_opts_init(store_opts *o) {
    memset(o, 0, sizeof *o);
    store_query_init(&o->q);
}

static int date_arg(const char *opt, const char *v, uint32_t *out) {
    *out = dyad_parse_date(v, strlen(v));
    if (*out) return 1;
    fprintf(stderr, "dyad: %s: invalid date '%s' (YYYY-MM-DD or YYYYMMDD)\n",
            opt, v);
    return -1;
}

int store_opts_parse(store_opts *o, int argc, char **argv, int *i) {
    const char *a = argv[*i];
    int has = *i + 1 < argc;
    if (!strcmp(a, "--dedup")) {
        o->dedup = 1;
        return 1;
    }
    if (!has) return 0;
    const char *v = argv[*i + 1];
    int rc = 1;
    if (!strcmp(a, "--db")) o->db = v;
    else if (!strcmp(a, "--from")) rc = date_arg(a, v, &o->q.from);
    else if (!strcmp(a, "--to")) rc = date_arg(a, v, &o->q.to);
    else if (!strcmp(a, "--actor")) o->q.actor = v;
    else if (!strcmp(a, "--code")) o->q.code = v;
    else if (!strcmp(a, "--dyad")) {
        const char *c = strchr(v, ':');
        size_t n = c ? (size_t)(c - v) : 0;
        if (!c || !n || !c[1] || n >= sizeof o->dyad[0] ||
            strlen(c + 1) >= sizeof o->dyad[1]) {
            fprintf(stderr, "dyad: --dyad takes SOURCE:TARGET (codes or "
                            "prefixes, e.g. USA:CHN), not '%s'\n", v);
            return -1;
        }
        memcpy(o->dyad[0], v, n);
        o->dyad[0][n] = '\0';
        snprintf(o->dyad[1], sizeof o->dyad[1], "%s", c + 1);
        o->q.source = o->dyad[0];
        o->q.target = o->dyad[1];
    } else {
        return 0;
    }
    if (rc > 0) (*i)++;
    return rc;
}

store *store_opts_open(const store_opts *o, const char *cmd) {
    if (!o->db) {
        fprintf(stderr, "dyad: %s: --db FILE is required\n", cmd);
        return NULL;
    }
    if (o->q.from && o->q.to && o->q.from > o->q.to) {
        fprintf(stderr, "dyad: %s: --from %u is after --to %u\n", cmd,
                (unsigned)o->q.from, (unsigned)o->q.to);
        return NULL;
    }
    store_error err;
    store *st = store_open(o->db, STORE_READ, &err);
    if (!st) fprintf(stderr, "dyad: %s\n", err.msg);
    return st;
}
