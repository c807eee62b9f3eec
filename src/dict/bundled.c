/* bundled.c -- lookup of files compiled into the binary; see bundled.h. */
#include "dict/bundled.h"

#include <string.h>

const bundled_file *bundled_find(const char *name) {
    for (const bundled_file *f = bundled_files; f->name; f++)
        if (strcmp(f->name, name) == 0) return f;
    return NULL;
}
