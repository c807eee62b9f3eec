/* dyad.h -- public API of libdyad, the CAMEO political event coder.
 *
 * Raw news text in, CAMEO events out: who did what to whom, with the
 * evidence each event was coded from. Three handles:
 *
 *   dyad_config  which dictionaries to load: a list of (kind, format,
 *                source), each source a file or a buffer in memory.
 *   dyad_engine  the loaded dictionaries, the tagger's lexicon and the
 *                CAMEO table. Built once, read-only after, shared by any
 *                number of threads.
 *   dyad_doc     one thread's workspace: an arena that holds one document's
 *                sentences, tokens and events until the next dyad_code.
 *
 * A minimal program:
 *
 *     dyad_engine *e;
 *     dyad_doc *d;
 *     const dyad_result *r;
 *     if (dyad_engine_new(NULL, &e, NULL) || dyad_doc_new(&d, NULL)) ...;
 *     dyad_input in;
 *     dyad_input_init(&in);
 *     in.text = "Iran's foreign minister met his Turkish counterpart.";
 *     in.text_len = strlen(in.text);
 *     in.date = 20240115;
 *     if (dyad_code(e, d, &in, NULL, &r, NULL) == DYAD_OK)
 *         for (size_t i = 0; i < r->nevents; i++) {
 *             const dyad_event *ev = dyad_result_event(r, i);
 *             printf("%s %s %s\n", ev->source, ev->code, ev->target);
 *         }
 *     dyad_doc_free(d);
 *     dyad_engine_free(e);
 *
 * Conventions:
 *   - Every call that can fail returns a dyad_status; DYAD_OK is 0. The
 *     dyad_error argument is optional (NULL): when given it receives the
 *     status and a message ("file:line: reason" for dictionary errors).
 *   - The library never aborts and never exits. Allocation failure returns
 *     DYAD_ERR_NOMEM from whichever call it happened in, leaving handles
 *     usable (a doc can code the next document) or, for constructors,
 *     nothing allocated. All memory comes from a dyad_allocator (malloc and
 *     friends by default).
 *   - Structs the caller fills (dyad_input, dyad_options) start with a size
 *     field set by their _init function, and structs the library returns
 *     (dyad_result, dyad_event, dyad_dict_stats) only ever grow at the end,
 *     so programs built against this header keep working with later
 *     versions of the shared library. Index events with dyad_result_event.
 *   - No global mutable state; an engine may be used by many threads at
 *     once, a doc by one thread at a time.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define DYAD_API __attribute__((visibility("default")))
#else
#define DYAD_API
#endif

#define DYAD_VERSION_MAJOR 0
#define DYAD_VERSION_MINOR 2
#define DYAD_VERSION_PATCH 0
#define DYAD_VERSION "0.2.0"
/* MAJOR * 10000 + MINOR * 100 + PATCH */
#define DYAD_VERSION_NUMBER 200

/* The library's version at run time ("0.2.0", 200). */
DYAD_API const char *dyad_version(void);
DYAD_API int dyad_version_number(void);

/* ---- status and errors ------------------------------------------------ */

typedef enum dyad_status {
    DYAD_OK = 0,
    DYAD_ERR_NOMEM = 1,   /* an allocation failed */
    DYAD_ERR_ARG = 2,     /* a NULL or invalid argument */
    DYAD_ERR_IO = 3,      /* a file or folder cannot be read */
    DYAD_ERR_DICT = 4,    /* a malformed dictionary: "file:line: reason" */
    DYAD_ERR_LIMIT = 5,   /* an input exceeds a documented limit */
    DYAD_ERR_FORMAT = 6   /* data of an unknown or unexpected format */
} dyad_status;

/* "out of memory", "invalid argument", ... (never NULL). */
DYAD_API const char *dyad_status_string(dyad_status s);

typedef struct dyad_error {
    dyad_status status;
    char msg[1024];
} dyad_error;

/* ---- memory ------------------------------------------------------------ */

/* Where the library's memory comes from. alloc and realloc return NULL on
 * failure; free accepts NULL. ud is passed to each. */
typedef struct dyad_allocator {
    void *(*alloc)(void *ud, size_t size);
    void *(*realloc)(void *ud, void *p, size_t size);
    void (*free)(void *ud, void *p);
    void *ud;
} dyad_allocator;

/* ---- dictionaries and the engine --------------------------------------- */

typedef struct dyad_config dyad_config;
typedef struct dyad_engine dyad_engine;
typedef struct dyad_doc dyad_doc;

typedef enum dyad_dict_kind {
    DYAD_DICT_VERBS = 1,     /* verbs and patterns -> event codes */
    DYAD_DICT_ACTORS = 2,    /* names -> actor codes (any number of files) */
    DYAD_DICT_AGENTS = 3,    /* roles and sectors: "minister" -> ~GOV */
    DYAD_DICT_DISCARDS = 4,  /* phrases that drop a sentence or story */
    DYAD_DICT_ISSUES = 5,    /* topic phrases */
    DYAD_DICT_NOMINALS = 6,  /* event nouns: "air strike on" -> 195 */
    DYAD_DICT_RULES = 7,     /* word classes the coder's rules use:
                                reporting verbs, descriptions of armed
                                groups and governments (dyad.rules.txt) */
    DYAD_DICT_OPTIONS = 8    /* TABARI .options: coding settings of the
                                TABARI model */
} dyad_dict_kind;

typedef enum dyad_dict_format {
    DYAD_FORMAT_AUTO = 0,      /* decided from the content */
    DYAD_FORMAT_PETRARCH2 = 1, /* PETRARCH2 / Phoenix formats */
    DYAD_FORMAT_PETRARCH1 = 2, /* the linear verb patterns of PETRARCH1's
                                  validation suite */
    DYAD_FORMAT_DYAD = 3,      /* dyad's own formats (nominals) */
    DYAD_FORMAT_TABARI = 4     /* TABARI .actors, .agents, .verbs,
                                  .options */
} dyad_dict_format;

/* How a sentence is coded. The clause model (dyad's) reads the clause
 * structure: subjects, passives, negation, reported speech, pronouns. The
 * linear model is PETRARCH1/TABARI's: the first actor before the verb and
 * the first after it, after deleting comma clauses. AUTO picks linear for
 * PETRARCH1-format verbs and clause otherwise. */
typedef enum dyad_model {
    DYAD_MODEL_AUTO = 0,
    DYAD_MODEL_CLAUSE = 1,
    DYAD_MODEL_LINEAR = 2,
    DYAD_MODEL_TABARI = 3      /* TABARI's: its own text filter, stems and
                                  connectors, compounds, comma clauses and
                                  conjunction clauses (formats.md g.11);
                                  AUTO picks it for TABARI-format verbs */
} dyad_model;

/* A new, empty configuration; al may be NULL (malloc). With no source
 * added, an engine built from it holds dyad's bundled dictionaries. */
DYAD_API dyad_status dyad_config_new(dyad_config **out,
                                     const dyad_allocator *al);
DYAD_API void dyad_config_free(dyad_config *c);
/* Adds a dictionary file; it is read by dyad_engine_new. */
DYAD_API dyad_status dyad_config_add_file(dyad_config *c, dyad_dict_kind kind,
                                          dyad_dict_format fmt,
                                          const char *path);
/* Adds a dictionary held in memory (copied). name labels its messages. */
DYAD_API dyad_status dyad_config_add_buffer(dyad_config *c,
                                            dyad_dict_kind kind,
                                            dyad_dict_format fmt,
                                            const char *name,
                                            const char *data, size_t len);
/* Adds the dictionary files of a folder, picked by name (*.actors.txt,
 * *agents*, *discards*, *issue*, *nominals*, *verbs* or CAMEO*). Fails with
 * DYAD_ERR_IO when the folder cannot be read and DYAD_ERR_DICT when it
 * holds no dictionary file. */
DYAD_API dyad_status dyad_config_add_dir(dyad_config *c, const char *dir,
                                         dyad_error *err);
/* With use set, kinds the configuration gives no source for come from the
 * bundled dictionaries (a configuration with no source at all always
 * does). */
DYAD_API dyad_status dyad_config_set_bundled(dyad_config *c, int use);
DYAD_API dyad_status dyad_config_set_model(dyad_config *c, dyad_model m);

/* Loads the dictionaries of c (NULL: the bundled set) into a new engine. */
DYAD_API dyad_status dyad_engine_new(const dyad_config *c, dyad_engine **out,
                                     dyad_error *err);
DYAD_API void dyad_engine_free(dyad_engine *e);
/* The model the engine codes with (never AUTO). */
DYAD_API dyad_model dyad_engine_model(const dyad_engine *e);

/* Counts reported after loading (dyad dict). */
typedef struct dyad_dict_stats {
    size_t size;              /* sizeof(dyad_dict_stats) of the library */
    uint32_t actor_phrases, actor_records, agent_phrases, verb_forms,
        verb_blocks, patterns, synsets, discards, issue_phrases, vocabulary;
    uint32_t files;           /* dictionary sources loaded */
    uint32_t warnings;        /* readers' warnings (dyad dict check) */
    double load_seconds;
} dyad_dict_stats;

/* Copies at most out_size bytes of the engine's counts into out. */
DYAD_API dyad_status dyad_engine_stats(const dyad_engine *e,
                                       dyad_dict_stats *out, size_t out_size);

/* Consistency checks of the loaded dictionaries (dyad dict check): a
 * phrase defined twice, a code missing from the CAMEO table, a pattern
 * that can never fire. One callback per finding; strings are valid only
 * during the callback. */
typedef struct dyad_finding {
    const char *file;         /* dictionary name as loaded, "" if none */
    uint32_t file_index;      /* order of loading, for sorting */
    uint32_t line;            /* 1-based, 0 when not tied to a line */
    int error;                /* 1 error, 0 warning */
    const char *kind;         /* "duplicate", "unknown-code", "bad-code",
                                 "never-matches", "overrides", "load" */
    const char *msg;
} dyad_finding;
typedef void (*dyad_finding_fn)(void *ctx, const dyad_finding *f);
DYAD_API dyad_status dyad_engine_check(const dyad_engine *e,
                                       dyad_finding_fn fn, void *ctx,
                                       uint32_t *errors, uint32_t *warnings);

/* CAMEO code table: quad class (1..4), Goldstein score and name. Returns 1
 * when the code exists. Any out pointer may be NULL. */
DYAD_API int dyad_cameo_lookup(const dyad_engine *e, const char *code,
                               int *quad, double *goldstein,
                               const char **name);

/* ---- coding ------------------------------------------------------------ */

typedef struct dyad_options {
    size_t size;              /* set by dyad_options_init */
    int require_dyad;         /* drop events with no source or no target,
                                 or no country on either side (1) */
    int comma_min, comma_max;   /* linear model: inner comma clauses deleted
                                   (word counts, PETRARCH1 options) */
    int comma_bmin, comma_bmax; /* opening comma clause */
    int comma_emin, comma_emax; /* closing comma clause */
    int new_actor_length;     /* linear model: >0 codes unknown noun
                                 phrases up to this many words as quoted
                                 text actors (validation ACTOR-*) */
    int one_sentence;         /* the whole text is one sentence */
    int trace;                /* build the explain trace, text and JSON */
} dyad_options;

/* Defaults into the first size bytes of o (size = the caller's
 * sizeof(dyad_options)): a library newer than the caller's header never
 * writes past the caller's struct. Call it through dyad_options_init. */
DYAD_API void dyad_options_initn(dyad_options *o, size_t size);
static inline void dyad_options_init(dyad_options *o) {
    dyad_options_initn(o, sizeof *o);
}

/* One document. The title, when given, is coded as sentence 0 (the text's
 * sentences follow from 1); its events have in_title set and their spans
 * index the title. */
typedef struct dyad_input {
    size_t size;              /* set by dyad_input_init */
    const char *text;         /* need not be NUL-terminated */
    size_t text_len;
    const char *title;        /* headline, or NULL */
    size_t title_len;
    uint32_t date;            /* YYYYMMDD; 0 unknown: date-limited actor
                                 codes then use their unrestricted code */
    /* (added after 0.2) */
    const char *publisher;    /* who published it, or NULL: a government or
                                 organisation ("Ministry of Foreign Affairs
                                 of Egypt") is the document's own voice --
                                 "the Ministry" in its text is that actor */
    size_t publisher_len;
} dyad_input;

/* Zero into the first size bytes of in and size set (see
 * dyad_options_initn). Call it through dyad_input_init. */
DYAD_API void dyad_input_initn(dyad_input *in, size_t size);
static inline void dyad_input_init(dyad_input *in) {
    dyad_input_initn(in, sizeof *in);
}

/* A byte range in the caller's text (or title, for title events). */
typedef struct dyad_span {
    uint32_t off, len;
} dyad_span;

/* An issue (topic) of the sentence an event was coded from. */
typedef struct dyad_issue {
    const char *code;         /* "NUCLEAR" */
    uint32_t count;           /* phrases of that issue in the sentence */
} dyad_issue;

/* One coded event. Strings live in the dyad_doc until its next use. */
typedef struct dyad_event {
    uint32_t sentence;        /* 0-based sentence index in the document */
    const char *source;       /* actor code; "---GOV" for an agent alone */
    const char *target;       /* actor code; "---" for none */
    char code[8];             /* CAMEO event code: "0231", "190" */
    char root[4];             /* two-digit root: "02" */
    int quad;                 /* GDELT quad class 1..4, 0 if unknown code */
    double goldstein;         /* Goldstein score, 0 if unknown */
    const char *source_text;  /* evidence: text of the source phrase */
    const char *verb_text;    /* text of the verb group (or event noun) */
    const char *target_text;  /* text of the target phrase ("" if none) */
    const char *sentence_text;/* the sentence, normalised */
    dyad_span sentence_span, source_span, verb_span, target_span;
    const char *issues;       /* "CODE,count;CODE,count" or "" */
    const dyad_issue *issue_list;
    uint32_t nissues;
    const char *rule;         /* "file:line" of the verb or pattern that
                                 fired */
    int in_title;             /* coded from the title */
    /* (fields below were added in 0.2: where and from which quotation) */
    const struct dyad_place *place; /* where the text says it happened, or
                                 NULL (docs/places-quotes.md) */
    int32_t quote;            /* the quotation it was coded from
                                 (dyad_result_quote), -1 none */
} dyad_event;

/* Where an event happened: a place of the gazetteer (GeoNames) named in
 * the event's clause ("in Kandahar province", "off the coast of Yemen") or
 * in the document's dateline. Strings live in the dyad_doc. */
typedef struct dyad_place {
    const char *name;         /* as written: "Kandahar province" */
    uint32_t geonameid;       /* GeoNames id */
    const char *gazetteer_name; /* GeoNames' name: "Kandahār" */
    const char *admin1;       /* first-level region's name, "" none */
    const char *admin1_code;  /* GeoNames' admin1 code ("23"), "" none */
    char country[4];          /* ISO 3166-1 alpha-3 ("AFG"; Kosovo KSV) */
    double lat, lon;          /* degrees; a country's centre */
    const char *level;        /* "city", "admin1" or "country" */
    const char *source;       /* "clause" or "dateline" */
    dyad_span span;           /* the name in the caller's text (or title) */
    int in_title;             /* named in the title */
} dyad_place;

/* A direct quotation and who said it. Spans index the caller's text (or
 * the title when in_title). Strings live in the dyad_doc. */
typedef struct dyad_quote {
    uint32_t sentence;        /* sentence where it starts */
    uint32_t last_sentence;   /* ... and where it ends */
    const char *text;         /* the quoted words, without the marks */
    dyad_span span;           /* of the quoted words */
    const char *speaker;      /* as written ("the minister", "he"); "" when
                                 unknown */
    const char *speaker_name; /* a pronoun's or description's named person
                                 when the document named one, else speaker */
    const char *speaker_code; /* actor code as of the document date, NULL
                                 when not coded */
    dyad_span speaker_span;   /* the speaker as written (in the sentence
                                 it was found in); len 0 when none */
    const char *verb;         /* "said", "told", "according to"; "" none */
    const char *attribution;  /* where the speaker was found: "same",
                                 "pronoun", "previous", "next", "earlier",
                                 "body" (a headline's quotation repeated
                                 in the body, with the body's speaker),
                                 "none" */
    const uint32_t *events;   /* events coded from the quotation (indexes
                                 for dyad_result_event) */
    uint32_t nevents;
    int in_title;
} dyad_quote;

typedef struct dyad_result {
    size_t size;              /* sizeof(dyad_result) of the library */
    const char *text;         /* the normalised text */
    size_t text_len;
    const char *title;        /* the normalised title, NULL if none */
    size_t title_len;
    size_t nevents;           /* events: dyad_result_event(r, 0..n-1) */
    uint32_t nsentences;      /* the title included */
    uint32_t invalid_bytes;   /* invalid UTF-8 sequences replaced */
    int discarded;            /* 1 sentence discard(s) fired, 2 story */
    const char *trace;        /* explain text when options.trace, else NULL */
    const char *trace_json;   /* the same as a JSON array, one object per
                                 sentence (tokens, chunks, clauses, actors,
                                 decisions, events) */
    uint32_t limits;          /* times a fixed coding limit cut something
                                 short: more than 64 coordinated phrases
                                 (the 64 nearest the verb are kept), 8
                                 agents in one phrase, 4 verb senses of one
                                 verb, 64 issues in a sentence (the trace
                                 says which); 0 normally */
    /* (fields below were added in 0.2) */
    size_t nquotes;           /* quotations: dyad_result_quote(r, 0..n-1) */
    const dyad_quote *quotes_; /* private: read them with dyad_result_quote */
    /* (added after 0.2: a part of a long document, dyad_code_parts) */
    size_t first_event;       /* the document index of event 0 (0 for a
                                 whole document or its first part) */
    size_t first_quote;       /* ... and of quotation 0; an event's quote
                                 and a quotation's events index this part */
} dyad_result;

DYAD_API const dyad_event *dyad_result_event(const dyad_result *r, size_t i);
/* Quotation i of the document (0 <= i < r->nquotes), or NULL. */
DYAD_API const dyad_quote *dyad_result_quote(const dyad_result *r, size_t i);

/* A new document workspace; al may be NULL (malloc). */
DYAD_API dyad_status dyad_doc_new(dyad_doc **out, const dyad_allocator *al);
DYAD_API void dyad_doc_free(dyad_doc *d);

/* Codes one document. opts may be NULL (defaults). *out points into doc
 * and stays valid until the next dyad_code or dyad_doc_free on doc. */
DYAD_API dyad_status dyad_code(const dyad_engine *e, dyad_doc *doc,
                               const dyad_input *in, const dyad_options *opts,
                               const dyad_result **out, dyad_error *err);

/* A long document in parts: fn receives each part but the last as soon as
 * it is coded (the result and its strings are valid until fn returns);
 * nonzero from fn stops the coding (DYAD_ERR_IO). */
typedef int (*dyad_part_fn)(void *ctx, const dyad_result *part);

/* Codes one document as dyad_code does, but a body longer than part_bytes
 * in parts of about that size, cut at paragraph breaks (at a sentence break
 * at twice the size, when no paragraph ends), so that memory is bounded by
 * the part rather than the document. Each part is a document of its own to
 * the coder: places are disambiguated, quotations paired and pronouns
 * resolved within it, and a story discard drops its events only. Sentence
 * indexes and spans are the whole document's; nsentences counts the part's
 * (the title, coded in the first part, included); first_event and
 * first_quote number the events and quotations across parts. The last part
 * is *last, valid until the next use of doc, as dyad_code's result. A
 * document no longer than part_bytes is one part, dyad_code's result. */
DYAD_API dyad_status dyad_code_parts(const dyad_engine *e, dyad_doc *doc,
                                     const dyad_input *in,
                                     const dyad_options *opts,
                                     size_t part_bytes, dyad_part_fn fn,
                                     void *ctx, const dyad_result **last,
                                     dyad_error *err);

/* Parses "2016-01-02", "20160102", "2016-01-02T10:00:00Z"; 0 if invalid. */
DYAD_API uint32_t dyad_parse_date(const char *s, size_t n);

#ifdef __cplusplus
}
#endif
#endif
