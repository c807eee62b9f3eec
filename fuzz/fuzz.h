/* fuzz.h -- shared by the libFuzzer harnesses of fuzz/ (see fuzz/README.md).
 *
 * Each harness is one fuzz/NAME.c defining LLVMFuzzerTestOneInput. Built
 * with clang -fsanitize=fuzzer,address,undefined it is a libFuzzer program
 * (make fuzz, make fuzz-ci); linked with fuzz/driver.c instead, by any C11
 * compiler, it runs the committed inputs of fuzz/regress/NAME/ and
 * fuzz/seeds/NAME/ once each (make test). A harness aborts on a broken
 * invariant, so the driver and libFuzzer both see it as a crash.
 */
#ifndef DYAD_FUZZ_H
#define DYAD_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts with a message when cond is false: a finding. */
#define FUZZ_CHECK(cond, what)                                                \
    do {                                                                      \
        if (!(cond)) {                                                        \
            fprintf(stderr, "fuzz: %s:%d: %s\n", __FILE__, __LINE__, what);   \
            abort();                                                          \
        }                                                                     \
    } while (0)

/* A small dictionary set for the harnesses that fuzz one kind: the other
 * kinds come from here, so that coding the sample sentences exercises the
 * fuzzed one. */
__attribute__((unused)) static const char fuzz_verbs[] =
    "&AID\n+AID\n+ASSISTANCE\n+MILITARY_AID\n\n"
    "####### VERB PATTERNS #######\n"
    "--- ACCUSE [112] ---\nACCUSE {ACCUSES ACCUSED ACCUSING}\n"
    "- * OF &AID [1122]\n- $ * + OF (ATTACK) [1121]\n"
    "--- PROVIDE [070] ---\nPROVIDE {PROVIDES PROVIDED PROVIDING}\n"
    "- * &AID TO [070]\n- * {MILITARY AID} [072]\n"
    "--- MEET [040] ---\nMEET {MEETS MET MEETING}\n- * WITH [040]\n"
    "--- SAY [---] ---\nSAY {SAYS SAID SAYING}\n";
__attribute__((unused)) static const char fuzz_actors[] =
    "IRAN [IRN]\nIRAQ [IRQ]\nFRANCE [FRA]\n+FRENCH\n"
    "HASSAN_ROUHANI [IRNGOV 130803-170804] [IRNELI]\n";
__attribute__((unused)) static const char fuzz_agents[] =
    "MINISTER [~GOV]\nPOLICE [~COP]\n"
                                  "PROTESTER [~OPP]\n";

/* Sentences coded with a fuzzed dictionary. */
__attribute__((unused)) static const char *const fuzz_sentences[] = {
    "Iran accused Iraq of providing military aid to rebels.",
    ("The French foreign minister met his Iranian counterpart in Paris on "
     "Monday, the ministry said."),
    "Police arrested protesters, and Iraq provided aid to France.",
    "Hassan Rouhani said Iran would not meet with France.",
};

/* Codes fuzz_sentences with e (date 20150101), checking the events. */
static inline void fuzz_code_samples(const dyad_engine *e) {
    dyad_doc *d = NULL;
    if (dyad_doc_new(&d, NULL) != DYAD_OK) return;
    for (size_t i = 0; i < sizeof fuzz_sentences / sizeof *fuzz_sentences;
         i++) {
        dyad_input in;
        dyad_input_init(&in);
        in.text = fuzz_sentences[i];
        in.text_len = strlen(in.text);
        in.date = 20150101;
        const dyad_result *r = NULL;
        if (dyad_code(e, d, &in, NULL, &r, NULL) != DYAD_OK) continue;
        for (size_t k = 0; k < r->nevents; k++) {
            const dyad_event *ev = dyad_result_event(r, k);
            FUZZ_CHECK(ev && ev->source && ev->target && ev->rule,
                       "event with a NULL field");
        }
    }
    dyad_doc_free(d);
}

/* dict check's callback: every finding has its strings. */
static inline void fuzz_finding(void *ctx, const dyad_finding *f) {
    (void)ctx;
    FUZZ_CHECK(f && f->file && f->kind && f->msg, "finding with a NULL "
                                                  "string");
    FUZZ_CHECK(strlen(f->msg) < 4096, "finding message not terminated");
}

/* Loads data as a dictionary of kind/fmt, with the small set above for the
 * kinds given as 1 in others (verbs, actors, agents), then runs dict check
 * and codes the samples. */
static inline void fuzz_dict(dyad_dict_kind kind, dyad_dict_format fmt,
                             const uint8_t *data, size_t size, int verbs,
                             int actors, int agents) {
    dyad_config *c = NULL;
    if (dyad_config_new(&c, NULL) != DYAD_OK) return;
    if (verbs)
        dyad_config_add_buffer(c, DYAD_DICT_VERBS, DYAD_FORMAT_PETRARCH2,
                               "verbs.txt", fuzz_verbs, sizeof fuzz_verbs - 1);
    if (actors)
        dyad_config_add_buffer(c, DYAD_DICT_ACTORS, DYAD_FORMAT_AUTO,
                               "actors.txt", fuzz_actors,
                               sizeof fuzz_actors - 1);
    if (agents)
        dyad_config_add_buffer(c, DYAD_DICT_AGENTS, DYAD_FORMAT_AUTO,
                               "agents.txt", fuzz_agents,
                               sizeof fuzz_agents - 1);
    dyad_config_add_buffer(c, kind, fmt, "fuzz.txt", (const char *)data, size);
    dyad_engine *e = NULL;
    dyad_error err;
    if (dyad_engine_new(c, &e, &err) == DYAD_OK) {
        uint32_t errors = 0, warnings = 0;
        dyad_engine_check(e, fuzz_finding, NULL, &errors, &warnings);
        fuzz_code_samples(e);
        dyad_engine_free(e);
    } else {
        FUZZ_CHECK(err.status != DYAD_OK && err.msg[0], "failure without a "
                                                        "message");
    }
    dyad_config_free(c);
}

#endif
