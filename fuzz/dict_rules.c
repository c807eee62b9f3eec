/* dict_rules.c -- libFuzzer harness: arbitrary bytes as a dictionary of
 * dyad's word classes (dyad.rules.txt), loaded through dyad_config_add_buffer and dyad_engine_new; then
 * dict check (dyad_engine_check) and a few sentences coded with it. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_dict(DYAD_DICT_RULES, DYAD_FORMAT_AUTO, data, size, 1, 1, 1);
    return 0;
}
