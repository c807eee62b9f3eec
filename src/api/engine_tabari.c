/* engine_tabari.c -- loading TABARI-format sources into an engine: the
 * .actors, .agents and .verbs readers of dict/tabari_*.c, and the .options
 * file, whose settings the engine keeps for the TABARI model. TABARI verbs
 * select that model unless the configuration named another.
 */
#include "api/engine.h"

#include <stdio.h>
#include <string.h>

#include "dict/tabari.h"
#include "dict/tabari_options.h"

int engine_load_tabari(dyad_engine *e, dyad_dict_kind kind, const char *name,
                       const char *text, size_t len, char *msg,
                       size_t msglen) {
    dict *d = &e->d;
    switch (kind) {
    case DYAD_DICT_VERBS:
        if (tab_load_verbs(d, name, text, len, msg, msglen)) return -1;
        if (!e->rules) e->rules = &model_tabari_rules;
        return 0;
    case DYAD_DICT_ACTORS:
        return tab_load_actors(d, name, text, len, msg, msglen);
    case DYAD_DICT_AGENTS:
        return tab_load_agents(d, name, text, len, msg, msglen);
    case DYAD_DICT_OPTIONS:
        if (!e->tab_opts) {
            e->tab_opts = arena_alloc(&e->mem, sizeof *e->tab_opts);
            tab_opts_init(e->tab_opts);
        }
        return tab_opts_load(e->tab_opts, name, text, len, msg, msglen);
    default:
        snprintf(msg, msglen, "%s: TABARI has no such dictionary", name);
        return -1;
    }
}
