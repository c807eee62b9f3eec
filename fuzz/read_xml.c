/* read_xml.c -- libFuzzer harness: arbitrary bytes read as
 * PETRARCH2 batch XML (read_petrxml.c, libxml2's xmlTextReader). */
#include "read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_read("xml", data, size);
    return 0;
}
