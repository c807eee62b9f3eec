/* fields.c -- an input record's url and other fields (store/fields.h),
 * shared by the SQLite and PostgreSQL back ends. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "store/fields.h"

void store_input_fields(const doc_record *r, char **url, char **fields) {
    *url = *fields = NULL;
    if (!r->raw || !r->raw_len) return;
    json_t *o = json_loadb(r->raw, r->raw_len, JSON_ALLOW_NUL, NULL);
    if (!o) return;
    if (json_is_object(o)) {
        json_t *u = json_object_get(o, "url");
        if (json_is_string(u)) *url = strdup(json_string_value(u));
        static const char *const known[] = {"id", "date", "source", "title",
                                            "text", "url"};
        for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
            json_object_del(o, known[i]);
        if (json_object_size(o))
            *fields = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    }
    json_decref(o);
}
