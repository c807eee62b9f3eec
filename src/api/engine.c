/* engine.c -- loading dictionaries into an engine; document handles.
 *
 * Dictionary files named by the caller are read here (the only file I/O in
 * the library). Slots the caller leaves empty are filled from the files
 * compiled into the binary (bundled.h) when use_bundled is set.
 */
#include "api/engine.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dict/bundled.h"
#include "text/tagger.h"

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Reads a whole file into malloc'd memory (NUL-terminated). */
static char *read_file(const char *path, size_t *len, dyad_error *err) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err->msg, sizeof err->msg, "%s: cannot open: %s", path,
                 strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (n + 4096 > cap) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0) break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        snprintf(err->msg, sizeof err->msg, "%s: read error", path);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

typedef int (*loader_fn)(dict *, const char *, const char *, size_t, char *,
                         size_t);

static int load_one(dyad_engine *e, const char *path, loader_fn fn,
                    int verbfmt, dyad_error *err) {
    size_t len = 0;
    char *text = read_file(path, &len, err);
    if (!text) return -1;
    int rc;
    if (fn)
        rc = fn(&e->d, path, text, len, err->msg, sizeof err->msg);
    else
        rc = dict_load_verbs(&e->d, path, text, len, (verb_format)verbfmt,
                             err->msg, sizeof err->msg);
    if (!fn && rc == 0 && e->d.npatterns &&
        (e->d.patterns[e->d.npatterns - 1].flags & PAT_LINEAR))
        e->linear = 1;
    if (!fn && rc == 0 &&
        (verbfmt == VF_LINEAR ||
         (verbfmt == VF_AUTO && strncmp(text + strspn(text, " \t\r\n"),
                                        "<!--", 4) == 0)))
        e->linear = 1;
    free(text);
    return rc;
}

static int load_bundled(dyad_engine *e, const char *name, loader_fn fn,
                        dyad_error *err) {
    const bundled_file *f = bundled_find(name);
    if (!f) return 0; /* not bundled in this build */
    char label[256];
    snprintf(label, sizeof label, "<bundled>/%s", name);
    if (fn) return fn(&e->d, label, f->data, f->len, err->msg, sizeof err->msg);
    return dict_load_verbs(&e->d, label, f->data, f->len, VF_PETRARCH2,
                           err->msg, sizeof err->msg);
}

static int has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

/* The first 8 bytes of code, big-endian, zero-padded after the NUL. Two
 * codes of at most 7 bytes (all a cameo_entry holds) compare as their keys
 * do; a longer lookup code gets a nonzero last byte, so it equals no
 * entry's key and still sorts as strcmp would against every entry. */
static uint64_t cameo_key(const char *code) {
    uint64_t k = 0;
    int i = 0;
    for (; i < 8 && code[i]; i++) k = k << 8 | (unsigned char)code[i];
    for (; i < 8; i++) k <<= 8;
    return k;
}

static int cmp_cameo(const void *a, const void *b) {
    return strcmp(((const cameo_entry *)a)->code,
                  ((const cameo_entry *)b)->code);
}

/* Parses the bundled cameo-codes.tsv: code, root, quad, goldstein, name. */
static void load_cameo(dyad_engine *e) {
    const bundled_file *f = bundled_find("cameo-codes.tsv");
    if (!f) return;
    size_t cap = 512;
    e->cameo = arena_alloc(&e->mem, cap * sizeof(*e->cameo));
    const char *p = f->data, *end = f->data + f->len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) nl = end;
        char line[512];
        size_t n = (size_t)(nl - p) < sizeof line - 1 ? (size_t)(nl - p)
                                                       : sizeof line - 1;
        memcpy(line, p, n);
        line[n] = '\0';
        p = nl + 1;
        if (line[0] < '0' || line[0] > '9' || e->ncameo == cap) continue;
        char *fields[5] = {0};
        int nf = 0;
        char *save = NULL;
        for (char *t = strtok_r(line, "\t", &save); t && nf < 5;
             t = strtok_r(NULL, "\t", &save))
            fields[nf++] = t;
        if (nf < 4) continue;
        cameo_entry *c = &e->cameo[e->ncameo++];
        snprintf(c->code, sizeof c->code, "%s", fields[0]);
        c->key = cameo_key(c->code);
        c->quad = atoi(fields[2]);
        c->goldstein = strtod(fields[3], NULL);
        c->name = arena_strdup(&e->mem, nf > 4 ? fields[4] : "");
    }
    qsort(e->cameo, e->ncameo, sizeof *e->cameo, cmp_cameo);
}

const cameo_entry *engine_cameo(const dyad_engine *e, const char *code) {
    uint64_t k = cameo_key(code);
    size_t lo = 0, hi = e->ncameo;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint64_t m = e->cameo[mid].key;
        if (m == k) return &e->cameo[mid];
        if (m < k)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

int dyad_cameo_lookup(const dyad_engine *e, const char *code, int *quad,
                      double *goldstein, const char **name) {
    const cameo_entry *c = engine_cameo(e, code);
    if (!c) return 0;
    if (quad) *quad = c->quad;
    if (goldstein) *goldstein = c->goldstein;
    if (name) *name = c->name;
    return 1;
}

dyad_engine *dyad_engine_load(const dyad_dict_files *files, dyad_error *err) {
    double t0 = now_seconds();
    dyad_engine *e = calloc(1, sizeof *e);
    dict_init(&e->d);
    arena_init(&e->mem, 16 * 1024);
    err->msg[0] = '\0';
    int rc = 0;
    int bundled = files->use_bundled;

    if (files->verbs)
        rc = load_one(e, files->verbs, NULL, files->verb_format, err);
    else if (bundled)
        rc = load_bundled(e, "dyad.verbs.txt", NULL, err);
    for (int i = 0; rc == 0 && i < files->nactors; i++)
        rc = load_one(e, files->actors[i], dict_load_actors, 0, err);
    if (rc == 0 && files->nactors == 0 && bundled) {
        for (const bundled_file *f = bundled_files; rc == 0 && f->name;
             f++)
            if (has_suffix(f->name, ".actors.txt"))
                rc = load_bundled(e, f->name, dict_load_actors, err);
    }
    if (rc == 0 && files->agents)
        rc = load_one(e, files->agents, dict_load_agents, 0, err);
    else if (rc == 0 && bundled)
        rc = load_bundled(e, "dyad.agents.txt", dict_load_agents, err);
    if (rc == 0 && files->discards)
        rc = load_one(e, files->discards, dict_load_discards, 0, err);
    else if (rc == 0 && bundled)
        rc = load_bundled(e, "dyad.discards.txt", dict_load_discards, err);
    if (rc == 0 && files->nominals)
        rc = load_one(e, files->nominals, dict_load_nominals, 0, err);
    else if (rc == 0 && bundled && !files->verbs)
        rc = load_bundled(e, "dyad.nominals.txt", dict_load_nominals, err);
    if (rc == 0 && files->issues)
        rc = load_one(e, files->issues, dict_load_issues, 0, err);
    else if (rc == 0 && bundled && !files->verbs)
        rc = load_bundled(e, "dyad.issues.txt", dict_load_issues, err);
    if (rc != 0) {
        dyad_engine_free(e);
        return NULL;
    }
    dict_finish(&e->d);
    e->lx = lex_new();
    load_cameo(e);
    e->w_by = vocab_intern(&e->d.voc, "BY", 2);
    e->w_of = vocab_intern(&e->d.voc, "OF", 2);
    e->w_in = vocab_intern(&e->d.voc, "IN", 2);
    e->w_from = vocab_intern(&e->d.voc, "FROM", 4);
    e->w_said = vocab_intern(&e->d.voc, "SAID", 4);
    e->w_to = vocab_intern(&e->d.voc, "TO", 2);
    e->w_us_dotted = vocab_find(&e->d.voc, "U.S.", 4);

    dyad_dict_stats *s = &e->stats;
    s->actor_phrases = e->d.nactor_phrases;
    s->actor_records = e->d.nactor_entries;
    s->agent_phrases = e->d.nagent_phrases;
    s->verb_forms = e->d.nforms;
    s->verb_blocks = e->d.nblocks;
    s->patterns = e->d.npatterns;
    s->synsets = e->d.nsynsets;
    s->discards = e->d.ndiscards;
    s->issue_phrases = e->d.nissue_entries;
    s->vocabulary = e->d.voc.n ? e->d.voc.n - 1 : 0;
    s->load_seconds = now_seconds() - t0;
    return e;
}

void dyad_engine_stats(const dyad_engine *e, dyad_dict_stats *out) {
    *out = e->stats;
}

void dyad_engine_free(dyad_engine *e) {
    if (!e) return;
    dict_free(&e->d);
    if (e->lx) lex_free(e->lx);
    arena_free(&e->mem);
    free(e);
}

dyad_doc *dyad_doc_new(void) {
    dyad_doc *d = calloc(1, sizeof *d);
    arena_init(&d->a, 256 * 1024);
    d->tc = tag_cache_new();
    return d;
}

void dyad_doc_free(dyad_doc *d) {
    if (!d) return;
    arena_free(&d->a);
    tag_cache_free(d->tc);
    free(d);
}

void dyad_options_default(dyad_options *o) {
    memset(o, 0, sizeof *o);
    o->require_dyad = 1;
    o->comma_min = 2;
    o->comma_max = 8;
    o->comma_bmin = 0;
    o->comma_bmax = 0;
    o->comma_emin = 2;
    o->comma_emax = 8;
}
