/* dict.h -- the loaded dictionaries, as the coder sees them.
 *
 * Readers (dict_*.c) turn the community formats described in
 * shared/spec/formats.md into these structures; the coder only reads them.
 * Every word of every phrase is interned in one vocabulary (vocab), so
 * matching compares integers. After loading, a dict is immutable and shared
 * by all threads.
 */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/ptrie.h"
#include "util/strmap.h"
#include "text/sentence.h"

/* ---- vocabulary --------------------------------------------------------- */

/* Upper-case word -> id (ids start at 1). */
typedef struct vocab {
    strmap map;
    const char **words;   /* id -> word */
    uint32_t n, cap;      /* words[0] is unused */
    const mem *m;
} vocab;

/* m may be NULL (libc). */
void vocab_init(vocab *v, const mem *m);
void vocab_free(vocab *v);
uint32_t vocab_intern(vocab *v, const char *w, size_t n); /* upper-cases */
uint32_t vocab_find(const vocab *v, const char *w, size_t n); /* 0: absent; w must be upper case */
/* Same with the key's strmap_hash already known (tokens carry it). */
uint32_t vocab_find_hashed(const vocab *v, const char *w, size_t n,
                           uint32_t h);
static inline const char *vocab_word(const vocab *v, uint32_t id) {
    return id && id < v->n ? v->words[id] : "";
}

/* ---- actors ------------------------------------------------------------- */

/* One (code, date restriction) pair of an actor record.
 * Dates are YYYYMMDD integers; bounds are inclusive. */
typedef struct actor_code {
    const char *code;     /* "VALGOV", "ELR/GAL" (compound), "---" (null) */
    uint32_t from, to;    /* unrestricted: from = 0, to = 99999999 */
    uint8_t restricted;   /* 1 if this pair carried a date restriction */
} actor_code;

typedef struct actor_entry {
    uint32_t first, n;    /* range in dict.actor_codes */
    uint32_t line;        /* line of the record's primary phrase */
    uint16_t file;        /* index into dict.files */
    uint32_t phrase;      /* primary phrase, words joined by spaces, for
                             explain: offset into dict.strings (dict_str) */
} actor_entry;

/* ---- agents ------------------------------------------------------------- */

typedef struct agent_entry {
    const char *code;     /* as written: "~GOV", "~GOVFRM", "NGO~" */
    uint8_t prefix;       /* 1 for "XYZ~" agents (placed before the actor) */
    uint32_t line;
    uint16_t file;
} agent_entry;

/* ---- verbs and patterns ------------------------------------------------- */

/* Pattern elements. Both verb formats are compiled into this one linear form:
 * the "upper" part is matched leftwards from the verb, the "lower" part
 * rightwards. */
typedef enum pel_kind {
    PE_WORD,    /* literal word (arg = word id); matches any token, including
                   one inside a noun phrase */
    PE_SYN,     /* synset (arg = synset index): any of its member phrases */
    PE_NOUN,    /* PETRARCH2 noun: head of a noun phrase (arg = word id);
                   mods/nmods: modifier word ids that must occur in that NP */
    PE_PREP,    /* PETRARCH2 "(PREP ...)": a preposition (arg = word id)
                   whose object phrase is matched by the following elements
                   up to the matching PE_PREP_END */
    PE_PREP_END,
    PE_SOURCE,  /* $ : the noun phrase here is the source */
    PE_TARGET,  /* + : the noun phrase here is the target */
    PE_COMPOUND,/* % : a compound phrase here is both source and target */
    PE_SKIP,    /* ^ : skip one noun phrase */
    PE_TWORD    /* TABARI literal (arg = word id, nmods = TW_* flags of
                   dict/tabari.h): may match by prefix (stem) */
} pel_kind;

typedef struct pat_elem {
    uint8_t kind;         /* enum pel_kind */
    uint8_t adjacent;     /* 1: must touch the previous element (or the verb
                             for the first one): TABARI/PETRARCH1 '_' */
    uint16_t nmods;       /* PE_NOUN modifiers */
    uint32_t arg;         /* word id or synset index */
    uint32_t mods;        /* PE_NOUN (and PE_SYN heads of a braced
                             phrase): index of the first modifier in
                             dict.pat_words; a modifier with PAT_MOD_SYN set
                             is a synset index ("{&MILITARY AID}") */
} pat_elem;

/* Meaning of pat_elem.adjacent, precisely: element i of a part must be
 * immediately next to element i-1 of the same part (the one nearer the
 * verb), or, for i = 0, immediately next to the verb. Only linear
 * (PAT_LINEAR) patterns set it; PETRARCH2 elements always have 0.
 * A PETRARCH2 "(PREP ...)" group is one unit: in the upper part units are
 * stored nearest the verb first, but the elements inside a group keep their
 * reading order PE_PREP, contents..., PE_PREP_END. */

/* A pattern modifier id with this bit set names a synset (low bits = synset
 * index) instead of a word: any member phrase of it must occur in the NP. */
#define PAT_MOD_SYN 0x80000000u

enum { PAT_LINEAR = 1 << 0,   /* PETRARCH1/TABARI semantics (validation) */
       PAT_PASSIVE_ONLY = 1 << 1, /* code written [:B] */
       PAT_SUB = 1 << 2,      /* TABARI "[C?]": subordinate */
       PAT_DOM = 1 << 3       /* TABARI "[C!]": dominant */ };

typedef struct pattern {
    uint32_t upper, nupper;  /* elements in dict.pat_elems; upper elements are
                                stored nearest-the-verb first */
    uint32_t lower, nlower;  /* lower elements, in reading order */
    char code[8];            /* CAMEO code or "---"; "" for [:B] patterns */
    char rcode[8];           /* reciprocal/passive code of [A:B], else "" */
    uint32_t line;
    uint16_t file;
    uint8_t flags;           /* PAT_* */
    /* Prefilter, set by dict_finish: word ids that every match needs as a
     * token's wid or lwid (literal words, prepositions, head nouns and their
     * modifiers; never synsets). 0 = none. A sentence lacking one of them
     * cannot match, and match_pattern returns at once (coder_match.c). */
    uint32_t anchor[2];
} pattern;

typedef struct verb_block {
    const char *meaning;     /* header field 2: "REBUKE" */
    char code[8];            /* header code: "111", "---"; for "[A:B]"
                                the A part ("" for "[:B]") */
    char rcode[8];           /* B of a header "[A:B]", else "" */
    uint32_t first, n;       /* patterns of the block in dict.patterns, in
                                the order they must be tried */
    uint32_t line;
    uint16_t file;
} verb_block;

/* One inflected form of one verb (all forms of a verb get an entry).
 * Multi-word verbs carry pre-words ("WIRE" of WIRE_+TAP) and particles
 * ("OFF" of +CORDON_OFF). */
typedef struct verb_form {
    uint32_t word;           /* word id of the form: "BROKE" */
    uint32_t lemma;          /* word id of the primary form: "BREAK" */
    uint32_t block;          /* index in dict.blocks */
    char code[8];            /* the verb's own code, or the block's; for
                                "[A:B]" the A part ("" for "[:B]") */
    char rcode[8];           /* B of "[A:B]" (reciprocal/passive), else "" */
    uint32_t pre, npre;      /* word ids in dict.pat_words, left to right */
    uint32_t part, npart;    /* particles, in dict.pat_words */
    uint32_t line;
    uint16_t file;
} verb_form;

/* ---- synsets ------------------------------------------------------------ */

typedef struct synset {
    const char *name;        /* "&CURRENCY" */
    uint32_t first, n;       /* member phrases in dict.syn_phrases */
} synset;

/* A phrase = run of word ids in dict.pat_words. */
typedef struct word_run {
    uint32_t first, n;
    uint8_t no_plural;       /* written with a trailing _ */
} word_run;

/* Size of dict.discard_fbits in bits: one per value of a hash's top 16;
 * dict.discard_p2bits has as many, one per pair of bytes. */
#define DISCARD_FBITS 65536u

/* ---- discards and issues ------------------------------------------------ */

typedef struct discard_entry {
    uint32_t first, n;       /* words in dict.pat_words; the last word may
                                match as a prefix unless exact is set */
    uint8_t story;           /* '+' : discards the whole story */
    uint8_t exact;           /* trailing '_': last word must match whole */
    const char *last;        /* last word as text, for prefix matching */
    uint32_t line;
    uint16_t file;
} discard_entry;

typedef struct issue_entry {
    const char *code;        /* "WATER_SUPPLY"; NULL for ignore phrases */
    uint8_t ignore;          /* 1: '~' sentence ignore, 2: '~~' story */
} issue_entry;

/* ---- word classes (dyad's own format, classes.c) --------------------------- */

/* (the classes, enum word_class, are in text/sentence.h: tokens carry
 * theirs) */

const char *dict_class_name(word_class k);

/* ---- nominal events (dyad's own format) ---------------------------------- */

/* An event named by a noun: "an attack on X", "talks with X", "sanctions
 * against X". Line format: PHRASE [CODE] PREP... (dict_nominals.c). */
typedef struct nominal_entry {
    uint32_t first, n;       /* the noun phrase's words in pat_words; the
                                last is the head, matched by form or lemma */
    char code[8];            /* CAMEO code */
    char rcode[8];           /* reciprocal code of [A:B], or "" */
    uint32_t preps[4];       /* prepositions introducing the target */
    uint8_t npreps;
    uint32_t line;
    uint16_t file;
} nominal_entry;

/* ---- transformations (PETRARCH2 '~' lines) ------------------------------ */
typedef struct transform {
    const char *text;        /* kept verbatim; applied by the coder */
    uint32_t line;
} transform;

/* ---- the whole set ------------------------------------------------------ */

typedef struct dict {
    const mem *m;            /* every allocation of the set */
    arena mem;               /* strings and arrays not listed below */
    arena scratch;           /* the readers' scratch, freed by dict_finish */
    vocab voc;

    const char **files;      /* file names, for file:line messages */
    uint16_t nfiles;

    ptrie actors;            /* phrase -> actor index + 1 */
    actor_entry *actor_entries; uint32_t nactor_entries, cap_actor_entries;
    actor_code *actor_codes;  uint32_t nactor_codes, cap_actor_codes;
    uint32_t nactor_phrases;

    ptrie agents;            /* phrase -> agent index + 1 */
    agent_entry *agent_entries; uint32_t nagent_entries, cap_agent_entries;
    uint32_t nagent_phrases;

    /* verbs: word id -> first form index + 1 in verb_index; forms of the
     * same word are consecutive there, multi-word forms first */
    strmap verb_by_word;     /* key: word text; value: index+1 in form_lists */
    verb_form *forms; uint32_t nforms, cap_forms;
    verb_block *blocks; uint32_t nblocks, cap_blocks;
    pattern *patterns; uint32_t npatterns, cap_patterns;
    pat_elem *pat_elems; uint32_t npat_elems, cap_pat_elems;
    uint32_t *pat_words; uint32_t npat_words, cap_pat_words;
    synset *synsets; uint32_t nsynsets, cap_synsets;
    word_run *syn_phrases; uint32_t nsyn_phrases, cap_syn_phrases;
    transform *transforms; uint32_t ntransforms, cap_transforms;
    /* form_lists[i] = list of form indices for one word, built after load:
     * flat array with runs; verb_by_word maps a word to (run start + 1) and
     * the run ends at a UINT32_MAX sentinel */
    uint32_t *form_lists; uint32_t nform_lists;

    discard_entry *discards; uint32_t ndiscards, cap_discards;

    nominal_entry *nominals; uint32_t nnominals, cap_nominals;
    /* Built by dict_finish (heap): bit w set when word id w is the head
     * (last word) of some nominal entry, so that the coder tries the list
     * only for the few noun phrases whose head could name an event. Covers
     * ids below nominal_nheads. */
    uint64_t *nominal_heads;
    uint32_t nominal_nheads;
    uint32_t *cls;           /* word id -> bit set of word_class */
    uint32_t ncls;
    /* Discard index, built by dict_finish, so that a sentence costs a few
     * hash probes per word instead of a scan of every entry:
     * discard_first maps the first word of each entry that must match whole
     * (all multi-word entries, and one-word entries written with '_') to
     * its first entry index + 1; discard_prefix maps the word of each
     * one-word prefix entry the same way. Entries sharing a key are chained
     * through discard_next (entry index + 1, 0 ends), in ascending order.
     * discard_plen has bit L-1 set when some prefix entry is L bytes long
     * (L <= 63); bit 63 stands for every longer length. The index covers
     * the first discard_nindexed entries; when discards were loaded after
     * dict_finish, dict_discard_match falls back to scanning the list. */
    strmap discard_first, discard_prefix;
    uint32_t *discard_next;
    uint64_t discard_plen;
    uint32_t discard_nindexed;
    /* Also built by dict_finish: discard_plen_max is the longest prefix
     * entry's length in bytes (prefixes of a word are hashed no further);
     * discard_fbits (DISCARD_FBITS bits, heap) has bit (h >> 16) set for
     * the hash h of every discard_first key, so that the many words that
     * start no entry cost a bit test instead of a hash probe. */
    uint32_t discard_plen_max;
    uint64_t *discard_fbits;
    /* discard_p2bits (65536 bits, heap): bit (c0 << 8 | c1) is set when a
     * prefix entry's word starts with bytes c0 c1, and for every c1 when
     * one is the single byte c0; a word whose first two bytes (c1 = 0 for a
     * one-byte word) have no bit can start no prefix entry, which spares it
     * the per-length probes of discard_prefix. */
    uint64_t *discard_p2bits;
    /* Signature of the vocabulary as dict_finish saw it (a 64-bit hash of
     * its words in id order; never 0) and its size then. Two dicts with
     * equal signatures map every word to the same id, so per-thread caches
     * of ids (tagger.h tag_cache_ids) key on it instead of on an engine
     * pointer, which a later engine may reuse. Valid while voc.n ==
     * vocab_sig_n (a load after dict_finish adds words). */
    uint64_t vocab_sig;
    uint32_t vocab_sig_n;
    /* Synset prefilter, built by dict_finish (arena mem): for synset i,
     * syn_masks[8i..8i+4) is a 256-bit set of the first words of its
     * member phrases and syn_masks[8i+4..8i+8) of their last words (bit
     * wordset_syn_bit(w), wordset.h); all ones when a member is empty.
     * The matcher looks at these before trying the members one by one.
     * Synsets from nsyn_masks on have none. */
    uint64_t *syn_masks;
    uint32_t nsyn_masks;

    ptrie issues;            /* phrase -> issue index + 1 */
    issue_entry *issue_entries; uint32_t nissue_entries, cap_issue_entries;
    uint32_t nissue_phrases;

    /* NUL-separated strings (actor primary phrases); offset 0 is "" */
    char *strings; uint32_t nstrings, cap_strings;

    /* Non-fatal problems met while loading (a code closed with '}', a
     * synset used before its definition, a 7-digit date, ...): counted,
     * and the last message kept as "file:line: reason". */
    uint32_t nwarnings;
    char warning[256];
    uint32_t nskipped_patterns; /* linear patterns with '{' (unsupported) */
    struct tab_dict *tab;    /* TABARI roots and index (dict/tabari.h), or
                                NULL when no TABARI file was loaded */
} dict;

static inline const char *dict_str(const dict *d, uint32_t off) {
    return d->strings && off < d->nstrings ? d->strings + off : "";
}

/* Options for reading the verb file. */
typedef enum verb_format {
    VF_AUTO = 0,     /* sniff: PETR.Validate-style files start with <!-- */
    VF_PETRARCH2,    /* CAMEO.2.0.txt */
    VF_LINEAR        /* PETR.Validate.verbs.txt (PETRARCH1 linear patterns) */
} verb_format;

/* m may be NULL (libc). */
void dict_init(dict *d, const mem *m);
void dict_free(dict *d);

/* Each loader appends to d. On error returns -1 and writes
 * "file:line: reason" into err (errlen bytes). `name` is the file name used
 * in messages; `text` is the whole file content. */
int dict_load_actors(dict *d, const char *name, const char *text, size_t len,
                     char *err, size_t errlen);
int dict_load_agents(dict *d, const char *name, const char *text, size_t len,
                     char *err, size_t errlen);
int dict_load_verbs(dict *d, const char *name, const char *text, size_t len,
                    verb_format fmt, char *err, size_t errlen);
int dict_load_discards(dict *d, const char *name, const char *text,
                       size_t len, char *err, size_t errlen);
int dict_load_issues(dict *d, const char *name, const char *text, size_t len,
                     char *err, size_t errlen);
int dict_load_nominals(dict *d, const char *name, const char *text,
                       size_t len, char *err, size_t errlen);
int dict_load_classes(dict *d, const char *name, const char *text, size_t len,
                      char *err, size_t errlen);

/* Is word id w (a form or a lemma) in class k? */
static inline int dict_in_class(const dict *d, uint32_t w, word_class k) {
    return w && w < d->ncls && (d->cls[w] >> k & 1u);
}
/* Builds lookup indexes (verb form lists) once every file is loaded. */
void dict_finish(dict *d);
/* Could word id w be the head of a nominal entry? (1 when unsure.) */
int dict_nominal_head(const dict *d, uint32_t w);

/* ---- lookups used by the coder ------------------------------------------ */

/* The forms stored for an upper-case word: returns the count and sets *ids
 * to a run of indices into d->forms (multi-word forms first). */
uint32_t dict_verb_forms(const dict *d, const char *word, size_t n,
                         const uint32_t **ids);

/* Resolves an actor entry for a date (YYYYMMDD): restrictions in file order,
 * first match wins, both ends inclusive; else the last unrestricted code;
 * else NULL. "---" is returned as is (the coder treats it as no actor). */
const char *dict_actor_code(const dict *d, uint32_t actor_index,
                            uint32_t date);

/* Discards: given the upper-case tokens of a text, returns 2 for a story
 * discard, 1 for a sentence discard, 0 for none; *which gets the entry. */
int dict_discard_match(const dict *d, const char *const *words, size_t n,
                       uint32_t *which);
/* The same, given each word's length and strmap_hash (which the tokenizer
 * has already computed); the answer is dict_discard_match's. */
int dict_discard_match_hashed(const dict *d, const char *const *words,
                              const uint32_t *lens, const uint32_t *hashes,
                              size_t n, uint32_t *which);

/* Issues for a sentence's upper-case tokens: appends "CODE,count" pairs
 * joined by ';' to out (cap bytes, NUL-terminated); returns the count of
 * distinct issues (0 if an ignore phrase fired). */
int dict_issues_text(const dict *d, const uint32_t *wids, size_t n, char *out,
                     size_t cap, uint32_t *dropped);

#endif
