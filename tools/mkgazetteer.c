/* mkgazetteer.c -- build-time tool: GeoNames -> C source holding dyad's
 * gazetteer (build/gen/gazetteer_data.c; see src/geo/gazetteer.h).
 *
 * Usage: mkgazetteer GEONAMES_DIR > gazetteer_data.c
 *
 * GEONAMES_DIR holds cities15000.txt, admin1Codes.txt and countryInfo.txt,
 * as Debian's libtimezonemap-data installs them in
 * /usr/share/libtimezonemap/ui (GeoNames, CC BY 4.0). The tool links the
 * library's tokenizer and lexicon (compiled from source for the build
 * machine), so that the names' keys are exactly the token norms the coder
 * sees, and the English-word flag is the tagger's own lexicon's verdict.
 *
 * Places, in this order (the place index):
 *   countries   every row of countryInfo.txt that has a geonameid (the two
 *               dissolved countries it still lists have none); GeoNames'
 *               alpha-3 code, except Kosovo: KSV for XK; population from
 *               the file, coordinates those of its capital (PPLC);
 *   regions     every admin1 region of a listed country; population the sum
 *               of its cities' in the table, coordinates those of its seat
 *               (PPLA) or else of its most populous city;
 *   cities      every row of cities15000.txt.
 *
 * Names indexed for each place:
 *   a city's name, ASCII name and alternate names; a region's name and
 *   ASCII name, and the ASCII name less a generic word ("Muhafazat al
 *   Hudaydah" -> "al Hudaydah", "Anhui Sheng" -> "Anhui") unless what is
 *   left is a common English word ("Eastern Province" keeps no "Eastern");
 *   a country's name; and the names of data/place-names.tsv.
 * A name is kept when it is written in the Latin script (letters of the
 * Latin blocks, combining marks, spaces, hyphens, apostrophes, periods:
 * no digits or other punctuation), has at least 3 letters, and, for an
 * alternate name, has an upper-case letter (GeoNames' all-lower-case
 * alternates are machine romanisations of names in other scripts: "ji fu",
 * "kheiyf" for Kiev) and is not an all-capitals code of 3 or 4 letters
 * (IATA and ICAO airport codes: "IEV", "UKKK"). A name with apostrophes or
 * ayn marks ("Qal`at Bishah", "Sana'a") is also indexed without them
 * ("QALAT BISHAH", "SANAA"), the way news agencies write them.
 *
 * A key is the name run through utf8_normalise and tok_tokenize, the token
 * norms joined by single spaces. Every proper word-prefix of a multi-word
 * key gets an entry too (GAZ_LONGER), so that a longest-match scan can stop
 * at the first word sequence that starts no name.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "geo/gazetteer.h"
#include "text/lexicon.h"
#include "text/tokenize.h"
#include "text/utf8norm.h"
#include "util/arena.h"
#include "util/strmap.h"

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void die(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "mkgazetteer: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void *xrealloc(void *p, size_t n) {
    p = realloc(p, n ? n : 1);
    if (!p) die("out of memory");
    return p;
}

static char *xstrdup(const char *s) {
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n), s, n);
}

#define GROW(v, n, cap)                                                       \
    do {                                                                      \
        if ((n) == (cap)) {                                                   \
            (cap) = (cap) ? (cap) * 2 : 1024;                                 \
            (v) = xrealloc((v), (cap) * sizeof *(v));                         \
        }                                                                     \
    } while (0)

/* ---- reading the files ------------------------------------------------ */

static FILE *open_in(const char *dir, const char *name) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f) die("cannot open %s (install Debian's libtimezonemap-data)", path);
    return f;
}

/* Splits line (its newline removed) at tabs into at most max fields;
 * returns the number of fields. */
static int split_tabs(char *line, char **field, int max) {
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
    int k = 0;
    char *p = line;
    while (k < max) {
        field[k++] = p;
        char *t = strchr(p, '\t');
        if (!t) break;
        *t = 0;
        p = t + 1;
    }
    return k;
}

/* degrees -> 1e-5 degrees, rounded */
static int32_t coord(const char *s) {
    double d = strtod(s, NULL);
    return (int32_t)(d * 1e5 + (d < 0 ? -0.5 : 0.5));
}

static uint32_t population(const char *s) {
    unsigned long long v = strtoull(s, NULL, 10);
    return v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

/* ---- places ------------------------------------------------------------ */

typedef struct place {
    uint32_t id, pop;
    int32_t lat, lon;
    char *name;             /* as printed */
    int level;              /* gaz_level */
    char fclass;
    char fcode[8];
    int country;            /* country ordinal = place index */
    int admin1;             /* region ordinal, -1: none */
    int seat, best;         /* place indexes of the cities that give a
                               country or region its coordinates, -1 */
    char **names;           /* the names to index */
    size_t nnames, capnames;
} place;

typedef struct country {
    char iso2[3], iso3[4];
    char *capital;
    int arabic;             /* Arabic is its first language */
} country;

typedef struct region {
    char *key;              /* "YE.08" */
    char *code;             /* "08" */
    int ord;
} region;

static place *places;
static size_t nplaces, capplaces;
static country *countries;
static size_t ncountries, capcountries;
static region *regions;     /* in ordinal order */
static size_t nregions, capregions;
static int country_of[26 * 26]; /* ISO2 -> ordinal + 1 */

static int iso2_slot(const char *iso2) {
    if (strlen(iso2) != 2 || iso2[0] < 'A' || iso2[0] > 'Z' || iso2[1] < 'A' ||
        iso2[1] > 'Z')
        return -1;
    return (iso2[0] - 'A') * 26 + (iso2[1] - 'A');
}

static int country_index(const char *iso2) {
    int s = iso2_slot(iso2);
    return s < 0 ? -1 : country_of[s] - 1;
}

static size_t new_place(void) {
    GROW(places, nplaces, capplaces);
    place *p = &places[nplaces];
    memset(p, 0, sizeof *p);
    p->admin1 = -1;
    p->seat = p->best = -1;
    p->lat = p->lon = GAZ_GEN_NOCOORD;
    return nplaces++;
}

static void add_name(place *p, const char *s) {
    if (!s[0]) return;
    GROW(p->names, p->nnames, p->capnames);
    p->names[p->nnames++] = xstrdup(s);
}

static void read_countries(const char *dir) {
    FILE *f = open_in(dir, "countryInfo.txt");
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        if (line[0] == '#' || line[0] == '\n') continue;
        char *fld[20];
        int nf = split_tabs(line, fld, 20);
        /* the dissolved countries still listed have no geonameid */
        if (nf < 17 || !fld[16][0] || strlen(fld[1]) != 3) continue;
        int slot = iso2_slot(fld[0]);
        if (slot < 0) die("bad country code %s", fld[0]);
        if (country_of[slot]) die("%s listed twice", fld[0]);
        GROW(countries, ncountries, capcountries);
        country *c = &countries[ncountries];
        memcpy(c->iso2, fld[0], 3);
        memcpy(c->iso3, fld[1], 4);
        /* GeoNames gives Kosovo the user-assigned XKX; CAMEO writes KSV */
        if (!strcmp(c->iso2, "XK")) memcpy(c->iso3, "KSV", 4);
        if (!strcmp(c->iso2, "PS")) memcpy(c->iso3, "PSE", 4);
        if (!strcmp(c->iso2, "TW")) memcpy(c->iso3, "TWN", 4);
        c->capital = xstrdup(fld[5]);
        c->arabic = !strncmp(fld[15], "ar", 2);
        country_of[slot] = (int)++ncountries;
        size_t pi = new_place();
        place *pl = &places[pi];
        pl->id = (uint32_t)strtoul(fld[16], NULL, 10);
        pl->pop = population(fld[7]);
        pl->name = xstrdup(fld[4]);
        pl->level = GAZ_COUNTRY;
        pl->fclass = 'A';
        strcpy(pl->fcode, "PCL");
        pl->country = country_of[slot] - 1;
        add_name(pl, fld[4]);
    }
    free(line);
    fclose(f);
    if (ncountries > 255) die("more than 255 countries");
}

/* Generic words of regions' ASCII names, taken off for one more name. */
static const char *const region_prefix[] = {
    "Muhafazat ", "Mintaqat ", "Sha`biyat ", "Wilayat ", "Municipio de ",
    "City of ", "Provincia de ", "Provincia del ", "Departamento de ",
    "Departamento del ", NULL};
static const char *const region_suffix[] = {
    " Governorate", " Province", " Region", " Oblast", " Oblysy",
    " Voivodeship", " Rayon", " Rajons", " Sheng", " Shi", " District",
    " apskritis", " Prefecture", " County", " Municipality", NULL};

/* The ASCII name less one generic word, in out (empty if none). */
static void region_short(const char *ascii, char *out, size_t cap) {
    size_t n = strlen(ascii);
    out[0] = 0;
    for (int i = 0; region_prefix[i]; i++) {
        size_t k = strlen(region_prefix[i]);
        if (n > k && !strncmp(ascii, region_prefix[i], k)) {
            snprintf(out, cap, "%s", ascii + k);
            return;
        }
    }
    for (int i = 0; region_suffix[i]; i++) {
        size_t k = strlen(region_suffix[i]);
        if (n > k && !strcmp(ascii + n - k, region_suffix[i])) {
            snprintf(out, cap, "%.*s", (int)(n - k), ascii);
            return;
        }
    }
}

static char **region_alias; /* by ordinal: the shortened name, or NULL */

static void read_regions(const char *dir) {
    FILE *f = open_in(dir, "admin1Codes.txt");
    char *line = NULL;
    size_t cap = 0;
    size_t capalias = 0;
    while (getline(&line, &cap, f) > 0) {
        char *fld[6];
        if (split_tabs(line, fld, 6) < 4) continue;
        char *dot = strchr(fld[0], '.');
        if (!dot) continue;
        *dot = 0;
        int c = country_index(fld[0]);
        *dot = '.';
        if (c < 0) continue;
        GROW(regions, nregions, capregions);
        region *r = &regions[nregions];
        r->key = xstrdup(fld[0]);
        r->code = xstrdup(dot + 1);
        r->ord = (int)nregions;
        size_t na = nregions;
        GROW(region_alias, na, capalias);
        char shortn[1024];
        region_short(fld[2], shortn, sizeof shortn);
        region_alias[nregions] = shortn[0] ? xstrdup(shortn) : NULL;
        nregions++;
        size_t pi = new_place();
        place *pl = &places[pi];
        pl->id = (uint32_t)strtoul(fld[3], NULL, 10);
        pl->name = xstrdup(fld[1]);
        pl->level = GAZ_ADMIN1;
        pl->fclass = 'A';
        strcpy(pl->fcode, "ADM1");
        pl->country = c;
        pl->admin1 = r->ord;
        add_name(pl, fld[1]);
        add_name(pl, fld[2]);
    }
    free(line);
    fclose(f);
    if (nregions >= UINT16_MAX) die("too many regions");
}

static int cmp_region(const void *a, const void *b) {
    return strcmp(((const region *)a)->key, ((const region *)b)->key);
}

static void read_cities(const char *dir) {
    /* a copy of the regions sorted by key, for the cities' admin1 codes */
    region *sorted = xrealloc(NULL, (nregions ? nregions : 1) * sizeof *sorted);
    if (nregions) memcpy(sorted, regions, nregions * sizeof *sorted);
    qsort(sorted, nregions, sizeof *sorted, cmp_region);
    FILE *f = open_in(dir, "cities15000.txt");
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        char *fld[20];
        if (split_tabs(line, fld, 20) < 15) continue;
        int c = country_index(fld[8]);
        if (c < 0) die("a city of an unknown country %s", fld[8]);
        size_t pi = new_place();
        place *pl = &places[pi];
        pl->id = (uint32_t)strtoul(fld[0], NULL, 10);
        pl->name = xstrdup(fld[1]);
        pl->lat = coord(fld[4]);
        pl->lon = coord(fld[5]);
        pl->level = GAZ_CITY;
        pl->fclass = fld[6][0] ? fld[6][0] : 'P';
        snprintf(pl->fcode, sizeof pl->fcode, "%.6s", fld[7]);
        pl->country = c;
        pl->pop = population(fld[14]);
        if (fld[10][0]) {
            char key[64];
            snprintf(key, sizeof key, "%s.%s", fld[8], fld[10]);
            region k = {key, NULL, 0};
            const region *r =
                bsearch(&k, sorted, nregions, sizeof *sorted, cmp_region);
            if (r) pl->admin1 = r->ord;
        }
        add_name(pl, fld[1]);
        add_name(pl, fld[2]);
        /* alternate names are marked by a leading tab, see index_names */
        for (char *p = fld[3], *q; *p; p = q) {
            q = strchr(p, ',');
            if (q) *q++ = 0;
            else q = p + strlen(p);
            if (!*p) continue;
            char buf[1024];
            snprintf(buf, sizeof buf, "\t%s", p);
            add_name(pl, buf);
        }
    }
    free(line);
    fclose(f);
    free(sorted);
}

static int ranks_before(const place *a, const place *b) {
    if (a->pop != b->pop) return a->pop > b->pop;
    if (a->level != b->level) return a->level < b->level;
    return a->id < b->id;
}

/* Regions' populations; countries' and regions' coordinates. */
static void derive(void) {
    size_t first_region = ncountries;
    for (size_t i = 0; i < nplaces; i++) {
        place *p = &places[i];
        if (p->level != GAZ_CITY) continue;
        place *c = &places[p->country];
        if (p->admin1 >= 0) {
            place *r = &places[first_region + (size_t)p->admin1];
            uint64_t s = (uint64_t)r->pop + p->pop;
            r->pop = s > UINT32_MAX ? UINT32_MAX : (uint32_t)s;
            if (!strcmp(p->fcode, "PPLA") &&
                (r->seat < 0 || ranks_before(p, &places[r->seat])))
                r->seat = (int)i;
            if (r->best < 0 || ranks_before(p, &places[r->best]))
                r->best = (int)i;
        }
        if (!strcmp(p->fcode, "PPLC") &&
            (c->seat < 0 || ranks_before(p, &places[c->seat])))
            c->seat = (int)i;
        if (c->best < 0 || ranks_before(p, &places[c->best])) c->best = (int)i;
    }
    /* a country with no PPLC: the city named as its capital */
    for (size_t i = nplaces; i-- > 0;) {
        place *p = &places[i];
        if (p->level != GAZ_CITY) continue;
        place *c = &places[p->country];
        if (c->seat < 0 && countries[p->country].capital[0] &&
            !strcmp(p->name, countries[p->country].capital))
            c->seat = (int)i;
    }
    for (size_t i = 0; i < first_region + nregions; i++) {
        place *p = &places[i];
        int from = p->seat >= 0 ? p->seat : p->best;
        if (from < 0) continue;
        p->lat = places[from].lat;
        p->lon = places[from].lon;
    }
}

/* ---- names ------------------------------------------------------------- */

static int is_apos(uint32_t cp) {
    return cp == '\'' || cp == '`' || cp == 0x2018 || cp == 0x2019 ||
           (cp >= 0x2B9 && cp <= 0x2BF);
}

static int is_latin_letter(uint32_t cp) {
    if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
    return (cp >= 0x250 && cp <= 0x2AF) ||   /* IPA extensions */
           (cp >= 0x1E00 && cp <= 0x1EFF) || /* Latin extended additional */
           (cp >= 0x2C60 && cp <= 0x2C7F) || /* Latin extended-C */
           (cp >= 0xA720 && cp <= 0xA7FF) || /* Latin extended-D */
           (cp >= 0xAB30 && cp <= 0xAB6F);   /* Latin extended-E */
}

typedef struct name_info {
    int letters;            /* Latin letters */
    int upper;              /* has an upper-case letter */
    int caps_code;          /* 3 or 4 ASCII capitals, nothing else */
    int apos;               /* has apostrophes or ayn marks */
} name_info;

/* 1 if s is a name in the Latin script that may be indexed (see the top of
 * the file), with *ni filled. */
static int latin_name(const char *s, name_info *ni) {
    memset(ni, 0, sizeof *ni);
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    int ascii_caps = 0, other = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int l = utf8_decode(p + i, n - i, &cp);
        if (l <= 0) return 0;
        i += (size_t)l;
        if (is_latin_letter(cp)) {
            ni->letters++;
            utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)cp);
            if (k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT)
                ni->upper = 1;
            if (cp >= 'A' && cp <= 'Z') ascii_caps++;
            else other++;
            continue;
        }
        other++;
        if (is_apos(cp)) {
            ni->apos = 1;
            continue;
        }
        if (cp == ' ' || cp == '-' || cp == '.') continue;
        utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)cp);
        if (k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_MC ||
            k == UTF8PROC_CATEGORY_ME)
            continue;
        return 0; /* a digit, other punctuation, another script */
    }
    ni->caps_code = !other && (ascii_caps == 3 || ascii_caps == 4);
    return ni->letters >= 3;
}

/* s less its apostrophes and ayn marks, in out. */
static void strip_apos(const char *s, char *out, size_t cap) {
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), o = 0;
    for (size_t i = 0; i < n && o + 5 < cap;) {
        uint32_t cp;
        int l = utf8_decode(p + i, n - i, &cp);
        if (l <= 0) break;
        if (!is_apos(cp)) memcpy(out + o, s + i, (size_t)l), o += (size_t)l;
        i += (size_t)l;
    }
    out[o] = 0;
}

static arena key_arena;

/* The key of a name: its token norms joined by single spaces. 0 if it has
 * no token or a token that is punctuation. */
static int make_key(const char *name, char *out, size_t cap) {
    arena_reset(&key_arena);
    char *t;
    size_t n = utf8_normalise(&key_arena, name, strlen(name), &t, NULL);
    tok *tk;
    uint32_t nt = tok_tokenize(&key_arena, t, (uint32_t)n, &tk);
    size_t o = 0;
    for (uint32_t i = 0; i < nt; i++) {
        int word = 0;
        for (const char *c = tk[i].norm; *c; c++)
            if ((unsigned char)*c >= 0x80 || (*c >= 'A' && *c <= 'Z'))
                word = 1;
        if (!word) return 0; /* "'", "-", "." on their own */
        if (o + tk[i].nlen + 2 > cap) return 0;
        if (i) out[o++] = ' ';
        memcpy(out + o, tk[i].norm, tk[i].nlen);
        o += tk[i].nlen;
    }
    out[o] = 0;
    return nt > 0;
}

/* One (key, place) pair; place PREFIX marks the key as the start of a
 * longer one. */
#define PREFIX UINT32_MAX
typedef struct item {
    char *key;
    uint32_t place;
} item;

static item *items;
static size_t nitems, capitems;

static void add_item(const char *key, uint32_t p) {
    GROW(items, nitems, capitems);
    items[nitems].key = xstrdup(key);
    items[nitems].place = p;
    nitems++;
}

static lexicon *lx;

/* A common reading of a lexicon entry: a noun that is mostly not a name,
 * a closed-class word, an irregular form, or a verb, adjective or adverb
 * reading; for a word whose nouns are mostly names, only a verb, adjective
 * or adverb reading that WordNet's tagged corpus uses (hint > 0), so that
 * "JAPAN" (to lacquer) and "BURUNDI" (the adjective) stay names while
 * "NICE" and "MOBILE" do not. */
static int common_entry(const lex_entry *e) {
    if (e->flags & (LEX_CLOSED | LEX_NOUN_INFL | LEX_VERB_INFL | LEX_ADJ_INFL))
        return 1;
    if ((e->flags & LEX_NOUN) && !(e->flags & LEX_PROPER)) return 1;
    int proper = (e->flags & LEX_PROPER) != 0;
    return ((e->flags & LEX_VERB) && (!proper || e->hint[LEX_HV])) ||
           ((e->flags & LEX_ADJ) && (!proper || e->hint[LEX_HA])) ||
           ((e->flags & LEX_ADV) && (!proper || e->hint[LEX_HR]));
}

/* A one-word key that is a common English word for the tagger's lexicon,
 * as it is or as a regular inflection of one ("READING", "WELLS"; a verb
 * or adjective lemma only when the tagged corpus uses it). */
static int english_word(const char *w) {
    size_t n = strlen(w);
    if (strchr(w, ' ')) return 0;
    lex_entry e;
    if (lex_lookup(lx, w, n, &e)) return common_entry(&e);
    const char *l = lex_noun_lemma(lx, w, n);
    if (l && lex_lookup(lx, l, strlen(l), &e) && common_entry(&e)) return 1;
    int form;
    l = lex_verb_lemma(lx, w, n, &form);
    if (l && lex_lookup(lx, l, strlen(l), &e) && e.hint[LEX_HV]) return 1;
    l = lex_adj_lemma(lx, w, n, &form);
    if (l && lex_lookup(lx, l, strlen(l), &e) && e.hint[LEX_HA]) return 1;
    return 0;
}

/* The Arabic article at the start of a key, as GeoNames transliterates
 * it (with the sun letters' assimilations), before a space or a hyphen. */
static const char *const article[] = {
    "AL", "EL", "AD", "AR", "AS", "ASH", "AT", "ATH", "AZ", "AN", "ADH",
    "ED", "ER", "ES", "ET", "EZ", "EN",
    "A\xC5\x9E", "A\xC5\xA2", "A\xE1\xB8\x90", "AZ\xCC\xA7", NULL};

/* Adds key for place p, and for a place of an Arabic-speaking country
 * the key less its article ("AL-HUDAYDAH" and "EL-HODEIDAH" also give
 * "HUDAYDAH", "HODEIDAH"), unless what is left is short or a common
 * English word ("AS SALT"). */
static void add_key(const char *key, uint32_t p) {
    add_item(key, p);
    if (!countries[places[p].country].arabic) return;
    for (int i = 0; article[i]; i++) {
        size_t n = strlen(article[i]);
        if (strncmp(key, article[i], n) || (key[n] != ' ' && key[n] != '-'))
            continue;
        const char *rest = key + n + 1;
        if (strlen(rest) >= 3 && !strchr("-' ", rest[0]) &&
            !english_word(rest))
            add_item(rest, p);
        return;
    }
}

/* Adds a name of place p (alt: an alternate name) and its variant without
 * apostrophes. */
static void index_name(uint32_t p, const char *name, int alt) {
    name_info ni;
    /* (a listed name, '\v' first, may be as short as "UK" and "U.S.") */
    int listed = name[0] == '\v';
    name += listed;
    if (!latin_name(name, &ni) && !(listed && ni.letters >= 2)) return;
    if (alt && (!ni.upper || ni.caps_code)) return;
    char key[2048], bare[1024];
    if (make_key(name, key, sizeof key)) add_key(key, p);
    if (ni.apos) {
        strip_apos(name, bare, sizeof bare);
        if (latin_name(bare, &ni) && make_key(bare, key, sizeof key))
            add_key(key, p);
    }
}

static void index_names(void) {
    for (size_t i = 0; i < nplaces; i++) {
        place *p = &places[i];
        for (size_t k = 0; k < p->nnames; k++) {
            const char *s = p->names[k];
            int alt = s[0] == '\t';
            index_name((uint32_t)i, s + alt, alt);
        }
        if (p->level == GAZ_ADMIN1 && region_alias[p->admin1]) {
            char key[2048];
            const char *a = region_alias[p->admin1];
            name_info ni;
            if (latin_name(a, &ni) && make_key(a, key, sizeof key) &&
                !english_word(key))
                add_key(key, (uint32_t)i);
        }
    }
    /* the word-prefixes of multi-word keys */
    size_t n = nitems;
    for (size_t i = 0; i < n; i++) {
        char *k = items[i].key;
        for (char *sp = strchr(k, ' '); sp; sp = strchr(sp + 1, ' ')) {
            *sp = 0;
            add_item(k, PREFIX);
            *sp = ' ';
        }
    }
}

static int cmp_item(const void *a, const void *b) {
    const item *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c) return c;
    if (x->place == y->place) return 0;
    if (x->place == PREFIX) return 1;
    if (y->place == PREFIX) return -1;
    return ranks_before(&places[x->place], &places[y->place]) ? -1 : 1;
}

typedef struct entry {
    const char *key;
    uint32_t hash;
    unsigned flags;
    uint32_t *place;        /* most populous first */
    size_t nplace;
} entry;

static entry *entries;
static size_t nentries, capentries;

static void group_items(void) {
    qsort(items, nitems, sizeof *items, cmp_item);
    for (size_t i = 0; i < nitems;) {
        size_t j = i;
        while (j < nitems && !strcmp(items[j].key, items[i].key)) j++;
        GROW(entries, nentries, capentries);
        entry *e = &entries[nentries++];
        memset(e, 0, sizeof *e);
        e->key = items[i].key;
        e->hash = strmap_hash(e->key, strlen(e->key));
        e->place = xrealloc(NULL, (j - i) * sizeof *e->place);
        int first_country = -1;
        for (size_t k = i; k < j; k++) {
            uint32_t p = items[k].place;
            if (p == PREFIX) {
                e->flags |= GAZ_LONGER;
                continue;
            }
            if (e->nplace && e->place[e->nplace - 1] == p) continue;
            e->place[e->nplace++] = p;
            if (first_country < 0) first_country = places[p].country;
            else if (places[p].country != first_country)
                e->flags |= GAZ_COUNTRIES;
        }
        if (e->nplace && english_word(e->key)) e->flags |= GAZ_ENGLISH;
        i = j;
    }
}

static uint32_t bucket_of(uint32_t h) {
    return h >> (32 - GAZ_GEN_BUCKET_BITS);
}

static int cmp_entry(const void *a, const void *b) {
    const entry *x = a, *y = b;
    uint32_t bx = bucket_of(x->hash), by = bucket_of(y->hash);
    if (bx != by) return bx < by ? -1 : 1;
    return strcmp(x->key, y->key);
}

/* ---- output ------------------------------------------------------------ */

/* Writes bytes into a C string literal. */
static void put_lit(const unsigned char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned c = s[i];
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '?')
            putchar((int)c);
        else
            printf("\\%03o", c);
    }
}

static unsigned char *strpool;
static size_t nstr, capstr;

static uint32_t add_str(const char *s) {
    size_t n = strlen(s) + 1;
    while (nstr + n > capstr) {
        capstr = capstr ? capstr * 2 : 65536;
        strpool = xrealloc(strpool, capstr);
    }
    memcpy(strpool + nstr, s, n);
    nstr += n;
    return (uint32_t)(nstr - n);
}

typedef struct feature {
    char fclass;
    char fcode[8];
    int level;
} feature;

/* data/place-names.tsv: names news uses that GeoNames' English names
 * lack ("Britain", "the U.S.", "Burma", "Côte d'Ivoire", "Darfur"), one a
 * line: NAME <TAB> ISO3 [<TAB> GeoNames admin1 name]; added to that country
 * or region as a name of its own (so "DRC" and "U.S." are kept). */
static void read_extra_names(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) die("cannot open %s", path);
    char *line = NULL;
    size_t cap = 0;
    unsigned lineno = 0;
    while (getline(&line, &cap, f) > 0) {
        lineno++;
        if (line[0] == '#' || line[0] == '\n') continue;
        char *fld[4];
        int nf = split_tabs(line, fld, 4);
        if (nf < 2 || nf > 3 || !fld[0][0])
            die("%s:%u: expected NAME <TAB> ISO3 [<TAB> REGION]", path, lineno);
        size_t c = 0;
        while (c < ncountries && strcmp(countries[c].iso3, fld[1])) c++;
        if (c == ncountries) die("%s:%u: no country %s", path, lineno, fld[1]);
        size_t at = c; /* a country's place index is its ordinal */
        if (nf == 3) {
            at = nplaces;
            for (size_t i = ncountries; i < nplaces && at == nplaces; i++)
                if (places[i].level == GAZ_ADMIN1 && places[i].country == (int)c &&
                    !strcmp(places[i].name, fld[2]))
                    at = i;
            if (at == nplaces)
                die("%s:%u: no region \"%s\" in %s", path, lineno, fld[2],
                    fld[1]);
        }
        char *nm = xrealloc(NULL, strlen(fld[0]) + 2);
        nm[0] = '\v';
        strcpy(nm + 1, fld[0]);
        add_name(&places[at], nm);
        free(nm);
    }
    free(line);
    fclose(f);
}

int main(int argc, char **argv) {
    if (argc != 2 && argc != 3) {
        fprintf(stderr, "usage: mkgazetteer GEONAMES_DIR [PLACE_NAMES.tsv] > "
                        "gazetteer_data.c\n");
        return 2;
    }
    lx = lex_new(NULL);
    if (!lx) die("out of memory");
    arena_init(&key_arena, 0, NULL);
    read_countries(argv[1]);
    read_regions(argv[1]);
    read_cities(argv[1]);
    if (argc == 3) read_extra_names(argv[2]);
    if (nplaces > UINT16_MAX) die("more than 65535 places");
    derive();
    index_names();
    group_items();
    qsort(entries, nentries, sizeof *entries, cmp_entry);

    feature feats[256];
    int nfeats = 0;
    uint8_t *fidx = xrealloc(NULL, nplaces);
    for (size_t i = 0; i < nplaces; i++) {
        const place *p = &places[i];
        int k = 0;
        while (k < nfeats && !(feats[k].fclass == p->fclass &&
                               !strcmp(feats[k].fcode, p->fcode) &&
                               feats[k].level == p->level))
            k++;
        if (k == nfeats) {
            if (nfeats == 256) die("more than 256 feature codes");
            feats[k].fclass = p->fclass;
            memcpy(feats[k].fcode, p->fcode, sizeof feats[k].fcode);
            feats[k].level = p->level;
            nfeats++;
        }
        fidx[i] = (uint8_t)k;
    }

    size_t nnames = 0, cities = nplaces - ncountries - nregions;
    for (size_t i = 0; i < nentries; i++) nnames += entries[i].nplace > 0;

    printf("/* generated by tools/mkgazetteer.c -- do not edit.\n"
           " * From GeoNames (geonames.org, CC BY 4.0): cities15000.txt, "
           "admin1Codes.txt\n * and countryInfo.txt as Debian's "
           "libtimezonemap-data installs them.\n"
           " * %zu places (%zu countries, %zu regions, %zu cities), %zu "
           "names, %zu index entries. */\n",
           nplaces, ncountries, nregions, cities, nnames, nentries);
    printf("#include \"geo/gazetteer.h\"\n\n");
    printf("const unsigned gaz_gen_nplaces = %zuu;\n", nplaces);
    printf("const unsigned gaz_gen_ncountries = %zuu;\n", ncountries);
    printf("const unsigned gaz_gen_nadmin1 = %zuu;\n", nregions);
    printf("const unsigned gaz_gen_nnames = %zuu;\n", nnames);
    printf("const unsigned gaz_gen_nentries = %zuu;\n\n", nentries);

    printf("const gaz_gen_country gaz_gen_countries[] = {\n");
    for (size_t i = 0; i < ncountries; i++)
        printf("{\"%s\",\"%s\"},\n", countries[i].iso3, countries[i].iso2);
    printf("};\n\nconst gaz_gen_feature gaz_gen_features[] = {\n");
    for (int k = 0; k < nfeats; k++)
        printf("{'%c',\"%s\",%d},\n", feats[k].fclass, feats[k].fcode,
               feats[k].level);
    printf("};\n\n");

    uint32_t *name_off = xrealloc(NULL, nplaces * sizeof *name_off);
    for (size_t i = 0; i < nplaces; i++) name_off[i] = add_str(places[i].name);
    printf("const uint32_t gaz_gen_admin1_code[] = {\n");
    for (size_t i = 0; i < nregions; i++)
        printf("%u,\n", (unsigned)add_str(regions[i].code));
    if (!nregions) printf("0\n");
    printf("};\n\n");

    printf("/* id, population, lat, lon (1e-5 degrees), name, 1 + region, "
           "country, feature */\n");
    printf("const gaz_gen_place gaz_gen_places[] = {\n");
    for (size_t i = 0; i < nplaces; i++) {
        const place *p = &places[i];
        printf("{%u,%u,", (unsigned)p->id, (unsigned)p->pop);
        if (p->lat == GAZ_GEN_NOCOORD) printf("GAZ_GEN_NOCOORD,GAZ_GEN_NOCOORD,");
        else printf("%d,%d,", (int)p->lat, (int)p->lon);
        printf("%u,%d,%d,%d},\n", (unsigned)name_off[i], p->admin1 + 1,
               p->country, fidx[i]);
    }
    printf("};\n\n");

    printf("const char gaz_gen_str[] =\n");
    for (size_t o = 0; o < nstr;) {
        size_t n = strlen((const char *)strpool + o) + 1;
        putchar('"');
        put_lit(strpool + o, n);
        printf("\"\n");
        o += n;
    }
    printf(";\nconst unsigned gaz_gen_str_size = %zuu;\n\n", nstr);

    /* the index, bucket by bucket */
    size_t nb = (size_t)1 << GAZ_GEN_BUCKET_BITS;
    uint32_t *dir = xrealloc(NULL, (nb + 1) * sizeof *dir);
    size_t off = 0, e = 0;
    printf("const char gaz_gen_index[] =\n");
    for (size_t b = 0; b < nb; b++) {
        dir[b] = (uint32_t)off;
        for (; e < nentries && bucket_of(entries[e].hash) == b; e++) {
            const entry *en = &entries[e];
            unsigned char rec[8 + 2 * 65536];
            size_t k = 0;
            rec[k++] = 0;
            rec[k++] = (unsigned char)en->flags;
            size_t c = en->nplace;
            do {
                rec[k++] = (unsigned char)((c & 0x7F) | (c > 0x7F ? 0x80 : 0));
                c >>= 7;
            } while (c);
            for (size_t j = 0; j < en->nplace; j++) {
                rec[k++] = (unsigned char)(en->place[j] & 0xFF);
                rec[k++] = (unsigned char)(en->place[j] >> 8);
            }
            size_t kl = strlen(en->key);
            if (kl > 255) {
                fprintf(stderr, "mkgazetteer: name longer than 255 bytes: %.40s...\n",
                        en->key);
                exit(1);
            }
            unsigned char lb = (unsigned char)kl;
            putchar('"');
            put_lit(&lb, 1);
            put_lit((const unsigned char *)en->key, kl);
            put_lit(rec, k);
            printf("\"\n");
            off += 1 + kl + k;
        }
    }
    dir[nb] = (uint32_t)off;
    printf(";\nconst unsigned gaz_gen_index_size = %zuu;\n\n", off);
    printf("const uint32_t gaz_gen_dir[] = {\n");
    for (size_t b = 0; b <= nb; b++)
        printf("%u,%s", (unsigned)dir[b], b % 8 == 7 ? "\n" : "");
    printf("\n};\n");
    lex_free(lx);
    arena_free(&key_arena);
    return 0;
}
