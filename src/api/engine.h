/* engine.h -- the handles behind include/dyad.h: engine, document, config.
 *
 * An engine is the loaded dictionaries, the tagger's lexicon, the
 * gazetteer, the CAMEO code table and the coding model's rules; it is
 * immutable once dyad_engine_new returns. A document handle is one thread's workspace: its
 * arena is reset at the start of each dyad_code call.
 */
#ifndef DYAD_ENGINE_H
#define DYAD_ENGINE_H

#include "dict/dict.h"
#include "dyad.h"
#include "geo/centroid.h"
#include "geo/gazetteer.h"
#include "text/lexicon.h"
#include "util/mem.h"

typedef struct cameo_entry {
    char code[8];        /* "0231" */
    uint64_t key;        /* code packed big-endian (cameo_key): compares
                            like strcmp, without a call per probe */
    int quad;            /* 1..4 */
    double goldstein;
    const char *name;
} cameo_entry;

/* What the coding model decides, as named switches the coder reads (rather
 * than asking which model it is in): dyad_model picks one of the two rule
 * sets below. */
typedef struct model_rules {
    dyad_model model;
    uint8_t clause_roles;    /* source = the clause's subject, passives,
                                negation, reported speech, frames (else
                                PETRARCH1's first actor before and after
                                the verb) */
    uint8_t comma_deletion;  /* delete short comma clauses before coding */
    uint8_t pronouns;        /* resolve pronouns and possessives to earlier
                                actors of the document */
    uint8_t actor_refine;    /* a later, more specific actor phrase in a
                                noun phrase wins ("North Korean leader Kim") */
    uint8_t agent_pruning;   /* drop agents that contradict an actor's own
                                role ("President X" while X is ELI) */
    uint8_t quoted_actors;   /* new_actor_length: unknown phrases coded by
                                their words */
    uint8_t verb_lemmas;     /* verb forms the dictionary does not list are
                                found through their lemma */
    uint8_t clause_breaks;   /* a verb's phrase also ends at ", where X did"
                                and "and X did" */
    uint8_t symmetric;       /* consulting, negotiating, signing and agreeing
                                are mutual: each gives the reverse event */
} model_rules;

extern const model_rules model_clause_rules, model_linear_rules;

struct dyad_engine {
    mem m;                 /* the caller's allocator; unwinds while loading */
    dict d;
    lexicon *lx;
    gaz *gaz;              /* places and their names (geo/gazetteer.h) */
    geo_centroids *centroids; /* countries' centres (geo/centroid.h) */
    const model_rules *rules;
    cameo_entry *cameo;    /* sorted by code */
    size_t ncameo;
    arena mem;             /* cameo names, file names */
    char *loading;         /* the file being read (freed if loading fails) */
    uint32_t w_by, w_of, w_in, w_from, w_said, w_to, w_us_dotted; /* frequent word ids */
    dyad_dict_stats stats;
};

struct tag_cache;

/* One thread's workspace. The arena is per document; the tagger's cache
 * (tagger.h) persists across documents, which is what makes it pay. */
struct dyad_doc {
    mem m;                 /* unwinds while coding */
    arena a;
    struct tag_cache *tc;  /* word analyses, reused by every dyad_code; NULL
                              when memory ran out for it */
    dyad_result res;       /* the last result */
    dyad_event *events;    /* its events (in a) */
};

/* One dictionary source of a configuration. */
typedef struct cfg_source {
    dyad_dict_kind kind;
    dyad_dict_format fmt;
    char *name;            /* path, or the label of a buffer */
    char *data;            /* buffer contents (NULL: read the file name) */
    size_t len;
} cfg_source;

struct dyad_config {
    mem m;
    cfg_source *v;
    size_t n, cap;
    int bundled;           /* fill kinds with no source from the bundled set */
    dyad_model model;
};

const cameo_entry *engine_cameo(const dyad_engine *e, const char *code);

/* Sets err (when not NULL) and returns s. */
dyad_status engine_error(dyad_error *err, dyad_status s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The format of a dictionary's text, for kind (dict/sniff: decided from
 * the content when fmt is AUTO). */
dyad_dict_format engine_sniff(dyad_dict_kind kind, dyad_dict_format fmt,
                              const char *text, size_t len);

#endif
