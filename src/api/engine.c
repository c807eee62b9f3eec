/* engine.c -- building an engine from a configuration: reading each
 * dictionary source into the dictionary set, the lexicon, the CAMEO table.
 *
 * Dictionary files named by the caller are read here (the only file I/O of
 * the core). Loading runs under an unwind point (util/mem.h): an allocation
 * failure anywhere in the readers comes back here, and the half-built
 * engine is freed.
 */
#include "api/engine.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "dict/bundled.h"
#include "dict/check.h"

const model_rules model_clause_rules = {
    .model = DYAD_MODEL_CLAUSE, .clause_roles = 1, .pronouns = 1,
    .actor_refine = 1, .agent_pruning = 1, .verb_lemmas = 1,
    .clause_breaks = 1, .symmetric = 1};
const model_rules model_linear_rules = {
    .model = DYAD_MODEL_LINEAR, .comma_deletion = 1, .quoted_actors = 1};
/* TABARI's model has its own pipeline (code/tabari_*.c); the switches of
 * the other two do not apply to it */
const model_rules model_tabari_rules = {.model = DYAD_MODEL_TABARI};

const char *dyad_version(void) { return DYAD_VERSION; }
int dyad_version_number(void) { return DYAD_VERSION_NUMBER; }

const char *dyad_status_string(dyad_status s) {
    switch (s) {
    case DYAD_OK: return "ok";
    case DYAD_ERR_NOMEM: return "out of memory";
    case DYAD_ERR_ARG: return "invalid argument";
    case DYAD_ERR_IO: return "cannot read";
    case DYAD_ERR_DICT: return "malformed dictionary";
    case DYAD_ERR_LIMIT: return "limit exceeded";
    case DYAD_ERR_FORMAT: return "unknown format";
    }
    return "unknown status";
}

dyad_status engine_error(dyad_error *err, dyad_status s, const char *fmt,
                         ...) {
    if (!err) return s;
    err->status = s;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return s;
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Largest dictionary file read: a file over it is an error, not a
 * reason to take the machine's memory (the biggest known dictionary file,
 * Phoenix's countries, is 1.5 MB). A regular file is judged by its size
 * before a byte is read; a pipe or device stops being read at the limit. */
#define DICT_FILE_MAX ((size_t)64 * 1024 * 1024)

/* Reads a whole file into e->loading (NUL-terminated). */
static dyad_status read_file(dyad_engine *e, const char *path, size_t *len,
                             dyad_error *err) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return engine_error(err, DYAD_ERR_IO, "%s: cannot open: %s", path,
                            strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            fclose(f);
            return engine_error(err, DYAD_ERR_IO, "%s: is a folder, not a "
                                "dictionary file", path);
        }
        if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > DICT_FILE_MAX) {
            fclose(f);
            return engine_error(err, DYAD_ERR_LIMIT,
                                "%s: larger than %zu MB: not a dictionary",
                                path, DICT_FILE_MAX >> 20);
        }
    }
    size_t cap = 1 << 16, n = 0;
    /* e->loading owns the buffer at every moment, so that an allocation
     * failure unwinding from here frees it with the engine */
    e->loading = mem_alloc(&e->m, cap);
    for (;;) {
        if (n + 4096 > cap) {
            if (cap >= DICT_FILE_MAX) {
                fclose(f);
                return engine_error(err, DYAD_ERR_LIMIT,
                                    "%s: larger than %zu MB: not a "
                                    "dictionary", path, DICT_FILE_MAX >> 20);
            }
            cap *= 2;
            e->loading = mem_realloc(&e->m, e->loading, cap);
        }
        size_t r = fread(e->loading + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0) break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) return engine_error(err, DYAD_ERR_IO, "%s: read error", path);
    e->loading[n] = '\0';
    *len = n;
    return DYAD_OK;
}

/* Loads one source's text into the dictionary set. */
static dyad_status load_text(dyad_engine *e, dyad_dict_kind kind,
                             dyad_dict_format fmt, const char *name,
                             const char *text, size_t len, dyad_error *err) {
    char msg[1024];
    msg[0] = '\0';
    fmt = engine_sniff(kind, fmt, text, len);
    int rc = -1;
    dict *d = &e->d;
    if (fmt == DYAD_FORMAT_TABARI) {
        rc = engine_load_tabari(e, kind, name, text, len, msg, sizeof msg);
        if (rc != 0)
            return engine_error(err, DYAD_ERR_DICT, "%s",
                                msg[0] ? msg : "malformed dictionary");
        e->stats.files++;
        return DYAD_OK;
    }
    switch (kind) {
    case DYAD_DICT_VERBS:
        rc = dict_load_verbs(d, name, text, len,
                             fmt == DYAD_FORMAT_PETRARCH1 ? VF_LINEAR
                                                          : VF_PETRARCH2,
                             msg, sizeof msg);
        if (rc == 0 && fmt == DYAD_FORMAT_PETRARCH1 && !e->rules)
            e->rules = &model_linear_rules;
        break;
    case DYAD_DICT_ACTORS:
        rc = dict_load_actors(d, name, text, len, msg, sizeof msg);
        break;
    case DYAD_DICT_AGENTS:
        rc = dict_load_agents(d, name, text, len, msg, sizeof msg);
        break;
    case DYAD_DICT_DISCARDS:
        rc = dict_load_discards(d, name, text, len, msg, sizeof msg);
        break;
    case DYAD_DICT_ISSUES:
        rc = dict_load_issues(d, name, text, len, msg, sizeof msg);
        break;
    case DYAD_DICT_NOMINALS:
        rc = dict_load_nominals(d, name, text, len, msg, sizeof msg);
        break;
    case DYAD_DICT_RULES:
        rc = dict_load_classes(d, name, text, len, msg, sizeof msg);
        break;
    case DYAD_DICT_OPTIONS:
        rc = engine_load_tabari(e, kind, name, text, len, msg, sizeof msg);
        break;
    }
    if (rc != 0)
        return engine_error(err, DYAD_ERR_DICT, "%s",
                            msg[0] ? msg : "malformed dictionary");
    e->stats.files++;
    return DYAD_OK;
}

static dyad_status load_source(dyad_engine *e, const cfg_source *s,
                               dyad_error *err) {
    if (s->data)
        return load_text(e, s->kind, s->fmt, s->name, s->data, s->len, err);
    size_t len = 0;
    dyad_status st = read_file(e, s->name, &len, err);
    if (st == DYAD_OK)
        st = load_text(e, s->kind, s->fmt, s->name, e->loading, len, err);
    mem_free(&e->m, e->loading);
    e->loading = NULL;
    return st;
}

static int has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

/* The bundled files of one kind, in their (sorted) order. */
static dyad_status load_bundled(dyad_engine *e, dyad_dict_kind kind,
                                dyad_error *err) {
    static const char *const single[] = {
        [DYAD_DICT_VERBS] = "dyad.verbs.txt",
        [DYAD_DICT_AGENTS] = "dyad.agents.txt",
        [DYAD_DICT_DISCARDS] = "dyad.discards.txt",
        [DYAD_DICT_ISSUES] = "dyad.issues.txt",
        [DYAD_DICT_NOMINALS] = "dyad.nominals.txt",
        [DYAD_DICT_RULES] = "dyad.rules.txt"};
    for (const bundled_file *f = bundled_files; f->name; f++) {
        int mine = kind == DYAD_DICT_ACTORS
                       ? has_suffix(f->name, ".actors.txt")
                       : !strcmp(f->name, single[kind]);
        if (!mine) continue;
        char label[256];
        snprintf(label, sizeof label, "<bundled>/%s", f->name);
        dyad_status st =
            load_text(e, kind, DYAD_FORMAT_AUTO, label, f->data, f->len, err);
        if (st != DYAD_OK) return st;
    }
    return DYAD_OK;
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

/* Parses the bundled cameo-codes.tsv: code, root, quad, goldstein, name.
 * The table grows with its file (no fixed row count). */
static void load_cameo(dyad_engine *e) {
    const bundled_file *f = bundled_find("cameo-codes.tsv");
    if (!f) return;
    size_t rows = 1;
    for (size_t i = 0; i < f->len; i++) rows += f->data[i] == '\n';
    e->cameo = arena_alloc(&e->mem, rows * sizeof(*e->cameo));
    const char *p = f->data, *end = f->data + f->len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) nl = end;
        const char *fields[5] = {0};
        size_t flen[5] = {0};
        int nf = 0;
        for (const char *q = p; nf < 5;) {
            const char *tab = memchr(q, '\t', (size_t)(nl - q));
            const char *fe = tab ? tab : nl;
            fields[nf] = q;
            flen[nf++] = (size_t)(fe - q);
            if (!tab) break;
            q = tab + 1;
        }
        const char *line = p;
        p = nl + 1;
        if (line[0] < '0' || line[0] > '9' || nf < 4 || flen[0] >= 8 ||
            e->ncameo == rows)
            continue;
        cameo_entry *c = &e->cameo[e->ncameo++];
        memcpy(c->code, fields[0], flen[0]);
        c->code[flen[0]] = '\0';
        c->key = cameo_key(c->code);
        c->quad = atoi(fields[2]);
        c->goldstein = strtod(fields[3], NULL);
        c->name = nf > 4 ? arena_strndup(&e->mem, fields[4], flen[4]) : "";
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
    if (!e || !code) return 0;
    const cameo_entry *c = engine_cameo(e, code);
    if (!c) return 0;
    if (quad) *quad = c->quad;
    if (goldstein) *goldstein = c->goldstein;
    if (name) *name = c->name;
    return 1;
}

static void engine_destroy(dyad_engine *e) {
    dict_free(&e->d);
    lex_free(e->lx);
    gaz_free(e->gaz);
    geo_centroids_free(e->centroids);
    arena_free(&e->mem);
    mem_free(&e->m, e->loading);
    mem m = e->m;
    mem_free(&m, e);
}

/* Kinds in loading order: the verbs first (they decide the model). */
static const dyad_dict_kind kinds[] = {
    DYAD_DICT_VERBS,    DYAD_DICT_ACTORS,   DYAD_DICT_AGENTS,
    DYAD_DICT_DISCARDS, DYAD_DICT_NOMINALS, DYAD_DICT_ISSUES,
    DYAD_DICT_RULES,    DYAD_DICT_OPTIONS};

static dyad_status load_all(dyad_engine *e, const dyad_config *c,
                            dyad_error *err) {
    int any = c && c->n;
    int bundled = !any || c->bundled;
    int own_verbs = 0;
    for (size_t i = 0; c && i < c->n; i++)
        own_verbs |= c->v[i].kind == DYAD_DICT_VERBS;
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        int given = 0;
        for (size_t i = 0; c && i < c->n; i++) {
            if (c->v[i].kind != kinds[k]) continue;
            given = 1;
            dyad_status st = load_source(e, &c->v[i], err);
            if (st != DYAD_OK) return st;
        }
        /* dyad's event nouns and issues are written for its own verbs; its
         * word classes are English and serve any dictionaries */
        int mine_only = kinds[k] == DYAD_DICT_NOMINALS ||
                        kinds[k] == DYAD_DICT_ISSUES;
        int always = kinds[k] == DYAD_DICT_RULES;
        /* (no bundled TABARI options: the model's defaults stand) */
        if (!given && (bundled || always) && !(mine_only && own_verbs) &&
            kinds[k] != DYAD_DICT_OPTIONS) {
            dyad_status st = load_bundled(e, kinds[k], err);
            if (st != DYAD_OK) return st;
        }
    }
    return DYAD_OK;
}

dyad_status dyad_engine_new(const dyad_config *c, dyad_engine **out,
                            dyad_error *err) {
    if (err) {
        err->status = DYAD_OK;
        err->msg[0] = '\0';
    }
    if (!out) return engine_error(err, DYAD_ERR_ARG, "out is NULL");
    *out = NULL;
    double t0 = now_seconds();
    mem base;
    mem_init(&base, c ? &c->m.al : NULL);
    dyad_engine *e = mem_zalloc(&base, sizeof *e);
    if (!e) return engine_error(err, DYAD_ERR_NOMEM, "out of memory");
    e->m = base;
    jmp_buf jb;
    e->m.oom = &jb;
    if (setjmp(jb)) {
        e->m.oom = NULL;
        engine_destroy(e);
        return engine_error(err, DYAD_ERR_NOMEM,
                            "out of memory loading dictionaries");
    }
    dict_init(&e->d, &e->m);
    arena_init(&e->mem, 16 * 1024, &e->m);
    if (c && c->model == DYAD_MODEL_LINEAR) e->rules = &model_linear_rules;
    if (c && c->model == DYAD_MODEL_CLAUSE) e->rules = &model_clause_rules;
    if (c && c->model == DYAD_MODEL_TABARI) e->rules = &model_tabari_rules;
    dyad_status st = load_all(e, c, err);
    if (st != DYAD_OK) {
        e->m.oom = NULL;
        engine_destroy(e);
        return st;
    }
    if (!e->rules) e->rules = &model_clause_rules;
    dict_finish(&e->d);
    e->lx = lex_new(&e->m);
    e->gaz = gaz_new(&e->m);
    e->centroids = geo_centroids_new(e->gaz, &e->m); /* event places */
    if (!e->centroids) mem_fail(&e->m);
    load_cameo(e);
    e->w_by = vocab_intern(&e->d.voc, "BY", 2);
    e->w_of = vocab_intern(&e->d.voc, "OF", 2);
    e->w_in = vocab_intern(&e->d.voc, "IN", 2);
    e->w_from = vocab_intern(&e->d.voc, "FROM", 4);
    e->w_said = vocab_intern(&e->d.voc, "SAID", 4);
    e->w_to = vocab_intern(&e->d.voc, "TO", 2);
    e->w_us_dotted = vocab_find(&e->d.voc, "U.S.", 4);
    e->m.oom = NULL; /* read-only from here on */

    dyad_dict_stats *s = &e->stats;
    s->size = sizeof *s;
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
    s->warnings = e->d.nwarnings;
    s->load_seconds = now_seconds() - t0;
    *out = e;
    return DYAD_OK;
}

void dyad_engine_free(dyad_engine *e) {
    if (e) engine_destroy(e);
}

dyad_model dyad_engine_model(const dyad_engine *e) {
    return e ? e->rules->model : DYAD_MODEL_AUTO;
}

dyad_status dyad_engine_stats(const dyad_engine *e, dyad_dict_stats *out,
                              size_t out_size) {
    if (!e || !out) return DYAD_ERR_ARG;
    memcpy(out, &e->stats,
           out_size < sizeof e->stats ? out_size : sizeof e->stats);
    return DYAD_OK;
}

/* dict_check's findings, passed on in the public form. */
typedef struct check_relay {
    dyad_finding_fn fn;
    void *ctx;
} check_relay;

static void relay(void *ctx, const dchk_finding *f) {
    const check_relay *r = ctx;
    dyad_finding pf = {f->file, f->file_index, f->line,
                       f->severity == DCHK_ERROR, f->kind, f->msg};
    r->fn(r->ctx, &pf);
}

dyad_status dyad_engine_check(const dyad_engine *e, dyad_finding_fn fn,
                              void *ctx, uint32_t *errors,
                              uint32_t *warnings) {
    if (!e) return DYAD_ERR_ARG;
    check_relay r = {fn, ctx};
    dchk_report rep;
    if (dict_check(e, fn ? relay : NULL, &r, &rep) != 0)
        return DYAD_ERR_NOMEM;
    if (errors) *errors = rep.errors;
    if (warnings) *warnings = rep.warnings;
    return DYAD_OK;
}
