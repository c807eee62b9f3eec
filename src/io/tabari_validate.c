/* tabari_validate.c -- running TABARI's validation records (formats.md
 * g.9).
 *
 * A record starts at a line beginning with a digit (after an empty line or
 * at the start of the file): the date, then the id; its text runs to the
 * next empty line. The expected events are the { SRC / TGT / EVT } blocks
 * after the comment opener (also past the comment's end: TABARI's files put
 * some there);
 * the text coded is what comes before it. {---}, {###} and {+++} expect no
 * event, a discard and a complex sentence; a '-' right before a block
 * stops the checking there. A record with OPTION: blocks runs those .options
 * commands and is not coded. Events are compared in order, field by field.
 * With time shifting on, digits after the first block are the expected
 * (shifted) date.
 *
 * One difference from TABARI's own check: TABARI passes a record with no
 * event whenever its comment holds "---" anywhere (the dashed rule lines
 * do); here the record must expect it with a {---} block.
 */
#include "io/tabari_validate.h"

#include <stdlib.h>
#include <string.h>

#include "api/engine.h"
#include "code/tabari.h"
#include "dict/tabari_options.h"

typedef struct buf {
    char *p;
    size_t n;
} buf;

static int read_all(const char *path, buf *b) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    size_t cap = 1 << 16;
    b->p = malloc(cap);
    b->n = 0;
    if (!b->p) {
        fclose(f);
        return -1;
    }
    for (;;) {
        if (b->n + 4096 > cap) {
            char *np = realloc(b->p, cap * 2);
            if (!np) {
                free(b->p);
                fclose(f);
                return -1;
            }
            b->p = np;
            cap *= 2;
        }
        size_t r = fread(b->p + b->n, 1, cap - b->n - 1, f);
        b->n += r;
        if (!r) break;
    }
    fclose(f);
    b->p[b->n] = '\0';
    return 0;
}

/* One expected block. */
typedef struct xblock {
    char f[3][16];    /* source, target, event (empty for markers) */
    char marker;      /* '-', '#', '+' for {---} {###} {+++}, else 0 */
    int stop;         /* a '-' stands right before it */
    int option;       /* { OPTION: ... } */
    const char *body; /* inside the braces */
    size_t blen;
    uint32_t date;    /* digits after the block, 0 if none */
} xblock;

static size_t parse_blocks(const char *s, xblock *x, size_t max) {
    size_t n = 0;
    for (const char *p = s; (p = strchr(p, '{')) && n < max;) {
        /* an OPTION: block may lack its brace: it ends with the comment */
        const char *e = strchr(p, '}');
        if (!e) e = strstr(p, "*/");
        if (!e) e = p + strlen(p);
        xblock *b = &x[n++];
        memset(b, 0, sizeof *b);
        b->stop = p > s && p[-1] == '-';
        b->body = p + 1;
        b->blen = (size_t)(e - p - 1);
        char in[256];
        snprintf(in, sizeof in, "%.*s", (int)b->blen, b->body);
        b->option = strstr(in, "OPTION:") != NULL;
        char *t = in;
        while (*t == ' ' || *t == '\t') t++;
        if (!strncmp(t, "---", 3) && !strchr(t, '/')) b->marker = '-';
        if (!strncmp(t, "###", 3)) b->marker = '#';
        if (!strncmp(t, "+++", 3)) b->marker = '+';
        /* fields end at a blank, '/' or '}' */
        for (int k = 0; k < 3 && !b->marker; k++) {
            while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\\') t++;
            size_t m = 0;
            while (*t && *t != ' ' && *t != '\t' && *t != '/' && m < 15)
                b->f[k][m++] = *t++;
            b->f[k][m] = '\0';
            while (*t && *t != '/') t++;
            if (*t == '/') t++;
        }
        const char *d = *e ? e + 1 : e;
        while (*d == ' ' || *d == '\t') d++;
        while (*d >= '0' && *d <= '9') b->date = b->date * 10 + (uint32_t)(*d++ - '0');
        p = *e ? e + 1 : e;
        if (!*e) break;
    }
    return n;
}

static uint32_t record_date(const char *s, int yyyy, size_t *used) {
    size_t k = 0;
    while (s[k] >= '0' && s[k] <= '9') k++;
    *used = k;
    size_t want = yyyy ? 8 : 6;
    if (k < want) return 0;
    uint32_t v = 0;
    for (size_t i = 0; i < want; i++) v = v * 10 + (uint32_t)(s[i] - '0');
    if (!yyyy) v += v / 10000 <= 30 ? 20000000u : 19000000u;
    return v;
}

/* The story number of a header (FORWARD's format over the text after the
 * date: 'N' positions). */
static void story_key(const tab_opts *o, const char *after, size_t n,
                      char *key, size_t cap) {
    size_t k = 0;
    for (size_t i = 0; i < n && o->fwd_format[i] && k + 1 < cap; i++)
        if (o->fwd_format[i] == 'N') key[k++] = after[i];
    key[k] = '\0';
}

static void print_record(FILE *out, const char *id, const char *text,
                         size_t tn, const char *why, const event_list *ev,
                         uint32_t first, int status) {
    fprintf(out, "FAIL %s: %s\n  text: ", id, why);
    for (size_t i = 0; i < tn && i < 400; i++)
        fputc(text[i] == '\n' ? ' ' : text[i], out);
    fprintf(out, "\n  coded:");
    static const char *const st[] = {"", " (no event)", " (discard)",
                                     " (complex)", " (too short)"};
    fprintf(out, "%s", st[status]);
    for (uint32_t i = first; i < ev->n; i++)
        fprintf(out, " {%s / %s / %s}", ev->ev[i].source, ev->ev[i].target,
                ev->ev[i].code);
    fprintf(out, "\n");
}

/* Checks the events against the blocks; NULL when the record passes,
 * else why not. */
static const char *check(const xblock *x, size_t nx, int status,
                         const event_list *ev, uint32_t first, int timed,
                         uint32_t date, int yyyy) {
    static const char markers[] = {0, '-', '#', '+', '-'};
    if (!nx) return "no verification record";
    if (status != TAB_OK || ev->n == first) {
        if (x[0].stop) return NULL;
        char want = markers[status == TAB_OK ? 1 : status];
        for (size_t i = 0; i < nx; i++)
            if (x[i].marker == want) return NULL;
        return "expected events, coded none";
    }
    uint32_t n = ev->n - first;
    size_t k = 0;
    for (; k < nx && !x[k].stop; k++) {
        if (k >= n) return "fewer events than expected";
        const dyad_event *e = &ev->ev[first + k];
        if (x[k].marker || strcmp(x[k].f[0], e->source) ||
            strcmp(x[k].f[1], e->target) || strcmp(x[k].f[2], e->code))
            return "event differs";
    }
    if (k == nx && n > nx) return "more events than expected";
    if (timed && x[0].date && !x[0].stop) {
        uint32_t want = yyyy ? date : date % 1000000;
        if (x[0].date != want) return "date differs";
    }
    return NULL;
}

static int run_text(const dyad_engine *e, tab_opts *o, const buf *t,
                    int verbose, const char *only, FILE *out,
                    tval_counts *cnt) {
    arena a;
    arena_init(&a, 1 << 16, NULL);
    tab_story story;
    memset(&story, 0, sizeof story);
    const char *p = t->p, *end = t->p + t->n;
    int at_start = 1;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        int empty = le == p || (le == p + 1 && *p == '\r');
        if (empty || !at_start || *p < '0' || *p > '9') {
            at_start = empty;
            p = nl ? nl + 1 : end;
            continue;
        }
        /* a record: the header line, then text to an empty line */
        const char *hdr = p, *hend = le;
        const char *text = nl ? nl + 1 : end, *te = text;
        while (te < end) {
            const char *n2 = memchr(te, '\n', (size_t)(end - te));
            const char *l2 = n2 ? n2 : end;
            if (l2 == te || (l2 == te + 1 && *te == '\r')) break;
            te = n2 ? n2 + 1 : end;
        }
        p = te;
        at_start = 0;
        size_t tn = (size_t)(te - text);
        char *rec = malloc(tn + 1);
        if (!rec) break;
        memcpy(rec, text, tn);
        rec[tn] = '\0';
        if (strstr(rec, "This is the end of the standard validation")) {
            free(rec);
            break;
        }
        size_t dl;
        uint32_t date = record_date(hdr, o->yyyy, &dl);
        const char *id = hdr + dl;
        while (id < hend && (*id == ' ' || *id == '\t')) id++;
        char idb[64];
        size_t il = 0;
        while (id + il < hend && id[il] != ' ' && id[il] != '\t' &&
               id[il] != '\r' && il < sizeof idb - 1)
            il++;
        snprintf(idb, sizeof idb, "%.*s", (int)il, id);
        const char *cm = strstr(rec, "/*");
        xblock x[64];
        size_t nx = cm ? parse_blocks(cm, x, 64) : 0;
        int is_option = 0;
        for (size_t i = 0; i < nx; i++) is_option |= x[i].option;
        int show = !only || !strncmp(idb, only, strlen(only));
        if (is_option) {
            for (size_t i = 0; i < nx; i++) {
                if (!x[i].option) continue;
                const char *c = strstr(x[i].body, "OPTION:") + 7;
                size_t cn = x[i].blen - (size_t)(c - x[i].body);
                char why[256];
                if (tab_opts_apply(o, c, cn, why, sizeof why) && show)
                    fprintf(out, "%s: OPTION: %s\n", idb, why);
            }
            cnt->options++;
            cnt->passed++;
            free(rec);
            continue;
        }
        /* FORWARD: a new story forgets the last one's actor */
        char key[64];
        story_key(o, hdr + dl, (size_t)(hend - hdr) - dl, key, sizeof key);
        if (!o->forward || strcmp(key, story.key)) {
            memset(&story, 0, sizeof story);
            snprintf(story.key, sizeof story.key, "%s", key);
        }
        event_list ev = {NULL, 0, 0, NULL, NULL, NULL};
        uint32_t shifted = date;
        size_t code_len = cm ? (size_t)(cm - rec) : tn;
        arena_reset(&a);
        int st = tab_code_sentence(e, &a, rec, code_len, date, 0, 0, o,
                                   o->forward ? &story : NULL, &ev, &shifted);
        const char *why = check(x, nx, st, &ev, 0, o->time_shift == 1,
                                shifted, o->yyyy);
        if (why) cnt->failed++;
        else cnt->passed++;
        if (show && (why || verbose))
            print_record(out, idb, rec, code_len, why ? why : "ok", &ev, 0, st);
        free(rec);
    }
    arena_free(&a);
    return 0;
}

int tval_run(const char *project, int verbose, const char *only, FILE *out,
             tval_counts *n, char *err, size_t errlen) {
    memset(n, 0, sizeof *n);
    dyad_config *cfg = NULL;
    dyad_error e;
    dyad_engine *eng = NULL;
    if (dyad_config_new(&cfg, NULL) != DYAD_OK) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    dyad_status st = dyad_config_add_dir(cfg, project, &e);
    if (st == DYAD_OK) st = dyad_config_set_model(cfg, DYAD_MODEL_TABARI);
    if (st == DYAD_OK) st = dyad_engine_new(cfg, &eng, &e);
    dyad_config_free(cfg);
    if (st != DYAD_OK) {
        snprintf(err, errlen, "%s", e.msg);
        return -1;
    }
    buf pb;
    if (read_all(project, &pb)) {
        snprintf(err, errlen, "%s: cannot read", project);
        dyad_engine_free(eng);
        return -1;
    }
    tab_project pr;
    int rc = tab_project_parse(&pr, project, pb.p, pb.n, err, errlen);
    free(pb.p);
    if (rc) {
        dyad_engine_free(eng);
        return -1;
    }
    tab_opts o;
    if (eng->tab_opts) o = *eng->tab_opts;
    else tab_opts_init(&o);
    /* time shifting is on by itself when the verbs have <TIME> roots */
    if (o.time_shift < 0) {
        o.time_shift = 0;
        const tab_dict *t = eng->d.tab;
        for (uint32_t i = 0; t && i < t->nroots; i++)
            o.time_shift |= t->roots[i].kind == TK_TIME;
    }
    const char *slash = strrchr(project, '/');
    size_t dl = slash ? (size_t)(slash - project) + 1 : 0;
    for (int i = 0; i < pr.ntext && rc == 0; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%.*s%s", (int)dl, project, pr.text[i]);
        buf tb;
        if (read_all(path, &tb)) {
            snprintf(err, errlen, "%s: cannot read", path);
            rc = -1;
            break;
        }
        rc = run_text(eng, &o, &tb, verbose, only, out, n);
        free(tb.p);
    }
    if (!pr.ntext && rc == 0) {
        snprintf(err, errlen, "%s: names no <textfile>", project);
        rc = -1;
    }
    tab_project_free(&pr);
    dyad_engine_free(eng);
    return rc;
}
