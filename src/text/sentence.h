/* sentence.h -- the analysed sentence: tokens, tags, chunks and clauses.
 *
 * This is the data every stage after splitting shares:
 *   tokenize.c  fills tok.off/len/norm/flags
 *   tagger.c    fills tok.tag and tok.lemma
 *   chunker.c   builds chunks (NP, VG, PP, ...) and clauses over the tokens
 *   coder.c     reads all of it and writes events
 * All arrays live in the document arena; indices, not pointers, link them so
 * the structures can be copied and printed (dyad explain) without fix-ups.
 */
#ifndef DYAD_SENTENCE_H
#define DYAD_SENTENCE_H

#include <stdint.h>
#include <string.h>

/* Penn Treebank tags, the vocabulary the dictionaries' authors think in. */
typedef enum tag {
    T_NONE = 0,
    T_NN, T_NNS, T_NNP, T_NNPS,              /* nouns */
    T_VB, T_VBD, T_VBG, T_VBN, T_VBP, T_VBZ, /* verbs */
    T_MD,                                    /* modal */
    T_JJ, T_JJR, T_JJS,                      /* adjectives */
    T_RB, T_RBR, T_RBS,                      /* adverbs */
    T_DT, T_PDT, T_IN, T_TO, T_CC, T_CD,
    T_PRP, T_PRPS,                           /* pronoun, possessive pronoun */
    T_POS,                                   /* possessive 's */
    T_WDT, T_WP, T_WPS, T_WRB, T_EX, T_RP, T_UH, T_FW, T_SYM,
    T_COMMA,                                 /* , */
    T_PERIOD,                                /* . ! ? (sentence final) */
    T_COLON,                                 /* : ; -- ... */
    T_LQUOTE, T_RQUOTE,                      /* quotes ("" after normalising) */
    T_LRB, T_RRB,                            /* ( ) [ ] */
    T_DOLLAR,                                /* $ and other currency signs */
    T_NTAGS
} tag;

const char *tag_name(tag t); /* "NN", "VBD", ",", ... */

static inline int tag_is_noun(int t) { return t >= T_NN && t <= T_NNPS; }
static inline int tag_is_verb(int t) { return t >= T_VB && t <= T_VBZ; }
static inline int tag_is_adj(int t) { return t >= T_JJ && t <= T_JJS; }
static inline int tag_is_adv(int t) { return t >= T_RB && t <= T_RBS; }

/* Word classes: lists the coder's rules read, loaded from the dictionaries'
 * dyad.rules.txt (dict/classes.c); each token carries the classes of its
 * form and lemma (tok.wcls). */
typedef enum word_class {
    WC_REPORTING,      /* verbs whose complement is a reported clause */
    WC_PERSON,         /* nouns naming a person: minister, spokesman */
    WC_INTENT_ADJ,     /* "is ready to meet": ready, willing */
    WC_ARMED_GROUP,    /* nouns describing an armed group: group, militant */
    WC_STATE,          /* nouns describing a state: country, nation */
    WC_GOVERNMENT,     /* nouns describing a government: ministry, regime */
    WC_ORGANISATION,   /* nouns describing an organisation: bloc, agency */
    WC_PAIR,           /* "the two sides", "both countries": side, party */
    WC_FORCES,         /* armed forces: army, troops, soldiers */
    WC_POLICE,         /* police, security forces */
    WC_PEOPLE,         /* civilians, residents, protesters, refugees */
    WC_RELATIONAL,     /* "Sudan's neighbours", "Iran's allies": others */
    WC_ALLEGATION,     /* "accusations that ...": what they say is not
                          asserted */
    WC_CESSATION,      /* "an end to air strikes": asks for their end */
    WC_ACT_NOUN,       /* "rejected the announcement": someone's act */
    WC_KILLING,        /* kill, murder: victims with no armed role are
                          civilians (180, not 190) */
    WC_CENSURE,        /* "illegal", "a big mistake", "blackmail": words
                          whose use about an actor is disapproval (111) */
    WC_CONTROL,        /* "urged Iran to release": verbs whose object does
                          the infinitive's act */
    WC_NAME_HEAD,      /* "the Vienna Convention", "the Minsk Group": a
                          place's name inside another name */
    WC_SEIZING,        /* seize, take, capture: taking people is abduction
                          (181) or arrest (173) */
    WC_FAMILY_FIRST,   /* Kim, Xi, Yoon: a family name written first, which
                          names the person on second mention */
    WC_THING,          /* ties, aid, exercises: an agent word before them
                          ("military ties") names no actor */
    WC_DISPATCH,       /* send, deploy, use: "sent a plane to evacuate the
                          wounded" -- the infinitive is the subject's act */
    WC_SIGNING,        /* sign, ink: "the protocol signed ... between X and
                          Y" is their agreement */
    WC_DOCUMENT,       /* decree, law: "the decree signed by X imposes" is
                          X's act */
    WC_OFFERING,       /* offer, pledge: what a list offers goes to others */
    WC_COUNT
} word_class;

/* tok.flags */
enum {
    TOKF_CAP = 1 << 0,       /* first letter upper case in the text */
    TOKF_ALLCAPS = 1 << 1,   /* every letter upper case, 2+ letters */
    TOKF_NUMBER = 1 << 2,    /* digits, decimals, 1,000, 12.5%, 1990s */
    TOKF_PUNCT = 1 << 3,     /* punctuation token */
    TOKF_HYPHEN = 1 << 4,    /* contains an inner hyphen: "war-torn" */
    TOKF_SENT_START = 1 << 5,/* first word of the sentence */
    TOKF_ABBREV = 1 << 6,    /* ends in a period that is part of it: "U.S." */
    TOKF_CURRENCY = 1 << 7,  /* currency sign or amount: "$", "$7", "EUR" */
};

/* One token. Byte offsets point into sentence.text. */
typedef struct tok {
    uint32_t off, len;   /* span of the token in the sentence text */
    const char *norm;    /* upper-case form used for every dictionary lookup,
                            NUL-terminated ("U.S.", "'S", "N'T", "WAR-TORN") */
    const char *lemma;   /* upper-case lemma: verbs' base form ("SAID"->"SAY"),
                            nouns' singular; equals norm when unknown */
    uint32_t wid;        /* vocabulary id of norm in the engine (0: unknown) */
    uint32_t lwid;       /* vocabulary id of lemma (0: unknown) */
    uint16_t nlen;       /* strlen(norm) */
    uint8_t tag;         /* enum tag */
    uint8_t flags;       /* TOKF_* */
    uint32_t wcls;       /* bit set of word_class, of the form and lemma */
    int32_t chunk;       /* index of the chunk holding this token, -1 none */
    uint32_t hash;       /* strmap_hash(norm, nlen), set by the tokenizer so
                            that the lookups of a token hash it once; 0 in a
                            token built elsewhere: see tok_hash() */
} tok;

/* Is token t the upper-case word w (a string literal)? Compares the length
 * first, so the hot loops that look for "between" or "including" at every
 * token reject nearly all tokens without touching their bytes. */
#define tok_norm_is(t, w)                                                     \
    ((t)->nlen == sizeof(w) - 1 && memcmp((t)->norm, (w), sizeof(w) - 1) == 0)

static inline int tok_in_class(const tok *t, int k) {
    return (t->wcls >> k) & 1u;
}

/* A day or month name: "On Friday, X said" is a time, never a list member,
 * a name or an actor. */
static inline int tok_is_calendar(const tok *t) {
    /* by length, fixed-size compares: the chunker and the context ask at
     * every token (a loop of strlen over the 19 names was 2% of coding) */
#define CAL_(w) tok_norm_is(t, w)
    switch (t->nlen) {
    case 3: return CAL_("MAY");
    case 4: return CAL_("JUNE") || CAL_("JULY");
    case 5: return CAL_("MARCH") || CAL_("APRIL");
    case 6: return CAL_("MONDAY") || CAL_("FRIDAY") || CAL_("SUNDAY") ||
                   CAL_("AUGUST");
    case 7: return CAL_("TUESDAY") || CAL_("JANUARY") || CAL_("OCTOBER");
    case 8: return CAL_("THURSDAY") || CAL_("SATURDAY") || CAL_("FEBRUARY") ||
                   CAL_("NOVEMBER") || CAL_("DECEMBER");
    case 9: return CAL_("WEDNESDAY") || CAL_("SEPTEMBER");
    default: return 0;
    }
#undef CAL_
}

/* Chunk kinds: flat, non-recursive phrases. */
typedef enum chunk_kind {
    CK_NP,      /* noun phrase: "the Valdorian defence minister", "it" */
    CK_VG,      /* verb group: "has not been invited", "will meet", "to help" */
    CK_PP,      /* the preposition itself; its object is the next NP chunk */
    CK_ADVP,    /* adverbs outside a verb group: "on Thursday" is PP+NP */
    CK_ADJP,    /* predicative adjectives: "is ready" */
    CK_SBAR,    /* subordinator / complementiser: "that", "because", "who" */
    CK_CONJ,    /* coordinating conjunction between chunks: "and", "or" */
    CK_PUNCT,   /* , ; : quotes brackets */
    CK_OTHER
} chunk_kind;

/* chunk.vflags for CK_VG */
enum {
    VG_PASSIVE = 1 << 0,     /* be/get + past participle: "was invaded" */
    VG_NEG = 1 << 1,         /* not, n't, never inside the group */
    VG_MODAL = 1 << 2,       /* will, would, can, may, should, must ... */
    VG_PERFECT = 1 << 3,     /* has/had + participle */
    VG_PROGRESSIVE = 1 << 4, /* be + gerund */
    VG_INFINITIVE = 1 << 5,  /* starts with "to" */
    VG_PARTICIPLE = 1 << 6,  /* bare participle or gerund heading a reduced
                                clause: "Rebuked by X, Y ...", "troops
                                killed in ..." */
    VG_COPULA = 1 << 7,      /* main verb is a form of be */
};

typedef struct chunk {
    uint8_t kind;        /* enum chunk_kind */
    uint8_t vflags;      /* VG_* for verb groups */
    uint16_t clause;     /* index into sentence.clauses */
    uint32_t first;      /* first token */
    uint32_t end;        /* one past the last token */
    uint32_t head;       /* head token: NP's last noun, VG's main verb,
                            PP's preposition */
    int32_t particle;    /* VG: token of a verb particle ("off", "down"), -1 */
    int32_t coord;       /* NP: index of the first NP of the coordination it
                            belongs to ("A, B and C" -> all point at A), or -1 */
    int32_t pp_obj;      /* PP: index of its object NP chunk, or -1 */
} chunk;

typedef enum clause_kind {
    CL_MAIN,          /* the sentence's main clause */
    CL_COMPLEMENT,    /* "that"-clause or bare complement of a reporting or
                         cognition verb: "X said (that) Y attacked Z" */
    CL_RELATIVE,      /* "who/which/that" clause modifying an NP */
    CL_PARENTHETICAL, /* comma-delimited: ", the state's fiercest foe," */
    CL_COORD,         /* second and later conjuncts: "X met Y and Z left" */
    CL_ADVERBIAL,     /* "after crowds trashed its embassy", "when ..." */
    CL_INFINITIVE,    /* "to restore ties with Y" (subject from its parent) */
    CL_REPORTING,     /* trailing attribution: ", a senior official said" */
    CL_PARTICIPIAL    /* "Rebuked by X, ...", "..., killing ten" */
} clause_kind;

typedef struct clause {
    uint8_t kind;        /* enum clause_kind */
    int16_t parent;      /* enclosing clause, -1 for the main clause */
    uint32_t first;      /* first chunk */
    uint32_t end;        /* one past the last chunk */
    int32_t subject;     /* NP chunk acting as subject, -1 when none/implicit */
    int32_t verb;        /* VG chunk of the clause's predicate, -1 none */
} clause;

typedef struct sentence {
    const char *text;    /* normalised sentence text (NUL-terminated) */
    uint32_t len;
    uint32_t doc_off;    /* byte offset of text in the normalised document */
    uint32_t index;      /* 0-based index in the document */
    int title;           /* the document's title (headline) */
    tok *toks;
    uint32_t ntok;
    chunk *chunks;
    uint32_t nchunk;
    clause *clauses;
    uint32_t nclause;
    const struct wordset *words; /* wids and lwids present (wordset.h), for
                                    the pattern prefilter; NULL: none built */
    uint32_t limits;     /* fixed limits the analysis ran into (a list of
                            more than 64 coordinated phrases) */
} sentence;

/* Is NP chunk ch a time ("this week", "Monday", "last month"): its last
 * word a unit of time or a day's name? */
static inline int chunk_is_time(const sentence *s, const chunk *ch) {
    static const char *const w[] = {
        "WEEK", "DAY", "MONTH", "YEAR", "MORNING", "AFTERNOON", "EVENING",
        "NIGHT", "WEEKEND", "TODAY", "YESTERDAY", "TONIGHT", "TIME", "HOUR", "MONDAY",
        "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY",
        NULL};
    if (ch->end <= ch->first) return 0;
    const tok *h = &s->toks[ch->end - 1];
    const char *l = h->lemma ? h->lemma : h->norm;
    for (const char *const *p = w; *p; p++)
        if (!strcmp(l, *p)) return 1;
    return 0;
}

#endif
