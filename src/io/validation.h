/* validation.h -- validation records (formats.md section e) for
 * `dyad validate FILE.xml`.
 *
 * The whole file is parsed with libxml2 into a val_file: the <Environment>
 * (dictionary file names, Include/Exclude, Pause, initial Config options) and
 * the <Sentences> content as a list of items in document order, because a
 * <Config> between records changes an option for the records after it.
 * The evaluation rules of e.2 that do not need the coder live here too:
 * which records to skip, how Config Booleans read, and the one-to-one
 * comparison of expected and coded events.
 */
#ifndef DYAD_VALIDATION_H
#define DYAD_VALIDATION_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"

/* One expected event: <EventCoding sourcecode= targetcode= eventcode=>.
 * Codes are compared as exact strings ("---GOV", "174K" are possible). */
typedef struct val_event {
    const char *source;   /* sourcecode */
    const char *target;   /* targetcode */
    const char *code;     /* eventcode */
} val_event;

/* One <Sentence> record. */
typedef struct val_record {
    const char *id;        /* id attribute, "" if absent */
    uint32_t date;         /* date attribute as YYYYMMDD, 0 if absent/invalid */
    const char *date_text; /* date attribute as written, "" if absent */
    const char *category;  /* category attribute, "" if absent */
    int sentence;          /* sentence= (or older valid=) is "true", any case */
    int has_skip;          /* the record has a <Skip> child */
    const char *text;      /* <Text>, whitespace-normalised, "" if absent */
    const char *parse;     /* <Parse>, whitespace-normalised, "" if absent */
    val_event *events;     /* expected events; empty when noevents or error */
    size_t nevents;        /* number of events; 0 means "no events expected" */
    int noevents;          /* some <EventCoding> has a noevents attribute */
    const char *error;     /* error="TYPE" of an <EventCoding>, or NULL */
    uint64_t line;         /* line of the <Sentence> start tag */
} val_record;

/* One <Config option= value=>. */
typedef struct val_config {
    const char *option;    /* option name, e.g. "require_dyad" */
    const char *value;     /* value as written, e.g. "FALSE", "4" */
    uint64_t line;         /* line of the element */
} val_config;

typedef enum val_item_kind {
    VAL_ITEM_CONFIG,       /* an option change, in force from here on */
    VAL_ITEM_RECORD,       /* a record to evaluate */
    VAL_ITEM_STOP          /* <Stop>: the run ends here */
} val_item_kind;

/* One entry of <Sentences>, in document order. */
typedef struct val_item {
    val_item_kind kind;    /* which member is meaningful */
    val_config config;     /* when kind == VAL_ITEM_CONFIG */
    val_record record;     /* when kind == VAL_ITEM_RECORD */
} val_item;

#define VAL_MAX_ACTOR_FILES 16

/* The <Environment>. Absent file names are NULL. */
typedef struct val_env {
    const char *verbfile;                        /* <Verbfile> */
    const char *actorfiles[VAL_MAX_ACTOR_FILES]; /* each <Actorfile> */
    size_t nactorfiles;                          /* number of actorfiles */
    const char *agentfile;                       /* <Agentfile> */
    const char *discardfile;                     /* <Discardfile> */
    const char *pause;                           /* <Pause>, NULL if absent */
    const char **include;     /* <Include> words, incl. the flag "valid" */
    size_t ninclude;          /* number of include words */
    const char **exclude;     /* <Exclude> words */
    size_t nexclude;          /* number of exclude words */
    val_config *config;       /* <Config> elements inside <Environment> */
    size_t nconfig;           /* number of those */
} val_env;

typedef struct val_file {
    val_env env;           /* the environment */
    val_item *items;       /* <Sentences> content in document order */
    size_t nitems;         /* number of items */
    size_t nrecords;       /* items that are records */
    size_t nconfigs;       /* <Config> elements, Environment included */
    void *mem;             /* private: storage of every string and array */
} val_file;

/* Parses a validation file. NULL with "file:line: reason" in err on failure
 * (not well-formed, no <Sentences>, an <EventCoding> with neither codes nor
 * noevents/error, too many actor files). */
val_file *val_load(const char *path, char *err, size_t errlen);
/* Same from memory; name is used in messages. */
val_file *val_load_memory(const char *buf, size_t len, const char *name,
                          char *err, size_t errlen);
void val_free(val_file *vf);

/* e.2 step 1: 1 when the record is skipped (counts neither way). */
int val_should_skip(const val_file *vf, const val_record *rec);

/* Config Booleans: true unless the value contains "false", in any case. */
int val_config_bool(const char *value);

/* Applies one Config option to coding options: require_dyad,
 * new_actor_length, comma_min/max, comma_bmin/bmax, comma_emin/emax.
 * Returns 1 applied, 0 known but not a coding option (stop_on_error),
 * -1 unknown option or a non-integer value for an integer option. */
int val_config_apply(dyad_options *o, const char *option, const char *value);

/* e.2 step 5: 1 when got[0..ngot) and the expected events pair one to one
 * with equal (source, target, code) strings, order ignored; got[i][0] is the
 * source, [1] the target, [2] the code. No events expected matches only
 * ngot == 0. */
int val_events_match(const val_record *rec, const char *const (*got)[3],
                     size_t ngot);

#endif
