/* dict_check.c -- libFuzzer harness: dict check (dyad_engine_check) over a
 * set of dictionaries cut from one input at NUL bytes: PETRARCH2 verbs,
 * actors, agents and a second actor file (so that duplicates and overrides
 * across files are found too). Every finding's strings are checked. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const dyad_dict_kind kinds[] = {DYAD_DICT_VERBS, DYAD_DICT_ACTORS,
                                           DYAD_DICT_AGENTS, DYAD_DICT_ACTORS};
    static const char *const names[] = {"verbs.txt", "a.actors.txt",
                                        "agents.txt", "b.actors.txt"};
    dyad_config *c = NULL;
    if (dyad_config_new(&c, NULL) != DYAD_OK) return 0;
    const char *p = (const char *)data, *end = p + size;
    for (size_t k = 0; k < 4; k++) {
        const char *z = memchr(p, '\0', (size_t)(end - p));
        size_t n = z ? (size_t)(z - p) : (size_t)(end - p);
        dyad_config_add_buffer(c, kinds[k], DYAD_FORMAT_AUTO, names[k], p, n);
        p = z ? z + 1 : end;
    }
    dyad_engine *e = NULL;
    dyad_error err;
    if (dyad_engine_new(c, &e, &err) == DYAD_OK) {
        uint32_t errors = 0, warnings = 0;
        FUZZ_CHECK(dyad_engine_check(e, fuzz_finding, NULL, &errors,
                                     &warnings) == DYAD_OK,
                   "dict check failed");
        fuzz_code_samples(e);
        dyad_engine_free(e);
    }
    dyad_config_free(c);
    return 0;
}
