/* postgres.c -- the PostgreSQL back end of the event store (store/store.h),
 * for `--db postgresql://USER@HOST:PORT/DB` (or postgres://, any libpq
 * connection URI).
 *
 * A batch is buffered in memory as COPY text lines (put) and written at
 * commit in one transaction: the documents are copied into a temporary
 * staging table; a re-coded document (same doc_id, in the store or earlier
 * in the batch) keeps its doc_key and loses its old sentences, events and
 * quotations; new documents get keys in input order; then sentences, events
 * and quotations go straight into their tables with COPY ... FROM STDIN (a
 * stream each). Writers of one store
 * hold an advisory lock for the transaction, so two `dyad code --db` runs
 * on one store commit one after the other rather than doubling a document
 * both code. Scans run the same query shapes as sqlite.c (every
 * store_query field, as typed parameters), rows streamed one at a time
 * (libpq's single-row mode), so an export does not hold its result in
 * memory; store_query.cancel is polled while the server works, and a
 * STORE_READONLY connection is a read-only session that never migrates. A scan with quotations (store_query.quotes) reads the
 * events and the quotations through two cursors of one REPEATABLE READ
 * transaction (one snapshot), a few hundred rows a fetch, merged in
 * document order as sqlite.c merges its two statements.
 *
 * Tables and columns: store/pg_schema.c, docs/output.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"

static int pg_claims(const char *target) {
    return !strncmp(target, "postgresql://", 13) ||
                   !strncmp(target, "postgres://", 11)
               ? 100
               : 0;
}

/* The target as messages show it: a password in the URI's user part or in
 * a password= parameter becomes ***. */
static void display_name(const char *t, char *out, size_t size) {
    snprintf(out, size, "%s", t);
    char *auth = strstr(out, "://");
    if (auth) {
        auth += 3;
        char *end = auth + strcspn(auth, "/?");
        char *at = NULL;
        for (char *p = auth; p < end; p++)
            if (*p == '@') at = p;
        char *colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
        /* no room for "***" in place of a shorter password: the rest of
         * the name goes */
        if (colon && strlen(out) + 4 < size) {
            memmove(colon + 4, at, strlen(at) + 1);
            memcpy(colon, ":***", 4);
        } else if (colon) {
            memcpy(colon, ":***", 5);
        }
    }
    char *pw = strstr(out, "password=");
    if (pw && (pw == out || pw[-1] == '?' || pw[-1] == '&' || pw[-1] == ' ')) {
        char *v = pw + 9, *e = v + strcspn(v, "& ");
        if (strlen(out) + 3 < size) {
            memmove(v + 3, e, strlen(e) + 1);
            memcpy(v, "***", 3);
        } else {
            memcpy(v, "***", 4);
        }
    }
}

#ifndef DYAD_HAVE_LIBPQ
/* Built without libpq: the target is still recognised, so the message
 * says what is missing rather than "no such file". */
static void *pg_open(const char *target, int mode, store_error *err) {
    (void)mode;
    char name[256];
    display_name(target, name, sizeof name);
    snprintf(err->msg, sizeof err->msg,
             "%s: this dyad was built without PostgreSQL support (install "
             "Debian's libpq-dev and rebuild)", name);
    return NULL;
}
static int pg_nop(void *be, store_error *err) { (void)be, (void)err; return -1; }
static int pg_nop_put(void *be, const store_doc *d, store_error *err) {
    (void)be, (void)d, (void)err;
    return -1;
}
static int pg_nop_commit(void *be, store_batch *b, store_error *err) {
    (void)be, (void)b, (void)err;
    return -1;
}
static void pg_nop_close(void *be) { (void)be; }
static int pg_nop_scan(void *be, const store_query *q, store_row_fn fn,
                       void *ctx, store_error *err) {
    (void)be, (void)q, (void)fn, (void)ctx, (void)err;
    return -1;
}
const store_backend store_backend_postgres = {
    "postgres", "PostgreSQL server (not built: no libpq)", pg_claims, pg_open,
    pg_nop, pg_nop_put, pg_nop_commit, pg_nop_close, pg_nop_scan, pg_nop_close,
};
#else

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <time.h>

#include <libpq-fe.h>

#include "dl/dl.h"

#include "io/event_id.h"
#include "io/plover.h"
#include "io/writer.h"
#include "store/actor.h"
#include "store/fields.h"
#include "store/pg_schema.h"
#include "util/strmap.h"

#define KNOWN_CODES 512
#define COPY_CHUNK (1u << 20)

/* One document of the open batch: its lines in the batch buffers. A
 * document put again in the same batch keeps its slot (its place in input
 * order) and points to its new lines. */
typedef struct pgdoc {
    size_t doc_off, doc_len;     /* staging line, without the seq column */
    size_t sent_off, sent_len;   /* sentences lines, without doc_key */
    size_t ev_off, ev_len;       /* events lines, without doc_key */
    size_t q_off, q_len;         /* quotes lines, without doc_key */
    uint64_t nevents;
    long long key;               /* doc_key, known during commit */
} pgdoc;

typedef struct pg {
    PGconn *c;
    char name[256];              /* the target, password hidden */
    writer_buf docs, sents, evs, quotes, codes, out;
    pgdoc *d;
    size_t nd, dcap;
    strmap ids;                  /* doc_id -> slot + 1, this batch */
    uint32_t *seen;              /* sentences of the document being put */
    size_t nseen, seencap;
    char known[KNOWN_CODES][8];  /* codes written (or in the open batch) */
    size_t nknown, nknown_committed;
    uint32_t *qev;               /* a quotation's events, read back (the
                                    row's quote.events) */
    size_t qev_cap;
    int readonly;                /* STORE_READONLY: no batches */
} pg;

/* The server's message, on one line. */
static int fail(pg *p, store_error *err, const char *what) {
    snprintf(err->msg, sizeof err->msg, "%s: %s: %s", p->name, what,
             PQerrorMessage(p->c));
    size_t n = strlen(err->msg);
    while (n && (err->msg[n - 1] == '\n' || err->msg[n - 1] == ' '))
        err->msg[--n] = '\0';
    for (char *s = err->msg; *s; s++)
        if (*s == '\n') *s = ' ';
    return -1;
}

static int exec(pg *p, const char *sql, const char *what, store_error *err) {
    PGresult *r = PQexec(p->c, sql);
    ExecStatusType st = PQresultStatus(r);
    PQclear(r);
    return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK
               ? 0 : fail(p, err, what);
}

/* ---- open and close ------------------------------------------------------ */

static void batch_reset(pg *p) {
    p->docs.len = p->sents.len = p->evs.len = p->quotes.len = p->codes.len =
        p->out.len = 0;
    p->docs.failed = p->sents.failed = p->evs.failed = p->quotes.failed =
        p->codes.failed = p->out.failed = 0;
    p->nd = 0;
    strmap_free(&p->ids);
    strmap_init(&p->ids, NULL);
}

static void pg_close(void *be) {
    pg *p = be;
    if (!p) return;
    if (p->c) PQfinish(p->c);
    free(p->docs.p);
    free(p->sents.p);
    free(p->evs.p);
    free(p->quotes.p);
    free(p->codes.p);
    free(p->out.p);
    free(p->d);
    free(p->seen);
    free(p->qev);
    strmap_free(&p->ids);
    free(p);
}

/* Staging tables for the batch's documents and codes: temporary (this
 * connection's), emptied at every commit. */
static const char stage_sql[] =
    "CREATE TEMP TABLE dyad_stage_docs (seq INTEGER, doc_id TEXT COLLATE \"C\","
    " date INTEGER, date_text TEXT, publisher TEXT, title TEXT, url TEXT,"
    " fields TEXT, file TEXT, line BIGINT, nsentences INTEGER, nevents INTEGER,"
    " lead_sentence INTEGER, discarded INTEGER, invalid_bytes BIGINT,"
    " nquotes INTEGER)"
    " ON COMMIT DELETE ROWS;"
    "CREATE TEMP TABLE dyad_stage_codes (code TEXT COLLATE \"C\","
    " root TEXT COLLATE \"C\", name TEXT, quad INTEGER,"
    " goldstein DOUBLE PRECISION, plover_type TEXT, plover_mode TEXT,"
    " plover_context TEXT) ON COMMIT DELETE ROWS";

static void *pg_open(const char *target, int mode, store_error *err) {
    if (pq_load(err->msg, sizeof err->msg) < 0) return NULL; /* dl/dl.h */
    pg *p = calloc(1, sizeof *p);
    if (!p) {
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return NULL;
    }
    strmap_init(&p->ids, NULL);
    display_name(target, p->name, sizeof p->name);
    /* defaults before dbname: the URI's own parameters override them */
    const char *const keys[] = {"connect_timeout", "application_name",
                                "client_encoding", "dbname", NULL};
    const char *const vals[] = {"10", "dyad", "UTF8", target, NULL};
    p->c = PQconnectdbParams(keys, vals, 1);
    if (!p->c || PQstatus(p->c) != CONNECTION_OK) {
        if (p->c) fail(p, err, "cannot connect");
        else snprintf(err->msg, sizeof err->msg, "%s: cannot connect", p->name);
        pg_close(p);
        return NULL;
    }
    /* extra_float_digits: doubles (Goldstein scores, place coordinates)
     * come back as the shortest text that reads back bit for bit, whatever
     * the server's default */
    if (exec(p, "SET client_min_messages = warning; SET extra_float_digits = 3",
             "cannot set up", err) < 0) {
        pg_close(p);
        return NULL;
    }
    if (mode == STORE_READONLY) {
        /* never writes: the server refuses any write on this session, and
         * the schema must be current already (no migration) */
        if (exec(p, "SET default_transaction_read_only = on", "cannot set up",
                 err) < 0 ||
            pg_schema_check(p->c, p->name, err) < 0) {
            pg_close(p);
            return NULL;
        }
        p->readonly = 1;
        return p;
    }
    if (pg_schema_upgrade(p->c, p->name, mode == STORE_WRITE, err) < 0 ||
        (mode == STORE_WRITE &&
         exec(p, stage_sql, "cannot create the staging tables", err) < 0)) {
        pg_close(p);
        return NULL;
    }
    return p;
}

/* ---- COPY text ------------------------------------------------------------ */

/* s in COPY's text format: backslash, tab, line feed and carriage return
 * escaped; NULL as \N. */
static void copy_str(writer_buf *b, const char *s) {
    if (!s) {
        writer_buf_put(b, "\\N", 2);
        return;
    }
    const char *run = s;
    for (; *s; s++) {
        char c = *s;
        if (c != '\\' && c != '\t' && c != '\n' && c != '\r') continue;
        writer_buf_put(b, run, (size_t)(s - run));
        char e[2] = {'\\', c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : 'r'};
        writer_buf_put(b, e, 2);
        run = s + 1;
    }
    writer_buf_put(b, run, (size_t)(s - run));
}

static void copy_nonempty(writer_buf *b, const char *s) {
    copy_str(b, s && *s ? s : NULL);
}

/* A fixed-size code field (not always NUL-terminated). */
static void copy_code(writer_buf *b, const char *s, size_t size) {
    char tmp[16];
    size_t n = strnlen(s, size < sizeof tmp ? size : sizeof tmp - 1);
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    copy_str(b, tmp);
}

static void tab(writer_buf *b) { writer_buf_putc(b, '\t'); }

static void copy_uint(writer_buf *b, unsigned long long v) {
    writer_buf_uint(b, v, 0);
    tab(b);
}

/* A double as PostgreSQL reads it back bit for bit. */
static void copy_double(writer_buf *b, double v) {
    writer_buf_printf(b, "%.17g", v);
}

/* A coordinate: NaN (none) as NULL, read back as NaN, as sqlite.c. */
static void copy_coord(writer_buf *b, double v) {
    if (isnan(v)) writer_buf_put(b, "\\N", 2);
    else copy_double(b, v);
}

/* ---- writing ------------------------------------------------------------------ */

static int pg_begin(void *be, store_error *err) {
    pg *p = be;
    if (p->readonly) { /* as sqlite.c: said at once, not at commit */
        snprintf(err->msg, sizeof err->msg, "%s: opened read-only", p->name);
        return -1;
    }
    batch_reset(p);
    return 0;
}

static void pg_rollback(void *be) {
    pg *p = be;
    batch_reset(p);
    p->nknown = p->nknown_committed; /* the batch's codes were not written */
}

/* Whether this document's sentence s was already written (the events of a
 * sentence are usually adjacent, but not always). -1 out of memory. */
static int sentence_seen(pg *p, uint32_t s) {
    for (size_t i = p->nseen; i-- > 0;)
        if (p->seen[i] == s) return 1;
    if (p->nseen == p->seencap) {
        size_t nc = p->seencap ? p->seencap * 2 : 64;
        uint32_t *ns = realloc(p->seen, nc * sizeof *ns);
        if (!ns) return -1;
        p->seen = ns;
        p->seencap = nc;
    }
    p->seen[p->nseen++] = s;
    return 0;
}

/* The codes row of ev's code, the first time this connection sees it. */
static void stage_code(pg *p, const store_doc *d, const dyad_event *ev) {
    for (size_t i = 0; i < p->nknown; i++)
        if (!strncmp(p->known[i], ev->code, sizeof ev->code)) return;
    int quad = ev->quad;
    double g = ev->goldstein;
    const char *name = NULL;
    if (d->engine) dyad_cameo_lookup(d->engine, ev->code, &quad, &g, &name);
    const plover_entry *pl = plover_lookup(ev->code, sizeof ev->code);
    writer_buf *b = &p->codes;
    copy_code(b, ev->code, sizeof ev->code);
    tab(b);
    copy_code(b, ev->root, sizeof ev->root);
    tab(b);
    copy_str(b, name);
    tab(b);
    copy_uint(b, (unsigned)quad);
    copy_double(b, g);
    tab(b);
    copy_nonempty(b, pl ? pl->type : NULL);
    tab(b);
    copy_nonempty(b, pl ? pl->mode : NULL);
    tab(b);
    copy_nonempty(b, pl ? pl->context : NULL);
    writer_buf_putc(b, '\n');
    if (p->nknown < KNOWN_CODES) {
        memcpy(p->known[p->nknown], ev->code, sizeof ev->code);
        p->known[p->nknown][sizeof ev->code - 1] = '\0';
        p->nknown++;
    }
}

static void stage_event(pg *p, const store_doc *d, uint32_t ord,
                        const dyad_event *ev) {
    writer_buf *b = &p->evs;
    const doc_record *r = d->rec;
    char hex[17];
    event_id_hex(event_id(r->id, ev), hex);
    actor_parts sp, tp;
    actor_split(ev->source, &sp);
    actor_split(ev->target, &tp);
    copy_uint(b, ord);
    if (r->date) copy_uint(b, r->date);
    else writer_buf_put(b, "\\N\t", 3);
    copy_uint(b, ev->sentence);
    copy_str(b, ev->source ? ev->source : "");
    tab(b);
    copy_str(b, ev->target ? ev->target : "");
    tab(b);
    copy_code(b, ev->code, sizeof ev->code);
    tab(b);
    copy_code(b, ev->root, sizeof ev->root);
    tab(b);
    writer_buf_int(b, ev->quad);
    tab(b);
    copy_double(b, ev->goldstein);
    tab(b);
    const char *texts[] = {ev->source_text, ev->verb_text, ev->target_text,
                           ev->issues, ev->rule};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        copy_str(b, texts[i]);
        tab(b);
    }
    copy_uint(b, ev->source_span.off);
    copy_uint(b, ev->source_span.len);
    copy_uint(b, ev->verb_span.off);
    copy_uint(b, ev->verb_span.len);
    copy_uint(b, ev->target_span.off);
    copy_uint(b, ev->target_span.len);
    copy_uint(b, ev->in_title != 0);
    writer_buf_put(b, hex, 16);
    tab(b);
    copy_nonempty(b, sp.country);
    tab(b);
    copy_nonempty(b, sp.type1);
    tab(b);
    copy_nonempty(b, tp.country);
    tab(b);
    copy_nonempty(b, tp.type1);
    tab(b);
    const dyad_place *pl = ev->place;
    if (pl) {
        /* the NULL conventions of sqlite.c: "" as NULL where the writers
         * print "" as null (admin1) or as nothing; the name as it is, so
         * that NULL means no place */
        copy_str(b, pl->name ? pl->name : "");
        tab(b);
        copy_uint(b, pl->geonameid);
        copy_str(b, pl->gazetteer_name);
        tab(b);
        copy_nonempty(b, pl->admin1);
        tab(b);
        copy_nonempty(b, pl->admin1_code);
        tab(b);
        copy_code(b, pl->country, sizeof pl->country);
        tab(b);
        copy_coord(b, pl->lat);
        tab(b);
        copy_coord(b, pl->lon);
        tab(b);
        copy_str(b, pl->level);
        tab(b);
        copy_str(b, pl->source);
        tab(b);
        copy_uint(b, pl->span.off);
        copy_uint(b, pl->span.len);
        copy_uint(b, pl->in_title != 0);
    } else {
        for (int i = 0; i < 13; i++) writer_buf_put(b, "\\N\t", 3);
    }
    if (ev->quote >= 0) writer_buf_int(b, ev->quote);
    else writer_buf_put(b, "\\N", 2);
    writer_buf_putc(b, '\n');
}

/* Quotation i of a document: the quotes columns after doc_key. */
static void stage_quote(pg *p, uint32_t i, const dyad_quote *q) {
    writer_buf *b = &p->quotes;
    copy_uint(b, i);
    copy_uint(b, q->sentence);
    copy_uint(b, q->last_sentence);
    copy_str(b, q->text ? q->text : "");
    tab(b);
    copy_uint(b, q->span.off);
    copy_uint(b, q->span.len);
    /* "" (unknown, none) as NULL, as the JSON record writes it; the code
     * keeps NULL (not coded) apart from "" */
    copy_nonempty(b, q->speaker);
    tab(b);
    copy_nonempty(b, q->speaker_name);
    tab(b);
    copy_str(b, q->speaker_code);
    tab(b);
    copy_uint(b, q->speaker_span.off);
    copy_uint(b, q->speaker_span.len);
    copy_nonempty(b, q->verb);
    tab(b);
    copy_str(b, q->attribution ? q->attribution : "");
    tab(b);
    /* the event indexes as a JSON array, "[2,3]" */
    writer_buf_putc(b, '[');
    for (uint32_t k = 0; k < q->nevents; k++) {
        if (k) writer_buf_putc(b, ',');
        writer_buf_uint(b, q->events[k], 0);
    }
    writer_buf_putc(b, ']');
    tab(b);
    writer_buf_uint(b, q->in_title != 0, 0);
    writer_buf_putc(b, '\n');
}

static void stage_sentence(pg *p, const dyad_event *ev) {
    writer_buf *b = &p->sents;
    copy_uint(b, ev->sentence);
    copy_uint(b, ev->in_title != 0);
    copy_uint(b, ev->sentence_span.off);
    copy_uint(b, ev->sentence_span.len);
    copy_str(b, ev->sentence_text ? ev->sentence_text : "");
    writer_buf_putc(b, '\n');
}

static void stage_document(pg *p, const store_doc *d, size_t nquotes) {
    const doc_record *r = d->rec;
    const dyad_result *res = d->res;
    writer_buf *b = &p->docs;
    char *url, *fields;
    store_input_fields(r, &url, &fields);
    copy_str(b, r->id ? r->id : "");
    tab(b);
    if (r->date) copy_uint(b, r->date);
    else writer_buf_put(b, "\\N\t", 3);
    const char *texts[] = {r->date_text, r->source, r->title, url, fields,
                           r->file};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        copy_str(b, texts[i]);
        tab(b);
    }
    free(url);
    free(fields);
    copy_uint(b, r->line);
    copy_uint(b, res ? res->nsentences : 0);
    copy_uint(b, d->nevents);
    copy_uint(b, d->lead_sentence);
    copy_uint(b, res ? (unsigned)res->discarded : 0);
    copy_uint(b, res ? res->invalid_bytes : 0);
    writer_buf_uint(b, nquotes, 0);
    writer_buf_putc(b, '\n');
}

static int pg_put(void *be, const store_doc *d, store_error *err) {
    pg *p = be;
    const char *id = d->rec->id ? d->rec->id : "";
    int is_new = 0;
    uint32_t *slot = strmap_put(&p->ids, id, strlen(id), &is_new);
    if (!slot) goto oom;
    if (is_new) {
        if (p->nd == p->dcap) {
            size_t nc = p->dcap ? p->dcap * 2 : 1024;
            pgdoc *nd = realloc(p->d, nc * sizeof *nd);
            if (!nd) goto oom;
            p->d = nd;
            p->dcap = nc;
        }
        *slot = (uint32_t)++p->nd;
    }
    pgdoc *x = &p->d[*slot - 1];
    memset(x, 0, sizeof *x);
    /* dyad_result_quote: NULL past the end, and for a result of a library
     * without quotations */
    size_t nquotes = 0;
    while (dyad_result_quote(d->res, nquotes)) nquotes++;
    x->doc_off = p->docs.len;
    stage_document(p, d, nquotes);
    x->doc_len = p->docs.len - x->doc_off;
    x->sent_off = p->sents.len;
    x->ev_off = p->evs.len;
    p->nseen = 0;
    for (size_t i = 0; i < d->nevents; i++) {
        const dyad_event *ev = d->events[i];
        int seen = sentence_seen(p, ev->sentence);
        if (seen < 0) goto oom;
        if (!seen) stage_sentence(p, ev);
        stage_code(p, d, ev);
        stage_event(p, d, (uint32_t)i, ev);
    }
    x->sent_len = p->sents.len - x->sent_off;
    x->ev_len = p->evs.len - x->ev_off;
    x->nevents = d->nevents;
    x->q_off = p->quotes.len;
    for (size_t i = 0; i < nquotes; i++)
        stage_quote(p, (uint32_t)i, dyad_result_quote(d->res, i));
    x->q_len = p->quotes.len - x->q_off;
    if (p->docs.failed || p->sents.failed || p->evs.failed ||
        p->quotes.failed || p->codes.failed)
        goto oom;
    return 0;
oom:
    snprintf(err->msg, sizeof err->msg, "%s: out of memory buffering a batch "
             "(a smaller --db-batch needs less)", p->name);
    return -1;
}

/* ---- commit ---------------------------------------------------------------- */

static int copy_flush(pg *p, store_error *err) {
    if (p->out.failed) {
        snprintf(err->msg, sizeof err->msg, "%s: out of memory", p->name);
        return -1;
    }
    if (p->out.len && PQputCopyData(p->c, p->out.p, (int)p->out.len) != 1)
        return fail(p, err, "cannot send a COPY");
    p->out.len = 0;
    return 0;
}

static int copy_begin(pg *p, const char *sql, store_error *err) {
    PGresult *r = PQexec(p->c, sql);
    int ok = PQresultStatus(r) == PGRES_COPY_IN;
    PQclear(r);
    p->out.len = 0;
    return ok ? 0 : fail(p, err, sql);
}

static int copy_end(pg *p, const char *what, store_error *err) {
    if (copy_flush(p, err) < 0) {
        PQputCopyEnd(p->c, "dyad: cancelled");
        PQclear(PQgetResult(p->c));
        return -1;
    }
    if (PQputCopyEnd(p->c, NULL) != 1) return fail(p, err, what);
    int rc = 0;
    PGresult *r;
    while ((r = PQgetResult(p->c))) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK) rc = -1;
        PQclear(r);
    }
    return rc ? fail(p, err, what) : 0;
}

/* Lines of buf[off, off+len), each prefixed with key and a tab. */
static int copy_keyed(pg *p, const writer_buf *buf, size_t off, size_t len,
                      long long key, store_error *err) {
    const char *s = buf->p + off, *end = s + len;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = (size_t)((nl ? nl + 1 : end) - s);
        writer_buf_int(&p->out, key);
        writer_buf_putc(&p->out, '\t');
        writer_buf_put(&p->out, s, n);
        s += n;
        if (p->out.len >= COPY_CHUNK && copy_flush(p, err) < 0) return -1;
    }
    return 0;
}

static int copy_docs(pg *p, store_error *err) {
    if (copy_begin(p, "COPY dyad_stage_docs FROM STDIN", err) < 0) return -1;
    for (size_t i = 0; i < p->nd; i++)
        if (copy_keyed(p, &p->docs, p->d[i].doc_off, p->d[i].doc_len,
                       (long long)i, err) < 0) {
            copy_end(p, "", err);
            return -1;
        }
    if (copy_end(p, "cannot stage documents", err) < 0) return -1;
    /* the planner's row count for the joins below (a temporary table has
     * no statistics until analysed) */
    return exec(p, "ANALYZE dyad_stage_docs", "cannot stage documents", err);
}

/* The batch's children of one kind, a COPY stream each. */
enum { CHILD_SENTENCES, CHILD_EVENTS, CHILD_QUOTES };

static int copy_children(pg *p, int kind, store_error *err) {
    static const char *const sql[] = {
        "COPY sentences (doc_key, sentence, in_title, off, len, text)"
        " FROM STDIN",
        "COPY events (doc_key, ord, date, sentence, source, target,"
        " code, root, quad, goldstein, source_text, verb_text,"
        " target_text, issues, rule, source_off, source_len, verb_off,"
        " verb_len, target_off, target_len, in_title, event_id,"
        " source_country, source_agent, target_country, target_agent,"
        " place_name, place_geonameid, place_gazetteer_name, place_admin1,"
        " place_admin1_code, place_country, place_lat, place_lon,"
        " place_level, place_source, place_off, place_len, place_in_title,"
        " quote) FROM STDIN",
        "COPY quotes (doc_key, quote, sentence, last_sentence, text, off, len,"
        " speaker, speaker_name, speaker_code, speaker_off, speaker_len, verb,"
        " attribution, events, in_title) FROM STDIN"};
    static const char *const what[] = {"cannot write sentences",
                                       "cannot write events",
                                       "cannot write quotations"};
    if (copy_begin(p, sql[kind], err) < 0) return -1;
    for (size_t i = 0; i < p->nd; i++) {
        const pgdoc *x = &p->d[i];
        int rc = kind == CHILD_EVENTS
                     ? copy_keyed(p, &p->evs, x->ev_off, x->ev_len, x->key, err)
                 : kind == CHILD_QUOTES
                     ? copy_keyed(p, &p->quotes, x->q_off, x->q_len, x->key, err)
                     : copy_keyed(p, &p->sents, x->sent_off, x->sent_len,
                                  x->key, err);
        if (rc < 0) {
            copy_end(p, "", err);
            return -1;
        }
    }
    return copy_end(p, what[kind], err);
}

static int copy_codes(pg *p, store_error *err) {
    if (!p->codes.len) return 0;
    if (copy_begin(p, "COPY dyad_stage_codes FROM STDIN", err) < 0) return -1;
    writer_buf_put(&p->out, p->codes.p, p->codes.len);
    if (copy_end(p, "cannot stage codes", err) < 0) return -1;
    return exec(p, "INSERT INTO codes SELECT * FROM dyad_stage_codes"
                   " ON CONFLICT (code) DO NOTHING", "cannot write codes", err);
}

/* A statement with the batch number and time as $1 and $2. */
static int exec2(pg *p, const char *sql, const char *batch, const char *now,
                 const char *what, store_error *err) {
    const char *params[2] = {batch, now};
    PGresult *r = PQexecParams(p->c, sql, 2, NULL, params, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(r);
    PQclear(r);
    return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ? 0 : fail(p, err, what);
}

static const char doc_cols[] =
    "date, date_text, publisher, title, url, fields, file, line, nsentences,"
    " nevents, lead_sentence, discarded, invalid_bytes, nquotes";

/* Documents into their table: re-coded ones keep their key and lose their
 * sentences, events and quotations, new ones are added in input order.
 * Then every slot learns its doc_key. */
static int write_documents(pg *p, const char *batch, const char *now,
                           store_error *err) {
    char sql[1024];
    if (exec(p, "DELETE FROM events e USING documents d, dyad_stage_docs s"
                " WHERE e.doc_key = d.doc_key AND d.doc_id = s.doc_id",
             "cannot replace events", err) < 0 ||
        exec(p, "DELETE FROM sentences e USING documents d, dyad_stage_docs s"
                " WHERE e.doc_key = d.doc_key AND d.doc_id = s.doc_id",
             "cannot replace sentences", err) < 0 ||
        exec(p, "DELETE FROM quotes e USING documents d, dyad_stage_docs s"
                " WHERE e.doc_key = d.doc_key AND d.doc_id = s.doc_id",
             "cannot replace quotations", err) < 0)
        return -1;
    snprintf(sql, sizeof sql,
             "UPDATE documents d SET (%s, batch, coded_at) = (SELECT %s,"
             " $1::bigint, $2::text FROM dyad_stage_docs s WHERE s.doc_id ="
             " d.doc_id) WHERE d.doc_id IN (SELECT doc_id FROM dyad_stage_docs)",
             doc_cols, doc_cols);
    if (exec2(p, sql, batch, now, "cannot replace documents", err) < 0) return -1;
    snprintf(sql, sizeof sql,
             "INSERT INTO documents (doc_id, %s, batch, coded_at) SELECT doc_id,"
             " %s, $1::bigint, $2::text FROM dyad_stage_docs s WHERE NOT EXISTS"
             " (SELECT 1 FROM documents d WHERE d.doc_id = s.doc_id)"
             " ORDER BY s.seq", doc_cols, doc_cols);
    if (exec2(p, sql, batch, now, "cannot write documents", err) < 0) return -1;
    PGresult *r = PQexec(p->c, "SELECT s.seq, d.doc_key FROM dyad_stage_docs s"
                               " JOIN documents d ON d.doc_id = s.doc_id");
    if (PQresultStatus(r) != PGRES_TUPLES_OK || (size_t)PQntuples(r) != p->nd) {
        PQclear(r);
        return fail(p, err, "cannot read document keys");
    }
    for (int i = 0; i < PQntuples(r); i++) {
        unsigned long seq = strtoul(PQgetvalue(r, i, 0), NULL, 10);
        if (seq < p->nd) p->d[seq].key = strtoll(PQgetvalue(r, i, 1), NULL, 10);
    }
    PQclear(r);
    return 0;
}

static int pg_commit(void *be, store_batch *b, store_error *err) {
    pg *p = be;
    char sql[256], batch[32], now[24];
    uint64_t nevents = 0;
    for (size_t i = 0; i < p->nd; i++) nevents += p->d[i].nevents;
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    snprintf(sql, sizeof sql, "BEGIN; SELECT pg_advisory_xact_lock(%lld)",
             PG_LOCK_WRITE);
    if (exec(p, sql, "cannot start a batch", err) < 0) goto fail;
    PGresult *r = PQexec(p->c, "INSERT INTO batches (documents, events)"
                               " VALUES (0, 0) RETURNING batch");
    if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
        PQclear(r);
        fail(p, err, "cannot start a batch");
        goto fail;
    }
    snprintf(batch, sizeof batch, "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
    if (copy_docs(p, err) < 0 || write_documents(p, batch, now, err) < 0 ||
        copy_children(p, CHILD_SENTENCES, err) < 0 ||
        copy_children(p, CHILD_EVENTS, err) < 0 ||
        copy_children(p, CHILD_QUOTES, err) < 0 || copy_codes(p, err) < 0)
        goto fail;
    snprintf(sql, sizeof sql,
             "UPDATE batches SET documents = %zu, events = %llu, committed_at ="
             " $2 WHERE batch = $1::bigint", p->nd, (unsigned long long)nevents);
    if (exec2(p, sql, batch, now, "cannot close the batch", err) < 0 ||
        exec(p, "COMMIT", "cannot commit", err) < 0)
        goto fail;
    b->id = strtoll(batch, NULL, 10);
    b->documents = p->nd;
    b->events = nevents;
    p->nknown_committed = p->nknown;
    batch_reset(p);
    return 0;
fail:
    PQclear(PQexec(p->c, "ROLLBACK"));
    pg_rollback(p);
    return -1;
}

/* ---- reading ------------------------------------------------------------------ */

/* The WHERE clause of a store_query and its parameters, numbered in the
 * order they are added ($1, $2, ...), each with an explicit type: the
 * user's text only ever travels as a parameter. */
typedef struct where {
    char sql[2048];
    const char *params[24];
    char bounds[4][64];          /* upper bounds of prefixes */
    char nums[7][32];            /* from, to, quad, cursor value, key, ord,
                                    limit as text */
    char like[2 * STORE_TEXT_MAX + 3]; /* the text search as a pattern */
    char limit[48];              /* " LIMIT $N::bigint" or "" */
    int nparams, nbounds;
} where;

enum { N_FROM, N_TO, N_QUAD, N_VALUE, N_KEY, N_ORD, N_LIMIT };

static void add(where *w, const char *text) {
    size_t n = strlen(w->sql);
    snprintf(w->sql + n, sizeof w->sql - n, "%s", text);
}

static int param(where *w, const char *v) {
    w->params[w->nparams++] = v;
    return w->nparams;
}

/* "$N::type" for a number kept in w->nums[slot], appended. */
static void num_param(where *w, int slot, const char *type) {
    char buf[32];
    snprintf(buf, sizeof buf, "$%d::%s", param(w, w->nums[slot]), type);
    add(w, buf);
}

/* "(col >= $N AND col < $M)" for prefix v, as sqlite.c. */
static void prefix_range(where *w, const char *col, const char *v) {
    char buf[160];
    int lo = param(w, v);
    if (w->nbounds < 4 &&
        store_prefix_next(v, w->bounds[w->nbounds], sizeof w->bounds[0]) == 0) {
        int hi = param(w, w->bounds[w->nbounds++]);
        snprintf(buf, sizeof buf, "(%s >= $%d AND %s < $%d)", col, lo, col, hi);
    } else {
        snprintf(buf, sizeof buf, "%s >= $%d", col, lo);
    }
    add(w, buf);
}

/* A cursor's sort value as an integer the server can cast (a date). */
static long long clamp_ll(double v) {
    if (isnan(v)) return 0;
    if (v < -9e18) return -9000000000000000000LL;
    if (v > 9e18) return 9000000000000000000LL;
    return (long long)v;
}

static void build_where(where *w, const store_query *q) {
    memset(w, 0, sizeof *w);
    add(w, " WHERE TRUE");
    if (q->from) {
        snprintf(w->nums[N_FROM], sizeof w->nums[0], "%u", (unsigned)q->from);
        add(w, " AND e.date >= ");
        num_param(w, N_FROM, "int");
    }
    if (q->to) {
        snprintf(w->nums[N_TO], sizeof w->nums[0], "%u", (unsigned)q->to);
        add(w, " AND e.date <= ");
        num_param(w, N_TO, "int");
    }
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
    if (q->quad) {
        snprintf(w->nums[N_QUAD], sizeof w->nums[0], "%d", q->quad);
        add(w, " AND e.quad = ");
        num_param(w, N_QUAD, "int");
    }
    if (q->text && *q->text) {
        /* % and _ of the text are literal; ILIKE under COLLATE "C" folds
         * ASCII letters only, as SQLite's LIKE */
        char *o = w->like;
        *o++ = '%';
        for (const char *t = q->text; *t; t++) {
            if (*t == '%' || *t == '_' || *t == '\\') *o++ = '\\';
            *o++ = *t;
        }
        *o++ = '%';
        *o = '\0';
        int n = param(w, w->like);
        char buf[512];
        snprintf(buf, sizeof buf,
                 " AND (e.source_text ILIKE $%d COLLATE \"C\""
                 " OR e.verb_text ILIKE $%d COLLATE \"C\""
                 " OR e.target_text ILIKE $%d COLLATE \"C\""
                 " OR EXISTS (SELECT 1 FROM sentences s2 WHERE s2.doc_key ="
                 " e.doc_key AND s2.sentence = e.sentence AND s2.text ILIKE"
                 " $%d COLLATE \"C\"))", n, n, n, n);
        add(w, buf);
    }
    if (q->has_after && q->sort > 0 && q->sort <= STORE_SORT_GOLDSTEIN_DESC) {
        /* the rows after the cursor in the sort's order: odd sorts ascend */
        int asc = q->sort % 2 == 1;
        if (q->sort == STORE_SORT_DATE || q->sort == STORE_SORT_DATE_DESC) {
            snprintf(w->nums[N_VALUE], sizeof w->nums[0], "%lld",
                     clamp_ll(q->after_value));
            add(w, " AND (coalesce(e.date, 0), e.doc_key, e.ord) ");
            add(w, asc ? "> (" : "< (");
            num_param(w, N_VALUE, "bigint");
            add(w, ", ");
        } else if (q->sort >= STORE_SORT_GOLDSTEIN) {
            snprintf(w->nums[N_VALUE], sizeof w->nums[0], "%.17g", q->after_value);
            add(w, " AND (e.goldstein, e.doc_key, e.ord) ");
            add(w, asc ? "> (" : "< (");
            num_param(w, N_VALUE, "float8");
            add(w, ", ");
        } else {
            add(w, " AND (e.doc_key, e.ord) ");
            add(w, asc ? "> (" : "< (");
        }
        snprintf(w->nums[N_KEY], sizeof w->nums[0], "%lld", (long long)q->after_key);
        snprintf(w->nums[N_ORD], sizeof w->nums[0], "%u", (unsigned)q->after_ord);
        num_param(w, N_KEY, "bigint");
        add(w, ", ");
        num_param(w, N_ORD, "bigint");
        add(w, ")");
    }
    if (q->limit) {
        snprintf(w->nums[N_LIMIT], sizeof w->nums[0], "%llu",
                 (unsigned long long)(q->limit > INT64_MAX ? INT64_MAX : q->limit));
        snprintf(w->limit, sizeof w->limit, " LIMIT $%d::bigint",
                 param(w, w->nums[N_LIMIT]));
    }
}

/* The ORDER BY of q, as sqlite.c's; NULLS FIRST where SQLite puts an
 * unknown date (the sorts' coalesce has none). */
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
        return q->light ? " ORDER BY e.date NULLS FIRST, e.source, e.target, e.code"
                        : " ORDER BY e.date NULLS FIRST, e.source, e.target,"
                          " e.code, e.doc_key, e.ord";
    return q->light ? "" : " ORDER BY e.doc_key, e.ord";
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
/* A sorted page (store_query.sort), as sqlite.c's: the keys are sorted and
 * cut from the events table alone, and only the page's rows are joined. */
static const char page_keys[] =
    " FROM (SELECT e.doc_key AS k, e.ord AS o FROM events e";
static const char page_join[] =
    ") sel JOIN events e ON e.doc_key = sel.k AND e.ord = sel.o";

static const char light_cols[] =
    "SELECT e.date, e.source, e.target, e.code, e.root, e.quad, e.goldstein"
    " FROM events e";

/* The quotations of the documents in the date range (store_query.quotes),
 * in the order the event scan gives their documents. */
static const char quote_cols[] =
    "SELECT q.doc_key, q.quote, d.doc_id, d.date, d.date_text, d.publisher,"
    " d.title, d.url, d.file, d.line, d.lead_sentence, d.coded_at,"
    " q.sentence, q.last_sentence, q.text, q.off, q.len, q.speaker,"
    " q.speaker_name, q.speaker_code, q.speaker_off, q.speaker_len, q.verb,"
    " q.attribution, q.events, q.in_title"
    " FROM quotes q JOIN documents d ON d.doc_key = q.doc_key WHERE TRUE";

/* Column i of row k; NULL as "". */
static const char *col(const PGresult *r, int k, int i) {
    return PQgetisnull(r, k, i) ? "" : PQgetvalue(r, k, i);
}

static uint32_t col_u32(const PGresult *r, int k, int i) {
    long long v = strtoll(col(r, k, i), NULL, 10);
    return v < 0 || v > UINT32_MAX ? 0 : (uint32_t)v;
}

/* A double precision column; NULL (a NaN stored) as NaN. */
static double col_double(const PGresult *r, int k, int i) {
    return PQgetisnull(r, k, i) ? NAN : strtod(PQgetvalue(r, k, i), NULL);
}

static void read_light(const PGresult *r, int k, store_row *w) {
    w->date = col_u32(r, k, 0);
    w->ev.source = col(r, k, 1);
    w->ev.target = col(r, k, 2);
    snprintf(w->ev.code, sizeof w->ev.code, "%s", col(r, k, 3));
    snprintf(w->ev.root, sizeof w->ev.root, "%s", col(r, k, 4));
    w->ev.quad = atoi(col(r, k, 5));
    w->ev.goldstein = strtod(col(r, k, 6), NULL);
}

/* The document columns 0..11 of an event or quotation row. */
static void read_doc(const PGresult *r, int k, store_row *w) {
    w->doc_key = strtoll(col(r, k, 0), NULL, 10);
    w->ord = col_u32(r, k, 1);
    w->doc_id = col(r, k, 2);
    w->date = col_u32(r, k, 3);
    w->date_text = col(r, k, 4);
    w->publisher = col(r, k, 5);
    w->title = col(r, k, 6);
    w->url = col(r, k, 7);
    w->file = col(r, k, 8);
    w->line = strtoull(col(r, k, 9), NULL, 10);
    w->lead_sentence = col_u32(r, k, 10);
    w->coded_at = col(r, k, 11);
}

static void read_full(const PGresult *r, int k, store_row *w) {
    read_doc(r, k, w);
    dyad_event *ev = &w->ev;
    ev->sentence = col_u32(r, k, 12);
    ev->source = col(r, k, 13);
    ev->target = col(r, k, 14);
    snprintf(ev->code, sizeof ev->code, "%s", col(r, k, 15));
    snprintf(ev->root, sizeof ev->root, "%s", col(r, k, 16));
    ev->quad = atoi(col(r, k, 17));
    ev->goldstein = strtod(col(r, k, 18), NULL);
    ev->source_text = col(r, k, 19);
    ev->verb_text = col(r, k, 20);
    ev->target_text = col(r, k, 21);
    ev->sentence_text = col(r, k, 22);
    ev->issues = col(r, k, 23);
    ev->rule = col(r, k, 24);
    ev->sentence_span.off = col_u32(r, k, 25);
    ev->sentence_span.len = col_u32(r, k, 26);
    ev->source_span.off = col_u32(r, k, 27);
    ev->source_span.len = col_u32(r, k, 28);
    ev->verb_span.off = col_u32(r, k, 29);
    ev->verb_span.len = col_u32(r, k, 30);
    ev->target_span.off = col_u32(r, k, 31);
    ev->target_span.len = col_u32(r, k, 32);
    ev->in_title = atoi(col(r, k, 33));
    w->event_id = col(r, k, 34);
    w->cameo_name = col(r, k, 35);
    w->plover_type = col(r, k, 36);
    w->plover_mode = col(r, k, 37);
    w->plover_context = col(r, k, 38);
    ev->place = NULL;
    if (!PQgetisnull(r, k, 39)) { /* place_name NULL: no place */
        dyad_place *pl = &w->place;
        pl->name = col(r, k, 39);
        pl->geonameid = col_u32(r, k, 40);
        pl->gazetteer_name = col(r, k, 41);
        pl->admin1 = col(r, k, 42);
        pl->admin1_code = col(r, k, 43);
        snprintf(pl->country, sizeof pl->country, "%s", col(r, k, 44));
        pl->lat = col_double(r, k, 45);
        pl->lon = col_double(r, k, 46);
        pl->level = col(r, k, 47);
        pl->source = col(r, k, 48);
        pl->span.off = col_u32(r, k, 49);
        pl->span.len = col_u32(r, k, 50);
        pl->in_title = atoi(col(r, k, 51));
        ev->place = pl;
    }
    long long qi = strtoll(col(r, k, 52), NULL, 10);
    ev->quote = PQgetisnull(r, k, 52) || qi < 0 || qi > INT32_MAX ? -1
                                                                  : (int32_t)qi;
}

/* "[2,3]" into p->qev; the count, or -1 when memory ran out. Anything but
 * digits separates numbers (so "[2, 3]" of a jsonb cast reads too). */
static long parse_list(pg *p, const char *t) {
    size_t n = 0;
    for (const char *s = t; *s;) {
        if (*s < '0' || *s > '9') {
            s++;
            continue;
        }
        unsigned long long v = 0;
        for (; *s >= '0' && *s <= '9'; s++)
            if (v <= UINT32_MAX) v = v * 10 + (unsigned)(*s - '0');
        if (n == p->qev_cap) {
            size_t cap = p->qev_cap ? 2 * p->qev_cap : 16;
            uint32_t *nq = realloc(p->qev, cap * sizeof *nq);
            if (!nq) return -1;
            p->qev = nq;
            p->qev_cap = cap;
        }
        p->qev[n++] = v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
    }
    return (long)n;
}

static int read_quote(pg *p, const PGresult *r, int k, store_row *w) {
    w->kind = STORE_ROW_QUOTE;
    read_doc(r, k, w);
    dyad_quote *q = &w->quote;
    q->sentence = col_u32(r, k, 12);
    q->last_sentence = col_u32(r, k, 13);
    q->text = col(r, k, 14);
    q->span.off = col_u32(r, k, 15);
    q->span.len = col_u32(r, k, 16);
    q->speaker = col(r, k, 17);
    q->speaker_name = col(r, k, 18);
    q->speaker_code = PQgetisnull(r, k, 19) ? NULL : PQgetvalue(r, k, 19);
    q->speaker_span.off = col_u32(r, k, 20);
    q->speaker_span.len = col_u32(r, k, 21);
    q->verb = col(r, k, 22);
    q->attribution = col(r, k, 23);
    long n = parse_list(p, col(r, k, 24));
    if (n < 0) return -1;
    q->events = p->qev;
    q->nevents = (uint32_t)n;
    q->in_title = atoi(col(r, k, 25));
    return 0;
}

static void row_init(store_row *w) {
    memset(w, 0, sizeof *w);
    w->doc_id = w->date_text = w->publisher = w->title = w->url = w->file =
        w->coded_at = w->event_id = w->cameo_name = w->plover_type =
            w->plover_mode = w->plover_context = "";
    w->ev.quote = -1;
}

/* Ends the query in flight whose rows are no longer wanted. A bounded one
 * (a LIMIT) is read to its end: cheaper than a cancel request, which is a
 * connection of its own. Otherwise the server is asked to cancel it; a
 * cancel that arrives after the query ended would hit the next statement
 * of this connection, so a throwaway one takes it. */
static void finish_query(pg *p, int cancel) {
    if (cancel) {
        PGcancel *cn = PQgetCancel(p->c);
        if (cn) {
            char buf[256];
            PQcancel(cn, buf, sizeof buf);
            PQfreeCancel(cn);
        }
    }
    PGresult *r;
    while ((r = PQgetResult(p->c))) PQclear(r);
    if (cancel) PQclear(PQexec(p->c, "SELECT 1"));
}

/* How often a running query's cancel function is polled while no row
 * comes (a sort, a lock wait): a request's time limit is met within it. */
#define CANCEL_POLL_MS 20

/* The next result of the query in flight, or NULL at its end; with a
 * cancel function, polled before every row and while the server works:
 * *cancelled set and NULL when it said stop. */
static PGresult *next_result(pg *p, const store_query *q, int *cancelled) {
    if (!q->cancel) return PQgetResult(p->c);
    for (;;) {
        if (q->cancel(q->cancel_ud)) {
            *cancelled = 1;
            return NULL;
        }
        if (!PQisBusy(p->c)) return PQgetResult(p->c);
        struct pollfd pf = {PQsocket(p->c), POLLIN, 0};
        if (poll(&pf, 1, CANCEL_POLL_MS) < 0 && errno != EINTR)
            return PQgetResult(p->c);
        /* a broken connection: PQgetResult reports it */
        if (!PQconsumeInput(p->c)) return PQgetResult(p->c);
    }
}

static int interrupted(pg *p, store_error *err) {
    snprintf(err->msg, sizeof err->msg, "%s: query interrupted", p->name);
    return -1;
}

/* One cursor of a merged scan: its last fetch and the row read in it. */
typedef struct cursor {
    const char *name;
    PGresult *r;
    int row, n;
    int done;                    /* the last fetch was short: no more */
} cursor;

#define FETCH_ROWS 500

/* Moves c to its next row: 1 there is one, 0 the end, -1 error (err set).
 * The row before is gone (the callback that read it has returned). */
static int cursor_next(pg *p, cursor *c, const char *what, store_error *err) {
    if (c->r && ++c->row < c->n) return 1;
    PQclear(c->r);
    c->r = NULL;
    if (c->done) return 0;
    char sql[64];
    snprintf(sql, sizeof sql, "FETCH %d FROM %s", FETCH_ROWS, c->name);
    c->r = PQexec(p->c, sql);
    if (PQresultStatus(c->r) != PGRES_TUPLES_OK) {
        PQclear(c->r);
        c->r = NULL;
        return fail(p, err, what);
    }
    c->n = PQntuples(c->r);
    c->row = 0;
    if (c->n < FETCH_ROWS) c->done = 1;
    if (c->n > 0) return 1;
    PQclear(c->r);
    c->r = NULL;
    return 0;
}

/* DECLARE name CURSOR FOR sql, with params. */
static int declare(pg *p, const char *name, const char *sql, int nparams,
                   const char *const *params, const char *what,
                   store_error *err) {
    size_t n = strlen(name) + strlen(sql) + 40;
    char *text = malloc(n);
    if (!text) {
        snprintf(err->msg, sizeof err->msg, "%s: out of memory", p->name);
        return -1;
    }
    snprintf(text, n, "DECLARE %s NO SCROLL CURSOR FOR %s", name, sql);
    PGresult *r = PQexecParams(p->c, text, nparams, NULL, params, NULL, NULL, 0);
    free(text);
    ExecStatusType st = PQresultStatus(r);
    PQclear(r);
    return st == PGRES_COMMAND_OK ? 0 : fail(p, err, what);
}

/* The events of events_sql (parameters w) and the quotations of the
 * documents of q's date range, merged: each document's events, then its
 * quotations (store_query.quotes). Two cursors of one read-only REPEATABLE
 * READ transaction: both see one snapshot, and libpq cannot interleave two
 * queries on one connection otherwise. */
static int scan_merged(pg *p, const store_query *q, const char *events_sql,
                       const where *w, store_row_fn fn, void *ctx,
                       store_error *err) {
    char qsql[1024], dates[2][16], buf[48];
    const char *params[2];
    int np = 0;
    snprintf(qsql, sizeof qsql, "%s", quote_cols);
    if (q->from) {
        snprintf(dates[np], sizeof dates[np], "%u", (unsigned)q->from);
        params[np] = dates[np];
        np++;
        snprintf(buf, sizeof buf, " AND d.date >= $%d::int", np);
        strncat(qsql, buf, sizeof qsql - strlen(qsql) - 1);
    }
    if (q->to) {
        snprintf(dates[np], sizeof dates[np], "%u", (unsigned)q->to);
        params[np] = dates[np];
        np++;
        snprintf(buf, sizeof buf, " AND d.date <= $%d::int", np);
        strncat(qsql, buf, sizeof qsql - strlen(qsql) - 1);
    }
    strncat(qsql, " ORDER BY q.doc_key, q.quote", sizeof qsql - strlen(qsql) - 1);
    if (exec(p, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
             "cannot query events", err) < 0)
        return -1;
    int ret = 0;
    if (declare(p, "dyad_events", events_sql, w->nparams, w->params,
                "cannot query events", err) < 0 ||
        declare(p, "dyad_quotes", qsql, np, params, "cannot query quotations",
                err) < 0) {
        PQclear(PQexec(p->c, "ROLLBACK"));
        return -1;
    }
    cursor ev = {"dyad_events", NULL, 0, 0, 0};
    cursor qu = {"dyad_quotes", NULL, 0, 0, 0};
    int e = cursor_next(p, &ev, "cannot read events", err);
    int k = e < 0 ? 0 : cursor_next(p, &qu, "cannot read quotations", err);
    store_row row;
    while (e > 0 || k > 0) {
        if (e < 0 || k < 0) break;
        if (q->cancel && q->cancel(q->cancel_ud)) {
            ret = interrupted(p, err);
            break;
        }
        row_init(&row);
        /* a document's events before its quotations */
        if (e > 0 &&
            (k == 0 || strtoll(PQgetvalue(ev.r, ev.row, 0), NULL, 10) <=
                           strtoll(PQgetvalue(qu.r, qu.row, 0), NULL, 10))) {
            read_full(ev.r, ev.row, &row);
            ret = fn(ctx, &row);
            if (ret) break;
            e = cursor_next(p, &ev, "cannot read events", err);
        } else {
            if (read_quote(p, qu.r, qu.row, &row) < 0) {
                snprintf(err->msg, sizeof err->msg, "%s: out of memory", p->name);
                ret = -1;
                break;
            }
            ret = fn(ctx, &row);
            if (ret) break;
            k = cursor_next(p, &qu, "cannot read quotations", err);
        }
    }
    if (!ret && (e < 0 || k < 0)) ret = -1;
    PQclear(ev.r);
    PQclear(qu.r);
    /* read only: nothing to commit; the cursors close with it */
    PQclear(PQexec(p->c, "ROLLBACK"));
    return ret;
}

static int pg_scan(void *be, const store_query *q, store_row_fn fn, void *ctx,
                   store_error *err) {
    pg *p = be;
    if (q->text && strlen(q->text) > STORE_TEXT_MAX) {
        snprintf(err->msg, sizeof err->msg,
                 "text search longer than %d bytes", STORE_TEXT_MAX);
        return -1;
    }
    where w;
    build_where(&w, q);
    char sql[8192];
    /* the three shapes of sqlite.c's scan */
    if (q->light)
        snprintf(sql, sizeof sql, "%s%s%s%s", light_cols, w.sql, order_by(q),
                 w.limit);
    else if (q->sort)
        snprintf(sql, sizeof sql, "%s%s%s%s%s%s%s%s", full_cols, page_keys,
                 w.sql, order_by(q), w.limit, page_join, full_joins, order_by(q));
    else
        snprintf(sql, sizeof sql, "%s FROM events e%s%s%s%s", full_cols,
                 full_joins, w.sql, order_by(q), w.limit);
    /* quotations: store.c passes quotes only with document order and whole
     * documents */
    if (q->quotes && !q->light && !q->sort && q->order == STORE_ORDER_DOC)
        return scan_merged(p, q, sql, &w, fn, ctx, err);
    if (!PQsendQueryParams(p->c, sql, w.nparams, NULL, w.params, NULL, NULL, 0) ||
        !PQsetSingleRowMode(p->c)) {
        fail(p, err, "cannot query events");
        finish_query(p, 0);
        return -1;
    }
    int ret = 0, failed = 0, cancelled = 0;
    PGresult *r;
    while ((r = next_result(p, q, &cancelled))) {
        ExecStatusType st = PQresultStatus(r);
        if (st == PGRES_SINGLE_TUPLE) {
            store_row row;
            row_init(&row);
            if (q->light) read_light(r, 0, &row);
            else read_full(r, 0, &row);
            ret = fn(ctx, &row);
            PQclear(r);
            if (ret) {
                finish_query(p, !q->limit);
                return ret;
            }
            continue;
        }
        if (st != PGRES_TUPLES_OK && !failed) {
            failed = 1;
            fail(p, err, "cannot read events");
        }
        PQclear(r);
    }
    if (cancelled) {
        finish_query(p, 1);
        return interrupted(p, err);
    }
    return failed ? -1 : 0;
}

const store_backend store_backend_postgres = {
    "postgres", "PostgreSQL server (libpq; batches loaded with COPY)",
    pg_claims, pg_open, pg_begin, pg_put, pg_commit, pg_rollback, pg_scan,
    pg_close,
};
#endif
