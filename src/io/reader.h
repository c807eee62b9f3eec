/* reader.h -- streaming readers of input documents (JSON Lines, plain text,
 * PETRARCH2 batch XML) behind one small interface.
 *
 * The command line codes millions of documents, so a reader hands out one
 * record at a time and keeps at most one record in memory: its memory does not
 * grow with the size of the input (plain text is the exception: the whole file
 * is one document, capped at READER_TEXT_MAX bytes).
 *
 * A bad record does not end the run: reader_next returns -1 with
 * "file:line: reason" in err, and the next call resynchronises on the
 * following record (the next line for JSON Lines, the next <Sentence> for
 * XML when libxml2 can continue; after a fatal XML error the reader ends).
 *
 * Usage:
 *     reader *r = reader_open(stdin, "-", READER_AUTO, err, sizeof err);
 *     doc_record rec; int rc;
 *     while ((rc = reader_next(r, &rec, err, sizeof err)) != 0)
 *         if (rc < 0) report(err); else code(&rec);
 *     reader_close(r);
 */
#ifndef DYAD_READER_H
#define DYAD_READER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Largest plain-text document read whole, bytes. */
#define READER_TEXT_MAX ((size_t)64 * 1024 * 1024)

/* One input document. Every pointer stays valid until the next reader_next
 * or reader_close on the same reader. Absent optional strings are NULL. */
typedef struct doc_record {
    const char *id;        /* document id; "<file>:<line>" when the input has none */
    const char *date_text; /* date as written in the input, NULL if none */
    const char *source;    /* publisher / source label, NULL if none */
    const char *title;     /* headline, NULL if none; kept apart, not coded */
    const char *text;      /* the text to code, NUL-terminated */
    size_t text_len;       /* bytes in text (text may contain NUL from JSON) */
    uint32_t date;         /* YYYYMMDD, 0 when absent */
    const char *file;      /* input file name as given to reader_open */
    uint64_t line;         /* 1-based line where the record starts */
} doc_record;

typedef enum reader_format {
    READER_AUTO = 0,  /* first non-blank byte: '{' JSONL, '<' XML, else text */
    READER_JSONL,     /* one JSON object per line */
    READER_TEXT,      /* the whole file is one document */
    READER_PETRXML    /* PETRARCH2 batch XML: <Sentences><Sentence ...> */
} reader_format;

typedef struct reader reader;

/* Opens a reader on f (not closed by the reader). file is the name used in
 * records and messages. Returns NULL with err set on failure. */
reader *reader_open(FILE *f, const char *file, reader_format fmt, char *err,
                    size_t errlen);
/* 1: a record in *rec; 0: end of input; -1: bad record, err says
 * "file:line: reason", call again to continue with the next record. */
int reader_next(reader *r, doc_record *rec, char *err, size_t errlen);
/* The format in use (after auto-detection). */
reader_format reader_get_format(const reader *r);
/* Frees the reader; does not close the FILE. NULL is allowed. */
void reader_close(reader *r);
/* "jsonl", "text", "xml" or "auto". */
const char *reader_format_name(reader_format fmt);
/* Collapses each run of blanks and line breaks in s to one space and trims
 * both ends, in place; returns the new length. XML <Text> is laid out over
 * several lines, and only the words matter. */
size_t reader_squeeze_space(char *s);

/* ---- Per-format back ends, for io/read_*.c only. ------------------------
 * reader_open (read_text.c) detects the format and hands the stream to one
 * of these. first_line is the line number of the next byte in f (blank
 * lines eaten while detecting the format are counted). */
typedef struct reader_jsonl reader_jsonl;
reader_jsonl *reader_jsonl_open(FILE *f, const char *file, uint64_t first_line);
int reader_jsonl_next(reader_jsonl *r, doc_record *rec, char *err, size_t errlen);
void reader_jsonl_close(reader_jsonl *r);

typedef struct reader_petrxml reader_petrxml;
reader_petrxml *reader_petrxml_open(FILE *f, const char *file, uint64_t first_line,
                                    char *err, size_t errlen);
int reader_petrxml_next(reader_petrxml *r, doc_record *rec, char *err,
                        size_t errlen);
void reader_petrxml_close(reader_petrxml *r);

#endif
