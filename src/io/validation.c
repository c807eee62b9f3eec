/* validation.c -- loads validation XML (formats.md e.1) and implements the
 * coder-independent parts of the evaluation (e.2 steps 1, 2 and 5).
 *
 * The file is small (a few hundred records) and its <Config> elements act in
 * document order, so it is read whole into a libxml2 tree and copied into one
 * arena owned by the val_file; the tree is freed before val_load returns.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "util/arena.h"
#include "io/reader.h"
#include "io/validation.h"

/* State of one load: where strings go and where errors are reported. */
typedef struct val_loader {
    val_file *vf;       /* the file being built */
    arena *mem;         /* == vf->mem */
    const char *name;   /* file name for messages */
    char *err;          /* caller's message buffer */
    size_t errlen;      /* its size */
    size_t cap_items;   /* capacity of vf->items */
} val_loader;

static int is_elem(xmlNodePtr n, const char *name) {
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* Attribute copied into the arena; NULL when absent. */
static const char *get_attr(val_loader *L, xmlNodePtr n, const char *name) {
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v) return NULL;
    char *s = arena_strdup(L->mem, (const char *)v);
    xmlFree(v);
    return s;
}

/* Element text, whitespace-normalised, in the arena. */
static const char *get_text(val_loader *L, xmlNodePtr n) {
    xmlChar *v = xmlNodeGetContent(n);
    char *s = arena_strdup(L->mem, v ? (const char *)v : "");
    xmlFree(v);
    reader_squeeze_space(s);
    return s;
}

/* Splits the words of an element into an arena array. */
static void get_words(val_loader *L, xmlNodePtr n, const char ***out, size_t *count) {
    char *s = (char *)get_text(L, n);
    size_t cap = 0;
    const char **words = NULL;
    *count = 0;
    char *save = NULL;
    for (char *tok = strtok_r(s, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
        ARENA_GROW(L->mem, words, *count, cap);
        words[(*count)++] = tok;
    }
    *out = words;
}

static val_config read_config(val_loader *L, xmlNodePtr n) {
    val_config c;
    const char *o = get_attr(L, n, "option"), *v = get_attr(L, n, "value");
    c.option = o ? o : "";
    c.value = v ? v : "";
    c.line = (uint64_t)xmlGetLineNo(n);
    L->vf->nconfigs++;
    return c;
}

static val_item *new_item(val_loader *L, val_item_kind kind) {
    ARENA_GROW(L->mem, L->vf->items, L->vf->nitems, L->cap_items);
    val_item *it = &L->vf->items[L->vf->nitems++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    return it;
}

static int read_env(val_loader *L, xmlNodePtr env) {
    val_env *e = &L->vf->env;
    size_t cap_cfg = 0;
    for (xmlNodePtr c = env->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (is_elem(c, "Verbfile")) e->verbfile = get_text(L, c);
        else if (is_elem(c, "Agentfile")) e->agentfile = get_text(L, c);
        else if (is_elem(c, "Discardfile")) e->discardfile = get_text(L, c);
        else if (is_elem(c, "Pause")) e->pause = get_text(L, c);
        else if (is_elem(c, "Include")) get_words(L, c, &e->include, &e->ninclude);
        else if (is_elem(c, "Exclude")) get_words(L, c, &e->exclude, &e->nexclude);
        else if (is_elem(c, "Actorfile")) {
            if (e->nactorfiles == VAL_MAX_ACTOR_FILES) {
                snprintf(L->err, L->errlen, "%s:%ld: more than %d <Actorfile>s",
                         L->name, xmlGetLineNo(c), VAL_MAX_ACTOR_FILES);
                return -1;
            }
            e->actorfiles[e->nactorfiles++] = get_text(L, c);
        } else if (is_elem(c, "Config")) {
            ARENA_GROW(L->mem, e->config, e->nconfig, cap_cfg);
            e->config[e->nconfig++] = read_config(L, c);
        }
        /* Errorfile is obsolete; unknown elements are ignored like PETRARCH */
    }
    return 0;
}

static int read_record(val_loader *L, xmlNodePtr s) {
    val_record *r = &new_item(L, VAL_ITEM_RECORD)->record;
    const char *v;
    r->line = (uint64_t)xmlGetLineNo(s);
    r->id = (v = get_attr(L, s, "id")) ? v : "";
    r->category = (v = get_attr(L, s, "category")) ? v : "";
    r->date_text = (v = get_attr(L, s, "date")) ? v : "";
    r->date = dyad_parse_date(r->date_text, strlen(r->date_text));
    /* "sentence" replaced the older "valid" attribute (e.1) */
    v = get_attr(L, s, "sentence");
    if (!v) v = get_attr(L, s, "valid");
    r->sentence = v && strcasecmp(v, "true") == 0;
    r->text = "";
    r->parse = "";

    size_t cap = 0;
    for (xmlNodePtr c = s->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (is_elem(c, "Text")) r->text = get_text(L, c);
        else if (is_elem(c, "Parse")) r->parse = get_text(L, c);
        else if (is_elem(c, "Skip")) r->has_skip = 1;
        else if (is_elem(c, "EventCoding")) {
            /* noevents: only its presence matters ("True", " True ", ...) */
            if (xmlHasProp(c, (const xmlChar *)"noevents")) r->noevents = 1;
            const char *e = get_attr(L, c, "error");
            if (e) r->error = e;
            const char *src = get_attr(L, c, "sourcecode");
            const char *tgt = get_attr(L, c, "targetcode");
            const char *code = get_attr(L, c, "eventcode");
            if (src && tgt && code) {
                ARENA_GROW(L->mem, r->events, r->nevents, cap);
                r->events[r->nevents].source = src;
                r->events[r->nevents].target = tgt;
                r->events[r->nevents].code = code;
                r->nevents++;
            } else if (!e && !xmlHasProp(c, (const xmlChar *)"noevents")) {
                snprintf(L->err, L->errlen,
                         "%s:%ld: <EventCoding> in record \"%s\" needs sourcecode, "
                         "targetcode and eventcode, or noevents, or error",
                         L->name, xmlGetLineNo(c), r->id);
                return -1;
            }
        }
    }
    /* e.2 step 2: noevents or error empties the expected list */
    if (r->noevents || r->error) r->nevents = 0;
    return 0;
}

static int read_sentences(val_loader *L, xmlNodePtr ss) {
    for (xmlNodePtr c = ss->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (is_elem(c, "Sentence")) {
            if (read_record(L, c) < 0) return -1;
            L->vf->nrecords++;
        } else if (is_elem(c, "Config")) {
            val_config cfg = read_config(L, c);
            new_item(L, VAL_ITEM_CONFIG)->config = cfg;
        } else if (is_elem(c, "Stop")) {
            new_item(L, VAL_ITEM_STOP);
        }
    }
    return 0;
}

static val_file *load_doc(xmlParserCtxtPtr ctxt, xmlDocPtr doc, const char *name,
                          char *err, size_t errlen) {
    if (!doc) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        const char *msg = e && e->message ? e->message : "cannot parse";
        size_t ml = strlen(msg);
        while (ml && (msg[ml - 1] == '\n' || msg[ml - 1] == ' ')) ml--;
        snprintf(err, errlen, "%s:%d: %.*s", name, e ? e->line : 0, (int)ml, msg);
        return NULL;
    }
    val_file *vf = calloc(1, sizeof *vf);
    arena *store = malloc(sizeof *store);
    if (!vf || !store) {
        free(vf);
        free(store);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    arena_init(store, 64 * 1024, NULL);
    vf->mem = store;
    val_loader L = {vf, store, name, err, errlen, 0};

    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlNodePtr env = NULL, sentences = NULL;
    for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next) {
        if (is_elem(c, "Environment") && !env) env = c;
        else if (is_elem(c, "Sentences") && !sentences) sentences = c;
    }
    /* a bare <Sentences> root (batch layout) is accepted too */
    if (root && is_elem(root, "Sentences")) sentences = root;
    int rc = 0;
    if (!sentences) {
        snprintf(err, errlen, "%s: no <Sentences> element", name);
        rc = -1;
    }
    if (rc == 0 && env) rc = read_env(&L, env);
    if (rc == 0) rc = read_sentences(&L, sentences);
    if (rc < 0) {
        val_free(vf);
        return NULL;
    }
    return vf;
}

/* NONET: never fetch a DTD; NOERROR/NOWARNING: the message is returned in
 * err instead of being printed by libxml2. */
#define VAL_XML_OPTIONS                                                       \
    (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_HUGE | XML_PARSE_NOERROR | \
     XML_PARSE_NOWARNING)

val_file *val_load(const char *path, char *err, size_t errlen) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    fclose(f);
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    xmlDocPtr doc = xmlCtxtReadFile(ctxt, path, NULL, VAL_XML_OPTIONS);
    val_file *vf = load_doc(ctxt, doc, path, err, errlen);
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    return vf;
}

val_file *val_load_memory(const char *buf, size_t len, const char *name, char *err,
                          size_t errlen) {
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    if (!name) name = "<memory>";
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, (int)len, name, NULL, VAL_XML_OPTIONS);
    val_file *vf = load_doc(ctxt, doc, name, err, errlen);
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    return vf;
}

void val_free(val_file *vf) {
    if (!vf) return;
    if (vf->mem) {
        arena_free(vf->mem);
        free(vf->mem);
    }
    free(vf);
}

static int listed(const char *const *words, size_t n, const char *w) {
    for (size_t i = 0; i < n; i++)
        if (strcmp(words[i], w) == 0) return 1;
    return 0;
}

int val_should_skip(const val_file *vf, const val_record *rec) {
    const val_env *e = &vf->env;
    if (rec->has_skip) return 1;
    if (listed(e->include, e->ninclude, "valid") && !rec->sentence) return 1;
    /* the Include list filters categories only if it names some: the word
     * "valid" on its own is a flag, not a category */
    size_t ncat = e->ninclude - (size_t)listed(e->include, e->ninclude, "valid");
    if (ncat > 0 && !listed(e->include, e->ninclude, rec->category)) return 1;
    if (listed(e->exclude, e->nexclude, rec->category)) return 1;
    return 0;
}

int val_config_bool(const char *value) {
    if (!value) return 1;
    for (const char *p = value; *p; p++)
        if (strncasecmp(p, "false", 5) == 0) return 0;
    return 1;
}

/* Whole-string integer, blanks around allowed. */
static int parse_int(const char *s, int *out) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    while (*end == ' ' || *end == '\t') end++;
    if (end == s || *end || errno || v < -1000000 || v > 1000000) return -1;
    *out = (int)v;
    return 0;
}

int val_config_apply(dyad_options *o, const char *option, const char *value) {
    static const struct {
        const char *name;   /* option name in the validation file */
        size_t offset;      /* int member of dyad_options */
    } ints[] = {
        {"new_actor_length", offsetof(dyad_options, new_actor_length)},
        {"comma_min", offsetof(dyad_options, comma_min)},
        {"comma_max", offsetof(dyad_options, comma_max)},
        {"comma_bmin", offsetof(dyad_options, comma_bmin)},
        {"comma_bmax", offsetof(dyad_options, comma_bmax)},
        {"comma_emin", offsetof(dyad_options, comma_emin)},
        {"comma_emax", offsetof(dyad_options, comma_emax)},
    };
    if (!option || !value) return -1;
    if (strcmp(option, "require_dyad") == 0) {
        o->require_dyad = val_config_bool(value);
        return 1;
    }
    if (strcmp(option, "stop_on_error") == 0) return 0;
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        if (strcmp(option, ints[i].name)) continue;
        int v;
        if (parse_int(value, &v) < 0) return -1;
        *(int *)((char *)o + ints[i].offset) = v;
        return 1;
    }
    return -1;
}

int val_events_match(const val_record *rec, const char *const (*got)[3],
                     size_t ngot) {
    if (ngot != rec->nevents) return 0;
    if (ngot == 0) return 1;
    /* Greedy pairing is exact here: items pair only when all three strings
     * are equal, so equal items are interchangeable and any free match is as
     * good as any other. */
    unsigned char small[64];
    unsigned char *used = ngot <= sizeof small ? small : calloc(ngot, 1);
    if (!used) return 0;
    memset(used, 0, ngot);
    int ok = 1;
    for (size_t i = 0; i < rec->nevents && ok; i++) {
        const val_event *e = &rec->events[i];
        size_t j;
        for (j = 0; j < ngot; j++) {
            if (used[j] || !got[j][0] || !got[j][1] || !got[j][2]) continue;
            if (!strcmp(got[j][0], e->source) && !strcmp(got[j][1], e->target) &&
                !strcmp(got[j][2], e->code))
                break;
        }
        if (j == ngot) ok = 0;
        else used[j] = 1;
    }
    if (used != small) free(used);
    return ok;
}
