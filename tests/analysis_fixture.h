/* analysis_fixture.h -- the cmocka fixture shared by the tagger and chunker
 * tests: one compiled-in lexicon and one arena, and a helper that analyses
 * a sentence up to a given stage. Included by one test program each. */
#ifndef DYAD_TEST_ANALYSIS_FIXTURE_H
#define DYAD_TEST_ANALYSIS_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "dict/bundled.h"
#include "dict/dict.h"
#include "util/arena.h"
#include "text/chunker.h"
#include "text/lexicon.h"
#include "text/sentence.h"
#include "text/tagger.h"
#include "text/tokenize.h"

typedef struct fixture {
    lexicon *lx;         /* compiled-in lexicon */
    dict d;              /* the bundled word classes (dyad.rules.txt) */
    arena a;             /* sentences under test */
    sentence s;          /* the last analysed sentence */
} fixture;

static int setup(void **state) {
    fixture *f = calloc(1, sizeof *f);
    f->lx = lex_new(NULL);
    arena_init(&f->a, 0, NULL);
    dict_init(&f->d, NULL);
    const bundled_file *r = bundled_find("dyad.rules.txt");
    char err[256];
    if (!r || dict_load_classes(&f->d, "dyad.rules.txt", r->data, r->len, err,
                                sizeof err) != 0)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state) {
    fixture *f = *state;
    lex_free(f->lx);
    arena_free(&f->a);
    dict_free(&f->d);
    free(f);
    return 0;
}

/* Tokenises and tags text, and chunks it too when with_chunks is set. */
static sentence *analyse(fixture *f, const char *text, int with_chunks) {
    memset(&f->s, 0, sizeof f->s);
    f->s.text = text;
    f->s.len = (uint32_t)strlen(text);
    f->s.ntok = tok_tokenize(&f->a, text, f->s.len, &f->s.toks);
    tag_sentence(f->lx, &f->s, &f->a);
    /* the word classes, as the coder sets them (document.c) */
    for (uint32_t i = 0; i < f->s.ntok; i++) {
        tok *t = &f->s.toks[i];
        uint32_t w = vocab_find(&f->d.voc, t->norm, t->nlen);
        uint32_t l = t->lemma ? vocab_find(&f->d.voc, t->lemma, strlen(t->lemma)) : 0;
        t->wcls = (uint16_t)((w < f->d.ncls ? f->d.cls[w] : 0) |
                             (l < f->d.ncls ? f->d.cls[l] : 0));
    }
    if (with_chunks) chunk_sentence(&f->s, &f->a);
    return &f->s;
}

#endif
