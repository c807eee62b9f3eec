/* mklexicon.c -- build-time tool: WordNet + tools/closed_class.txt -> C source
 * holding the tagger's lexicon (build/gen/lexicon_data.c).
 *
 * Usage: mklexicon WORDNET_DIR CLOSED_CLASS_FILE > lexicon_data.c
 *
 * dyad does no I/O at run time, so the lexicon is compiled in. Rather than a
 * huge array of initialised structs (several MB of C), the output is one
 * string of text records that src/lexicon.c parses into a strmap at load
 * (about 1.5 MB of C, a few ms to load). One record per word:
 *
 *     WORD SEG SEG ...\n
 *
 * where each SEG is one of
 *     n7 v3 a0 r1   the word is a WordNet noun/verb/adjective/adverb lemma;
 *                   the digit is floor(log2(1 + SemCor tagged count)) capped
 *                   at 9, a cheap "how common is this reading" hint
 *     N=LEMMA       irregular noun plural (noun.exc: GEESE N=GOOSE)
 *     V=LEMMA       irregular verb form (verb.exc: BROKE V=BREAK)
 *     A=LEMMA       irregular comparative/superlative (adj.exc: WORSE A=BAD)
 *     P / p         most / some of the noun senses are proper names (PARIS P)
 *     #T,T[=LEMMA]  closed-class Penn tags by enum number, first is default
 * Only single words are kept (WordNet collocations with '_' are skipped),
 * and only words made of letters, digits, '-', '\'' and '.'.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/sentence.h"

/* One fact about a word gathered from some input file; facts are sorted by
 * word and merged into one record per word. */
typedef struct fact {
    char *word;      /* upper case */
    char kind;       /* 'n','v','a','r' base lemma; 'N','V','A' exception;
                        'c' count (pos in sub); 'P' proper sense; 'L' lower
                        sense; '#' closed class; 'K' must be a key */
    char sub;        /* for 'c': the pos letter */
    long count;      /* for 'c': tagged count */
    char *extra;     /* lemma (exceptions) or "T,T[=LEMMA]" (closed class) */
    long order;      /* input order, keeps the sort stable */
} fact;

static fact *facts;
static size_t nfacts, capfacts;

static void *xmalloc(size_t n) {
    void *p = malloc(n);
    if (!p) {
        fprintf(stderr, "mklexicon: out of memory\n");
        exit(1);
    }
    return p;
}

static char *xstrdup(const char *s) {
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

/* Upper-cases a WordNet word in place; returns 0 if the word should be
 * skipped (collocation or odd characters). */
static int normword(char *w) {
    if (!*w) return 0;
    for (char *p = w; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalpha(c)) *p = (char)toupper(c);
        else if (!(isdigit(c) || c == '-' || c == '\'' || c == '.')) return 0;
    }
    return 1;
}

static void add(const char *word, char kind, char sub, long count,
                const char *extra) {
    if (nfacts == capfacts) {
        capfacts = capfacts ? capfacts * 2 : 65536;
        facts = realloc(facts, capfacts * sizeof(*facts));
        if (!facts) exit(1);
    }
    fact *f = &facts[nfacts];
    f->word = xstrdup(word);
    f->kind = kind;
    f->sub = sub;
    f->count = count;
    f->extra = extra ? xstrdup(extra) : NULL;
    f->order = (long)nfacts;
    nfacts++;
}

static FILE *open_wn(const char *dir, const char *name) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "mklexicon: cannot open %s\n", path);
        exit(1);
    }
    return f;
}

/* index.POS: "lemma pos synset_cnt ..." -- we only need the lemma. */
static void read_index(const char *dir, const char *name, char pos) {
    FILE *f = open_wn(dir, name);
    char line[65536];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == ' ') continue; /* licence header */
        char *sp = strchr(line, ' ');
        if (!sp) continue;
        *sp = 0;
        if (normword(line)) add(line, pos, 0, 0, NULL);
    }
    fclose(f);
}

/* POS.exc: "inflected lemma [lemma...]" */
static void read_exc(const char *dir, const char *name, char kind) {
    FILE *f = open_wn(dir, name);
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        char w[1024], l[1024];
        if (sscanf(line, "%1023s %1023s", w, l) != 2) continue;
        if (normword(w) && normword(l) && strcmp(w, l) != 0)
            add(w, kind, 0, 0, l);
    }
    fclose(f);
}

/* cntlist.rev: "lemma%ss_type:... sense_number tag_cnt" -- SemCor counts,
 * summed per lemma and part of speech into the frequency hint. */
static void read_counts(const char *dir) {
    FILE *f = open_wn(dir, "cntlist.rev");
    char line[4096];
    static const char posl[] = "?nvar";
    while (fgets(line, sizeof line, f)) {
        char key[1024];
        long sense, cnt;
        if (sscanf(line, "%1023s %ld %ld", key, &sense, &cnt) != 3) continue;
        char *pct = strchr(key, '%');
        if (!pct || !pct[1]) continue;
        int st = pct[1] - '0';
        *pct = 0;
        if (st < 1 || st > 5) continue;
        char pos = st == 5 ? 'a' : posl[st];
        if (normword(key)) add(key, 'c', pos, cnt, NULL);
    }
    fclose(f);
}

/* data.noun: which noun senses are spelt with a capital (proper names).
 * Line: "offset lexfn n w_cnt(hex) word lex_id word lex_id ... " */
static void read_proper(const char *dir) {
    FILE *f = open_wn(dir, "data.noun");
    char line[65536];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == ' ') continue;
        char *save = NULL;
        char *t = strtok_r(line, " ", &save);           /* offset */
        if (!t || !strtok_r(NULL, " ", &save)) continue; /* lexfn */
        if (!strtok_r(NULL, " ", &save)) continue;      /* ss_type */
        t = strtok_r(NULL, " ", &save);
        if (!t) continue;
        long nw = strtol(t, NULL, 16);
        for (long i = 0; i < nw; i++) {
            char *w = strtok_r(NULL, " ", &save);
            if (!w || !strtok_r(NULL, " ", &save)) break;
            char kind = isupper((unsigned char)w[0]) ? 'P' : 'L';
            if (normword(w)) add(w, kind, 0, 0, NULL);
        }
    }
    fclose(f);
}

/* Penn tag name -> enum tag (sentence.h). */
static const struct {
    const char *name;
    int t;
} tagnames[] = {
    {"NN", T_NN},     {"NNS", T_NNS},   {"NNP", T_NNP},   {"NNPS", T_NNPS},
    {"VB", T_VB},     {"VBD", T_VBD},   {"VBG", T_VBG},   {"VBN", T_VBN},
    {"VBP", T_VBP},   {"VBZ", T_VBZ},   {"MD", T_MD},     {"JJ", T_JJ},
    {"JJR", T_JJR},   {"JJS", T_JJS},   {"RB", T_RB},     {"RBR", T_RBR},
    {"RBS", T_RBS},   {"DT", T_DT},     {"PDT", T_PDT},   {"IN", T_IN},
    {"TO", T_TO},     {"CC", T_CC},     {"CD", T_CD},     {"PRP", T_PRP},
    {"PRP$", T_PRPS}, {"POS", T_POS},   {"WDT", T_WDT},   {"WP", T_WP},
    {"WP$", T_WPS},   {"WRB", T_WRB},   {"EX", T_EX},     {"RP", T_RP},
    {"UH", T_UH},     {"FW", T_FW},     {"SYM", T_SYM},   {"$", T_DOLLAR},
};

static int tag_by_name(const char *s) {
    for (size_t i = 0; i < sizeof tagnames / sizeof tagnames[0]; i++)
        if (strcmp(tagnames[i].name, s) == 0) return tagnames[i].t;
    return -1;
}

static void read_closed(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "mklexicon: cannot open %s\n", path);
        exit(1);
    }
    char line[4096];
    int ln = 0;
    while (fgets(line, sizeof line, f)) {
        ln++;
        char w[1024], tags[1024], lemma[1024] = "";
        if (line[0] == '#' || line[0] == '\n') continue;
        int n = sscanf(line, "%1023s %1023s %1023s", w, tags, lemma);
        if (n < 2) {
            fprintf(stderr, "%s:%d: expected WORD TAGS [LEMMA]\n", path, ln);
            exit(1);
        }
        char out[2048] = "";
        size_t o = 0;
        char *save = NULL;
        for (char *t = strtok_r(tags, ",", &save); t;
             t = strtok_r(NULL, ",", &save)) {
            int tv = tag_by_name(t);
            if (tv < 0) {
                fprintf(stderr, "%s:%d: unknown tag %s\n", path, ln, t);
                exit(1);
            }
            o += (size_t)snprintf(out + o, sizeof out - o, "%s%d",
                                  o ? "," : "", tv);
        }
        if (lemma[0]) snprintf(out + o, sizeof out - o, "=%s", lemma);
        for (char *p = w; *p; p++) *p = (char)toupper((unsigned char)*p);
        add(w, '#', 0, 0, out);
    }
    fclose(f);
}

static int cmp_fact(const void *a, const void *b) {
    const fact *x = a, *y = b;
    int c = strcmp(x->word, y->word);
    if (c) return c;
    return x->order < y->order ? -1 : x->order > y->order;
}

static int hint(long count) {
    int h = 0;
    while (count > 0 && h < 9) {
        count >>= 1;
        h++;
    }
    return h;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: mklexicon WORDNET_DIR CLOSED_CLASS_FILE\n");
        return 2;
    }
    const char *dir = argv[1];
    read_index(dir, "index.noun", 'n');
    read_index(dir, "index.verb", 'v');
    read_index(dir, "index.adj", 'a');
    read_index(dir, "index.adv", 'r');
    read_exc(dir, "noun.exc", 'N');
    read_exc(dir, "verb.exc", 'V');
    read_exc(dir, "adj.exc", 'A');
    read_counts(dir);
    read_proper(dir);
    read_closed(argv[2]);
    /* Every lemma must itself be a key: lexicon.c returns the map's copy of
     * the lemma word. An empty '#' fact makes a bare record if needed. */
    size_t nf = nfacts;
    for (size_t i = 0; i < nf; i++) {
        const char *l = facts[i].extra;
        if (!l) continue;
        if (facts[i].kind == '#') {
            l = strchr(l, '=');
            if (!l) continue;
            l++;
        }
        add(l, 'K', 0, 0, NULL);
    }
    qsort(facts, nfacts, sizeof *facts, cmp_fact);

    printf("/* generated by tools/mklexicon.c from WordNet and "
           "tools/closed_class.txt -- do not edit */\n");
    printf("#include \"text/lexicon.h\"\n\n");
    printf("const char lex_gen_data[] =\n");
    size_t nrec = 0, nbytes = 0;
    for (size_t i = 0; i < nfacts;) {
        size_t j = i;
        while (j < nfacts && strcmp(facts[j].word, facts[i].word) == 0) j++;
        int base[4] = {0, 0, 0, 0};
        long cnt[4] = {0, 0, 0, 0};
        long proper = 0, lower = 0;
        const char *exc[3] = {NULL, NULL, NULL};
        const char *closed = NULL;
        static const char posl[] = "nvar";
        for (size_t k = i; k < j; k++) {
            fact *f = &facts[k];
            const char *pp;
            switch (f->kind) {
            case 'n': case 'v': case 'a': case 'r':
                base[strchr(posl, f->kind) - posl] = 1;
                break;
            case 'c':
                if ((pp = strchr(posl, f->sub))) cnt[pp - posl] += f->count;
                break;
            case 'N': if (!exc[0]) exc[0] = f->extra; break;
            case 'V': if (!exc[1]) exc[1] = f->extra; break;
            case 'A': if (!exc[2]) exc[2] = f->extra; break;
            case 'P': proper++; break;
            case 'L': lower++; break;
            case '#':
                if (closed) {
                    fprintf(stderr, "mklexicon: %s listed twice in the "
                            "closed-class file\n", f->word);
                    exit(1);
                }
                closed = f->extra;
                break;
            }
        }
        char rec[8192];
        size_t o = (size_t)snprintf(rec, sizeof rec, "%s", facts[i].word);
        int any = 0;
        for (int p = 0; p < 4; p++)
            if (base[p]) {
                o += (size_t)snprintf(rec + o, sizeof rec - o, " %c%d",
                                      posl[p], hint(cnt[p]));
                any = 1;
            }
        static const char excl[] = "NVA";
        for (int p = 0; p < 3; p++)
            if (exc[p]) {
                o += (size_t)snprintf(rec + o, sizeof rec - o, " %c=%s",
                                      excl[p], exc[p]);
                any = 1;
            }
        if (base[0] && proper)
            o += (size_t)snprintf(rec + o, sizeof rec - o, " %c",
                                  proper >= lower ? 'P' : 'p');
        if (closed) {
            o += (size_t)snprintf(rec + o, sizeof rec - o, " #%s", closed);
            any = 1;
        }
        for (size_t k = i; k < j; k++)
            if (facts[k].kind == 'K') any = 1;
        if (any) {
            printf("\"%s\\n\"\n", rec);
            nrec++;
            nbytes += o + 1;
        }
        i = j;
    }
    printf(";\n\nconst unsigned lex_gen_count = %zuu;\n", nrec);
    printf("const unsigned lex_gen_size = %zuu;\n", nbytes);
    return 0;
}
