/* tabari_doc.c -- dyad_code under the TABARI model: a document is its
 * title and the sentences of its text (dyad's splitter), each coded as one
 * TABARI record with the engine's .options settings (or TABARI's defaults)
 * and the document's date. Pronouns of a sentence with no actor of its own
 * take the previous sentence's first actor when FORWARD: is on.
 */
#include <string.h>

#include "code/tabari.h"
#include "text/sentsplit.h"

void tab_code_document(const dyad_engine *e, dyad_doc *doc,
                       const dyad_input *in, const dyad_options *opts,
                       dyad_result *out) {
    (void)opts;
    arena *a = &doc->a;
    tab_opts o;
    if (e->tab_opts) o = *e->tab_opts;
    else tab_opts_init(&o);
    if (o.time_shift < 0) o.time_shift = 0; /* dates stay the documents' */
    tab_story story;
    memset(&story, 0, sizeof story);
    event_list ev = {NULL, 0, 0, NULL, NULL, NULL}; /* (grown in the arena: tabari_code.c) */
    uint32_t index = 0, title_events = 0;
    for (int part = 0; part < 2; part++) {
        const char *text = part ? in->text : in->title;
        size_t len = part ? in->text_len : in->title_len;
        if (!text || !len) continue;
        sent_span *sp = NULL;
        uint32_t ns = sent_split(a, text, (uint32_t)len, &sp);
        for (uint32_t i = 0; i < ns; i++) {
            uint32_t d;
            tab_code_sentence(e, a, text + sp[i].off, sp[i].len, in->date,
                              index++, sp[i].off, &o, &story, &ev, &d);
        }
        if (!part) title_events = ev.n;
    }
    for (uint32_t i = 0; i < ev.n; i++) ev.ev[i].in_title = i < title_events;
    out->text = in->text;
    out->text_len = in->text_len;
    out->title = in->title;
    out->title_len = in->title_len;
    out->nsentences = index;
    doc->events = ev.ev;
    out->nevents = ev.n;
}
