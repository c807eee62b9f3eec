/* read_text.c -- libFuzzer harness: arbitrary bytes read as
 * plain text (read_text.c). */
#include "read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_read("text", data, size);
    return 0;
}
