/* sqlite.c -- the SQLite back end of the event store (store/store.h).
 *
 * One writing connection (and a checkpointer's, see ckpt), WAL journal,
 * synchronous=NORMAL: a commit is durable against a crash of the process
 * (SIGKILL included: the WAL is in the operating system's cache when
 * COMMIT returns) though not against a power cut between the commit and
 * the next checkpoint, which is the usual trade for bulk loads.
 * A batch is one BEGIN IMMEDIATE ... COMMIT transaction, so the database
 * holds whole batches only. Writes go through statements prepared once
 * (at open, or the multi-row ones at first use: a document's events and
 * sentences go 16 rows a statement); a document already stored (same
 * doc_id) keeps its doc_key, and its sentences, events and quotations are
 * deleted and written anew in the same transaction. A failed store_put
 * may leave part of its document in the open batch: the caller rolls the
 * batch back (store.h).
 *
 * Tables and columns: store/schema.c, docs/output.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <math.h>
#include <pthread.h>

#include <jansson.h>
#include <sqlite3.h>

#include "io/event_id.h"
#include "io/plover.h"
#include "store/actor.h"
#include "store/fields.h"
#include "store/schema.h"
#include "store/store.h"

enum {
    ST_FIND_DOC, ST_INS_DOC, ST_UPD_DOC, ST_DEL_EVENTS, ST_DEL_SENTS,
    ST_INS_CODE, ST_INS_BATCH, ST_UPD_BATCH,
    ST_DEL_QUOTES, ST_INS_QUOTE, ST_COUNT
};

static const char *const sql_text[ST_COUNT] = {
    "SELECT doc_key FROM documents WHERE doc_id = ?1",
    "INSERT INTO documents (doc_id, date, date_text, publisher, title, url,"
    " fields, text, file, line, nsentences, nevents, lead_sentence,"
    " discarded, invalid_bytes, batch, coded_at, nquotes)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
    " ?15, ?16, ?17, ?19)",
    "UPDATE documents SET date = ?2, date_text = ?3, publisher = ?4,"
    " title = ?5, url = ?6, fields = ?7, text = ?8, file = ?9, line = ?10,"
    " nsentences = ?11, nevents = ?12, lead_sentence = ?13, discarded = ?14,"
    " invalid_bytes = ?15, batch = ?16, coded_at = ?17, nquotes = ?19"
    " WHERE doc_key = ?18",
    "DELETE FROM events WHERE doc_key = ?1",
    "DELETE FROM sentences WHERE doc_key = ?1",
    "INSERT OR IGNORE INTO codes (code, root, name, quad, goldstein,"
    " plover_type, plover_mode, plover_context)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "INSERT INTO batches (documents, events) VALUES (0, 0)",
    "UPDATE batches SET documents = ?2, events = ?3, committed_at = ?4"
    " WHERE batch = ?1",
    "DELETE FROM quotes WHERE doc_key = ?1",
    "INSERT INTO quotes (doc_key, quote, sentence, last_sentence, text, off,"
    " len, speaker, speaker_name, speaker_code, speaker_off, speaker_len,"
    " verb, attribution, events, in_title) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
    " ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
};

/* Events and sentences are written up to ROWS rows per statement (a
 * multi-row VALUES): each execution of a statement costs about as much
 * again as a row (cursors opened and closed, registers released), and a
 * document has a dozen events. The statement for n rows (rows_sql) is
 * prepared the first time a document needs it. The document's key is ?1
 * in every row (and its date ?2 in events); each row's other values are
 * numbered after those of the rows before it. */
#define ROWS 16

enum { T_EVENTS, T_SENTENCES };

static const struct {
    const char *insert;     /* up to VALUES */
    const char *row;        /* one row: '#' a parameter of its own, in
                               order, the rest as written */
    int nparams;            /* shared parameters (?1, ?2) */
    int ncols;              /* parameters of its own (the #s) */
} tables[2] = {
    {"INSERT OR FAIL INTO events (doc_key, ord, date, sentence, source, target, code,"
     " root, quad, goldstein, source_text, verb_text, target_text, issues,"
     " rule, source_off, source_len, verb_off, verb_len, target_off,"
     " target_len, in_title, event_id, source_country, source_agent,"
     " target_country, target_agent, place_name, place_geonameid,"
     " place_gazetteer_name, place_admin1, place_admin1_code, place_country,"
     " place_lat, place_lon, place_level, place_source, place_off, place_len,"
     " place_in_title, quote) VALUES ",
     "?1,#,?2,#,#,#,#,#,#,#,#,#,#,#,#,#,#,#,#,#,#,#,#,#,#,#,#,#,#,#,#,#,#,#,"
     "#,#,#,#,#,#,#", 2, 39},
    {"INSERT OR IGNORE INTO sentences (doc_key, sentence, in_title, off, len,"
     " text) VALUES ",
     "?1,#,#,#,#,#", 1, 5},
};

/* The first parameter of row j's own (the #s) in table t's statements. */
static int row_param(int t, size_t j) {
    return tables[t].nparams + 1 + (int)j * tables[t].ncols;
}

/* The INSERT of n rows into table t (malloc'd), NULL out of memory. */
static char *rows_sql(int t, size_t n) {
    size_t cap = strlen(tables[t].insert) + n * (strlen(tables[t].row) * 4 + 4) + 1;
    char *sql = malloc(cap);
    if (!sql) return NULL;
    size_t len = (size_t)snprintf(sql, cap, "%s", tables[t].insert);
    for (size_t j = 0; j < n; j++) {
        int p = row_param(t, j);
        len += (size_t)snprintf(sql + len, cap - len, "%s(", j ? "," : "");
        for (const char *c = tables[t].row; *c; c++)
            len += (size_t)(*c == '#' ? snprintf(sql + len, cap - len, "?%d", p++)
                                      : snprintf(sql + len, cap - len, "%c", *c));
        len += (size_t)snprintf(sql + len, cap - len, ")");
    }
    return sql;
}

/* Codes already written to the codes table by this connection. */
#define KNOWN_CODES 512

/* Recently split actor codes (actor_split scans the block lists, about a
 * thousand instructions a code; a store's events name a few hundred actors
 * over and over). Direct-mapped on a hash of the code; longer codes are
 * split every time. */
#define ACTOR_SLOTS 1024
typedef struct actor_slot {
    char code[16];          /* NUL-padded; "" an empty slot */
    actor_parts parts;
} actor_slot;

/* The background checkpointer of a writing connection: a thread with its
 * own connection copies the WAL into the database file (and waits for its
 * two fsyncs) while the writer fills the next batch. A checkpoint is asked
 * for after a commit leaves CKPT_FRAMES frames or more in the WAL, as
 * wal_autocheckpoint did in the writer; a batch starting with
 * CKPT_WAIT_FRAMES or more waits for the checkpointer to finish first, so
 * that the WAL is wholly copied when the batch begins and SQLite starts it
 * again from its head (else a writer that never waits grows it without
 * bound). */
#define CKPT_FRAMES 4096
#define CKPT_WAIT_FRAMES (4 * CKPT_FRAMES)

typedef struct ckpt {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    sqlite3 *db;            /* the checkpointer's connection */
    int started;            /* the thread runs */
    int pending, running, stop;
    int wal_frames;         /* frames in the WAL after the last commit */
} ckpt;

typedef struct sq {
    sqlite3 *db;
    ckpt ck;
    char *path;
    sqlite3_stmt *st[ST_COUNT];
    int64_t batch;          /* the open batch's number, 0 none */
    uint64_t bdocs, bevents;/* in the open batch */
    char now[24];           /* coded_at of the open batch */
    uint64_t known[KNOWN_CODES]; /* codes' bytes packed (code_key) */
    size_t nknown;
    size_t nknown_committed;/* known[] entries from committed batches */
    sqlite3_stmt *rows[2][ROWS + 1]; /* rows_stmt, by table and rows */
    int readonly;           /* STORE_READONLY: no statement for writing */
    char *list;             /* a quotation's event list as JSON, written */
    size_t list_cap;
    uint32_t *qev;          /* ... and read back (the row's quote.events) */
    size_t qev_cap;
    actor_slot actors[ACTOR_SLOTS];
} sq;

static int fail(sq *s, store_error *err, const char *what) {
    snprintf(err->msg, sizeof err->msg, "%s: %s: %s", s->path, what,
             sqlite3_errmsg(s->db));
    return -1;
}

/* ---- open and close ---------------------------------------------------- */

static int sqlite_claims(const char *target) {
    /* anything that is not a URL of another back end is a file name */
    if (!strncmp(target, "sqlite:", 7)) return 100;
    if (strstr(target, "://")) return 0;
    return 10;
}

/* ---- the checkpointer ---------------------------------------------------- */

static void *ckpt_main(void *arg) {
    ckpt *c = arg;
    pthread_mutex_lock(&c->mu);
    for (;;) {
        while (!c->pending && !c->stop) pthread_cond_wait(&c->cv, &c->mu);
        if (c->stop) break;
        c->pending = 0;
        c->running = 1;
        pthread_mutex_unlock(&c->mu);
        /* PASSIVE: never waits for the writer or readers; frames a reader
         * still needs stay for the next one */
        sqlite3_wal_checkpoint_v2(c->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL,
                                  NULL);
        pthread_mutex_lock(&c->mu);
        c->running = 0;
        pthread_cond_broadcast(&c->cv);
    }
    pthread_mutex_unlock(&c->mu);
    return NULL;
}

/* Starts the checkpointer of s; -1 when it cannot (the writer then
 * checkpoints itself). */
static int ckpt_start(sq *s) {
    ckpt *c = &s->ck;
    if (sqlite3_open_v2(s->path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        NULL) != SQLITE_OK) {
        sqlite3_close(c->db);
        c->db = NULL;
        return -1;
    }
    sqlite3_busy_timeout(c->db, 10000);
    /* a first read: a connection finds the file in WAL mode only then
     * (before, a checkpoint does nothing) */
    if (sqlite3_exec(c->db, "PRAGMA schema_version", NULL, NULL, NULL) != SQLITE_OK)
        goto fail_db;
    if (pthread_mutex_init(&c->mu, NULL) != 0) goto fail_db;
    if (pthread_cond_init(&c->cv, NULL) != 0) goto fail_mu;
    if (pthread_create(&c->thread, NULL, ckpt_main, c) != 0) goto fail_cv;
    c->started = 1;
    return 0;
fail_cv:
    pthread_cond_destroy(&c->cv);
fail_mu:
    pthread_mutex_destroy(&c->mu);
fail_db:
    sqlite3_close(c->db);
    c->db = NULL;
    return -1;
}

static void ckpt_stop(ckpt *c) {
    if (!c->started) return;
    pthread_mutex_lock(&c->mu);
    c->stop = 1;
    pthread_cond_broadcast(&c->cv);
    pthread_mutex_unlock(&c->mu);
    pthread_join(c->thread, NULL);
    pthread_cond_destroy(&c->cv);
    pthread_mutex_destroy(&c->mu);
    sqlite3_close(c->db);
    c->started = 0;
}

/* After each commit of the writer (sqlite3_wal_hook, which replaces
 * wal_autocheckpoint): nframes are in the WAL. */
static int wal_hook(void *arg, sqlite3 *db, const char *name, int nframes) {
    sq *s = arg;
    ckpt *c = &s->ck;
    (void)name;
    if (nframes < CKPT_FRAMES) {
        c->wal_frames = nframes;
        return SQLITE_OK;
    }
    if (!c->started && ckpt_start(s) < 0) {
        /* no thread: as wal_autocheckpoint would */
        sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        return SQLITE_OK;
    }
    pthread_mutex_lock(&c->mu);
    c->wal_frames = nframes;
    c->pending = 1;
    pthread_cond_signal(&c->cv);
    pthread_mutex_unlock(&c->mu);
    return SQLITE_OK;
}

/* Before a batch: a long WAL waits for the checkpointer (see ckpt). */
static void ckpt_wait(sq *s) {
    ckpt *c = &s->ck;
    if (!c->started) return;
    pthread_mutex_lock(&c->mu);
    if (c->wal_frames >= CKPT_WAIT_FRAMES)
        while (c->pending || c->running) pthread_cond_wait(&c->cv, &c->mu);
    pthread_mutex_unlock(&c->mu);
}

static void sqlite_close(void *be) {
    sq *s = be;
    if (!s) return;
    /* the checkpointer's connection first: the writer's close, the last,
     * checkpoints what is left and removes the WAL */
    ckpt_stop(&s->ck);
    for (int i = 0; i < ST_COUNT; i++) sqlite3_finalize(s->st[i]);
    for (int t = 0; t < 2; t++)
        for (int n = 0; n <= ROWS; n++) sqlite3_finalize(s->rows[t][n]);
    sqlite3_close(s->db);
    free(s->path);
    free(s->list);
    free(s->qev);
    free(s);
}

static int pragma(sq *s, const char *sql, store_error *err) {
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) == SQLITE_OK) return 0;
    snprintf(err->msg, sizeof err->msg, "%s: %s: %s", s->path, sql,
             msg ? msg : sqlite3_errmsg(s->db));
    sqlite3_free(msg);
    return -1;
}

/* A read-only connection cannot migrate: the file must be a dyad store
 * of this version. */
static int readonly_check(sq *s, store_error *err) {
    sqlite3_stmt *st;
    int v = -1, app = -1;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) ==
        SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    if (sqlite3_prepare_v2(s->db, "PRAGMA application_id", -1, &st, NULL) ==
        SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) app = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    if (v < 0 || app < 0) return fail(s, err, "not a database");
    if (app != SCHEMA_APPLICATION_ID) {
        snprintf(err->msg, sizeof err->msg, "%s: not a dyad event store", s->path);
        return -1;
    }
    if (v != SCHEMA_VERSION) {
        snprintf(err->msg, sizeof err->msg,
                 "%s: schema version %d, this dyad reads %d read-only: run "
                 "dyad export --db on it once to migrate it", s->path, v,
                 SCHEMA_VERSION);
        return -1;
    }
    return 0;
}

static void *sqlite_open(const char *target, int mode, store_error *err) {
    const char *path = strncmp(target, "sqlite:", 7) ? target : target + 7;
    struct stat sb;
    if (mode != STORE_WRITE && stat(path, &sb) != 0) {
        snprintf(err->msg, sizeof err->msg, "%s: no such database", path);
        return NULL;
    }
    sq *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return NULL;
    }
    int flags = (mode == STORE_READONLY ? SQLITE_OPEN_READONLY
                                        : SQLITE_OPEN_READWRITE) |
                SQLITE_OPEN_NOMUTEX |
                (mode == STORE_WRITE ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        if (s->db) fail(s, err, "cannot open");
        else snprintf(err->msg, sizeof err->msg, "%s: cannot open", path);
        sqlite_close(s);
        return NULL;
    }
    sqlite3_busy_timeout(s->db, 10000);
    if (schema_functions(s->db) < 0) {
        fail(s, err, "cannot register functions");
        sqlite_close(s);
        return NULL;
    }
    if (mode == STORE_READONLY) {
        /* nothing that writes: the schema must be current already */
        s->readonly = 1;
        if (pragma(s, "PRAGMA cache_size = -16384", err) < 0 ||
            readonly_check(s, err) < 0) {
            sqlite_close(s);
            return NULL;
        }
        return s;
    }
    /* page_size only takes on a new database, before its first table (8 KB:
     * measured against 4 and 16 KB with make bench; each commit writes every
     * page it dirtied to the WAL, and the dyad index's inserts are scattered,
     * so pages much larger than a row only add bytes written);
     * journal_mode=WAL persists in the file; the others are per connection */
    if (pragma(s, "PRAGMA page_size = 8192", err) < 0 ||
        pragma(s, "PRAGMA journal_mode = WAL", err) < 0 ||
        pragma(s, "PRAGMA synchronous = NORMAL", err) < 0 ||
        pragma(s, "PRAGMA cache_size = -131072", err) < 0 ||
        pragma(s, "PRAGMA temp_store = MEMORY", err) < 0 ||
        schema_upgrade(s->db, path, SCHEMA_VERSION, err) < 0) {
        sqlite_close(s);
        return NULL;
    }
    /* checkpoints in the background thread (ckpt), not in the writer */
    sqlite3_wal_hook(s->db, wal_hook, s);
    for (int i = 0; i < ST_COUNT; i++)
        if (sqlite3_prepare_v3(s->db, sql_text[i], -1, SQLITE_PREPARE_PERSISTENT,
                               &s->st[i], NULL) != SQLITE_OK) {
            fail(s, err, "cannot prepare");
            sqlite_close(s);
            return NULL;
        }
    return s;
}

/* ---- writing ----------------------------------------------------------- */

static int run(sq *s, sqlite3_stmt *st, store_error *err, const char *what) {
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) return 0;
    return fail(s, err, what);
}

static int sqlite_begin(void *be, store_error *err) {
    sq *s = be;
    if (s->readonly) {
        snprintf(err->msg, sizeof err->msg, "%s: opened read-only", s->path);
        return -1;
    }
    ckpt_wait(s);
    if (pragma(s, "BEGIN IMMEDIATE", err) < 0) return -1;
    if (run(s, s->st[ST_INS_BATCH], err, "cannot start a batch") < 0) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    s->batch = sqlite3_last_insert_rowid(s->db);
    s->bdocs = s->bevents = 0;
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(s->now, sizeof s->now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return 0;
}

static void sqlite_rollback(void *be) {
    sq *s = be;
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->batch = 0;
    s->nknown = s->nknown_committed; /* codes of the batch are gone too */
}

static int sqlite_commit(void *be, store_batch *b, store_error *err) {
    sq *s = be;
    sqlite3_stmt *st = s->st[ST_UPD_BATCH];
    sqlite3_bind_int64(st, 1, s->batch);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)s->bdocs);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)s->bevents);
    sqlite3_bind_text(st, 4, s->now, -1, SQLITE_STATIC);
    if (run(s, st, err, "cannot close the batch") < 0 ||
        pragma(s, "COMMIT", err) < 0) {
        sqlite_rollback(s);
        return -1;
    }
    b->id = s->batch;
    b->documents = s->bdocs;
    b->events = s->bevents;
    s->batch = 0;
    s->nknown_committed = s->nknown;
    return 0;
}

/* Binds s (NULL as SQL NULL). */
static void bind_str(sqlite3_stmt *st, int i, const char *v) {
    if (v) sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, i);
}

static void bind_nonempty(sqlite3_stmt *st, int i, const char *v) {
    bind_str(st, i, v && *v ? v : NULL);
}

/* An event code's bytes as one integer (codes are at most 8 bytes):
 * ensure_code compares one word per known code instead of a string. */
static uint64_t code_key(const char code[8]) {
    uint64_t k = 0;
    memcpy(&k, code, strnlen(code, 8));
    return k;
}

/* Writes the codes row of code the first time this connection sees it. */
static int ensure_code(sq *s, const store_doc *d, const dyad_event *ev,
                       store_error *err) {
    uint64_t key = code_key(ev->code);
    for (size_t i = 0; i < s->nknown; i++)
        if (s->known[i] == key) return 0;
    int quad = ev->quad;
    double g = ev->goldstein;
    const char *name = NULL;
    if (d->engine) dyad_cameo_lookup(d->engine, ev->code, &quad, &g, &name);
    const plover_entry *p = plover_lookup(ev->code, sizeof ev->code);
    sqlite3_stmt *st = s->st[ST_INS_CODE];
    sqlite3_bind_text(st, 1, ev->code, (int)strnlen(ev->code, sizeof ev->code),
                      SQLITE_STATIC);
    sqlite3_bind_text(st, 2, ev->root, (int)strnlen(ev->root, sizeof ev->root),
                      SQLITE_STATIC);
    bind_str(st, 3, name);
    sqlite3_bind_int(st, 4, quad);
    sqlite3_bind_double(st, 5, g);
    bind_nonempty(st, 6, p ? p->type : NULL);
    bind_nonempty(st, 7, p ? p->mode : NULL);
    bind_nonempty(st, 8, p ? p->context : NULL);
    if (run(s, st, err, "cannot write a code") < 0) return -1;
    if (s->nknown < KNOWN_CODES) s->known[s->nknown++] = key;
    return 0;
}

/* actor_split(code) through s->actors. */
static void split_actor(sq *s, const char *code, actor_parts *out) {
    size_t n = code ? strlen(code) : 0;
    if (n == 0 || n >= sizeof s->actors[0].code) {
        actor_split(code, out);
        return;
    }
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)code[i]) * 16777619u;
    actor_slot *a = &s->actors[(h ^ h >> 16) % ACTOR_SLOTS];
    if (memcmp(a->code, code, n + 1)) {
        memset(a->code, 0, sizeof a->code);
        memcpy(a->code, code, n);
        actor_split(code, &a->parts);
    }
    *out = a->parts;
}

/* The statement writing n (1..ROWS) rows into table t, NULL after err. */
static sqlite3_stmt *rows_stmt(sq *s, int t, size_t n, store_error *err) {
    if (s->rows[t][n]) return s->rows[t][n];
    char *sql = rows_sql(t, n);
    if (!sql) {
        snprintf(err->msg, sizeof err->msg, "%s: out of memory", s->path);
        return NULL;
    }
    int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                                &s->rows[t][n], NULL);
    free(sql);
    if (rc != SQLITE_OK) {
        fail(s, err, "cannot prepare");
        return NULL;
    }
    return s->rows[t][n];
}

/* What an event row binds besides the event's own strings: they must live
 * until its statement has run. */
typedef struct event_extra {
    char hex[17];
    actor_parts sp, tp;
} event_extra;

/* Binds event ev (its place ord) as the row whose parameters start at b. */
static void bind_event(sq *s, sqlite3_stmt *st, int b, const store_doc *d,
                       uint32_t ord, const dyad_event *ev, event_extra *x) {
    const doc_record *r = d->rec;
    event_id_hex(event_id(r->id, ev), x->hex);
    split_actor(s, ev->source, &x->sp);
    split_actor(s, ev->target, &x->tp);
    sqlite3_bind_int64(st, b, ord);
    sqlite3_bind_int64(st, b + 1, ev->sentence);
    sqlite3_bind_text(st, b + 2, ev->source ? ev->source : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, b + 3, ev->target ? ev->target : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, b + 4, ev->code,
                      (int)strnlen(ev->code, sizeof ev->code), SQLITE_STATIC);
    sqlite3_bind_text(st, b + 5, ev->root,
                      (int)strnlen(ev->root, sizeof ev->root), SQLITE_STATIC);
    sqlite3_bind_int(st, b + 6, ev->quad);
    sqlite3_bind_double(st, b + 7, ev->goldstein);
    bind_str(st, b + 8, ev->source_text);
    bind_str(st, b + 9, ev->verb_text);
    bind_str(st, b + 10, ev->target_text);
    bind_str(st, b + 11, ev->issues);
    bind_str(st, b + 12, ev->rule);
    sqlite3_bind_int64(st, b + 13, ev->source_span.off);
    sqlite3_bind_int64(st, b + 14, ev->source_span.len);
    sqlite3_bind_int64(st, b + 15, ev->verb_span.off);
    sqlite3_bind_int64(st, b + 16, ev->verb_span.len);
    sqlite3_bind_int64(st, b + 17, ev->target_span.off);
    sqlite3_bind_int64(st, b + 18, ev->target_span.len);
    sqlite3_bind_int(st, b + 19, ev->in_title != 0);
    sqlite3_bind_text(st, b + 20, x->hex, 16, SQLITE_STATIC);
    bind_nonempty(st, b + 21, x->sp.country);
    bind_nonempty(st, b + 22, x->sp.type1);
    bind_nonempty(st, b + 23, x->tp.country);
    bind_nonempty(st, b + 24, x->tp.type1);
    const dyad_place *p = ev->place;
    if (p) {
        /* NULL for "" where the writers print "" as null (admin1) or as
         * nothing; the name is kept as it is: NULL means no place */
        bind_str(st, b + 25, p->name ? p->name : "");
        sqlite3_bind_int64(st, b + 26, p->geonameid);
        bind_str(st, b + 27, p->gazetteer_name);
        bind_nonempty(st, b + 28, p->admin1);
        bind_nonempty(st, b + 29, p->admin1_code);
        sqlite3_bind_text(st, b + 30, p->country,
                          (int)strnlen(p->country, sizeof p->country),
                          SQLITE_STATIC);
        /* NaN binds as NULL, read back as NaN */
        sqlite3_bind_double(st, b + 31, p->lat);
        sqlite3_bind_double(st, b + 32, p->lon);
        bind_str(st, b + 33, p->level);
        bind_str(st, b + 34, p->source);
        sqlite3_bind_int64(st, b + 35, p->span.off);
        sqlite3_bind_int64(st, b + 36, p->span.len);
        sqlite3_bind_int(st, b + 37, p->in_title != 0);
    }
    if (ev->quote >= 0) sqlite3_bind_int64(st, b + 38, ev->quote);
}

/* Writes events[0..n) (n <= ROWS), the first being the document's event
 * first_ord, in one statement. */
static int put_events(sq *s, const store_doc *d, int64_t key, size_t first_ord,
                      const dyad_event *const *events, size_t n,
                      store_error *err) {
    sqlite3_stmt *st = rows_stmt(s, T_EVENTS, n, err);
    if (!st) return -1;
    event_extra x[ROWS];
    sqlite3_bind_int64(st, 1, key);
    if (d->rec->date) sqlite3_bind_int64(st, 2, d->rec->date);
    for (size_t j = 0; j < n; j++)
        bind_event(s, st, row_param(T_EVENTS, j), d, (uint32_t)(first_ord + j),
                   events[j], &x[j]);
    return run(s, st, err, "cannot write an event");
}

/* Writes the sentences of events[0..n) (n <= ROWS) in one statement. */
static int put_sentences(sq *s, int64_t key, const dyad_event *const *events,
                         size_t n, store_error *err) {
    sqlite3_stmt *st = rows_stmt(s, T_SENTENCES, n, err);
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, key);
    for (size_t j = 0; j < n; j++) {
        const dyad_event *ev = events[j];
        int b = row_param(T_SENTENCES, j);
        sqlite3_bind_int64(st, b, ev->sentence);
        sqlite3_bind_int(st, b + 1, ev->in_title != 0);
        sqlite3_bind_int64(st, b + 2, ev->sentence_span.off);
        sqlite3_bind_int64(st, b + 3, ev->sentence_span.len);
        sqlite3_bind_text(st, b + 4, ev->sentence_text ? ev->sentence_text : "",
                          -1, SQLITE_STATIC);
    }
    return run(s, st, err, "cannot write a sentence");
}

/* A quotation's event indexes as a JSON array ("[2,3]") in s->list. */
static const char *event_list(sq *s, const dyad_quote *q) {
    size_t need = 3 + (size_t)q->nevents * 11;
    if (need > s->list_cap) {
        char *p = realloc(s->list, need);
        if (!p) return NULL;
        s->list = p;
        s->list_cap = need;
    }
    size_t n = 0;
    s->list[n++] = '[';
    for (uint32_t k = 0; k < q->nevents; k++)
        n += (size_t)snprintf(s->list + n, s->list_cap - n, "%s%u", k ? "," : "",
                              (unsigned)q->events[k]);
    s->list[n++] = ']';
    s->list[n] = '\0';
    return s->list;
}

static int put_quote(sq *s, int64_t key, uint32_t index, const dyad_quote *q,
                     store_error *err) {
    const char *list = event_list(s, q);
    if (!list) {
        snprintf(err->msg, sizeof err->msg, "%s: out of memory", s->path);
        return -1;
    }
    sqlite3_stmt *st = s->st[ST_INS_QUOTE];
    sqlite3_bind_int64(st, 1, key);
    sqlite3_bind_int64(st, 2, index);
    sqlite3_bind_int64(st, 3, q->sentence);
    sqlite3_bind_int64(st, 4, q->last_sentence);
    sqlite3_bind_text(st, 5, q->text ? q->text : "", -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 6, q->span.off);
    sqlite3_bind_int64(st, 7, q->span.len);
    /* "" (unknown, none) as NULL, as the JSON record writes it */
    bind_nonempty(st, 8, q->speaker);
    bind_nonempty(st, 9, q->speaker_name);
    bind_str(st, 10, q->speaker_code);  /* NULL: not coded */
    sqlite3_bind_int64(st, 11, q->speaker_span.off);
    sqlite3_bind_int64(st, 12, q->speaker_span.len);
    bind_nonempty(st, 13, q->verb);
    sqlite3_bind_text(st, 14, q->attribution ? q->attribution : "", -1,
                      SQLITE_STATIC);
    sqlite3_bind_text(st, 15, list, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 16, q->in_title != 0);
    return run(s, st, err, "cannot write a quotation");
}

static int sqlite_put(void *be, const store_doc *d, store_error *err) {
    sq *s = be;
    const doc_record *r = d->rec;
    const char *id = r->id ? r->id : "";
    int64_t key = 0;
    sqlite3_stmt *st = s->st[ST_FIND_DOC];
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) key = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return fail(s, err, "cannot look up a document");
    if (key) {
        /* re-coded: its old sentences, events and quotations go */
        sqlite3_bind_int64(s->st[ST_DEL_EVENTS], 1, key);
        sqlite3_bind_int64(s->st[ST_DEL_SENTS], 1, key);
        sqlite3_bind_int64(s->st[ST_DEL_QUOTES], 1, key);
        if (run(s, s->st[ST_DEL_EVENTS], err, "cannot replace events") < 0 ||
            run(s, s->st[ST_DEL_SENTS], err, "cannot replace sentences") < 0 ||
            run(s, s->st[ST_DEL_QUOTES], err, "cannot replace quotations") < 0)
            return -1;
    }
    char *url, *fields;
    store_input_fields(r, &url, &fields);
    const dyad_result *res = d->res;
    size_t nquotes = 0; /* dyad_result_quote: NULL past the end, and for a
                           result of a library without quotations */
    while (dyad_result_quote(res, nquotes)) nquotes++;
    st = s->st[key ? ST_UPD_DOC : ST_INS_DOC];
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    if (r->date) sqlite3_bind_int64(st, 2, r->date);
    bind_str(st, 3, r->date_text);
    bind_str(st, 4, r->source);
    bind_str(st, 5, r->title);
    bind_str(st, 6, url);
    bind_str(st, 7, fields);
    /* ?8, the text: not stored (the evidence sentences are); the column is
     * kept for a store that archives texts */
    bind_str(st, 9, r->file);
    sqlite3_bind_int64(st, 10, (sqlite3_int64)r->line);
    sqlite3_bind_int64(st, 11, res ? res->nsentences : 0);
    sqlite3_bind_int64(st, 12, (sqlite3_int64)d->nevents);
    sqlite3_bind_int64(st, 13, d->lead_sentence);
    sqlite3_bind_int(st, 14, res ? res->discarded : 0);
    sqlite3_bind_int64(st, 15, res ? res->invalid_bytes : 0);
    sqlite3_bind_int64(st, 16, s->batch);
    sqlite3_bind_text(st, 17, s->now, -1, SQLITE_STATIC);
    if (key) sqlite3_bind_int64(st, 18, key);
    sqlite3_bind_int64(st, 19, (sqlite3_int64)nquotes);
    rc = run(s, st, err, "cannot write a document");
    free(url);
    free(fields);
    if (rc < 0) return -1;
    if (!key) key = sqlite3_last_insert_rowid(s->db);

    /* a sentence row for each event whose sentence is not the previous
     * event's (INSERT OR IGNORE: a sentence seen again is kept as it is) */
    const dyad_event *sents[ROWS];
    size_t nsents = 0;
    for (size_t i = 0; i < d->nevents; i++) {
        const dyad_event *ev = d->events[i];
        if (i && d->events[i - 1]->sentence == ev->sentence) continue;
        sents[nsents++] = ev;
        if (nsents == ROWS) {
            if (put_sentences(s, key, sents, nsents, err) < 0) return -1;
            nsents = 0;
        }
    }
    if (nsents && put_sentences(s, key, sents, nsents, err) < 0) return -1;
    for (size_t i = 0; i < d->nevents; i++)
        if (ensure_code(s, d, d->events[i], err) < 0) return -1;
    for (size_t i = 0; i < d->nevents; i += ROWS) {
        size_t n = d->nevents - i < ROWS ? d->nevents - i : ROWS;
        if (put_events(s, d, key, i, d->events + i, n, err) < 0) return -1;
    }
    for (size_t i = 0; i < nquotes; i++)
        if (put_quote(s, key, (uint32_t)i, dyad_result_quote(res, i), err) < 0)
            return -1;
    s->bdocs++;
    s->bevents += d->nevents;
    return 0;
}

/* ---- reading ----------------------------------------------------------- */

/* The WHERE clause of q into sql (appended) and its parameters into
 * params (bound in order). */
typedef struct where {
    char sql[1536];
    const char *params[8];
    char bounds[4][64];     /* upper bounds of prefixes */
    int nparams, nbounds;
    uint32_t from, to;
    char like[2 * STORE_TEXT_MAX + 3]; /* the text search as a LIKE pattern */
} where;

static void add(where *w, const char *text) {
    size_t n = strlen(w->sql);
    snprintf(w->sql + n, sizeof w->sql - n, "%s", text);
}

/* "col >= ?N AND col < ?M" for prefix p (no upper bound when p is all
 * 0xFF bytes or too long). */
static void prefix_range(where *w, const char *col, const char *p) {
    char buf[160];
    w->params[w->nparams++] = p;
    int lo = w->nparams;
    if (w->nbounds < 4 &&
        store_prefix_next(p, w->bounds[w->nbounds], sizeof w->bounds[0]) == 0) {
        w->params[w->nparams++] = w->bounds[w->nbounds++];
        snprintf(buf, sizeof buf, "(%s >= ?%d AND %s < ?%d)", col, lo, col,
                 lo + 1);
    } else {
        snprintf(buf, sizeof buf, "%s >= ?%d", col, lo);
    }
    add(w, buf);
}

static void build_where(where *w, const store_query *q) {
    memset(w, 0, sizeof *w);
    add(w, " WHERE 1");
    if (q->from) add(w, " AND e.date >= ?20");
    if (q->to) add(w, " AND e.date <= ?21");
    if (q->source && *q->source) {
        add(w, " AND ");
        prefix_range(w, "e.source", q->source);
    }
    if (q->target && *q->target) {
        add(w, " AND ");
        prefix_range(w, "e.target", q->target);
    }
    if (q->actor && *q->actor) {
        add(w, " AND (");
        prefix_range(w, "e.source", q->actor);
        add(w, " OR ");
        prefix_range(w, "e.target", q->actor);
        add(w, ")");
    }
    if (q->code && *q->code) {
        add(w, " AND ");
        prefix_range(w, "e.code", q->code);
    }
    if (q->quad) add(w, " AND e.quad = ?22");
    if (q->text && *q->text) {
        /* % and _ of the text are literal */
        char *o = w->like;
        *o++ = '%';
        for (const char *t = q->text; *t; t++) {
            if (*t == '%' || *t == '_' || *t == '\\') *o++ = '\\';
            *o++ = *t;
        }
        *o++ = '%';
        *o = '\0';
        add(w, " AND (e.source_text LIKE ?23 ESCAPE '\\'"
               " OR e.verb_text LIKE ?23 ESCAPE '\\'"
               " OR e.target_text LIKE ?23 ESCAPE '\\'"
               " OR EXISTS (SELECT 1 FROM sentences s2 WHERE s2.doc_key ="
               " e.doc_key AND s2.sentence = e.sentence AND s2.text LIKE ?23"
               " ESCAPE '\\'))");
    }
    if (q->has_after) {
        static const char *const after[] = {
            NULL,
            " AND (e.doc_key, e.ord) > (?25, ?26)",
            " AND (e.doc_key, e.ord) < (?25, ?26)",
            " AND (coalesce(e.date, 0), e.doc_key, e.ord) > (?24, ?25, ?26)",
            " AND (coalesce(e.date, 0), e.doc_key, e.ord) < (?24, ?25, ?26)",
            " AND (e.goldstein, e.doc_key, e.ord) > (?24, ?25, ?26)",
            " AND (e.goldstein, e.doc_key, e.ord) < (?24, ?25, ?26)"};
        if (q->sort > 0 && q->sort <= STORE_SORT_GOLDSTEIN_DESC)
            add(w, after[q->sort]);
    }
    w->from = q->from;
    w->to = q->to;
}

/* The ORDER BY of q. */
static const char *order_by(const store_query *q) {
    static const char *const sorts[] = {
        NULL,
        " ORDER BY e.doc_key, e.ord",
        " ORDER BY e.doc_key DESC, e.ord DESC",
        " ORDER BY coalesce(e.date, 0), e.doc_key, e.ord",
        " ORDER BY coalesce(e.date, 0) DESC, e.doc_key DESC, e.ord DESC",
        " ORDER BY e.goldstein, e.doc_key, e.ord",
        " ORDER BY e.goldstein DESC, e.doc_key DESC, e.ord DESC"};
    if (q->sort > 0 && q->sort <= STORE_SORT_GOLDSTEIN_DESC)
        return sorts[q->sort];
    if (q->order == STORE_ORDER_DEDUP)
        return q->light ? " ORDER BY e.date, e.source, e.target, e.code"
                        : " ORDER BY e.date, e.source, e.target, e.code,"
                          " e.doc_key, e.ord";
    return q->light ? "" : " ORDER BY e.doc_key, e.ord";
}

static int progress(void *ud) {
    const store_query *q = ud;
    return q->cancel(q->cancel_ud);
}

static const char full_cols[] =
    "SELECT e.doc_key, e.ord, d.doc_id, e.date, d.date_text, d.publisher,"
    " d.title, d.url, d.file, d.line, d.lead_sentence, d.coded_at,"
    " e.sentence, e.source, e.target, e.code, e.root, e.quad, e.goldstein,"
    " e.source_text, e.verb_text, e.target_text, s.text, e.issues, e.rule,"
    " s.off, s.len, e.source_off, e.source_len, e.verb_off, e.verb_len,"
    " e.target_off, e.target_len, e.in_title, e.event_id, c.name,"
    " c.plover_type, c.plover_mode, c.plover_context, e.place_name,"
    " e.place_geonameid, e.place_gazetteer_name, e.place_admin1,"
    " e.place_admin1_code, e.place_country, e.place_lat, e.place_lon,"
    " e.place_level, e.place_source, e.place_off, e.place_len,"
    " e.place_in_title, e.quote";
static const char full_joins[] =
    " JOIN documents d ON d.doc_key = e.doc_key"
    " LEFT JOIN sentences s ON s.doc_key = e.doc_key AND s.sentence = e.sentence"
    " LEFT JOIN codes c ON c.code = e.code";
/* A sorted page (store_query.sort): the keys are sorted and cut from the
 * events table alone, and only the page's rows are joined. */
static const char page_keys[] =
    " FROM (SELECT e.doc_key AS k, e.ord AS o FROM events e";
static const char page_join[] =
    ") sel JOIN events e ON e.doc_key = sel.k AND e.ord = sel.o";

static const char light_cols[] =
    "SELECT e.date, e.source, e.target, e.code, e.root, e.quad, e.goldstein"
    " FROM events e";

static const char *col(sqlite3_stmt *st, int i) {
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

static uint32_t col_u32(sqlite3_stmt *st, int i) {
    sqlite3_int64 v = sqlite3_column_int64(st, i);
    return v < 0 || v > UINT32_MAX ? 0 : (uint32_t)v;
}

static void copy_code(char *dst, size_t size, const char *src) {
    snprintf(dst, size, "%s", src);
}

/* A REAL column; NULL (a NaN stored) as NaN. */
static double col_double(sqlite3_stmt *st, int i) {
    return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN
                                                      : sqlite3_column_double(st, i);
}

static void read_light(sqlite3_stmt *st, store_row *r) {
    r->date = col_u32(st, 0);
    r->ev.source = col(st, 1);
    r->ev.target = col(st, 2);
    copy_code(r->ev.code, sizeof r->ev.code, col(st, 3));
    copy_code(r->ev.root, sizeof r->ev.root, col(st, 4));
    r->ev.quad = sqlite3_column_int(st, 5);
    r->ev.goldstein = sqlite3_column_double(st, 6);
}

static void read_full(sqlite3_stmt *st, store_row *r) {
    r->doc_key = sqlite3_column_int64(st, 0);
    r->ord = col_u32(st, 1);
    r->doc_id = col(st, 2);
    r->date = col_u32(st, 3);
    r->date_text = col(st, 4);
    r->publisher = col(st, 5);
    r->title = col(st, 6);
    r->url = col(st, 7);
    r->file = col(st, 8);
    r->line = (uint64_t)sqlite3_column_int64(st, 9);
    r->lead_sentence = col_u32(st, 10);
    r->coded_at = col(st, 11);
    dyad_event *ev = &r->ev;
    ev->sentence = col_u32(st, 12);
    ev->source = col(st, 13);
    ev->target = col(st, 14);
    copy_code(ev->code, sizeof ev->code, col(st, 15));
    copy_code(ev->root, sizeof ev->root, col(st, 16));
    ev->quad = sqlite3_column_int(st, 17);
    ev->goldstein = sqlite3_column_double(st, 18);
    ev->source_text = col(st, 19);
    ev->verb_text = col(st, 20);
    ev->target_text = col(st, 21);
    ev->sentence_text = col(st, 22);
    ev->issues = col(st, 23);
    ev->rule = col(st, 24);
    ev->sentence_span.off = col_u32(st, 25);
    ev->sentence_span.len = col_u32(st, 26);
    ev->source_span.off = col_u32(st, 27);
    ev->source_span.len = col_u32(st, 28);
    ev->verb_span.off = col_u32(st, 29);
    ev->verb_span.len = col_u32(st, 30);
    ev->target_span.off = col_u32(st, 31);
    ev->target_span.len = col_u32(st, 32);
    ev->in_title = sqlite3_column_int(st, 33);
    r->event_id = col(st, 34);
    r->cameo_name = col(st, 35);
    r->plover_type = col(st, 36);
    r->plover_mode = col(st, 37);
    r->plover_context = col(st, 38);
    ev->place = NULL;
    if (sqlite3_column_type(st, 39) != SQLITE_NULL) {
        dyad_place *p = &r->place;
        p->name = col(st, 39);
        p->geonameid = col_u32(st, 40);
        p->gazetteer_name = col(st, 41);
        p->admin1 = col(st, 42);
        p->admin1_code = col(st, 43);
        copy_code(p->country, sizeof p->country, col(st, 44));
        p->lat = col_double(st, 45);
        p->lon = col_double(st, 46);
        p->level = col(st, 47);
        p->source = col(st, 48);
        p->span.off = col_u32(st, 49);
        p->span.len = col_u32(st, 50);
        p->in_title = sqlite3_column_int(st, 51);
        ev->place = p;
    }
    sqlite3_int64 qi = sqlite3_column_int64(st, 52);
    ev->quote = sqlite3_column_type(st, 52) == SQLITE_NULL || qi < 0 ||
                        qi > INT32_MAX
                    ? -1
                    : (int32_t)qi;
}

/* The quotations of the documents in the date range, in the order the
 * event scan gives their documents (store_query.quotes). */
static const char quote_cols[] =
    "SELECT q.doc_key, q.quote, d.doc_id, d.date, d.date_text, d.publisher,"
    " d.title, d.url, d.file, d.line, d.lead_sentence, d.coded_at,"
    " q.sentence, q.last_sentence, q.text, q.off, q.len, q.speaker,"
    " q.speaker_name, q.speaker_code, q.speaker_off, q.speaker_len, q.verb,"
    " q.attribution, q.events, q.in_title"
    " FROM quotes q JOIN documents d ON d.doc_key = q.doc_key WHERE 1";

/* "[2,3]" into s->qev; the count, or -1 when memory ran out. Anything
 * but digits separates numbers. */
static long parse_list(sq *s, const char *t) {
    size_t n = 0;
    for (const char *p = t; *p;) {
        if (*p < '0' || *p > '9') {
            p++;
            continue;
        }
        unsigned long long v = 0;
        for (; *p >= '0' && *p <= '9'; p++)
            if (v <= UINT32_MAX) v = v * 10 + (unsigned)(*p - '0');
        if (n == s->qev_cap) {
            size_t cap = s->qev_cap ? 2 * s->qev_cap : 16;
            uint32_t *q = realloc(s->qev, cap * sizeof *q);
            if (!q) return -1;
            s->qev = q;
            s->qev_cap = cap;
        }
        s->qev[n++] = v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
    }
    return (long)n;
}

static int read_quote(sq *s, sqlite3_stmt *st, store_row *r) {
    r->kind = STORE_ROW_QUOTE;
    r->doc_key = sqlite3_column_int64(st, 0);
    r->ord = col_u32(st, 1);
    r->doc_id = col(st, 2);
    r->date = col_u32(st, 3);
    r->date_text = col(st, 4);
    r->publisher = col(st, 5);
    r->title = col(st, 6);
    r->url = col(st, 7);
    r->file = col(st, 8);
    r->line = (uint64_t)sqlite3_column_int64(st, 9);
    r->lead_sentence = col_u32(st, 10);
    r->coded_at = col(st, 11);
    dyad_quote *q = &r->quote;
    q->sentence = col_u32(st, 12);
    q->last_sentence = col_u32(st, 13);
    q->text = col(st, 14);
    q->span.off = col_u32(st, 15);
    q->span.len = col_u32(st, 16);
    q->speaker = col(st, 17);
    q->speaker_name = col(st, 18);
    q->speaker_code = sqlite3_column_type(st, 19) == SQLITE_NULL ? NULL
                                                                 : col(st, 19);
    q->speaker_span.off = col_u32(st, 20);
    q->speaker_span.len = col_u32(st, 21);
    q->verb = col(st, 22);
    q->attribution = col(st, 23);
    long n = parse_list(s, col(st, 24));
    if (n < 0) return -1;
    q->events = s->qev;
    q->nevents = (uint32_t)n;
    q->in_title = sqlite3_column_int(st, 25);
    return 0;
}

static void row_init(store_row *r) {
    memset(r, 0, sizeof *r);
    r->doc_id = r->date_text = r->publisher = r->title = r->url = r->file =
        r->coded_at = r->event_id = r->cameo_name = r->plover_type =
            r->plover_mode = r->plover_context = "";
    r->ev.quote = -1;
}

/* The quotation statement of q (store_query.quotes), NULL after err. */
static sqlite3_stmt *quote_stmt(sq *s, const store_query *q, store_error *err) {
    char sql[1024];
    snprintf(sql, sizeof sql, "%s%s%s ORDER BY q.doc_key, q.quote", quote_cols,
             q->from ? " AND d.date >= ?1" : "", q->to ? " AND d.date <= ?2" : "");
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        fail(s, err, "cannot query quotations");
        return NULL;
    }
    if (q->from) sqlite3_bind_int64(st, 1, q->from);
    if (q->to) sqlite3_bind_int64(st, 2, q->to);
    return st;
}

static int sqlite_scan(void *be, const store_query *q, store_row_fn fn,
                       void *ctx, store_error *err) {
    sq *s = be;
    if (q->text && strlen(q->text) > STORE_TEXT_MAX) {
        snprintf(err->msg, sizeof err->msg,
                 "text search longer than %d bytes", STORE_TEXT_MAX);
        return -1;
    }
    where w;
    build_where(&w, q);
    char sql[4096];
    const char *limit = q->limit ? " LIMIT ?27" : "";
    if (q->light)
        snprintf(sql, sizeof sql, "%s%s%s%s", light_cols, w.sql, order_by(q), limit);
    else if (q->sort)
        snprintf(sql, sizeof sql, "%s%s%s%s%s%s%s%s", full_cols, page_keys, w.sql,
                 order_by(q), limit, page_join, full_joins, order_by(q));
    else
        snprintf(sql, sizeof sql, "%s FROM events e%s%s%s%s", full_cols, full_joins,
                 w.sql, order_by(q), limit);
    sqlite3_stmt *st, *qst = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return fail(s, err, "cannot query events");
    /* quotations: a second statement in document order, merged with the
     * events' (store.c passes quotes only with document order and whole
     * documents) */
    if (q->quotes && !q->light && !q->sort && !(qst = quote_stmt(s, q, err))) {
        sqlite3_finalize(st);
        return -1;
    }
    for (int i = 0; i < w.nparams; i++)
        sqlite3_bind_text(st, i + 1, w.params[i], -1, SQLITE_STATIC);
    if (w.from) sqlite3_bind_int64(st, 20, w.from);
    if (w.to) sqlite3_bind_int64(st, 21, w.to);
    if (q->quad) sqlite3_bind_int(st, 22, q->quad);
    if (w.like[0]) sqlite3_bind_text(st, 23, w.like, -1, SQLITE_STATIC);
    if (q->has_after) {
        if (q->sort >= STORE_SORT_GOLDSTEIN)
            sqlite3_bind_double(st, 24, q->after_value);
        else
            sqlite3_bind_int64(st, 24, (sqlite3_int64)q->after_value);
        sqlite3_bind_int64(st, 25, q->after_key);
        sqlite3_bind_int64(st, 26, q->after_ord);
    }
    if (q->limit)
        sqlite3_bind_int64(st, 27, q->limit > INT64_MAX ? INT64_MAX
                                                        : (sqlite3_int64)q->limit);
    if (q->cancel) sqlite3_progress_handler(s->db, 2000, progress, (void *)q);
    store_row r;
    int ret = 0;
    int rc = sqlite3_step(st);
    int qrc = qst ? sqlite3_step(qst) : SQLITE_DONE;
    while (rc == SQLITE_ROW || qrc == SQLITE_ROW) {
        row_init(&r);
        /* a document's events before its quotations */
        if (rc == SQLITE_ROW &&
            (qrc != SQLITE_ROW ||
             sqlite3_column_int64(st, 0) <= sqlite3_column_int64(qst, 0))) {
            if (q->light) read_light(st, &r);
            else read_full(st, &r);
            ret = fn(ctx, &r);
            if (ret) break;
            rc = sqlite3_step(st);
        } else {
            if (read_quote(s, qst, &r) < 0) {
                snprintf(err->msg, sizeof err->msg, "%s: out of memory", s->path);
                ret = -1;
                break;
            }
            ret = fn(ctx, &r);
            if (ret) break;
            qrc = sqlite3_step(qst);
        }
    }
    if (!ret && (rc == SQLITE_INTERRUPT || qrc == SQLITE_INTERRUPT)) {
        snprintf(err->msg, sizeof err->msg, "%s: query interrupted", s->path);
        ret = -1;
    } else if (!ret && rc != SQLITE_DONE) {
        ret = fail(s, err, "cannot read events");
    } else if (!ret && qrc != SQLITE_DONE) {
        ret = fail(s, err, "cannot read quotations");
    }
    sqlite3_finalize(st);
    sqlite3_finalize(qst);
    if (q->cancel) sqlite3_progress_handler(s->db, 0, NULL, NULL);
    return ret;
}

const store_backend store_backend_sqlite = {
    "sqlite", "SQLite database file (WAL), the default",
    sqlite_claims, sqlite_open, sqlite_begin, sqlite_put, sqlite_commit,
    sqlite_rollback, sqlite_scan, sqlite_close,
};
