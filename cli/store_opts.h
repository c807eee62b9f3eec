/* store_opts.h -- the options dyad export and dyad stats share: the
 * database and which events (store/store.h's store_query). */
#ifndef DYAD_CLI_STORE_OPTS_H
#define DYAD_CLI_STORE_OPTS_H

#include "store/store.h"

typedef struct store_opts {
    const char *db;        /* --db FILE */
    store_query q;         /* --from --to --actor --code --dyad */
    int dedup;             /* --dedup */
    char dyad[2][64];      /* --dyad SRC:TGT, split */
} store_opts;

void store_opts_init(store_opts *o);
/* Tries to consume argv[*i] (and its value): 1 consumed, 0 not one of
 * these options, -1 a usage error (printed). */
int store_opts_parse(store_opts *o, int argc, char **argv, int *i);
/* Opens o->db for reading; NULL after printing why (also when --db is
 * missing). */
store *store_opts_open(const store_opts *o, const char *cmd);

#endif
