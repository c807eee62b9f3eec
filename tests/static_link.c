/* static_link.c -- a program that defines functions and data with the
 * names of libdyad's internal ones (mem_alloc, arena_init, dict_free,
 * lex_new, strmap_hash, sent_split, tag_name, lex_gen_data, ...) and links
 * with the installed static archive libdyad.a.
 *
 * With the library's internal symbols global, the link fails with
 * "multiple definition", or the library calls the program's functions.
 * libdyad.a exports dyad_* only (its other symbols are localised), so the
 * link succeeds and each side keeps its own: the program's functions count
 * their calls, and coding a sentence through the library must not call
 * them. Prints "static_link: N passed, M failed". */
#include <stdio.h>
#include <string.h>

#include <dyad.h>

static int calls;

/* the program's own, unrelated functions and data */
void *mem_alloc(void);
void *mem_alloc(void) { calls++; return NULL; }
void mem_free(void);
void mem_free(void) { calls++; }
void arena_init(void);
void arena_init(void) { calls++; }
void dict_free(void);
void dict_free(void) { calls++; }
int lex_new(void);
int lex_new(void) { calls++; return 0; }
unsigned strmap_hash(void);
unsigned strmap_hash(void) { calls++; return 0; }
int sent_split(void);
int sent_split(void) { calls++; return 0; }
const char *tag_name(void);
const char *tag_name(void) { calls++; return "mine"; }
const char lex_gen_data[] = "the program's own data";

int main(void) {
    int pass = 0, fail = 0;
    dyad_engine *e = NULL;
    dyad_doc *d = NULL;
    dyad_error err;
    const dyad_result *r = NULL;
    if (dyad_engine_new(NULL, &e, &err) == DYAD_OK &&
        dyad_doc_new(&d, NULL) == DYAD_OK) {
        dyad_input in;
        dyad_input_init(&in);
        in.text = "Iran's foreign minister met his Turkish counterpart.";
        in.text_len = strlen(in.text);
        in.date = 20240115;
        if (dyad_code(e, d, &in, NULL, &r, &err) == DYAD_OK && r->nevents == 2 &&
            !strcmp(dyad_result_event(r, 0)->code, "040"))
            pass++;
        else {
            fail++;
            printf("not ok - the library codes a sentence\n");
        }
    } else {
        fail++;
        printf("not ok - engine and doc: %s\n", err.msg);
    }
    if (calls == 0 && !strcmp(tag_name(), "mine") && lex_gen_data[0] == 't')
        pass++;
    else {
        fail++;
        printf("not ok - the library called the program's functions\n");
    }
    dyad_doc_free(d);
    dyad_engine_free(e);
    printf("static_link: %d passed, %d failed\n", pass, fail);
    return fail != 0;
}
