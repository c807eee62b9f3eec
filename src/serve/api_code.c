/* api_code.c -- POST /api/code: one document coded with the shared engine
 * and this request's worker's dyad_doc. The body is the text itself
 * (text/plain, date= title= id= in the query) or a JSON document
 * {"text", "title", "date", "id", "source", "url", ...} as `dyad code`
 * reads JSON Lines. The events are the objects `dyad code` writes, with
 * the explain trace on explain=1. With store=1 (and the API key) the
 * document goes into the store in one transaction, exactly as `dyad code
 * --db` would store it: a document with the same id is replaced. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <microhttpd.h>

#include "serve/server.h"

#define ID_MAX 256

/* The document as the store and the writers take it. */
typedef struct input_doc {
    doc_record rec;
    json_t *json;                  /* the parsed body, owns the strings */
    char id[32];                   /* a derived id */
    uint32_t date;
} input_doc;

/* A string member of the JSON document, or NULL; -1 when it is there but
 * not a string. */
static int json_str(json_t *o, const char *k, const char **out, resp *r) {
    json_t *v = json_object_get(o, k);
    *out = NULL;
    if (!v || json_is_null(v)) return 0;
    if (!json_is_string(v)) {
        reply_error(r, 400, "%s: must be a string", k);
        return -1;
    }
    *out = json_string_value(v);
    return 0;
}

static int from_json(const req *rq, input_doc *d, resp *r) {
    json_error_t je;
    d->json = json_loadb(rq->body, rq->body_len, JSON_REJECT_DUPLICATES, &je);
    if (!d->json) {
        reply_error(r, 400, "malformed JSON: %s (line %d, column %d)", je.text,
                    je.line, je.column);
        return -1;
    }
    if (!json_is_object(d->json)) {
        reply_error(r, 400, "the JSON body must be an object: {\"text\": ...}");
        return -1;
    }
    doc_record *rec = &d->rec;
    if (json_str(d->json, "text", &rec->text, r) < 0 ||
        json_str(d->json, "title", &rec->title, r) < 0 ||
        json_str(d->json, "id", &rec->id, r) < 0 ||
        json_str(d->json, "source", &rec->source, r) < 0 ||
        json_str(d->json, "date", &rec->date_text, r) < 0 ||
        json_str(d->json, "url", &rec->url, r) < 0)
        return -1;
    if (!rec->text) {
        reply_error(r, 400, "text: missing (the JSON document needs a \"text\" string)");
        return -1;
    }
    rec->text_len = json_string_length(json_object_get(d->json, "text"));
    rec->raw = rq->body;           /* other fields go to the store */
    rec->raw_len = rq->body_len;
    return 0;
}

static int from_text(const req *rq, input_doc *d) {
    d->rec.text = rq->body;
    d->rec.text_len = rq->body_len;
    d->rec.title = arg_get(rq, "title");
    d->rec.id = arg_get(rq, "id");
    d->rec.date_text = arg_get(rq, "date");
    return 0;
}

/* The body's kind from Content-Type: 1 JSON, 0 text, -1 other. */
static int body_kind(const req *rq) {
    const char *ct = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND,
                                                 MHD_HTTP_HEADER_CONTENT_TYPE);
    if (!ct || !*ct) return 0;
    size_t n = strcspn(ct, "; ");
    if (n == 16 && !strncasecmp(ct, "application/json", 16)) return 1;
    if (n == 10 && !strncasecmp(ct, "text/plain", 10)) return 0;
    return -1;
}

/* Checks the fields and fills the derived ones; -1 after reply_error. */
static int finish_doc(input_doc *d, resp *r) {
    doc_record *rec = &d->rec;
    if (!rec->text_len || strspn(rec->text, " \t\r\n") == rec->text_len) {
        reply_error(r, 400, "no text to code");
        return -1;
    }
    if (rec->date_text && *rec->date_text) {
        rec->date = dyad_parse_date(rec->date_text, strlen(rec->date_text));
        if (!rec->date) {
            reply_error(r, 400, "date: '%s' is not a date (YYYY-MM-DD or YYYYMMDD)",
                        rec->date_text);
            return -1;
        }
    }
    if (rec->id && (!*rec->id || strlen(rec->id) > ID_MAX)) {
        reply_error(r, 400, "id: 1 to %d bytes", ID_MAX);
        return -1;
    }
    if (!rec->id) {
        /* the same text, title and date get the same id: storing it again
         * replaces it */
        uint64_t h = 0xcbf29ce484222325ull;
        const char *parts[3] = {rec->title ? rec->title : "", rec->text,
                                rec->date_text ? rec->date_text : ""};
        size_t lens[3] = {strlen(parts[0]), rec->text_len, strlen(parts[2])};
        for (int p = 0; p < 3; p++) {
            for (size_t i = 0; i < lens[p]; i++)
                h = (h ^ (unsigned char)parts[p][i]) * 0x100000001b3ull;
            h = (h ^ 0x1f) * 0x100000001b3ull;
        }
        snprintf(d->id, sizeof d->id, "api-%016llx", (unsigned long long)h);
        rec->id = d->id;
    }
    rec->file = "api";
    return 0;
}

/* The events as the JSON objects of `dyad code`, comma-separated. */
static int write_events(const input_doc *d, const dyad_result *res,
                        writer_buf *b) {
    writer_mem mem = {0};
    writer_sink sink = writer_sink_mem(&mem);
    writer *w = writer_open(&sink, writer_format_find("jsonl"));
    if (!w) return -1;
    int rc = 0;
    for (size_t i = 0; i < res->nevents && rc == 0; i++) {
        mem.len = 0;
        rc = writer_event(w, &d->rec, res, dyad_result_event(res, i));
        if (rc == 0 && mem.len) {
            if (i) writer_buf_putc(b, ',');
            writer_buf_put(b, mem.data, mem.len - 1);   /* without "\n" */
        }
    }
    if (writer_close(w) < 0) rc = -1;
    writer_mem_free(&mem);
    return rc;
}

/* Stores the document in one transaction; -1 after reply_error. */
static int store_doc_now(const req *rq, const input_doc *d, const dyad_result *res,
                         store_batch *batch, resp *r) {
    server *s = rq->srv;
    const dyad_event **evs = malloc((res->nevents ? res->nevents : 1) * sizeof *evs);
    if (!evs) {
        reply_error(r, 500, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < res->nevents; i++) evs[i] = dyad_result_event(res, i);
    store_doc sd;
    memset(&sd, 0, sizeof sd);
    sd.rec = &d->rec;
    sd.res = res;
    sd.events = evs;
    sd.nevents = res->nevents;
    sd.lead_sentence = d->rec.title ? 1 : 0;
    sd.engine = s->cfg.engine;
    store_error err;
    err.msg[0] = '\0';
    pthread_mutex_lock(&s->write_mu);
    if (!s->writer) s->writer = store_open(s->cfg.db, STORE_WRITE, &err);
    int rc = -1;
    if (s->writer) {
        rc = store_begin(s->writer, &err);
        if (rc == 0) rc = store_put(s->writer, &sd, &err);
        if (rc == 0) rc = store_commit(s->writer, batch, &err);
        else store_rollback(s->writer);
    }
    pthread_mutex_unlock(&s->write_mu);
    free(evs);
    if (rc < 0) {
        reply_error(r, 500, "the document was not stored: %s", err.msg);
        return -1;
    }
    atomic_fetch_add(&s->metrics.docs_stored, 1);
    atomic_fetch_add(&s->metrics.events_stored, res->nevents);
    return 0;
}

int api_code(const req *rq, resp *r) {
    static const char *const allowed[] = {"explain", "store", "date", "title",
                                          "id", NULL};
    if (arg_check(rq, allowed, r) < 0) return 0;
    int explain, keep;
    if (arg_flag(rq, "explain", &explain, r) < 0 || arg_flag(rq, "store", &keep, r) < 0)
        return 0;
    /* the key first: a refused write costs no coding and stores nothing */
    if (keep && auth_require(rq, r) < 0) return 0;
    int kind = body_kind(rq);
    if (kind < 0)
        return reply_error(r, 415, "Content-Type: send text/plain (the text) or "
                                   "application/json (a document)");
    input_doc d;
    memset(&d, 0, sizeof d);
    if (kind == 1 && (arg_get(rq, "date") || arg_get(rq, "title") || arg_get(rq, "id"))) {
        reply_error(r, 400, "with a JSON body, give date, title and id in the "
                            "document, not in the query");
        goto done;
    }
    if ((kind == 1 ? from_json(rq, &d, r) : from_text(rq, &d)) < 0 ||
        finish_doc(&d, r) < 0)
        goto done;

    dyad_input in;
    dyad_input_init(&in);
    in.text = d.rec.text;
    in.text_len = d.rec.text_len;
    in.date = d.rec.date;
    if (d.rec.source) {
        in.publisher = d.rec.source;
        in.publisher_len = strlen(d.rec.source);
    }
    if (d.rec.title) {
        in.title = d.rec.title;
        in.title_len = strlen(d.rec.title);
    }
    dyad_options opt;
    dyad_options_init(&opt);
    opt.trace = explain;
    const dyad_result *res;
    dyad_error err;
    if (dyad_code(rq->srv->cfg.engine, rq->w->doc, &in, &opt, &res, &err) != DYAD_OK) {
        reply_error(r, err.status == DYAD_ERR_LIMIT ? 413 : 500, "coding failed: %s",
                    err.msg);
        goto done;
    }
    atomic_fetch_add(&rq->srv->metrics.docs_coded, 1);
    atomic_fetch_add(&rq->srv->metrics.events_coded, res->nevents);
    store_batch batch = {0};
    if (keep && store_doc_now(rq, &d, res, &batch, r) < 0) goto done;

    writer_buf *b = &r->body;
    writer_buf_puts(b, "{\"id\":");
    reply_json_str(b, d.rec.id);
    writer_buf_puts(b, ",\"date\":");
    if (d.rec.date)
        writer_buf_printf(b, "\"%04u-%02u-%02u\"", (unsigned)d.rec.date / 10000,
                          (unsigned)d.rec.date / 100 % 100, (unsigned)d.rec.date % 100);
    else
        writer_buf_puts(b, "null");
    writer_buf_printf(b, ",\"nsentences\":%u,\"nevents\":%zu,\"invalid_bytes\":%u,"
                         "\"discarded\":%d,\"stored\":",
                      res->nsentences, res->nevents, res->invalid_bytes,
                      res->discarded);
    if (keep)
        writer_buf_printf(b, "{\"batch\":%lld,\"events\":%llu}", (long long)batch.id,
                          (unsigned long long)batch.events);
    else
        writer_buf_puts(b, "null");
    writer_buf_puts(b, ",\"events\":[");
    if (write_events(&d, res, b) < 0) {
        reply_error(r, 500, "out of memory");
        goto done;
    }
    writer_buf_putc(b, ']');
    if (explain) {
        writer_buf_puts(b, ",\"trace\":");
        writer_buf_puts(b, res->trace_json ? res->trace_json : "null");
    }
    writer_buf_puts(b, "}\n");
    r->status = 200;
done:
    json_decref(d.json);
    return 0;
}
