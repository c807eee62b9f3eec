/* writer.h -- output formats for coded events behind one small interface:
 * JSON Lines (machines), TSV (spreadsheets, awk) and a fixed-width table
 * (people, `make demo`).
 *
 * JSON Lines and TSV share one column list, in this order:
 *     doc_id sentence date source target code root quad goldstein
 *     source_text verb_text target_text sentence_text issues rule
 * date is the document date as an 8-digit YYYYMMDD string ("" if unknown),
 * sentence the 0-based sentence index, goldstein printed with one decimal.
 * NULL strings are written as "".
 *
 * Usage:
 *     writer *w = writer_open(stdout, WRITER_JSONL);
 *     for each document: writer_document(w, &rec, &res);  (optional)
 *                        for each event: writer_event(w, &rec, &res, ev);
 *     writer_close(w);     (table: writes "N events from M documents")
 */
#ifndef DYAD_WRITER_H
#define DYAD_WRITER_H

#include <stdio.h>

#include "dyad.h"
#include "io/reader.h"

typedef enum writer_kind {
    WRITER_JSONL = 0,  /* one JSON object per event per line */
    WRITER_TSV,        /* header line, then one tab-separated line per event */
    WRITER_TABLE       /* fixed-width table for a terminal */
} writer_kind;

/* Fixed width of the table, characters: fits an 80-column terminal. */
#define WRITER_TABLE_WIDTH 79

typedef struct writer writer;

/* The FILE stays the caller's: writer_close does not close it. NULL on
 * out-of-memory. The TSV header is written here. */
writer *writer_open(FILE *f, writer_kind kind);
/* Announces a coded document (events or not), so the table's final count
 * includes documents without events. Optional: when never called, documents
 * are counted from changes of doc_id in writer_event. Returns 0 or -1 on a
 * write error. */
int writer_document(writer *w, const doc_record *doc, const dyad_result *res);
/* Writes one event of doc; res supplies the sentence text. 0 or -1. */
int writer_event(writer *w, const doc_record *doc, const dyad_result *res,
                 const dyad_event *ev);
/* Finishes the output (table footer), flushes, frees w. 0, or -1 if any
 * write failed. NULL is allowed. */
int writer_close(writer *w);
/* "jsonl", "tsv", "table"; and back: -1 for an unknown name. */
const char *writer_kind_name(writer_kind kind);
int writer_kind_parse(const char *name);

/* ---- Shared by io/write_*.c only. -------------------------------------- */

/* Writer state common to all kinds. */
struct writer {
    FILE *f;               /* output, not owned */
    writer_kind kind;      /* format */
    unsigned long long nevents;  /* events written */
    unsigned long long ndocs;    /* documents seen */
    int explicit_docs;     /* writer_document was called at least once */
    char *last_id;         /* doc_id of the last event (implicit doc count) */
    unsigned long long last_line;/* line of that document */
    int new_doc;           /* the event being written starts a new document */
    int failed;            /* some write failed */
};

/* Sets w->new_doc: whether doc differs from the previous event's document
 * (same id and line means same document); counts it in w->ndocs when
 * writer_document is not in use. */
void writer_track_doc(writer *w, const doc_record *doc);
/* The text of the event's sentence in res (may contain any bytes). */
const char *writer_sentence_text(const dyad_result *res, const dyad_event *ev,
                                 size_t *len);

int writer_jsonl_event(writer *w, const doc_record *doc, const dyad_result *res,
                       const dyad_event *ev);
/* Writes s[0..n) as a JSON string with quotes: escapes ", \ and control
 * characters, and replaces invalid UTF-8 with U+FFFD so the line is valid. */
void writer_json_string(FILE *f, const char *s, size_t n);
int writer_tsv_header(writer *w);
int writer_tsv_event(writer *w, const doc_record *doc, const dyad_result *res,
                     const dyad_event *ev);
int writer_table_header(writer *w);
int writer_table_event(writer *w, const doc_record *doc, const dyad_result *res,
                       const dyad_event *ev);
int writer_table_footer(writer *w);

#endif
