/* reader.h -- streaming readers of input documents behind one small
 * interface, and the registry of input formats (JSON Lines, PETRARCH2 batch
 * XML, plain text).
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
 *
 * Formats. Each input format is one reader_format entry (a name, a
 * detection function and open/next/close), defined in its own io/read_*.c
 * and listed once in the registry table of io/reader.c. With READER_AUTO,
 * reader_open reads the head of the input (a byte order mark and leading
 * blank lines skipped, then line by line up to READER_HEAD_MAX bytes), asks
 * every entry's detect function to score it, and opens the entry with the
 * highest score (the first in the table on a tie). The head is then handed
 * to the entry's back end before the rest of the stream, through
 * reader_input, so detection may look at as many bytes as it needs.
 *
 * Adding a format: write io/read_NAME.c defining
 *     const reader_format reader_format_NAME = {"NAME", "summary",
 *                                               detect, open, next, close};
 * and add X(reader_format_NAME) to READER_REGISTRY in io/reader.c.
 */
#ifndef DYAD_READER_H
#define DYAD_READER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

/* Largest plain-text document read whole, bytes. */
#define READER_TEXT_MAX ((size_t)64 * 1024 * 1024)
/* Largest record of the other formats: a JSON line, the <Text> of an XML
 * <Sentence>, bytes. A longer one is rejected with "record longer than
 * 8 MB" (it would take gigabytes to code) and reading goes on. */
#define READER_RECORD_MAX ((size_t)8 * 1024 * 1024)
/* Most bytes read ahead for format detection. */
#define READER_HEAD_MAX ((size_t)64 * 1024)

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
    const char *raw;       /* the record as read (JSON Lines: the line, its
                              invalid UTF-8 repaired), NULL for formats
                              that do not keep it; the event store takes the
                              url and other input fields from it */
    size_t raw_len;
    const char *url;       /* JSON Lines: the "url" string, NULL if none */
} doc_record;

/* The stream a format's back end reads: the head read for detection first,
 * then the rest of the FILE. Owned by the reader; valid until reader_close. */
typedef struct reader_input {
    FILE *f;               /* input, not owned */
    const char *file;      /* name for records and messages */
    uint64_t first_line;   /* line number of the first byte the back end
                              reads (blank lines skipped before it counted) */
    char *head;            /* bytes read ahead, handed out first; then
                              reader_input_getline's read buffer */
    size_t head_len, head_pos, head_cap;
    int read_errno;        /* errno of the first failed read, 0 if none */
} reader_input;

/* Like fread(buf, 1, n, f) on the stream. */
size_t reader_input_read(reader_input *in, void *buf, size_t n);
/* reader_input_getline's results other than a length. */
#define READER_LINE_END (-1)    /* end of the input, or a read error */
#define READER_LINE_NOMEM (-2)  /* no memory for the line (skipped) */
#define READER_LINE_LONG (-3)   /* the line is longer than max (skipped) */
/* Like getline(buf, cap, f) on the stream: the next line with its '\n'
 * (the last one may lack it), NUL-terminated, its length returned. A line
 * of more than max bytes is not stored: it is read to its end and
 * READER_LINE_LONG returned, so that the next call reads the next line; the
 * same when its memory cannot be had (READER_LINE_NOMEM). */
ssize_t reader_input_getline(reader_input *in, char **buf, size_t *cap,
                             size_t max);
/* Non-zero when reading the FILE failed. */
int reader_input_error(const reader_input *in);
/* Why it failed: strerror of the failed read's errno ("Is a directory"). */
const char *reader_input_strerror(const reader_input *in);

/* What detect returns when it needs more of the input to decide. */
#define READER_DETECT_MORE (-1)

/* One input format. */
typedef struct reader_format {
    const char *name;      /* "jsonl": --input-format NAME */
    const char *summary;   /* one line for help texts */
    /* Scores head[0..n), the input's first bytes after a byte order mark
     * and leading blank lines (n may be 0 for an empty input): 0 "not this
     * format", up to 100 "certainly this format", or READER_DETECT_MORE
     * when more bytes would change the answer. complete is set when head
     * is all there is to see (the end of the input or READER_HEAD_MAX
     * bytes); MORE is then not allowed. The head grows a line at a time,
     * so a format that can decide on its first line does not make a
     * reader on a pipe wait for more. */
    int (*detect)(const char *head, size_t n, int complete);
    /* Opens the back end on in (which outlives it). NULL with err set. */
    void *(*open)(reader_input *in, char *err, size_t errlen);
    /* As reader_next. */
    int (*next)(void *state, doc_record *rec, char *err, size_t errlen);
    void (*close)(void *state);
} reader_format;

/* reader_open's format argument for "detect it". */
#define READER_AUTO ((const reader_format *)0)

/* The registry: entries in table order, i from 0; NULL past the end. */
const reader_format *reader_format_at(size_t i);
/* The entry named name, NULL if none ("auto" is not an entry). */
const reader_format *reader_format_find(const char *name);
/* "jsonl, xml, text": the registered names joined by ", " into buf
 * (truncated to size, always NUL-terminated); returns buf. */
char *reader_format_names(char *buf, size_t size);
/* The entry that reader_open would pick for an input starting with
 * head[0..n) and holding nothing more (the byte order mark and blank lines
 * already skipped); *score (may be NULL) receives its score. */
const reader_format *reader_detect(const char *head, size_t n, int *score);

typedef struct reader reader;

/* Opens a reader on f (not closed by the reader). file is the name used in
 * records and messages; fmt an entry of the registry or READER_AUTO.
 * Returns NULL with err set on failure. */
reader *reader_open(FILE *f, const char *file, const reader_format *fmt,
                    char *err, size_t errlen);
/* 1: a record in *rec; 0: end of input; -1: bad record, err says
 * "file:line: reason", call again to continue with the next record. */
int reader_next(reader *r, doc_record *rec, char *err, size_t errlen);
/* The format in use (after auto-detection). */
const reader_format *reader_get_format(const reader *r);
/* Frees the reader; does not close the FILE. NULL is allowed. */
void reader_close(reader *r);
/* Collapses each run of blanks and line breaks in s to one space and trims
 * both ends, in place; returns the new length. XML <Text> is laid out over
 * several lines, and only the words matter. */
size_t reader_squeeze_space(char *s);

#endif
