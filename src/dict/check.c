/* dict_check.c -- consistency checks of loaded dictionaries; see
 * dict_check.h for the list of checks.
 *
 * Everything is read from the loaded structures (dict.h), so the check
 * sees exactly what the coder sees, including the readers' repairs. Two
 * facts of the readers are relied on, and pinned by tests/test_dict_check.c:
 *  - dict_actors.c stores a phrase defined again as a new entry whose code
 *    list starts with copies of the old entry's codes (the same code
 *    pointers), then the new record's codes; the trie points at the new
 *    entry. A copied pointer therefore leads back to the earlier definition.
 *  - dict_agents.c lets a later entry for the same phrase replace the
 *    earlier one in the trie; phrases are not kept per entry, so only an
 *    entry that lost every phrase can be detected.
 * Findings go to a callback; this file does no I/O.
 */
#include "dict/check.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/engine.h"
#include "text/sentence.h"

/* State of one dict_check run. */
typedef struct chk {
    const dyad_engine *e;
    const dict *d;
    dchk_callback cb;
    void *ctx;
    dchk_report *rep;
    char msg[1024];
    arena scratch;       /* every table of the run; unwinds on failure */
} chk;

static void emit(chk *c, uint16_t file, uint32_t line, dchk_severity sev,
                 const char *kind, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static void emit(chk *c, uint16_t file, uint32_t line, dchk_severity sev,
                 const char *kind, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->msg, sizeof c->msg, fmt, ap);
    va_end(ap);
    if (sev == DCHK_ERROR)
        c->rep->errors++;
    else
        c->rep->warnings++;
    if (!c->cb) return;
    dchk_finding f;
    f.file = file < c->d->nfiles ? c->d->files[file] : "";
    f.file_index = file < c->d->nfiles ? file : UINT16_MAX;
    f.line = line;
    f.severity = sev;
    f.kind = kind;
    f.msg = c->msg;
    c->cb(c->ctx, &f);
}

static const char *fname(const chk *c, uint16_t file) {
    return file < c->d->nfiles ? c->d->files[file] : "?";
}

static void *xcalloc(chk *c, size_t n, size_t size) {
    return arena_zalloc(&c->scratch, (n ? n : 1) * size);
}

/* Appends printf output to buf (cap bytes) at *len, truncating quietly:
 * messages only need to be readable, not complete. */
static void append(char *buf, size_t cap, size_t *len, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void append(char *buf, size_t cap, size_t *len, const char *fmt, ...) {
    if (*len + 1 >= cap) return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(buf + *len, cap - *len, fmt, ap);
    va_end(ap);
    if (k < 0) return;
    *len += (size_t)k;
    if (*len >= cap) *len = cap - 1;
}

/* ---- phrases of a trie --------------------------------------------------- */

/* Parent and incoming word of every trie node, so that a node's phrase can
 * be spelled out; the trie itself only links parent -> child. */
typedef struct trie_up {
    uint32_t *parent, *word;
    uint32_t n;
} trie_up;

static void up_build(chk *c, trie_up *u, const ptrie *t) {
    u->n = t->nnodes;
    u->parent = xcalloc(c, u->n, sizeof *u->parent);
    u->word = xcalloc(c, u->n, sizeof *u->word);
    for (size_t i = 0; i < t->ecap; i++) {
        const ptrie_edge *ed = &t->edges[i];
        if (!ed->key || ed->child >= u->n) continue;
        u->parent[ed->child] = (uint32_t)(ed->key >> 32);
        u->word[ed->child] = (uint32_t)ed->key;
    }
}

/* The phrase ending at node, words joined by blanks. */
static void up_phrase(const trie_up *u, const vocab *v, uint32_t node,
                      char *buf, size_t cap) {
    uint32_t ids[64];
    size_t n = 0;
    for (uint32_t x = node; x != PTRIE_ROOT && x < u->n && n < 64;
         x = u->parent[x])
        ids[n++] = u->word[x];
    size_t len = 0;
    buf[0] = '\0';
    while (n-- > 0)
        append(buf, cap, &len, "%s%s", len ? " " : "", vocab_word(v, ids[n]));
}

/* ---- codes --------------------------------------------------------------- */

static int is_null_code(const char *s) { return strcmp(s, "---") == 0; }

/* Actor code shape: blocks of three characters A-Z or 0-9. */
static int actor_code_ok(const char *s) {
    size_t n = strlen(s);
    if (n == 0 || n % 3) return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
            return 0;
    return 1;
}

/* A verb or pattern code: "" (the A of "[:B]") and "---" are fine, anything
 * else must be in the CAMEO table. */
static int event_code_ok(const chk *c, const char *s) {
    return !s[0] || is_null_code(s) || engine_cameo(c->e, s) != NULL;
}

/* ---- actors -------------------------------------------------------------- */

typedef struct code_ref {
    const char *ptr;
    uint32_t idx;
} code_ref;

static int cmp_code_ref(const void *a, const void *b) {
    const code_ref *x = a, *y = b;
    if (x->ptr != y->ptr) return x->ptr < y->ptr ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static int same_actor_code(const actor_code *a, const actor_code *b) {
    return strcmp(a->code, b->code) == 0 && a->from == b->from &&
           a->to == b->to && a->restricted == b->restricted;
}

/* "[ABC] [DEF 20010101-20051231]" for the codes of entry e born in e. */
static void own_codes_text(const chk *c, uint32_t e, const uint32_t *origin,
                           char *buf, size_t cap) {
    const actor_entry *en = &c->d->actor_entries[e];
    size_t len = 0;
    buf[0] = '\0';
    for (uint32_t k = en->first; k < en->first + en->n; k++) {
        if (origin[k] != e) continue;
        const actor_code *ac = &c->d->actor_codes[k];
        if (ac->restricted)
            append(buf, cap, &len, "%s[%s %u-%u]", len ? " " : "", ac->code,
                   ac->from, ac->to);
        else
            append(buf, cap, &len, "%s[%s]", len ? " " : "", ac->code);
    }
    if (!len) snprintf(buf, cap, "(no code)");
}

/* Own codes of a and b equal as multisets? */
static int same_own_codes(const chk *c, uint32_t a, uint32_t b,
                          const uint32_t *origin) {
    const dict *d = c->d;
    const actor_entry *ea = &d->actor_entries[a], *eb = &d->actor_entries[b];
    uint32_t na = 0, nb = 0;
    for (uint32_t k = ea->first; k < ea->first + ea->n; k++) na += origin[k] == a;
    for (uint32_t k = eb->first; k < eb->first + eb->n; k++) nb += origin[k] == b;
    if (na != nb) return 0;
    for (uint32_t k = ea->first; k < ea->first + ea->n; k++) {
        if (origin[k] != a) continue;
        uint32_t in_a = 0, in_b = 0;
        for (uint32_t j = ea->first; j < ea->first + ea->n; j++)
            in_a += origin[j] == a &&
                    same_actor_code(&d->actor_codes[j], &d->actor_codes[k]);
        for (uint32_t j = eb->first; j < eb->first + eb->n; j++)
            in_b += origin[j] == b &&
                    same_actor_code(&d->actor_codes[j], &d->actor_codes[k]);
        if (in_a != in_b) return 0;
    }
    return 1;
}

static void check_actors(chk *c) {
    const dict *d = c->d;
    uint32_t nc = d->nactor_codes;
    /* entry of each code slot, then the entry each code was written in
     * (its origin): the entry of the first slot holding the same pointer */
    uint32_t *slot_entry = xcalloc(c, nc, sizeof *slot_entry);
    uint32_t *origin = xcalloc(c, nc, sizeof *origin);
    for (uint32_t e = 0; e < d->nactor_entries; e++) {
        const actor_entry *en = &d->actor_entries[e];
        for (uint32_t k = en->first; k < en->first + en->n && k < nc; k++)
            slot_entry[k] = e;
    }
    code_ref *refs = xcalloc(c, nc, sizeof *refs);
    for (uint32_t k = 0; k < nc; k++)
        refs[k] = (code_ref){d->actor_codes[k].code, k};
    qsort(refs, nc, sizeof *refs, cmp_code_ref);
    for (uint32_t i = 0; i < nc;) {
        uint32_t j = i;
        while (j < nc && refs[j].ptr == refs[i].ptr) j++;
        for (uint32_t k = i; k < j; k++)
            origin[refs[k].idx] = slot_entry[refs[i].idx];
        i = j;
    }

    /* bad-code: each code once, where it was written */
    for (uint32_t k = 0; k < nc; k++) {
        if (origin[k] != slot_entry[k]) continue;
        const char *code = d->actor_codes[k].code;
        if (is_null_code(code) || strchr(code, '/') || actor_code_ok(code))
            continue;
        const actor_entry *en = &d->actor_entries[slot_entry[k]];
        emit(c, en->file, en->line, DCHK_ERROR, "bad-code",
             "actor code [%s] is not a sequence of 3-character blocks of "
             "A-Z and 0-9",
             code);
    }

    /* duplicate: walk each phrase's chain of definitions backwards */
    trie_up up;
    up_build(c, &up, &d->actors);
    char phrase[512], now[256], before[256];
    for (uint32_t node = 1; node < d->actors.nnodes; node++) {
        uint32_t v = ptrie_value(&d->actors, node);
        if (!v || v > d->nactor_entries) continue;
        uint32_t e = v - 1;
        int spelled = 0;
        for (;;) {
            const actor_entry *en = &d->actor_entries[e];
            uint32_t prev = UINT32_MAX;
            for (uint32_t k = en->first; k < en->first + en->n; k++)
                if (origin[k] != e && (prev == UINT32_MAX || origin[k] > prev))
                    prev = origin[k];
            if (prev == UINT32_MAX) break;
            if (!spelled) up_phrase(&up, &d->voc, node, phrase, sizeof phrase);
            spelled = 1;
            const actor_entry *pe = &d->actor_entries[prev];
            int same = same_own_codes(c, e, prev, origin);
            own_codes_text(c, e, origin, now, sizeof now);
            own_codes_text(c, prev, origin, before, sizeof before);
            /* within one record the codes are the same by construction
             * (the copy and the record's codes share pointers) */
            if (pe->file == en->file && pe->line == en->line)
                emit(c, en->file, en->line, DCHK_WARNING, "duplicate",
                     "actor phrase '%s' appears twice in this record", phrase);
            else if (same)
                emit(c, en->file, en->line, DCHK_WARNING, "duplicate",
                     "actor phrase '%s' is already defined at %s:%u with the "
                     "same codes %s",
                     phrase, fname(c, pe->file), pe->line, now);
            else
                emit(c, en->file, en->line, DCHK_ERROR, "duplicate",
                     "actor phrase '%s' is already defined at %s:%u with "
                     "other codes: %s there, %s here (both are kept; for "
                     "undated text the last unrestricted code wins)",
                     phrase, fname(c, pe->file), pe->line, before, now);
            e = prev;
        }
    }
}

/* ---- agents -------------------------------------------------------------- */

static void check_agents(chk *c) {
    const dict *d = c->d;
    uint8_t *used = xcalloc(c, d->nagent_entries, 1);
    for (uint32_t node = 1; node < d->agents.nnodes; node++) {
        uint32_t v = ptrie_value(&d->agents, node);
        if (v && v <= d->nagent_entries) used[v - 1] = 1;
    }
    for (uint32_t i = 0; i < d->nagent_entries; i++) {
        const agent_entry *a = &d->agent_entries[i];
        const char *tilde = strchr(a->code, '~');
        if (!tilde) {
            emit(c, a->file, a->line, DCHK_ERROR, "bad-code",
                 "agent code [%s] has no '~'", a->code);
        } else {
            /* the code around the '~' must still be 3-character blocks */
            char rest[64];
            size_t k = 0;
            for (const char *p = a->code; *p && k + 1 < sizeof rest; p++)
                if (p != tilde) rest[k++] = *p;
            rest[k] = '\0';
            if (!actor_code_ok(rest))
                emit(c, a->file, a->line, DCHK_ERROR, "bad-code",
                     "agent code [%s]: '%s' is not a sequence of 3-character "
                     "blocks of A-Z and 0-9",
                     a->code, rest);
        }
        if (!used[i])
            emit(c, a->file, a->line, DCHK_WARNING, "duplicate",
                 "agent entry [%s] is never used: each of its phrases is "
                 "defined again by a later entry, which replaces it",
                 a->code);
    }
}

/* ---- verbs --------------------------------------------------------------- */

static int same_words(const dict *d, uint32_t a, uint32_t na, uint32_t b,
                      uint32_t nb) {
    if (na != nb) return 0;
    /* (guarded: a verb file whose patterns lost their words -- a
     * fuzzer's input -- leaves elements that point into an empty array) */
    if (a + na > d->npat_words || b + nb > d->npat_words) return a == b;
    for (uint32_t i = 0; i < na; i++)
        if (d->pat_words[a + i] != d->pat_words[b + i]) return 0;
    return 1;
}

static int same_form_key(const dict *d, const verb_form *a,
                         const verb_form *b) {
    return a->word == b->word && same_words(d, a->pre, a->npre, b->pre, b->npre) &&
           same_words(d, a->part, a->npart, b->part, b->npart);
}

/* "WIRE TAPPED", "TOLD OFF": the form with its pre-words and particles. */
static void form_text(const dict *d, const verb_form *f, char *buf,
                      size_t cap) {
    size_t len = 0;
    buf[0] = '\0';
    for (uint32_t i = 0; i < f->npre; i++)
        append(buf, cap, &len, "%s ", vocab_word(&d->voc, d->pat_words[f->pre + i]));
    append(buf, cap, &len, "%s", vocab_word(&d->voc, f->word));
    for (uint32_t i = 0; i < f->npart; i++)
        append(buf, cap, &len, " %s", vocab_word(&d->voc, d->pat_words[f->part + i]));
}

/* One pending "form already defined" finding: consecutive forms of one
 * line that repeat forms of one earlier line are reported together. */
typedef struct form_dup {
    int active;
    uint32_t form, first;   /* the repeated form and the one that wins */
    uint32_t count;
    int conflict;
} form_dup;

static void form_dup_flush(chk *c, form_dup *p) {
    if (!p->active) return;
    const dict *d = c->d;
    const verb_form *f = &d->forms[p->form], *g = &d->forms[p->first];
    char ft[256], more[64] = "";
    form_text(d, f, ft, sizeof ft);
    if (p->count > 1)
        snprintf(more, sizeof more, " (and %u more forms of this line)",
                 p->count - 1);
    const verb_block *bf = &d->blocks[f->block], *bg = &d->blocks[g->block];
    if (f->file == g->file && f->line == g->line)
        emit(c, f->file, f->line, DCHK_WARNING, "duplicate",
             "verb form %s is listed twice on this line", ft);
    else if (f->block != g->block)
        emit(c, f->file, f->line, p->conflict ? DCHK_ERROR : DCHK_WARNING,
             "duplicate",
             "verb form %s%s of block %s is already a form in block %s at "
             "%s:%u, which wins: this one is never used",
             ft, more, bf->meaning, bg->meaning, fname(c, g->file), g->line);
    else
        emit(c, f->file, f->line, p->conflict ? DCHK_ERROR : DCHK_WARNING,
             "duplicate",
             "verb form %s%s is already listed in this block at %s:%u%s", ft,
             more, fname(c, g->file), g->line,
             p->conflict ? " with another code, which wins" : "");
    p->active = 0;
}

static void check_verb_forms(chk *c) {
    const dict *d = c->d;
    form_dup pend = {0};
    for (uint32_t j = 0; j < d->nforms; j++) {
        const verb_form *f = &d->forms[j];
        const uint32_t *ids;
        const char *w = vocab_word(&d->voc, f->word);
        uint32_t n = dict_verb_forms(d, w, strlen(w), &ids);
        uint32_t first = UINT32_MAX;
        /* runs hold forms of one kind in file order, so the first form
         * with the same key is the one the coder finds */
        for (uint32_t k = 0; k < n; k++)
            if (same_form_key(d, &d->forms[ids[k]], f)) {
                first = ids[k];
                break;
            }
        if (first == UINT32_MAX || first == j) continue;
        const verb_form *g = &d->forms[first];
        int conflict = f->block != g->block || strcmp(f->code, g->code) ||
                       strcmp(f->rcode, g->rcode);
        if (pend.active) {
            const verb_form *pf = &d->forms[pend.form],
                            *pg = &d->forms[pend.first];
            if (pf->file == f->file && pf->line == f->line &&
                pg->file == g->file && pg->line == g->line &&
                !(f->file == g->file && f->line == g->line)) {
                pend.count++;
                pend.conflict |= conflict;
                continue;
            }
            form_dup_flush(c, &pend);
        }
        pend = (form_dup){1, j, first, 1, conflict};
    }
    form_dup_flush(c, &pend);

    /* closed-class forms: the tagger gives a closed-class word only the
     * tags listed for it, so one without a verb tag never heads a verb
     * group and is never looked up. A form with pre-words is exempt: its
     * first pre-word may be taken as the verb ("will not wire tap"). */
    if (!c->e->lx) return;
    for (uint32_t j = 0; j < d->nforms; j++) {
        const verb_form *f = &d->forms[j];
        if (f->npre) continue;
        int seen = 0; /* report each word once per line */
        for (uint32_t k = j; k-- > 0;) {
            const verb_form *g = &d->forms[k];
            if (g->file != f->file || g->line != f->line) break;
            if (g->word == f->word && !g->npre) seen = 1;
        }
        if (seen) continue;
        const char *w = vocab_word(&d->voc, f->word);
        lex_entry le;
        if (!lex_lookup(c->e->lx, w, strlen(w), &le) ||
            !(le.flags & LEX_CLOSED))
            continue;
        int verb = 0;
        for (int t = 0; t < le.ntags; t++) verb |= tag_is_verb(le.tags[t]);
        if (verb) continue;
        char tags[64];
        size_t len = 0;
        tags[0] = '\0';
        for (int t = 0; t < le.ntags; t++)
            append(tags, sizeof tags, &len, "%s%s", t ? "," : "",
                   tag_name((tag)le.tags[t]));
        emit(c, f->file, f->line, DCHK_WARNING, "never-matches",
             "verb form %s is a closed-class word (%s) that the tagger never "
             "tags as a verb",
             w, tags);
    }
}

static void check_codes(chk *c) {
    const dict *d = c->d;
    for (uint32_t b = 0; b < d->nblocks; b++) {
        const verb_block *blk = &d->blocks[b];
        if (!event_code_ok(c, blk->code))
            emit(c, blk->file, blk->line, DCHK_ERROR, "unknown-code",
                 "block %s code [%s] is not a CAMEO event code", blk->meaning,
                 blk->code);
        if (!event_code_ok(c, blk->rcode))
            emit(c, blk->file, blk->line, DCHK_ERROR, "unknown-code",
                 "block %s reciprocal code [:%s] is not a CAMEO event code",
                 blk->meaning, blk->rcode);
    }
    /* a verb's own code: only where it differs from its block's (the block
     * code was checked above), once per line */
    for (uint32_t j = 0; j < d->nforms; j++) {
        const verb_form *f = &d->forms[j];
        const verb_block *blk = &d->blocks[f->block];
        if (j && d->forms[j - 1].file == f->file &&
            d->forms[j - 1].line == f->line)
            continue;
        const char *bad = NULL;
        if (strcmp(f->code, blk->code) && !event_code_ok(c, f->code))
            bad = f->code;
        else if (strcmp(f->rcode, blk->rcode) && !event_code_ok(c, f->rcode))
            bad = f->rcode;
        if (bad)
            emit(c, f->file, f->line, DCHK_ERROR, "unknown-code",
                 "verb %s code [%s] is not a CAMEO event code",
                 vocab_word(&d->voc, f->lemma), bad);
    }
    for (uint32_t i = 0; i < d->npatterns; i++) {
        const pattern *p = &d->patterns[i];
        const char *bad = !event_code_ok(c, p->code)    ? p->code
                          : !event_code_ok(c, p->rcode) ? p->rcode
                                                        : NULL;
        if (bad)
            emit(c, p->file, p->line, DCHK_ERROR, "unknown-code",
                 "pattern code [%s] is not a CAMEO event code", bad);
    }
}

/* ---- patterns ------------------------------------------------------------ */

static int same_elem(const dict *d, const pat_elem *a, const pat_elem *b) {
    return a->kind == b->kind && a->adjacent == b->adjacent &&
           a->arg == b->arg &&
           same_words(d, a->mods, a->nmods, b->mods, b->nmods);
}

static int same_pattern_body(const dict *d, const pattern *a,
                             const pattern *b) {
    if (a->nupper != b->nupper || a->nlower != b->nlower ||
        (a->flags & PAT_LINEAR) != (b->flags & PAT_LINEAR))
        return 0;
    for (uint32_t i = 0; i < a->nupper; i++)
        if (!same_elem(d, &d->pat_elems[a->upper + i],
                       &d->pat_elems[b->upper + i]))
            return 0;
    for (uint32_t i = 0; i < a->nlower; i++)
        if (!same_elem(d, &d->pat_elems[a->lower + i],
                       &d->pat_elems[b->lower + i]))
            return 0;
    return 1;
}

static int is_bare(const pattern *p) { return !p->nupper && !p->nlower; }

/* A matching pattern with a null code and no reciprocal code is passed
 * over by the coder (coder_verbs.c), so it does not hide later ones. */
static int fires(const pattern *p) {
    return !is_null_code(p->code) || p->rcode[0];
}

/* A word that reads as an undefined synset: the readers keep "&NAME" as a
 * literal word, which no token can equal. */
static int synset_word(const dict *d, uint32_t wid) {
    return vocab_word(&d->voc, wid)[0] == '&';
}

/* Reports a literal "&NAME" word. When a synset "&NAME_..." exists, the
 * word is most likely the front of that name: the PETRARCH2 pattern reader
 * splits pattern words at '_', so say so. */
static void undefined_synset(chk *c, const pattern *p, uint32_t wid) {
    const dict *d = c->d;
    const char *w = vocab_word(&d->voc, wid);
    size_t n = strlen(w);
    const char *longer = NULL;
    for (uint32_t i = 0; i < d->nsynsets && !longer; i++)
        if (strncmp(d->synsets[i].name, w, n) == 0 &&
            d->synsets[i].name[n] == '_')
            longer = d->synsets[i].name;
    if (longer)
        emit(c, p->file, p->line, DCHK_ERROR, "never-matches",
             "%s is not a synset: the pattern reader splits words at '_', so "
             "a name like %s is read as %s plus words; the pattern never "
             "matches",
             w, longer, w);
    else
        emit(c, p->file, p->line, DCHK_ERROR, "never-matches",
             "%s is not a synset defined before this line: the pattern never "
             "matches",
             w);
}

static void check_elements(chk *c, const pattern *p) {
    const dict *d = c->d;
    int slots = 0;
    /* (a part with no elements may start past a NULL d->pat_elems) */
    const pat_elem *els[2] = {p->nupper ? &d->pat_elems[p->upper] : NULL,
                              p->nlower ? &d->pat_elems[p->lower] : NULL};
    uint32_t ns[2] = {p->nupper, p->nlower};
    for (int part = 0; part < 2; part++) {
        for (uint32_t i = 0; i < ns[part]; i++) {
            const pat_elem *e = &els[part][i];
            if (e->kind == PE_SOURCE || e->kind == PE_TARGET ||
                e->kind == PE_COMPOUND)
                slots = 1;
            if (e->kind == PE_SYN && e->arg < d->nsynsets &&
                d->synsets[e->arg].n == 0)
                emit(c, p->file, p->line, DCHK_ERROR, "never-matches",
                     "synset %s has no members: the pattern never matches",
                     d->synsets[e->arg].name);
            if ((e->kind == PE_NOUN || e->kind == PE_WORD ||
                 e->kind == PE_PREP) &&
                synset_word(d, e->arg))
                undefined_synset(c, p, e->arg);
            /* (modifiers index pat_words, which a set of patterns whose
             * words all failed to load may not have) */
            for (uint16_t m = 0; e->mods + e->nmods <= d->npat_words && m < e->nmods; m++) {
                uint32_t w = d->pat_words[e->mods + m];
                if (w & PAT_MOD_SYN) {
                    uint32_t s = w & ~PAT_MOD_SYN;
                    if (s < d->nsynsets && d->synsets[s].n == 0)
                        emit(c, p->file, p->line, DCHK_ERROR, "never-matches",
                             "synset %s has no members: the pattern never "
                             "matches",
                             d->synsets[s].name);
                } else if (synset_word(d, w)) {
                    undefined_synset(c, p, w);
                }
            }
        }
    }
    if (slots && !(p->flags & PAT_LINEAR))
        emit(c, p->file, p->line, DCHK_WARNING, "never-matches",
             "PETRARCH2 pattern uses $ + %%: PETRARCH2 reads them as nouns "
             "and never matches it (formats.md a.4); dyad reads them as "
             "source/target slots, so the two coders differ here");
}

static void check_patterns(chk *c) {
    const dict *d = c->d;
    for (uint32_t b = 0; b < d->nblocks; b++) {
        const verb_block *blk = &d->blocks[b];
        if (!blk->n) continue; /* no patterns: d->patterns may be NULL */
        const pattern *ps = &d->patterns[blk->first];
        const pattern *bare = NULL;
        for (uint32_t i = 0; i < blk->n; i++) {
            const pattern *p = &ps[i];
            check_elements(c, p);
            if (bare) {
                emit(c, p->file, p->line, DCHK_ERROR, "never-matches",
                     "pattern is never reached: the bare pattern '- * [%s]' "
                     "at %s:%u always matches first",
                     bare->code[0] ? bare->code : bare->rcode,
                     fname(c, bare->file), bare->line);
                continue;
            }
            for (uint32_t k = 0; k < i; k++) {
                const pattern *q = &ps[k];
                if (!same_pattern_body(d, p, q)) continue;
                int same = !strcmp(p->code, q->code) &&
                           !strcmp(p->rcode, q->rcode) &&
                           (p->flags & PAT_PASSIVE_ONLY) ==
                               (q->flags & PAT_PASSIVE_ONLY);
                emit(c, p->file, p->line, same ? DCHK_WARNING : DCHK_ERROR,
                     "duplicate",
                     same ? "pattern repeats the pattern at %s:%u"
                          : "pattern repeats the pattern at %s:%u with "
                            "another code; the first one wins",
                     fname(c, q->file), q->line);
                break;
            }
            if (is_bare(p) && fires(p)) {
                bare = p;
                /* it also replaces the own codes of the block's verbs */
                uint32_t nverbs = 0, last_line = 0;
                uint16_t last_file = UINT16_MAX;
                for (uint32_t j = 0; j < d->nforms; j++) {
                    const verb_form *f = &d->forms[j];
                    if (f->block != b) continue;
                    if (!strcmp(f->code, blk->code) &&
                        !strcmp(f->rcode, blk->rcode))
                        continue;
                    if (f->line == last_line && f->file == last_file) continue;
                    last_line = f->line;
                    last_file = f->file;
                    nverbs++;
                }
                if (nverbs)
                    emit(c, p->file, p->line, DCHK_WARNING, "overrides",
                         "bare pattern '- * [%s]' replaces the own codes of "
                         "%u verb line%s of block %s",
                         p->code[0] ? p->code : p->rcode, nverbs,
                         nverbs == 1 ? "" : "s", blk->meaning);
            }
        }
    }
}

/* ---- loader warnings ----------------------------------------------------- */

/* The readers count their warnings and keep the last one as
 * "file:line: reason"; it is reported with its own place when it has one. */
static void check_load_warnings(chk *c) {
    const dict *d = c->d;
    if (!d->nwarnings) return;
    const char *w = d->warning;
    uint16_t file = UINT16_MAX;
    uint32_t line = 0;
    const char *reason = w;
    for (uint16_t i = 0; i < d->nfiles; i++) {
        size_t n = strlen(d->files[i]);
        if (strncmp(w, d->files[i], n) == 0 && w[n] == ':') {
            char *end;
            unsigned long l = strtoul(w + n + 1, &end, 10);
            if (end != w + n + 1 && end[0] == ':') {
                file = i;
                line = (uint32_t)l;
                reason = end[1] == ' ' ? end + 2 : end + 1;
            }
            break;
        }
    }
    if (d->nwarnings == 1)
        emit(c, file, line, DCHK_WARNING, "load", "%s", reason);
    else
        emit(c, file, line, DCHK_WARNING, "load",
             "%s (the readers warned %u times; only the last warning is "
             "kept)",
             reason, d->nwarnings);
}

int dict_check(const dyad_engine *e, dchk_callback cb, void *ctx,
               dchk_report *out) {
    dchk_report rep = {0, 0};
    chk c;
    memset(&c, 0, sizeof c);
    c.e = e;
    c.d = &e->d;
    c.cb = cb;
    c.ctx = ctx;
    c.rep = &rep;
    mem m = e->m;
    jmp_buf jb;
    m.oom = &jb;
    arena_init(&c.scratch, 64 * 1024, &m);
    if (setjmp(jb)) {
        arena_free(&c.scratch);
        return -1;
    }
    check_load_warnings(&c);
    check_actors(&c);
    check_agents(&c);
    check_codes(&c);
    check_verb_forms(&c);
    check_patterns(&c);
    arena_free(&c.scratch);
    *out = rep;
    return 0;
}
