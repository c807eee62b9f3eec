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
 * or a <Text> longer than READER_RECORD_MAX, yields -1 and the reader
 * continues with the next <Sentence>. A well-formedness error (a character
 * reference &#0;, a mismatched tag) is fatal in libxml2: the complete
 * <Sentence>s before it are still handed out (libxml2 reads ahead, so the
 * error is often seen before they are), then -1 with libxml2's message;
 * then reading resumes after the first </Sentence> at or after the error
 * (libxml2 says where it stopped: xmlTextReaderByteConsumed), in a new
 * parser fed the elements that were open around the broken <Sentence>
 * ("<Validation><Sentences>") and the rest of the input. So an error loses
 * the record it is in, and the one after it when it lies between records.
 * To find that place again the bytes fed to libxml2 are kept in a window
 * (at most WINDOW_MAX bytes); an error further back than that ends the
 * input as before.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "util/arena.h"
#include "dyad.h"
#include "io/reader.h"

/* Most bytes kept of what libxml2 was fed, to resume after an error. */
#define WINDOW_MAX ((size_t)16 * 1024 * 1024)

typedef struct reader_petrxml {
    reader_input *in;      /* the stream, not owned */
    const char *file;      /* its name */
    uint64_t line_offset;  /* lines before what this parser was fed */
    /* what the parser is fed: prefix, then win[feed..win_len), then the
     * input (appended to win as it is read) */
    char prefix[512];      /* open elements to resume in: "<Sentences>" */
    size_t prefix_len, prefix_pos;
    char *win;             /* input bytes from offset win_off on */
    size_t win_len, win_cap, feed;
    uint64_t win_off;      /* input offset of win[0] */
    uint64_t win_line;     /* line number of win[0] */
    uint64_t start_off;    /* input offset this parser started at */
    long err_at;           /* parser offset where the fatal error stopped
                              it (xmlTextReaderByteConsumed), -1 unknown */
    char open_tags[512];   /* elements open around the error's record */
    int resume;            /* resume after the error on the next call */
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

/* Lines in s[0..n). */
static uint64_t count_lines(const char *s, size_t n) {
    uint64_t k = 0;
    for (const char *p = s; (p = memchr(p, '\n', n - (size_t)(p - s))); p++)
        k++;
    return k;
}

/* Appends n bytes of input to the window, dropping its older half when it
 * would pass WINDOW_MAX. -1 out of memory. */
static int win_append(reader_petrxml *r, const char *b, size_t n) {
    if (r->win_len + n > WINDOW_MAX) {
        /* the older half, of the bytes already fed */
        size_t drop = r->win_len / 2 < r->feed ? r->win_len / 2 : r->feed;
        r->win_line += count_lines(r->win, drop);
        memmove(r->win, r->win + drop, r->win_len - drop);
        r->win_len -= drop;
        r->win_off += drop;
        r->feed -= drop;
    }
    if (r->win_len + n > r->win_cap) {
        size_t ncap = r->win_cap ? r->win_cap : 64 * 1024;
        while (ncap < r->win_len + n) ncap *= 2;
        char *nw = realloc(r->win, ncap);
        if (!nw) return -1;
        r->win = nw;
        r->win_cap = ncap;
    }
    memcpy(r->win + r->win_len, b, n);
    r->win_len += n;
    return 0;
}

static int io_read(void *ctx, char *buf, int len) {
    reader_petrxml *r = ctx;
    size_t want = (size_t)len, got = 0;
    if (r->prefix_pos < r->prefix_len) {
        got = r->prefix_len - r->prefix_pos;
        if (got > want) got = want;
        memcpy(buf, r->prefix + r->prefix_pos, got);
        r->prefix_pos += got;
        return (int)got;
    }
    if (r->feed < r->win_len) {
        got = r->win_len - r->feed;
        if (got > want) got = want;
        memcpy(buf, r->win + r->feed, got);
        r->feed += got;
        return (int)got;
    }
    size_t n = reader_input_read(r->in, buf, want);
    if (n == 0 && reader_input_error(r->in)) return -1;
    if (n && win_append(r, buf, n) < 0) return -1;
    r->feed = r->win_len;
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
    free(r->win);
    free(r);
}

/* A parser on what io_read feeds. -1 when libxml2 cannot make one. */
static int start_parser(reader_petrxml *r) {
    /* NONET: never fetch DTDs; BIG_LINES: line numbers past 65535; HUGE:
     * allow long text nodes (a story can be a few MB) */
    r->xr = xmlReaderForIO(io_read, io_close, r, r->file, NULL,
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_HUGE);
    if (!r->xr) return -1;
    xmlTextReaderSetStructuredErrorHandler(r->xr, on_error, r);
    return 0;
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
    r->win_line = in->first_line ? in->first_line : 1;
    r->err_at = -1;
    if (start_parser(r) < 0) {
        snprintf(err, errlen, "%s: cannot start the XML reader", r->file);
        xml_close(r);
        return NULL;
    }
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
        if (t && strlen((const char *)t) > READER_RECORD_MAX) {
            xmlFree(t);
            snprintf(err, errlen, "%s:%" PRIu64 ": <Sentence id=\"%.60s\">: "
                     "<Text> longer than %zu MB: skipped", r->file, rec->line,
                     rec->id ? rec->id : "", READER_RECORD_MAX >> 20);
            return -1;
        }
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
    if (r->err_at >= 0) r->resume = 1;
    else r->done = 1;
    if (reader_input_error(r->in))
        snprintf(err, errlen, "%s: read error: %s", r->file,
                 reader_input_strerror(r->in));
    else if (r->xmlerr[0]) snprintf(err, errlen, "%s", r->xmlerr);
    else snprintf(err, errlen, "%s: XML error", r->file);
    return -1;
}

/* At a fatal error: where the parser stopped, and the elements open around
 * the record it was in (the partial tree's last node is where it stopped),
 * as start tags to resume in. */
static void note_error(reader_petrxml *r) {
    r->err_at = (long)xmlTextReaderByteConsumed(r->xr);
    /* (an error at the end of the document says 0: where is unknown, and
     * resuming from the start would hand out records twice) */
    if (r->err_at <= (long)r->prefix_len) r->err_at = -1;
    r->open_tags[0] = '\0';
    /* the partial tree, ours from now on (CurrentDoc hands it over) */
    if (!r->doc) r->doc = xmlTextReaderCurrentDoc(r->xr);
    xmlNodePtr n = NULL;
    xmlNodePtr root = r->doc ? xmlDocGetRootElement(r->doc) : NULL;
    if (!root) {
        snprintf(r->open_tags, sizeof r->open_tags, "<Sentences>");
        return;
    }
    for (n = root; n->last; n = n->last) {}
    /* up to the <Sentence> the error is in, if any */
    xmlNodePtr s = n;
    while (s && !is_sentence(s)) s = s->parent;
    if (s) n = s;
    xmlNodePtr chain[16];
    int k = 0;
    for (xmlNodePtr a = n->parent; a && a->type == XML_ELEMENT_NODE && k < 16;
         a = a->parent)
        chain[k++] = a;
    size_t o = 0;
    while (k-- > 0 && o < sizeof r->open_tags) {
        int w = snprintf(r->open_tags + o, sizeof r->open_tags - o, "<%s>",
                         (const char *)chain[k]->name);
        if (w < 0 || (size_t)w >= sizeof r->open_tags - o) {
            snprintf(r->open_tags, sizeof r->open_tags, "<Sentences>");
            return;
        }
        o += (size_t)w;
    }
    if (!o) snprintf(r->open_tags, sizeof r->open_tags, "<Sentences>");
}

/* After an error: a new parser from just past the first </Sentence> at or
 * after where the old one stopped. 0 when there is none (the end), 1 when
 * reading goes on, -1 when it cannot. */
static int resume_after_error(reader_petrxml *r) {
    static const char end_tag[] = "</Sentence>";
    const size_t tl = sizeof end_tag - 1;
    r->resume = 0;
    long at = r->err_at;
    r->err_at = -1;
    uint64_t pos = r->start_off +
                   ((size_t)at > r->prefix_len ? (uint64_t)at - r->prefix_len : 0);
    if (pos < r->win_off) return -1; /* out of the window */
    size_t i = (size_t)(pos - r->win_off);
    for (;;) {
        for (; i + tl <= r->win_len; i++)
            if (r->win[i] == '<' && !memcmp(r->win + i, end_tag, tl)) break;
        if (i + tl <= r->win_len) break;
        /* not in the window yet: read on (everything is fed from here) */
        char buf[64 * 1024];
        r->feed = r->win_len;
        size_t n = reader_input_read(r->in, buf, sizeof buf);
        if (n == 0) return 0;
        uint64_t abs_i = r->win_off + i;
        if (win_append(r, buf, n) < 0) return -1;
        i = abs_i > r->win_off ? (size_t)(abs_i - r->win_off) : 0;
    }
    i += tl;
    xmlFreeTextReader(r->xr);
    r->xr = NULL;
    if (r->doc) xmlFreeDoc(r->doc);
    r->doc = NULL;
    r->line_offset = r->win_line + count_lines(r->win, i) - 1;
    r->start_off = r->win_off + i;
    r->feed = i;
    r->prefix_len = strlen(r->open_tags);
    memcpy(r->prefix, r->open_tags, r->prefix_len + 1);
    r->prefix_pos = 0;
    r->xmlerr[0] = '\0';
    r->fatal_seen = 0;
    r->salvaging = 0;
    r->salvage = NULL;
    r->skip_subtree = 0;
    return start_parser(r) < 0 ? -1 : 1;
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
        if (!r->doc) r->doc = xmlTextReaderCurrentDoc(r->xr);
        from = r->doc ? xmlDocGetRootElement(r->doc) : NULL;
    }
    r->salvage = from;
    return salvage_next(r, rec, err, errlen);
}

static int xml_next(void *state, doc_record *rec, char *err, size_t errlen) {
    reader_petrxml *r = state;
    arena_reset(&r->mem);
    if (r->resume) {
        int rs = resume_after_error(r);
        if (rs <= 0) r->done = 1;
        if (rs < 0) {
            snprintf(err, errlen, "%s: cannot read on after the XML error",
                     r->file);
            return -1;
        }
    }
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
            note_error(r);
            /* the node the reader is on was already handled */
            xmlNodePtr cur = xmlTextReaderCurrentNode(r->xr);
            return salvage_start(r, cur ? preorder_next(cur) : NULL, rec, err, errlen);
        }
        if (xmlTextReaderNodeType(r->xr) != XML_READER_TYPE_ELEMENT) continue;
        const xmlChar *name = xmlTextReaderConstLocalName(r->xr);
        if (!name || strcmp((const char *)name, "Sentence")) continue;
        xmlNodePtr node = xmlTextReaderExpand(r->xr);
        if (!node) { /* a fatal parse error, here or in a later record */
            note_error(r);
            return salvage_start(r, xmlTextReaderCurrentNode(r->xr), rec, err, errlen);
        }
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
