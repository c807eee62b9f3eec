/* schema.h -- the SQLite event store's tables, their versions and the
 * forward migrations between them (store/schema.c).
 *
 * The version is the database's PRAGMA user_version; PRAGMA application_id
 * marks the file as a dyad store. A new database is created at version 1
 * and migrated to the current version by the same steps that migrate an
 * old one, so every migration runs on every new database too.
 *
 *   1  documents, sentences, events, codes, batches, meta
 *   2  events.event_id (io/event_id.h), the actor columns (source_country,
 *      source_agent, target_country, target_agent), the PLOVER columns of
 *      codes, the dyad index events(source, target, date, ...) and the
 *      events_full view
 *   3  the events' places (place_name ... place_in_title) and quotation
 *      (events.quote), the quotes table, documents.nquotes, events_full
 *      with the place columns and the quotation's speaker
 *
 * docs/output.md documents every table and column.
 */
#ifndef DYAD_STORE_SCHEMA_H
#define DYAD_STORE_SCHEMA_H

#include <sqlite3.h>

#include "store/store.h"

#define SCHEMA_VERSION 3
/* 'dyad' as PRAGMA application_id */
#define SCHEMA_APPLICATION_ID 0x64796164

/* Registers the SQL functions the migrations use: dyad_event_id(doc_id,
 * sentence, source, target, code, source_off, source_len, verb_off,
 * verb_len, target_off, target_len), dyad_actor(code, part) with part
 * "country", "agent" (the first type block), and dyad_plover(code, part)
 * with part "type", "mode" or "context". 0 or -1. */
int schema_functions(sqlite3 *db);

/* Brings db (opened on path, which names it in messages) to version
 * `target`: creates version 1 in an empty database, then migrates. Fails
 * on a database of another application or of a newer version. The whole
 * upgrade is one transaction: it happens entirely or not at all. 0 or -1
 * with err set. */
int schema_upgrade(sqlite3 *db, const char *path, int target,
                   store_error *err);

/* The database's user_version, -1 on error. */
int schema_version(sqlite3 *db);

#endif
