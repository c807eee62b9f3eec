/* actor_names.c -- a readable name for an actor code, for the dashboard's
 * picker: the organisation or country (GeoNames' English name, from the
 * gazetteer compiled into the library), then each role block's CAMEO
 * meaning. "VENGOV" -> "Venezuela government", "IGOUNO" -> "United
 * Nations", "---GOV" -> "government". Unknown blocks stay as they are. */
#include <stdio.h>
#include <string.h>

#include "geo/gazetteer.h"
#include "serve/server.h"

typedef struct named {
    const char *code, *name;
} named;

/* Organisations of the CAMEO actor codebook (docs/coding-conventions.md),
 * longest codes first so that a prefix match finds the most specific. */
static const named orgs[] = {
    {"IGOUNOREFHCR", "UNHCR"}, {"IGOUNOKID", "UNICEF"},
    {"IGOUNOWFP", "World Food Programme"}, {"IGOUNOWHO", "World Health Organization"},
    {"IGOUNOIAE", "IAEA"}, {"IGOUNOICJ", "International Court of Justice"},
    {"IGOUNOPKO", "UN peacekeepers"}, {"IGOUNOWBK", "World Bank"},
    {"IGOEUREEC", "European Union"}, {"IGOWSTNAT", "NATO"},
    {"IGOAFRAFU", "African Union"}, {"IGOWAFWAS", "ECOWAS"},
    {"IGOSEAASN", "ASEAN"}, {"IGOARBARL", "Arab League"},
    {"IGOPGSGCC", "Gulf Cooperation Council"}, {"NGOHRIAMN", "Amnesty International"},
    {"NGOHRIHRW", "Human Rights Watch"}, {"NGOHLHIRC", "ICRC"},
    {"NGOHLHMSF", "Medecins Sans Frontieres"}, {"IGOUNO", "United Nations"},
    {"IGOIMF", "IMF"}, {"IGOICC", "International Criminal Court"},
    {"IGOSCE", "OSCE"}, {"IGOOPC", "OPEC"}, {"IGOOAS", "Organization of American States"},
};

/* Role, sector and organisation-type blocks, and CAMEO's regions. */
static const named blocks[] = {
    {"GOV", "government"}, {"MIL", "military"}, {"COP", "police"},
    {"SPY", "intelligence"}, {"JUD", "judiciary"}, {"LEG", "legislature"},
    {"OPP", "opposition"}, {"REB", "rebels"}, {"UAF", "armed group"},
    {"CVL", "civilians"}, {"REF", "refugees"}, {"MED", "media"},
    {"HRI", "human rights"}, {"ELI", "elites"}, {"BUS", "business"},
    {"LAB", "labour"}, {"EDU", "education"}, {"HLH", "health"},
    {"REL", "religious"}, {"CRM", "criminals"}, {"PTY", "party"},
    {"IGO", "intergovernmental organisation"}, {"NGO", "non-governmental organisation"},
    {"IMG", "international militant group"}, {"MNC", "multinational company"},
    {"PPL", "people"}, {"AGR", "agriculture"}, {"ENV", "environment"},
    {"MOD", "moderates"}, {"RAD", "radicals"}, {"INS", "insurgents"},
    {"SEP", "separatists"}, {"SET", "settlers"}, {"DEV", "development"},
    {"AFR", "Africa"}, {"ASA", "Asia"}, {"EUR", "Europe"}, {"MEA", "Middle East"},
    {"WST", "the West"}, {"LAM", "Latin America"}, {"NAF", "North Africa"},
    {"SAS", "South Asia"}, {"SEA", "Southeast Asia"}, {"CAS", "Central Asia"},
    {"EAF", "East Africa"}, {"WAF", "West Africa"}, {"SAF", "Southern Africa"},
    {"CAF", "Central Africa"}, {"BLK", "Balkans"}, {"CAU", "Caucasus"},
    {"PGS", "Persian Gulf"}, {"NMR", "North America"},
};

static const char *block_name(const char *b) {
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
        if (!strncmp(blocks[i].code, b, 3)) return blocks[i].name;
    return NULL;
}

static void add(char *out, size_t size, const char *word, size_t n) {
    size_t len = strlen(out);
    if (len + 1 < size)
        snprintf(out + len, size - len, "%s%.*s", len ? " " : "", (int)n, word);
}

void actor_name(const server *s, const char *code, char *out, size_t size) {
    out[0] = '\0';
    const char *rest = code;
    for (size_t i = 0; i < sizeof orgs / sizeof orgs[0]; i++) {
        size_t n = strlen(orgs[i].code);
        if (!strncmp(code, orgs[i].code, n)) {
            add(out, size, orgs[i].name, strlen(orgs[i].name));
            rest = code + n;
            break;
        }
    }
    if (rest == code && strlen(code) >= 3) {
        char iso[4] = {code[0], code[1], code[2], 0};
        uint32_t c = s->gaz ? gaz_country(s->gaz, iso) : GAZ_NONE;
        gaz_place p;
        if (c != GAZ_NONE && gaz_place_get(s->gaz, c, &p)) {
            add(out, size, p.name, strlen(p.name));
            rest = code + 3;
        } else if (!strncmp(code, "---", 3)) {
            rest = code + 3;
        }
    }
    while (strlen(rest) >= 3) {
        const char *nm = block_name(rest);
        if (nm) add(out, size, nm, strlen(nm));
        else add(out, size, rest, 3);
        rest += 3;
    }
    if (*rest) add(out, size, rest, strlen(rest));
}
