/* auth.c -- the API key that writes need: loaded from the command line or
 * a file, and compared in constant time, so the time an answer takes says
 * nothing about how much of a guess was right. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "serve/server.h"

#define KEY_MIN 16
#define KEY_MAX 256

int serve_key_ok(const char *key) {
    size_t n = strlen(key);
    if (n < KEY_MIN || n > KEY_MAX) {
        fprintf(stderr, "dyad: serve: the API key must be %d to %d bytes, not %zu\n",
                KEY_MIN, KEY_MAX, n);
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)key[i] <= 0x20 || (unsigned char)key[i] >= 0x7F) {
            fprintf(stderr, "dyad: serve: the API key must be printable ASCII "
                            "without blanks\n");
            return 0;
        }
    return 1;
}

char *auth_key_file(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "dyad: serve: %s: cannot read the API key file\n", path);
        return NULL;
    }
    char buf[KEY_MAX + 3];
    char *line = fgets(buf, sizeof buf, f);
    fclose(f);
    if (!line) {
        fprintf(stderr, "dyad: serve: %s: the API key file is empty\n", path);
        return NULL;
    }
    buf[strcspn(buf, "\r\n")] = '\0';
    if (!serve_key_ok(buf)) return NULL;
    char *k = strdup(buf);
    if (!k) fprintf(stderr, "dyad: out of memory\n");
    return k;
}

int auth_equal(const char *given, size_t given_len, const char *key,
               size_t key_len) {
    /* every byte of the key is looked at whatever the guess; the length
     * difference goes into the same accumulator */
    volatile unsigned char d = (unsigned char)(given_len != key_len);
    for (size_t i = 0; i < key_len; i++) {
        unsigned char g = i < given_len ? (unsigned char)given[i] : 0;
        d |= (unsigned char)(g ^ (unsigned char)key[i]);
    }
    return d == 0;
}

int auth_require(const req *rq, resp *r) {
    const server *s = rq->srv;
    const char *given = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND,
                                                    "X-API-Key");
    const char *auth = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND,
                                                   MHD_HTTP_HEADER_AUTHORIZATION);
    if (!given && auth) {
        if (strncmp(auth, "Bearer ", 7)) {
            reply_error(r, 401, "Authorization: only 'Bearer KEY' is understood");
            r->auth_challenge = 1;
            return -1;
        }
        given = auth + 7;
    }
    if (!s->key) {
        reply_error(r, 403, "this server has no API key (dyad serve --api-key or "
                            "--api-key-file): storing is disabled");
        return -1;
    }
    if (!given) {
        reply_error(r, 401, "storing needs the API key (header 'Authorization: "
                            "Bearer KEY' or 'X-API-Key: KEY')");
        r->auth_challenge = 1;
        return -1;
    }
    if (!auth_equal(given, strlen(given), s->key, s->key_len)) {
        reply_error(r, 403, "wrong API key");
        return -1;
    }
    return 0;
}
