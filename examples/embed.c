/* embed.c -- a program embedding libdyad, and a check of its error paths.
 *
 * Build it against an installed library:
 *
 *     cc embed.c $(pkg-config --cflags --libs dyad) -o embed
 *
 * It loads three small invented dictionaries (the countries Valdoria and
 * Kestria) from memory buffers, codes a document with a title and prints
 * its events. Then it checks every status path of the API: a malformed
 * dictionary (DYAD_ERR_DICT, "name:line: reason"), NULL and invalid
 * arguments (DYAD_ERR_ARG, never a crash), missing files (DYAD_ERR_IO), and
 * allocation failure: through an allocator that fails its Nth call, every
 * allocation of dyad_config_new, dyad_config_add_buffer, dyad_engine_new,
 * dyad_doc_new and dyad_code is made to fail in turn; each call must then
 * return DYAD_OK or DYAD_ERR_NOMEM, leave nothing allocated behind (the
 * allocator counts the blocks it has out), and a doc whose dyad_code failed
 * must code the next document exactly as a fresh doc does.
 *
 * Prints the events, one line per failed check, and last
 * "embed: N passed, M failed"; exits 1 if a check failed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dyad.h>

/* ---- the dictionaries --------------------------------------------------- */

static const char ACTORS[] =
    "VALDORIA [VAL]\n"
    "+VALDORIAN\n"
    "+VALDORIANS\n"
    "KESTRIA [KES]\n"
    "+KESTRIAN\n"
    "KESTOWN [KES]\n"
    "AMARA_TOLL\n"
    "    [VALGOV 20100101-20191231]\n"
    "    [VALELI]\n";

static const char AGENTS[] =
    "GOVERNMENT [~GOV]\n"
    "MINISTER [~GOV]\n"
    "FOREIGN_MINISTER [~GOV]\n"
    "TROOPS {} [~MIL]\n"
    "POLICE {} [~COP]\n";

static const char VERBS[] =
    "--- ATTACK [190] ---\n"
    "ATTACK {ATTACKS ATTACKED ATTACKING}\n"
    "--- MEET [040:040] ---\n"
    "MEET {MEETS MET MEETING}\n"
    "--- VISIT [042:043] ---\n"
    "VISIT {VISITS VISITED VISITING}\n";

/* The document: a title and two sentences. */
static const char TITLE[] = "Valdorian troops attack Kestrian police";
static const char TEXT[] =
    "Amara Toll met the Kestrian foreign minister in Kestown on Monday. "
    "The Valdorian government visited Kestria.";
static const char DATE[] = "2015-03-10";

/* What it codes to: sentence, source, code, target. */
static const char *const EXPECTED[][4] = {
    {"0", "VALMIL", "190", "KESCOP"},
    {"1", "VALGOV", "040", "KESGOV"},
    {"1", "KESGOV", "040", "VALGOV"},
    {"2", "VALGOV", "042", "KES"},
    {"2", "KES", "043", "VALGOV"},
};
#define NEXPECTED (sizeof EXPECTED / sizeof EXPECTED[0])

/* ---- checks ------------------------------------------------------------- */

static int npass, nfail;

static void check(int ok, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void check(int ok, const char *fmt, ...) {
    if (ok) {
        npass++;
        return;
    }
    nfail++;
    va_list ap;
    va_start(ap, fmt);
    printf("not ok - ");
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
}

/* ---- an allocator that counts, and fails on request --------------------- */

typedef struct counter {
    long calls;     /* alloc and realloc calls so far */
    long fail_at;   /* the call number that fails (0: none) */
    long failed;    /* calls that failed */
    long blocks;    /* blocks out */
    size_t bytes;   /* bytes out */
} counter;

/* Each block is preceded by its size, so that the counter knows what a
 * free or a realloc gives back. */
typedef union header {
    size_t size;
    max_align_t align;
} header;

static int should_fail(counter *c) {
    c->calls++;
    if (c->fail_at && c->calls == c->fail_at) {
        c->failed++;
        return 1;
    }
    return 0;
}

static void *count_alloc(void *ud, size_t size) {
    counter *c = ud;
    if (should_fail(c)) return NULL;
    header *h = malloc(sizeof *h + size);
    if (!h) return NULL;
    h->size = size;
    c->blocks++;
    c->bytes += size;
    return h + 1;
}

static void count_free(void *ud, void *p) {
    counter *c = ud;
    if (!p) return;
    header *h = (header *)p - 1;
    c->blocks--;
    c->bytes -= h->size;
    free(h);
}

static void *count_realloc(void *ud, void *p, size_t size) {
    counter *c = ud;
    if (!p) return count_alloc(ud, size);
    if (should_fail(c)) return NULL;
    header *h = (header *)p - 1;
    size_t old = h->size;
    header *n = realloc(h, sizeof *n + size);
    if (!n) return NULL;
    n->size = size;
    c->bytes = c->bytes - old + size;
    return n + 1;
}

static dyad_allocator allocator_of(counter *c) {
    dyad_allocator a = {count_alloc, count_realloc, count_free, c};
    return a;
}

/* ---- building and coding ------------------------------------------------ */

/* A configuration of the three buffers; NULL if any call fails. */
static dyad_config *make_config(const dyad_allocator *al, dyad_status *st) {
    dyad_config *c = NULL;
    *st = dyad_config_new(&c, al);
    if (*st != DYAD_OK) return NULL;
    static const struct {
        dyad_dict_kind kind;
        const char *name, *text;
        size_t len;
    } src[] = {
        {DYAD_DICT_VERBS, "embed.verbs.txt", VERBS, sizeof VERBS - 1},
        {DYAD_DICT_ACTORS, "embed.actors.txt", ACTORS, sizeof ACTORS - 1},
        {DYAD_DICT_AGENTS, "embed.agents.txt", AGENTS, sizeof AGENTS - 1}};
    for (size_t i = 0; i < sizeof src / sizeof src[0]; i++) {
        *st = dyad_config_add_buffer(c, src[i].kind, DYAD_FORMAT_AUTO,
                                     src[i].name, src[i].text, src[i].len);
        if (*st != DYAD_OK) {
            dyad_config_free(c);
            return NULL;
        }
    }
    return c;
}

static void input_of(dyad_input *in) {
    dyad_input_init(in);
    in->title = TITLE;
    in->title_len = strlen(TITLE);
    in->text = TEXT;
    in->text_len = strlen(TEXT);
    in->date = dyad_parse_date(DATE, strlen(DATE));
}

/* 1 when the result holds exactly the expected events, in order. */
static int result_is_expected(const dyad_result *r) {
    if (!r || r->nevents != NEXPECTED) return 0;
    for (size_t i = 0; i < NEXPECTED; i++) {
        const dyad_event *ev = dyad_result_event(r, i);
        char sent[16];
        snprintf(sent, sizeof sent, "%u", ev->sentence);
        if (strcmp(sent, EXPECTED[i][0]) || strcmp(ev->source, EXPECTED[i][1]) ||
            strcmp(ev->code, EXPECTED[i][2]) || strcmp(ev->target, EXPECTED[i][3]) ||
            ev->in_title != (ev->sentence == 0))
            return 0;
    }
    return dyad_result_event(r, NEXPECTED) == NULL;
}

static void print_events(const dyad_result *r) {
    printf("%zu events from %u sentences (the title is sentence 0):\n",
           r->nevents, r->nsentences);
    for (size_t i = 0; i < r->nevents; i++) {
        const dyad_event *ev = dyad_result_event(r, i);
        printf("  %u %-7s %-4s %-7s %s | %s | %s  (%s%s)\n", ev->sentence,
               ev->source, ev->code, ev->target, ev->source_text,
               ev->verb_text, ev->target_text, ev->rule,
               ev->in_title ? ", title" : "");
    }
}

/* ---- the checks --------------------------------------------------------- */

/* Builds the engine, codes the document, prints the events. */
static void check_coding(void) {
    printf("dyad %s (built against %s)\n", dyad_version(), DYAD_VERSION);
    check(dyad_version_number() == DYAD_VERSION_NUMBER &&
              !strcmp(dyad_version(), DYAD_VERSION),
          "library version %s is the header's %s", dyad_version(),
          DYAD_VERSION);
    dyad_status st;
    dyad_config *c = make_config(NULL, &st);
    check(c != NULL, "configuration from buffers: %s",
          dyad_status_string(st));
    if (!c) return;
    dyad_engine *e = NULL;
    dyad_error err;
    st = dyad_engine_new(c, &e, &err);
    dyad_config_free(c);
    check(st == DYAD_OK, "engine from buffers: %s", err.msg);
    if (st != DYAD_OK) return;
    check(dyad_engine_model(e) == DYAD_MODEL_CLAUSE, "clause model");
    dyad_dict_stats stats;
    check(dyad_engine_stats(e, &stats, sizeof stats) == DYAD_OK &&
              stats.files == 4 && stats.verb_blocks == 3,
          "engine stats: 3 files and the word classes, 3 verb blocks");
    int quad = 0;
    double gs = 0;
    check(dyad_cameo_lookup(e, "190", &quad, &gs, NULL) == 1 && quad == 4,
          "CAMEO 190 is a material conflict");
    dyad_doc *d = NULL;
    st = dyad_doc_new(&d, NULL);
    check(st == DYAD_OK, "doc: %s", dyad_status_string(st));
    if (st == DYAD_OK) {
        dyad_input in;
        input_of(&in);
        const dyad_result *r = NULL;
        st = dyad_code(e, d, &in, NULL, &r, &err);
        check(st == DYAD_OK, "dyad_code: %s", err.msg);
        if (st == DYAD_OK) {
            print_events(r);
            check(result_is_expected(r), "the document's events");
            const dyad_event *ev = dyad_result_event(r, 0);
            check(ev && ev->verb_span.off + ev->verb_span.len <= in.title_len &&
                      !strncmp(TITLE + ev->verb_span.off, "attack", 6),
                  "a title event's spans index the title");
        }
        dyad_doc_free(d);
    }
    dyad_engine_free(e);
}

/* A malformed dictionary fails the engine with "name:line: reason". */
static void check_bad_dictionary(void) {
    static const struct {
        const char *name, *text;
        size_t len;
        dyad_dict_kind kind;
        const char *prefix;
    } bad[] = {
        {"bad.actors.txt", "VALDORIA [VAL]\nKESTRIA [KES\n", 28,
         DYAD_DICT_ACTORS, "bad.actors.txt:2: "},
        {"bytes.actors.txt", "VALDORIA [VAL]\n\xff\xfe\0 [[\n", 22,
         DYAD_DICT_ACTORS, "bytes.actors.txt:2: "},
        {"bad.verbs.txt", "--- ATTACK [190 ---\nATTACK {ATTACKS\n", 36,
         DYAD_DICT_VERBS, "bad.verbs.txt:1: "},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        dyad_config *c = NULL;
        dyad_engine *e = NULL;
        dyad_error err;
        dyad_config_new(&c, NULL);
        dyad_status st = dyad_config_add_buffer(c, bad[i].kind,
                                                DYAD_FORMAT_AUTO, bad[i].name,
                                                bad[i].text, bad[i].len);
        check(st == DYAD_OK, "%s: buffer added", bad[i].name);
        st = dyad_engine_new(c, &e, &err);
        size_t n = strlen(bad[i].prefix);
        check(st == DYAD_ERR_DICT && err.status == DYAD_ERR_DICT && !e &&
                  !strncmp(err.msg, bad[i].prefix, n) && strlen(err.msg) > n,
              "%s: DYAD_ERR_DICT \"%s...\", got %s \"%s\"", bad[i].name,
              bad[i].prefix, dyad_status_string(st), err.msg);
        printf("malformed dictionary: %s\n", err.msg);
        dyad_engine_free(e);
        dyad_config_free(c);
    }
}

/* Every NULL or invalid argument is DYAD_ERR_ARG, never a crash. */
static void check_arguments(void) {
    dyad_config *c = NULL;
    dyad_engine *e = NULL;
    dyad_doc *d = NULL;
    dyad_error err;
    const dyad_result *r = NULL;
    dyad_input in;
    dyad_input_init(&in);
    in.text = "x";
    in.text_len = 1;

    check(dyad_config_new(NULL, NULL) == DYAD_ERR_ARG, "config_new(NULL)");
    check(dyad_config_add_file(NULL, DYAD_DICT_VERBS, DYAD_FORMAT_AUTO, "f") ==
              DYAD_ERR_ARG, "config_add_file(NULL config)");
    check(dyad_config_add_buffer(NULL, DYAD_DICT_VERBS, DYAD_FORMAT_AUTO, "b",
                                 "x", 1) == DYAD_ERR_ARG,
          "config_add_buffer(NULL config)");
    check(dyad_config_add_dir(NULL, "/", &err) == DYAD_ERR_ARG &&
              err.status == DYAD_ERR_ARG, "config_add_dir(NULL config)");
    check(dyad_config_set_bundled(NULL, 1) == DYAD_ERR_ARG,
          "config_set_bundled(NULL)");
    check(dyad_config_set_model(NULL, DYAD_MODEL_CLAUSE) == DYAD_ERR_ARG,
          "config_set_model(NULL)");
    check(dyad_engine_new(NULL, NULL, &err) == DYAD_ERR_ARG &&
              err.status == DYAD_ERR_ARG, "engine_new(out NULL)");
    check(dyad_doc_new(NULL, NULL) == DYAD_ERR_ARG, "doc_new(NULL)");

    if (dyad_config_new(&c, NULL) == DYAD_OK) {
        check(dyad_config_add_file(c, DYAD_DICT_VERBS, DYAD_FORMAT_AUTO,
                                   NULL) == DYAD_ERR_ARG,
              "config_add_file(NULL path)");
        check(dyad_config_add_buffer(c, DYAD_DICT_VERBS, DYAD_FORMAT_AUTO, "b",
                                     NULL, 3) == DYAD_ERR_ARG,
              "config_add_buffer(NULL data)");
        check(dyad_config_add_buffer(c, (dyad_dict_kind)99, DYAD_FORMAT_AUTO,
                                     "b", "x", 1) == DYAD_ERR_ARG,
              "config_add_buffer(unknown kind)");
        check(dyad_config_add_buffer(c, DYAD_DICT_VERBS, (dyad_dict_format)99,
                                     "b", "x", 1) == DYAD_ERR_ARG,
              "config_add_buffer(unknown format)");
        check(dyad_config_add_dir(c, NULL, NULL) == DYAD_ERR_ARG,
              "config_add_dir(NULL folder)");
        check(dyad_config_set_model(c, (dyad_model)99) == DYAD_ERR_ARG,
              "config_set_model(unknown model)");
        dyad_config_free(c);
    } else {
        check(0, "config_new");
    }

    /* the bundled dictionaries, for the coding calls */
    check(dyad_engine_new(NULL, &e, &err) == DYAD_OK, "bundled engine: %s",
          err.msg);
    check(dyad_doc_new(&d, NULL) == DYAD_OK, "doc_new");
    check(dyad_code(NULL, d, &in, NULL, &r, &err) == DYAD_ERR_ARG &&
              err.status == DYAD_ERR_ARG && !r, "code(NULL engine)");
    check(dyad_code(e, NULL, &in, NULL, &r, &err) == DYAD_ERR_ARG,
          "code(NULL doc)");
    check(dyad_code(e, d, NULL, NULL, &r, &err) == DYAD_ERR_ARG,
          "code(NULL input)");
    check(dyad_code(e, d, &in, NULL, NULL, NULL) == DYAD_ERR_ARG,
          "code(NULL out)");
    dyad_input raw;
    memset(&raw, 0, sizeof raw); /* not initialised: size 0 */
    check(dyad_code(e, d, &raw, NULL, &r, &err) == DYAD_ERR_ARG,
          "code(input without dyad_input_init)");
    dyad_input nul;
    dyad_input_init(&nul);
    nul.text_len = 10; /* NULL text with a length */
    check(dyad_code(e, d, &nul, NULL, &r, &err) == DYAD_ERR_ARG,
          "code(NULL text with a length)");
    dyad_input_init(&nul);
    nul.title_len = 10;
    check(dyad_code(e, d, &nul, NULL, &r, NULL) == DYAD_ERR_ARG,
          "code(NULL title with a length)");
    dyad_input_init(&nul); /* no text at all: an empty document */
    check(dyad_code(e, d, &nul, NULL, &r, &err) == DYAD_OK && r &&
              r->nevents == 0, "code(empty document)");
    check(dyad_code(e, d, &in, NULL, &r, &err) == DYAD_OK,
          "code after the refusals: %s", err.msg);
    check(dyad_result_event(r, r ? r->nevents : 0) == NULL,
          "result_event past the end");
    check(dyad_result_event(NULL, 0) == NULL, "result_event(NULL)");
    check(dyad_engine_stats(NULL, NULL, 0) == DYAD_ERR_ARG,
          "engine_stats(NULL)");
    check(dyad_engine_stats(e, NULL, 0) == DYAD_ERR_ARG,
          "engine_stats(NULL out)");
    check(dyad_engine_check(NULL, NULL, NULL, NULL, NULL) == DYAD_ERR_ARG,
          "engine_check(NULL)");
    check(dyad_engine_model(NULL) == DYAD_MODEL_AUTO, "engine_model(NULL)");
    check(dyad_cameo_lookup(NULL, "190", NULL, NULL, NULL) == 0 &&
              dyad_cameo_lookup(e, NULL, NULL, NULL, NULL) == 0,
          "cameo_lookup(NULL)");
    check(dyad_parse_date(NULL, 10) == 0, "parse_date(NULL)");
    check(dyad_status_string((dyad_status)99) != NULL,
          "status_string(unknown)");
    dyad_options_init(NULL);
    dyad_input_init(NULL);
    dyad_doc_free(NULL);
    dyad_engine_free(NULL);
    dyad_config_free(NULL);
    dyad_doc_free(d);
    dyad_engine_free(e);
}

/* A file or folder that cannot be read is DYAD_ERR_IO. */
static void check_missing_files(void) {
    const char *path = "/nonexistent/dyad-embed/none.actors.txt";
    dyad_config *c = NULL;
    dyad_engine *e = NULL;
    dyad_error err;
    dyad_config_new(&c, NULL);
    check(dyad_config_add_file(c, DYAD_DICT_ACTORS, DYAD_FORMAT_AUTO, path) ==
              DYAD_OK, "config_add_file records the path");
    dyad_status st = dyad_engine_new(c, &e, &err);
    check(st == DYAD_ERR_IO && err.status == DYAD_ERR_IO && !e &&
              !strncmp(err.msg, path, strlen(path)),
          "missing file: DYAD_ERR_IO naming it, got %s \"%s\"",
          dyad_status_string(st), err.msg);
    printf("missing file: %s\n", err.msg);
    dyad_config_free(c);
    dyad_config_new(&c, NULL);
    st = dyad_config_add_dir(c, "/nonexistent/dyad-embed", &err);
    check(st == DYAD_ERR_IO && err.status == DYAD_ERR_IO,
          "missing folder: DYAD_ERR_IO, got %s \"%s\"",
          dyad_status_string(st), err.msg);
    dyad_config_free(c);
}

/* Every allocation of the constructors fails in turn. */
static void check_nomem_engine(void) {
    counter cnt = {0};
    dyad_allocator al = allocator_of(&cnt);
    dyad_status st;

    /* how many allocations a successful build makes */
    dyad_config *c = make_config(&al, &st);
    long config_calls = cnt.calls;
    dyad_engine *e = NULL;
    st = dyad_engine_new(c, &e, NULL);
    long engine_calls = cnt.calls - config_calls;
    check(st == DYAD_OK, "engine through the counting allocator");
    dyad_engine_free(e);
    dyad_config_free(c);
    check(cnt.blocks == 0 && cnt.bytes == 0,
          "engine and config free all their memory (%ld blocks left)",
          cnt.blocks);
    printf("allocations: %ld for the configuration, %ld for the engine\n",
           config_calls, engine_calls);

    /* the configuration's */
    long bad = 0, nomem = 0;
    for (long n = 1; n <= config_calls + 1; n++) {
        cnt = (counter){0};
        cnt.fail_at = n;
        c = make_config(&al, &st);
        if (st == DYAD_ERR_NOMEM) nomem++;
        if (st != DYAD_OK && st != DYAD_ERR_NOMEM) bad++;
        if (st != DYAD_OK && c) bad++;
        dyad_config_free(c);
        if (cnt.blocks) bad++;
    }
    check(bad == 0 && nomem == config_calls,
          "config: every allocation failure is DYAD_ERR_NOMEM and frees "
          "everything (%ld bad, %ld of %ld NOMEM)", bad, nomem, config_calls);

    /* the engine's, from a complete configuration */
    bad = nomem = 0;
    long okays = 0;
    for (long n = 1; n <= engine_calls + 1; n++) {
        cnt = (counter){0};
        c = make_config(&al, &st);
        long base = cnt.blocks;
        cnt.fail_at = cnt.calls + n;
        dyad_error err;
        e = NULL;
        st = dyad_engine_new(c, &e, &err);
        if (st == DYAD_ERR_NOMEM) {
            nomem++;
            if (e || err.status != DYAD_ERR_NOMEM) bad++;
            if (cnt.blocks != base) {
                bad++;
                printf("engine allocation %ld: %ld blocks leaked\n", n,
                       cnt.blocks - base);
            }
        } else if (st == DYAD_OK) {
            okays++;
            if (!e) bad++;
        } else {
            bad++;
            printf("engine allocation %ld: %s\n", n, err.msg);
        }
        dyad_engine_free(e);
        dyad_config_free(c);
        if (cnt.blocks) bad++;
    }
    check(bad == 0 && nomem > 0 && okays > 0,
          "engine: each of %ld allocation failures gives DYAD_ERR_NOMEM "
          "(%ld) or DYAD_OK (%ld), nothing leaked (%ld bad)",
          engine_calls, nomem, okays, bad);

    /* dyad_doc_new's */
    bad = 0;
    cnt = (counter){0};
    dyad_doc *d = NULL;
    dyad_doc_new(&d, &al);
    long doc_calls = cnt.calls;
    dyad_doc_free(d);
    for (long n = 1; n <= doc_calls; n++) {
        cnt = (counter){0};
        cnt.fail_at = n;
        d = NULL;
        st = dyad_doc_new(&d, &al);
        if (st == DYAD_ERR_NOMEM ? d != NULL : st != DYAD_OK) bad++;
        dyad_doc_free(d);
        if (cnt.blocks) bad++;
    }
    check(bad == 0, "doc_new: allocation failures (%ld) give DYAD_ERR_NOMEM "
                    "or DYAD_OK, nothing leaked", doc_calls);
}

/* The same for the bundled dictionaries (a configuration with no source),
 * whose readers grow their tables many times. */
static void check_nomem_bundled(void) {
    counter cnt = {0};
    dyad_allocator al = allocator_of(&cnt);
    dyad_config *c = NULL;
    dyad_engine *e = NULL;
    dyad_config_new(&c, &al);
    long base = cnt.calls;
    dyad_status st = dyad_engine_new(c, &e, NULL);
    long engine_calls = cnt.calls - base;
    check(st == DYAD_OK, "bundled engine through the counting allocator");
    dyad_engine_free(e);
    printf("allocations: %ld for the bundled engine\n", engine_calls);
    long bad = 0, nomem = 0;
    for (long n = 1; n <= engine_calls; n++) {
        long blocks = cnt.blocks;
        cnt.fail_at = cnt.calls + n;
        e = NULL;
        st = dyad_engine_new(c, &e, NULL);
        cnt.fail_at = 0;
        if (st == DYAD_ERR_NOMEM) nomem++;
        if ((st == DYAD_ERR_NOMEM) == (e != NULL) ||
            (st != DYAD_OK && st != DYAD_ERR_NOMEM))
            bad++;
        dyad_engine_free(e);
        if (cnt.blocks != blocks) bad++;
    }
    dyad_config_free(c);
    check(bad == 0 && nomem > 0 && cnt.blocks == 0,
          "bundled engine: %ld allocation failures give DYAD_ERR_NOMEM (%ld) "
          "or DYAD_OK, nothing leaked (%ld bad)", engine_calls, nomem, bad);
}

/* Every allocation of dyad_code fails in turn, on a fresh doc (whose
 * first document allocates the most); the doc must then code the next
 * document as if nothing had happened. */
static void check_nomem_code(void) {
    dyad_status st;
    dyad_config *c = make_config(NULL, &st);
    dyad_engine *e = NULL;
    st = dyad_engine_new(c, &e, NULL);
    dyad_config_free(c);
    if (st != DYAD_OK) {
        check(0, "engine for the dyad_code failures");
        return;
    }
    dyad_input in;
    input_of(&in);
    counter cnt = {0};
    dyad_allocator al = allocator_of(&cnt);
    dyad_doc *d = NULL;
    const dyad_result *r = NULL;
    dyad_doc_new(&d, &al);
    long base = cnt.calls;
    st = dyad_code(e, d, &in, NULL, &r, NULL);
    long code_calls = cnt.calls - base;
    check(st == DYAD_OK && result_is_expected(r),
          "coding through the counting allocator");
    dyad_doc_free(d);
    check(cnt.blocks == 0, "a doc frees all its memory");
    printf("allocations: %ld for dyad_code on a new doc\n", code_calls);

    long bad = 0, nomem = 0, okays = 0;
    for (long n = 1; n <= code_calls + 1; n++) {
        cnt = (counter){0};
        d = NULL;
        if (dyad_doc_new(&d, &al) != DYAD_OK) {
            bad++;
            continue;
        }
        cnt.fail_at = cnt.calls + n;
        dyad_error err;
        st = dyad_code(e, d, &in, NULL, &r, &err);
        if (st == DYAD_ERR_NOMEM) {
            nomem++;
            if (r || err.status != DYAD_ERR_NOMEM) bad++;
        } else if (st == DYAD_OK) {
            okays++;
            /* an allocation that may fail (the tagger's cache) must not
             * change the events */
            if (!result_is_expected(r)) {
                bad++;
                printf("code allocation %ld: OK with other events\n", n);
            }
        } else {
            bad++;
        }
        /* the same doc codes the next document (the same one here) */
        st = dyad_code(e, d, &in, NULL, &r, &err);
        if (st != DYAD_OK || !result_is_expected(r)) {
            bad++;
            printf("code allocation %ld: the next document gives %s (%s)\n",
                   n, dyad_status_string(st), err.msg);
        }
        dyad_doc_free(d);
        if (cnt.blocks) {
            bad++;
            printf("code allocation %ld: %ld blocks leaked\n", n, cnt.blocks);
        }
    }
    check(bad == 0 && nomem > 0 && okays > 0,
          "dyad_code: each of %ld allocation failures gives DYAD_ERR_NOMEM "
          "(%ld) or DYAD_OK (%ld), the doc codes the next document, "
          "nothing leaked (%ld bad)", code_calls, nomem, okays, bad);

    /* and on a warm doc, whose caches are filled: the second document */
    cnt = (counter){0};
    d = NULL;
    dyad_doc_new(&d, &al);
    dyad_code(e, d, &in, NULL, &r, NULL);
    base = cnt.calls;
    dyad_code(e, d, &in, NULL, &r, NULL);
    long warm_calls = cnt.calls - base;
    dyad_doc_free(d);
    bad = 0;
    for (long n = 1; n <= warm_calls; n++) {
        cnt = (counter){0};
        d = NULL;
        dyad_doc_new(&d, &al);
        dyad_code(e, d, &in, NULL, &r, NULL);
        cnt.fail_at = cnt.calls + n;
        st = dyad_code(e, d, &in, NULL, &r, NULL);
        if (st != DYAD_OK && st != DYAD_ERR_NOMEM) bad++;
        st = dyad_code(e, d, &in, NULL, &r, NULL);
        if (st != DYAD_OK || !result_is_expected(r)) bad++;
        dyad_doc_free(d);
        if (cnt.blocks) bad++;
    }
    check(bad == 0, "dyad_code on a warm doc: %ld allocation failures "
                    "(%ld bad)", warm_calls, bad);
    dyad_engine_free(e);
}

int main(void) {
    check_coding();
    check_bad_dictionary();
    check_arguments();
    check_missing_files();
    check_nomem_engine();
    check_nomem_bundled();
    check_nomem_code();
    printf("embed: %d passed, %d failed\n", npass, nfail);
    return nfail ? 1 : 0;
}
