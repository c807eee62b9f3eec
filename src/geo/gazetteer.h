/* gazetteer.h -- places and their names, compiled in from GeoNames.
 *
 * The data (build/gen/gazetteer_data.c) is written at build time by
 * tools/mkgazetteer.c from Debian's libtimezonemap-data: GeoNames'
 * cities15000.txt (every populated place of 15,000 or more inhabitants,
 * with its alternate names), admin1Codes.txt and countryInfo.txt (CC BY 4.0,
 * see README.md). Nothing is read at run time.
 *
 * Places are countries, first-level regions (admin1) and cities. Each has a
 * GeoNames id, its name as printed, the ISO 3166-1 alpha-3 code of its
 * country (Kosovo KSV), its region, feature class and code, population and
 * coordinates. Names are upper case with single spaces between words, the
 * words being the norms the tokenizer gives (tokenize.h), so a sentence's
 * tokens can be looked up as they are: "AL HUDAYDAH", "KYIV",
 * "ST. PETERSBURG". A name may name several places (its candidates),
 * most populous first.
 *
 * The tables are static and read-only; a gaz handle (one per engine) holds
 * no other state, so lookups are thread-safe and cost no load time.
 */
#ifndef DYAD_GAZETTEER_H
#define DYAD_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "util/mem.h"

typedef struct gaz gaz;

typedef enum gaz_level {
    GAZ_COUNTRY = 0,      /* a country (countryInfo.txt) */
    GAZ_ADMIN1 = 1,       /* a first-level region: state, province... */
    GAZ_CITY = 2          /* a populated place (feature class P) */
} gaz_level;

/* gaz_name.flags: what a name may be besides a place. */
enum {
    GAZ_ENGLISH = 1 << 0,   /* a one-word name that is also a common English
                               word for the tagger's lexicon (WordNet): it
                               has a verb, adjective, adverb or closed-class
                               reading, or a noun reading that is mostly not
                               a name ("SPLIT", "MOBILE", "NICE", "READING",
                               "BATH", "TURKEY"; not "VICTORIA", "PARIS") */
    GAZ_COUNTRIES = 1 << 1, /* names places in more than one country
                               ("TRIPOLI": LBY, LBN, GRC) */
    GAZ_LONGER = 1 << 2     /* a longer name starts with this one ("SAN" of
                               "SAN JOSE"): gaz_longest reads on */
};

/* A name and its candidates, filled by the lookups (valid as long as the
 * gaz). */
typedef struct gaz_name {
    const char *key;        /* the name: upper case, NUL-terminated */
    size_t len;             /* strlen(key) */
    uint32_t n;             /* number of candidates, most populous first */
    unsigned flags;         /* GAZ_* above */
    const unsigned char *cand_; /* private: the candidates' encoding */
} gaz_name;

/* One place, decoded by gaz_place_get. Strings point into the tables. */
typedef struct gaz_place {
    uint32_t id;            /* GeoNames geonameid */
    const char *name;       /* as printed: "Al Ḩudaydah", "Kiev", "Yemen" */
    gaz_level level;
    char fclass;            /* GeoNames feature class: 'P' city, 'A' area */
    const char *fcode;      /* GeoNames feature code: "PPLC", "PPLA",
                               "ADM1"; "PCL" for a country (countryInfo.txt
                               does not say which kind of political entity) */
    char country[4];        /* ISO 3166-1 alpha-3: "YEM"; Kosovo "KSV" */
    const char *country_name; /* "Yemen" (GeoNames' English name) */
    uint32_t country_place; /* the country's place index */
    const char *admin1_code;  /* GeoNames' admin1 code ("08"), "" if none */
    const char *admin1_name;  /* the region's name, "" if none (and for a
                                 country); a region's own */
    uint32_t admin1_place;  /* the region's place index (a region's own),
                               GAZ_NONE if none */
    uint64_t population;    /* a region's is the sum of its cities' in the
                               table (a lower bound); a country's is
                               countryInfo.txt's */
    int has_coord;          /* 0: no coordinates (a region with no city in
                               the table) */
    double lat, lon;        /* degrees (WGS84); a country's are its
                               capital's, a region's those of its seat
                               (PPLA) or else of its most populous city */
} gaz_place;

#define GAZ_NONE UINT32_MAX

/* A handle on the compiled-in tables, allocated from m (NULL: libc). On
 * allocation failure jumps to m's unwind point, or returns NULL when it
 * has none. */
gaz *gaz_new(const mem *m);
void gaz_free(gaz *g);

/* Sizes: places (countries + regions + cities), names (keys with at least
 * one candidate), and the bytes of the compiled-in tables. */
size_t gaz_places(const gaz *g);
size_t gaz_names(const gaz *g);
size_t gaz_table_bytes(const gaz *g);

/* Looks up a name: upper-case words separated by single spaces ("AL
 * HUDAYDAH"), name[0..len). Returns 1 and fills *out when it names at
 * least one place, 0 otherwise. */
int gaz_lookup(const gaz *g, const char *name, size_t len, gaz_name *out);

/* The same for the n words w[0..n) (lengths wlen[i], or strlen when wlen
 * is NULL), read as one name joined by single spaces. */
int gaz_lookup_words(const gaz *g, const char *const *w, const size_t *wlen,
                     size_t n, gaz_name *out);

/* The longest name that w[0..n) starts with: returns its number of words
 * (and fills *out), 0 when no name starts there. For a sentence, pass the
 * tokens' norms from the token at which to look (w + i, n - i). */
size_t gaz_longest(const gaz *g, const char *const *w, const size_t *wlen,
                   size_t n, gaz_name *out);

/* The place index of candidate i (0 <= i < nm->n) of a name. */
uint32_t gaz_candidate(const gaz_name *nm, uint32_t i);

/* Decodes place index p (0 <= p < gaz_places) into *out; 0 if out of
 * range. */
int gaz_place_get(const gaz *g, uint32_t p, gaz_place *out);

/* The place index of a country by its alpha-3 code ("UKR", "KSV"), or
 * GAZ_NONE. */
uint32_t gaz_country(const gaz *g, const char *iso3);

/* The place index of the capital (PPLC) of the country with place index
 * country, the most populous if several, or GAZ_NONE. */
uint32_t gaz_capital(const gaz *g, uint32_t country);

/* The countries a name's places are in, most populous first: each
 * country's place index and the population of the name's most populous
 * place in it. Writes at most cap and returns the number of countries
 * (which may be more than cap). */
typedef struct gaz_country_pop {
    uint32_t country;       /* place index of the country */
    uint64_t population;    /* of the name's largest place there */
} gaz_country_pop;
size_t gaz_name_countries(const gaz *g, const gaz_name *nm,
                          gaz_country_pop *out, size_t cap);

/* The candidate to prefer: the most populous one in the first of the
 * countries given (place indexes, e.g. the countries already named in the
 * document, in order of preference) that has one, else the most populous
 * of all. Returns a place index (GAZ_NONE when nm has no candidate). */
uint32_t gaz_best(const gaz *g, const gaz_name *nm, const uint32_t *countries,
                  size_t ncountries);

/* ---- The generated tables (build/gen/gazetteer_data.c) ---------------- */

/* The name index is a hash table in 2^GAZ_GEN_BUCKET_BITS buckets by the
 * top bits of strmap_hash(key): the entries of bucket b are the bytes
 * gaz_gen_index[gaz_gen_dir[b] .. gaz_gen_dir[b + 1]), each
 *     LEN KEY '\0' FLAGS COUNT PLACE...
 * with LEN the key's length in one byte (a lookup skips the entries of
 * its bucket without reading their keys), FLAGS one byte (GAZ_*), COUNT a LEB128 number and each PLACE a place
 * index in two bytes, little-endian, most populous first. An entry with no
 * places is there only as the start of longer names (GAZ_LONGER). */
#define GAZ_GEN_BUCKET_BITS 16
#define GAZ_GEN_NOCOORD INT32_MIN

typedef struct gaz_gen_place {
    uint32_t id;            /* geonameid */
    uint32_t population;
    int32_t lat, lon;       /* 1e-5 degrees, or GAZ_GEN_NOCOORD */
    uint32_t name;          /* offset of the name as printed in gaz_gen_str */
    uint16_t admin1;        /* 1 + the region's ordinal (place index
                               gaz_gen_ncountries + ordinal); 0: none */
    uint8_t country;        /* the country's place index (countries come
                               first) */
    uint8_t feature;        /* index in gaz_gen_features */
} gaz_gen_place;

typedef struct gaz_gen_feature {
    char fclass;
    char fcode[7];
    uint8_t level;          /* gaz_level */
} gaz_gen_feature;

typedef struct gaz_gen_country {
    char iso3[4];
    char iso2[3];
} gaz_gen_country;

extern const gaz_gen_place gaz_gen_places[];      /* countries, regions,
                                                     cities */
extern const unsigned gaz_gen_nplaces, gaz_gen_ncountries, gaz_gen_nadmin1;
extern const gaz_gen_country gaz_gen_countries[]; /* by place index */
extern const uint32_t gaz_gen_admin1_code[];      /* offsets in gaz_gen_str,
                                                     by region ordinal */
extern const gaz_gen_feature gaz_gen_features[];
extern const char gaz_gen_str[];                  /* NUL-separated strings */
extern const unsigned gaz_gen_str_size;
extern const char gaz_gen_index[];                /* the name index */
extern const unsigned gaz_gen_index_size;
extern const uint32_t gaz_gen_dir[];              /* buckets + 1 offsets */
extern const unsigned gaz_gen_nnames;             /* entries with places */
extern const unsigned gaz_gen_nentries;           /* all entries */

#endif
