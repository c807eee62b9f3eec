/* code.c -- libFuzzer harness: dyad_code on arbitrary bytes with the
 * bundled engine, with and without a title (see code.h). */
#include "code.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_code(data, size, 0);
    return 0;
}
