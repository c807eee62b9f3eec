/* engine.h -- the engine and document handles behind include/dyad.h.
 *
 * An engine is the loaded dictionaries, the tagger's lexicon and the CAMEO
 * code table; it is immutable once dyad_engine_load returns. A document
 * handle is one thread's workspace: its arena is reset at the start of each
 * dyad_code call.
 */
#ifndef DYAD_ENGINE_H
#define DYAD_ENGINE_H

#include "dict/dict.h"
#include "dyad.h"
#include "text/lexicon.h"

typedef struct cameo_entry {
    char code[8];        /* "0231" */
    uint64_t key;        /* code packed big-endian (cameo_key): compares
                            like strcmp, without a call per probe */
    int quad;            /* 1..4 */
    double goldstein;
    const char *name;
} cameo_entry;

struct dyad_engine {
    dict d;
    lexicon *lx;
    int linear;            /* verb file uses PETRARCH1 linear patterns */
    cameo_entry *cameo;    /* sorted by code */
    size_t ncameo;
    arena mem;             /* cameo names, file names */
    uint32_t w_by, w_of, w_in, w_from, w_said, w_to, w_us_dotted; /* frequent word ids */
    dyad_dict_stats stats;
};

struct tag_cache;

/* One thread's workspace. The arena is per document; the tagger's cache
 * (tagger.h) persists across documents, which is what makes it pay. */
struct dyad_doc {
    arena a;
    struct tag_cache *tc;  /* word analyses, reused by every dyad_code */
};

const cameo_entry *engine_cameo(const dyad_engine *e, const char *code);

#endif
