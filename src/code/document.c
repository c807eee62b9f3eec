/* coder.c -- the document loop: bytes to events.
 *
 *   text --utf8norm--> normalised text --sentsplit--> sentences
 *   sentence --tokenize--> tokens --tagger--> tags, lemmas
 *            --chunker--> noun phrases, verb groups, clauses
 *            --discards--> (sentence or story dropped)
 *            --coder_units--> actor units --coder_verbs--> events
 * Everything for one document is allocated in the dyad_doc arena, which is
 * reset at the start of the next call, so the loop does not touch malloc.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/chunker.h"
#include "text/dateline.h"
#include "code/coder.h"
#include "code/tabari.h"
#include "code/places.h"
#include "code/quotes.h"
#include "text/sentsplit.h"
#include "text/tagger.h"
#include "text/tokenize.h"
#include "text/utf8norm.h"
#include "api/engine.h"
#include "util/wordset.h"

/* Long documents are cut into sentences of at most this many tokens by the
 * splitter's byte limit already; this bounds per-sentence scratch arrays. */
#define MAX_DISCARD_WORDS 4096

static uint32_t count_words(const sentence *s, uint32_t a, uint32_t b) {
    uint32_t n = 0;
    for (uint32_t i = a; i < b; i++)
        if (!(s->toks[i].flags & TOKF_PUNCT)) n++;
    return n;
}

static int in_range(uint32_t n, int lo, int hi) {
    return hi > 0 && (int)n >= lo && (int)n <= hi;
}

/* PETRARCH1's comma-clause deletion: short clauses set off by commas
 * (", its biggest trading partner,"; ", officials said.") are removed
 * before coding so they do not interrupt the main clause. Limits count
 * words and come from the options (validation <Config> settings). */
static void delete_comma_clauses(sent_ctx *c) {
    const sentence *s = c->s;
    const dyad_options *o = c->opt;
    uint32_t commas[256], nc = 0;
    for (uint32_t i = 0; i < s->ntok && nc < 256; i++) {
        if (s->toks[i].tag != T_COMMA) continue;
        /* "complete, full diplomatic ties": a comma between adjectives is
         * inside a noun phrase, not a clause boundary */
        if (i > 0 && i + 1 < s->ntok && tag_is_adj(s->toks[i - 1].tag) &&
            tag_is_adj(s->toks[i + 1].tag))
            continue;
        commas[nc++] = i;
    }
    if (!nc) return;
    uint32_t end = s->ntok;
    while (end > 0 && (s->toks[end - 1].tag == T_PERIOD ||
                       s->toks[end - 1].tag == T_RQUOTE))
        end--;
    /* opening clause */
    if (in_range(count_words(s, 0, commas[0]), o->comma_bmin, o->comma_bmax)) {
        for (uint32_t i = 0; i <= commas[0]; i++) c->deleted[i] = 1;
        trace_add(c, "comma: opening clause deleted\n");
    }
    /* inner clauses */
    for (uint32_t k = 0; k + 1 < nc; k++) {
        uint32_t a = commas[k], b = commas[k + 1];
        if (c->deleted[a]) continue;
        if (in_range(count_words(s, a + 1, b), o->comma_min, o->comma_max)) {
            for (uint32_t i = a; i < b; i++) c->deleted[i] = 1;
            trace_add(c, "comma: inner clause deleted at token %u\n", a);
        }
    }
    /* closing clause */
    uint32_t last = commas[nc - 1];
    if (last < end && !c->deleted[last] &&
        in_range(count_words(s, last + 1, end), o->comma_emin,
                 o->comma_emax)) {
        for (uint32_t i = last; i < end; i++) c->deleted[i] = 1;
        trace_add(c, "comma: closing clause deleted\n");
    }
}

/* tag_vocab.find over the engine's vocabulary. */
static uint32_t voc_find(const void *ctx, const char *w, size_t n,
                         uint32_t h) {
    return vocab_find_hashed(ctx, w, n, h ? h : strmap_hash(w, n));
}

/* Looks up each token's vocabulary id (dictionary words only): through the
 * tagger's cache when it can (the ids of a spelling and of each of its
 * lemmas are kept in its cache entry), else with two probes per token. */
static void assign_ids(const dyad_engine *e, tag_cache *tc, sentence *s) {
    const dict *d = &e->d;
    tag_vocab tv = {voc_find, &d->voc,
                    d->voc.n == d->vocab_sig_n ? d->vocab_sig : 0};
    int cached = tag_cache_ids(tc, s, &tv);
    for (uint32_t i = 0; i < s->ntok; i++) {
        tok *t = &s->toks[i];
        if (!cached)
            t->wid = t->hash ? vocab_find_hashed(&d->voc, t->norm, t->nlen, t->hash)
                             : vocab_find(&d->voc, t->norm, t->nlen);
        /* "US" written in capitals is the country, "us" the pronoun; the
         * dictionaries can only list the dotted form */
        int us = 0;
        if (t->nlen == 2 && e->w_us_dotted && !strcmp(t->norm, "US") &&
            s->text[t->off] == 'U' && s->text[t->off + 1] == 'S') {
            t->wid = e->w_us_dotted;
            t->tag = T_NNP;
            us = 1;
        }
        /* most lemmas equal the form even when stored apart (the cache's
         * lwid is then the form's id already, but not the "US" one) */
        if (cached && !us) continue;
        if (t->lemma == t->norm || strcmp(t->lemma, t->norm) == 0)
            t->lwid = t->wid;
        else if (!cached)
            t->lwid = vocab_find(&d->voc, t->lemma, strlen(t->lemma));
    }
    /* the word classes of each token's form and lemma, for the rules */
    for (uint32_t i = 0; i < s->ntok; i++) {
        tok *t = &s->toks[i];
        t->wcls = 0;
        if (t->wid < d->ncls) t->wcls = d->cls[t->wid];
        if (t->lwid != t->wid && t->lwid < d->ncls) t->wcls |= d->cls[t->lwid];
    }
}

/* The dateline's place ("MANILA, Dec 11 -", "KHARTOUM (Reuters) -") makes
 * its country the story's until others are named more often: unnamed
 * ministries and police of the lead are that country's. */
static void dateline_country(const dyad_engine *e, sent_ctx *c, const char *text,
                             uint32_t len) {
    sentence s;
    memset(&s, 0, sizeof s);
    s.text = arena_strndup(c->a, text, len);
    s.len = len;
    s.ntok = tok_tokenize(c->a, s.text, s.len, &s.toks);
    if (!s.ntok) return;
    for (uint32_t i = 0; i < s.ntok; i++) {
        tok *t = &s.toks[i];
        t->wid = vocab_find(&e->d.voc, t->norm, t->nlen);
        t->lwid = t->wid;
        t->tag = T_NNP;
    }
    c->s = &s;
    const char **codes = NULL;
    uint32_t n = 0, cap = 0;
    int has_actor = 0, has_agent = 0;
    units_code_range(c, 0, s.ntok, &codes, &n, &cap, &has_actor, &has_agent);
    if (has_actor && n) context_seed_country(c, codes[0], 2);
    c->s = NULL;
}

/* The publisher as the document's own voice: a government, armed force
 * or organisation ("Ministry of Foreign Affairs of Egypt", "ECOWAS
 * Commission", "Israel Defense Forces") is who "the Ministry", "the
 * Commission" and "MOFA" of its statement are (context.c), and its country
 * the story's. A news agency or broadcaster is no actor, or a MED one. */
MEM_UNWINDS_BEGIN
static void publisher_voice(const dyad_engine *e, sent_ctx *c, const char *text,
                            size_t len) {
    if (!len || len > 200 || !c->ds) return;
    sentence s;
    memset(&s, 0, sizeof s);
    s.text = arena_strndup(c->a, text, len);
    s.len = (uint32_t)len;
    s.ntok = tok_tokenize(c->a, s.text, s.len, &s.toks);
    if (!s.ntok) return;
    for (uint32_t i = 0; i < s.ntok; i++) {
        tok *t = &s.toks[i];
        t->wid = vocab_find(&e->d.voc, t->norm, t->nlen);
        t->lwid = t->wid;
        t->tag = T_NNP;
    }
    c->s = &s;
    const char **codes = NULL;
    uint32_t n = 0, cap = 0;
    int has_actor = 0, has_agent = 0;
    units_code_range(c, 0, s.ntok, &codes, &n, &cap, &has_actor, &has_agent);
    c->s = NULL;
    if (!has_actor || !n || strlen(codes[0]) < 3) return;
    const char *k = codes[0], *role = k + 3;
    /* (a bare country is a broadcaster's name: "France 24", "Voice of
     * America" speak for no state) */
    int ok = !strncmp(k, "IGO", 3) || !strncmp(k, "NGO", 3) ||
             (code_is_state(k) &&
              (!strncmp(role, "GOV", 3) || !strncmp(role, "MIL", 3)));
    if (!ok) return;
    doc_state *ds = c->ds;
    const char **v = arena_alloc(c->pa, n * sizeof *v);
    for (uint32_t i = 0; i < n; i++) v[i] = arena_strdup(c->pa, codes[i]);
    ds->self = v;
    ds->nself = n;
    ds->self_actor = v[0];
    const char **w = arena_alloc(c->pa, s.ntok * sizeof *w);
    uint32_t nw = 0;
    for (uint32_t i = 0; i < s.ntok; i++)
        if (s.toks[i].nlen >= 3 && !(s.toks[i].flags & TOKF_PUNCT))
            w[nw++] = arena_strdup(c->pa, s.toks[i].norm);
    ds->self_words = w;
    ds->nself_words = nw;
    uint32_t a0 = 0, a1 = 0;
    for (uint32_t i = 0; i < s.ntok; i++) {
        const tok *t = &s.toks[i];
        if ((t->flags & TOKF_PUNCT) || !(t->norm[0] >= 'A' && t->norm[0] <= 'Z'))
            continue;
        if (a0 < 15) ds->self_initials[0][a0++] = t->norm[0];
        if (t->nlen >= 3 && a1 < 15 && !tok_norm_is(t, "THE") &&
            !tok_norm_is(t, "AND"))
            ds->self_initials[1][a1++] = t->norm[0];
    }
    if (code_is_state(k)) context_seed_country(c, k, 3);
}
MEM_UNWINDS_END

/* Allocates from the document's arena under dyad_code's unwind point:
 * the analyzer's NULL warnings are false positives here (mem.h). */
MEM_UNWINDS_BEGIN
static int discard_check(const dyad_engine *e, sent_ctx *c) {
    const sentence *s = c->s;
    if (!e->d.ndiscards) return 0;
    uint32_t n = s->ntok < MAX_DISCARD_WORDS ? s->ntok : MAX_DISCARD_WORDS;
    const char **words = arena_alloc(c->a, (n + 1) * sizeof *words);
    /* the tokenizer's hashes spare the index its own pass over the bytes */
    uint32_t *lens = arena_alloc(c->a, (n + 1) * sizeof *lens);
    uint32_t *hashes = arena_alloc(c->a, (n + 1) * sizeof *hashes);
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        const tok *t = &s->toks[i];
        if (t->flags & TOKF_PUNCT) continue;
        words[k] = t->norm;
        if (t->hash && t->norm[t->nlen] == '\0') {
            lens[k] = t->nlen;
            hashes[k++] = t->hash;
        } else { /* no hash, or a token over 64K bytes (nlen wrapped) */
            lens[k] = (uint32_t)strlen(t->norm);
            hashes[k] = strmap_hash(t->norm, lens[k]);
            k++;
        }
    }
    uint32_t which = 0;
    int r = dict_discard_match_hashed(&e->d, words, lens, hashes, k, &which);
    if (r) trace_add(c, "%s discard fired (%s:%u)\n",
                     r == 2 ? "story" : "sentence",
                     e->d.files[e->d.discards[which].file],
                     e->d.discards[which].line);
    return r;
}

static void add_issues(const dyad_engine *e, sent_ctx *c, event_list *ev,
                       uint32_t first_event) {
    if (!e->d.nissue_entries || first_event == ev->n) return;
    const sentence *s = c->s;
    uint32_t *w = arena_alloc(c->a, (s->ntok + 1) * sizeof *w);
    uint32_t k = 0;
    for (uint32_t i = 0; i < s->ntok; i++)
        if (!(s->toks[i].flags & TOKF_PUNCT)) w[k++] = s->toks[i].wid;
    /* room for every issue it can list: 64 codes of up to 7 letters and a
     * count each */
    char buf[64 * 20];
    buf[0] = '\0';
    uint32_t dropped = 0;
    int ni = dict_issues_text(&e->d, w, k, buf, sizeof buf, &dropped);
    if (dropped) coder_limit(c, "more than 64 issues in one sentence");
    if (ni > 0) {
        const char *iss = arena_strdup(c->pa, buf);
        for (uint32_t i = first_event; i < ev->n; i++) ev->ev[i].issues = iss;
    }
}
MEM_UNWINDS_END

/* One part of the input (the title or the body), normalised. */
typedef struct doc_part {
    const char *norm;      /* normalised text (the caller's own when
                              nothing changed and dyad_doc.borrow_input) */
    size_t len;
    utf8_map map;          /* normalised offsets -> caller offsets */
    sent_span *spans;      /* its sentences */
    uint32_t nspans;
    uint32_t dateline_off, dateline_len; /* the body's dateline, if any */
} doc_part;

static void part_prepare(arena *a, doc_part *p, const char *text, size_t len,
                         int one_sentence, int title, int borrow,
                         uint32_t *invalid) {
    uint32_t bad = 0;
    if (borrow) { /* (a long document then has one copy, not two) */
        p->len = utf8_normalise_borrow(a, text, len, &p->norm, &bad, &p->map);
    } else {
        char *norm;
        p->len = utf8_normalise_map(a, text, len, &norm, &bad, &p->map);
        p->norm = norm;
    }
    *invalid += bad;
    if (one_sentence) {
        p->spans = arena_alloc(a, sizeof *p->spans);
        uint32_t b = 0, t = (uint32_t)p->len;
        while (b < t && (p->norm[b] == ' ' || p->norm[b] == '\n')) b++;
        while (t > b && (p->norm[t - 1] == ' ' || p->norm[t - 1] == '\n'))
            t--;
        p->spans[0].off = b;
        p->spans[0].len = t - b;
        p->nspans = t > b;
    } else {
        p->nspans = sent_split(a, p->norm, (uint32_t)p->len, &p->spans);
    }
    /* the story proper starts after its dateline ("KABUL (Reuters) - ") */
    if (!title && p->nspans) {
        sent_span *f = &p->spans[0];
        uint32_t dl = dateline_length(p->norm + f->off, f->len);
        if (dl) {
            p->dateline_off = f->off;
            p->dateline_len = dl;
            f->off += dl;
            f->len -= dl;
        }
    }
}

/* Spans were normalised-text offsets while coding; callers index their own
 * input (the title's events, the title). */
static void spans_to_caller(dyad_event *ev, uint32_t n, const utf8_map *m) {
    for (uint32_t i = 0; i < n; i++) {
        dyad_span *sp[4] = {&ev[i].sentence_span, &ev[i].source_span,
                            &ev[i].verb_span, &ev[i].target_span};
        for (int k = 0; k < 4; k++) {
            if (!sp[k]->len) continue;
            uint32_t b = utf8_map_orig(m, sp[k]->off);
            uint32_t e2 = utf8_map_orig(m, sp[k]->off + sp[k]->len);
            sp[k]->off = b;
            sp[k]->len = e2 > b ? e2 - b : 0;
        }
    }
}

/* The caller's options, grown to this version's struct: fields a caller
 * built against an older header does not know keep their defaults. */
static void options_of(const dyad_options *in, dyad_options *o) {
    dyad_options_init(o);
    if (!in) return;
    size_t n = in->size < sizeof *o ? in->size : sizeof *o;
    if (n > sizeof o->size) memcpy(o, in, n);
    o->size = sizeof *o;
}

static void input_of(const dyad_input *in, dyad_input *o) {
    dyad_input_init(o);
    size_t n = in->size < sizeof *o ? in->size : sizeof *o;
    if (n > sizeof o->size) memcpy(o, in, n);
    o->size = sizeof *o;
}

/* Splits an issues string "A,2;B,1" into a list (in the arena). */
static void issue_list(arena *a, dyad_event *ev) {
    const char *s = ev->issues;
    if (!s || !*s) return;
    uint32_t n = 1;
    for (const char *p = s; *p; p++) n += *p == ';';
    dyad_issue *v = arena_alloc(a, n * sizeof *v);
    uint32_t k = 0;
    for (const char *p = s; *p && k < n;) {
        const char *semi = strchr(p, ';');
        size_t len = semi ? (size_t)(semi - p) : strlen(p);
        const char *comma = memchr(p, ',', len);
        size_t cl = comma ? (size_t)(comma - p) : len;
        v[k].code = arena_strndup(a, p, cl);
        v[k].count = comma ? (uint32_t)strtoul(comma + 1, NULL, 10) : 1;
        k++;
        p += len + (semi != NULL);
    }
    ev->issue_list = v;
    ev->nissues = k;
}

/* The parts as the place and quotation passes see them (code/qp.h): the
 * title in the first part only, the body's sentences [s0, s1). */
static void qp_parts_of(const doc_part *parts, const dyad_input *in,
                        int first, uint32_t s0, uint32_t s1, qp_part *qp) {
    for (int pi = 0; pi < 2; pi++) {
        const doc_part *p = &parts[pi];
        uint32_t lo = pi ? s0 : 0, hi = pi ? s1 : first ? p->nspans : 0;
        qp[pi].norm = p->norm;
        qp[pi].from = lo ? p->spans[lo].off : 0;
        qp[pi].len = hi < p->nspans ? p->spans[hi].off : (uint32_t)p->len;
        if (lo >= hi) qp[pi].from = qp[pi].len = 0;
        qp[pi].spans = p->spans ? p->spans + lo : NULL; /* none: empty part */
        qp[pi].nspans = hi - lo;
        qp[pi].first_index = (pi ? parts[0].nspans : 0) + lo;
        qp[pi].map = &p->map;
        qp[pi].orig = pi ? in->text : in->title;
        qp[pi].orig_len = (uint32_t)(pi ? in->text_len : in->title_len);
        qp[pi].title = pi == 0;
    }
}

/* Which body sentences after s0 make a part of about part_bytes: it ends
 * at the first paragraph break once that many bytes are in, or at a
 * sentence break at twice that (a text without paragraphs). */
static uint32_t part_end(const doc_part *p, uint32_t s0, size_t part_bytes) {
    if (!part_bytes) return p->nspans;
    uint32_t base = p->spans[s0].off;
    for (uint32_t j = s0 + 1; j < p->nspans; j++) {
        size_t in = p->spans[j].off - base;
        if (in >= 2 * part_bytes) return j;
        if (in < part_bytes) continue;
        uint32_t e = p->spans[j - 1].off + p->spans[j - 1].len;
        if (memchr(p->norm + e, '\n', p->spans[j].off - e)) return j;
    }
    return p->nspans;
}

/* Codes the title (in the first part) and the body's sentences [s0, s1):
 * their events into doc's event array and out, and everything else the
 * part keeps (places, quotations, the trace, interned strings) into a. */
static void code_part(const dyad_engine *e, dyad_doc *doc,
                      const dyad_input *in, const dyad_options *opts,
                      dyad_result *out, doc_part *parts, int body_identity,
                      arena *a, int first, uint32_t s0, uint32_t s1) {
    uint32_t date = in->date;
    event_list ev = {doc->evbuf, 0, doc->evcap, &doc->m, &doc->evbuf, &doc->evcap};
    doc_trace *tr = opts->trace ? arena_zalloc(a, sizeof *tr) : NULL;
    const doc_part *bp = &parts[1];
    uint32_t n0 = parts[0].nspans;
    /* the part's stretch of the body: from its first sentence (the text's
     * start for the first) to the next part's */
    uint32_t from = s0 ? bp->spans[s0].off : 0,
             to = s1 < bp->nspans ? bp->spans[s1].off : (uint32_t)bp->len;
    int story_discard = 0;
    /* (a story discard skips quotes_finish: no quotations of a part before) */
    out->nquotes = 0;
    out->quotes_ = NULL;
    doc_state *ds = arena_zalloc(a, sizeof *ds);
    if (in->text_len >= INTERN_MIN)
        ds->strs = arena_zalloc(a, INTERN_SLOTS * sizeof *ds->strs);
    /* where events happened and who is quoted (places.c, quotes.c) */
    places_doc *pd = arena_zalloc(a, sizeof *pd);
    quotes_doc *qd = arena_zalloc(a, sizeof *qd);
    quotes_begin(qd, first ? parts[0].norm : NULL, first ? parts[0].len : 0,
                 bp->norm, from, to, bp->spans ? bp->spans + s0 : NULL, s1 - s0,
                 n0 + s0);
    if (parts[1].dateline_len)
        places_dateline(pd, e, a, parts[1].norm + parts[1].dateline_off,
                        parts[1].dateline_len, parts[1].dateline_off);
    else if (parts[1].nspans)
        places_soft_dateline(pd, e, a, parts[1].norm + parts[1].spans[0].off,
                             parts[1].spans[0].len, parts[1].spans[0].off);
    uint32_t coded = 0, title_events = 0;
    if (in->publisher_len && e->rules->pronouns) {
        sent_ctx c;
        memset(&c, 0, sizeof c);
        c.e = e;
        c.opt = opts;
        c.a = &doc->sa;
        c.pa = a;
        c.date = date;
        c.ds = ds;
        publisher_voice(e, &c, in->publisher, in->publisher_len);
    }
    if (parts[1].dateline_len && e->rules->pronouns) {
        sent_ctx c;
        memset(&c, 0, sizeof c);
        c.e = e;
        c.opt = opts;
        c.a = &doc->sa;
        c.pa = a;
        c.date = date;
        c.ds = ds;
        dateline_country(e, &c, parts[1].norm + parts[1].dateline_off,
                         parts[1].dateline_len);
    }
    for (int pi = first ? 0 : 1; pi < 2 && !story_discard; pi++) {
        doc_part *p = &parts[pi];
        uint32_t lo = pi ? s0 : 0, hi = pi ? s1 : p->nspans;
        for (uint32_t si = lo; si < hi && !story_discard; si++) {
            /* the sentence's analysis lives in the scratch arena, reset for
             * the next sentence; events, mentions and the trace go to a */
            arena *sa = &doc->sa;
            arena_reset(sa);
            sentence *s = arena_zalloc(sa, sizeof *s);
            s->text = arena_strndup(sa, p->norm + p->spans[si].off,
                                    p->spans[si].len);
            s->len = p->spans[si].len;
            s->doc_off = p->spans[si].off;
            s->index = (pi ? n0 : 0) + si;
            coded++;
            s->title = pi == 0;
            s->ntok = tok_tokenize(sa, s->text, s->len, &s->toks);
            if (!s->ntok) continue;
            tag_sentence_cached(e->lx, doc->tc, s, sa);
            assign_ids(e, doc->tc, s);
            chunk_sentence(s, sa);
            s->words = wordset_build(sa, s);

            sent_ctx c;
            memset(&c, 0, sizeof c);
            c.e = e;
            c.opt = opts;
            c.a = sa;
            c.pa = a;
            c.limits = &out->limits;
            c.s = s;
            c.date = date;
            c.ds = ds;
            c.tr = tr;
            c.span_text = doc->span_sentences && pi == 1 && body_identity;
            c.deleted = arena_zalloc(sa, s->ntok + 1);
            trace_analysis(&c);
            if (s->limits) {
                out->limits += s->limits - 1; /* (coder_limit adds one) */
                coder_limit(&c, "more than 64 coordinated phrases in a list");
            }
            int dr = discard_check(e, &c);
            if (dr == 2) {
                story_discard = 1;
                break;
            }
            if (dr == 1) {
                out->discarded |= 1;
                continue;
            }
            if (e->rules->comma_deletion) delete_comma_clauses(&c);
            units_build(&c);
            trace_units(&c);
            uint32_t before = ev.n;
            verbs_code_sentence(&c, &ev);
            add_issues(e, &c, &ev, before);
            places_sentence(pd, &c, &ev, before);
            quotes_sentence(qd, &c);
            trace_sentence_json(&c, &ev, before);
        }
        if (pi == 0) title_events = ev.n;
    }
    out->nsentences = coded;
    if (story_discard) {
        out->discarded = 2;
        ev.n = 0;
        title_events = 0;
        if (tr) {
            sent_ctx c;
            memset(&c, 0, sizeof c);
            c.a = a;
            c.pa = a;
            c.tr = tr;
            trace_add(&c, "story discarded: no events\n");
        }
    }
    for (uint32_t i = 0; i < ev.n; i++) {
        ev.ev[i].in_title = i < title_events;
        issue_list(a, &ev.ev[i]);
    }
    if (!story_discard) {
        qp_part qp[2];
        qp_parts_of(parts, in, first, s0, s1, qp);
        places_finish(pd, e, a, ds, &ev, qp, tr);
        quotes_finish(qd, e, a, &ev, qp, out, tr);
    }
    if (ev.n) { /* (no events: ev.ev is NULL, and NULL + 0 is undefined) */
        spans_to_caller(ev.ev, title_events, &parts[0].map);
        spans_to_caller(ev.ev + title_events, ev.n - title_events,
                        &parts[1].map);
    }
    doc->evbuf = ev.ev;
    doc->evcap = ev.cap;
    doc->events = ev.ev;
    out->nevents = ev.n;
    if (tr) {
        trace_finish(a, tr);
        out->trace = tr->text.p;
        out->trace_json = tr->json.p;
    }
}

/* The sentences of one document, coded in order; title first. */
static int code_document(const dyad_engine *e, dyad_doc *doc,
                         const dyad_input *in, const dyad_options *opts,
                         dyad_result *out, size_t part_bytes,
                         dyad_part_fn fn, void *ctx) {
    if (e->rules->model == DYAD_MODEL_TABARI) { /* code/tabari_doc.c */
        tab_code_document(e, doc, in, opts, out);
        return 0;
    }
    arena *a = &doc->a;
    uint32_t invalid = 0;
    /* part 0 the title (one sentence, when given), part 1 the body */
    doc_part parts[2];
    memset(parts, 0, sizeof parts);
    if (in->title && in->title_len)
        part_prepare(a, &parts[0], in->title, in->title_len, 1, 1,
                     doc->borrow_input, &invalid);
    part_prepare(a, &parts[1], in->text, in->text_len, opts->one_sentence, 0,
                 doc->borrow_input, &invalid);
    out->text = parts[1].norm;
    out->text_len = parts[1].len;
    /* the body's offsets are the caller's (one run from 0, or none): an
     * event's span then indexes out->text too (doc_span_sentences) */
    const utf8_map *bm = &parts[1].map;
    int body_identity = parts[1].len == in->text_len &&
                        (!bm->n || (bm->n == 1 && !bm->norm[0] && !bm->orig[0]));
    out->title = parts[0].norm;
    out->title_len = parts[0].len;
    out->invalid_bytes = invalid;

    /* the body in parts of about part_bytes (fn set): each part but the
     * last is coded, finished and handed to fn, then its arena reset */
    for (uint32_t s0 = 0, first = 1;; first = 0) {
        uint32_t s1 = fn ? part_end(&parts[1], s0, part_bytes)
                         : parts[1].nspans;
        int last = s1 >= parts[1].nspans;
        /* (a whole document: the document arena, as it always was) */
        arena *wa = first && last ? a : &doc->wa;
        if (wa != a) arena_reset(wa);
        code_part(e, doc, in, opts, out, parts, body_identity, wa, first, s0,
                  s1);
        if (last) return 0;
        if (fn(ctx, out)) return 1;
        out->first_event += out->nevents;
        out->first_quote += out->nquotes;
        s0 = s1;
    }
}

/* dyad_code and dyad_code_parts: a whole document when fn is NULL. */
static dyad_status code_checked(const dyad_engine *e, dyad_doc *doc,
                                const dyad_input *in,
                                const dyad_options *opts,
                                const dyad_result **out, size_t part_bytes,
                                dyad_part_fn fn, void *ctx,
                                dyad_error *err) {
    if (err) {
        err->status = DYAD_OK;
        err->msg[0] = '\0';
    }
    if (out) *out = NULL;
    if (!e || !doc || !in || !out)
        return engine_error(err, DYAD_ERR_ARG,
                            "dyad_code: engine, doc, input and out are "
                            "required");
    if (in->size < offsetof(dyad_input, date) + sizeof in->date)
        return engine_error(err, DYAD_ERR_ARG,
                            "dyad_code: input.size not set (call "
                            "dyad_input_init)");
    dyad_input inp;
    input_of(in, &inp);
    if ((!inp.text && inp.text_len) || (!inp.title && inp.title_len))
        return engine_error(err, DYAD_ERR_ARG,
                            "dyad_code: text or title is NULL with a "
                            "length");
    /* offsets are 32-bit, and the normaliser may triple a text */
    if (inp.text_len > UINT32_MAX / 4 || inp.title_len > UINT32_MAX / 4)
        return engine_error(err, DYAD_ERR_LIMIT,
                            "dyad_code: document of %zu bytes is larger "
                            "than the 1 GB limit",
                            inp.text_len > inp.title_len ? inp.text_len
                                                         : inp.title_len);
    dyad_options opt;
    options_of(opts, &opt);
    arena_reset(&doc->a);
    arena_reset(&doc->sa);
    arena_reset(&doc->wa);
    dyad_result *r = &doc->res;
    memset(r, 0, sizeof *r);
    r->size = sizeof *r;
    doc->events = NULL;
    jmp_buf jb;
    doc->m.oom = &jb;
    if (setjmp(jb)) {
        /* everything the document allocated is in the arena */
        doc->m.oom = NULL;
        arena_reset(&doc->a);
        arena_reset(&doc->sa);
        arena_reset(&doc->wa);
        memset(r, 0, sizeof *r);
        r->size = sizeof *r;
        doc->events = NULL;
        return engine_error(err, DYAD_ERR_NOMEM,
                            "out of memory coding a document of %zu bytes",
                            inp.text_len + inp.title_len);
    }
    int stopped = code_document(e, doc, &inp, &opt, r, part_bytes, fn, ctx);
    doc->m.oom = NULL;
    *out = r;
    if (stopped)
        return engine_error(err, DYAD_ERR_IO,
                            "dyad_code_parts: stopped by the caller after "
                            "%zu events",
                            r->first_event);
    return DYAD_OK;
}

dyad_status dyad_code(const dyad_engine *e, dyad_doc *doc,
                      const dyad_input *in, const dyad_options *opts,
                      const dyad_result **out, dyad_error *err) {
    return code_checked(e, doc, in, opts, out, 0, NULL, NULL, err);
}

dyad_status dyad_code_parts(const dyad_engine *e, dyad_doc *doc,
                            const dyad_input *in, const dyad_options *opts,
                            size_t part_bytes, dyad_part_fn fn, void *ctx,
                            const dyad_result **last, dyad_error *err) {
    if (!fn || !part_bytes)
        return engine_error(err, DYAD_ERR_ARG,
                            "dyad_code_parts: a part size and a function "
                            "are required");
    return code_checked(e, doc, in, opts, last, part_bytes, fn, ctx, err);
}
