/* read_jsonl.c -- libFuzzer harness: arbitrary bytes read as
 * JSON Lines (read_jsonl.c: the fast path and jansson). */
#include "read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_read("jsonl", data, size);
    return 0;
}
