/* schema.c -- the SQLite event store's DDL, one script per version step,
 * and the functions the migrations call (store/schema.h).
 *
 * Never edit a step once released: a database made by it exists somewhere.
 * A change is a new step (an ALTER TABLE, an UPDATE that fills the new
 * column from the old ones, new indexes) and SCHEMA_VERSION + 1.
 */
#include <stdio.h>
#include <string.h>

#include "io/event_id.h"
#include "io/plover.h"
#include "store/actor.h"
#include "store/schema.h"

/* Version 1: the tables. */
static const char step1[] =
    "CREATE TABLE meta (\n"
    "  key TEXT PRIMARY KEY,\n"
    "  value TEXT\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE batches (\n"
    "  batch INTEGER PRIMARY KEY,\n"
    "  documents INTEGER NOT NULL DEFAULT 0,\n"
    "  events INTEGER NOT NULL DEFAULT 0,\n"
    "  committed_at TEXT\n"
    ");\n"
    "CREATE TABLE documents (\n"
    "  doc_key INTEGER PRIMARY KEY,\n"
    "  doc_id TEXT NOT NULL UNIQUE,\n"
    "  date INTEGER,\n"
    "  date_text TEXT,\n"
    "  publisher TEXT,\n"
    "  title TEXT,\n"
    "  url TEXT,\n"
    "  fields TEXT,\n"
    "  text TEXT,\n"
    "  file TEXT,\n"
    "  line INTEGER,\n"
    "  nsentences INTEGER NOT NULL,\n"
    "  nevents INTEGER NOT NULL,\n"
    "  lead_sentence INTEGER NOT NULL,\n"
    "  discarded INTEGER NOT NULL,\n"
    "  invalid_bytes INTEGER NOT NULL,\n"
    "  batch INTEGER NOT NULL,\n"
    "  coded_at TEXT NOT NULL\n"
    ");\n"
    "CREATE TABLE sentences (\n"
    "  doc_key INTEGER NOT NULL,\n"
    "  sentence INTEGER NOT NULL,\n"
    "  in_title INTEGER NOT NULL,\n"
    "  off INTEGER NOT NULL,\n"
    "  len INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  PRIMARY KEY (doc_key, sentence)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE codes (\n"
    "  code TEXT PRIMARY KEY,\n"
    "  root TEXT NOT NULL,\n"
    "  name TEXT,\n"
    "  quad INTEGER,\n"
    "  goldstein REAL\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE events (\n"
    "  doc_key INTEGER NOT NULL,\n"
    "  ord INTEGER NOT NULL,\n"
    "  date INTEGER,\n"
    "  sentence INTEGER NOT NULL,\n"
    "  source TEXT NOT NULL,\n"
    "  target TEXT NOT NULL,\n"
    "  code TEXT NOT NULL,\n"
    "  root TEXT NOT NULL,\n"
    "  quad INTEGER NOT NULL,\n"
    "  goldstein REAL NOT NULL,\n"
    "  source_text TEXT,\n"
    "  verb_text TEXT,\n"
    "  target_text TEXT,\n"
    "  issues TEXT,\n"
    "  rule TEXT,\n"
    "  source_off INTEGER NOT NULL,\n"
    "  source_len INTEGER NOT NULL,\n"
    "  verb_off INTEGER NOT NULL,\n"
    "  verb_len INTEGER NOT NULL,\n"
    "  target_off INTEGER NOT NULL,\n"
    "  target_len INTEGER NOT NULL,\n"
    "  in_title INTEGER NOT NULL,\n"
    "  PRIMARY KEY (doc_key, ord)\n"
    ") WITHOUT ROWID;\n"
    "INSERT INTO meta VALUES ('application', 'dyad event store');\n";

/* Version 2: stable event ids, actor parts, PLOVER, the dyad index. */
static const char step2[] =
    "ALTER TABLE events ADD COLUMN event_id TEXT;\n"
    "ALTER TABLE events ADD COLUMN source_country TEXT;\n"
    "ALTER TABLE events ADD COLUMN source_agent TEXT;\n"
    "ALTER TABLE events ADD COLUMN target_country TEXT;\n"
    "ALTER TABLE events ADD COLUMN target_agent TEXT;\n"
    "UPDATE events SET\n"
    "  event_id = dyad_event_id((SELECT doc_id FROM documents d\n"
    "                            WHERE d.doc_key = events.doc_key),\n"
    "      sentence, source, target, code, source_off, source_len,\n"
    "      verb_off, verb_len, target_off, target_len),\n"
    "  source_country = dyad_actor(source, 'country'),\n"
    "  source_agent = dyad_actor(source, 'agent'),\n"
    "  target_country = dyad_actor(target, 'country'),\n"
    "  target_agent = dyad_actor(target, 'agent');\n"
    "ALTER TABLE codes ADD COLUMN plover_type TEXT;\n"
    "ALTER TABLE codes ADD COLUMN plover_mode TEXT;\n"
    "ALTER TABLE codes ADD COLUMN plover_context TEXT;\n"
    "UPDATE codes SET plover_type = dyad_plover(code, 'type'),\n"
    "  plover_mode = dyad_plover(code, 'mode'),\n"
    "  plover_context = dyad_plover(code, 'context');\n"
    "CREATE INDEX events_dyad ON events\n"
    "  (source, target, date, code, root, quad, goldstein);\n"
    "CREATE VIEW events_full AS SELECT\n"
    "  e.event_id, d.doc_id, e.date, d.publisher, d.title, d.url,\n"
    "  e.sentence, e.in_title, e.source, e.source_country, e.source_agent,\n"
    "  e.target, e.target_country, e.target_agent, e.code, e.root,\n"
    "  c.name AS cameo_name, e.quad, e.goldstein, c.plover_type,\n"
    "  c.plover_mode, c.plover_context, e.source_text, e.verb_text,\n"
    "  e.target_text, s.text AS sentence_text, e.issues, e.rule,\n"
    "  s.off AS sentence_off, s.len AS sentence_len, e.source_off,\n"
    "  e.source_len, e.verb_off, e.verb_len, e.target_off, e.target_len,\n"
    "  d.batch, d.coded_at\n"
    "FROM events e JOIN documents d ON d.doc_key = e.doc_key\n"
    "LEFT JOIN sentences s ON s.doc_key = e.doc_key AND s.sentence = e.sentence\n"
    "LEFT JOIN codes c ON c.code = e.code;\n";

/* Version 3: where each event happened (its place: the gazetteer entry
 * named in its clause or the dateline) and which quotation it was coded
 * from; the documents' quotations, with their speakers; events_full with
 * the place columns. Events stored before have no place and no quote
 * (NULL), and documents.nquotes NULL says their quotations were not kept:
 * coding them again fills both. */
static const char step3[] =
    "ALTER TABLE events ADD COLUMN place_name TEXT;\n"
    "ALTER TABLE events ADD COLUMN place_geonameid INTEGER;\n"
    "ALTER TABLE events ADD COLUMN place_gazetteer_name TEXT;\n"
    "ALTER TABLE events ADD COLUMN place_admin1 TEXT;\n"
    "ALTER TABLE events ADD COLUMN place_admin1_code TEXT;\n"
    "ALTER TABLE events ADD COLUMN place_country TEXT;\n"
    "ALTER TABLE events ADD COLUMN place_lat REAL;\n"
    "ALTER TABLE events ADD COLUMN place_lon REAL;\n"
    "ALTER TABLE events ADD COLUMN place_level TEXT;\n"
    "ALTER TABLE events ADD COLUMN place_source TEXT;\n"
    "ALTER TABLE events ADD COLUMN place_off INTEGER;\n"
    "ALTER TABLE events ADD COLUMN place_len INTEGER;\n"
    "ALTER TABLE events ADD COLUMN place_in_title INTEGER;\n"
    "ALTER TABLE events ADD COLUMN quote INTEGER;\n"
    "ALTER TABLE documents ADD COLUMN nquotes INTEGER;\n"
    "CREATE TABLE quotes (\n"
    "  doc_key INTEGER NOT NULL,\n"
    "  quote INTEGER NOT NULL,\n"
    "  sentence INTEGER NOT NULL,\n"
    "  last_sentence INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  off INTEGER NOT NULL,\n"
    "  len INTEGER NOT NULL,\n"
    "  speaker TEXT,\n"
    "  speaker_name TEXT,\n"
    "  speaker_code TEXT,\n"
    "  speaker_off INTEGER NOT NULL,\n"
    "  speaker_len INTEGER NOT NULL,\n"
    "  verb TEXT,\n"
    "  attribution TEXT NOT NULL,\n"
    "  events TEXT NOT NULL,\n"
    "  in_title INTEGER NOT NULL,\n"
    "  PRIMARY KEY (doc_key, quote)\n"
    ") WITHOUT ROWID;\n"
    "DROP VIEW events_full;\n"
    "CREATE VIEW events_full AS SELECT\n"
    "  e.event_id, d.doc_id, e.date, d.publisher, d.title, d.url,\n"
    "  e.sentence, e.in_title, e.source, e.source_country, e.source_agent,\n"
    "  e.target, e.target_country, e.target_agent, e.code, e.root,\n"
    "  c.name AS cameo_name, e.quad, e.goldstein, c.plover_type,\n"
    "  c.plover_mode, c.plover_context, e.source_text, e.verb_text,\n"
    "  e.target_text, s.text AS sentence_text, e.issues, e.rule,\n"
    "  s.off AS sentence_off, s.len AS sentence_len, e.source_off,\n"
    "  e.source_len, e.verb_off, e.verb_len, e.target_off, e.target_len,\n"
    "  d.batch, d.coded_at,\n"
    "  e.place_name, e.place_geonameid, e.place_gazetteer_name,\n"
    "  e.place_admin1, e.place_admin1_code, e.place_country, e.place_lat,\n"
    "  e.place_lon, e.place_level, e.place_source, e.place_off,\n"
    "  e.place_len, e.place_in_title, e.quote,\n"
    "  q.speaker_name AS quote_speaker, q.speaker_code AS quote_speaker_code\n"
    "FROM events e JOIN documents d ON d.doc_key = e.doc_key\n"
    "LEFT JOIN sentences s ON s.doc_key = e.doc_key AND s.sentence = e.sentence\n"
    "LEFT JOIN codes c ON c.code = e.code\n"
    "LEFT JOIN quotes q ON q.doc_key = e.doc_key AND q.quote = e.quote;\n";

static const char *const steps[SCHEMA_VERSION] = {step1, step2, step3};

/* ---- SQL functions ------------------------------------------------------ */

static const char *arg_text(sqlite3_value *v) {
    const unsigned char *t = sqlite3_value_text(v);
    return t ? (const char *)t : "";
}

static uint32_t arg_u32(sqlite3_value *v) {
    sqlite3_int64 x = sqlite3_value_int64(v);
    return x < 0 ? 0 : (uint32_t)x;
}

static void fn_event_id(sqlite3_context *cx, int argc, sqlite3_value **argv) {
    (void)argc;
    dyad_event ev;
    memset(&ev, 0, sizeof ev);
    ev.sentence = arg_u32(argv[1]);
    ev.source = arg_text(argv[2]);
    ev.target = arg_text(argv[3]);
    snprintf(ev.code, sizeof ev.code, "%s", arg_text(argv[4]));
    ev.source_span.off = arg_u32(argv[5]);
    ev.source_span.len = arg_u32(argv[6]);
    ev.verb_span.off = arg_u32(argv[7]);
    ev.verb_span.len = arg_u32(argv[8]);
    ev.target_span.off = arg_u32(argv[9]);
    ev.target_span.len = arg_u32(argv[10]);
    char hex[17];
    event_id_hex(event_id(arg_text(argv[0]), &ev), hex);
    sqlite3_result_text(cx, hex, 16, SQLITE_TRANSIENT);
}

static void fn_actor(sqlite3_context *cx, int argc, sqlite3_value **argv) {
    (void)argc;
    actor_parts p;
    actor_split(arg_text(argv[0]), &p);
    const char *part = arg_text(argv[1]);
    const char *v = !strcmp(part, "country") ? p.country
                    : !strcmp(part, "agent") ? p.type1
                                             : "";
    if (*v) sqlite3_result_text(cx, v, -1, SQLITE_TRANSIENT);
    else sqlite3_result_null(cx);
}

static void fn_plover(sqlite3_context *cx, int argc, sqlite3_value **argv) {
    (void)argc;
    const char *code = arg_text(argv[0]);
    const plover_entry *e = plover_lookup(code, strlen(code));
    const char *part = arg_text(argv[1]);
    const char *v = !e                       ? ""
                    : !strcmp(part, "type")  ? e->type
                    : !strcmp(part, "mode")  ? e->mode
                    : !strcmp(part, "context") ? e->context
                                             : "";
    if (*v) sqlite3_result_text(cx, v, -1, SQLITE_STATIC);
    else sqlite3_result_null(cx);
}

int schema_functions(sqlite3 *db) {
    int f = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    if (sqlite3_create_function(db, "dyad_event_id", 11, f, NULL, fn_event_id,
                                NULL, NULL) != SQLITE_OK ||
        sqlite3_create_function(db, "dyad_actor", 2, f, NULL, fn_actor, NULL,
                                NULL) != SQLITE_OK ||
        sqlite3_create_function(db, "dyad_plover", 2, f, NULL, fn_plover, NULL,
                                NULL) != SQLITE_OK)
        return -1;
    return 0;
}

/* ---- versions ------------------------------------------------------------ */

static int pragma_int(sqlite3 *db, const char *sql) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
    int v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    return v;
}

int schema_version(sqlite3 *db) { return pragma_int(db, "PRAGMA user_version"); }

static int exec(sqlite3 *db, const char *path, const char *sql, int step,
                store_error *err) {
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK) return 0;
    snprintf(err->msg, sizeof err->msg, "%s: schema step %d: %s", path, step,
             msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    return -1;
}

int schema_upgrade(sqlite3 *db, const char *path, int target,
                   store_error *err) {
    if (target < 1 || target > SCHEMA_VERSION) target = SCHEMA_VERSION;
    /* BEGIN IMMEDIATE first: two processes opening one new file must not
     * both create it */
    if (exec(db, path, "BEGIN IMMEDIATE", 0, err) < 0) return -1;
    int v = schema_version(db);
    int app = pragma_int(db, "PRAGMA application_id");
    int tables = pragma_int(db, "SELECT count(*) FROM sqlite_master");
    if (v < 0 || app < 0 || tables < 0) {
        snprintf(err->msg, sizeof err->msg, "%s: not a database: %s", path,
                 sqlite3_errmsg(db));
        goto fail;
    }
    if (v == 0 && tables > 0) {
        snprintf(err->msg, sizeof err->msg,
                 "%s: a database of another application (no dyad schema "
                 "version)", path);
        goto fail;
    }
    if (v > 0 && app != SCHEMA_APPLICATION_ID) {
        snprintf(err->msg, sizeof err->msg,
                 "%s: a database of another application (application_id %d)",
                 path, app);
        goto fail;
    }
    if (v > SCHEMA_VERSION) {
        snprintf(err->msg, sizeof err->msg,
                 "%s: schema version %d is newer than this dyad's (%d): use a "
                 "newer dyad", path, v, SCHEMA_VERSION);
        goto fail;
    }
    for (int s = v + 1; s <= target; s++) {
        char sql[96];
        if (exec(db, path, steps[s - 1], s, err) < 0) goto fail;
        snprintf(sql, sizeof sql, "PRAGMA user_version = %d;"
                                  "PRAGMA application_id = %d;", s,
                 SCHEMA_APPLICATION_ID);
        if (exec(db, path, sql, s, err) < 0) goto fail;
    }
    return exec(db, path, "COMMIT", target, err);
fail:
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
}
