/* event_id.c -- the stable event id (io/event_id.h): FNV-1a over the key,
 * then the splitmix64 finaliser so that every bit of the id depends on
 * every byte of the key. */
#include <string.h>

#include "io/event_id.h"

#define FNV_INIT 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

static uint64_t fnv_bytes(uint64_t h, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= FNV_PRIME;
    }
    return h;
}

static uint64_t fnv_str(uint64_t h, const char *s) {
    return s ? fnv_bytes(h, s, strlen(s)) : h;
}

static uint64_t fnv_sep(uint64_t h) { return fnv_bytes(h, "\x1f", 1); }

static uint64_t fnv_uint(uint64_t h, uint32_t v) {
    char d[12];
    int k = 0;
    do {
        d[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (k) h = fnv_bytes(h, &d[--k], 1);
    return h;
}

static uint64_t fnv_span(uint64_t h, dyad_span sp) {
    h = fnv_uint(h, sp.off);
    h = fnv_bytes(h, ",", 1);
    return fnv_uint(h, sp.len);
}

uint64_t event_id(const char *doc_id, const dyad_event *ev) {
    uint64_t h = FNV_INIT;
    h = fnv_sep(fnv_str(h, doc_id));
    h = fnv_sep(fnv_uint(h, ev->sentence));
    h = fnv_sep(fnv_str(h, ev->source));
    h = fnv_sep(fnv_str(h, ev->target));
    h = fnv_sep(fnv_bytes(h, ev->code, strnlen(ev->code, sizeof ev->code)));
    h = fnv_sep(fnv_span(h, ev->source_span));
    h = fnv_sep(fnv_span(h, ev->verb_span));
    h = fnv_span(h, ev->target_span);
    /* splitmix64 finaliser */
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h;
}

char *event_id_hex(uint64_t id, char out[17]) {
    static const char hex[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--) {
        out[i] = hex[id & 15];
        id >>= 4;
    }
    out[16] = '\0';
    return out;
}
