/* dict.c -- dictionary set lifetime, vocabulary, shared reader helpers and
 * the lookups the coder calls (verb forms, actor dates, discards, issues).
 *
 * The format readers live in dict_actors.c, dict_agents.c, dict_verbs.c,
 * dict_verbs_linear.c, dict_discards.c and dict_issues.c; everything they
 * build is documented in dict.h.
 */
#include "dict/dict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/dict_priv.h"
#include "dict/tabari.h"
#include "util/wordset.h"

void dict_init(dict *d, const mem *m) {
    memset(d, 0, sizeof(*d));
    d->m = m ? m : mem_libc();
    arena_init(&d->mem, 1u << 20, d->m);
    arena_init(&d->scratch, 64 * 1024, d->m);
    vocab_init(&d->voc, d->m);
    ptrie_init(&d->actors, d->m);
    ptrie_init(&d->agents, d->m);
    ptrie_init(&d->issues, d->m);
    strmap_init(&d->verb_by_word, d->m);
    strmap_init(&d->discard_first, d->m);
    strmap_init(&d->discard_prefix, d->m);
    dict_add_string(d, "", 0); /* offset 0 = "" */
}

void dict_free(dict *d) {
    if (!d->m) return; /* never initialised, or freed */
    const mem *m = d->m;
    tab_free(d);
    /* arrays grown with DICT_GROW (heap); the rest lives in d->mem */
    mem_free(m, d->actor_entries);
    mem_free(m, d->actor_codes);
    mem_free(m, d->agent_entries);
    mem_free(m, d->forms);
    mem_free(m, d->blocks);
    mem_free(m, d->patterns);
    mem_free(m, d->pat_elems);
    mem_free(m, d->pat_words);
    mem_free(m, d->synsets);
    mem_free(m, d->syn_phrases);
    mem_free(m, d->transforms);
    mem_free(m, d->form_lists);
    mem_free(m, d->discards);
    mem_free(m, d->nominals);
    mem_free(m, d->discard_next);
    mem_free(m, d->discard_fbits);
    mem_free(m, d->nominal_heads);
    mem_free(m, d->discard_p2bits);
    strmap_free(&d->discard_first);
    strmap_free(&d->discard_prefix);
    mem_free(m, d->issue_entries);
    mem_free(m, d->cls);
    mem_free(m, d->strings);
    ptrie_free(&d->actors);
    ptrie_free(&d->agents);
    ptrie_free(&d->issues);
    strmap_free(&d->verb_by_word);
    vocab_free(&d->voc);
    arena_free(&d->mem);
    arena_free(&d->scratch);
    memset(d, 0, sizeof(*d));
}

/* ---- helpers shared by the readers -------------------------------------- */

int dict_err(char *err, size_t errlen, const char *name, uint32_t line,
             const char *fmt, ...) {
    if (err && errlen) {
        int k = snprintf(err, errlen, "%s:%u: ", name ? name : "?",
                         (unsigned)line);
        if (k >= 0 && (size_t)k < errlen) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(err + k, errlen - (size_t)k, fmt, ap);
            va_end(ap);
        }
    }
    return -1;
}

void dict_warn(dict *d, const char *name, uint32_t line, const char *fmt,
               ...) {
    d->nwarnings++;
    int k = snprintf(d->warning, sizeof d->warning, "%s:%u: ",
                     name ? name : "?", (unsigned)line);
    if (k >= 0 && (size_t)k < sizeof d->warning) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(d->warning + k, sizeof d->warning - (size_t)k, fmt, ap);
        va_end(ap);
    }
}

uint16_t dict_add_file(dict *d, const char *name) {
    /* Few files: copy the array each time instead of keeping a capacity. */
    const char **nf = arena_alloc(&d->mem, (d->nfiles + 1u) * sizeof(*nf));
    if (d->nfiles) memcpy(nf, d->files, d->nfiles * sizeof(*nf));
    nf[d->nfiles] = arena_strdup(&d->mem, name ? name : "?");
    d->files = nf;
    return d->nfiles++;
}

uint32_t dict_add_string(dict *d, const char *s, size_t n) {
    while (d->nstrings + n + 1 > d->cap_strings) {
        uint32_t nc = d->cap_strings ? d->cap_strings * 2 : 4096;
        char *ns = mem_realloc(d->m, d->strings, nc);
        if (!ns) return 0;
        d->strings = ns;
        d->cap_strings = nc;
    }
    uint32_t off = d->nstrings;
    memcpy(d->strings + off, s, n);
    d->strings[off + n] = '\0';
    d->nstrings += (uint32_t)n + 1;
    return off;
}

uint32_t dict_push_words(dict *d, const uint32_t *w, size_t n) {
    uint32_t first = d->npat_words;
    for (size_t i = 0; i < n; i++) {
        DICT_GROW(d, d->pat_words, d->npat_words, d->cap_pat_words);
        d->pat_words[d->npat_words++] = w[i];
    }
    return first;
}

size_t dict_split_words(dict *d, const char *s, size_t n, int underscore,
                        dict_wbuf *b) {
    size_t added = 0, i = 0;
    while (i < n) {
        while (i < n && (dict_isblank(s[i]) || (underscore && s[i] == '_')))
            i++;
        size_t st = i;
        while (i < n && !dict_isblank(s[i]) && !(underscore && s[i] == '_'))
            i++;
        if (i > st) {
            /* the tokenizer splits a possessive off its word ("People's" is
             * PEOPLE + 'S, "Workers'" WORKERS + '), so a phrase written
             * PEOPLE'S_LIBERATION_ARMY must too */
            size_t wl = i - st, pl = 0;
            if (wl > 2 && s[i - 2] == '\'' && (s[i - 1] == 'S' || s[i - 1] == 's'))
                pl = 2;
            else if (wl > 1 && s[i - 1] == '\'')
                pl = 1;
            dict_wbuf_push(d, b, vocab_intern(&d->voc, s + st, wl - pl));
            added++;
            if (pl) {
                dict_wbuf_push(d, b, vocab_intern(&d->voc, s + i - pl, pl));
                added++;
            }
        }
    }
    return added;
}

int dict_code8(char dst[8], const char *s, size_t n) {
    dict_trim(&s, &n);
    if (n > 7) return -1;
    memcpy(dst, s, n);
    dst[n] = '\0';
    return 0;
}

void dict_trim(const char **s, size_t *n) {
    while (*n && dict_isblank(**s)) (*s)++, (*n)--;
    while (*n && dict_isblank((*s)[*n - 1])) (*n)--;
}

/* ---- verb form index ---------------------------------------------------- */

/* Discard index (see dict.h). Chains are built back to front so that each
 * lists its entries in ascending order, the order dict_discard_match ranks
 * them in. */
static void discard_index(dict *d) {
    strmap_free(&d->discard_first);
    strmap_free(&d->discard_prefix);
    strmap_init(&d->discard_first, d->m);
    strmap_init(&d->discard_prefix, d->m);
    mem_free(d->m, d->discard_next);
    d->discard_next = NULL;
    d->discard_next = mem_zalloc(d->m, (d->ndiscards + 1u) * sizeof *d->discard_next);
    d->discard_plen = 0;
    d->discard_plen_max = 0;
    mem_free(d->m, d->discard_fbits);
    d->discard_fbits = NULL;
    d->discard_fbits = mem_zalloc(d->m, DISCARD_FBITS / 64 * sizeof *d->discard_fbits);
    mem_free(d->m, d->discard_p2bits);
    d->discard_p2bits = NULL;
    d->discard_p2bits = mem_zalloc(d->m, DISCARD_FBITS / 64 * sizeof *d->discard_p2bits);
    if (!d->discard_next || !d->discard_fbits || !d->discard_p2bits) return;
    for (uint32_t i = d->ndiscards; i-- > 0;) {
        const discard_entry *e = &d->discards[i];
        if (!e->n) continue;
        int prefix = e->n == 1 && !e->exact;
        const char *key = prefix ? e->last
                                 : vocab_word(&d->voc, d->pat_words[e->first]);
        size_t klen = strlen(key);
        uint32_t *head = strmap_put(prefix ? &d->discard_prefix
                                           : &d->discard_first,
                                    key, klen, NULL);
        d->discard_next[i] = *head;
        *head = i + 1;
        if (prefix && klen)
            d->discard_plen |= 1ull << (klen <= 63 ? klen - 1 : 63);
        if (prefix && klen > d->discard_plen_max)
            d->discard_plen_max = (uint32_t)klen;
        if (prefix && klen) {
            uint32_t c0 = (unsigned char)key[0];
            for (uint32_t c1 = 0; c1 < 256; c1++) {
                if (klen > 1 && c1 != (unsigned char)key[1]) continue;
                uint32_t b = c0 << 8 | c1;
                d->discard_p2bits[b >> 6] |= 1ull << (b & 63);
            }
        }
        if (!prefix) {
            uint32_t b = strmap_hash(key, klen) >> 16;
            d->discard_fbits[b >> 6] |= 1ull << (b & 63);
        }
    }
    d->discard_nindexed = d->ndiscards;
}

/* Rank of word id w as a prefilter anchor: prepositions and short words
 * are in most sentences and filter little, so longer literal words win. */
static uint32_t anchor_rank(const dict *d, uint32_t w, int prep) {
    return (uint32_t)strlen(d->voc.words[w]) + (prep ? 0 : 100);
}

/* Considers word id w (a required word of pattern p) as one of its two
 * anchors; rk holds the ranks of the current anchors. */
static void anchor_offer(const dict *d, pattern *p, uint32_t rk[2],
                         uint32_t w, int prep) {
    if (!w || w >= d->voc.n || w == p->anchor[0] || w == p->anchor[1]) return;
    uint32_t r = anchor_rank(d, w, prep);
    if (!p->anchor[0] || r > rk[0]) {
        p->anchor[1] = p->anchor[0];
        rk[1] = rk[0];
        p->anchor[0] = w;
        rk[0] = r;
    } else if (!p->anchor[1] || r > rk[1]) {
        p->anchor[1] = w;
        rk[1] = r;
    }
}

/* Computes every pattern's anchors. Every element of a pattern must match
 * (there are no optional elements), so each literal word is required: a
 * PE_WORD/PE_PREP word as some token's wid, a PE_NOUN head as a wid or an
 * lwid, a head's plain-word modifiers as a wid. Synsets are alternatives
 * and give no anchor. */
static void pattern_anchors(dict *d) {
    for (uint32_t i = 0; i < d->npatterns; i++) {
        pattern *p = &d->patterns[i];
        uint32_t rk[2] = {0, 0};
        p->anchor[0] = p->anchor[1] = 0;
        for (int part = 0; part < 2; part++) {
            uint32_t first = part ? p->lower : p->upper;
            uint32_t n = part ? p->nlower : p->nupper;
            for (uint32_t k = 0; k < n; k++) {
                const pat_elem *e = &d->pat_elems[first + k];
                switch (e->kind) {
                case PE_WORD:
                    anchor_offer(d, p, rk, e->arg, 0);
                    break;
                case PE_PREP:
                    anchor_offer(d, p, rk, e->arg, 1);
                    break;
                case PE_NOUN:
                    anchor_offer(d, p, rk, e->arg, 0);
                    for (uint16_t m = 0; m < e->nmods; m++) {
                        uint32_t mw = d->pat_words[e->mods + m];
                        if (!(mw & PAT_MOD_SYN)) anchor_offer(d, p, rk, mw, 0);
                    }
                    break;
                default:
                    break;
                }
            }
        }
    }
}

/* Builds dict.syn_masks (see dict.h). */
static void synset_masks(dict *d) {
    d->nsyn_masks = 0;
    d->syn_masks = NULL;
    if (!d->nsynsets) return;
    d->syn_masks = arena_alloc(&d->mem, (size_t)d->nsynsets * 8 * sizeof(uint64_t));
    for (uint32_t i = 0; i < d->nsynsets; i++) {
        uint64_t *m = d->syn_masks + 8 * (size_t)i;
        memset(m, 0, 8 * sizeof *m);
        const synset *sy = &d->synsets[i];
        for (uint32_t k = 0; k < sy->n; k++) {
            const word_run *r = &d->syn_phrases[sy->first + k];
            if (!r->n) { /* matches anywhere */
                memset(m, 0xff, 8 * sizeof *m);
                break;
            }
            uint32_t b = wordset_syn_bit(d->pat_words[r->first]);
            m[b >> 6] |= (uint64_t)1 << (b & 63);
            b = wordset_syn_bit(d->pat_words[r->first + r->n - 1]);
            m[4 + (b >> 6)] |= (uint64_t)1 << (b & 63);
        }
    }
    d->nsyn_masks = d->nsynsets;
}

/* The vocabulary's signature (see dict.h vocab_sig): 64-bit FNV-1a over
 * the words in id order, each with its terminating NUL. */
static void vocab_signature(dict *d) {
    uint64_t h = 14695981039346656037ull;
    for (uint32_t i = 1; i < d->voc.n; i++)
        for (const unsigned char *p = (const unsigned char *)d->voc.words[i];;
             p++) {
            h = (h ^ *p) * 1099511628211ull;
            if (!*p) break;
        }
    h = (h ^ d->voc.n) * 1099511628211ull;
    d->vocab_sig = h ? h : 1;
    d->vocab_sig_n = d->voc.n;
}

/* The head-word bit set of the nominal entries (dict.h nominal_heads). */
static void nominal_index(dict *d) {
    mem_free(d->m, d->nominal_heads);
    d->nominal_nheads = 0;
    d->nominal_heads = mem_zalloc(d->m, (d->voc.n / 64 + 1) * sizeof *d->nominal_heads);
    if (!d->nominal_heads) return;
    d->nominal_nheads = d->voc.n;
    for (uint32_t i = 0; i < d->nnominals; i++) {
        const nominal_entry *e = &d->nominals[i];
        uint32_t w = d->pat_words[e->first + e->n - 1];
        if (w < d->voc.n) d->nominal_heads[w >> 6] |= 1ull << (w & 63);
    }
}

int dict_nominal_head(const dict *d, uint32_t w) {
    if (!d->nominal_heads || w >= d->nominal_nheads) return 1; /* unknown: try */
    return (d->nominal_heads[w >> 6] >> (w & 63)) & 1;
}

void dict_finish(dict *d) {
    tab_finish(d);
    vocab_signature(d);
    /* Count forms per word id, then lay out one run per word: multi-word
     * forms (pre-words or particles) first, each group in file order, and a
     * UINT32_MAX sentinel after each run. */
    uint32_t nw = d->voc.n;
    /* (scratch: an allocation failure unwinds without leaking them) */
    uint32_t *cnt = arena_zalloc(&d->scratch, (nw + 1) * sizeof(*cnt));
    uint32_t *pos = arena_zalloc(&d->scratch, (nw + 1) * sizeof(*pos));
    if (!cnt || !pos) return;
    for (uint32_t i = 0; i < d->nforms; i++) cnt[d->forms[i].word]++;
    uint32_t total = 0;
    for (uint32_t w = 0; w < nw; w++) {
        pos[w] = total;
        if (cnt[w]) total += cnt[w] + 1;
    }
    mem_free(d->m, d->form_lists); /* dict_finish may run again */
    d->form_lists = NULL;
    d->form_lists = mem_alloc(d->m, (total + 1) * sizeof(uint32_t));
    if (!d->form_lists) return;
    d->nform_lists = total;
    for (int pass = 0; pass < 2; pass++) {
        for (uint32_t i = 0; i < d->nforms; i++) {
            const verb_form *f = &d->forms[i];
            int multi = f->npre + f->npart > 0;
            if (multi != (pass == 0)) continue;
            d->form_lists[pos[f->word]++] = i;
        }
    }
    for (uint32_t w = 0; w < nw; w++) {
        if (!cnt[w]) continue;
        uint32_t start = pos[w] - cnt[w];
        d->form_lists[pos[w]] = UINT32_MAX;
        const char *word = d->voc.words[w];
        uint32_t *v = strmap_put(&d->verb_by_word, word, strlen(word), NULL);
        if (v) *v = start + 1;
    }
    discard_index(d);
    nominal_index(d);
    pattern_anchors(d);
    synset_masks(d);
    arena_free(&d->scratch);
}

uint32_t dict_verb_forms(const dict *d, const char *word, size_t n,
                         const uint32_t **ids) {
    uint32_t v = 0;
    *ids = NULL;
    if (!d->form_lists || !strmap_get(&d->verb_by_word, word, n, &v) || !v)
        return 0;
    const uint32_t *run = d->form_lists + (v - 1);
    uint32_t k = 0;
    while (run[k] != UINT32_MAX) k++;
    *ids = run;
    return k;
}

/* ---- actors ------------------------------------------------------------- */

const char *dict_actor_code(const dict *d, uint32_t actor_index,
                            uint32_t date) {
    if (actor_index >= d->nactor_entries) return NULL;
    const actor_entry *e = &d->actor_entries[actor_index];
    const char *dflt = NULL;
    for (uint32_t i = 0; i < e->n; i++) {
        const actor_code *c = &d->actor_codes[e->first + i];
        if (!c->restricted) {
            dflt = c->code; /* the last unrestricted code counts */
            continue;
        }
        /* an unknown date (0) falls in no restriction */
        if (date && date >= c->from && date <= c->to) return c->code;
    }
    return dflt;
}

/* ---- discards ----------------------------------------------------------- */

static int discard_at(const dict *d, const discard_entry *e,
                      const char *const *words, size_t n, size_t at) {
    if (at + e->n > n) return 0;
    for (uint32_t k = 0; k + 1 < e->n; k++)
        if (strcmp(words[at + k], vocab_word(&d->voc,
                                             d->pat_words[e->first + k])))
            return 0;
    const char *w = words[at + e->n - 1];
    if (e->exact) return strcmp(w, e->last) == 0;
    return strncmp(w, e->last, strlen(e->last)) == 0;
}

/* The whole list at every position: for a dict not (re)indexed by
 * dict_finish. */
static int discard_scan(const dict *d, const char *const *words, size_t n,
                        uint32_t *which) {
    /* Story discards first: they have priority over sentence discards. */
    for (int story = 1; story >= 0; story--) {
        for (uint32_t i = 0; i < d->ndiscards; i++) {
            const discard_entry *e = &d->discards[i];
            if (e->story != story || !e->n) continue;
            char c0 = e->n == 1 ? e->last[0]
                                : vocab_word(&d->voc,
                                             d->pat_words[e->first])[0];
            for (size_t at = 0; at < n; at++) {
                if (words[at][0] != c0) continue;
                if (discard_at(d, e, words, n, at)) {
                    if (which) *which = i;
                    return story ? 2 : 1;
                }
            }
        }
    }
    return 0;
}

/* Is entry i a better answer than the best so far? Story discards beat
 * sentence discards; among equals the earlier entry wins -- the order in
 * which a scan of the whole list would have found them. */
static int discard_better(const dict *d, uint32_t i, int best_story,
                          uint32_t best) {
    int s = d->discards[i].story ? 1 : 0;
    return s > best_story || (s == best_story && i < best);
}

int dict_discard_match(const dict *d, const char *const *words, size_t n,
                       uint32_t *which) {
    return dict_discard_match_hashed(d, words, NULL, NULL, n, which);
}

int dict_discard_match_hashed(const dict *d, const char *const *words,
                              const uint32_t *lens, const uint32_t *hashes,
                              size_t n, uint32_t *which) {
    /* Answer: the first story entry (in file order) matching anywhere, else
     * the first sentence entry. Instead of trying every entry at every
     * position, each position looks up the entries that can start there:
     * those whose first word is the token (discard_first, behind the
     * discard_fbits filter) and the one-word prefix entries whose word is a
     * prefix of it (discard_prefix, hashed incrementally over the token's
     * first discard_plen_max bytes, probing only lengths some entry has). */
    if (!d->ndiscards) return 0;
    if (d->discard_nindexed != d->ndiscards)
        return discard_scan(d, words, n, which);
    int best_story = -1;
    uint32_t best = UINT32_MAX;
    const strmap *pm = &d->discard_prefix, *fm = &d->discard_first;
    uint64_t plen = d->discard_plen;
    size_t pmax = pm->count ? d->discard_plen_max : 0;
    for (size_t at = 0; at < n; at++) {
        const char *w = words[at];
        uint32_t h = STRMAP_HASH_INIT;
        size_t len = 0;
        /* with hashes given only the prefixes are hashed here, and only
         * when the first two bytes can start a prefix entry */
        size_t stop = pmax;
        if (hashes && pmax && w[0]) {
            uint32_t b = (uint32_t)(unsigned char)w[0] << 8 |
                         (unsigned char)w[1];
            if (!(d->discard_p2bits[b >> 6] & (1ull << (b & 63)))) stop = 0;
        }
        for (; w[len] && (!hashes || len < stop); len++) {
            h = strmap_hash_step(h, (unsigned char)w[len]);
            size_t L = len + 1;
            if (L > pmax || !(plen & (1ull << (L <= 63 ? L - 1 : 63))))
                continue;
            const strmap_slot *sl = strmap_find(pm, w, L, strmap_hash_final(h));
            /* one-word prefix entries: the lookup itself is the match */
            for (uint32_t i = sl ? sl->value : 0; i;
                 i = d->discard_next[i - 1]) {
                if (!discard_better(d, i - 1, best_story, best)) continue;
                best = i - 1;
                best_story = d->discards[best].story ? 1 : 0;
                if (best_story) break; /* the rest of the chain is later */
            }
        }
        if (!fm->count) continue;
        uint32_t hf = hashes ? hashes[at] : strmap_hash_final(h);
        if (hashes) len = lens[at];
        uint32_t b = hf >> 16;
        if (!(d->discard_fbits[b >> 6] & (1ull << (b & 63)))) continue;
        const strmap_slot *sl = strmap_find(fm, w, len, hf);
        if (!sl) continue;
        for (uint32_t i = sl->value; i; i = d->discard_next[i - 1]) {
            if (!discard_better(d, i - 1, best_story, best)) continue;
            if (discard_at(d, &d->discards[i - 1], words, n, at)) {
                best = i - 1;
                best_story = d->discards[best].story ? 1 : 0;
                if (best_story) break; /* later ones are worse */
            }
        }
    }
    if (best_story < 0) return 0;
    if (which) *which = best;
    return best_story ? 2 : 1;
}

/* ---- issues ------------------------------------------------------------- */

int dict_issues_text(const dict *d, const uint32_t *wids, size_t n, char *out,
                     size_t cap, uint32_t *dropped) {
    enum { MAXI = 64 };
    const char *codes[MAXI];
    uint32_t counts[MAXI];
    int ncodes = 0;
    if (cap) out[0] = '\0';
    for (size_t i = 0; i < n;) {
        uint32_t v = 0;
        size_t len = ptrie_longest(&d->issues, wids + i, n - i, &v);
        if (!len || !v) {
            i++;
            continue;
        }
        const issue_entry *e = &d->issue_entries[v - 1];
        if (e->ignore) return 0; /* an ignore phrase cancels all issues */
        int k;
        for (k = 0; k < ncodes; k++)
            if (strcmp(codes[k], e->code) == 0) break;
        if (k == ncodes && ncodes < MAXI) {
            codes[ncodes] = e->code;
            counts[ncodes++] = 0;
        } else if (k == ncodes && dropped) {
            (*dropped)++;
        }
        if (k < ncodes) counts[k]++;
        i += len;
    }
    size_t used = 0;
    for (int k = 0; k < ncodes && cap; k++) {
        /* (codes and counts are set for k < ncodes: cppcheck cannot tell) */
        int w = snprintf(out + used, cap - used, "%s%s,%u", k ? ";" : "",
                         /* cppcheck-suppress uninitvar */
                         codes[k], (unsigned)counts[k]);
        if (w < 0 || (size_t)w >= cap - used) {
            out[used] = '\0';
            break;
        }
        used += (size_t)w;
    }
    return ncodes;
}
