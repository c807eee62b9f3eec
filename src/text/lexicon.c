/* lexicon.c -- loads the compiled-in lexicon into a hash table; undoes regular
 * inflection. See lexicon.h, and tools/mklexicon.c for the record format.
 *
 * Load time matters (every engine pays it): lex_new() only inserts each word
 * into the table with the byte offset of its record as the value;
 * lex_lookup() decodes the few bytes of a record when asked. Lemma strings
 * are returned as the table's own spelling of the lemma word (mklexicon makes
 * sure every lemma is itself a key), so nothing is allocated per lookup. */
#include "text/lexicon.h"

#include <string.h>

#include "util/strmap.h"

/* A word's place in the table: the hash and the offset of the word in
 * lexicon.data; bit 31 of off is set when the record has segments. */
typedef struct lex_slot {
    uint32_t hash;       /* strmap_hash of the word; 0 = empty slot */
    uint32_t off;        /* LEX_HAS_SEGS | offset of the word in data */
} lex_slot;

#define LEX_HAS_SEGS 0x80000000u

/* The lexicon is probed several times per token (the word, then every
 * inflection guess), mostly for words it does not hold, so its table is
 * kept small and sparse: 8-byte slots at a load of at most 1/2, 2 MB for
 * WordNet, instead of a strmap's 24-byte slots and separately allocated
 * keys. The keys are the words of a private copy of the generated data in
 * which the blank after each word is replaced by a NUL: that makes them
 * C strings (lemmas are returned as such) at the cost of one memcpy. */
struct lexicon {
    char *data;          /* copy of lex_gen_data, words NUL-terminated */
    lex_slot *slots;
    size_t mask;         /* slot count - 1 (a power of two minus one) */
    size_t count;        /* words */
    const mem *m;
};

/* The slot of w[0..n) (hash h), or NULL. */
static const lex_slot *lex_find(const lexicon *lx, const char *w, size_t n,
                                uint32_t h) {
    for (size_t i = h & lx->mask;; i = (i + 1) & lx->mask) {
        const lex_slot *sl = &lx->slots[i];
        if (!sl->hash) return NULL;
        if (sl->hash != h) continue;
        const char *k = lx->data + (sl->off & ~LEX_HAS_SEGS);
        size_t j = 0;
        while (j < n && k[j] == w[j]) j++;
        if (j == n && k[n] == '\0') return sl;
    }
}

/* The interned spelling of a lemma named in a record, or NULL. */
static const char *intern(const lexicon *lx, const char *p, const char *q) {
    size_t n = (size_t)(q - p);
    const lex_slot *sl = lex_find(lx, p, n, strmap_hash(p, n));
    return sl ? lx->data + (sl->off & ~LEX_HAS_SEGS) : NULL;
}

/* Decodes one segment p..q (see mklexicon.c) into e. */
static void parse_seg(const lexicon *lx, lex_entry *e, const char *p,
                      const char *q) {
    static const char posl[] = "nvar";
    const char *pp;
    if (p >= q) return;
    if (q - p == 2 && (pp = memchr(posl, p[0], 4))) {
        int i = (int)(pp - posl);
        e->flags |= (uint16_t)(1u << i);
        e->hint[i] = (uint8_t)(p[1] - '0');
    } else if (q - p > 2 && p[1] == '=' && p[0] == 'N') {
        e->flags |= LEX_NOUN_INFL;
        e->nlemma = intern(lx, p + 2, q);
    } else if (q - p > 2 && p[1] == '=' && p[0] == 'V') {
        e->flags |= LEX_VERB_INFL;
        e->vlemma = intern(lx, p + 2, q);
    } else if (q - p > 2 && p[1] == '=' && p[0] == 'A') {
        e->flags |= LEX_ADJ_INFL;
        e->alemma = intern(lx, p + 2, q);
    } else if (p[0] == 'P') {
        e->flags |= LEX_PROPER | LEX_PROPER_SOME;
    } else if (p[0] == 'p') {
        e->flags |= LEX_PROPER_SOME;
    } else if (p[0] == '#') {
        e->flags |= LEX_CLOSED;
        p++;
        while (p < q && *p != '=') {
            unsigned v = 0;
            while (p < q && *p >= '0' && *p <= '9')
                v = v * 10 + (unsigned)(*p++ - '0');
            if (e->ntags < LEX_MAX_TAGS) e->tags[e->ntags++] = (uint8_t)v;
            if (p < q && *p == ',') p++;
        }
        if (p < q && *p == '=') e->clemma = intern(lx, p + 1, q);
    }
}

lexicon *lex_new(const mem *m) {
    if (!m) m = mem_libc();
    /* allocated without unwinding, so that a failure first frees what was
     * allocated (the caller does not hold lx yet), then unwinds */
    mem quiet = *m;
    quiet.oom = NULL;
    lexicon *lx = mem_zalloc(&quiet, sizeof *lx);
    if (!lx) {
        mem_fail(m);
        return NULL;
    }
    lx->m = m;
    size_t cap = 64;
    while (cap < 2 * (size_t)lex_gen_count) cap *= 2;
    lx->slots = mem_zalloc(&quiet, cap * sizeof *lx->slots);
    lx->data = lx->slots ? mem_alloc(&quiet, (size_t)lex_gen_size + 1) : NULL;
    if (!lx->slots || !lx->data) {
        lex_free(lx);
        mem_fail(m);
        return NULL;
    }
    lx->mask = cap - 1;
    memcpy(lx->data, lex_gen_data, lex_gen_size);
    lx->data[lex_gen_size] = '\0';
    char *p = lx->data, *end = lx->data + lex_gen_size;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) nl = end;
        char *sp = memchr(p, ' ', (size_t)(nl - p));
        uint32_t segs = sp ? LEX_HAS_SEGS : 0;
        if (!sp) sp = nl;
        size_t n = (size_t)(sp - p);
        uint32_t h = strmap_hash(p, n);
        lex_slot *sl = (lex_slot *)lex_find(lx, p, n, h);
        if (!sl) {
            size_t i = h & lx->mask;
            while (lx->slots[i].hash) i = (i + 1) & lx->mask;
            sl = &lx->slots[i];
            sl->hash = h;
            lx->count++;
        }
        /* a word listed twice: the last record counts */
        sl->off = (uint32_t)(p - lx->data) | segs;
        *sp = '\0'; /* after the probe: the word's end is looked at there */
        p = nl + 1;
    }
    return lx;
}

void lex_free(lexicon *lx) {
    if (!lx) return;
    mem_free(lx->m, lx->slots);
    mem_free(lx->m, lx->data);
    mem_free(lx->m, lx);
}

size_t lex_size(const lexicon *lx) { return lx->count; }

const char *lex_strings(const lexicon *lx) { return lx->data; }

int lex_lookup(const lexicon *lx, const char *w, size_t n, lex_entry *out) {
    return lex_lookup_h(lx, w, n, strmap_hash(w, n), out);
}

int lex_lookup_h(const lexicon *lx, const char *w, size_t n, uint32_t h,
                 lex_entry *out) {
    const lex_slot *sl = lex_find(lx, w, n, h);
    if (!sl) return 0;
    memset(out, 0, sizeof *out);
    size_t off = sl->off & ~LEX_HAS_SEGS;
    out->word = lx->data + off;
    if (!(sl->off & LEX_HAS_SEGS)) return 1;
    const char *sp = lx->data + off + n; /* the NUL that was a blank */
    do {
        const char *s = sp + 1, *t = s;
        while (*t != ' ' && *t != '\n' && *t) t++;
        parse_seg(lx, out, s, t);
        sp = t;
    } while (*sp == ' ');
    return 1;
}

/* Candidate base: w[0..keep) + add, looked up; 1 if it has flag. */
static int try_base(const lexicon *lx, const char *w, size_t keep,
                    const char *add, unsigned flag, lex_entry *e) {
    char buf[96];
    size_t al = strlen(add);
    if (keep < 2 || keep + al >= sizeof buf) return 0;
    memcpy(buf, w, keep);
    /* (keep + al < sizeof buf, tested above) */
    /* cppcheck-suppress pointerOutOfBoundsCond */
    memcpy(buf + keep, add, al);
    return lex_lookup(lx, buf, keep + al, e) && (e->flags & flag);
}

static int ends(const char *w, size_t n, const char *suf) {
    size_t k = strlen(suf);
    return n > k && memcmp(w + n - k, suf, k) == 0;
}

static int is_vowel(char c) {
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

/* Two candidate verb bases differing by a final E: keep the one WordNet's
 * corpus uses more as a verb ("HOPING": HOPE beats HOP; "SINGING": SING
 * beats SINGE). Returns the chosen lemma or NULL. */
static const char *pick_base(const lexicon *lx, const char *w, size_t k) {
    lex_entry a, b;
    int ha = try_base(lx, w, k, "", LEX_VERB, &a);
    int hb = try_base(lx, w, k, "E", LEX_VERB, &b);
    if (ha && hb) return b.hint[LEX_HV] > a.hint[LEX_HV] ? b.word : a.word;
    return ha ? a.word : hb ? b.word : NULL;
}

const char *lex_noun_lemma(const lexicon *lx, const char *w, size_t n) {
    lex_entry e;
    if (n < 4 || w[n - 1] != 'S' || ends(w, n, "SS") || ends(w, n, "US") ||
        ends(w, n, "IS"))
        return NULL;
    /* "CITIES" -> CITY */
    if (ends(w, n, "IES") && try_base(lx, w, n - 3, "Y", LEX_NOUN, &e))
        return e.word;
    /* "TAXES", "CHURCHES", "HEROES" */
    if ((ends(w, n, "XES") || ends(w, n, "CHES") || ends(w, n, "SHES") ||
         ends(w, n, "SSES") || ends(w, n, "OES") || ends(w, n, "ZES")) &&
        try_base(lx, w, n - 2, "", LEX_NOUN, &e))
        return e.word;
    if (try_base(lx, w, n - 1, "", LEX_NOUN, &e)) return e.word;
    return NULL;
}

const char *lex_verb_lemma(const lexicon *lx, const char *w, size_t n,
                           int *form) {
    lex_entry e;
    const char *r = NULL;
    int f = 0;
    if (n < 4) return NULL;
    if (ends(w, n, "ING")) {
        size_t k = n - 3;
        f = 'G';
        /* "TYING" -> TIE */
        if (ends(w, n, "YING") && try_base(lx, w, k - 1, "IE", LEX_VERB, &e))
            r = e.word;
        if (!r) r = pick_base(lx, w, k);
        /* doubled consonant: "STOPPING" -> STOP */
        if (!r && k >= 3 && w[k - 1] == w[k - 2] && !is_vowel(w[k - 1]) &&
            try_base(lx, w, k - 1, "", LEX_VERB, &e))
            r = e.word;
    } else if (ends(w, n, "ED")) {
        size_t k = n - 2;
        f = 'D';
        if (ends(w, n, "IED") && try_base(lx, w, k - 1, "Y", LEX_VERB, &e))
            r = e.word;
        /* "SEIZED" -> SEIZE, "AGREED" -> AGREE, "ATTACKED" -> ATTACK */
        if (!r) r = pick_base(lx, w, k);
        if (!r && k >= 3 && w[k - 1] == w[k - 2] && !is_vowel(w[k - 1]) &&
            try_base(lx, w, k - 1, "", LEX_VERB, &e))
            r = e.word;
    } else if (w[n - 1] == 'S' && !ends(w, n, "SS")) {
        f = 'S';
        if (ends(w, n, "IES") && try_base(lx, w, n - 3, "Y", LEX_VERB, &e))
            r = e.word;
        if (!r && (ends(w, n, "XES") || ends(w, n, "CHES") ||
                   ends(w, n, "SHES") || ends(w, n, "SSES") ||
                   ends(w, n, "OES") || ends(w, n, "ZZES")) &&
            try_base(lx, w, n - 2, "", LEX_VERB, &e))
            r = e.word;
        if (!r && try_base(lx, w, n - 1, "", LEX_VERB, &e)) r = e.word;
    }
    if (r && form) *form = f;
    return r;
}

const char *lex_adj_lemma(const lexicon *lx, const char *w, size_t n,
                          int *form) {
    lex_entry e;
    const char *r = NULL;
    int f;
    size_t k;
    if (ends(w, n, "EST")) {
        f = 'S';
        k = n - 3;
    } else if (ends(w, n, "ER")) {
        f = 'R';
        k = n - 2;
    } else {
        return NULL;
    }
    if (k < 2) return NULL;
    if (w[k - 1] == 'I' && try_base(lx, w, k - 1, "Y", LEX_ADJ, &e))
        r = e.word;                                           /* HAPPIER */
    if (!r && try_base(lx, w, k, "E", LEX_ADJ, &e)) r = e.word; /* LARGER */
    if (!r && try_base(lx, w, k, "", LEX_ADJ, &e)) r = e.word;  /* STRONGER */
    if (!r && k >= 3 && w[k - 1] == w[k - 2] &&
        try_base(lx, w, k - 1, "", LEX_ADJ, &e))
        r = e.word;                                           /* BIGGER */
    if (r && form) *form = f;
    return r;
}
