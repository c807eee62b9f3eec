/* explain.c -- libFuzzer harness: the explain trace (options.trace) of
 * arbitrary bytes coded with the bundled engine (see code.h). The text
 * trace must be there and the JSON trace must parse (jansson) as an array
 * with one object per sentence coded. */
#include <jansson.h>

#include "code.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const dyad_result *r = fuzz_code(data, size, 1);
    if (!r) return 0;
    FUZZ_CHECK(r->trace && r->trace_json, "trace asked for, none made");
    json_error_t jerr;
    json_t *j = json_loads(r->trace_json, 0, &jerr);
    if (!j) fprintf(stderr, "fuzz: trace_json: %s at %d\n", jerr.text,
                    jerr.position);
    FUZZ_CHECK(j, "trace_json is not JSON");
    FUZZ_CHECK(json_is_array(j), "trace_json is not an array");
    json_decref(j);
    return 0;
}
