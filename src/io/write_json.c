/* write_json.c -- the JSON Lines writer: one object per event per line,
 * with the keys of writer.h in their order (event_id and PLOVER, then the
 * document's publisher, title, url and, with writer_pass_fields, its other
 * input fields).
 *
 * JSON is written by hand rather than through jansson: one event line is a
 * fixed list of keys in a fixed order, so building a json_t per event would
 * only add allocations on the hot output path. The string escaper is the one
 * place that must be exactly right: it escapes ", \ and every control
 * character, passes valid UTF-8 through unchanged, and replaces each byte of
 * an invalid sequence with \ufffd so a line is always valid JSON whatever
 * the input bytes were.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "util/swar.h"
#include "io/writer.h"

/* ---- JSON Lines ---------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s[0..n), 0 if invalid (overlong
 * forms, surrogates and code points above U+10FFFF are invalid). */
static size_t utf8_seq(const unsigned char *s, size_t n) {
    unsigned char c = s[0];
    if (c < 0x80) return 1;
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (n < len) return 0;
    if (s[1] < lo || s[1] > hi) return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xBF) return 0;
    return len;
}

/* Escapes s[0..n) as a JSON string with its quotes into o, which has room
 * for 6 * n + 2 bytes (the longest escape, \u00XX or \ufffd, is 6 bytes
 * for 1 input byte); returns the bytes written. */
static size_t json_escape(char *o, const char *str, size_t n) {
    const unsigned char *s = (const unsigned char *)(str ? str : "");
    if (!str) n = 0;
    static const char hex[] = "0123456789abcdef";
    char *p = o;
    *p++ = '"';
    size_t i = 0;
    while (i < n) {
        /* printable ASCII other than " and \, 8 bytes at a time */
        while (n - i >= 8) {
            uint64_t x = swar_load(s + i);
            if (swar_nonprint(x) | swar_eq(x, '"') | swar_eq(x, '\\')) break;
            memcpy(p, &x, 8);
            p += 8;
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = s[i];
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
            *p++ = (char)c; /* the common case first */
            i++;
        } else if (c == '"' || c == '\\') {
            *p++ = '\\';
            *p++ = (char)c;
            i++;
        } else if (c < 0x20 || c == 0x7F) {
            *p++ = '\\';
            switch (c) {
            case '\n': *p++ = 'n'; break;
            case '\t': *p++ = 't'; break;
            case '\r': *p++ = 'r'; break;
            case '\b': *p++ = 'b'; break;
            case '\f': *p++ = 'f'; break;
            default:
                memcpy(p, "u00", 3);
                p[3] = hex[c >> 4];
                p[4] = hex[c & 15];
                p += 5;
                break;
            }
            i++;
        } else {
            size_t len = utf8_seq(s + i, n - i);
            if (len == 0) {
                memcpy(p, "\\ufffd", 6);
                p += 6;
                i++;
            } else if (len == 3 && c == 0xE2 && s[i + 1] == 0x80 &&
                       (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
                /* U+2028/U+2029 are legal JSON but end lines in JavaScript */
                memcpy(p, s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", 6);
                p += 6;
                i += 3;
            } else {
                memcpy(p, s + i, len);
                p += len;
                i += len;
            }
        }
    }
    *p++ = '"';
    return (size_t)(p - o);
}

void writer_json_string(writer_buf *b, const char *str, size_t n) {
    char *o = writer_buf_reserve(b, 6 * (str ? n : 0) + 2);
    if (o) b->len += json_escape(o, str, n);
}

/* A line being built: the writer reserves room for the longest line the
 * event can give and formats into it with a bare pointer, instead of a
 * dozen bounds-checked appends (formatting was a visible share of `dyad
 * code`'s time). */
typedef struct line {
    char *p;             /* next free byte */
} line;

static void put_lit(line *l, const char *s, size_t n) {
    memcpy(l->p, s, n);
    l->p += n;
}
#define PUT_LIT(l, s) put_lit((l), (s), sizeof(s) - 1)

/* Unsigned decimal, as %u / %llu would. */
static void put_uint(line *l, unsigned long long v) {
    char d[24];
    int k = 0;
    do {
        d[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (k) *l->p++ = d[--k];
}

/* ,"key":"value" -- the comma omitted for the first key. */
static inline void json_member(line *l, const char *key, const char *v,
                               size_t n, int first) {
    if (!first) *l->p++ = ',';
    *l->p++ = '"';
    put_lit(l, key, strlen(key));
    *l->p++ = '"';
    *l->p++ = ':';
    l->p += json_escape(l->p, v, n);
}

/* json_member (not first) through the writer's cache slot: a string equal
 * to the slot's last one is copied already escaped (the document's title
 * was escaped again for every event of it). A hit needs the same bytes,
 * whatever the pointers. */
static void json_member_cached(writer *w, int slot, line *l, const char *key,
                               const char *v, size_t n) {
    writer_buf *raw = &w->jraw[slot], *esc = &w->jesc[slot];
    if (!v) v = "", n = 0;
    *l->p++ = ',';
    *l->p++ = '"';
    put_lit(l, key, strlen(key));
    *l->p++ = '"';
    *l->p++ = ':';
    if (esc->len && raw->len == n && memcmp(raw->p, v, n) == 0) {
        put_lit(l, esc->p, esc->len);
        return;
    }
    size_t k = json_escape(l->p, v, n);
    raw->len = esc->len = 0;
    char *rp = writer_buf_reserve(raw, n + 1), *ep = writer_buf_reserve(esc, k);
    if (rp && ep) {
        memcpy(rp, v, n);
        raw->len = n;
        memcpy(ep, l->p, k);
        esc->len = k;
    } else {
        raw->failed = esc->failed = 0; /* (no cache this time) */
    }
    l->p += k;
}

/* key (with its comma and '[') then "off,len]". */
static inline void put_span(line *l, const char *key, dyad_span sp) {
    put_lit(l, key, strlen(key));
    put_uint(l, sp.off);
    *l->p++ = ',';
    put_uint(l, sp.len);
    *l->p++ = ']';
}

/* ,"key":12.3456, four decimals by integer arithmetic, or null. */
static inline void put_coord(line *l, const char *key, double v) {
    *l->p++ = ',';
    *l->p++ = '"';
    put_lit(l, key, strlen(key));
    *l->p++ = '"';
    *l->p++ = ':';
    if (!isfinite(v) || fabs(v) > 1e9) {
        PUT_LIT(l, "null");
        return;
    }
    long long x = llround(v * 10000.0);
    if (x < 0) {
        *l->p++ = '-';
        x = -x;
    }
    put_uint(l, (unsigned long long)(x / 10000));
    *l->p++ = '.';
    unsigned f = (unsigned)(x % 10000);
    for (unsigned d = 1000; d; d /= 10) *l->p++ = (char)('0' + f / d % 10);
}

/* A string member, or null. */
static inline void put_str_or_null(line *l, const char *key, const char *v,
                                   int first) {
    if (v) {
        json_member(l, key, v, strlen(v), first);
        return;
    }
    if (!first) *l->p++ = ',';
    *l->p++ = '"';
    put_lit(l, key, strlen(key));
    PUT_LIT(l, "\":null");
}

/* ,"place":{...}|null,"quote":N|null -- the same bytes as write_quotes.c's
 * writer_json_place, in the reserved line (writing an event's place
 * through writer_buf calls cost more than the rest of the line). */
static void put_place(line *l, const dyad_event *ev, size_t quote_base) {
    const dyad_place *p = ev->place;
    if (!p) {
        PUT_LIT(l, ",\"place\":null");
    } else {
        PUT_LIT(l, ",\"place\":{");
        put_str_or_null(l, "name", p->name, 1);
        PUT_LIT(l, ",\"geonameid\":");
        put_uint(l, p->geonameid);
        put_str_or_null(l, "gazetteer_name", p->gazetteer_name, 0);
        put_str_or_null(l, "admin1", p->admin1[0] ? p->admin1 : NULL, 0);
        put_str_or_null(l, "admin1_code", p->admin1_code[0] ? p->admin1_code : NULL, 0);
        put_str_or_null(l, "country", p->country, 0);
        put_coord(l, "lat", p->lat);
        put_coord(l, "lon", p->lon);
        put_str_or_null(l, "level", p->level, 0);
        put_str_or_null(l, "source", p->source, 0);
        put_span(l, ",\"span\":[", p->span);
        *l->p++ = '}';
    }
    if (ev->quote >= 0) {
        PUT_LIT(l, ",\"quote\":");
        put_uint(l, (unsigned long long)ev->quote + quote_base);
    } else {
        PUT_LIT(l, ",\"quote\":null");
    }
}

/* writer_pass_fields: ,"fields":{...} into w->fields, the record's input
 * keys that dyad does not read itself, as they were (once per document). */
static void build_fields(writer *w, const doc_record *doc) {
    static const char *const own[] = {"id", "date", "source", "title",
                                      "text", "url"};
    w->fields.len = 0;
    if (!doc || !doc->raw) return;
    json_t *o = json_loadb(doc->raw, doc->raw_len, JSON_ALLOW_NUL, NULL);
    if (json_is_object(o)) {
        for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
            json_object_del(o, own[i]);
        char *s = json_object_size(o)
                      ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER)
                      : NULL;
        if (s) {
            writer_buf_puts(&w->fields, ",\"fields\":");
            writer_buf_puts(&w->fields, s);
            free(s);
        }
    }
    json_decref(o);
}

static int jsonl_event(writer *w, const doc_record *doc, const dyad_result *res,
                       const dyad_event *ev) {
    double g = ev->goldstein;
    if (!isfinite(g) || g == 0) g = 0; /* no "-0.0" or "nan" in JSON */
    size_t slen;
    const char *stext = writer_sentence_text(res, ev, &slen);
    const char *id = doc && doc->id ? doc->id : "";
    const char *str[7] = {ev->source, ev->target, ev->source_text,
                          ev->verb_text, ev->target_text, ev->issues,
                          ev->rule};
    /* the document's input fields, passed through */
    const char *pass[3] = {doc ? doc->source : NULL, doc ? doc->title : NULL,
                           doc ? doc->url : NULL};
    static const char *const pass_key[3] = {"publisher", "title", "url"};
    size_t len[7], passlen[3], idlen = strlen(id);
    /* code and root are fixed arrays: never read past them */
    size_t clen = strnlen(ev->code, sizeof ev->code),
           rlen = strnlen(ev->root, sizeof ev->root);
    /* keys and numbers (goldstein: WRITER_FIXED1_MAX) take less than 2048 */
    size_t need = 6 * (idlen + slen + clen + rlen) + 3072 + writer_json_place_size(ev);
    for (int i = 0; i < 7; i++) {
        len[i] = str[i] ? strlen(str[i]) : 0;
        need += 6 * len[i] + 2;
    }
    for (int i = 0; i < 3; i++) {
        passlen[i] = pass[i] ? strlen(pass[i]) : 0;
        need += 6 * passlen[i] + 16;
    }
    if (w->pass_fields && w->new_doc) build_fields(w, doc);
    if (w->pass_fields) need += w->fields.len;
    char *buf = writer_buf_reserve(&w->out, need);
    if (!buf) return -1;
    line l = {buf};

    *l.p++ = '{';
    json_member(&l, "doc_id", id, idlen, 1);
    PUT_LIT(&l, ",\"sentence\":");
    put_uint(&l, ev->sentence);
    PUT_LIT(&l, ",\"date\":\"");
    if (doc && doc->date) {
        /* "%08u" */
        char d[12];
        int k = 0;
        unsigned v = (unsigned)doc->date;
        do {
            d[k++] = (char)('0' + v % 10);
            v /= 10;
        } while (v);
        while (k < 8) d[k++] = '0';
        while (k) *l.p++ = d[--k];
    }
    *l.p++ = '"';
    json_member(&l, "source", str[0], len[0], 0);
    json_member(&l, "target", str[1], len[1], 0);
    json_member(&l, "code", ev->code, clen, 0);
    json_member(&l, "root", ev->root, rlen, 0);
    PUT_LIT(&l, ",\"quad\":");
    if (ev->quad < 0) {
        *l.p++ = '-';
        put_uint(&l, (unsigned long long)(-(long long)ev->quad));
    } else {
        put_uint(&l, (unsigned long long)ev->quad);
    }
    PUT_LIT(&l, ",\"goldstein\":");
    l.p += writer_fixed1(l.p, g);
    json_member(&l, "source_text", str[2], len[2], 0);
    json_member(&l, "verb_text", str[3], len[3], 0);
    json_member(&l, "target_text", str[4], len[4], 0);
    json_member(&l, "sentence_text", stext, slen, 0);
    json_member(&l, "issues", str[5], len[5], 0);
    json_member(&l, "rule", str[6], len[6], 0);
    put_span(&l, ",\"sentence_span\":[", ev->sentence_span);
    put_span(&l, ",\"source_span\":[", ev->source_span);
    put_span(&l, ",\"verb_span\":[", ev->verb_span);
    put_span(&l, ",\"target_span\":[", ev->target_span);
    if (ev->in_title) PUT_LIT(&l, ",\"in_title\":true");
    else PUT_LIT(&l, ",\"in_title\":false");
    /* event_id, PLOVER, counts: short ASCII values (within the slack) */
    writer_tail t;
    const char *names[WRITER_TAIL_MAX];
    size_t nt = writer_tail_values(w, doc, ev, &t);
    writer_tail_names(w, names);
    for (size_t i = 0; i < nt; i++) {
        if (t.numeric[i]) {
            *l.p++ = ',';
            *l.p++ = '"';
            put_lit(&l, names[i], strlen(names[i]));
            PUT_LIT(&l, "\":");
            put_lit(&l, t.v[i], strlen(t.v[i]));
        } else {
            json_member(&l, names[i], t.v[i], strlen(t.v[i]), 0);
        }
    }
    put_place(&l, ev, res ? res->first_quote : 0);
    for (int i = 0; i < 3; i++)
        if (passlen[i])
            json_member_cached(w, i, &l, pass_key[i], pass[i], passlen[i]);
    if (w->pass_fields && w->fields.len) put_lit(&l, w->fields.p, w->fields.len);
    PUT_LIT(&l, "}\n");
    w->out.len += (size_t)(l.p - buf);
    return 0;
}

const writer_format writer_format_jsonl = {
    "jsonl", "json", "JSON Lines: one object per event per line",
    NULL, NULL, jsonl_event, NULL,
};
