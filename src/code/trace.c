/* trace.c -- the explain trace, shown by `dyad explain` (dyad_options.trace).
 *
 * Two forms of the same thing. The text form is what the coder's stages
 * append while they decide (trace_add), plus the analysis of each sentence
 * (tokens, chunks, clauses, actors). The JSON form is an array with one
 * object per sentence: its tokens, chunks, clauses and actors as data, the
 * decision lines, and the events, for programs (the server's dashboard, a
 * notebook). Every function is a no-op unless tracing was asked for, so the
 * stages call them unconditionally.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "code/coder.h"
#include "text/chunker.h"

/* Allocates from the document's arena under dyad_code's unwind point:
 * the analyzer's NULL warnings are false positives here (mem.h). */
MEM_UNWINDS_BEGIN
static void buf_reserve(arena *a, trace_buf *b, size_t more) {
    if (b->len + more + 1 <= b->cap) return;
    size_t ncap = b->cap ? b->cap * 2 : 4096;
    while (ncap < b->len + more + 1) ncap *= 2;
    char *nb = arena_alloc(a, ncap);
    if (b->len) memcpy(nb, b->p, b->len);
    b->p = nb;
    b->cap = ncap;
}
MEM_UNWINDS_END

static void buf_vprintf(arena *a, trace_buf *b, const char *fmt, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    if (n > 0) {
        buf_reserve(a, b, (size_t)n);
        if ((size_t)n < sizeof small)
            memcpy(b->p + b->len, small, (size_t)n + 1);
        else
            vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

static void buf_printf(arena *a, trace_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void buf_printf(arena *a, trace_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(a, b, fmt, ap);
    va_end(ap);
}

void coder_limit(const sent_ctx *c, const char *what) {
    if (c->limits) (*c->limits)++;
    trace_add((sent_ctx *)c, "limit: %s (the rest is left out)\n", what);
}

void trace_add(sent_ctx *c, const char *fmt, ...) {
    if (!c->tr) return;
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(c->pa, &c->tr->text, fmt, ap);
    va_end(ap);
}

/* A JSON string of s[0..n): quotes, backslashes and control characters
 * escaped (the text is valid UTF-8 after normalisation). */
static void json_str(arena *a, trace_buf *b, const char *s, size_t n) {
    buf_reserve(a, b, 2 * n + 2);
    b->p[b->len++] = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '"' || ch == '\\') {
            buf_reserve(a, b, 2);
            b->p[b->len++] = '\\';
            b->p[b->len++] = (char)ch;
        } else if (ch < 0x20) {
            buf_printf(a, b, "\\u%04x", ch);
        } else {
            buf_reserve(a, b, 1);
            b->p[b->len++] = (char)ch;
        }
    }
    buf_reserve(a, b, 1);
    b->p[b->len++] = '"';
}

static void json_cstr(arena *a, trace_buf *b, const char *s) {
    json_str(a, b, s ? s : "", s ? strlen(s) : 0);
}

/* Byte range of tokens [first, end) in the sentence text. */
static void tok_range(const sentence *s, uint32_t first, uint32_t end,
                      uint32_t *from, uint32_t *to) {
    *from = s->toks[first].off;
    *to = s->toks[end - 1].off + s->toks[end - 1].len;
}

void trace_analysis(sent_ctx *c) {
    if (!c->tr) return;
    const sentence *s = c->s;
    c->tr->sentence_from = c->tr->text.len;
    trace_add(c, "sentence %u%s: %s\ntokens:", s->index,
              s->title ? " (title)" : "", s->text);
    for (uint32_t i = 0; i < s->ntok; i++)
        trace_add(c, " %.*s/%s", (int)s->toks[i].len, s->text + s->toks[i].off,
                  tag_name((tag)s->toks[i].tag));
    trace_add(c, "\nchunks:");
    for (uint32_t i = 0; i < s->nchunk; i++) {
        const chunk *ch = &s->chunks[i];
        uint32_t a, b;
        tok_range(s, ch->first, ch->end, &a, &b);
        trace_add(c, " [%s %.*s]", chunk_kind_name(ch->kind), (int)(b - a),
                  s->text + a);
    }
    trace_add(c, "\nclauses:");
    for (uint32_t i = 0; i < s->nclause; i++) {
        const clause *cl = &s->clauses[i];
        trace_add(c, " %u:%s(parent %d, chunks %u-%u, subject %d, verb %d)", i,
                  chunk_clause_kind_name(cl->kind), cl->parent, cl->first,
                  cl->end, cl->subject, cl->verb);
    }
    trace_add(c, "\n");
}

void trace_units(sent_ctx *c) {
    if (!c->tr) return;
    const sentence *s = c->s;
    trace_add(c, "actors:");
    for (uint32_t i = 0; i < c->nunits; i++) {
        const unit *u = &c->units[i];
        if (!u->ncodes || u->first >= u->end) continue; /* (the coder's own) */
        uint32_t a, b;
        tok_range(s, u->first, u->end, &a, &b);
        trace_add(c, " [%.*s =", (int)(b - a), s->text + a);
        for (uint32_t k = 0; k < u->ncodes; k++)
            trace_add(c, " %s", u->codes[k]);
        trace_add(c, "]");
    }
    trace_add(c, "\n");
    c->tr->decisions_from = c->tr->text.len;
}

void trace_sentence_json(sent_ctx *c, const event_list *ev,
                         uint32_t first_event) {
    if (!c->tr) return;
    doc_trace *tr = c->tr;
    arena *a = c->pa;
    trace_buf *b = &tr->json;
    const sentence *s = c->s;
    buf_printf(a, b, "%s{\"sentence\":%u,\"title\":%s,\"text\":",
               tr->nsentences++ ? ",\n" : "[", s->index,
               s->title ? "true" : "false");
    json_str(a, b, s->text, s->len);
    buf_printf(a, b, ",\"tokens\":[");
    for (uint32_t i = 0; i < s->ntok; i++) {
        const tok *t = &s->toks[i];
        buf_printf(a, b, "%s{\"text\":", i ? "," : "");
        json_str(a, b, s->text + t->off, t->len);
        buf_printf(a, b, ",\"tag\":");
        json_cstr(a, b, tag_name((tag)t->tag));
        buf_printf(a, b, ",\"lemma\":");
        json_cstr(a, b, t->lemma);
        buf_printf(a, b, "}");
    }
    buf_printf(a, b, "],\"chunks\":[");
    for (uint32_t i = 0; i < s->nchunk; i++) {
        const chunk *ch = &s->chunks[i];
        uint32_t x, y;
        tok_range(s, ch->first, ch->end, &x, &y);
        buf_printf(a, b, "%s{\"kind\":\"%s\",\"clause\":%u,\"text\":",
                   i ? "," : "", chunk_kind_name(ch->kind), ch->clause);
        json_str(a, b, s->text + x, y - x);
        buf_printf(a, b, "}");
    }
    buf_printf(a, b, "],\"clauses\":[");
    for (uint32_t i = 0; i < s->nclause; i++) {
        const clause *cl = &s->clauses[i];
        buf_printf(a, b,
                   "%s{\"kind\":\"%s\",\"parent\":%d,\"first_chunk\":%u,"
                   "\"end_chunk\":%u,\"subject\":%d,\"verb\":%d}",
                   i ? "," : "", chunk_clause_kind_name(cl->kind), cl->parent,
                   cl->first, cl->end, cl->subject, cl->verb);
    }
    buf_printf(a, b, "],\"actors\":[");
    int first = 1;
    for (uint32_t i = 0; i < c->nunits; i++) {
        const unit *u = &c->units[i];
        if (!u->ncodes || u->first >= u->end) continue;
        uint32_t x, y;
        tok_range(s, u->first, u->end, &x, &y);
        buf_printf(a, b, "%s{\"text\":", first ? "" : ",");
        first = 0;
        json_str(a, b, s->text + x, y - x);
        buf_printf(a, b, ",\"codes\":[");
        for (uint32_t k = 0; k < u->ncodes; k++) {
            if (k) buf_printf(a, b, ",");
            json_cstr(a, b, u->codes[k]);
        }
        buf_printf(a, b, "]}");
    }
    /* the decision lines the stages wrote after the actors */
    buf_printf(a, b, "],\"decisions\":[");
    size_t p = tr->decisions_from, end = tr->text.len;
    first = 1;
    while (p < end) {
        const char *line = tr->text.p + p;
        const char *nl = memchr(line, '\n', end - p);
        size_t n = nl ? (size_t)(nl - line) : end - p;
        if (n) {
            if (!first) buf_printf(a, b, ",");
            first = 0;
            json_str(a, b, line, n);
        }
        p += n + 1;
    }
    buf_printf(a, b, "],\"events\":[");
    for (uint32_t i = first_event; i < ev->n; i++) {
        const dyad_event *e = &ev->ev[i];
        buf_printf(a, b, "%s{\"source\":", i > first_event ? "," : "");
        json_cstr(a, b, e->source);
        buf_printf(a, b, ",\"target\":");
        json_cstr(a, b, e->target);
        buf_printf(a, b, ",\"code\":");
        json_cstr(a, b, e->code);
        buf_printf(a, b, ",\"rule\":");
        json_cstr(a, b, e->rule);
        buf_printf(a, b, "}");
    }
    buf_printf(a, b, "]}");
}

void trace_finish(arena *a, doc_trace *tr) {
    if (!tr) return;
    buf_printf(a, &tr->json, "%s]\n", tr->nsentences ? "" : "[");
    buf_reserve(a, &tr->text, 0);
    tr->text.p[tr->text.len] = '\0';
}
