/* read_auto.c -- libFuzzer harness: arbitrary bytes read as
 * any format, detected from the head (reader.c's registry). */
#include "read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_read(NULL, data, size);
    return 0;
}
