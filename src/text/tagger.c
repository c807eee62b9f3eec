/* tagger.c -- lexicon + rules part-of-speech tagger; see tagger.h.
 *
 * Two passes over the sentence:
 *   1. tag_analyse(): each token's candidate tag set, from the lexicon, its
 *      shape (punctuation, digits, capitals, hyphens) and, for unknown
 *      words, its suffix. Lemmas for each reading come along.
 *   2. tag_choose(): left to right, context rules pick one candidate using
 *      the tags already chosen on the left and the candidates on the right.
 * Both passes are linear; the rules look at most three tokens around.
 * Pass 1 depends only on the token (spelling and flags) and two
 * sentence-level bits, so tag_sentence_cached() memoises it per thread in a
 * tag_cache kept in the dyad_doc: in news text most tokens are repeats, and
 * a hit replaces several lexicon probes (the word, then every inflection
 * guess) with one probe of a small table.
 */
#include "text/tagger.h"

#include <stdlib.h>
#include <string.h>

#include "util/strmap.h"

/* Printable Penn names of enum tag (sentence.h). */
const char *tag_name(tag t) {
    static const char *const NAMES[T_NTAGS] = {
        [T_NONE] = "NONE", [T_NN] = "NN", [T_NNS] = "NNS", [T_NNP] = "NNP",
        [T_NNPS] = "NNPS", [T_VB] = "VB", [T_VBD] = "VBD", [T_VBG] = "VBG",
        [T_VBN] = "VBN", [T_VBP] = "VBP", [T_VBZ] = "VBZ", [T_MD] = "MD",
        [T_JJ] = "JJ", [T_JJR] = "JJR", [T_JJS] = "JJS", [T_RB] = "RB",
        [T_RBR] = "RBR", [T_RBS] = "RBS", [T_DT] = "DT", [T_PDT] = "PDT",
        [T_IN] = "IN", [T_TO] = "TO", [T_CC] = "CC", [T_CD] = "CD",
        [T_PRP] = "PRP", [T_PRPS] = "PRP$", [T_POS] = "POS", [T_WDT] = "WDT",
        [T_WP] = "WP", [T_WPS] = "WP$", [T_WRB] = "WRB", [T_EX] = "EX",
        [T_RP] = "RP", [T_UH] = "UH", [T_FW] = "FW", [T_SYM] = "SYM",
        [T_COMMA] = ",", [T_PERIOD] = ".", [T_COLON] = ":",
        [T_LQUOTE] = "``", [T_RQUOTE] = "''", [T_LRB] = "-LRB-",
        [T_RRB] = "-RRB-", [T_DOLLAR] = "$",
    };
    if ((unsigned)t >= T_NTAGS || !NAMES[t]) return "?";
    return NAMES[t];
}

#define B(t) ((uint64_t)1 << (t))
#define NOUNS (B(T_NN) | B(T_NNS) | B(T_NNP) | B(T_NNPS))
#define VERBS (B(T_VB) | B(T_VBD) | B(T_VBG) | B(T_VBN) | B(T_VBP) | B(T_VBZ))
#define ADJS (B(T_JJ) | B(T_JJR) | B(T_JJS))
#define ADVS (B(T_RB) | B(T_RBR) | B(T_RBS))
#define FINITE (B(T_VBD) | B(T_VBP) | B(T_VBZ) | B(T_MD))

/* A token's readings, built by tag_analyse(). */
typedef struct tag_cand {
    uint64_t set;        /* B(tag) for every possible tag */
    uint8_t def;         /* tag to use when no context rule decides */
    uint8_t hn, hv, ha;  /* lexicon frequency hints noun/verb/adj, 0..9 */
    uint8_t closed;      /* closed-class word (closed_class.txt) */
    const char *vlem;    /* base form when a verb reading exists */
    const char *nlem;    /* singular for a plural-noun reading */
    const char *alem;    /* positive for a JJR/JJS reading */
    const char *clem;    /* closed-class lemma ("WAS" -> "BE") */
} tag_cand;

static int has(const tag_cand *c, int t) { return (c->set & B(t)) != 0; }
static int has_any(const tag_cand *c, uint64_t m) { return (c->set & m) != 0; }
static int only(const tag_cand *c, uint64_t m) {
    return c->set && (c->set & ~m) == 0;
}

static int ends(const char *w, size_t n, const char *suf) {
    size_t k = strlen(suf);
    return n > k && memcmp(w + n - k, suf, k) == 0;
}

/* Punctuation by spelling. */
static int tag_punct(const char *w, size_t n) {
    if (n == 1) {
        switch (w[0]) {
        case ',': return T_COMMA;
        case '.': case '!': case '?': return T_PERIOD;
        case ':': case ';': case '-': return T_COLON;
        case '(': case '[': case '{': case '<': return T_LRB;
        case ')': case ']': case '}': case '>': return T_RRB;
        case '"': return T_LQUOTE; /* open/close fixed up in context */
        case '`': return T_LQUOTE;
        case '\'': return T_RQUOTE;
        case '$': return T_DOLLAR;
        case '#': return T_DOLLAR;
        case '&': return T_CC;
        case '%': return T_NN;
        default: return T_SYM;
        }
    }
    if (!strcmp(w, "``")) return T_LQUOTE;
    if (!strcmp(w, "''")) return T_RQUOTE;
    if (!strcmp(w, "--") || !strcmp(w, "...") || !strcmp(w, "..")) return T_COLON;
    if (!strcmp(w, "-LRB-")) return T_LRB;
    if (!strcmp(w, "-RRB-")) return T_RRB;
    return T_SYM;
}

/* Fills the open-class readings of word w[0..n) from the lexicon and the
 * regular inflection rules. Returns 1 if the word is known at all. pre is
 * the word's lexicon entry when the caller has already looked it up
 * (known_in 0 or 1), so the lexicon is not probed twice for it; known_in
 * -1 means "not looked up yet". */
static int open_class(const lexicon *lx, const char *w, size_t n,
                      tag_cand *c, const lex_entry *pre, int known_in) {
    lex_entry e, l;
    int known;
    if (known_in < 0) {
        known = lex_lookup(lx, w, n, &e);
    } else {
        known = known_in;
        if (known) e = *pre;
    }
    if (known) {
        if (e.flags & LEX_NOUN) c->set |= B(T_NN), c->hn = e.hint[LEX_HN];
        if (e.flags & LEX_VERB) {
            c->set |= B(T_VB) | B(T_VBP);
            c->hv = e.hint[LEX_HV];
            /* (e is filled whenever known is set: by lex_lookup, which
             * clears it first, or from *pre; also below) */
            /* cppcheck-suppress uninitStructMember */
            c->vlem = e.word;
        }
        if (e.flags & LEX_ADJ) c->set |= B(T_JJ), c->ha = e.hint[LEX_HA];
        if (e.flags & LEX_ADV) c->set |= B(T_RB);
        if (e.flags & LEX_NOUN_INFL) {
            c->set |= B(T_NNS);
            /* cppcheck-suppress uninitStructMember */
            c->nlem = e.nlemma;
            if (lex_lookup(lx, e.nlemma, strlen(e.nlemma), &l) &&
                l.hint[LEX_HN] > c->hn)
                c->hn = l.hint[LEX_HN];
        }
        if (e.flags & LEX_VERB_INFL) {
            /* verb.exc gives no form: read it off the ending. "TORN",
             * "GIVEN" participles; "TYING" gerund; "DOES" 3rd person;
             * otherwise past or participle ("FOUGHT", "SPED"). */
            if (ends(w, n, "ING")) c->set |= B(T_VBG);
            else if (ends(w, n, "EN") || ends(w, n, "WN") || ends(w, n, "RN") ||
                     ends(w, n, "NE"))
                c->set |= B(T_VBN);
            else if (w[n - 1] == 'S' && !ends(w, n, "SS")) c->set |= B(T_VBZ);
            else c->set |= B(T_VBD) | B(T_VBN);
            /* cppcheck-suppress uninitStructMember */
            c->vlem = e.vlemma;
            if (lex_lookup(lx, e.vlemma, strlen(e.vlemma), &l))
                c->hv = l.hint[LEX_HV] ? l.hint[LEX_HV] : 1;
        }
        if (e.flags & LEX_ADJ_INFL) {
            c->set |= ends(w, n, "EST") ? B(T_JJS) : ends(w, n, "ER") ? B(T_JJR) : B(T_JJ);
            c->alem = e.alemma;
        }
    }
    /* Regular inflection: WordNet has "attack", not "attacks"/"attacked". */
    int form = 0;
    const char *vl = NULL;
    if (!(known && (e.flags & LEX_VERB_INFL)))
        vl = lex_verb_lemma(lx, w, n, &form);
    if (vl) {
        c->set |= form == 'G' ? B(T_VBG) : form == 'S' ? B(T_VBZ)
                                                       : B(T_VBD) | B(T_VBN);
        c->vlem = vl;
        if (lex_lookup(lx, vl, strlen(vl), &l) && l.hint[LEX_HV] > c->hv)
            c->hv = l.hint[LEX_HV];
        if (!c->hv) c->hv = 1;
    }
    const char *nl = NULL;
    if (!(known && (e.flags & LEX_NOUN_INFL))) nl = lex_noun_lemma(lx, w, n);
    if (nl) {
        /* WordNet lists some plurals as lemmas ("troops", "talks"); when
         * the singular is a noun too, the word is a plural */
        c->set = (c->set & ~B(T_NN)) | B(T_NNS);
        c->nlem = nl;
        if (lex_lookup(lx, nl, strlen(nl), &l) && l.hint[LEX_HN] > c->hn)
            c->hn = l.hint[LEX_HN];
        if (!c->hn) c->hn = 1;
    }
    /* "LARGER", "STRONGEST" -- but not nouns like "NUMBER" (numb+er) */
    if (!(known && (e.flags & (LEX_NOUN | LEX_ADJ_INFL)))) {
        const char *al = lex_adj_lemma(lx, w, n, &form);
        if (al) {
            c->set |= form == 'S' ? B(T_JJS) : B(T_JJR);
            c->alem = al;
        }
    }
    return known || c->set;
}

/* Tags for a word nobody listed, by suffix. "Calenardhonian" is caught by
 * the capital rule first; these are lowercase coinages and rare words:
 * "deescalation" NN, "ceasefireless" JJ, "reannexed" VBD. */
static void by_suffix(const char *w, size_t n, tag_cand *c) {
    static const char *const nn[] = {"TION", "SION", "MENT", "NESS", "ITY",
                                     "ISM", "IST", "ANCE", "ENCE", "SHIP",
                                     "HOOD", "ER", "OR", "AGE", "URE"};
    static const char *const jj[] = {"OUS", "IVE", "AL", "IC", "ABLE", "IBLE",
                                     "FUL", "LESS", "ISH", "ARY", "IAN",
                                     "ESE", "ANT", "ENT"};
    static const char *const vb[] = {"IZE", "ISE", "ATE", "IFY"};
    if (ends(w, n, "ING")) {
        c->set = B(T_VBG) | B(T_NN);
        c->def = T_VBG;
        return;
    }
    if (ends(w, n, "ED")) {
        c->set = B(T_VBD) | B(T_VBN) | B(T_JJ);
        c->def = T_VBD;
        return;
    }
    if (ends(w, n, "LY")) {
        c->set = B(T_RB);
        c->def = T_RB;
        return;
    }
    for (size_t i = 0; i < sizeof nn / sizeof nn[0]; i++)
        if (ends(w, n, nn[i])) {
            c->set = B(T_NN);
            c->def = T_NN;
            return;
        }
    for (size_t i = 0; i < sizeof jj / sizeof jj[0]; i++)
        if (ends(w, n, jj[i])) {
            c->set = B(T_JJ);
            c->def = T_JJ;
            return;
        }
    for (size_t i = 0; i < sizeof vb / sizeof vb[0]; i++)
        if (ends(w, n, vb[i])) {
            c->set = B(T_VB) | B(T_VBP);
            c->def = T_VB;
            return;
        }
    if (w[n - 1] == 'S' && !ends(w, n, "SS") && !ends(w, n, "US")) {
        c->set = B(T_NNS) | B(T_VBZ);
        c->def = T_NNS;
        return;
    }
    c->set = B(T_NN);
    c->def = T_NN;
}

/* Default among open-class readings: the most frequent class according to
 * the hints, then the most specific form of it. */
static int default_tag(const tag_cand *c) {
    int n = has_any(c, NOUNS), v = has_any(c, VERBS), j = has_any(c, ADJS);
    int hn = n ? c->hn + 1 : 0, hv = v ? c->hv + 1 : 0, hj = j ? c->ha + 1 : 0;
    if (n && hn >= hv && hn >= hj)
        return has(c, T_NNS) && !has(c, T_NN) ? T_NNS
               : has(c, T_NN)                 ? T_NN
               : has(c, T_NNPS)               ? T_NNPS
                                              : T_NNP;
    if (v && hv >= hj) {
        static const int order[] = {T_VBZ, T_VBD, T_VBG, T_VBN, T_VBP, T_VB};
        for (size_t i = 0; i < 6; i++)
            if (has(c, order[i])) return order[i];
    }
    if (j) return has(c, T_JJ) ? T_JJ : has(c, T_JJR) ? T_JJR : T_JJS;
    if (has(c, T_RB)) return T_RB;
    for (int t = 1; t < T_NTAGS; t++)
        if (has(c, t)) return t;
    return T_NN;
}

static int is_number_word(const lexicon *lx, const char *w, size_t n) {
    lex_entry e;
    if (n && w[0] >= '0' && w[0] <= '9') return 1;
    return lex_lookup(lx, w, n, &e) && (e.flags & LEX_CLOSED) && e.ntags &&
           e.tags[0] == T_CD;
}

/* Hyphenated words are tagged by their last part, with prefixes and
 * numbers turning them into modifiers: "war-torn" JJ, "12-year" JJ,
 * "two-day" JJ, "pro-restoration" JJ, "anti-government" JJ,
 * "cease-fires" NNS, "co-operate" VB. */
static void hyphen_word(const lexicon *lx, const tok *t, tag_cand *c,
                        arena *a) {
    const char *w = t->norm;
    size_t n = t->nlen;
    const char *h = strrchr(w, '-');
    size_t fl = (size_t)(strchr(w, '-') - w);
    static const char *const pre[] = {"ANTI", "PRO", "NON", "SEMI", "MULTI",
                                      "POST", "PRE", "CROSS", "INTER",
                                      "INTRA", "TRANS", "PAN", "COUNTER"};
    const char *last = h + 1;
    size_t ll = n - (size_t)(last - w);
    if (ll == 0 || fl == 0) {
        c->set = B(T_JJ);
        c->def = T_JJ;
        return;
    }
    if (is_number_word(lx, last, ll) && is_number_word(lx, w, fl)) {
        c->set = B(T_CD); /* "1-0", "twenty-five" */
        c->def = T_CD;
        return;
    }
    if (is_number_word(lx, w, fl)) {
        c->set = B(T_JJ);
        c->def = T_JJ;
        return;
    }
    for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++)
        if (strlen(pre[i]) == fl && !memcmp(w, pre[i], fl)) {
            c->set = B(T_JJ);
            c->def = T_JJ;
            return;
        }
    tag_cand lc;
    memset(&lc, 0, sizeof lc);
    if (!open_class(lx, last, ll, &lc, NULL, -1) || !lc.set) {
        c->set = B(T_JJ);
        c->def = T_JJ;
        return;
    }
    if (has_any(&lc, B(T_VBN) | B(T_VBD) | B(T_VBG) | ADJS)) {
        c->set = B(T_JJ);
        c->def = T_JJ;
    } else if (has_any(&lc, B(T_NN) | B(T_NNS))) {
        c->set = lc.set & (B(T_NN) | B(T_NNS));
        c->def = has(&lc, T_NN) ? T_NN : T_NNS;
        if (has(&lc, T_NNS) && lc.nlem) {
            size_t pl = (size_t)(last - w), sl = strlen(lc.nlem);
            char *s = arena_alloc(a, pl + sl + 1);
            memcpy(s, w, pl);
            memcpy(s + pl, lc.nlem, sl + 1);
            c->nlem = s;
        }
    } else if (has_any(&lc, B(T_VB))) {
        c->set = B(T_VB) | B(T_VBP);
        c->def = T_VB;
        c->vlem = w;
    } else {
        c->set = B(T_JJ);
        c->def = T_JJ;
    }
}

/* The token's strmap_hash: the tokenizer's, or computed for a token made
 * elsewhere (hash 0). */
static uint32_t tok_hash(const tok *t) {
    return t->hash ? t->hash : strmap_hash(t->norm, t->nlen);
}

/* The candidates c come from the document's arena under dyad_code's
 * unwind point: the analyzer's NULL warnings are false positives here
 * (mem.h). */
MEM_UNWINDS_BEGIN
/* Pass 1: the readings of token i. start: first word of the sentence (or
 * of a quotation), where a capital says nothing. caps_ok: capitals carry
 * information (not an all-capitals headline). */
static int zero_past(const char *w, size_t n) {
    static const char *const v[] = {"CUT", "HIT", "PUT", "SET", "LET", "SHUT", "QUIT",
                                    "SPREAD", "CAST", "COST", "HURT", "BURST", "BID",
                                    "SPLIT", "UPSET", "BROADCAST", "FORECAST", "THRUST",
                                    "SHED", "RID", "BESET", "OFFSET", "RESET", NULL};
    for (const char *const *p = v; *p; p++)
        if (strlen(*p) == n && !memcmp(*p, w, n)) return 1;
    return 0;
}

static void tag_analyse(const lexicon *lx, const tok *t, int start,
                        int caps_ok, tag_cand *c, arena *a) {
    const char *w = t->norm;
    size_t n = t->nlen;
    lex_entry e;
    memset(c, 0, sizeof *c);
    if (n == 0) {
        c->set = B(T_SYM);
        c->def = T_SYM;
        return;
    }
    int known = lex_lookup_h(lx, w, n, tok_hash(t), &e);
    if (known && (e.flags & LEX_CLOSED)) {
        for (int i = 0; i < e.ntags; i++) c->set |= B(e.tags[i]);
        c->def = e.ntags ? e.tags[0] : T_NN;
        c->clem = e.clemma;
        c->closed = 1;
        if (c->clem && has_any(c, VERBS)) c->vlem = c->clem;
        if (c->clem && has(c, T_NNS)) c->nlem = c->clem;
        /* "in May", "on Monday": a capitalised month inside the sentence
         * is the name, not the modal */
        if (caps_ok && (t->flags & TOKF_CAP) && !start && has(c, T_NNP))
            c->def = T_NNP;
        return;
    }
    int alnum = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)w[i];
        if ((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch >= 0x80)
            alnum = 1;
    }
    if ((t->flags & TOKF_PUNCT) || !alnum) {
        c->def = (uint8_t)tag_punct(w, n);
        c->set = B(c->def);
        return;
    }
    int digit0 = w[0] >= '0' && w[0] <= '9';
    if ((t->flags & TOKF_NUMBER) || (digit0 && !(t->flags & TOKF_HYPHEN))) {
        /* "21st", "3rd" are ordinals: adjectives like "first" */
        if (n > 2 && (ends(w, n, "ST") || ends(w, n, "ND") ||
                      ends(w, n, "RD") || ends(w, n, "TH")) &&
            w[n - 3] >= '0' && w[n - 3] <= '9')
            c->def = T_JJ;
        else
            c->def = T_CD;
        c->set = B(c->def);
        return;
    }
    int cap = caps_ok && (t->flags & TOKF_CAP);
    int hyphen = strchr(w, '-') != NULL && w[0] != '-';
    if (cap && !start) {
        /* Names: "Arnor", "Osgiliath", "Barad-dur", "United Nations". A
         * plural of a known noun is NNPS ("Nations"), everything else NNP. */
        c->set = B(T_NNP);
        c->def = T_NNP;
        /* a name that is also an adjective, a people's ("Russian",
         * "Kurdish"): its adjective hint, at least 1, marks it for the
         * rules that tell a modifier from a subject */
        if (known && (e.flags & LEX_ADJ))
            c->ha = e.hint[LEX_HA] ? e.hint[LEX_HA] : 1;
        const char *nl = hyphen ? NULL : lex_noun_lemma(lx, w, n);
        if (nl && !(t->flags & TOKF_ALLCAPS) && !(known && (e.flags & LEX_PROPER))) {
            c->set = B(T_NNPS);
            c->def = T_NNPS;
            c->nlem = nl;
        }
        return;
    }
    if (hyphen && !(known)) {
        if (cap) { /* sentence-initial: a name unless its parts are words */
            lex_entry fe;
            size_t fl = (size_t)(strchr(w, '-') - w);
            if (!lex_lookup(lx, w, fl, &fe) && !is_number_word(lx, w, fl)) {
                c->set = B(T_NNP);
                c->def = T_NNP;
                return;
            }
        }
        hyphen_word(lx, t, c, a);
        return;
    }
    if (!open_class(lx, w, n, c, &e, known)) {
        if (cap) { /* unknown capitalised first word: "Osgiliath said" */
            c->set = B(T_NNP);
            c->def = T_NNP;
            return;
        }
        by_suffix(w, n, c);
        /* best-effort lemmas for unknown inflected words: "cordoned" ->
         * CORDON, "reannexing" -> REANNEX, "militias" -> MILITIA */
        if (has(c, T_NNS) && n > 2) c->nlem = c->vlem = arena_strndup(a, w, n - 1);
        if (has(c, T_VBD) && n > 3) {
            size_t k = n - 2;
            if (k > 3 && w[k - 1] == w[k - 2] && w[k - 1] != 'L' && w[k - 1] != 'S')
                k--;
            c->vlem = arena_strndup(a, w, k);
        }
        if (has(c, T_VBG) && n > 4) c->vlem = arena_strndup(a, w, n - 3);
        return;
    }
    /* A sentence-initial word WordNet mostly knows as a name: "Paris
     * said ..." */
    if (cap && known && (e.flags & LEX_PROPER) && has(c, T_NN)) {
        c->set = B(T_NNP);
        c->def = T_NNP;
        return;
    }
    /* verbs whose past is their base form ("cut", "hit", "set"): WordNet's
     * exception lists leave them out, so the past readings are added */
    if (has(c, T_VB) && zero_past(w, n)) {
        c->set |= B(T_VBD) | B(T_VBN);
        if (!c->vlem) c->vlem = c->clem ? c->clem : NULL;
    }
    c->def = (uint8_t)default_tag(c);
}
MEM_UNWINDS_END

/* ---- pass 2: context ------------------------------------------------ */

/* The state pass 2 reads: the sentence, the readings, the choices so far. */
typedef struct tag_ctx {
    const tok *toks;     /* the tokens */
    const tag_cand *c;   /* readings, one per token */
    uint8_t *tag;        /* chosen tags (left of i: final) */
    uint32_t n;          /* token count */
} tag_ctx;

static int lemma_is(const char *lem, const char *s) {
    return lem && lem[0] == s[0] && strcmp(lem, s) == 0;
}

/* Index of the previous token skipping adverbs ("has not been", "also
 * said"), or -1. */
static int prev_skip_adv(const tag_ctx *x, int i) {
    int j = i - 1;
    while (j >= 0 && (x->tag[j] == T_RB || x->tag[j] == T_RBR ||
                      x->tag[j] == T_RBS))
        j--;
    return j;
}

/* The base-form lemma of token j's chosen reading, for aux detection. */
static const char *vlemma_of(const tag_ctx *x, int j) {
    const tag_cand *c = &x->c[j];
    return c->clem ? c->clem : c->vlem;
}

static int next_tag_default(const tag_ctx *x, int i) {
    return (uint32_t)i + 1 < x->n ? x->c[i + 1].def : T_NONE;
}

/* Does the token after i look like the start of a noun phrase object:
 * "seized the city", "met Arnor's envoy", "attacked them". */
static int next_starts_np(const tag_ctx *x, int i) {
    if ((uint32_t)i + 1 >= x->n) return 0;
    const tag_cand *c = &x->c[i + 1];
    int d = c->def;
    /* "firing more than 1,000 rockets", "killing at least 20 people": a
     * count's qualifier starts a noun phrase */
    if ((uint32_t)i + 3 < x->n && (x->toks[i + 3].flags & TOKF_NUMBER) &&
        ((tok_norm_is(&x->toks[i + 1], "MORE") && tok_norm_is(&x->toks[i + 2], "THAN")) ||
         (tok_norm_is(&x->toks[i + 1], "AT") && tok_norm_is(&x->toks[i + 2], "LEAST"))))
        return 1;
    return d == T_DT || d == T_PRPS || d == T_NNP || d == T_NNPS ||
           d == T_CD || d == T_PDT || (d == T_PRP && has(c, T_PRP)) ||
           d == T_DOLLAR || (c->closed == 0 && only(c, NOUNS | ADJS) &&
                             d != T_NONE);
}

static int next_is_verbish(const tag_ctx *x, int i) {
    if ((uint32_t)i + 1 >= x->n) return 0;
    const tag_cand *c = &x->c[i + 1];
    if (c->closed) return has_any(c, FINITE) && !has(c, T_DT) && !has(c, T_IN);
    return (c->def == T_VBD || c->def == T_VBZ || c->def == T_VBP ||
            c->def == T_MD) ||
           (only(c, VERBS) && !has(c, T_VBG));
}

/* "missile launches near Japan continued": after word i, a preposition
 * and then, before any comma, conjunction, "that" or modal, a past form
 * that can only be a verb -- the clause's verb, so word i is a noun. */
static int verb_after_pp(const tag_ctx *x, int i) {
    if ((uint32_t)i + 1 >= x->n || !has(&x->c[i + 1], T_IN) ||
        tok_norm_is(&x->toks[i + 1], "THAT"))
        return 0;
    for (uint32_t j = (uint32_t)i + 2; j < x->n && j < (uint32_t)i + 10; j++) {
        const tag_cand *c = &x->c[j];
        if (x->toks[j].flags & TOKF_PUNCT) return 0;
        if (c->closed && (has(c, T_CC) || has(c, T_MD) || has(c, T_WDT) || has(c, T_WP)))
            return 0;
        if (has(c, T_VBD) && !has_any(c, NOUNS)) return 1; /* ("took", "were") */
    }
    return 0;
}

static int next_word_is(const tag_ctx *x, int i, const char *w) {
    return (uint32_t)i + 1 < x->n && x->toks[i + 1].norm[0] == w[0] &&
           strcmp(x->toks[i + 1].norm, w) == 0;
}

static int third_singular(const tag_ctx *x, int j) {
    int t = x->tag[j];
    if (t == T_NN || t == T_NNP) return 1;
    if (t == T_PRP) {
        const char *w = x->toks[j].norm;
        return !strcmp(w, "HE") || !strcmp(w, "SHE") || !strcmp(w, "IT");
    }
    return 0;
}

/* A finite verb reading for a word after a subject-like token j. */
static int finite_after(const tag_ctx *x, int i, int j) {
    const tag_cand *c = &x->c[i];
    if (has(c, T_VBD)) return T_VBD;
    if (has(c, T_VBZ) && (j < 0 || third_singular(x, j) || x->tag[j] == T_WDT ||
                          x->tag[j] == T_WP))
        return T_VBZ;
    if (has(c, T_VBP) && (j < 0 || !third_singular(x, j))) return T_VBP;
    if (has(c, T_VBZ)) return T_VBZ;
    return T_NONE;
}

static int noun_reading(const tag_cand *c) {
    if (has(c, T_NN)) return T_NN;
    if (has(c, T_NNS)) return T_NNS;
    if (has(c, T_NNP)) return T_NNP;
    if (has(c, T_NNPS)) return T_NNPS;
    return T_NONE;
}

static int adj_reading(const tag_cand *c) {
    if (has(c, T_JJ)) return T_JJ;
    if (has(c, T_JJR)) return T_JJR;
    if (has(c, T_JJS)) return T_JJS;
    return T_NONE;
}

/* Is token t's spelling the literal s? By length first (nlen is known),
 * then a fixed-size memcmp the compiler inlines: choose_closed tests each
 * ambiguous closed-class word against up to a dozen literals. */
#define w_is(t, s)                                                            \
    ((t)->nlen == sizeof(s) - 1 && memcmp((t)->norm, (s), sizeof(s) - 1) == 0)

/* Closed-class words with more than one tag. */
static int choose_closed(const tag_ctx *x, int i) {
    const tag_cand *c = &x->c[i];
    const tok *wt = &x->toks[i];
    int p = i > 0 ? x->tag[i - 1] : T_NONE;
    int nd = next_tag_default(x, i);
    int pj = prev_skip_adv(x, i);
    int pv = pj >= 0 ? x->tag[pj] : T_NONE;
    if (w_is(wt, "THAT")) {
        /* "said that troops ..." IN; "the plan that failed" WDT; "that plan
         * failed" DT */
        const tag_cand *nc = (uint32_t)i + 1 < x->n ? &x->c[i + 1] : NULL;
        if (tag_is_verb(p)) {
            if (nc && only(nc, NOUNS) && !has(nc, T_NNP) &&
                (uint32_t)i + 2 < x->n &&
                (x->c[i + 2].def == T_PERIOD || x->c[i + 2].def == T_COMMA ||
                 x->c[i + 2].def == T_IN))
                return T_DT;
            return T_IN;
        }
        if (tag_is_noun(p) || (p == T_COMMA && i >= 2 && tag_is_noun(x->tag[i - 2]))) {
            if (nc && (next_is_verbish(x, i) || nc->def == T_MD ||
                       nc->def == T_RB))
                return T_WDT;
            return T_IN;
        }
        if (nc && has_any(nc, NOUNS | ADJS) && !nc->closed &&
            (p == T_NONE || p == T_IN || p == T_COMMA || p == T_LQUOTE))
            return T_DT;
        return T_IN;
    }
    if (w_is(wt, "'S")) {
        /* "it's", "there's", "that's": is/has; otherwise possessive */
        if (p == T_PRP || p == T_EX || p == T_WP || p == T_WDT ||
            (p == T_DT && i > 0 && x->toks[i - 1].nlen >= 4))
            return T_VBZ;
        return T_POS;
    }
    if (has(c, T_MD)) {
        /* "the will of the people", "in May" */
        if (has(c, T_NNP) && (c->def == T_NNP || nd == T_CD)) return T_NNP;
        if (p == T_DT || p == T_PRPS || p == T_POS || tag_is_adj(p))
            return has(c, T_NN) ? T_NN : T_MD;
        return T_MD;
    }
    if (has(c, T_RP)) {
        /* particles after a verb: "called off", "stepped down", "carried
         * out", "set up", "pulled back"; otherwise a preposition */
        int particle_word = w_is(wt, "OFF") || w_is(wt, "OUT") ||
                            w_is(wt, "DOWN") || w_is(wt, "UP") ||
                            w_is(wt, "AWAY") || w_is(wt, "BACK");
        if (particle_word && tag_is_verb(p) && !lemma_is(vlemma_of(x, i - 1), "BE"))
            return T_RP;
        return c->def == T_RP ? (has(c, T_IN) ? T_IN : T_RB) : c->def;
    }
    if (w_is(wt, "THERE")) /* "there were", "there is": existential */
        return (uint32_t)i + 1 < x->n &&
                       (has_any(&x->c[i + 1], FINITE) ||
                        lemma_is(vlemma_of(x, i + 1), "BE"))
                   ? T_EX
                   : T_RB;
    if (w_is(wt, "HER")) /* "her husband" PRP$, "met her" PRP */
        return (uint32_t)i + 1 < x->n && !x->c[i + 1].closed &&
                       has_any(&x->c[i + 1], NOUNS | ADJS) &&
                       !(x->toks[i + 1].flags & TOKF_PUNCT)
                   ? T_PRPS
                   : T_PRP;
    if (has(c, T_PDT) && has(c, T_DT)) /* "all the", "all" */
        return nd == T_DT || nd == T_PRPS ? T_PDT : T_DT;
    if (has(c, T_PDT) && (nd == T_DT || nd == T_PRPS)) return T_PDT;
    if (has(c, T_CC) && has(c, T_DT)) /* "either side", "either X or Y" */
        return (uint32_t)i + 1 < x->n && has(&x->c[i + 1], T_NN) ? T_DT : T_CC;
    if (w_is(wt, "ABOUT") || w_is(wt, "AROUND")) /* "about 50 people" */
        return nd == T_CD ? T_RB : T_IN;
    if (w_is(wt, "BEFORE")) /* "two days before." */
        return nd == T_PERIOD || nd == T_COMMA ? T_RB : T_IN;
    if (has(c, T_VB) || has(c, T_VBP) || has_any(c, B(T_VBD) | B(T_VBN))) {
        /* "like", "have", "do", "get", "said", "left", "found": verb
         * rules below, after an aux or a subject */
        return T_NONE;
    }
    if (has_any(c, ADJS) && has_any(c, B(T_IN))) /* "following" */
        return pv == T_DT || pv == T_PRPS ? adj_reading(c) : T_IN;
    if (has(c, T_JJ) && has(c, T_RB)) /* "only", "much", "first" */
        return pv == T_DT || pv == T_PRPS || pv == T_POS ? T_JJ
               : tag_is_verb(p) && !has_any(&x->c[i + 1 < (int)x->n ? i + 1 : i], NOUNS)
                   ? T_RB
                   : c->def;
    return c->def;
}

/* Pass 2 for one token. */
static int tag_choose(const tag_ctx *x, int i) {
    const tag_cand *c = &x->c[i];
    if (!(c->set & (c->set - 1))) return c->def; /* one reading */
    if (c->closed) {
        int t = choose_closed(x, i);
        if (t != T_NONE) return t;
    }
    int pj = prev_skip_adv(x, i);
    /* sentence-initial adverbs do not make the next word initial */
    int p = pj >= 0 ? x->tag[pj] : T_NONE;
    int has_n = has_any(c, NOUNS), has_v = has_any(c, VERBS),
        has_j = has_any(c, ADJS);
    const char *plem = pj >= 0 ? vlemma_of(x, pj) : NULL;
    const tag_cand *nx = (uint32_t)i + 1 < x->n ? &x->c[i + 1] : NULL;
    int next_nounish = nx && !nx->closed && has_any(nx, NOUNS | ADJS) &&
                       !(x->toks[i + 1].flags & TOKF_PUNCT);

    /* "The EU calls on the authorities to": "calls on/upon" after a name
     * is its verb */
    if (has(c, T_VBZ) && p == T_NNP && (next_word_is(x, i, "ON") || next_word_is(x, i, "UPON")) &&
        tok_norm_is(&x->toks[i], "CALLS"))
        return T_VBZ;

    /* "U.S. sanctions on Iran will be lifted", "Israeli strikes on Gaza
     * killed": after a name, a noun/verb word before a prepositional
     * phrase is the subject's head noun when a modal or unambiguous
     * finite verb follows in the same stretch */
    if (has_n && has(c, T_VBZ) && p == T_NNP && nx && nx->closed && has(nx, T_IN) &&
        !next_word_is(x, i, "THAT") && !next_word_is(x, i, "IF")) {
        for (uint32_t j = (uint32_t)i + 2; j < x->n && j < (uint32_t)i + 10; j++) {
            const tag_cand *cj = &x->c[j];
            if (x->toks[j].flags & TOKF_PUNCT) break;
            if (cj->closed && (has(cj, T_CC) || has(cj, T_WDT) || has(cj, T_WP))) break;
            if (cj->closed ? has(cj, T_MD) : (has_any(cj, FINITE) && !has_any(cj, NOUNS | ADJS)))
                return noun_reading(c);
        }
    }

    /* "last September", "next week": a time's "last" is its adjective */
    if (has_j && nx && (tok_norm_is(&x->toks[i], "LAST") || tok_norm_is(&x->toks[i], "NEXT")) &&
        (tok_is_calendar(&x->toks[i + 1]) || tok_norm_is(&x->toks[i + 1], "WEEK") ||
         tok_norm_is(&x->toks[i + 1], "MONTH") || tok_norm_is(&x->toks[i + 1], "YEAR") ||
         tok_norm_is(&x->toks[i + 1], "NIGHT") || tok_norm_is(&x->toks[i + 1], "WEEKEND")))
        return adj_reading(c);

    /* "severed diplomatic and transport links": an adjective and a noun
     * joined by "and" modify the same head noun, no verb */
    if (has_n && p == T_NN && pj >= 2 && x->tag[pj - 1] == T_CC &&
        x->tag[pj - 2] == T_JJ)
        return noun_reading(c);

    /* "has long accused", "had long denied", "is long expected": a word
     * that can be an adverb, between an auxiliary and a participle, is
     * the adverb (as a noun or adjective it would break the verb group
     * off its auxiliary) */
    if (has(c, T_RB) && pj >= 0 && tag_is_verb(p) && nx &&
        has(nx, T_VBN) && (lemma_is(plem, "HAVE") || lemma_is(plem, "BE")))
        return T_RB;

    /* Auxiliaries decide the form of the verb after them:
     * "will attack" VB, "to help" VB, "did not say" VB, "has attacked" VBN,
     * "was attacked" VBN, "is fighting" VBG, "is ready" JJ. */
    if (has_v && pj >= 0) {
        if (p == T_MD || (p == T_TO && has(c, T_VB)) ||
            (tag_is_verb(p) && p != T_VBN && p != T_VBG && lemma_is(plem, "DO"))) {
            /* (the tag first: lemma_is reads the lemma's bytes, often a
             * cache miss, and most previous tokens are no verb) */
            if (has(c, T_VB)) {
                /* "returned to power": after TO a noun that is hardly ever
                 * a verb stays a noun unless an object follows */
                if (p == T_TO && has_n && c->hn > c->hv + 2 && !next_starts_np(x, i))
                    return noun_reading(c);
                return T_VB;
            }
        }
        if (tag_is_verb(p) && lemma_is(plem, "HAVE") && has(c, T_VBN))
            return T_VBN;
        if (tag_is_verb(p) && (lemma_is(plem, "BE") || lemma_is(plem, "GET"))) {
            if (has(c, T_VBN)) return T_VBN;
            if (has(c, T_VBG) && !(has_n && !next_starts_np(x, i) && c->hn > c->hv))
                return T_VBG;
        }
    }
    if (pj >= 0 && tag_is_verb(p) && lemma_is(plem, "BE") && !has_v) {
        if (has_j && !(next_nounish && has_n)) return adj_reading(c);
    }
    if (pj >= 0 && tag_is_verb(p) && lemma_is(plem, "BE")) {
        if (has_j && !next_nounish) return adj_reading(c);
    }

    /* Determiner context: "the attack", "its main opposition groups",
     * "Gondor's military leaders", "the injured soldiers". */
    if (p == T_DT || p == T_PDT || p == T_PRPS || p == T_POS || p == T_WPS ||
        tag_is_adj(p) || p == T_CD) {
        int part = has_any(c, B(T_VBN) | B(T_VBG) | B(T_VBD));
        /* "The Russian military dismissed the allegations": after a word
         * that can be a noun, a past form before a noun phrase is the
         * verb (the caller makes that word the noun) */
        if (tag_is_adj(p) && pj == i - 1 && has(c, T_VBD) && !has_n &&
            has_any(&x->c[pj], NOUNS) && next_starts_np(x, i))
            return T_VBD;
        if ((has_j || part) && next_nounish && has_any(nx, NOUNS))
            return has_j ? adj_reading(c) : T_JJ;
        if (has_n) return noun_reading(c);
        if (has_j) return adj_reading(c);
        if (has(c, T_VBG) || has(c, T_VBN)) return T_JJ;
    }

    /* After a preposition: a noun, or a gerund taking an object ("after
     * meeting the envoy", "by attacking Arnor"). */
    if (p == T_IN) {
        if (has(c, T_VBG) && next_starts_np(x, i)) return T_VBG;
        if (has_j && next_nounish) return adj_reading(c);
        if (has_n) return noun_reading(c);
        if (has_j) return adj_reading(c);
        if (has(c, T_VBG)) return T_VBG;
    }

    /* After a subject: a finite verb. "Gondor attacks Arnor" VBZ, "the
     * rebel attacks killed" NNS, "they attack" VBP, "the minister said"
     * VBD, "troops backed by Arnor" VBN (reduced relative). */
    if (pj >= 0 && (tag_is_noun(p) || p == T_PRP || p == T_WDT ||
                    p == T_WP || p == T_EX || p == T_RRB) && has_v) {
        int nverb = next_is_verbish(x, i);
        /* "Saudi Arabia cut ties with Qatar", "Iran shut its airspace": a
         * verb whose past is its base form, after a name and before its
         * object, is the past (a name would take "cuts") */
        if (has(c, T_VBD) && has(c, T_VB) && (p == T_NNP || p == T_NN) &&
            nx && (next_starts_np(x, i) || has(nx, T_NNS)) && !next_word_is(x, i, "THAT"))
            return T_VBD;
        if ((has(c, T_VBN) || has(c, T_VBD)) && !has(c, T_VBZ) &&
            !has(c, T_VB)) {
            /* ("Moscow responded by expelling", "Pakistan retaliated by
             * closing": "by" and a gerund is the means, not an agent) */
            if (has(c, T_VBN) && next_word_is(x, i, "BY") && p != T_PRP &&
                !((uint32_t)i + 2 < x->n && has(&x->c[i + 2], T_VBG) &&
                  has(c, T_VBD)))
                return T_VBN;
            /* "troops killed were": a reduced relative -- but "the army
             * had seized" is an auxiliary */
            if (has(c, T_VBN) && nverb && tag_is_noun(p) && nx && !has_any(nx, NOUNS) &&
                !has_any(nx, ADJS) && /* "Iran condemned direct attacks" */
                !(c->clem && (!strcmp(c->clem, "HAVE") || !strcmp(c->clem, "BE") ||
                              !strcmp(c->clem, "DO") || !strcmp(c->clem, "GET"))))
                return T_VBN;
            /* "The Serbian armed forces attacked": determiner, name,
             * participle, noun, verb -- the participle describes the noun */
            if (has(c, T_VBN) && p == T_NNP && nx && has_any(nx, B(T_NN) | B(T_NNS)) &&
                !(x->toks[i + 1].flags & TOKF_CAP) && next_is_verbish(x, i + 1)) {
                int q = pj;
                while (q >= 0 && x->tag[q] == T_NNP) q--;
                if (q >= 0 && x->tag[q] == T_DT) return T_JJ;
            }
            if (has(c, T_VBD)) return T_VBD;
        }
        if (has(c, T_VBZ) && has(c, T_NNS)) {
            /* a capitalised word that is also an adjective is a people's
             * name ("Russian", "Kurdish"), which modifies the next noun */
            int demonym = p == T_NNP && x->c[pj].ha > 0;
            /* "The State of Qatar expresses its appreciation": a plural
             * noun is never followed by a possessive pronoun, a verb is */
            if (nx && nx->closed && has(nx, T_PRPS) && !has(nx, T_PRP))
                return T_VBZ;
            /* "Gondor attacks Arnor" vs "the rebel attacks killed ten" */
            if (nverb) return T_NNS;
            /* "delivered drinking water and relief supplies to Tonga": a
             * noun joined by "and" to the object of a verb before it ends
             * that object; the -s word after it is its head */
            if (p == T_NN && pj >= 2 && x->tag[pj - 1] == T_CC &&
                tag_is_noun(x->tag[pj - 2]) && x->tag[pj - 2] != T_NNP) {
                int finite = 0;
                for (int q = pj - 3; q >= 0 && !finite; q--)
                    finite = x->tag[q] == T_VBD || x->tag[q] == T_VBZ ||
                             x->tag[q] == T_VBP;
                if (finite) return T_NNS;
            }
            /* (after a name too: "US tariffs on Chinese goods took") */
            if ((p == T_NN || p == T_NNP) && verb_after_pp(x, i)) return T_NNS;
            /* after a common noun it may be a compound ("two artillery
             * shells at Seoul"): the verb needs an object or the lexicon's
             * vote */
            if (p == T_NN && !next_starts_np(x, i) && c->hn > c->hv) return T_NNS;
            /* "Osgiliath soldiers in ...": a word hardly ever a verb */
            if (tag_is_noun(p) && !next_starts_np(x, i) && c->hn > c->hv + 3)
                return T_NNS;
            /* inside an object or a prepositional phrase the -s word ends
             * the noun phrase: "to resume peace talks", "with ELN rebels" */
            {
                int q = pj;
                while (q >= 0 && (tag_is_noun(x->tag[q]) || tag_is_adj(x->tag[q]) ||
                                  x->tag[q] == T_DT || x->tag[q] == T_PDT ||
                                  x->tag[q] == T_CD || x->tag[q] == T_POS ||
                                  x->tag[q] == T_PRPS))
                    q--;
                /* (after a verb only behind a common noun or a name that
                 * is also an adjective, a people's: "said Arnor attacks
                 * Gondor" is a reported clause, "fought Russian forces"
                 * an object) */
                if (q >= 0 && (x->tag[q] == T_IN || x->tag[q] == T_TO ||
                               (tag_is_verb(x->tag[q]) &&
                                (p == T_NN || (p == T_NNP && demonym)))))
                    return T_NNS;
            }
            if (third_singular(x, pj) && ((p == T_NNP && !demonym) || p == T_PRP || p == T_WDT ||
                                          p == T_WP || next_starts_np(x, i) ||
                                          (nx && (nx->def == T_IN || nx->def == T_TO))))
                return T_VBZ;
            if (p == T_WDT || p == T_WP) return T_VBZ;
            return T_NNS;
        }
        /* "Russia cut gas supplies", "Washington set new tariffs": a bare
         * name followed by a past form and a noun phrase is a subject and
         * its verb */
        /* ... or by a particle or preposition: "Netanyahu hit back on
         * Twitter", "Moscow struck at dawn" */
        int next_particle =
            nx && has_any(nx, B(T_RP) | B(T_IN) | B(T_TO) | B(T_RB));
        if (has(c, T_VBD) && p == T_NNP &&
            (next_starts_np(x, i) || next_particle)) {
            int q = pj;
            while (q >= 0 && (x->tag[q] == T_NNP || x->tag[q] == T_NNPS)) q--;
            if (q < 0 || !(x->tag[q] == T_DT || x->tag[q] == T_PRPS ||
                           tag_is_adj(x->tag[q]) || x->tag[q] == T_POS))
                return T_VBD;
        }
        if ((has(c, T_VB) || has(c, T_VBP)) && has_n) {
            /* "they attack" VBP; "the defence minister" NN */
            if (!third_singular(x, pj) && !nverb &&
                (p == T_PRP || p == T_NNS || p == T_NNPS || p == T_WDT || p == T_WP))
                return T_VBP;
            /* a coordinated subject is plural: "Fornost and Gondor welcome
             * the talks" */
            if (has(c, T_VBP) && pj >= 2 && x->tag[pj - 1] == T_CC &&
                tag_is_noun(x->tag[pj - 2]) && next_starts_np(x, i))
                return T_VBP;
            /* ... and so is a plural before a place: "Officials in
             * Uzbekistan say 18 people were killed" */
            if (has(c, T_VBP) && (p == T_NNP || p == T_NN) && pj >= 2 &&
                x->tag[pj - 1] == T_IN && (x->tag[pj - 2] == T_NNS || x->tag[pj - 2] == T_NNPS) &&
                (next_starts_np(x, i) || (nx && nx->def == T_CD)))
                return T_VBP;
            return noun_reading(c);
        }
        if (has_n && !nverb && (p == T_NN || p == T_NNS) && next_nounish &&
            c->hn >= c->hv)
            return noun_reading(c);
        int f = finite_after(x, i, pj);
        if (f != T_NONE && !(has_n && nverb)) return f;
        /* "the roads leading into Mordor", "a visit starting on Sunday":
         * a gerund after a noun heads a reduced relative */
        /* ... but "an emergency meeting in New York", "a peace meeting":
         * a gerund that is also a noun, after a singular noun of a phrase
         * opened by a determiner, ends that phrase */
        if (f == T_NONE && has(c, T_VBG) && !nverb && has_n && p == T_NN &&
            pj >= 1 && x->tag[pj - 1] == T_DT)
            return noun_reading(c);
        if (f == T_NONE && has(c, T_VBG) && !nverb) return T_VBG;
        if (has_n) return noun_reading(c);
    }

    /* After "and"/"but", a past form before a noun phrase continues the
     * predicate when the sentence already has a past verb: "denied losing
     * the compound and accused the army of ..." */
    if (p == T_CC && has(c, T_VBD) && next_starts_np(x, i)) {
        for (int q = pj - 1; q >= 0; q--)
            if (x->tag[q] == T_VBD) return T_VBD;
    }

    /* After a comma: ", killing ten people" VBG; ", backed by Arnor," VBN. */
    if (p == T_COMMA && has_v) {
        if (has(c, T_VBG) && !(has_n && !next_starts_np(x, i))) return T_VBG;
        /* "The alliance, which groups X and Y, said that ..." / ", said on
         * Friday": after a comma, said/told is the clause's verb unless
         * an agent follows ("said by aides to be ...") */
        const char *lem = vlemma_of(x, i);
        /* (", Said Abdullahi Deni,": a capitalised name inside the
         * sentence, before another) */
        if (c->def == T_NNP && (uint32_t)i + 1 < x->n && (x->toks[i + 1].flags & TOKF_CAP))
            return T_NNP;
        if (has(c, T_VBD) && (lemma_is(lem, "SAY") || lemma_is(lem, "TELL")) &&
            !next_word_is(x, i, "BY"))
            return T_VBD;
        /* "Russia, by contrast, rallied behind Vucic": the comma closes an
         * aside after the sentence's opening noun phrase, and the past form
         * after it is the sentence's verb, not a participle */
        if (has(c, T_VBD) && has(c, T_VBN) && pj >= 3) {
            int k = pj - 1, aside = 0;
            while (k > 0 && x->tag[k] != T_COMMA &&
                   (x->tag[k] == T_IN || x->tag[k] == T_RB || x->tag[k] == T_DT ||
                    tag_is_noun(x->tag[k]) || tag_is_adj(x->tag[k])))
                k--, aside++;
            int opening = k > 0 && x->tag[k] == T_COMMA && aside > 0 &&
                          aside <= 3 && x->tag[k + 1] != T_DT &&
                          !tag_is_noun(x->tag[k + 1]);
            for (int q = k - 1; opening && q >= 0; q--)
                opening = tag_is_noun(x->tag[q]) || tag_is_adj(x->tag[q]) ||
                          x->tag[q] == T_DT || x->tag[q] == T_POS;
            if (opening) return T_VBD;
        }
        if (has(c, T_VBN) && nx && (next_word_is(x, i, "BY") || nx->def == T_IN))
            return T_VBN;
    }

    /* After a conjunction: same kind as the first conjunct. "attacked and
     * seized the city" VBD; "will meet and discuss" VB; "tanks and
     * troops" NNS. */
    if (p == T_CC && pj >= 1) {
        int q = pj - 1;
        while (q >= 0 && (x->tag[q] == T_RB || x->tag[q] == T_COMMA)) q--;
        int pt = q >= 0 ? x->tag[q] : T_NONE;
        if (tag_is_verb(pt) && has(c, pt)) return pt;
        /* "Ethiopia remains ready to attend the next round and calls on
         * the Somali side": an -s word before "on", "for" or a determiner
         * after the object of a present verb is that verb's conjunct */
        if (has(c, T_VBZ) && has(c, T_NNS) &&
            (next_word_is(x, i, "ON") || next_word_is(x, i, "FOR") ||
             next_word_is(x, i, "UPON") || (nx && nx->def == T_DT))) {
            for (int r = pj - 1; r >= 0; r--) {
                if (x->tag[r] == T_VBZ) return T_VBZ;
                if (x->tag[r] == T_VBD || x->tag[r] == T_VBP || x->tag[r] == T_MD) break;
            }
        }
        if (has_v && has_n && next_starts_np(x, i) && !tag_is_noun(pt)) {
            int f = has(c, T_VBD) ? T_VBD : has(c, T_VBZ) ? T_VBZ : T_NONE;
            if (f != T_NONE) return f;
        }
        if (tag_is_noun(pt) && has_n) return noun_reading(c);
        if (tag_is_adj(pt) && has_j) return adj_reading(c);
        if (has(c, T_VBD) && !has_n) return T_VBD;
    }

    /* Sentence start: "Rebuked by Arnor, Gondor ..." VBN; "Fighting broke
     * out" NN; "Attacks on ..." NNS. */
    if (pj < 0) {
        if (has(c, T_VBN) && nx && (next_word_is(x, i, "BY") || nx->def == T_IN ||
                                    nx->def == T_COMMA))
            return T_VBN;
        if (has(c, T_VBG) && next_starts_np(x, i) && !next_is_verbish(x, i))
            return T_VBG;
        if (has_j && next_nounish) return adj_reading(c);
        if (has_n) return noun_reading(c);
    }

    /* After a verb: its object. "seized control" NN; "began talks" NNS;
     * "stopped attacking the" VBG. */
    if (pj >= 0 && tag_is_verb(p)) {
        if (has(c, T_VBG) && next_starts_np(x, i)) return T_VBG;
        if (has_j && next_nounish) return adj_reading(c);
        if (has_n) return noun_reading(c);
        if (has_j) return adj_reading(c);
    }
    if (c->def == T_VB || c->def == T_VBP) {
        /* no aux, no subject on the left: "attack" as an imperative is
         * rare in news; prefer the noun if there is one */
        if (has_n) return noun_reading(c);
        return p == T_NONE ? T_VB : T_VBP;
    }
    if (c->def == T_VBN && has(c, T_VBD)) return T_VBD;
    return c->def;
}

/* Lemma for the chosen tag; *slot gets which reading's lemma it is (0 vlem,
 * 1 nlem, 2 alem, 3 clem, LEM_NORM the token's own spelling), the index the
 * cache's vocabulary ids are kept under. */
#define LEM_NORM 4
static const char *lemma_for(const tok *t, const tag_cand *c, int tg,
                             uint8_t *slot) {
    if (tag_is_verb(tg) || tg == T_MD) {
        if (c->clem) return *slot = 3, c->clem;
        if (c->vlem) return *slot = 0, c->vlem;
    } else if (tg == T_NNS || tg == T_NNPS) {
        if (tg == T_NNPS) return *slot = LEM_NORM, t->norm; /* names keep their spelling */
        if (c->nlem) return *slot = 1, c->nlem;
    } else if (tg == T_JJR || tg == T_JJS) {
        if (c->alem) return *slot = 2, c->alem;
    } else if (c->clem && (c->closed)) {
        return *slot = 3, c->clem;
    }
    *slot = LEM_NORM;
    return t->norm;
}

/* ---- the per-thread analysis cache ------------------------------------ */

/* A lemma in a cache entry, independent of any arena or engine: 0 = none;
 * TC_NORM | k = the first k bytes of the token's own norm (the fallback
 * lemmas of unknown words: "CORDONED" -> "CORDON" is a prefix); otherwise
 * 1 + the lemma's offset in the lexicon's strings (lex_strings). */
#define TC_NORM 0x80000000u

/* One cached analysis: tag_analyse's output for one (spelling, key). */
typedef struct tc_entry {
    uint32_t hash;       /* strmap_hash of the spelling */
    uint32_t word;       /* offset of the spelling in tag_cache.words */
    uint16_t nlen;       /* its length */
    uint16_t key;        /* token flags | start << 8 | caps_ok << 9 */
    uint8_t def, hn, hv, ha, closed;
    uint64_t set;
    uint32_t lem[4];     /* vlem, nlem, alem, clem, encoded as above */
    uint8_t idset;       /* wid and lid hold ids of the vocabulary
                            tag_cache.id_sig names (filled on first use) */
    uint32_t wid;        /* vocabulary id of the spelling */
    uint32_t lid[4];     /* vocabulary ids of the four lemmas (0: none) */
} tc_entry;

#define TC_SLOTS (1u << 16)          /* index size, a power of two */
#define TC_MAX (TC_SLOTS / 2)        /* entries before the cache is emptied */
#define TC_WORDS_MAX (TC_MAX * 16u)  /* spelling bytes before it is emptied */

/* The table is split in a compact index and dense entries: a probe reads
 * 4-byte index slots (256 KB in all, mostly cache-resident) and then one
 * entry; entries are stored in insertion order, so the frequent words,
 * which arrive first, share cache lines and pages. */
struct tag_cache {
    uint32_t *index;     /* TC_SLOTS: 0 empty, else (hash & 0xffff0000) |
                            (entry + 1); allocated on first use */
    tc_entry *ents;      /* TC_MAX entries */
    char *words;         /* spellings, NUL-separated */
    size_t nwords;       /* bytes used in words */
    uint32_t count;      /* entries */
    /* The last sentence tagged, for tag_cache_ids (last_s is compared with
     * the sentence passed there, never dereferenced): per token its entry + 1
     * (0: analysed without the cache) and its lemma's slot (lemma_for).
     * last_n is 0 when the cache was emptied during that sentence (the
     * earlier tokens' entries were overwritten). */
    const sentence *last_s;
    uint32_t last_n, last_cap;
    uint32_t *last_ent;
    uint8_t *last_slot;
    const char *last_lxs;  /* lex_strings of the lexicon used */
    uint64_t id_sig;     /* vocabulary the entries' ids belong to (0 none) */
    mem m;               /* without unwind point: failures turn it off */
    int off;             /* memory ran out: analyse without the cache */
};

#define TC_TAG(h) ((h) & 0xffff0000u)

#if defined(__GNUC__)
#define TC_PREFETCH(p) __builtin_prefetch(p)
#else
#define TC_PREFETCH(p) ((void)(p))
#endif

tag_cache *tag_cache_new(const mem *m) {
    if (!m) m = mem_libc();
    /* the cache only speeds things up: its own failures never unwind, they
     * turn the cache off */
    mem quiet = *m;
    quiet.oom = NULL;
    tag_cache *tc = mem_zalloc(&quiet, sizeof *tc);
    if (!tc) return NULL;
    tc->m = quiet;
    return tc;
}

void tag_cache_free(tag_cache *tc) {
    if (!tc) return;
    mem_free(&tc->m, tc->index);
    mem_free(&tc->m, tc->ents);
    mem_free(&tc->m, tc->words);
    mem_free(&tc->m, tc->last_ent);
    mem_free(&tc->m, tc->last_slot);
    mem m = tc->m;
    mem_free(&m, tc);
}

static void tc_clear(tag_cache *tc) {
    memset(tc->index, 0, TC_SLOTS * sizeof *tc->index);
    tc->count = 0;
    tc->nwords = 0;
    tc->last_n = 0; /* entries the sentence being tagged refers to are gone */
}

/* Encodes lemma p of token t; returns 0 and sets *ok = 0 when p is neither
 * a lexicon string nor a prefix of the norm (a hyphenated plural's
 * "ANTI-" + lemma, built in the arena): such readings are not cached. */
static uint32_t tc_enc(const char *lxs, const tok *t, const char *p,
                       int *ok) {
    if (!p) return 0;
    if (p >= lxs && p < lxs + lex_gen_size)
        return (uint32_t)(p - lxs) + 1;
    if (p == t->norm) return TC_NORM | t->nlen;
    size_t k = strlen(p);
    if (k < t->nlen && !memcmp(p, t->norm, k)) return TC_NORM | (uint32_t)k;
    *ok = 0;
    return 0;
}

static const char *tc_dec(const char *lxs, const tok *t, uint32_t v,
                          arena *a) {
    if (!v) return NULL;
    if (!(v & TC_NORM)) return lxs + (v - 1);
    uint32_t k = v & ~TC_NORM;
    return k == t->nlen ? t->norm : arena_strndup(a, t->norm, k);
}

/* Is token t cacheable at all? Empty and very long tokens are analysed
 * directly (a spelling is at most 64 bytes in the cache's word store). */
static int tc_cacheable(const tok *t) { return t->nlen && t->nlen <= 64; }

/* Starts loading the index slots and then the entries the sentence's
 * tokens will probe, so that their cache misses overlap instead of
 * following one another in analyse_cached. */
static void tc_prefetch(const tag_cache *tc, const sentence *s) {
    if (!tc || !tc->index) return;
    for (uint32_t i = 0; i < s->ntok; i++)
        TC_PREFETCH(&tc->index[tok_hash(&s->toks[i]) & (TC_SLOTS - 1)]);
    for (uint32_t i = 0; i < s->ntok; i++) {
        uint32_t v = tc->index[tok_hash(&s->toks[i]) & (TC_SLOTS - 1)];
        if (v) TC_PREFETCH(&tc->ents[(v & 0xffffu) - 1]);
    }
}

/* tag_analyse through the cache. Returns the entry's index + 1, 0 when the
 * token has no entry. */
static uint32_t analyse_cached(const lexicon *lx, tag_cache *tc,
                               const tok *t, int start, int caps_ok,
                               tag_cand *c, arena *a) {
    if (!tc || !tc_cacheable(t)) {
        tag_analyse(lx, t, start, caps_ok, c, a);
        return 0;
    }
    if (!tc->index && !tc->off) {
        tc->index = mem_zalloc(&tc->m, TC_SLOTS * sizeof *tc->index);
        tc->ents = mem_alloc(&tc->m, TC_MAX * sizeof *tc->ents);
        tc->words = mem_alloc(&tc->m, TC_WORDS_MAX + 66);
        if (!tc->index || !tc->ents || !tc->words) {
            mem_free(&tc->m, tc->index);
            mem_free(&tc->m, tc->ents);
            mem_free(&tc->m, tc->words);
            tc->index = NULL;
            tc->ents = NULL;
            tc->words = NULL;
            tc->off = 1;
        }
    }
    if (tc->off) {
        tag_analyse(lx, t, start, caps_ok, c, a);
        return 0;
    }
    const char *lxs = lex_strings(lx);
    uint32_t h = tok_hash(t);
    uint16_t key = (uint16_t)(t->flags | (start ? 1u << 8 : 0) |
                              (caps_ok ? 1u << 9 : 0));
    uint32_t i = h & (TC_SLOTS - 1);
    for (;; i = (i + 1) & (TC_SLOTS - 1)) {
        uint32_t v = tc->index[i];
        if (!v) break;
        if (TC_TAG(v) != TC_TAG(h)) continue;
        const tc_entry *e = &tc->ents[(v & 0xffffu) - 1];
        if (e->hash == h && e->key == key && e->nlen == t->nlen &&
            !memcmp(tc->words + e->word, t->norm, t->nlen)) {
            c->set = e->set;
            c->def = e->def;
            c->hn = e->hn;
            c->hv = e->hv;
            c->ha = e->ha;
            c->closed = e->closed;
            c->vlem = tc_dec(lxs, t, e->lem[0], a);
            c->nlem = tc_dec(lxs, t, e->lem[1], a);
            c->alem = tc_dec(lxs, t, e->lem[2], a);
            c->clem = tc_dec(lxs, t, e->lem[3], a);
            return v & 0xffffu;
        }
    }
    tag_analyse(lx, t, start, caps_ok, c, a);
    int ok = 1;
    uint32_t lem[4] = {tc_enc(lxs, t, c->vlem, &ok), tc_enc(lxs, t, c->nlem, &ok),
                       tc_enc(lxs, t, c->alem, &ok), tc_enc(lxs, t, c->clem, &ok)};
    if (!ok) return 0;
    if (tc->count >= TC_MAX || tc->nwords + t->nlen + 1 > TC_WORDS_MAX) {
        /* full: start over (cheaper and simpler than evicting; the
         * frequent words come back within a few documents) */
        tc_clear(tc);
        i = h & (TC_SLOTS - 1);
    }
    tc_entry *e = &tc->ents[tc->count];
    tc->index[i] = TC_TAG(h) | (tc->count + 1);
    tc->count++;
    e->hash = h;
    e->key = key;
    e->nlen = t->nlen;
    e->word = (uint32_t)tc->nwords;
    memcpy(tc->words + tc->nwords, t->norm, t->nlen);
    tc->words[tc->nwords + t->nlen] = '\0';
    tc->nwords += t->nlen + 1u;
    e->set = c->set;
    e->def = c->def;
    e->hn = c->hn;
    e->hv = c->hv;
    e->ha = c->ha;
    e->closed = c->closed;
    memcpy(e->lem, lem, sizeof lem);
    e->idset = 0;
    return tc->count;
}

/* Short words Title Case leaves in lower case ("Rebels Seize Town as Talks
 * Stall"). */
static int title_small_word(const tok *t) {
    static const char *const w[] = {"A", "AN", "THE", "OF", "IN", "ON", "TO",
                                    "FOR", "AS", "AT", "BY", "AND", "OR",
                                    "BUT", "WITH", "FROM", "INTO", "OVER",
                                    "VS", "VIA", "NOR", "AMID", NULL};
    if (t->nlen > 4) return 0;
    for (const char *const *p = w; *p; p++)
        if (!strcmp(t->norm, *p)) return 1;
    return 0;
}

/* A sentence whose capitals say nothing: an all-capitals line, or a title
 * in Title Case ("Rebels Seize Border Town As Talks Stall"), where every
 * content word is capitalised whether it is a name or not. Then words are
 * tagged by the lexicon alone, as if in lower case, and names are found by
 * the dictionaries. */
static int headline_case(const sentence *s) {
    uint32_t words = 0, allcaps = 0, caps = 0, content = 0;
    for (uint32_t i = 0; i < s->ntok; i++) {
        const tok *t = &s->toks[i];
        if (t->flags & (TOKF_PUNCT | TOKF_NUMBER)) continue;
        words++;
        if (t->flags & TOKF_ALLCAPS) allcaps++;
        /* (the small words matter only in a title: most sentences are
         * not, and this runs for every one) */
        if (!s->title) continue;
        if (!(t->flags & TOKF_CAP) && title_small_word(t)) continue;
        content++;
        if (t->flags & TOKF_CAP) caps++;
    }
    if (words >= 4 && allcaps * 5 >= words * 4) return 1;
    return s->title && content >= 3 && caps * 10 >= content * 8;
}

/* A subordinator that opens a headline's second clause ("... As US Pulls
 * Troops", "... After Talks Fail"). */
static int headline_sub(const tok *t) {
    return tok_norm_is(t, "AS") || tok_norm_is(t, "AFTER") ||
           tok_norm_is(t, "WHILE") || tok_norm_is(t, "BEFORE") ||
           tok_norm_is(t, "UNTIL") || tok_norm_is(t, "WHEN") ||
           tok_norm_is(t, "IF") || tok_norm_is(t, "SINCE") ||
           tok_norm_is(t, "THOUGH") || tok_norm_is(t, "UNLESS");
}

/* Makes tokens k+1 ... before r that the lexicon-only tagging made verbs
 * nouns or adjectives again: "Hold Talks", "Gives French Troops". */
static void headline_unverb(const tag_cand *c, uint8_t *tg, uint32_t k,
                            uint32_t r) {
    for (uint32_t j = k + 1; j < r; j++) {
        if (tg[j] != T_VBZ && tg[j] != T_VBP && tg[j] != T_VBD) break;
        tg[j] = has(&c[j], T_JJ)    ? T_JJ
                : has(&c[j], T_NNS) ? T_NNS
                : has(&c[j], T_NN)  ? T_NN
                                    : tg[j];
    }
}

/* A headline's verbs after the first, each after a comma or "and", with
 * the first one's subject: "Turkey Detains 3,000 Soldiers, Purges Judges",
 * "ECOWAS Leaders Impose Sanctions On Niger, Give Military One Week". A
 * word there that can be a verb of the same person (want) is one, up to
 * the next subordinator or semicolon (a new subject: "; Crowds Defy"). */
static void headline_more_verbs(const sentence *s, const tag_cand *c,
                                uint8_t *tg, uint32_t k, int want) {
    uint32_t n = s->ntok;
    for (uint32_t j = k + 1; j + 1 < n; j++) {
        if (headline_sub(&s->toks[j]) || tg[j] == T_COLON) return;
        if (tg[j] != T_COMMA && tg[j] != T_CC) continue;
        uint32_t v = j + 1;
        if (!has(&c[v], want) || tag_is_verb(tg[v]) ||
            !(s->toks[v].flags & TOKF_CAP))
            continue;
        tg[v] = (uint8_t)want;
        uint32_t r = v + 1;
        while (r < n && tg[r] != T_IN && tg[r] != T_TO && tg[r] != T_COLON)
            r++;
        headline_unverb(c, tg, v, r);
        j = v;
    }
}

/* A Title Case or capitals headline's verb, in the clause from token a.
 * Headlines drop articles and put the verb in the present ("Maduro Cuts
 * Ties With U.S.", "Iran, US Hold Talks In Oman", "Colombia Backs Down"),
 * so the words before the clause's first preposition are a subject of
 * names and nouns and then a verb: the first word there that can be a
 * present-tense verb agreeing with what precedes it (-s after one noun,
 * the base form after a plural or "A, B" / "A and B") is the verb, unless
 * the lexicon reads it mostly as a noun and a verb of the same clause
 * follows the stretch ("Japan's Export Curbs on Chips Take Effect"). What
 * the lexicon-only tagging made a verb right after it ("Hold Talks",
 * "Gives French Troops") is a noun or adjective again. */
static void headline_verb(const sentence *s, const tag_cand *c, uint8_t *tg,
                          uint32_t a) {
    uint32_t n = s->ntok, r = a;
    while (r < n && tg[r] != T_IN && tg[r] != T_TO && tg[r] != T_COLON)
        r++;
    int plural = 0, nouns = 0;
    for (uint32_t k = a; k < r; k++) {
        int prev = k > a ? tg[k - 1] : -1;
        /* "Sudan's Warring Generals Sign": a headline's 's after a name is
         * its possessive, not the verb */
        if (tok_norm_is(&s->toks[k], "'S") && tag_is_noun(prev) && k + 1 < r) {
            tg[k] = T_POS;
            continue;
        }
        int finite = tg[k] == T_VBZ || tg[k] == T_VBP || tg[k] == T_VBD ||
                     tg[k] == T_MD;
        /* (an adjective that is also a noun too: "Sudan Military Scraps") */
        int nounish = prev == T_NN || prev == T_NNS || prev == T_NNP ||
                      prev == T_NNPS || prev == T_RQUOTE ||
                      (prev == T_JJ && has(&c[k - 1], T_NN));
        /* ("Police Arrest", "People Flee", "Taliban Say": collective
         * plurals) */
        int coll = k > a && (tok_norm_is(&s->toks[k - 1], "POLICE") ||
                             tok_norm_is(&s->toks[k - 1], "PEOPLE") ||
                             tok_norm_is(&s->toks[k - 1], "TALIBAN"));
        int want = plural || coll || prev == T_NNS || prev == T_NNPS ? T_VBP : T_VBZ;
        if (nouns && nounish && has(&c[k], want)) {
            /* a verb of this clause after the stretch, the stretch its
             * subject */
            int later = 0;
            for (uint32_t j = r; j < n && !later; j++) {
                if (headline_sub(&s->toks[j]) || tg[j] == T_COLON) break;
                later = (tg[j] == T_VBZ || tg[j] == T_VBP) &&
                        tg[j - 1] != T_COMMA && tg[j - 1] != T_CC;
            }
            if (!finite && later && c[k].hn > c[k].hv) return;
            /* "Security Forces Fire On": a plural noun and then a base
             * form, when the first is the more noun-like of the two */
            if (want == T_VBZ && prev != T_JJ && has(&c[k], T_NNS) && k + 1 < r &&
                has(&c[k + 1], T_VBP) &&
                (int)c[k].hn - (int)c[k].hv >
                    (int)c[k + 1].hn - (int)c[k + 1].hv) {
                tg[k] = T_NNS;
                tg[k + 1] = T_VBP;
                return;
            }
            if (!(finite && tg[k] == want)) { /* (else already so) */
                tg[k] = (uint8_t)want;
                headline_unverb(c, tg, k, r);
            }
            headline_more_verbs(s, c, tg, k, want);
            return;
        }
        if (finite) { /* the tagging found one first */
            if (tg[k] == T_VBZ || tg[k] == T_VBP)
                headline_more_verbs(s, c, tg, k, tg[k]);
            return;
        }
        if (tg[k] == T_COMMA || tg[k] == T_CC) plural = nouns > 0;
        if (tag_is_noun(tg[k])) nouns++;
    }
}

void tag_sentence(const lexicon *lx, sentence *s, arena *a) {
    tag_sentence_cached(lx, NULL, s, a);
}

void tag_sentence_cached(const lexicon *lx, tag_cache *tc, sentence *s,
                         arena *a) {
    uint32_t n = s->ntok;
    if (!n) return;
    tag_cand *c = arena_alloc(a, n * sizeof *c);
    uint8_t *tg = arena_zalloc(a, n);
    int caps_ok = !headline_case(s);
    int start = 1;
    tc_prefetch(tc, s);
    uint32_t *ent = NULL;
    if (tc && tc->off) tc = NULL;
    if (tc) {
        if (tc->last_cap < n) {
            mem_free(&tc->m, tc->last_ent);
            mem_free(&tc->m, tc->last_slot);
            tc->last_cap = n < 256 ? 256 : n;
            tc->last_ent = mem_alloc(&tc->m, tc->last_cap * sizeof *tc->last_ent);
            tc->last_slot = mem_alloc(&tc->m, tc->last_cap);
            if (!tc->last_ent || !tc->last_slot) {
                mem_free(&tc->m, tc->last_ent);
                mem_free(&tc->m, tc->last_slot);
                tc->last_ent = NULL;
                tc->last_slot = NULL;
                tc->last_cap = 0;
                tc->off = 1;
            }
        }
    }
    if (tc && tc->off) tc = NULL;
    if (tc) {
        ent = tc->last_ent;
        tc->last_s = s;
        tc->last_n = n; /* tc_clear sets it to 0 */
        tc->last_lxs = lex_strings(lx);
    }
    for (uint32_t i = 0; i < n; i++) {
        const tok *t = &s->toks[i];
        uint32_t en = analyse_cached(lx, tc, t, start, caps_ok, &c[i], a);
        if (ent) ent[i] = en;
        /* "al-Sisi", "bin-Salman": a name when the part after the last
         * hyphen is capitalised in the text */
        if (caps_ok && (t->flags & TOKF_HYPHEN) && !(t->flags & TOKF_CAP)) {
            const char *src = s->text + t->off;
            uint32_t q = t->len;
            while (q > 0 && src[q - 1] != '-') q--;
            if (q > 1 && q < t->len && src[q] >= 'A' && src[q] <= 'Z') {
                c[i].set = B(T_NNP);
                c[i].def = T_NNP;
            }
        }
        /* "US" in capitals is the country, "us" the pronoun: tagged so
         * before its neighbours are ("the US state department", "Iran,
         * US Hold Talks"; document.c gives it the country's word id) */
        if (t->nlen == 2 && (t->flags & TOKF_ALLCAPS) &&
            tok_norm_is(t, "US")) {
            c[i].set = B(T_NNP);
            c[i].def = T_NNP;
        }
        /* a quotation or a colon opens a new "sentence" for capitals */
        int d = c[i].def;
        start = (d == T_LQUOTE || d == T_COLON || d == T_LRB ||
                 (start && (d == T_RQUOTE || d == T_SYM)));
    }
    tag_ctx x = {s->toks, c, tg, n};
    int quotes = 0;
    for (uint32_t i = 0; i < n; i++) {
        int t = tag_choose(&x, (int)i);
        /* straight double quotes alternate open / close */
        const char *nm = s->toks[i].norm; /* (no strcmp per token) */
        if (nm[0] == '"' && !nm[1]) t = (quotes++ & 1) ? T_RQUOTE : T_LQUOTE;
        /* a lone apostrophe after a plural is the possessive: "the
         * countries' leaders" */
        if (nm[0] == '\'' && !nm[1] && i > 0 &&
            (tg[i - 1] == T_NNS || tg[i - 1] == T_NNPS ||
             (tg[i - 1] == T_NNP && s->toks[i - 1].norm[s->toks[i - 1].nlen - 1] == 'S')) &&
            i + 1 < n && !(s->toks[i + 1].flags & TOKF_PUNCT))
            t = T_POS;
        tg[i] = (uint8_t)t;
        if (t == T_VBD && i > 0 && tg[i - 1] == T_JJ && (c[i - 1].set & B(T_NN)))
            tg[i - 1] = T_NN; /* the noun before the verb (tag_choose) */
        /* "Minas Tirith": a plural-looking word inside a longer name */
        if (i > 0 && tg[i - 1] == T_NNPS && (t == T_NNP || t == T_NNPS))
            tg[i - 1] = T_NNP;
    }
    /* "The Israeli military said it": a lowercase word is no name --
     * "said" tagged so (Port Said) after an adjective that is also a
     * noun is that noun's verb */
    if (caps_ok)
        for (uint32_t i = 1; i < n; i++)
            if (tg[i] == T_NNP && !(s->toks[i].flags & TOKF_CAP) && has(&c[i], T_VBD) &&
                tg[i - 1] == T_JJ && has(&c[i - 1], T_NN)) {
                tg[i - 1] = T_NN;
                tg[i] = T_VBD;
            }
    if (!caps_ok) {
        headline_verb(s, c, tg, 0);
        for (uint32_t i = 1; i + 2 < n; i++)
            if (headline_sub(&s->toks[i])) headline_verb(s, c, tg, i + 1);
        /* "U.S. Puts Huawei On Trade Blacklist, China Vows 'Necessary
         * Measures'": after a comma or semicolon past the first clause's
         * verb, a new subject and its verb (headline_verb leaves a clause
         * that has one alone) */
        int seen_verb = 0;
        for (uint32_t i = 0; i + 2 < n; i++) {
            seen_verb |= tg[i] == T_VBZ || tg[i] == T_VBP || tg[i] == T_VBD;
            if (seen_verb && (tg[i] == T_COMMA || tg[i] == T_COLON) &&
                tag_is_noun(tg[i + 1]) && !tag_is_verb(tg[i + 2]))
                headline_verb(s, c, tg, i + 1);
        }
    }
    /* "the US state department", "the EU trade chief": a base-form verb
     * after one name and before a noun would disagree with that name;
     * it is a noun of the compound ("Russia and China state that ..."
     * agrees) */
    for (uint32_t i = 1; i + 1 < n; i++)
        if (tg[i] == T_VBP && tg[i - 1] == T_NNP && has(&c[i], T_NN) &&
            (tg[i + 1] == T_NN || tg[i + 1] == T_NNS) &&
            (i < 2 || (tg[i - 2] != T_CC && tg[i - 2] != T_COMMA &&
                       tg[i - 2] != T_NNP)))
            tg[i] = T_NN;
    /* a lone quoted participle is a characterisation, not a clause:
     * called the plan "humiliating" */
    for (uint32_t i = 1; i + 1 < n; i++)
        if ((tg[i] == T_VBG || tg[i] == T_VBN) && tg[i - 1] == T_LQUOTE &&
            tg[i + 1] == T_RQUOTE)
            tg[i] = T_JJ;
    /* "have all curbed", "were both killed": a floating quantifier
     * between an auxiliary and its participle is an adverb of the verb
     * group, and the participle is one */
    for (uint32_t i = 1; i + 1 < n; i++)
        if (tg[i] == T_DT && has(&c[i + 1], T_VBN) &&
            (tok_norm_is(&s->toks[i], "ALL") || tok_norm_is(&s->toks[i], "BOTH")) &&
            (tok_norm_is(&s->toks[i - 1], "HAVE") || tok_norm_is(&s->toks[i - 1], "HAS") ||
             tok_norm_is(&s->toks[i - 1], "HAD") || tok_norm_is(&s->toks[i - 1], "WERE") ||
             tok_norm_is(&s->toks[i - 1], "ARE"))) {
            tg[i] = T_RB;
            tg[i + 1] = T_VBN;
        }
    /* "The WHO Director-General", "WHO's emergency chief": the World
     * Health Organization, not the pronoun, after a determiner or before
     * a possessive */
    for (uint32_t i = 0; i < n; i++)
        if (tg[i] == T_WP && s->toks[i].len == 3 &&
            !memcmp(s->text + s->toks[i].off, "WHO", 3) &&
            ((i > 0 && tg[i - 1] == T_DT) ||
             (i + 1 < n && tok_norm_is(&s->toks[i + 1], "'S")))) {
            tg[i] = T_NNP;
            if (i + 1 < n && tok_norm_is(&s->toks[i + 1], "'S")) tg[i + 1] = T_POS;
        }
    /* "... and closing its airspace": an -ing word read as a noun with a
     * determiner or possessive right after it, and none before, is a
     * verb with its object */
    for (uint32_t i = 1; i + 1 < n; i++)
        if (tg[i] == T_NN && has(&c[i], T_VBG) &&
            (tg[i + 1] == T_PRPS || tg[i + 1] == T_DT) &&
            (tg[i - 1] == T_CC || tg[i - 1] == T_COMMA || tg[i - 1] == T_IN) &&
            s->toks[i].nlen > 4 && !memcmp(s->toks[i].norm + s->toks[i].nlen - 3, "ING", 3))
            tg[i] = T_VBG;
    /* "the Mogadishu truck bombing", "a suicide bombing in Kabul": a
     * gerund closing a determiner's run of nouns, with no object after
     * it, is the run's head noun */
    for (uint32_t i = 2; i < n; i++) {
        if (tg[i] != T_VBG || (tg[i - 1] != T_NN && tg[i - 1] != T_NNP)) continue;
        uint32_t j = i - 1;
        while (j > 0 && (tg[j - 1] == T_NN || tg[j - 1] == T_NNP || tg[j - 1] == T_JJ)) j--;
        if (j == 0 || (tg[j - 1] != T_DT && tg[j - 1] != T_POS && tg[j - 1] != T_PRPS)) continue;
        if (i + 1 < n && (tg[i + 1] == T_DT || tag_is_noun(tg[i + 1]) || tg[i + 1] == T_PRPS ||
                          tg[i + 1] == T_PRP || tg[i + 1] == T_JJ || tg[i + 1] == T_CD))
            continue;
        tg[i] = T_NN;
    }
    /* "appealed to both governments": "both" before a plural noun with
     * no "and" to pair it is the determiner, not "both X and Y" */
    for (uint32_t i = 0; i + 1 < n; i++)
        if (tg[i] == T_CC && tg[i + 1] == T_NNS && tok_norm_is(&s->toks[i], "BOTH")) {
            uint32_t j = i + 1;
            while (j < n && (tg[j] == T_NNS || tg[j] == T_NN)) j++;
            if (j >= n || !tok_norm_is(&s->toks[j], "AND")) tg[i] = T_DT;
        }
    /* "have since charged": an adverb between the auxiliary and its
     * participle */
    for (uint32_t i = 1; i + 1 < n; i++)
        if (s->toks[i].nlen == 5 && tok_norm_is(&s->toks[i], "SINCE") &&
            has(&c[i + 1], T_VBN) &&
            (tok_norm_is(&s->toks[i - 1], "HAVE") || tok_norm_is(&s->toks[i - 1], "HAS") ||
             tok_norm_is(&s->toks[i - 1], "HAD"))) {
            tg[i] = T_RB;
            tg[i + 1] = T_VBN;
        }
    uint8_t slot = 0;
    for (uint32_t i = 0; i < n; i++) {
        tok *t = &s->toks[i];
        t->tag = tg[i];
        t->lemma = lemma_for(t, &c[i], tg[i], &slot);
        if (tc) tc->last_slot[i] = slot;
    }
}

/* Fills the entry's ids on first use under the current vocabulary. The
 * lemmas are decoded as tc_dec does, without copying a prefix. */
static void tc_fill_ids(const tag_cache *tc, tc_entry *e, const tok *t,
                        const tag_vocab *v) {
    e->wid = v->find(v->ctx, t->norm, t->nlen, tok_hash(t));
    for (int k = 0; k < 4; k++) {
        uint32_t x = e->lem[k];
        if (!x) {
            e->lid[k] = 0;
        } else if (x & TC_NORM) {
            uint32_t len = x & ~TC_NORM;
            e->lid[k] = len == t->nlen ? e->wid
                                       : v->find(v->ctx, t->norm, len, 0);
        } else {
            const char *l = tc->last_lxs + (x - 1);
            e->lid[k] = v->find(v->ctx, l, strlen(l), 0);
        }
    }
    e->idset = 1;
}

int tag_cache_ids(tag_cache *tc, sentence *s, const tag_vocab *v) {
    if (!tc || !v->sig || tc->last_s != s || !tc->last_n ||
        tc->last_n != s->ntok)
        return 0;
    if (tc->id_sig != v->sig) {
        /* another vocabulary: every id cached so far is stale */
        for (uint32_t i = 0; i < tc->count; i++) tc->ents[i].idset = 0;
        tc->id_sig = v->sig;
    }
    for (uint32_t i = 0; i < s->ntok; i++) {
        tok *t = &s->toks[i];
        uint32_t en = tc->last_ent[i];
        if (!en) {
            t->wid = v->find(v->ctx, t->norm, t->nlen, tok_hash(t));
            t->lwid = t->lemma == t->norm
                          ? t->wid
                          : v->find(v->ctx, t->lemma, strlen(t->lemma), 0);
            continue;
        }
        tc_entry *e = &tc->ents[en - 1];
        if (!e->idset) tc_fill_ids(tc, e, t, v);
        uint8_t k = tc->last_slot[i];
        t->wid = e->wid;
        t->lwid = k == LEM_NORM ? e->wid : e->lid[k];
    }
    tc->last_s = NULL; /* once per tagging: the sentence may change next */
    return 1;
}
