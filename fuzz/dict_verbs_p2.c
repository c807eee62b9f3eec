/* dict_verbs_p2.c -- libFuzzer harness: arbitrary bytes as a dictionary of
 * PETRARCH2 verbs (CAMEO.2.0.txt: synsets, blocks, brace forms, patterns), loaded through dyad_config_add_buffer and dyad_engine_new; then
 * dict check (dyad_engine_check) and a few sentences coded with it. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_dict(DYAD_DICT_VERBS, DYAD_FORMAT_PETRARCH2, data, size, 0, 1, 1);
    return 0;
}
