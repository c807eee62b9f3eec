/* dyad.h -- public API of libdyad, the CAMEO political event coder.
 *
 * Two handles:
 *   dyad_engine  loaded dictionaries and lexicon. Built once, read-only after,
 *                shared by any number of threads.
 *   dyad_doc     per-thread workspace: an arena that holds one document's
 *                sentences, tokens and events until the next call.
 * The library does no I/O of its own except reading dictionary files named
 * by the caller; readers of input formats and writers of output formats sit
 * beside it (io/) and the command line (cli/) is a thin client.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

typedef struct dyad_engine dyad_engine;
typedef struct dyad_doc dyad_doc;

/* Error text, "file:line: reason" for dictionary errors. */
typedef struct dyad_error {
    char msg[1024];
} dyad_error;

/* Which dictionaries to load. NULL members fall back to the bundled ones
 * (when use_bundled is set) or to nothing. */
#define DYAD_MAX_ACTOR_FILES 16
typedef struct dyad_dict_files {
    const char *verbs;
    const char *actors[DYAD_MAX_ACTOR_FILES];
    int nactors;
    const char *agents;
    const char *discards;
    const char *issues;
    const char *nominals;     /* dyad's nominal-event list (dict_nominals.c) */
    int use_bundled;          /* fill unset slots with the bundled files */
    int verb_format;          /* 0 auto, 1 PETRARCH2, 2 linear (validation) */
} dyad_dict_files;

/* Counts reported after loading (dyad dict, dyad code -v). */
typedef struct dyad_dict_stats {
    uint32_t actor_phrases, actor_records, agent_phrases, verb_forms,
        verb_blocks, patterns, synsets, discards, issue_phrases, vocabulary;
    double load_seconds;
} dyad_dict_stats;

dyad_engine *dyad_engine_load(const dyad_dict_files *files, dyad_error *err);
void dyad_engine_free(dyad_engine *e);
void dyad_engine_stats(const dyad_engine *e, dyad_dict_stats *out);

/* Coding options. Defaults from dyad_options_default(). The comma limits
 * and new_actor_length are PETRARCH1 options used by the validation suite. */
typedef struct dyad_options {
    int require_dyad;         /* drop events with no source or no target */
    int comma_min, comma_max;   /* inner comma clauses deleted (words) */
    int comma_bmin, comma_bmax; /* opening comma clause */
    int comma_emin, comma_emax; /* closing comma clause */
    int new_actor_length;     /* >0: code unknown NPs up to this many words
                                 as quoted text actors (validation ACTOR-*) */
    int one_sentence;         /* treat the whole text as one sentence */
    int trace;                /* build the explain trace */
} dyad_options;

void dyad_options_default(dyad_options *o);

/* A byte range in the text passed to dyad_code. */
typedef struct dyad_span {
    uint32_t off, len;
} dyad_span;

/* One coded event. Strings live in the dyad_doc until its next use. */
typedef struct dyad_event {
    uint32_t sentence;        /* 0-based sentence index in the document */
    const char *source;       /* actor code, "---GOV" for an agent alone */
    const char *target;       /* actor code, "---" for none */
    char code[8];             /* CAMEO event code: "0231", "190" */
    char root[4];             /* two-digit root: "02" */
    int quad;                 /* GDELT quad class 1..4, 0 if unknown code */
    double goldstein;         /* Goldstein score, 0 if unknown */
    const char *source_text;  /* evidence: text of the source phrase */
    const char *verb_text;    /* text of the verb group (or nominal trigger) */
    const char *target_text;  /* text of the target phrase ("" if none) */
    const char *sentence_text;/* the (normalised) sentence */
    /* byte ranges in the caller's input text */
    dyad_span sentence_span, source_span, verb_span, target_span;
    const char *issues;       /* "CODE,count;CODE,count" or "" */
    const char *rule;         /* "file:line" of the verb pattern that fired */
    int in_title;             /* coded from the title: spans index the title */
} dyad_event;

typedef struct dyad_result {
    const char *text;         /* the normalised document text */
    size_t text_len;
    dyad_event *events;
    size_t nevents;
    uint32_t nsentences;
    uint32_t invalid_bytes;   /* invalid UTF-8 sequences replaced */
    int discarded;            /* 1 sentence discard(s) fired, 2 story discard */
    const char *trace;        /* explain text when options.trace, else NULL */
} dyad_result;

/* One document to code. The title, when given, is coded as sentence 0
 * (and the text's sentences follow from 1); its events have in_title set
 * and their spans index the title. */
typedef struct dyad_input {
    const char *text;
    size_t text_len;
    const char *title;        /* headline, or NULL */
    size_t title_len;
    uint32_t date;            /* YYYYMMDD, 0 unknown */
} dyad_input;

dyad_doc *dyad_doc_new(void);
void dyad_doc_free(dyad_doc *d);

/* Codes one document. date is YYYYMMDD (0: unknown; date-limited actor codes
 * then use their unrestricted code). Returns 0, or -1 with err set when the
 * input cannot be coded at all. */
int dyad_code(const dyad_engine *e, dyad_doc *doc, const char *text,
              size_t len, uint32_t date, const dyad_options *opts,
              dyad_result *out, dyad_error *err);

int dyad_code_input(const dyad_engine *e, dyad_doc *doc,
                    const dyad_input *in, const dyad_options *opts,
                    dyad_result *out, dyad_error *err);

/* CAMEO code table lookups (cameo.c). */
int dyad_cameo_lookup(const dyad_engine *e, const char *code, int *quad,
                      double *goldstein, const char **name);

/* Parses "2016-01-02", "20160102", "2016-01-02T10:00:00Z"; 0 if invalid. */
uint32_t dyad_parse_date(const char *s, size_t n);

#ifdef __cplusplus
}
#endif
#endif
