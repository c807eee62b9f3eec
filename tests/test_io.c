/* test_io.c -- tests of the input readers (JSON Lines, plain text, PETRARCH2
 * batch XML), date parsing, validation-file loading and evaluation helpers,
 * and the output writers (JSON Lines, TSV, table).
 *
 * Inputs are small strings of our own opened with fmemopen, outputs are
 * captured with open_memstream and compared with exact expected strings. The
 * one external file, the PETRARCH2 validation records, is looked up in
 * ../shared relative to the repository root and the test is skipped when it
 * is not there.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dyad.h"
#include "io/reader.h"
#include "io/validation.h"
#include "io/writer.h"

#define VAL_RECORDS "shared/conformance/petrarch2/PETR.UnitTest.records.xml"

/* ---- helpers ------------------------------------------------------------- */

/* A FILE reading the bytes of s (n bytes; strlen when n == 0). */
static FILE *mem_in(const char *s, size_t n) {
    FILE *f = fmemopen((void *)s, n ? n : strlen(s), "r");
    assert_non_null(f);
    return f;
}

static reader *open_str(FILE *f, const char *name, const reader_format *fmt) {
    char err[256] = "";
    reader *r = reader_open(f, name, fmt, err, sizeof err);
    assert_non_null(r);
    return r;
}

/* ---- dates --------------------------------------------------------------- */

static uint32_t pd(const char *s) { return dyad_parse_date(s, strlen(s)); }

static void test_dates(void **state) {
    (void)state;
    assert_int_equal(pd("20160102"), 20160102);
    assert_int_equal(pd("2016-01-02"), 20160102);
    assert_int_equal(pd("2016-01-02T10:00:00Z"), 20160102);
    assert_int_equal(pd("2016-01-02T10:00:00+02:00"), 20160102);
    assert_int_equal(pd("2016-01-02 10:00"), 20160102);
    assert_int_equal(pd("20160102T100000Z"), 20160102);
    assert_int_equal(pd("  19950101 \n"), 19950101);
    assert_int_equal(pd("2016-02-29"), 20160229);   /* leap year */
    assert_int_equal(pd("2000-02-29"), 20000229);   /* divisible by 400 */
    assert_int_equal(pd("1900-02-29"), 0);          /* divisible by 100 */
    assert_int_equal(pd("2015-02-29"), 0);
    assert_int_equal(pd("2016-04-31"), 0);
    assert_int_equal(pd("2016-12-31"), 20161231);
    assert_int_equal(pd("2016-13-01"), 0);
    assert_int_equal(pd("2016-00-10"), 0);
    assert_int_equal(pd("2016-01-00"), 0);
    assert_int_equal(pd("00000101"), 0);
    assert_int_equal(pd("2016-1-2"), 0);
    assert_int_equal(pd("2016-01-02X"), 0);
    assert_int_equal(pd("2016-01-02Tnoon"), 0);
    assert_int_equal(pd("201601021"), 0);
    assert_int_equal(pd("2016"), 0);
    assert_int_equal(pd(""), 0);
    assert_int_equal(pd("2016/01/02"), 0);
    /* only n bytes count */
    assert_int_equal(dyad_parse_date("20160102999", 8), 20160102);
    assert_int_equal(dyad_parse_date("2016-01-02", 7), 0);
    assert_int_equal(dyad_parse_date(NULL, 0), 0);
}

/* ---- JSON Lines ---------------------------------------------------------- */

static void test_jsonl_good(void **state) {
    (void)state;
    static const char in[] =
        "{\"id\":\"a1\",\"date\":\"2016-01-02\",\"source\":\"wire\","
        "\"title\":\"Headline\",\"text\":\"Valdoria denounced Kestria.\"}\n"
        "\n"
        "   \n"
        "{\"text\":\"No id here.\",\"date\":20160315}\n"
        "{\"id\":42,\"date\":\"2016-03-15T08:30:00Z\",\"text\":\"caf\\u00e9 \\\"q\\\"\","
        "\"title\":null,\"extra\":[1,2]}\r\n"
        "{\"id\":\"nul\",\"text\":\"a\\u0000b\"}";   /* no final newline */
    FILE *f = mem_in(in, 0);
    reader *r = open_str(f, "in.jsonl", READER_AUTO);
    assert_string_equal(reader_get_format(r)->name, "jsonl");
    doc_record rec;
    char err[256];

    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "a1");
    assert_int_equal(rec.date, 20160102);
    assert_string_equal(rec.date_text, "2016-01-02");
    assert_string_equal(rec.source, "wire");
    assert_string_equal(rec.title, "Headline");
    assert_string_equal(rec.text, "Valdoria denounced Kestria.");
    assert_int_equal(rec.text_len, 27);
    assert_string_equal(rec.file, "in.jsonl");
    assert_int_equal(rec.line, 1);

    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "in.jsonl:4");  /* blank lines were counted */
    assert_int_equal(rec.line, 4);
    assert_int_equal(rec.date, 20160315);
    assert_string_equal(rec.date_text, "20160315");
    assert_null(rec.source);
    assert_null(rec.title);

    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "42");
    assert_int_equal(rec.date, 20160315);
    assert_string_equal(rec.text, "caf\xc3\xa9 \"q\"");
    assert_null(rec.title);
    assert_int_equal(rec.line, 5);

    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_int_equal(rec.text_len, 3);
    assert_memory_equal(rec.text, "a\0b", 3);

    assert_int_equal(reader_next(r, &rec, err, sizeof err), 0);
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 0);
    reader_close(r);
    fclose(f);
}

static void test_jsonl_bad_lines(void **state) {
    (void)state;
    static const char in[] =
        "{\"id\":\"ok1\",\"text\":\"First.\"}\n"
        "{\"id\":\"broken\",\"text\":\"oops}\n"
        "{\"id\":\"ok2\",\"text\":\"Second.\"}\n"
        "[1,2,3]\n"
        "{\"id\":\"notext\"}\n"
        "{\"id\":\"numtext\",\"text\":5}\n"
        "{\"id\":\"baddate\",\"date\":\"2015-02-29\",\"text\":\"x\"}\n"
        "{\"id\":[1],\"text\":\"x\"}\n"
        "{\"id\":\"ok3\",\"text\":\"Third.\",\"date\":null}\n";
    FILE *f = mem_in(in, 0);
    reader *r = open_str(f, "b.jsonl", reader_format_find("jsonl"));
    doc_record rec;
    char err[256];

    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "ok1");
    assert_int_equal(reader_next(r, &rec, err, sizeof err), -1);
    assert_true(strncmp(err, "b.jsonl:2: invalid JSON: ", 25) == 0);
    assert_non_null(strstr(err, "column"));
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "ok2");
    assert_int_equal(rec.line, 3);
    assert_int_equal(reader_next(r, &rec, err, sizeof err), -1);
    assert_string_equal(err, "b.jsonl:4: expected a JSON object");
    assert_int_equal(reader_next(r, &rec, err, sizeof err), -1);
    assert_string_equal(err, "b.jsonl:5: missing \"text\"");
    assert_int_equal(reader_next(r, &rec, err, sizeof err), -1);
    assert_string_equal(err, "b.jsonl:6: \"text\" must be a string");
    assert_int_equal(reader_next(r, &rec, err, sizeof err), -1);
    assert_string_equal(err, "b.jsonl:7: invalid date \"2015-02-29\"");
    assert_int_equal(reader_next(r, &rec, err, sizeof err), -1);
    assert_string_equal(err, "b.jsonl:8: \"id\" must be a string or integer");
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "ok3");
    assert_int_equal(rec.date, 0);
    assert_null(rec.date_text);
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 0);
    reader_close(r);
    fclose(f);
}

static void test_jsonl_long_line(void **state) {
    (void)state;
    size_t n = 3 * 1024 * 1024;
    char *in = malloc(n + 64);
    assert_non_null(in);
    size_t o = (size_t)sprintf(in, "{\"id\":\"big\",\"text\":\"");
    memset(in + o, 'w', n);
    o += n;
    o += (size_t)sprintf(in + o, "\"}\n{\"id\":\"after\",\"text\":\"x\"}\n");
    FILE *f = mem_in(in, o);
    reader *r = open_str(f, "long.jsonl", READER_AUTO);
    doc_record rec;
    char err[256];
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_int_equal(rec.text_len, n);
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "after");
    assert_int_equal(rec.line, 2);
    reader_close(r);
    fclose(f);
    free(in);
}

/* Issue 14.5: lines longer than the limit are skipped, not stored, and the
 * next line is read; a 9 MB JSON line is rejected with its line number. */
static void test_getline_limit(void **state) {
    (void)state;
    char in[300];
    memset(in, 'x', sizeof in);
    memcpy(in, "short\n", 6);
    in[200] = '\n';
    memcpy(in + 201, "next\n", 5);
    FILE *f = mem_in(in, 206);
    reader_input ri;
    memset(&ri, 0, sizeof ri);
    ri.f = f;
    ri.file = "t";
    char *buf = NULL;
    size_t cap = 0;
    assert_int_equal(reader_input_getline(&ri, &buf, &cap, 10), 6);
    assert_string_equal(buf, "short\n");
    assert_int_equal(reader_input_getline(&ri, &buf, &cap, 10),
                     READER_LINE_LONG);
    assert_true(cap <= 128); /* the long line was never stored */
    assert_int_equal(reader_input_getline(&ri, &buf, &cap, 10), 5);
    assert_string_equal(buf, "next\n");
    assert_int_equal(reader_input_getline(&ri, &buf, &cap, 10),
                     READER_LINE_END);
    free(buf);
    free(ri.head);
    fclose(f);

    size_t n = READER_RECORD_MAX + 1024 * 1024;
    char *big = malloc(n + 64);
    assert_non_null(big);
    size_t o = (size_t)sprintf(big, "{\"id\":\"big\",\"text\":\"");
    memset(big + o, 'w', n);
    o += n;
    o += (size_t)sprintf(big + o, "\"}\n{\"id\":\"after\",\"text\":\"x\"}\n");
    f = mem_in(big, o);
    reader *r = open_str(f, "big.jsonl", READER_AUTO);
    doc_record rec;
    char err[256];
    assert_int_equal(reader_next(r, &rec, err, sizeof err), -1);
    assert_string_equal(err, "big.jsonl:1: record longer than 8 MB (the limit "
                             "of a JSON line): skipped");
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "after");
    assert_int_equal(rec.line, 2);
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 0);
    reader_close(r);
    fclose(f);
    free(big);
}

static void test_detect_bom_and_blank_lines(void **state) {
    (void)state;
    static const char in[] = "\xEF\xBB\xBF\n\n  {\"text\":\"t\"}\n";
    FILE *f = mem_in(in, 0);
    reader *r = open_str(f, "bom.jsonl", READER_AUTO);
    assert_string_equal(reader_get_format(r)->name, "jsonl");
    doc_record rec;
    char err[256];
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_int_equal(rec.line, 3);
    assert_string_equal(rec.id, "bom.jsonl:3");
    reader_close(r);
    fclose(f);
}

/* ---- the reader registry and format detection ---------------------------- */

static void test_reader_registry(void **state) {
    (void)state;
    static const char *const names[] = {"jsonl", "xml", "text"};
    for (size_t i = 0; i < 3; i++) {
        const reader_format *f = reader_format_at(i);
        assert_non_null(f);
        assert_string_equal(f->name, names[i]);
        assert_ptr_equal(reader_format_find(names[i]), f);
        assert_non_null(f->summary);
        assert_non_null(f->detect);
        assert_non_null(f->open);
        assert_non_null(f->next);
        assert_non_null(f->close);
    }
    assert_null(reader_format_at(3));
    assert_null(reader_format_find("auto")); /* READER_AUTO, not an entry */
    assert_null(reader_format_find("csv"));
    assert_null(reader_format_find("JSONL"));
    assert_null(reader_format_find(""));
    assert_null(reader_format_find(NULL));
    char buf[64];
    assert_string_equal(reader_format_names(buf, sizeof buf), "jsonl, xml, text");
    assert_string_equal(reader_format_names(buf, 8), "jsonl, ");
    assert_string_equal(reader_format_names(buf, 1), "");
}

/* Detection looks past the first byte: each input, whole, and the format
 * reader_detect and reader_open (which reads the head line by line) pick. */
static void test_detect_cases(void **state) {
    (void)state;
    static const struct {
        const char *in;
        const char *want;
    } cases[] = {
        {"{\"text\":\"x\"}\n", "jsonl"},
        {"{\"text\":\"x\"}", "jsonl"},              /* no final newline */
        {"{}\n", "jsonl"},
        {"  {\"id\":1, \"text\":\"caf\xc3\xa9\"}\r\n", "jsonl"},
        {"{\"text\":\"bad \xff byte\"}\n", "jsonl"}, /* repaired as it is read */
        /* the first record broken, the next one good */
        {"{\"id\":\"t2\",\"text\": \"unterminated\n{\"id\":\"t3\",\"text\":\"x\"}\n", "jsonl"},
        {"{\"a\":1\n\n{\"a\":2\n{\"a\":3\n{\"a\":4\n{\"text\":\"late\"}\n", "text"},
        {"{Reuters} Iran condemned Israel.\n", "text"},
        {"{\"quote\" is how the story begins.\n", "text"},
        {"{\n\"text\": \"pretty-printed\"\n}\n", "text"},
        {"{", "text"},
        {"[1,2,3]\n", "text"},
        {"\"text\"\n", "text"},
        {"<?xml version=\"1.0\"?>\n<Sentences>\n<Sentence id=\"a\"><Text>x</Text>"
         "</Sentence>\n</Sentences>\n", "xml"},
        {"<Sentences><Sentence id=\"a\"><Text>x</Text></Sentence></Sentences>", "xml"},
        {"<Sentence id=\"a\"><Text>x</Text></Sentence>\n", "xml"},
        {"<!-- a comment, with > inside -->\n<Validation>\n<Sentences>\n", "xml"},
        {"<?xml version=\"1.0\"?>\n<!DOCTYPE Sentences [<!ENTITY w \"wire\">]>\n"
         "<Sentences/>\n", "xml"},
        {"<Batch>\n<Sentence id=\"a\"><Text>x</Text></Sentence>\n</Batch>\n", "xml"},
        {"<b>Breaking</b>: Iran condemned Israel.\n", "text"},
        {"<html><body><p>Iran condemned Israel.</p></body></html>\n", "text"},
        {"<SentencesX>\n", "text"},
        {"<Sentencing> of the general was postponed.\n", "text"},
        {"< Sentences>\n", "text"},
        {"<3 you, the minister said.\n", "text"},
        {"<?xml version=\"1.0\"?>\n", "text"},       /* no root element */
        {"<!-- never closed\n", "text"},
        {"Iran condemned Israel.\n", "text"},
        {"", "text"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = strlen(cases[i].in);
        int score = -1;
        const reader_format *f = reader_detect(cases[i].in, n, &score);
        assert_non_null(f);
        if (strcmp(f->name, cases[i].want))
            fail_msg("case %zu (%s): detected %s, want %s", i, cases[i].in,
                     f->name, cases[i].want);
        assert_true(score >= 1 && score <= 100);
        if (n == 0) continue; /* fmemopen wants at least one byte */
        FILE *in = mem_in(cases[i].in, n);
        reader *r = open_str(in, "case", READER_AUTO);
        if (strcmp(reader_get_format(r)->name, cases[i].want))
            fail_msg("case %zu (%s): reader_open picked %s, want %s", i,
                     cases[i].in, reader_get_format(r)->name, cases[i].want);
        reader_close(r);
        fclose(in);
    }
}

/* Scores, and when a format asks for more of the input. */
static void test_detect_scores(void **state) {
    (void)state;
    const reader_format *j = reader_format_find("jsonl"),
                        *x = reader_format_find("xml"),
                        *t = reader_format_find("text");
    const char *s = "{\"text\":\"x\"}\n";
    /* the first line decides: a reader on a pipe does not wait for more */
    assert_int_equal(j->detect(s, strlen(s), 0), 100);
    assert_int_equal(x->detect(s, strlen(s), 0), 0);
    assert_int_equal(t->detect(s, strlen(s), 0), 1);
    s = "{\"text\":\"x\"";   /* the line is not over yet */
    assert_int_equal(j->detect(s, strlen(s), 0), READER_DETECT_MORE);
    assert_int_equal(j->detect(s, strlen(s), 1), 0);
    s = "{\"id\":\"t2\",\"text\": \"unterminated\n"; /* a later line may parse */
    assert_int_equal(j->detect(s, strlen(s), 0), READER_DETECT_MORE);
    assert_int_equal(j->detect(s, strlen(s), 1), 0);
    s = "{\"id\":\"t2\",\"text\": \"unterminated\n{\"text\":\"x\"}\n";
    assert_int_equal(j->detect(s, strlen(s), 0), 90);
    s = "{\"broken\n{\"text\":\"x\"}\n"; /* the first line cannot be JSON */
    assert_int_equal(j->detect(s, strlen(s), 0), 0);
    s = "<?xml version=\"1.0\"?>\n";   /* the root element is still to come */
    assert_int_equal(x->detect(s, strlen(s), 0), READER_DETECT_MORE);
    assert_int_equal(x->detect(s, strlen(s), 1), 0);
    s = "<Sentences>\n";
    assert_int_equal(x->detect(s, strlen(s), 0), 100);
    s = "<Validation>\n";
    assert_int_equal(x->detect(s, strlen(s), 0), 90);
    s = "<Batch>\n";         /* a <Sentence> may follow */
    assert_int_equal(x->detect(s, strlen(s), 0), READER_DETECT_MORE);
    assert_int_equal(x->detect(s, strlen(s), 1), 0);
    s = "<Batch><Sentence id=\"a\">";
    assert_int_equal(x->detect(s, strlen(s), 0), 80);

    /* a first line longer than the head: it starts like an object */
    size_t n = READER_HEAD_MAX;
    char *big = malloc(n);
    assert_non_null(big);
    memset(big, 'w', n);
    memcpy(big, "{\"text\":\"", 9);
    assert_int_equal(j->detect(big, n, 1), 80);
    memcpy(big, "{Reuters}", 9);
    assert_int_equal(j->detect(big, n, 1), 0);
    free(big);
}

/* The bytes read for detection reach the back end: nothing is lost or
 * doubled where the head ends, whatever the format. */
static void test_detect_head_handover(void **state) {
    (void)state;
    /* a broken first record: detection reads two lines, the reader reports
     * line 1 and codes line 2 */
    static const char in[] =
        "\n{\"id\":\"t2\",\"text\": \"unterminated\n{\"id\":\"t3\",\"text\":\"ok\"}\n"
        "{\"id\":\"t4\",\"text\":\"four\"}\n";
    FILE *f = mem_in(in, 0);
    reader *r = open_str(f, "b.jsonl", READER_AUTO);
    assert_string_equal(reader_get_format(r)->name, "jsonl");
    doc_record rec;
    char err[256];
    assert_int_equal(reader_next(r, &rec, err, sizeof err), -1);
    assert_true(strncmp(err, "b.jsonl:2: invalid JSON", 23) == 0);
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "t3");
    assert_int_equal(rec.line, 3);
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.text, "four");
    assert_int_equal(rec.line, 4);
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 0);
    reader_close(r);
    fclose(f);

    /* plain text read ahead up to the head's cap is all in the document */
    size_t n = READER_HEAD_MAX * 2 + 17;
    char *txt = malloc(n + 1);
    assert_non_null(txt);
    for (size_t i = 0; i < n; i++) txt[i] = i % 61 == 60 ? '\n' : (char)('a' + i % 26);
    txt[0] = '<'; /* keeps the XML detector reading to the cap */
    txt[n] = '\0';
    f = mem_in(txt, n);
    r = open_str(f, "long.txt", READER_AUTO);
    assert_string_equal(reader_get_format(r)->name, "text");
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_int_equal(rec.text_len, n - (txt[n - 1] == '\n'));
    assert_memory_equal(rec.text, txt, rec.text_len);
    reader_close(r);
    fclose(f);
    free(txt);

    /* a JSON line that straddles the end of the head */
    n = READER_HEAD_MAX + 1000;
    char *line = malloc(n + 64);
    assert_non_null(line);
    size_t o = (size_t)sprintf(line, "{\"id\":\"big\",\"text\":\"");
    memset(line + o, 'w', n);
    o += n;
    o += (size_t)sprintf(line + o, "\"}\n{\"text\":\"x\"}\n");
    f = mem_in(line, o);
    r = open_str(f, "big.jsonl", READER_AUTO);
    assert_string_equal(reader_get_format(r)->name, "jsonl");
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "big");
    assert_int_equal(rec.text_len, n);
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "big.jsonl:2");
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 0);
    reader_close(r);
    fclose(f);
    free(line);
}

/* An explicit format is used as given, without detection. */
static void test_reader_explicit_format(void **state) {
    (void)state;
    static const char in[] = "{\"id\":\"a\",\"text\":\"x\"}\n";
    FILE *f = mem_in(in, 0);
    reader *r = open_str(f, "as.txt", reader_format_find("text"));
    assert_string_equal(reader_get_format(r)->name, "text");
    doc_record rec;
    char err[256];
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "as.txt");
    assert_string_equal(rec.text, "{\"id\":\"a\",\"text\":\"x\"}");
    reader_close(r);
    fclose(f);

    /* "{Reuters} ..." read as JSON Lines on request: a bad record */
    f = mem_in("{Reuters} Iran condemned Israel.\n", 0);
    r = open_str(f, "forced.jsonl", reader_format_find("jsonl"));
    assert_int_equal(reader_next(r, &rec, err, sizeof err), -1);
    assert_true(strncmp(err, "forced.jsonl:1: invalid JSON", 28) == 0);
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 0);
    reader_close(r);
    fclose(f);
}

/* ---- plain text ---------------------------------------------------------- */

static void test_text(void **state) {
    (void)state;
    static const char in[] =
        "\n  Valdoria recalled its ambassador.\n\nKestria protested on Monday.\n\n\n";
    FILE *f = mem_in(in, 0);
    reader *r = open_str(f, "story.txt", READER_AUTO);
    assert_string_equal(reader_get_format(r)->name, "text");
    doc_record rec;
    char err[256];
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "story.txt");
    assert_string_equal(rec.text,
                        "Valdoria recalled its ambassador.\n\nKestria protested on Monday.");
    assert_int_equal(rec.text_len, strlen(rec.text));
    assert_int_equal(rec.date, 0);
    assert_int_equal(rec.line, 2);
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 0);
    reader_close(r);
    fclose(f);

    /* a 0xEF that is not a byte order mark is kept */
    static const char ef[] = "\xEF\xBC\x81 wide bang";
    f = mem_in(ef, 0);
    r = open_str(f, "ef.txt", READER_AUTO);
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.text, ef);
    reader_close(r);
    fclose(f);

    /* blank input: no document */
    f = mem_in(" \n\n", 0);
    r = open_str(f, "empty.txt", READER_AUTO);
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 0);
    reader_close(r);
    fclose(f);
}

/* ---- PETRARCH2 batch XML ------------------------------------------------- */

static void test_petrxml(void **state) {
    (void)state;
    static const char in[] =
        "<?xml version=\"1.0\"?>\n"
        "<Sentences>\n"
        "<Sentence date=\"20160315\" id=\"VLDN0042_3\" source=\"wire\" sentence=\"True\">\n"
        "<Text>\n"
        "Valdoria recalled its ambassador\n"
        "   from Kestria &amp; Ostmark.\n"
        "</Text>\n"
        "<Parse>(ROOT (S (NP (NNP Valdoria))))</Parse>\n"
        "</Sentence>\n"
        "<Sentence date=\"20160316\" id=\"NOTEXT_1\" source=\"wire\" sentence=\"True\">\n"
        "<Parse>(ROOT)</Parse>\n"
        "</Sentence>\n"
        "<Sentence date=\"20150229\" id=\"BADDATE_1\"><Text>x</Text></Sentence>\n"
        "<Sentence id=\"NODATE_1\"><Text>Ostmark  waited.</Text></Sentence>\n"
        "</Sentences>\n";
    FILE *f = mem_in(in, 0);
    reader *r = open_str(f, "batch.xml", READER_AUTO);
    assert_string_equal(reader_get_format(r)->name, "xml");
    doc_record rec;
    char err[256];

    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "VLDN0042_3");
    assert_int_equal(rec.date, 20160315);
    assert_string_equal(rec.source, "wire");
    assert_string_equal(rec.text, "Valdoria recalled its ambassador from Kestria & Ostmark.");
    assert_int_equal(rec.text_len, strlen(rec.text));
    assert_int_equal(rec.line, 3);

    assert_int_equal(reader_next(r, &rec, err, sizeof err), -1);
    assert_string_equal(err, "batch.xml:10: <Sentence id=\"NOTEXT_1\"> has no <Text>");
    assert_int_equal(reader_next(r, &rec, err, sizeof err), -1);
    assert_non_null(strstr(err, "batch.xml:13:"));
    assert_non_null(strstr(err, "invalid date"));
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "NODATE_1");
    assert_int_equal(rec.date, 0);
    assert_string_equal(rec.text, "Ostmark waited.");
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 0);
    reader_close(r);
    fclose(f);
}

static void test_petrxml_malformed(void **state) {
    (void)state;
    static const char in[] =
        "\n<Sentences>\n"
        "<Sentence date=\"20160315\" id=\"A_1\"><Text>One.</Text></Sentence>\n"
        "<Sentence date=\"20160315\" id=\"A_2\"><Text>One and a half.</Text></Sentence>\n"
        "<Sentence date=\"20160315\" id=\"B_1\"><Text>Two.</Txet></Sentence>\n"
        "<Sentence date=\"20160315\" id=\"C_1\"><Text>Three.</Text></Sentence>\n"
        "</Sentences>\n";
    FILE *f = mem_in(in, 0);
    reader *r = open_str(f, "bad.xml", READER_AUTO);
    doc_record rec;
    char err[256];
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "A_1");
    assert_int_equal(rec.line, 3);  /* the blank first line is counted */
    /* libxml2 reads ahead and meets the error before A_2 is handed out; the
     * records before the error still come out */
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "A_2");
    assert_string_equal(rec.text, "One and a half.");
    /* libxml2 cannot recover from a mismatched tag: one error, then the
     * reader resumes after the broken record's </Sentence> (issue 14.5) */
    assert_int_equal(reader_next(r, &rec, err, sizeof err), -1);
    assert_true(strncmp(err, "bad.xml:5: XML: ", 16) == 0);
    assert_non_null(strstr(err, "Txet"));
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "C_1");
    assert_int_equal(rec.line, 6);
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 0);
    reader_close(r);
    fclose(f);

    /* &#0; (not an XML character) lost every record of the file: now only
     * its own, inside a validation file's two levels of elements, on one
     * line or many */
    static const char nul[] =
        "<Validation><Sentences>\n"
        "<Sentence id=\"N_1\"><Text>One.</Text></Sentence>"
        "<Sentence id=\"N_2\"><Text>Two &#0; x</Text></Sentence>"
        "<Sentence id=\"N_3\"><Text>Three.</Text></Sentence>\n"
        "<Sentence id=\"N_4\"><Text>Four &#x0;</Text></Sentence>\n"
        "<Sentence id=\"N_5\"><Text>Five.</Text></Sentence>\n"
        "</Sentences></Validation>\n";
    f = mem_in(nul, 0);
    r = open_str(f, "nul.xml", READER_AUTO);
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "N_1");
    assert_int_equal(reader_next(r, &rec, err, sizeof err), -1);
    assert_true(strncmp(err, "nul.xml:2: XML: ", 16) == 0);
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "N_3");
    assert_int_equal(rec.line, 2);
    assert_int_equal(reader_next(r, &rec, err, sizeof err), -1);
    assert_true(strncmp(err, "nul.xml:3: XML: ", 16) == 0);
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "N_5");
    assert_int_equal(rec.line, 4);
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 0);
    reader_close(r);
    fclose(f);

    /* truncated input */
    static const char cut[] =
        "<Sentences><Sentence id=\"A\"><Text>a</Text></Sentence>\n<Sentence id=\"B\"><Te";
    f = mem_in(cut, 0);
    r = open_str(f, "cut.xml", reader_format_find("xml"));
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 1);
    assert_string_equal(rec.id, "A");
    assert_int_equal(reader_next(r, &rec, err, sizeof err), -1);
    assert_true(strncmp(err, "cut.xml:", 8) == 0);
    assert_int_equal(reader_next(r, &rec, err, sizeof err), 0);
    reader_close(r);
    fclose(f);
}

/* ---- validation ---------------------------------------------------------- */

static void test_validation_real_file(void **state) {
    (void)state;
    /* the repository root is the usual working directory; build/tests is
     * tried too, for running the binary by hand */
    static const char *const dirs[] = {"../", "../../../"};
    char path[256] = "";
    for (size_t i = 0; i < 2 && !path[0]; i++) {
        snprintf(path, sizeof path, "%s%s", dirs[i], VAL_RECORDS);
        FILE *probe = fopen(path, "r");
        if (probe) fclose(probe);
        else path[0] = '\0';
    }
    if (!path[0]) skip();
    char err[512] = "";
    val_file *vf = val_load(path, err, sizeof err);
    if (!vf) fail_msg("%s", err);
    assert_string_equal(vf->env.verbfile, "PETR.Validate.verbs.txt");
    assert_int_equal(vf->env.nactorfiles, 1);
    assert_string_equal(vf->env.actorfiles[0], "PETR.Validate.actors.txt");
    assert_string_equal(vf->env.agentfile, "PETR.Validate.agents.txt");
    assert_string_equal(vf->env.discardfile, "PETR.Validate.discards.txt");
    assert_string_equal(vf->env.pause, "Stop");
    assert_int_equal(vf->env.ninclude, 12);
    assert_string_equal(vf->env.include[0], "valid");
    assert_string_equal(vf->env.include[11], "ERROR");
    assert_int_equal(vf->env.nexclude, 0);
    assert_int_equal(vf->env.nconfig, 1);
    assert_string_equal(vf->env.config[0].option, "stop_on_error");
    assert_true(val_config_bool(vf->env.config[0].value));

    assert_int_equal(vf->nrecords, 284);
    /* formats.md e.3 says 30: a grep count that includes the comment
     * "<!-- This section is also testing the <Config> tag -->"; there are
     * 29 elements, one in <Environment> and 28 between records */
    assert_int_equal(vf->nconfigs, 29);
    size_t evaluated = 0, with_events = 0, none = 0, errors = 0, configs = 0;
    const char *skipped[8];
    size_t nskipped = 0;
    for (size_t i = 0; i < vf->nitems; i++) {
        const val_item *it = &vf->items[i];
        if (it->kind == VAL_ITEM_CONFIG) configs++;
        if (it->kind != VAL_ITEM_RECORD) continue;
        const val_record *rec = &it->record;
        if (val_should_skip(vf, rec)) {
            if (nskipped < 8) skipped[nskipped] = rec->id;
            nskipped++;
            continue;
        }
        evaluated++;
        if (rec->error) errors++;
        else if (rec->nevents == 0) none++;
        else with_events++;
    }
    assert_int_equal(configs, 28);
    assert_int_equal(evaluated, 278);
    assert_int_equal(nskipped, 6);
    assert_int_equal(with_events, 251);
    assert_int_equal(none, 20);
    assert_int_equal(errors, 7);
    static const char *want_skipped[] = {"DEMO-04", "AGENT-08", "AGENTS-18",
                                         "AGENTS-19", "COMPOUND-28", "COMPOUND-36"};
    for (size_t k = 0; k < 6; k++) {
        int found = 0;
        for (size_t j = 0; j < 6; j++) found |= !strcmp(skipped[j], want_skipped[k]);
        if (!found) fail_msg("%s not skipped", want_skipped[k]);
    }

    /* the first record, field by field */
    const val_record *first = NULL;
    for (size_t i = 0; i < vf->nitems && !first; i++)
        if (vf->items[i].kind == VAL_ITEM_RECORD) first = &vf->items[i].record;
    assert_string_equal(first->id, "DEMO-00");
    assert_int_equal(first->date, 19950101);
    assert_string_equal(first->category, "DEMO");
    assert_true(first->sentence);
    assert_int_equal(first->nevents, 1);
    assert_string_equal(first->events[0].source, "ARN");
    assert_string_equal(first->events[0].target, "GON");
    assert_string_equal(first->events[0].code, "064");
    assert_string_equal(first->text, "Arnor is about to restore full diplomatic ties with "
                                     "Gondor almost five years after crowds trashed its embassy.");
    assert_true(strncmp(first->parse, "(ROOT (S (S (NP (NNP Arnor) ) ", 30) == 0);
    val_free(vf);
}

static const char val_xml[] =
    "<Validation>\n"
    "<Environment>\n"
    "  <Verbfile>v.txt</Verbfile>\n"
    "  <Actorfile>a1.txt</Actorfile><Actorfile>a2.txt</Actorfile>\n"
    "  <Include>valid ONE TWO</Include>\n"
    "  <Exclude>TWO</Exclude>\n"
    "  <Config option=\"require_dyad\" value=\"True\"></Config>\n"
    "</Environment>\n"
    "<Sentences>\n"
    "<Config option=\"require_dyad\" value=\"FaLsE\"></Config>\n"
    "<Sentence date=\"20160102\" id=\"R-1\" category=\"ONE\" sentence=\"true\">\n"
    "  <!-- comment -->\n"
    "  <EventCoding sourcecode=\"VAL\" targetcode=\"KES\" eventcode=\"111\"></EventCoding>\n"
    "  <EventCoding sourcecode=\"VAL\" targetcode=\"OST\" eventcode=\"111\"></EventCoding>\n"
    "  <Text>\n  Valdoria   denounced\n Kestria and Ostmark.\n</Text>\n"
    "  <Parse>(ROOT)</Parse>\n"
    "</Sentence>\n"
    "<Sentence date=\"20160102\" id=\"R-2\" category=\"ONE\" valid=\"TRUE\">\n"
    "  <EventCoding noevents = \"True\"></EventCoding><Text>x</Text>\n"
    "</Sentence>\n"
    "<Config option=\"comma_max\" value=\"6\"></Config>\n"
    "<Sentence date=\"20160102\" id=\"R-3\" category=\"TWO\" sentence=\"true\">\n"
    "  <EventCoding error=\"dateline\"></EventCoding><Text>y</Text>\n"
    "</Sentence>\n"
    "<Sentence date=\"2016013\" id=\"R-4\" category=\"THREE\" sentence=\"true\"><Text>z</Text></Sentence>\n"
    "<Sentence date=\"20160102\" id=\"R-5\" category=\"ONE\" sentence=\"false\"><Text>z</Text></Sentence>\n"
    "<Sentence date=\"20160102\" id=\"R-6\" category=\"ONE\" sentence=\"true\"><Skip></Skip><Text>z</Text></Sentence>\n"
    "<Stop></Stop>\n"
    "</Sentences>\n"
    "</Validation>\n";

static void test_validation_synthetic(void **state) {
    (void)state;
    char err[512] = "";
    val_file *vf = val_load_memory(val_xml, sizeof val_xml - 1, "toy.xml", err, sizeof err);
    if (!vf) fail_msg("%s", err);
    assert_int_equal(vf->env.nactorfiles, 2);
    assert_string_equal(vf->env.actorfiles[1], "a2.txt");
    assert_null(vf->env.agentfile);
    assert_int_equal(vf->env.nexclude, 1);
    assert_int_equal(vf->nrecords, 6);
    assert_int_equal(vf->nconfigs, 3);
    assert_int_equal(vf->nitems, 9);

    const val_item *it = vf->items;
    assert_int_equal(it[0].kind, VAL_ITEM_CONFIG);
    assert_string_equal(it[0].config.option, "require_dyad");
    assert_false(val_config_bool(it[0].config.value));

    const val_record *r1 = &it[1].record;
    assert_int_equal(it[1].kind, VAL_ITEM_RECORD);
    assert_string_equal(r1->text, "Valdoria denounced Kestria and Ostmark.");
    assert_int_equal(r1->nevents, 2);
    assert_int_equal(r1->line, 11);
    assert_null(r1->error);
    assert_false(val_should_skip(vf, r1));

    const val_record *r2 = &it[2].record;
    assert_true(r2->noevents);
    assert_true(r2->sentence);  /* the older valid= attribute */
    assert_int_equal(r2->nevents, 0);
    assert_false(val_should_skip(vf, r2));

    assert_int_equal(it[3].kind, VAL_ITEM_CONFIG);
    const val_record *r3 = &it[4].record;
    assert_string_equal(r3->error, "dateline");
    assert_true(val_should_skip(vf, r3));  /* excluded category */
    const val_record *r4 = &it[5].record;
    assert_int_equal(r4->date, 0);
    assert_string_equal(r4->date_text, "2016013");
    assert_true(val_should_skip(vf, r4));  /* not included */
    assert_true(val_should_skip(vf, &it[6].record)); /* sentence="false" */
    assert_true(it[7].record.has_skip);
    assert_true(val_should_skip(vf, &it[7].record));
    assert_int_equal(it[8].kind, VAL_ITEM_STOP);
    val_free(vf);

    /* malformed: an EventCoding with a missing code */
    static const char bad[] =
        "<Validation><Sentences>\n<Sentence id=\"X\">"
        "<EventCoding sourcecode=\"A\" eventcode=\"1\"/></Sentence></Sentences></Validation>";
    vf = val_load_memory(bad, sizeof bad - 1, "bad.xml", err, sizeof err);
    assert_null(vf);
    assert_true(strncmp(err, "bad.xml:2: <EventCoding> in record \"X\"", 38) == 0);
    static const char notxml[] = "<Validation><Sentences></Validation>";
    vf = val_load_memory(notxml, sizeof notxml - 1, "nx.xml", err, sizeof err);
    assert_null(vf);
    assert_true(strncmp(err, "nx.xml:1: ", 10) == 0);
    vf = val_load("/nonexistent/dir/x.xml", err, sizeof err);
    assert_null(vf);
}

static void test_validation_include_valid_only(void **state) {
    (void)state;
    static const char x[] =
        "<Validation><Environment><Include>valid</Include></Environment><Sentences>"
        "<Sentence id=\"A\" category=\"ANY\" sentence=\"true\"><Text>a</Text></Sentence>"
        "<Sentence id=\"B\" category=\"ANY\"><Text>b</Text></Sentence>"
        "</Sentences></Validation>";
    char err[256];
    val_file *vf = val_load_memory(x, sizeof x - 1, "v.xml", err, sizeof err);
    assert_non_null(vf);
    /* "valid" is a flag, not a category: no category filter */
    assert_false(val_should_skip(vf, &vf->items[0].record));
    /* no sentence attribute is not "true" */
    assert_true(val_should_skip(vf, &vf->items[1].record));
    assert_int_equal(vf->items[0].record.nevents, 0);  /* no EventCoding */
    assert_false(vf->items[0].record.noevents);
    val_free(vf);
}

static void test_val_events_match(void **state) {
    (void)state;
    val_event exp[] = {{"VAL", "KES", "111"}, {"VAL", "KES", "111"}, {"---GOV", "---", "174K"}};
    val_record rec = {0};
    rec.events = exp;
    rec.nevents = 3;
    const char *got1[][3] = {{"---GOV", "---", "174K"}, {"VAL", "KES", "111"}, {"VAL", "KES", "111"}};
    assert_true(val_events_match(&rec, got1, 3));
    const char *got2[][3] = {{"---GOV", "---", "174K"}, {"VAL", "KES", "111"}, {"---GOV", "---", "174K"}};
    assert_false(val_events_match(&rec, got2, 3));  /* multiplicity matters */
    assert_false(val_events_match(&rec, got1, 2));
    const char *got3[][3] = {{"VAL", "KES", "111"}, {"VAL", "KES", "112"}, {"---GOV", "---", "174K"}};
    assert_false(val_events_match(&rec, got3, 3));
    const char *got4[][3] = {{"val", "KES", "111"}, {"VAL", "KES", "111"}, {"---GOV", "---", "174K"}};
    assert_false(val_events_match(&rec, got4, 3));  /* case-sensitive */
    val_record none = {0};
    assert_true(val_events_match(&none, NULL, 0));
    assert_false(val_events_match(&none, got1, 1));
}

static void test_val_config(void **state) {
    (void)state;
    assert_true(val_config_bool("True"));
    assert_true(val_config_bool("TRUE"));
    assert_true(val_config_bool("yes"));
    assert_true(val_config_bool(""));
    assert_false(val_config_bool("false"));
    assert_false(val_config_bool("FALSE"));
    assert_false(val_config_bool(" False "));
    assert_false(val_config_bool("notfalse"));

    dyad_options o;
    memset(&o, 0, sizeof o);
    o.require_dyad = 1;
    assert_int_equal(val_config_apply(&o, "require_dyad", "False"), 1);
    assert_int_equal(o.require_dyad, 0);
    assert_int_equal(val_config_apply(&o, "new_actor_length", "4"), 1);
    assert_int_equal(o.new_actor_length, 4);
    assert_int_equal(val_config_apply(&o, "comma_bmax", " 6 "), 1);
    assert_int_equal(o.comma_bmax, 6);
    assert_int_equal(val_config_apply(&o, "comma_emin", "3"), 1);
    assert_int_equal(o.comma_emin, 3);
    assert_int_equal(val_config_apply(&o, "comma_max", "six"), -1);
    assert_int_equal(val_config_apply(&o, "stop_on_error", "True"), 0);
    assert_int_equal(val_config_apply(&o, "no_such_option", "1"), -1);
}

/* ---- writers ------------------------------------------------------------- */

/* A document with two sentences and one event in the second. */
typedef struct fixture {
    doc_record doc;     /* the input record */
    dyad_result res;    /* its coding result */
    dyad_event ev;      /* one event */
} fixture;

static void make_fixture(fixture *fx) {
    memset(fx, 0, sizeof *fx);
    static const char text[] = "First one. Valdoria \"sharply\"\tdenounced K\xc3\xa9stria\\.";
    fx->doc.id = "doc-1";
    fx->doc.date = 20160102;
    fx->doc.file = "in.jsonl";
    fx->doc.line = 1;
    fx->doc.text = text;
    fx->doc.text_len = sizeof text - 1;
    fx->res.text = text;
    fx->res.text_len = sizeof text - 1;
    fx->res.nsentences = 2;
    fx->ev.sentence = 1;
    fx->ev.source = "VAL";
    fx->ev.target = "KES";
    strcpy(fx->ev.code, "111");
    strcpy(fx->ev.root, "11");
    fx->ev.quad = 3;
    fx->ev.goldstein = -2.0;
    fx->ev.source_text = "Valdoria";
    fx->ev.verb_text = "sharply\ndenounced";
    fx->ev.target_text = "K\xc3\xa9stria";
    fx->ev.sentence_span.off = 11;
    fx->ev.sentence_span.len = (uint32_t)(sizeof text - 1 - 11);
    fx->ev.source_span.off = 11;
    fx->ev.source_span.len = 8;
    fx->ev.verb_span.off = 21;
    fx->ev.verb_span.len = 18;
    fx->ev.target_span.off = 40;
    fx->ev.target_span.len = 8;
    fx->ev.sentence_text = text + 11;
    fx->ev.issues = NULL;
    fx->ev.rule = "verbs.txt:12";
    fx->res.nevents = 1;
    fx->ev.quote = -1;
}

static const writer_format *fmt(const char *name) {
    const writer_format *f = writer_format_find(name);
    assert_non_null(f);
    return f;
}

/* Runs the writer on the fixture into a memory sink and returns the output
 * (caller frees). */
static char *write_fixture(const char *format, fixture *fx, int nevents) {
    writer_mem m = {0};
    writer_sink sink = writer_sink_mem(&m);
    writer *w = writer_open(&sink, fmt(format));
    assert_non_null(w);
    for (int i = 0; i < nevents; i++)
        assert_int_equal(writer_event(w, &fx->doc, &fx->res, &fx->ev), 0);
    assert_int_equal(writer_close(w), 0);
    if (!m.data) return strdup("");
    assert_int_equal(strlen(m.data), m.len);
    return m.data;
}

static void test_write_jsonl(void **state) {
    (void)state;
    fixture fx;
    make_fixture(&fx);
    char *out = write_fixture("jsonl", &fx, 1);
    assert_string_equal(out,
        "{\"doc_id\":\"doc-1\",\"sentence\":1,\"date\":\"20160102\",\"source\":\"VAL\","
        "\"target\":\"KES\",\"code\":\"111\",\"root\":\"11\",\"quad\":3,\"goldstein\":-2.0,"
        "\"source_text\":\"Valdoria\",\"verb_text\":\"sharply\\ndenounced\","
        "\"target_text\":\"K\xc3\xa9stria\","
        "\"sentence_text\":\"Valdoria \\\"sharply\\\"\\tdenounced K\xc3\xa9stria\\\\.\","
        "\"issues\":\"\",\"rule\":\"verbs.txt:12\","
        "\"sentence_span\":[11,39],\"source_span\":[11,8],\"verb_span\":[21,18],"
        "\"target_span\":[40,8],\"in_title\":false,"
        "\"event_id\":\"f49952433f8417dd\",\"plover_type\":\"ACCUSE\","
        "\"plover_mode\":\"disapprove\",\"place\":null,\"quote\":null}\n");
    free(out);

    /* a place and a quotation */
    dyad_place pl = {"Kandahar province", 1138335, "Kandahar", "Kandahar", "23",
                     "AFG", 31.61, 65.71, "admin1", "clause", {60, 17}, 0};
    fx.ev.place = &pl;
    fx.ev.quote = 2;
    out = write_fixture("jsonl", &fx, 1);
    assert_non_null(strstr(out, "\"plover_mode\":\"disapprove\",\"place\":{\"name\":"
                                "\"Kandahar province\",\"geonameid\":1138335,"
                                "\"gazetteer_name\":\"Kandahar\",\"admin1\":"
                                "\"Kandahar\",\"admin1_code\":\"23\",\"country\":"
                                "\"AFG\",\"lat\":31.6100,\"lon\":65.7100,"
                                "\"level\":\"admin1\",\"source\":\"clause\","
                                "\"span\":[60,17]},\"quote\":2}\n"));
    free(out);
    fx.ev.place = NULL;
    fx.ev.quote = -1;

    /* date unknown, NULL evidence, goldstein -0 */
    fx.doc.date = 0;
    fx.ev.source_text = NULL;
    fx.ev.verb_text = NULL;
    fx.ev.target_text = NULL;
    fx.ev.rule = NULL;
    fx.ev.goldstein = -0.0;
    out = write_fixture("jsonl", &fx, 1);
    assert_non_null(strstr(out, "\"date\":\"\",\"source\""));
    assert_non_null(strstr(out, "\"goldstein\":0.0,\"source_text\":\"\",\"verb_text\":\"\","
                                "\"target_text\":\"\""));
    assert_non_null(strstr(out, "\"rule\":\"\",\"sentence_span\":"));
    free(out);

    /* a title event without a target; large offsets */
    fx.ev.in_title = 1;
    fx.ev.target_span.off = fx.ev.target_span.len = 0;
    fx.ev.sentence_span.off = 4294967295u;
    out = write_fixture("jsonl", &fx, 1);
    assert_non_null(strstr(out, ",\"sentence_span\":[4294967295,39],\"source_span\":[11,8],"
                                "\"verb_span\":[21,18],\"target_span\":[0,0],"
                                "\"in_title\":true,\"event_id\":\""));
    free(out);
}

static void test_json_string_escaping(void **state) {
    (void)state;
    static const struct {
        const char *in;     /* input bytes */
        size_t n;           /* input length */
        const char *want;   /* exact JSON */
    } cases[] = {
        {"plain", 5, "\"plain\""},
        {"q\"b\\s/", 6, "\"q\\\"b\\\\s/\""},
        {"\b\f\n\r\t", 5, "\"\\b\\f\\n\\r\\t\""},
        {"\x01\x1f\x7f", 3, "\"\\u0001\\u001f\\u007f\""},
        {"a\0b", 3, "\"a\\u0000b\""},
        {"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 9, "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\""},
        {"\xe2\x80\xa8", 3, "\"\\u2028\""},
        {"\xff", 1, "\"\\ufffd\""},
        {"\xc3", 1, "\"\\ufffd\""},                     /* truncated */
        {"\xc0\xaf", 2, "\"\\ufffd\\ufffd\""},          /* overlong */
        {"\xed\xa0\x80", 3, "\"\\ufffd\\ufffd\\ufffd\""}, /* surrogate */
        {"\xf4\x90\x80\x80", 4, "\"\\ufffd\\ufffd\\ufffd\\ufffd\""}, /* > U+10FFFF */
        {"\xe2\x82x", 3, "\"\\ufffd\\ufffdx\""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        writer_buf b = {0};
        writer_json_string(&b, cases[i].in, cases[i].n);
        writer_buf_putc(&b, '\0');
        assert_false(b.failed);
        if (strcmp(b.p, cases[i].want)) fail_msg("case %zu: got %s want %s", i, b.p, cases[i].want);
        free(b.p);
    }
}

static void test_write_tsv(void **state) {
    (void)state;
    fixture fx;
    make_fixture(&fx);
    char *out = write_fixture("tsv", &fx, 1);
    assert_string_equal(out,
        "doc_id\tsentence\tdate\tsource\ttarget\tcode\troot\tquad\tgoldstein\t"
        "source_text\tverb_text\ttarget_text\tsentence_text\tissues\trule\t"
        "sentence_off\tsentence_len\tsource_off\tsource_len\tverb_off\tverb_len\t"
        "target_off\ttarget_len\tin_title\tevent_id\tplover_type\tplover_mode\tplace_name\tplace_geonameid\tplace_admin1\tplace_country\tplace_lat\tplace_lon\tplace_level\tplace_source\tquote\n"
        "doc-1\t1\t20160102\tVAL\tKES\t111\t11\t3\t-2.0\tValdoria\t\"sharply\ndenounced\"\t"
        "K\xc3\xa9stria\t\"Valdoria \"\"sharply\"\"\tdenounced K\xc3\xa9stria\\.\"\t\tverbs.txt:12\t"
        "11\t39\t11\t8\t21\t18\t40\t8\t0\tf49952433f8417dd\tACCUSE\tdisapprove\t\t\t\t\t\t\t\t\t\n");
    free(out);
    /* a title event without a target */
    fx.ev.in_title = 1;
    fx.ev.target_span.off = fx.ev.target_span.len = 0;
    out = write_fixture("tsv", &fx, 1);
    assert_non_null(strstr(out, "\tverbs.txt:12\t11\t39\t11\t8\t21\t18\t0\t0\t1\t"));
    free(out);
    /* no events: the header alone */
    out = write_fixture("tsv", &fx, 0);
    assert_int_equal(strchr(out, '\n') - out + 1, (long)strlen(out));
    free(out);
}

static void test_write_table(void **state) {
    (void)state;
    fixture fx;
    make_fixture(&fx);
    fx.ev.target = "KESTRIAGOVMILREB"; /* longer than the column */
    char *out = write_fixture("table", &fx, 2);
    assert_string_equal(out,
        "sent date       source       code  target       verb\n"
        "---- ---------- ------------ ----- ------------ -------------------------------\n"
        "-- doc-1\n"
        "   1 2016-01-02 VAL          111   KESTRIAGOVM~ sharply denounced\n"
        "   1 2016-01-02 VAL          111   KESTRIAGOVM~ sharply denounced\n"
        "2 events from 1 document\n");
    free(out);

    /* two documents, one announced without events; non-ASCII counts as one
     * column per character */
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    writer_sink sink = writer_sink_file(f);
    writer *w = writer_open(&sink, fmt("table"));
    make_fixture(&fx);
    fx.ev.verb_text = "d\xc3\xa9nonc\xc3\xa9 avec une tr\xc3\xa8s grande v\xc3\xa9h\xc3\xa9mence xyz";
    fx.doc.date = 0;
    assert_int_equal(writer_document(w, &fx.doc, &fx.res), 0);
    assert_int_equal(writer_event(w, &fx.doc, &fx.res, &fx.ev), 0);
    doc_record other = fx.doc;
    other.id = "doc-2";
    other.line = 2;
    assert_int_equal(writer_document(w, &other, NULL), 0);
    assert_int_equal(writer_close(w), 0);
    fclose(f);
    assert_string_equal(buf,
        "sent date       source       code  target       verb\n"
        "---- ---------- ------------ ----- ------------ -------------------------------\n"
        "-- doc-1\n"
        "   1 -          VAL          111   KES          d\xc3\xa9nonc\xc3\xa9 avec une tr\xc3\xa8s "
        "grande v~\n"
        "1 event from 2 documents\n");
    free(buf);
}

static void test_writer_doc_count_implicit(void **state) {
    (void)state;
    fixture fx;
    make_fixture(&fx);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    writer_sink sink = writer_sink_file(f);
    writer *w = writer_open(&sink, fmt("table"));
    writer_event(w, &fx.doc, &fx.res, &fx.ev);
    writer_event(w, &fx.doc, &fx.res, &fx.ev);
    fx.doc.id = "doc-2";
    writer_event(w, &fx.doc, &fx.res, &fx.ev);
    writer_close(w);
    fclose(f);
    assert_non_null(strstr(buf, "-- doc-2\n"));
    assert_non_null(strstr(buf, "\n3 events from 2 documents\n"));
    free(buf);
}

/* ---- the writer registry, sinks and the formatting buffer ---------------- */

static void test_writer_registry(void **state) {
    (void)state;
    static const char *const names[] = {"jsonl", "tsv", "csv", "table", "tabari"};
    for (size_t i = 0; i < 5; i++) {
        const writer_format *f = writer_format_at(i);
        assert_non_null(f);
        assert_string_equal(f->name, names[i]);
        assert_ptr_equal(writer_format_find(names[i]), f);
        assert_non_null(f->summary);
        assert_non_null(f->event);
    }
    assert_null(writer_format_at(5));
    assert_ptr_equal(writer_format_find("json"), writer_format_at(0)); /* alias */
    assert_null(writer_format_find("CSV"));
    assert_null(writer_format_find("TSV"));
    assert_null(writer_format_find(""));
    assert_null(writer_format_find(NULL));
    char buf[64];
    assert_string_equal(writer_format_names(buf, sizeof buf), "jsonl (json), tsv, csv, table, tabari");
    assert_string_equal(writer_format_names(buf, 6), "jsonl");
    /* no sink, no format, or a format without an event callback */
    writer_mem m = {0};
    writer_sink sink = writer_sink_mem(&m);
    writer_sink nosink = {NULL, NULL, NULL};
    static const writer_format noevent = {"x", NULL, "x", NULL, NULL, NULL, NULL};
    assert_null(writer_open(NULL, fmt("jsonl")));
    assert_null(writer_open(&nosink, fmt("jsonl")));
    assert_null(writer_open(&sink, NULL));
    assert_null(writer_open(&sink, &noevent));
    assert_null(m.data);
    assert_int_equal(writer_close(NULL), 0);
}

static void test_writer_mem_sink(void **state) {
    (void)state;
    writer_mem m = {0};
    writer_sink s = writer_sink_mem(&m);
    assert_null(s.flush);
    assert_int_equal(s.write(s.ud, "abc", 3), 0);
    assert_string_equal(m.data, "abc");
    assert_int_equal(s.write(s.ud, "", 0), 0);
    assert_int_equal(m.len, 3);
    /* growth over many writes and one large one */
    for (int i = 0; i < 1000; i++) assert_int_equal(s.write(s.ud, "0123456789", 10), 0);
    size_t big = 300000;
    char *p = malloc(big);
    assert_non_null(p);
    memset(p, 'z', big);
    assert_int_equal(s.write(s.ud, p, big), 0);
    free(p);
    assert_int_equal(m.len, 3 + 10000 + big);
    assert_true(m.cap > m.len);
    assert_int_equal(m.data[m.len], '\0');
    assert_memory_equal(m.data, "abc0123456789", 13);
    assert_int_equal(m.data[m.len - 1], 'z');
    writer_mem_free(&m);
    assert_null(m.data);
    assert_int_equal(m.len, 0);
    assert_int_equal(m.cap, 0);
    writer_mem_free(NULL);

    /* a whole table through a memory sink equals the same through a FILE */
    fixture fx;
    make_fixture(&fx);
    char *mem = write_fixture("table", &fx, 2);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    writer_sink fs = writer_sink_file(f);
    writer *w = writer_open(&fs, fmt("table"));
    for (int i = 0; i < 2; i++) assert_int_equal(writer_event(w, &fx.doc, &fx.res, &fx.ev), 0);
    assert_int_equal(writer_close(w), 0);
    fclose(f);
    assert_string_equal(mem, buf);
    free(mem);
    free(buf);
}

/* A sink that fails from its second write on, counting what it was given. */
typedef struct failing {
    int writes, flushes;
} failing;
static int failing_write(void *ud, const char *p, size_t n) {
    (void)p;
    (void)n;
    failing *fl = ud;
    return ++fl->writes >= 2 ? -1 : 0;
}
static int failing_flush(void *ud) {
    ((failing *)ud)->flushes++;
    return 0;
}

static void test_writer_sink_failure(void **state) {
    (void)state;
    fixture fx;
    make_fixture(&fx);
    failing fl = {0, 0};
    writer_sink s = {failing_write, failing_flush, &fl};
    writer *w = writer_open(&s, fmt("tsv"));  /* the header: write 1, fine */
    assert_non_null(w);
    assert_int_equal(fl.writes, 1);
    assert_int_equal(writer_event(w, &fx.doc, &fx.res, &fx.ev), -1);
    assert_int_equal(writer_document(w, &fx.doc, &fx.res), -1);
    assert_int_equal(writer_close(w), -1);
    assert_int_equal(fl.flushes, 1);
    /* one write per event line */
    fl.writes = -100;
    w = writer_open(&s, fmt("jsonl"));
    for (int i = 0; i < 5; i++) assert_int_equal(writer_event(w, &fx.doc, &fx.res, &fx.ev), 0);
    assert_int_equal(writer_close(w), 0);
    assert_int_equal(fl.writes, -95);
}

/* A format defined outside the registry: the callbacks and the counters a
 * new format (an event store, a server's response) gets. */
static int cb_header(writer *w) {
    writer_buf_puts(&w->out, "[");
    return 0;
}
static int cb_document(writer *w, const doc_record *doc, const dyad_result *res) {
    writer_buf_printf(&w->out, "(doc %s %u)", doc->id, res ? res->nsentences : 0);
    return 0;
}
static int cb_event(writer *w, const doc_record *doc, const dyad_result *res,
                    const dyad_event *ev) {
    (void)doc;
    (void)res;
    writer_buf_printf(&w->out, "%s%s>%s", w->new_doc ? "new:" : "", ev->source,
                      ev->target);
    return 0;
}
static int cb_footer(writer *w) {
    writer_buf_printf(&w->out, "]%llu/%llu", w->nevents, w->ndocs);
    return 0;
}

static void test_writer_custom_format(void **state) {
    (void)state;
    static const writer_format custom = {"custom", NULL, "test", cb_header,
                                         cb_document, cb_event, cb_footer};
    fixture fx;
    make_fixture(&fx);
    writer_mem m = {0};
    writer_sink s = writer_sink_mem(&m);
    writer *w = writer_open(&s, &custom);
    assert_string_equal(m.data, "[");
    assert_int_equal(writer_document(w, &fx.doc, &fx.res), 0);
    assert_int_equal(writer_event(w, &fx.doc, &fx.res, &fx.ev), 0);
    assert_int_equal(writer_event(w, &fx.doc, &fx.res, &fx.ev), 0);
    assert_int_equal(writer_close(w), 0);
    assert_string_equal(m.data, "[(doc doc-1 2)new:VAL>KESVAL>KES]2/1");
    writer_mem_free(&m);
}

static void test_writer_buf(void **state) {
    (void)state;
    writer_buf b = {0};
    writer_buf_uint(&b, 0, 0);
    writer_buf_putc(&b, ' ');
    writer_buf_uint(&b, 18446744073709551615ULL, 0);
    writer_buf_putc(&b, ' ');
    writer_buf_uint(&b, 20160102, 8);
    writer_buf_putc(&b, ' ');
    writer_buf_uint(&b, 102, 8);
    writer_buf_putc(&b, ' ');
    writer_buf_int(&b, -7);
    writer_buf_putc(&b, ' ');
    writer_buf_int(&b, -9223372036854775807LL - 1);
    writer_buf_putc(&b, ' ');
    writer_buf_puts(&b, NULL);
    writer_buf_puts(&b, "x");
    writer_buf_put(&b, "", 0);
    writer_buf_putc(&b, '\0');
    assert_false(b.failed);
    assert_string_equal(b.p, "0 18446744073709551615 20160102 00000102 -7 "
                             "-9223372036854775808 x");
    /* printf longer than its first guess */
    b.len = 0;
    char long_s[1000];
    memset(long_s, 'q', sizeof long_s - 1);
    long_s[sizeof long_s - 1] = '\0';
    writer_buf_printf(&b, "<%s>%d", long_s, 42);
    writer_buf_putc(&b, '\0');
    assert_int_equal(strlen(b.p), 1003);
    assert_string_equal(b.p + 999, "q>42");
    /* one decimal, as printf's %.1f */
    static const double g[] = {0, -0.0, 1, -1, 10, -10, 3.4, -3.4, 7.0, -7.0,
                               2.8, -6.5, 0.05, 0.15, 0.25, -0.04, 1e-9,
                               -1e-9, 2.25, 1.15, 123456.75, -99999.95, 1e20,
                               -1e300, 0.1 + 0.2, 9.95, 9.949999};
    for (size_t i = 0; i < sizeof g / sizeof g[0]; i++) {
        char want[WRITER_FIXED1_MAX], got[WRITER_FIXED1_MAX + 1];
        snprintf(want, sizeof want, "%.1f", g[i]);
        size_t n = writer_fixed1(got, g[i]);
        got[n] = '\0';
        if (strcmp(got, want)) fail_msg("%.17g: got %s want %s", g[i], got, want);
        b.len = 0;
        writer_buf_fixed1(&b, g[i]);
        assert_int_equal(b.len, n);
        assert_memory_equal(b.p, want, n);
    }
    free(b.p);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_jsonl_good),
        cmocka_unit_test(test_jsonl_bad_lines),
        cmocka_unit_test(test_getline_limit),
        cmocka_unit_test(test_jsonl_long_line),
        cmocka_unit_test(test_detect_bom_and_blank_lines),
        cmocka_unit_test(test_reader_registry),
        cmocka_unit_test(test_detect_cases),
        cmocka_unit_test(test_detect_scores),
        cmocka_unit_test(test_detect_head_handover),
        cmocka_unit_test(test_reader_explicit_format),
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_petrxml),
        cmocka_unit_test(test_petrxml_malformed),
        cmocka_unit_test(test_validation_real_file),
        cmocka_unit_test(test_validation_synthetic),
        cmocka_unit_test(test_validation_include_valid_only),
        cmocka_unit_test(test_val_events_match),
        cmocka_unit_test(test_val_config),
        cmocka_unit_test(test_write_jsonl),
        cmocka_unit_test(test_json_string_escaping),
        cmocka_unit_test(test_write_tsv),
        cmocka_unit_test(test_write_table),
        cmocka_unit_test(test_writer_doc_count_implicit),
        cmocka_unit_test(test_writer_registry),
        cmocka_unit_test(test_writer_mem_sink),
        cmocka_unit_test(test_writer_sink_failure),
        cmocka_unit_test(test_writer_custom_format),
        cmocka_unit_test(test_writer_buf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
