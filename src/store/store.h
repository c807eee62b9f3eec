/* store.h -- the event store: coded documents, their evidence sentences and
 * their events, kept in a database for export and aggregation.
 *
 * Layers. The command (`dyad code --db`, `dyad export`, `dyad stats`) talks
 * to this interface only. Behind it:
 *
 *   store.c            the registry of back ends, store_open, batches
 *   sqlite.c           the SQLite back end (schema.c: its tables and their
 *                      migrations, PRAGMA user_version)
 *   postgres.c         the PostgreSQL back end, libpq and COPY (pg_schema.c:
 *                      the same tables, the version in meta)
 *   actor.c            an actor code split into country, group, religions
 *                      and types (GDELT's decomposition)
 *   row.c              a stored event as a doc_record + dyad_event, so the
 *                      io/ writers format exported events exactly as they
 *                      format coded ones
 *   dedup.c            the one-a-day filter over a scan
 *   stats.c            counts by period, root and quad class, top dyads
 *   export*.c          dyad export's formats
 *
 * A back end implements store_backend: open, begin/put/commit for writing
 * batches of documents, scan for reading events matching a store_query,
 * close. Everything else (deduplication, statistics, export formats) is
 * written once, above scan, for every back end. Adding one is a new file
 * defining
 *     const store_backend store_backend_NAME = {"NAME", "summary", claims,
 *         open, begin, put, commit, rollback, scan, close};
 * and one X(store_backend_NAME) line in STORE_REGISTRY (store.c); its
 * claims function recognises its targets ("postgresql://...").
 *
 * Writing:
 *     store *st = store_open("events.sqlite", STORE_WRITE, &err);
 *     store_begin(st, &err);
 *     for each coded document: store_put(st, &doc, &err);
 *     store_commit(st, &batch, &err);   (batch.id: the batch's number)
 *     store_close(st);
 * A document whose id is already stored replaces it: its old events and
 * sentences are deleted in the same transaction. A batch is atomic: after
 * a crash at any moment the database holds every committed batch and
 * nothing of an uncommitted one.
 *
 * Reading:
 *     store_query q; store_query_init(&q); q.from = 20240101; ...
 *     store_scan(st, &q, row_callback, ctx, &err);
 * Rows come in document order (the order documents were first stored, then
 * the order of their events) or, with STORE_ORDER_DEDUP, by date, source,
 * target, code and then document order. With q.quotes, each document's
 * quotations follow its events (dyad export's JSON Lines quote records).
 */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"
#include "io/reader.h"

/* A message naming the database, and the record or statement at fault. */
typedef struct store_error {
    char msg[768];
} store_error;

/* One coded document to store. Its events' places (dyad_event.place) and
 * quotation indexes (dyad_event.quote) are stored with them, and the
 * result's quotations (dyad_result_quote) with the document, replacing
 * those stored before under its id. */
typedef struct store_doc {
    const doc_record *rec;         /* the input record */
    const dyad_result *res;        /* its result (text, sentence count,
                                      quotations); may be NULL */
    const dyad_event *const *events; /* its events, in output order: the
                                      order of dyad_result_event, which
                                      the quotations' event indexes
                                      (dyad_quote.events) refer to */
    size_t nevents;
    uint32_t lead_sentence;        /* index of the text's first sentence:
                                      1 when a title was coded, else 0 */
    const dyad_engine *engine;     /* CAMEO names (dyad_cameo_lookup); may
                                      be NULL */
} store_doc;

/* What store_commit reports. */
typedef struct store_batch {
    int64_t id;                    /* the batch's number in the database */
    uint64_t documents, events;    /* in this batch */
} store_batch;

enum { STORE_ORDER_DOC = 0, STORE_ORDER_DEDUP = 1 };

/* Which events a scan returns. Strings are prefixes of actor or event codes
 * ("USA" matches USA, USAGOV, USAMIL...; "19" matches every 19x code); NULL
 * or "" means any. Dates are YYYYMMDD, inclusive; 0 means unbounded. */
typedef struct store_query {
    uint32_t from, to;
    const char *actor;             /* source or target */
    const char *source, *target;   /* a dyad: both must match */
    const char *code;              /* event code prefix */
    int order;                     /* STORE_ORDER_* */
    int light;                     /* only date, source, target, code,
                                      root, quad and goldstein are needed
                                      (statistics): other fields may be
                                      empty */
    /* The event browser of dyad serve (0 / NULL: not used). */
    int quad;                      /* quad class 1..4 */
    const char *text;              /* substring (ASCII case-insensitive) of
                                      the sentence or an evidence text, at
                                      most STORE_TEXT_MAX bytes */
    int sort;                      /* STORE_SORT_*: replaces order */
    int has_after;                 /* keyset cursor: rows after (in sort
                                      order) after_value, after_key,
                                      after_ord only */
    double after_value;            /* the sort column's value: date or
                                      goldstein (unused for DOC sorts) */
    int64_t after_key;
    uint32_t after_ord;
    uint64_t limit;                /* at most this many rows */
    /* Polled while the query runs: non-zero stops it (store_scan then
     * fails with "query interrupted"): a time limit per request. */
    int (*cancel)(void *ud);
    void *cancel_ud;
    /* Also the quotations (rows of kind STORE_ROW_QUOTE) of the documents
     * the query selects, each document's after its events, in the order
     * of their index, documents without events included. Only for a query
     * that selects whole documents: document order, no filter but from
     * and to, no sort, cursor or limit, not light; store_scan ignores it
     * otherwise (a quotation's event indexes refer to all its document's
     * events). */
    int quotes;
} store_query;

#define STORE_TEXT_MAX 256

/* store_query.sort: the order of rows, ties broken by document order in
 * the same direction. 0 leaves store_query.order in force. */
enum {
    STORE_SORT_NONE = 0,
    STORE_SORT_DOC, STORE_SORT_DOC_DESC,      /* doc_key, ord */
    STORE_SORT_DATE, STORE_SORT_DATE_DESC,    /* date (unknown as 0) */
    STORE_SORT_GOLDSTEIN, STORE_SORT_GOLDSTEIN_DESC
};

void store_query_init(store_query *q);

enum { STORE_ROW_EVENT = 0, STORE_ROW_QUOTE = 1 };

/* One stored event (or, with store_query.quotes, quotation) as a scan
 * returns it. Every pointer is valid during the callback only; absent
 * strings are "" (never NULL) except dyad_quote.speaker_code, NULL when
 * the speaker was not coded, as dyad_code gives it. */
typedef struct store_row {
    int kind;                      /* STORE_ROW_EVENT or STORE_ROW_QUOTE */
    int64_t doc_key;               /* the document's number in the store */
    uint32_t ord;                  /* the event's place in its document
                                      (a quotation's index) */
    const char *doc_id;
    uint32_t date;                 /* YYYYMMDD, 0 unknown */
    const char *date_text, *publisher, *title, *url, *file;
    uint64_t line;
    uint32_t lead_sentence;        /* see store_doc */
    const char *coded_at;          /* "2026-02-17T10:00:00Z" */
    dyad_event ev;                 /* the event (issue_list NULL; place
                                      NULL or &place; quote -1 none) */
    const char *event_id;          /* 16 hex digits */
    const char *cameo_name, *plover_type, *plover_mode, *plover_context;
    dyad_place place;              /* where ev.place points, when set */
    dyad_quote quote;              /* STORE_ROW_QUOTE: the quotation (ev,
                                      event_id and the code's names are
                                      empty); ord is its index */
} store_row;

/* Called once per row; a non-zero return stops the scan (store_scan then
 * returns that value). */
typedef int (*store_row_fn)(void *ctx, const store_row *row);

typedef struct store store;

/* STORE_READONLY never writes the database (no migration, no WAL
 * checkpoint of its own; on PostgreSQL a read-only session): a server's
 * readers while another process writes. A missing, older or newer schema
 * is refused there with a message naming the database and the version
 * found against the one expected. */
enum { STORE_READ = 1, STORE_WRITE = 2, STORE_READONLY = 3 };

/* A back end (see the top of this file). Functions return 0 or -1 with
 * err set; scan returns a callback's non-zero value as it is. */
typedef struct store_backend {
    const char *name;              /* "sqlite" */
    const char *summary;
    /* 0..100: how surely target ("FILE.sqlite", "postgresql://...") is
     * this back end's; the highest score opens it. */
    int (*claims)(const char *target);
    void *(*open)(const char *target, int mode, store_error *err);
    int (*begin)(void *be, store_error *err);
    int (*put)(void *be, const store_doc *doc, store_error *err);
    int (*commit)(void *be, store_batch *batch, store_error *err);
    void (*rollback)(void *be);
    int (*scan)(void *be, const store_query *q, store_row_fn fn, void *ctx,
                store_error *err);
    void (*close)(void *be);
} store_backend;

/* The registry: entries in table order, i from 0; NULL past the end. */
const store_backend *store_backend_at(size_t i);

/* Opens target with the back end that claims it. STORE_WRITE creates the
 * database when missing and migrates an older schema forward; STORE_READ
 * needs an existing database (it too migrates one of an older schema).
 * NULL with err set on failure. */
store *store_open(const char *target, int mode, store_error *err);
/* The back end in use. */
const store_backend *store_get_backend(const store *st);
int store_begin(store *st, store_error *err);
/* Adds one document to the open batch (store_begin first). After a
 * failure, part of the document may be in the batch: roll it back. */
int store_put(store *st, const store_doc *doc, store_error *err);
/* Commits the open batch; *batch (may be NULL) says what it held. */
int store_commit(store *st, store_batch *batch, store_error *err);
void store_rollback(store *st);
int store_scan(store *st, const store_query *q, store_row_fn fn, void *ctx,
               store_error *err);
/* Rolls back an open batch and closes. NULL is allowed. */
void store_close(store *st);

/* The period a date falls in, as a sortable key and a label ("2024-01-15",
 * "2024-W03" (ISO 8601 week), "2024-01", "2024"); 0 / "" for date 0. */
typedef enum store_period {
    STORE_BY_DAY, STORE_BY_WEEK, STORE_BY_MONTH, STORE_BY_YEAR
} store_period;
/* "day", "week", "month", "year" -> *p; 0 or -1 for another name. */
int store_period_parse(const char *name, store_period *p);
uint32_t store_period_key(store_period p, uint32_t date);
/* Label of a key of store_period_key into out[16]; returns out. */
char *store_period_label(store_period p, uint32_t key, char out[16]);
/* The key of the period after key (charts fill the periods without
 * events); 0 for key 0. */
uint32_t store_period_next(store_period p, uint32_t key);

/* A code prefix's upper bound for range scans: the smallest string greater
 * than every string starting with prefix, into out (size >= strlen + 1);
 * 0, or -1 when there is none (prefix all 0xFF bytes). */
int store_prefix_next(const char *prefix, char *out, size_t size);

#endif
