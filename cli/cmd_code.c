/* cmd_code.c -- `dyad code`: documents in, events out.
 *
 * One thread (--threads 1): read a record, code it, write its events, with
 * one dyad_doc whose arena stays warm in the cache.
 *
 * N threads: a ring of slots, each owning a copy of its record and, once
 * coded, a copy of its result. The main thread reads records into free
 * slots and writes coded slots in input order; N worker threads take slots
 * in input order and code them, each with its own dyad_doc, whose caches
 * (the tagger's word analyses) thus see every document the thread codes
 * and stay warm; the result is copied out of the doc's arena into the slot
 * before the next document reuses it. Reading, coding and writing overlap:
 * the main thread writes slot k while the workers code k+1, k+2, ... and,
 * when the ring is full, waits only for slot k. Output is therefore
 * byte-identical for any thread count, and memory is bounded by the ring
 * (N x SLOTS_PER_THREAD slots), not by the input size. A record of
 * INPLACE_MIN bytes or more is not copied into a slot: the main thread
 * writes every slot before it, then codes it in place as one thread does,
 * so a long document is held once (by the reader), not three times; and,
 * with one thread or N, without --db, in parts (dyad_code_parts), each
 * part's events written before the next is coded, so that what it holds
 * beyond its text is one part's.
 *
 * Status (cli.h): 0 when every record was coded and every byte written, 1
 * when some records were rejected, 3 when the output (or the --db store)
 * failed: reading then stops, since nothing more can be delivered.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "api/engine.h"
#include "cli.h"
#include "db_out.h"
#include "io/reader.h"
#include "io/writer.h"
#include "keep_qp.h"

#define SLOTS_PER_THREAD 64
/* Records at least this long are coded in place by the main thread, and
 * (without --db, which stores a document whole) in parts of about
 * PART_BYTES. */
#define INPLACE_MIN ((size_t)1 << 20)
#define PART_BYTES ((size_t)1 << 19)

typedef struct slot {
    doc_record rec;      /* copy of the reader's record (strings owned) */
    char *buf;           /* storage for the record's strings */
    size_t bufcap;
    dyad_doc *doc;       /* 1 thread only: the doc coded in place */
    const dyad_result *rp; /* the result: the doc's (1 thread) or res */
    int kept;            /* rp is res, its events in evs */
    dyad_result res;     /* N threads: points into rbuf and evs */
    char *rbuf;          /* N threads: the result's strings */
    size_t rcap;
    dyad_event *evs;     /* N threads: the result's events */
    size_t evcap;
    keep_qp qp;          /* N threads: its places and quotations */
    int failed;          /* dyad_code failed */
    char err[1024];
} slot;

/* The ring shared by the main thread and the workers. Slot numbers grow
 * without bound; slot k lives in slots[k % cap]. Slots [written, filled)
 * hold records; [written, next) are being or have been coded. */
typedef struct ring {
    const dyad_engine *e;
    const dyad_options *opt;
    int titles;          /* code each record's title as sentence 0 */
    slot *slots;
    size_t cap;
    unsigned char *done; /* per slot: coded, waiting to be written */
    size_t filled;       /* slots read (main thread writes, under mu) */
    size_t next;         /* next slot to code (workers, under mu) */
    size_t written;      /* slots written (main thread only) */
    size_t wake_at;      /* the slot the main thread waits for (under mu):
                            workers signal `coded` for that one only */
    int eof;             /* no more records (under mu) */
    pthread_mutex_t mu;
    pthread_cond_t work; /* filled grew or eof: workers wake */
    pthread_cond_t coded;/* a slot became done: the main thread wakes */
    db_out *db;          /* --db: the event store (main thread only) */
    const dyad_event **dbev; /* --db: the events of the slot being stored */
    size_t dbcap;
} ring;

/* Copies a record's strings into the slot's own buffer. (gcc 12's
 * -fanalyzer loses track of s->buf, stored in the calloc'd slot array, and
 * reports it leaked: it is freed with the slots at the end of cmd_code.) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wanalyzer-malloc-leak"
static void slot_fill(slot *s, const doc_record *r) {
    enum { NSTR = 8 };
    const char *src[NSTR] = {r->id, r->date_text, r->source, r->title,
                             r->text, r->file, r->raw, r->url};
    size_t lens[NSTR], total = 0;
    for (int i = 0; i < NSTR; i++) {
        lens[i] = src[i] ? (i == 4 ? r->text_len
                            : i == 6 ? r->raw_len
                                     : strlen(src[i]))
                         : 0;
        total += lens[i] + 1;
    }
    if (total > s->bufcap) {
        free(s->buf);
        s->bufcap = total * 2;
        s->buf = malloc(s->bufcap);
        if (!s->buf) {
            fprintf(stderr, "dyad: out of memory\n");
            exit(EXIT_NOMEM);
        }
    }
    char *p = s->buf;
    const char *dst[NSTR];
    for (int i = 0; i < NSTR; i++) {
        if (!src[i]) {
            dst[i] = NULL;
            continue;
        }
        memcpy(p, src[i], lens[i]);
        p[lens[i]] = '\0';
        dst[i] = p;
        p += lens[i] + 1;
    }
    /* every string of the record is copied: a new one must be added above */
    s->rec = *r;
    s->rec.id = dst[0];
    s->rec.date_text = dst[1];
    s->rec.source = dst[2];
    s->rec.title = dst[3];
    s->rec.text = dst[4];
    s->rec.file = dst[5];
    s->rec.raw = dst[6];
    s->rec.url = dst[7];
}
#pragma GCC diagnostic pop

static void slot_input(const ring *b, const slot *s, dyad_input *in) {
    dyad_input_init(in);
    in->text = s->rec.text;
    in->text_len = s->rec.text_len;
    in->date = s->rec.date;
    if (s->rec.source) {
        in->publisher = s->rec.source;
        in->publisher_len = strlen(s->rec.source);
    }
    if (b->titles && s->rec.title) {
        in->title = s->rec.title;
        in->title_len = strlen(s->rec.title);
    }
}

static void code_slot(const ring *b, slot *s, dyad_doc *doc) {
    dyad_error err;
    dyad_input in;
    slot_input(b, s, &in);
    s->kept = 0;
    s->failed = dyad_code(b->e, doc, &in, b->opt, &s->rp, &err) != DYAD_OK;
    if (s->failed) snprintf(s->err, sizeof s->err, "%s", err.msg);
}

/* Event k of the slot's result. */
static const dyad_event *slot_event(const slot *s, size_t k) {
    return s->kept ? &s->evs[k] : dyad_result_event(s->rp, k);
}

/* Appends string p (NULL stays NULL) to the slot's result buffer at *at. */
static const char *keep_str(slot *s, size_t *at, const char *p) {
    if (!p) return NULL;
    size_t n = strlen(p) + 1;
    char *d = s->rbuf + *at;
    memcpy(d, p, n);
    *at += n;
    return d;
}

/* Copies s->res out of the worker's doc arena into the slot's own buffers,
 * so the doc can code the next document before this one is written. */
static void keep_result(slot *s) {
    s->res = *s->rp;
    dyad_result *r = &s->res;
    /* the writers need the events, not the whole normalised text: not
     * copying it keeps a long document's memory to one copy */
    r->text = NULL;
    r->text_len = 0;
    r->title = NULL;
    r->title_len = 0;
    size_t need = 1 + (r->trace ? strlen(r->trace) + 1 : 0);
    for (size_t k = 0; k < r->nevents; k++) {
        const dyad_event *ev = dyad_result_event(s->rp, k);
        const char *str[7] = {ev->source, ev->target, ev->source_text,
                              ev->verb_text, ev->target_text, ev->issues,
                              ev->rule};
        for (int j = 0; j < 7; j++)
            if (str[j]) need += strlen(str[j]) + 1;
        /* events of one sentence share its text: kept once */
        if (ev->sentence_text &&
            (k == 0 ||
             ev->sentence_text != dyad_result_event(s->rp, k - 1)->sentence_text))
            need += strlen(ev->sentence_text) + 1;
    }
    if (need > s->rcap) {
        free(s->rbuf);
        s->rcap = need * 2;
        s->rbuf = malloc(s->rcap);
    }
    if (r->nevents > s->evcap) {
        free(s->evs);
        s->evcap = r->nevents * 2;
        s->evs = malloc(s->evcap * sizeof *s->evs);
    }
    if (!s->rbuf || (r->nevents && !s->evs)) {
        fprintf(stderr, "dyad: out of memory\n");
        exit(EXIT_NOMEM);
    }
    size_t at = 0;
    r->trace = keep_str(s, &at, r->trace);
    for (size_t k = 0; k < r->nevents; k++) {
        dyad_event *ev = &s->evs[k];
        *ev = *dyad_result_event(s->rp, k);
        ev->source = keep_str(s, &at, ev->source);
        ev->target = keep_str(s, &at, ev->target);
        ev->source_text = keep_str(s, &at, ev->source_text);
        ev->verb_text = keep_str(s, &at, ev->verb_text);
        ev->target_text = keep_str(s, &at, ev->target_text);
        ev->issues = keep_str(s, &at, ev->issues);
        ev->rule = keep_str(s, &at, ev->rule);
        ev->sentence_text =
            k > 0 && dyad_result_event(s->rp, k)->sentence_text ==
                         dyad_result_event(s->rp, k - 1)->sentence_text
                ? s->evs[k - 1].sentence_text
                : keep_str(s, &at, ev->sentence_text);
    }
    if (keep_qp_result(&s->qp, r, s->evs, r->nevents) < 0) {
        fprintf(stderr, "dyad: out of memory\n");
        exit(EXIT_USAGE);
    }
    s->rp = r;
    s->kept = 1;
}

static void *worker(void *arg) {
    ring *b = arg;
    dyad_doc *doc = NULL;
    if (dyad_doc_new(&doc, NULL) != DYAD_OK) {
        fprintf(stderr, "dyad: out of memory\n");
        exit(EXIT_NOMEM);
    }
    doc_borrow_input(doc, 1); /* (slot records end in a NUL) */
    pthread_mutex_lock(&b->mu);
    for (;;) {
        while (b->next == b->filled && !b->eof)
            pthread_cond_wait(&b->work, &b->mu);
        if (b->next == b->filled) break; /* eof and nothing left */
        size_t k = b->next++;
        pthread_mutex_unlock(&b->mu);
        slot *sl = &b->slots[k % b->cap];
        code_slot(b, sl, doc);
        if (!sl->failed) keep_result(sl);
        pthread_mutex_lock(&b->mu);
        b->done[k % b->cap] = 1;
        if (k == b->wake_at) pthread_cond_signal(&b->coded);
    }
    pthread_mutex_unlock(&b->mu);
    dyad_doc_free(doc);
    return NULL;
}

typedef struct totals {
    unsigned long long docs, sentences, events, rejected, invalid_bytes;
    unsigned long long undated;  /* documents coded without a date */
    int out_failed;              /* a write to the output failed */
    int db_failed;               /* the --db store failed */
} totals;

/* --db: stores the slot's document and events. */
static void store_slot(ring *b, slot *s, totals *tt) {
    const dyad_result *r = s->rp;
    if (r->nevents > b->dbcap) {
        free(b->dbev);
        b->dbcap = r->nevents * 2;
        b->dbev = malloc(b->dbcap * sizeof *b->dbev);
        if (!b->dbev) {
            fprintf(stderr, "dyad: out of memory\n");
            exit(EXIT_NOMEM);
        }
    }
    for (size_t k = 0; k < r->nevents; k++) b->dbev[k] = slot_event(s, k);
    const char *t = b->titles ? s->rec.title : NULL;
    uint32_t lead = t && t[strspn(t, " \t\r\n")] ? 1 : 0;
    if (db_out_doc(b->db, &s->rec, r, b->dbev, r->nevents, lead) < 0)
        tt->db_failed = 1;
}

/* Writes the events and quotations of a coded document (or of a part of
 * one) and counts its sentences and events. */
static void write_events(slot *s, writer *w, totals *tt) {
    const dyad_result *r = s->rp;
    tt->sentences += r->nsentences;
    tt->events += r->nevents;
    if (!w || tt->out_failed) return;
    for (size_t k = 0; k < r->nevents; k++)
        if (writer_event(w, &s->rec, r, slot_event(s, k)) < 0) {
            tt->out_failed = 1;
            return;
        }
    if (writer_quotes(w, &s->rec, r) < 0) tt->out_failed = 1;
}

/* Writes one coded document (or its error) and counts it. */
static void write_slot(ring *b, slot *s, writer *w, totals *tt) {
    if (s->failed) {
        fprintf(stderr, "dyad: %s:%llu: %s\n", s->rec.file,
                (unsigned long long)s->rec.line, s->err);
        tt->rejected++;
        return;
    }
    tt->docs++;
    if (!s->rec.date) tt->undated++;
    const dyad_result *r = s->rp;
    tt->invalid_bytes += r->invalid_bytes;
    if (r->limits)
        fprintf(stderr, "dyad: %s:%llu: %u coding limit(s) reached, some phrases "
                        "left out (dyad explain names them)\n",
                s->rec.file, (unsigned long long)s->rec.line, r->limits);
    if (r->invalid_bytes)
        fprintf(stderr, "dyad: %s:%llu: %u invalid UTF-8 sequence(s) replaced\n",
                s->rec.file, (unsigned long long)s->rec.line,
                r->invalid_bytes);
    if (b->db && !tt->db_failed) store_slot(b, s, tt);
    if (w && !tt->out_failed && writer_document(w, &s->rec, r) < 0)
        tt->out_failed = 1;
    write_events(s, w, tt);
}

/* A long record (INPLACE_MIN bytes or more) without --db: coded in parts
 * (dyad_code_parts), each part's events written as soon as it is coded,
 * so that memory is bounded by the part rather than the record; the last
 * part is the slot's result, written and counted by write_slot. */
typedef struct part_out {
    slot *s;
    writer *w;
    totals *tt;
} part_out;

static int write_part(void *ctx, const dyad_result *r) {
    part_out *po = ctx;
    po->s->rp = r;
    po->s->kept = 0;
    write_events(po->s, po->w, po->tt);
    return po->tt->out_failed;
}

static void code_long(ring *b, slot *s, dyad_doc *doc, writer *w,
                      totals *tt) {
    dyad_error err;
    dyad_input in;
    slot_input(b, s, &in);
    part_out po = {s, w, tt};
    s->kept = 0;
    s->failed = dyad_code_parts(b->e, doc, &in, b->opt, PART_BYTES,
                                write_part, &po, &s->rp, &err) != DYAD_OK;
    if (tt->out_failed) return; /* (the output failed: said once, at the end) */
    if (s->failed) snprintf(s->err, sizeof s->err, "%s", err.msg);
    write_slot(b, s, w, tt);
}

/* Main thread, ring full: sleeps until slot k is coded. Workers take slots
 * in input order, so by then nearly every slot before k is coded too, and
 * the main thread wakes once per batch of documents instead of once per
 * document (each wake-up is a pair of context switches on a machine whose
 * cores the workers keep busy). */
static void wait_coded(ring *b, size_t k) {
    pthread_mutex_lock(&b->mu);
    b->wake_at = k;
    while (!b->done[k % b->cap]) pthread_cond_wait(&b->coded, &b->mu);
    pthread_mutex_unlock(&b->mu);
}

/* Main thread: writes the oldest slot once it is coded. With block set it
 * waits for it; otherwise it returns 0 when the oldest slot is not ready
 * (or there is none). */
static int write_oldest(ring *b, writer *w, totals *tt, int block) {
    pthread_mutex_lock(&b->mu);
    if (b->written == b->filled) {
        pthread_mutex_unlock(&b->mu);
        return 0;
    }
    size_t i = b->written % b->cap;
    b->wake_at = b->written;
    while (!b->done[i]) {
        if (!block) {
            pthread_mutex_unlock(&b->mu);
            return 0;
        }
        pthread_cond_wait(&b->coded, &b->mu);
    }
    pthread_mutex_unlock(&b->mu);
    write_slot(b, &b->slots[i], w, tt);
    pthread_mutex_lock(&b->mu);
    b->done[i] = 0;
    b->written++;
    /* a worker may have finished the new oldest slot while we wrote */
    pthread_mutex_unlock(&b->mu);
    return 1;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* cmd_code's body; files has room for one name per argument and one more
 * ("-" when no file is named), so any number of input files is coded. */
static int code_files(int argc, char **argv, const char **files) {
    dict_opts dopt;
    memset(&dopt, 0, sizeof dopt);
    int nfiles = 0, stats = 0;
    int titles = 1; /* --no-title: the headline is not coded */
    long threads = sysconf(_SC_NPROCESSORS_ONLN);
    const writer_format *out_fmt = writer_format_find("jsonl");
    const reader_format *in_fmt = READER_AUTO;
    const char *db_target = NULL; /* --db FILE: events into the store */
    long db_batch = 0;
    int fmt_given = cli_output_path() != NULL; /* with --db, stdout only
                                                  when asked (-o asks) */
    const char *date_arg = NULL;  /* --date: records without one */
    uint32_t default_date = 0;
    const char *publisher = NULL; /* --publisher: records without one */
    int fields = 0;               /* --fields: JSON passes other keys */
    dyad_options opt;
    dyad_options_init(&opt);
    dopt.coding = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int r = dict_opts_parse(&dopt, argc, argv, &i);
        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        if (!strcmp(a, "--format") && i + 1 < argc) {
            const char *v = argv[++i];
            fmt_given = 1;
            out_fmt = writer_format_find(v);
            if (!out_fmt) {
                char names[256];
                fprintf(stderr, "dyad: unknown format '%s' (valid: %s)\n", v,
                        writer_format_names(names, sizeof names));
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--input-format") && i + 1 < argc) {
            const char *v = argv[++i];
            in_fmt = reader_format_find(v);
            if (!in_fmt && strcmp(v, "auto")) {
                char names[256];
                fprintf(stderr, "dyad: unknown input format '%s' (valid: auto, %s)\n",
                        v, reader_format_names(names, sizeof names));
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--date") && i + 1 < argc) {
            date_arg = argv[++i];
            default_date = dyad_parse_date(date_arg, strlen(date_arg));
            if (!default_date) {
                fprintf(stderr, "dyad: code: --date: invalid date '%s' "
                                "(YYYY-MM-DD or YYYYMMDD)\n", date_arg);
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--publisher") && i + 1 < argc) {
            publisher = argv[++i];
        } else if (!strcmp(a, "--fields")) {
            fields = 1;
        } else if (!strcmp(a, "--table")) {
            fmt_given = 1;
            out_fmt = writer_format_find("table");
        } else if (!strcmp(a, "--db") && i + 1 < argc) {
            db_target = argv[++i];
        } else if (!strcmp(a, "--db-batch") && i + 1 < argc) {
            char *end;
            db_batch = strtol(argv[++i], &end, 10);
            if (*end || db_batch < 1 || db_batch > 10000000) {
                fprintf(stderr, "dyad: --db-batch takes 1..10000000 documents\n");
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--threads") && i + 1 < argc) {
            char *end;
            threads = strtol(argv[++i], &end, 10);
            if (*end || threads < 1 || threads > 256) {
                fprintf(stderr, "dyad: --threads takes 1..256\n");
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--stats")) {
            stats = 1;
        } else if (!strcmp(a, "--no-title")) {
            titles = 0;
        } else if (!strcmp(a, "--no-require-dyad")) {
            opt.require_dyad = 0;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad: code: unknown option '%s'\n", a);
            return EXIT_USAGE;
        } else {
            files[nfiles++] = a;
        }
    }
    if (threads < 1) threads = 1;
    double t0 = now();
    dyad_engine *e = dict_opts_load(&dopt);
    if (!e) return dict_opts_exit;
    double t_load = now() - t0;

    db_out *db = NULL;
    if (db_target) {
        db = db_out_open(db_target, (size_t)db_batch, e);
        if (!db) { /* not a dyad store, a newer schema: a usage error */
            dyad_engine_free(e);
            dict_opts_free(&dopt);
            return EXIT_USAGE;
        }
    }
    int want_out = !(db && !fmt_given);
    if (want_out && cli_output_open() < 0) {
        db_out_close(db);
        dyad_engine_free(e);
        dict_opts_free(&dopt);
        return EXIT_OUTPUT;
    }
    writer_sink out = {cli_out_write, cli_out_flush, stdout};
    writer *w = want_out ? writer_open(&out, out_fmt) : NULL;
    if (!w && want_out) {
        fprintf(stderr, "dyad: out of memory\n");
        db_out_close(db);
        dyad_engine_free(e);
        dict_opts_free(&dopt);
        return EXIT_NOMEM;
    }
    writer_pass_fields(w, fields);
    ring b;
    memset(&b, 0, sizeof b);
    b.e = e;
    b.opt = &opt;
    b.titles = titles;
    b.db = db;
    /* one thread codes in place: a ring of one slot, never copied into */
    int nworkers = threads > 1 ? (int)(threads > 256 ? 256 : threads) : 0;
    b.cap = nworkers ? (size_t)nworkers * SLOTS_PER_THREAD : 1;
    b.slots = calloc(b.cap, sizeof *b.slots);
    b.done = calloc(b.cap, 1);
    if (!b.slots || !b.done) {
        fprintf(stderr, "dyad: out of memory\n");
        return EXIT_NOMEM;
    }
    pthread_mutex_init(&b.mu, NULL);
    pthread_cond_init(&b.work, NULL);
    pthread_cond_init(&b.coded, NULL);
    pthread_t tid[256];
    /* threads that cannot be started (a low `ulimit -u`, no memory for a
     * stack) are done without: the output is the same with fewer */
    int started = 0, terr = 0;
    for (int t = 0; t < nworkers; t++) {
        terr = pthread_create(&tid[started], NULL, worker, &b);
        if (terr) break;
        started++;
    }
    if (started < nworkers) {
        fprintf(stderr, "dyad: warning: could start only %d of %d threads "
                "(%s): coding with %d\n", started, nworkers, strerror(terr),
                started ? started : 1);
        nworkers = started;
        threads = started ? started : 1;
    }
    if (!nworkers && dyad_doc_new(&b.slots[0].doc, NULL) != DYAD_OK) {
        fprintf(stderr, "dyad: out of memory\n");
        return EXIT_NOMEM;
    }
    /* a reader's record ends in a NUL and lives until the next one is
     * read, after its events are written */
    if (!nworkers) {
        doc_borrow_input(b.slots[0].doc, 1);
        /* its events are written before the next document: sentences
         * from the result's text, not copied (the store, --db, reads
         * events' sentence_text) */
        doc_span_sentences(b.slots[0].doc, !b.db);
    }
    /* N threads, a long record: coded in place by this thread (INPLACE_MIN) */
    slot big;
    memset(&big, 0, sizeof big);
    totals tt;
    memset(&tt, 0, sizeof tt);

    if (nfiles == 0) files[nfiles++] = "-";
    for (int fi = 0; fi < nfiles && !tt.out_failed && !tt.db_failed; fi++) {
        const char *name = files[fi];
        int own = strcmp(name, "-") != 0; /* a file of ours to close */
        FILE *f = own ? fopen(name, "rb") : stdin;
        if (!f) {
            fprintf(stderr, "dyad: %s: cannot open: %s\n", name,
                    strerror(errno));
            tt.rejected++;
            continue;
        }
        /* (a directory opens, then fails to read: say so at once) */
        struct stat sb;
        if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
            fprintf(stderr, "dyad: %s: cannot read: %s\n",
                    own ? name : "<stdin>", strerror(EISDIR));
            tt.rejected++;
            if (own) fclose(f);
            continue;
        }
        char err[512];
        reader *r = reader_open(f, own ? name : "<stdin>", in_fmt, err,
                                sizeof err);
        if (!r) {
            fprintf(stderr, "dyad: %s\n", err);
            tt.rejected++;
            if (own) fclose(f);
            continue;
        }
        doc_record rec;
        int rc;
        while ((rc = reader_next(r, &rec, err, sizeof err)) != 0) {
            if (tt.out_failed || tt.db_failed) break;
            if (rc < 0) {
                fprintf(stderr, "dyad: %s\n", err);
                tt.rejected++;
                continue;
            }
            if (!rec.date && default_date) {
                rec.date = default_date;
                rec.date_text = date_arg;
            }
            if (!rec.source && publisher) rec.source = publisher;
            if (nworkers && rec.text_len >= INPLACE_MIN) {
                /* in input order: everything before it is written first */
                while (write_oldest(&b, w, &tt, 1)) {}
                if (dyad_doc_new(&big.doc, NULL) != DYAD_OK) {
                    fprintf(stderr, "dyad: out of memory\n");
                    exit(EXIT_NOMEM);
                }
                doc_borrow_input(big.doc, 1);
                doc_span_sentences(big.doc, !b.db); /* (as above) */
                big.rec = rec;
                if (b.db) {
                    code_slot(&b, &big, big.doc);
                    write_slot(&b, &big, w, &tt);
                } else {
                    code_long(&b, &big, big.doc, w, &tt);
                }
                /* its arena is as large as the document: let it go */
                dyad_doc_free(big.doc);
                big.doc = NULL;
                continue;
            }
            if (!nworkers) {
                /* the reader's record stays valid until its next call */
                slot *s0 = &b.slots[0];
                s0->rec = rec;
                if (rec.text_len >= INPLACE_MIN && !b.db) {
                    code_long(&b, s0, s0->doc, w, &tt);
                    continue;
                }
                code_slot(&b, s0, s0->doc);
                write_slot(&b, s0, w, &tt);
                continue;
            }
            /* write what is ready; wait only when the ring is full */
            while (write_oldest(&b, w, &tt, 0)) {}
            if (b.filled - b.written == b.cap) {
                wait_coded(&b, b.written + b.cap / 4);
                while (write_oldest(&b, w, &tt, 0)) {}
                if (b.filled - b.written == b.cap) write_oldest(&b, w, &tt, 1);
            }
            slot_fill(&b.slots[b.filled % b.cap], &rec);
            pthread_mutex_lock(&b.mu);
            b.filled++;
            pthread_cond_signal(&b.work);
            pthread_mutex_unlock(&b.mu);
        }
        reader_close(r);
        if (own) fclose(f);
    }
    pthread_mutex_lock(&b.mu);
    b.eof = 1;
    pthread_cond_broadcast(&b.work);
    pthread_mutex_unlock(&b.mu);
    while (write_oldest(&b, w, &tt, 1)) {}
    for (int t = 0; t < nworkers; t++) pthread_join(tid[t], NULL);
    if (w && writer_close(w) != 0) tt.out_failed = 1;
    if (tt.out_failed) cli_output_failed(cli_out_errno());
    if (db_out_close(db) != 0) tt.db_failed = 1;
    free(b.dbev);
    double elapsed = now() - t0;
    if (tt.undated)
        fprintf(stderr,
                "dyad: warning: %llu of %llu documents had no date, so "
                "date-limited actor codes (office holders) were not used: "
                "give a \"date\" in the input or --date\n",
                tt.undated, tt.docs);
    if (stats) {
        fprintf(stderr,
                "dyad: %llu documents, %llu sentences, %llu events, %.2f s "
                "(dictionaries %.3f s, %ld thread%s)\n",
                tt.docs, tt.sentences, tt.events, elapsed, t_load, threads,
                threads == 1 ? "" : "s");
    }
    for (size_t i = 0; i < b.cap; i++) {
        dyad_doc_free(b.slots[i].doc);
        free(b.slots[i].buf);
        free(b.slots[i].rbuf);
        keep_qp_free(&b.slots[i].qp);
        free(b.slots[i].evs);
    }
    free(b.slots);
    free(b.done);
    pthread_cond_destroy(&b.work);
    pthread_cond_destroy(&b.coded);
    pthread_mutex_destroy(&b.mu);
    dyad_engine_free(e);
    dict_opts_free(&dopt);
    if (tt.out_failed || tt.db_failed) return EXIT_OUTPUT;
    return tt.rejected ? EXIT_REJECTED : EXIT_OK;
}

int cmd_code(int argc, char **argv) {
    const char **files = malloc(((size_t)argc + 1) * sizeof *files);
    if (!files) {
        fprintf(stderr, "dyad: out of memory\n");
        return EXIT_NOMEM;
    }
    int rc = code_files(argc, argv, files);
    free(files);
    return rc;
}
