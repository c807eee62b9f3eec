/* read.h -- the reader harnesses (read_*.c): arbitrary bytes as an input
 * file, read to the end through the reader registry (io/reader.h) with the
 * format given, or detected (NULL). */
#ifndef DYAD_FUZZ_READ_H
#define DYAD_FUZZ_READ_H

#include "fuzz.h"
#include "io/reader.h"

static inline void fuzz_read(const char *format, const uint8_t *data,
                             size_t size) {
    const reader_format *fmt = READER_AUTO;
    if (format) {
        fmt = reader_format_find(format);
        FUZZ_CHECK(fmt, "format not in the registry");
    }
    /* fmemopen cannot open 0 bytes everywhere: an empty file instead */
    FILE *f = size ? fmemopen((void *)data, size, "r") : tmpfile();
    if (!f) return;
    char err[1024];
    reader *r = reader_open(f, "fuzz.in", fmt, err, sizeof err);
    if (!r) {
        FUZZ_CHECK(err[0], "reader_open failed without a message");
        fclose(f);
        return;
    }
    doc_record rec;
    int rc;
    /* every call consumes input, so this ends; the cap guards a reader
     * that would spin */
    for (long i = 0; i < 1000000 && (rc = reader_next(r, &rec, err, sizeof err));
         i++) {
        if (rc < 0) {
            FUZZ_CHECK(err[0], "bad record without a message");
            continue;
        }
        FUZZ_CHECK(rc == 1, "reader_next returned neither -1, 0 nor 1");
        FUZZ_CHECK(rec.id && rec.text && rec.file, "record with NULL fields");
        FUZZ_CHECK(rec.text[rec.text_len] == '\0', "text not terminated");
        /* each invalid UTF-8 byte may become U+FFFD, 3 bytes (XML
         * entities may expand further: libFuzzer's memory limit is the
         * check there) */
        FUZZ_CHECK(rec.text_len <= 3 * size ||
                       (format && !strcmp(format, "xml")) || !format,
                   "text longer than the input");
        if (rec.title) (void)strlen(rec.title);
        if (rec.source) (void)strlen(rec.source);
        if (rec.date_text) (void)strlen(rec.date_text);
        (void)strlen(rec.id);
    }
    reader_close(r);
    fclose(f);
}

#endif
