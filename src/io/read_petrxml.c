/* read_petrxml.c -- PETRARCH2 batch XML reader (formats.md f.1).
 *
 *     <Sentences>
 *       <Sentence date="20160315" id="VLDN0042_3" source="wire" sentence="True">
 *         <Text> ... </Text> <Parse> ... </Parse>
 *       </Sentence> ...
 *
 * libxml2's xmlTextReader streams the file: each <Sentence> is expanded into a
 * small subtree, turned into a record, and freed when the reader moves past
 * it, so memory does not grow with the file. <Parse> is ignored: dyad parses
 * the text itself. Every <Sentence> element is a record wherever it sits, so
 * a validation file (<Validation><Sentences>...) can be coded as a batch too.
 *
 * Errors: a <Sentence> without an id or <Text>, or with an impossible date,
 * yields -1 and the reader continues with the next <Sentence>. A
 * well-formedness error is fatal in libxml2: the complete <Sentence>s before
 * it are still handed out (libxml2 reads ahead, so the error is often seen
 * before they are), then -1 with libxml2's message, then the end.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "util/arena.h"
#include "dyad.h"
#include "io/reader.h"

typedef struct reader_petrxml {
    reader_input *in;      /* the stream, not owned */
    const char *file;      /* its name */
    uint64_t line_offset;  /* lines eaten before libxml2 saw the stream */
    xmlTextReaderPtr xr;   /* the streaming parser */
    arena mem;             /* the current record's strings, reset per call */
    int skip_subtree;      /* the current node was expanded: step over it */
    int done;              /* end reached or fatal error reported */
    int salvaging;         /* a fatal error happened: see salvage_next */
    xmlNodePtr salvage;    /* next node to look at while salvaging */
    char xmlerr[512];      /* first fatal (else first) libxml2 error */
    int fatal_seen;        /* xmlerr holds a fatal error */
    xmlDocPtr doc;         /* tree taken over from the reader, or NULL */
} reader_petrxml;

size_t reader_squeeze_space(char *s) {
    size_t o = 0;
    int pending = 0;
    for (size_t i = 0; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            pending = o > 0;
            continue;
        }
        if (pending) s[o++] = ' ';
        pending = 0;
        s[o++] = (char)c;
    }
    s[o] = '\0';
    return o;
}

static int io_read(void *ctx, char *buf, int len) {
    reader_input *in = ctx;
    size_t n = reader_input_read(in, buf, (size_t)len);
    if (n == 0 && reader_input_error(in)) return -1;
    return (int)n;
}

static int io_close(void *ctx) {
    (void)ctx; /* the caller owns the stream */
    return 0;
}

#if LIBXML_VERSION >= 21200
static void on_error(void *ctx, const xmlError *e)
#else
static void on_error(void *ctx, xmlErrorPtr e)
#endif
{
    reader_petrxml *r = ctx;
    if (!e || e->level == XML_ERR_WARNING || r->fatal_seen) return;
    /* keep the first fatal error (the one that stops the parse) or else the
     * first error, for the message of a failed read */
    if (r->xmlerr[0] && e->level != XML_ERR_FATAL) return;
    r->fatal_seen = e->level == XML_ERR_FATAL;
    const char *msg = e->message ? e->message : "XML error";
    size_t ml = strlen(msg);
    while (ml && (msg[ml - 1] == '\n' || msg[ml - 1] == ' ')) ml--;
    snprintf(r->xmlerr, sizeof r->xmlerr, "%s:%" PRIu64 ": XML: %.*s", r->file,
             (uint64_t)(e->line > 0 ? e->line : 0) + r->line_offset, (int)ml, msg);
}

static void xml_close(void *state) {
    reader_petrxml *r = state;
    if (!r) return;
    if (r->xr) xmlFreeTextReader(r->xr);
    if (r->doc) xmlFreeDoc(r->doc);
    arena_free(&r->mem);
    free(r);
}

static void *xml_open(reader_input *in, char *err, size_t errlen) {
    reader_petrxml *r = calloc(1, sizeof *r);
    if (!r) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    r->in = in;
    r->file = in->file;
    r->line_offset = in->first_line ? in->first_line - 1 : 0;
    arena_init(&r->mem, 16 * 1024, NULL);
    /* NONET: never fetch DTDs; BIG_LINES: line numbers past 65535; HUGE:
     * allow long text nodes (a story can be a few MB) */
    r->xr = xmlReaderForIO(io_read, io_close, in, r->file, NULL,
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_HUGE);
    if (!r->xr) {
        snprintf(err, errlen, "%s: cannot start the XML reader", r->file);
        xml_close(r);
        return NULL;
    }
    xmlTextReaderSetStructuredErrorHandler(r->xr, on_error, r);
    return r;
}

/* Attribute value copied into the record arena, NULL if absent. */
static const char *attr(reader_petrxml *r, xmlNodePtr node, const char *name) {
    xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
    if (!v) return NULL;
    char *s = arena_strdup(&r->mem, (const char *)v);
    xmlFree(v);
    return s;
}

/* Builds a record from a complete <Sentence> element. */
static int sentence_record(reader_petrxml *r, xmlNodePtr node, doc_record *rec,
                           char *err, size_t errlen) {
    memset(rec, 0, sizeof *rec);
    rec->file = r->file;
    rec->id = attr(r, node, "id");
    rec->date_text = attr(r, node, "date");
    rec->source = attr(r, node, "source");
    rec->line = (uint64_t)xmlGetLineNo(node) + r->line_offset;

    for (xmlNodePtr c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "Text"))
            continue;
        xmlChar *t = xmlNodeGetContent(c);
        char *s = arena_strdup(&r->mem, t ? (const char *)t : "");
        xmlFree(t);
        rec->text_len = reader_squeeze_space(s);
        rec->text = s;
        break;
    }
    if (!rec->id || !rec->id[0]) {
        snprintf(err, errlen, "%s:%" PRIu64 ": <Sentence> without an id", r->file,
                 rec->line);
        return -1;
    }
    if (!rec->text) {
        snprintf(err, errlen, "%s:%" PRIu64 ": <Sentence id=\"%.60s\"> has no <Text>",
                 r->file, rec->line, rec->id);
        return -1;
    }
    if (rec->date_text && rec->date_text[0]) {
        rec->date = dyad_parse_date(rec->date_text, strlen(rec->date_text));
        if (!rec->date) {
            snprintf(err, errlen, "%s:%" PRIu64 ": <Sentence id=\"%.60s\">: invalid date \"%.20s\"",
                     r->file, rec->line, rec->id, rec->date_text);
            return -1;
        }
    }
    return 1;
}

static int is_sentence(xmlNodePtr n) {
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "Sentence") == 0;
}

/* An element is known to be complete once the parser has built a node after
 * it or after one of its ancestors: nodes are only created in document
 * order, so its end tag was read. */
static int complete(xmlNodePtr n) {
    for (; n && n->type == XML_ELEMENT_NODE; n = n->parent)
        if (n->next) return 1;
    return 0;
}

/* The node after n in document order, not descending into n. */
static xmlNodePtr after_subtree(xmlNodePtr n) {
    for (; n && n->type != XML_DOCUMENT_NODE; n = n->parent)
        if (n->next) return n->next;
    return NULL;
}

/* The node after n in document order (pre-order). */
static xmlNodePtr preorder_next(xmlNodePtr n) {
    if (n->type == XML_ELEMENT_NODE && n->children) return n->children;
    return after_subtree(n);
}

static int fatal(reader_petrxml *r, char *err, size_t errlen) {
    r->done = 1;
    if (r->xmlerr[0]) snprintf(err, errlen, "%s", r->xmlerr);
    else snprintf(err, errlen, "%s: XML error", r->file);
    return -1;
}

/* After a fatal error: libxml2 parses ahead in chunks, so the error can be
 * raised while complete <Sentence>s before it are still unread. Those are
 * handed out from the partial tree (r->salvage is the next node to look at,
 * in document order), then the error is reported. */
static int salvage_next(reader_petrxml *r, doc_record *rec, char *err,
                        size_t errlen) {
    xmlNodePtr n = r->salvage;
    while (n && !(is_sentence(n) && complete(n))) n = preorder_next(n);
    if (!n) {
        r->salvage = NULL;
        r->salvaging = 0;
        return fatal(r, err, errlen);
    }
    r->salvage = after_subtree(n);
    return sentence_record(r, n, rec, err, errlen);
}

/* Enters salvage mode; from is the first node that may not have been read
 * yet, NULL for the start of the document. */
static int salvage_start(reader_petrxml *r, xmlNodePtr from, doc_record *rec,
                         char *err, size_t errlen) {
    r->salvaging = 1;
    if (!from) {
        /* CurrentDoc makes the caller the owner of the tree */
        r->doc = xmlTextReaderCurrentDoc(r->xr);
        from = r->doc ? xmlDocGetRootElement(r->doc) : NULL;
    }
    r->salvage = from;
    return salvage_next(r, rec, err, errlen);
}

static int xml_next(void *state, doc_record *rec, char *err, size_t errlen) {
    reader_petrxml *r = state;
    arena_reset(&r->mem);
    if (r->done) return 0;
    if (r->salvaging) return salvage_next(r, rec, err, errlen);
    for (;;) {
        int rc = r->skip_subtree ? xmlTextReaderNext(r->xr) : xmlTextReaderRead(r->xr);
        r->skip_subtree = 0;
        if (rc == 0) {
            r->done = 1;
            return 0;
        }
        if (rc < 0) {
            /* the node the reader is on was already handled */
            xmlNodePtr cur = xmlTextReaderCurrentNode(r->xr);
            return salvage_start(r, cur ? preorder_next(cur) : NULL, rec, err, errlen);
        }
        if (xmlTextReaderNodeType(r->xr) != XML_READER_TYPE_ELEMENT) continue;
        const xmlChar *name = xmlTextReaderConstLocalName(r->xr);
        if (!name || strcmp((const char *)name, "Sentence")) continue;
        xmlNodePtr node = xmlTextReaderExpand(r->xr);
        if (!node) /* a fatal parse error, here or in a later record */
            return salvage_start(r, xmlTextReaderCurrentNode(r->xr), rec, err, errlen);
        r->skip_subtree = 1;
        return sentence_record(r, node, rec, err, errlen);
    }
}

/* ---- detection ----------------------------------------------------------- */

static int xml_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int name_start(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
           c == ':' || c >= 0x80;
}

static int name_char(unsigned char c) {
    return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

/* Position just after the first `end` in s[i..n), 0 if none. */
static size_t past(const char *s, size_t i, size_t n, const char *end) {
    size_t k = strlen(end);
    for (; i + k <= n; i++)
        if (!memcmp(s + i, end, k)) return i + k;
    return 0;
}

/* A <Sentence> start tag somewhere in s[0..n). */
static int has_sentence_tag(const char *s, size_t n) {
    for (size_t i = 0; (i = past(s, i, n, "<Sentence")) != 0; ) {
        if (i < n && (xml_space(s[i]) || s[i] == '>' || s[i] == '/')) return 1;
    }
    return 0;
}

/* The prolog (XML declaration, comments, processing instructions, a
 * DOCTYPE) is stepped over to the root element: <Sentences> (or a single
 * <Sentence>) scores 100, PETRARCH's <Validation> 90, another root with a
 * <Sentence> start tag in the head 80 (every <Sentence> is a record wherever
 * it sits). Anything else is not this format, whatever its first byte:
 * "<b>Breaking</b> ..." or an HTML page is text. */
static int xml_detect(const char *head, size_t n, int complete) {
    const int more = complete ? 0 : READER_DETECT_MORE;
    size_t i = 0;
    for (;;) {
        while (i < n && xml_space(head[i])) i++;
        if (i == n) return more;
        if (head[i] != '<') return 0;
        if (i + 1 == n) return more;
        unsigned char c = (unsigned char)head[i + 1];
        if (c == '?') {
            if (!(i = past(head, i + 2, n, "?>"))) return more;
        } else if (c == '!') {
            if (n - i < 4) return more;
            if (!memcmp(head + i, "<!--", 4)) {
                if (!(i = past(head, i + 4, n, "-->"))) return more;
            } else if (n - i < 9) {
                return memcmp(head + i, "<!DOCTYPE", n - i) ? 0 : more;
            } else if (!memcmp(head + i, "<!DOCTYPE", 9)) {
                /* to its '>', stepping over an internal subset [...] */
                int depth = 0;
                for (i += 9; i < n; i++) {
                    if (head[i] == '[') depth++;
                    else if (head[i] == ']') depth--;
                    else if (head[i] == '>' && depth <= 0) break;
                }
                if (i++ >= n) return more;
            } else {
                return 0;
            }
        } else if (name_start(c)) {
            size_t a = i + 1, b = a;
            while (b < n && name_char((unsigned char)head[b])) b++;
            if (b == n) return more;
            if (!xml_space(head[b]) && head[b] != '>' && head[b] != '/') return 0;
            size_t len = b - a;
            if ((len == 9 && !memcmp(head + a, "Sentences", 9)) ||
                (len == 8 && !memcmp(head + a, "Sentence", 8)))
                return 100;
            if (len == 10 && !memcmp(head + a, "Validation", 10)) return 90;
            return has_sentence_tag(head + b, n - b) ? 80 : more;
        } else {
            return 0;
        }
    }
}

const reader_format reader_format_petrxml = {
    "xml", "PETRARCH2 batch XML: <Sentences><Sentence id= date=><Text>",
    xml_detect, xml_open, xml_next, xml_close,
};
