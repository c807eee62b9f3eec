/* dict_agents.c -- libFuzzer harness: arbitrary bytes as a dictionary of
 * agents (Phoenix agent files: ~GOV roles, plurals, substitution sets), loaded through dyad_config_add_buffer and dyad_engine_new; then
 * dict check (dyad_engine_check) and a few sentences coded with it. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_dict(DYAD_DICT_AGENTS, DYAD_FORMAT_AUTO, data, size, 1, 1, 0);
    return 0;
}
