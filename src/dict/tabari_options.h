/* tabari_options.h -- TABARI .options commands (formats.md g.7) and .project
 * files (g.1).
 *
 * tab_opts holds what the TABARI coder reads from the options: clause or
 * sentence coding, comma-clause limits, the COMPLEX conditions, default
 * actors, agent conversion, the minimum sentence length, dates. It is a
 * plain value: the engine keeps the one its .options file gave, and
 * `dyad validate` copies it and applies each OPTION: record to the copy.
 */
#ifndef DYAD_DICT_TABARI_OPTIONS_H
#define DYAD_DICT_TABARI_OPTIONS_H

#include <stddef.h>
#include <stdint.h>

enum { TAB_BY_CLAUSE = 0, TAB_BY_SENTENCE = 1, TAB_ALL = 2 };

typedef struct tab_opts {
    int code_by;             /* TAB_BY_CLAUSE (default), _SENTENCE, TAB_ALL */
    int min_words;           /* sentences with fewer words are not coded */
    int yyyy;                /* 8-digit dates in text records */
    int convert_agents;      /* a lone agent is an actor: "~MOS" */
    int time_shift;          /* -1: on when the verbs have <TIME> roots */
    /* COMPLEX: counts (0 = off) and conditions */
    int cx_verbs, cx_actors, cx_pronouns, cx_conj, cx_comma, cx_lateverb;
    uint8_t cx_noactprior, cx_noactafter, cx_noverb, cx_nosource,
        cx_notarget, cx_noevent;
    /* COMMA: word-count limits; a max of 0 turns that kind off */
    int comma_min, comma_max, comma_emin, comma_emax, comma_bmin,
        comma_bmax;
    char def_source[16], def_target[16];  /* DEFAULT: "" when off */
    uint8_t def_prior, def_after;
    int forward;             /* FORWARD: pronouns carried between the
                                sentences of a story */
    char fwd_format[32];     /* its id layout: ^ blank, * any, N story,
                                S sentence */
    int label;               /* SET: LABEL */
} tab_opts;

void tab_opts_init(tab_opts *o);
/* Applies one command line ("COMPLEX: VERBS[5] ..."); -1 with a reason in
 * err (no file:line: the caller adds it) for a malformed one. Unknown
 * commands and settings are accepted (TABARI's many output switches). */
int tab_opts_apply(tab_opts *o, const char *s, size_t n, char *err,
                   size_t errlen);
/* A whole .options file; errors as "name:line: reason". */
int tab_opts_load(tab_opts *o, const char *name, const char *text,
                  size_t len, char *err, size_t errlen);

/* The files a .project names (g.1), as given (relative to its folder). */
#define TAB_PROJECT_MAX 16
typedef struct tab_project {
    char *actors[TAB_PROJECT_MAX];
    char *agents[TAB_PROJECT_MAX];
    char *verbs[TAB_PROJECT_MAX];
    char *text[TAB_PROJECT_MAX];
    int nactors, nagents, nverbs, ntext;
    char *options;
    char *issues;
} tab_project;

/* Parses a project file's text; the strings are malloc'd (tab_project_free).
 * -1 with "name:line: reason" for a malformed tag line. */
int tab_project_parse(tab_project *p, const char *name, const char *text,
                      size_t len, char *err, size_t errlen);
void tab_project_free(tab_project *p);

#endif
