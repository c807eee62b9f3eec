/* pg_schema.h -- the PostgreSQL event store's tables and their versions
 * (store/pg_schema.c).
 *
 * The same tables, columns and view as the SQLite store (store/schema.h,
 * docs/output.md), with PostgreSQL types; actor and event codes and
 * document ids are COLLATE "C", so prefix ranges and the dedup order are
 * byte order, as in SQLite. The version lives in meta ('schema_version'),
 * beside meta ('application', 'dyad event store'), since PostgreSQL has no
 * user_version. A PostgreSQL store starts at version 2, the SQLite
 * store's version 2 tables (version 1 never existed there), and is
 * migrated by the same steps as SQLite's after that (3: places, quotes,
 * documents.nquotes); a later version is a new step here and in schema.c.
 *
 * The tables live in the connection's current schema (search_path), so a
 * team may keep several stores in one database, one per schema.
 */
#ifndef DYAD_STORE_PG_SCHEMA_H
#define DYAD_STORE_PG_SCHEMA_H

#include <libpq-fe.h>

#include "store/store.h"

#define PG_SCHEMA_VERSION 3

/* The advisory lock every writer of a store holds during its transaction
 * ('dyad' and 'schm'): schema changes and batches are serialised, so a
 * document re-coded by two writers at once is replaced, not doubled. */
#define PG_LOCK_SCHEMA 0x6479616473636865LL
#define PG_LOCK_WRITE 0x6479616477726974LL

/* Brings the store on c (name: the target as shown in messages) to the
 * current version: creates the tables when write is set and the database
 * has none, migrates older ones, refuses a newer version and tables of
 * another application. One transaction. 0 or -1 with err set. */
int pg_schema_upgrade(PGconn *c, const char *name, int write,
                      store_error *err);

/* For a read-only connection (STORE_READONLY): 0 when the store on c is
 * at the current version, else -1 with err naming the database and the
 * version found against the one expected. Only reads, takes no lock. */
int pg_schema_check(PGconn *c, const char *name, store_error *err);

#endif
