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

extern const model_rules model_clause_rules, model_linear_rules,
    model_tabari_rules;

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
    struct tab_opts *tab_opts; /* TABARI .options settings (engine_tabari.c),
                                  NULL when none was loaded */
    dyad_dict_stats stats;
};

struct tag_cache;

/* One thread's workspace. The arena is per document; the tagger's cache
 * (tagger.h) persists across documents, which is what makes it pay. */
struct dyad_doc {
    mem m;                 /* unwinds while coding */
    arena a;               /* what outlives a sentence: the events and
                              their strings, the document's memory of its
                              actors, the trace */
    arena wa;              /* a part of a long document (dyad_code_parts):
                              what arena a holds for a whole document but
                              the normalised text and its sentences */
    arena sa;              /* one sentence's tokens, chunks and units, reset
                              for the next: memory stays bounded however
                              long the document */
    struct tag_cache *tc;  /* word analyses, reused by every dyad_code; NULL
                              when memory ran out for it */
    dyad_result res;       /* the last result */
    dyad_event *events;    /* its events (evbuf) */
    dyad_event *evbuf;     /* the event array, kept from document to
                              document (mem_realloc) */
    uint32_t evcap;
    int borrow_input;      /* doc_borrow_input */
    int span_sentences;    /* doc_span_sentences */
};

/* The caller promises that every input it codes with d has a NUL at
 * text[text_len] (and title[title_len]) and outlives the result: then a
 * text that normalising leaves as it is becomes the result's text itself
 * rather than a copy (the dyad command's records are such). */
void doc_borrow_input(dyad_doc *d, int on);

/* The caller writes events only through io/writer.h, from the result: then
 * when the body's normalised offsets are its input offsets (no byte
 * changed length) its events get no copy of their sentence, sentence_text
 * NULL, and the writers take the sentence from dyad_result.text by its
 * span (writer_sentence_text). A long document's sentences with events are
 * most of it: one copy fewer (the dyad command without --db, where events
 * are written before the next document is coded). */
void doc_span_sentences(dyad_doc *d, int on);

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

/* engine_tabari.c: loads a TABARI-format source into e (0, or -1 with
 * "file:line: reason" in msg). */
int engine_load_tabari(dyad_engine *e, dyad_dict_kind kind, const char *name,
                       const char *text, size_t len, char *msg,
                       size_t msglen);
/* config_tabari.c: when path is a TABARI .project file or a folder of
 * TABARI files, adds its dictionaries to c, sets *st and returns 1. */
int config_tabari_dir(dyad_config *c, const char *path, dyad_error *err,
                      dyad_status *st);

/* Sets err (when not NULL) and returns s. */
dyad_status engine_error(dyad_error *err, dyad_status s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The format of a dictionary's text, for kind (dict/sniff: decided from
 * the content when fmt is AUTO). */
dyad_dict_format engine_sniff(dyad_dict_kind kind, dyad_dict_format fmt,
                              const char *text, size_t len);

#endif
