/* writer.h -- output formats for coded events behind one small interface,
 * the registry of output formats (JSON Lines for machines, TSV for
 * spreadsheets and awk, a fixed-width table for people) and the sinks they
 * write to.
 *
 * JSON Lines and TSV share one column list, in this order:
 *     doc_id sentence date source target code root quad goldstein
 *     source_text verb_text target_text sentence_text issues rule
 *     sentence_span source_span verb_span target_span in_title
 *     event_id plover_type plover_mode
 * and, for a writer opened with counts (dyad export --dedup), then
 *     num_mentions num_sentences num_documents num_sources
 * date is the document date as an 8-digit YYYYMMDD string ("" if unknown),
 * sentence the 0-based sentence index, goldstein printed with one decimal.
 * NULL strings are written as "". A span is the byte offset and length of
 * the sentence or phrase in the text the document was coded from (the
 * record's text: the decoded JSON "text" string, the XML <Text> with its
 * blanks collapsed, the plain-text file from its first non-blank byte), or
 * in its title when in_title is set; a length of 0 means "none" (no target
 * phrase). JSON writes a span as "verb_span":[off,len] and in_title as
 * true/false; TSV as two columns, verb_off and verb_len, and 0/1.
 * event_id is the stable id of io/event_id.h (16 hex digits), plover_type
 * and plover_mode the PLOVER event type and mode of the code (io/plover.h;
 * "" when PLOVER has none). JSON Lines then passes the document's input
 * fields through: "publisher" (the input's "source"), "title" and "url",
 * each when the record has it and it is not "", and with writer_pass_fields every other key
 * of a JSON Lines record, as it was, in one object "fields". TSV and CSV quote a value that holds the
 * separator, a double quote or a line end: "..." with inner quotes doubled
 * (RFC 4180), which R's read.delim/read.csv, pandas' read_csv and Python's
 * csv module read back exactly on their defaults.
 *
 * Usage:
 *     writer_sink out = writer_sink_file(stdout);
 *     writer *w = writer_open(&out, writer_format_find("jsonl"));
 *     for each document: writer_document(w, &rec, &res);  (optional)
 *                        for each event: writer_event(w, &rec, &res, ev);
 *     writer_close(w);     (table: writes "N events from M documents")
 *
 * Sinks. A writer is not tied to a FILE: its bytes go to a writer_sink, a
 * write callback and its user data. writer_sink_file writes to a FILE,
 * writer_sink_mem to a growing buffer in memory; an event store or an HTTP
 * response is one more sink. A format's callback formats into the writer's
 * buffer (w->out, writer_buf_*), and the writer hands what one callback
 * produced to the sink in one write: one write per event line.
 *
 * Formats. Each output format is one writer_format entry (a name and
 * header/document/event/footer callbacks), defined in its own io/write_*.c
 * and listed once in the registry table of io/writer.c. Adding a format:
 * write io/write_NAME.c defining
 *     const writer_format writer_format_NAME = {"NAME", NULL, "summary",
 *                                               header, document, event, footer};
 * (callbacks other than event may be NULL) and add X(writer_format_NAME) to
 * WRITER_REGISTRY in io/writer.c.
 */
#ifndef DYAD_WRITER_H
#define DYAD_WRITER_H

#include <stddef.h>
#include <stdio.h>

#include "dyad.h"
#include "io/reader.h"

/* ---- sinks -------------------------------------------------------------- */

/* Where a writer's bytes go. write returns 0, or -1 when the bytes could
 * not be written (the writer then reports failure); flush (may be NULL) is
 * called by writer_close and returns 0 or -1 likewise. */
typedef struct writer_sink {
    int (*write)(void *ud, const char *p, size_t n);
    int (*flush)(void *ud);
    void *ud;
} writer_sink;

/* Writes to f (stdio buffers it; flush is fflush). f stays the caller's. */
writer_sink writer_sink_file(FILE *f);

/* A buffer in memory that a memory sink appends to. Start it zeroed; data
 * is NUL-terminated once anything was written (NULL before). */
typedef struct writer_mem {
    char *data;
    size_t len, cap;
} writer_mem;

/* Appends to m (grown with realloc; a failed allocation fails the write). */
writer_sink writer_sink_mem(writer_mem *m);
/* Frees m's data and zeroes it. */
void writer_mem_free(writer_mem *m);

/* ---- the buffer formats write into --------------------------------------- */

typedef struct writer_buf {
    char *p;
    size_t len, cap;
    int failed;            /* an allocation failed: the output is short */
} writer_buf;

/* Room for n more bytes: returns where they go (p + len), NULL (and
 * failed set) on out-of-memory. The caller advances len by what it used. */
char *writer_buf_reserve(writer_buf *b, size_t n);
void writer_buf_put(writer_buf *b, const char *s, size_t n);
void writer_buf_puts(writer_buf *b, const char *s);    /* NULL: nothing */
void writer_buf_putc(writer_buf *b, char c);
/* Decimal, as printf's %llu / %lld; width > 0 pads with zeros (%08llu). */
void writer_buf_uint(writer_buf *b, unsigned long long v, int width);
void writer_buf_int(writer_buf *b, long long v);
/* g with one decimal, exactly as printf's "%.1f": into o, which has room
 * for WRITER_FIXED1_MAX bytes (no NUL is added; returns the length), or
 * appended to b. */
#define WRITER_FIXED1_MAX 400
size_t writer_fixed1(char *o, double g);
void writer_buf_fixed1(writer_buf *b, double g);
void writer_buf_printf(writer_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* s[0..n) as a JSON string with its quotes: escapes ", \ and control
 * characters, and replaces invalid UTF-8 with \ufffd so the line is valid
 * JSON whatever the bytes (io/write_json.c). */
void writer_json_string(writer_buf *b, const char *s, size_t n);

/* ---- formats and writers ------------------------------------------------ */

typedef struct writer writer;

typedef struct writer_format {
    const char *name;      /* "jsonl": --format NAME */
    const char *alias;     /* another name accepted ("json"), or NULL */
    const char *summary;   /* one line for help texts */
    /* Each callback appends to w->out and returns 0, or -1 on failure.
     * header: at writer_open. document: for each writer_document. event:
     * for each event (w->new_doc tells whether it opens a document).
     * footer: at writer_close. Only event is required. */
    int (*header)(writer *w);
    int (*document)(writer *w, const doc_record *doc, const dyad_result *res);
    int (*event)(writer *w, const doc_record *doc, const dyad_result *res,
                 const dyad_event *ev);
    int (*footer)(writer *w);
} writer_format;

/* Writer state; formats read the counters and append to out. */
struct writer {
    const writer_format *fmt;
    writer_sink sink;      /* copy of the caller's sink */
    writer_buf out;        /* what the current callback writes */
    unsigned long long nevents;  /* events written */
    unsigned long long ndocs;    /* documents seen */
    int explicit_docs;     /* writer_document was called at least once */
    char *last_id;         /* doc_id of the last event (implicit doc count) */
    unsigned long long last_line;/* line of that document */
    int new_doc;           /* the event being written starts a new document */
    int failed;            /* some write failed */
    int with_counts;       /* writer_open_counts: the four count columns */
    const struct writer_counts *counts; /* of the event being written, or
                                           NULL (all counts 1) */
    int pass_fields;       /* writer_pass_fields: JSON adds "fields" */
    writer_buf fields;     /* ,"fields":{...} of the current document */
    /* JSON: the last publisher, title and url written (the same for every
     * event of a document), their bytes in jraw, escaped in jesc */
#define WRITER_JCACHE 3
    writer_buf jraw[WRITER_JCACHE], jesc[WRITER_JCACHE];
};

/* What one event written by dyad export --dedup stands for: the events
 * (mentions) of its (date, source, target, code) group, and the distinct
 * sentences, documents and publishers they come from. */
typedef struct writer_counts {
    unsigned long long mentions, sentences, documents, sources;
} writer_counts;

/* The registry: entries in table order, i from 0; NULL past the end. */
const writer_format *writer_format_at(size_t i);
/* The entry whose name or alias is name; NULL if none. */
const writer_format *writer_format_find(const char *name);
/* "jsonl (json), tsv, table" into buf (truncated to size, always
 * NUL-terminated); returns buf. */
char *writer_format_names(char *buf, size_t size);

/* A writer of fmt onto sink (copied). NULL on out-of-memory or a NULL
 * argument. The header (TSV's column names, the table's) is written here. */
writer *writer_open(const writer_sink *sink, const writer_format *fmt);
/* Announces a coded document (events or not), so the table's final count
 * includes documents without events. Optional: when never called, documents
 * are counted from changes of doc_id in writer_event. Returns 0 or -1 on a
 * write error. */
int writer_document(writer *w, const doc_record *doc, const dyad_result *res);
/* Writes one event of doc; res supplies the sentence text. 0 or -1. */
int writer_event(writer *w, const doc_record *doc, const dyad_result *res,
                 const dyad_event *ev);
/* writer_open, with the four count columns of writer_counts after the
 * PLOVER columns when counts is non-zero (formats with a header name them). */
writer *writer_open_counts(const writer_sink *sink, const writer_format *fmt,
                           int counts);
/* writer_event with the counts of a deduplicated event (NULL: all 1). */
int writer_event_counts(writer *w, const doc_record *doc,
                        const dyad_result *res, const dyad_event *ev,
                        const writer_counts *c);

/* The columns after in_title (event_id, plover_type, plover_mode and, with
 * w->with_counts, the counts) in the order of the header: their names, and
 * the values of ev as text (tail_values, TAIL_MAX columns, valid until the
 * next call on the same buffer). */
#define WRITER_TAIL_MAX 7
size_t writer_tail_names(const writer *w, const char *names[WRITER_TAIL_MAX]);
typedef struct writer_tail {
    const char *v[WRITER_TAIL_MAX];
    int numeric[WRITER_TAIL_MAX];  /* a number, not a string (JSON) */
    char buf[17 + 4 * 24];
} writer_tail;
size_t writer_tail_values(const writer *w, const doc_record *doc,
                          const dyad_event *ev, writer_tail *t);

/* s[0..n) as a TSV (sep '\t') or CSV (sep ',') value: as it is, or in
 * double quotes with inner quotes doubled when it holds sep, '"', CR or LF
 * (io/write_delim.c). */
void writer_delim_value(writer_buf *b, const char *s, size_t n, char sep);

/* Writes the quotations of doc after its events, in the formats that have
 * records for them (JSON Lines: "type":"quote" lines, io/write_quotes.c);
 * the others write nothing. 0 or -1. */
int writer_quotes(writer *w, const doc_record *doc, const dyad_result *res);
/* A format's quotation record: appends quotation i of res to w->out. */
typedef int (*writer_quote_fn)(writer *w, const doc_record *doc,
                               const dyad_result *res, const dyad_quote *q,
                               size_t i);
/* The quotation writer of fmt, NULL when it has none. */
writer_quote_fn writer_quote_format(const writer_format *fmt);
/* The bytes an event's ,"place":{...} or ,"place":null may need at most
 * in JSON (io/write_quotes.c). */
size_t writer_json_place_size(const dyad_event *ev);
/* JSON Lines: also write each record's other input keys (all but id,
 * date, source, title, text and url) as "fields":{...}, copied from its
 * raw line (dyad code --fields). Other formats ignore it. */
void writer_pass_fields(writer *w, int on);

/* Finishes the output (footer), flushes the sink, frees w. 0, or -1 if any
 * write failed. NULL is allowed. */
int writer_close(writer *w);

/* The text of the event's sentence in res (may contain any bytes): its
 * sentence_text, or when that is NULL (doc_span_sentences) the span of a
 * body sentence in res->text. */
const char *writer_sentence_text(const dyad_result *res, const dyad_event *ev,
                                 size_t *len);

#endif
