/* coder_verbs.c -- from verb groups to events, for one sentence.
 *
 * Each verb group is looked up in the verb dictionary by its main verb's
 * surface form (multi-word verbs first: "broke down", "wire tapped"). The
 * verb's block patterns are tried in dictionary order around it; the first
 * that matches gives the code and may name the source ($), target (+) or a
 * compound (%). Otherwise the source is the first coded actor unit before
 * the verb (back to the start of its stretch of the sentence) and the target
 * the first coded unit after it whose code differs -- PETRARCH1's model,
 * which the validation records were written for. When dictionaries in the
 * PETRARCH2 format are used, the clause structure decides instead: the
 * verb's subject is the source, negated verbs give no event, and reporting
 * verbs hand over to their complement clause.
 */
#include <stdio.h>
#include <string.h>

#include "coder.h"

/* One verb found in the dictionary. */
typedef struct verb_hit {
    const verb_form *form;
    uint32_t vfirst, vend;   /* tokens of the verb, with pre-words/particles */
} verb_hit;

static int tok_is(const sentence *s, uint32_t i, uint32_t wid) {
    return i < s->ntok && wid && s->toks[i].wid == wid;
}

/* Finds the dictionary form of the verb headed at token h. */
static int find_verb(const sent_ctx *c, uint32_t h, verb_hit *hit) {
    const dict *d = &c->e->d;
    const sentence *s = c->s;
    const tok *t = &s->toks[h];
    const uint32_t *ids;
    uint32_t n = dict_verb_forms(d, t->norm, t->nlen, &ids);
    for (uint32_t k = 0; k < n; k++) {
        const verb_form *f = &d->forms[ids[k]];
        int ok = 1;
        for (uint32_t j = 0; ok && j < f->npre; j++) {
            int64_t q = (int64_t)h - (int64_t)f->npre + (int64_t)j;
            ok = q >= 0 && tok_is(s, (uint32_t)q, d->pat_words[f->pre + j]);
        }
        for (uint32_t j = 0; ok && j < f->npart; j++)
            ok = tok_is(s, h + 1 + j, d->pat_words[f->part + j]);
        if (!ok) continue;
        hit->form = f;
        hit->vfirst = h - f->npre;
        hit->vend = h + 1 + f->npart;
        return 1;
    }
    /* a verb with a pre-word whose first word the chunker took as the
     * verb: "will not wire tap" (WIRE_+TAP) */
    if (h + 1 < s->ntok) {
        const tok *t2 = &s->toks[h + 1];
        n = dict_verb_forms(d, t2->norm, t2->nlen, &ids);
        for (uint32_t k = 0; k < n; k++) {
            const verb_form *f = &d->forms[ids[k]];
            if (!f->npre || f->npre > h + 1) continue;
            int ok = 1;
            for (uint32_t j = 0; ok && j < f->npre; j++)
                ok = tok_is(s, h + 1 - f->npre + j, d->pat_words[f->pre + j]);
            for (uint32_t j = 0; ok && j < f->npart; j++)
                ok = tok_is(s, h + 2 + j, d->pat_words[f->part + j]);
            if (!ok) continue;
            hit->form = f;
            hit->vfirst = h + 1 - f->npre;
            hit->vend = h + 2 + f->npart;
            return 1;
        }
    }
    return 0;
}

static int is_comma(const sentence *s, uint32_t i) {
    return s->toks[i].tag == T_COMMA;
}

/* Start of the verb's stretch: just after the nearest kept comma before
 * it, or the sentence start. */
static uint32_t stretch_start(const sent_ctx *c, uint32_t vfirst) {
    for (uint32_t i = vfirst; i-- > 0;) {
        if (!is_comma(c->s, i) || c->deleted[i]) continue;
        /* commas inside an actor unit ("A, B and C") and the closing comma
         * of a deleted clause do not start a new stretch */
        if (c->unit_of[i] >= 0) continue;
        if (i > 0 && c->deleted[i - 1]) continue;
        return i + 1;
    }
    return 0;
}

/* Index of the chunk at or after token p. */
static uint32_t chunk_at(const sentence *s, uint32_t p) {
    if (p >= s->ntok) return s->nchunk;
    return s->toks[p].chunk >= 0 ? (uint32_t)s->toks[p].chunk : s->nchunk;
}

/* End of the verb's phrase: the lower part stops where a coordinated verb
 * ("... and promised aid") or a new comma clause with its own verb
 * ("..., a senior official said") begins, or at the sentence end. */
static uint32_t phrase_end(const sent_ctx *c, uint32_t vend) {
    const sentence *s = c->s;
    for (uint32_t i = vend; i < s->ntok; i++) {
        if (c->deleted[i]) continue;
        const tok *t = &s->toks[i];
        if (t->tag == T_PERIOD) return i;
        if (t->tag == T_CC || is_comma(s, i)) {
            /* look at the chunks after it: NP* then a verb group */
            uint32_t k = chunk_at(s, i) + 1;
            while (k < s->nchunk &&
                   (s->chunks[k].kind == CK_NP ||
                    s->chunks[k].kind == CK_ADVP ||
                    (s->chunks[k].kind == CK_PUNCT &&
                     s->toks[s->chunks[k].first].tag == T_COMMA) ||
                    c->deleted[s->chunks[k].first]))
                k++;
            if (k < s->nchunk && s->chunks[k].kind == CK_VG &&
                !(s->chunks[k].vflags & VG_INFINITIVE)) {
                /* ", it seems," is a parenthetical: the phrase goes on */
                uint32_t after = s->chunks[k].end;
                if (is_comma(s, i) && after < s->ntok && after - i <= 4 &&
                    is_comma(s, after))
                    continue;
                return i;
            }
        }
    }
    return s->ntok;
}

/* First unit with a real actor in [lo, hi), or first unit at all. */
static int32_t first_unit(const sent_ctx *c, uint32_t lo, uint32_t hi,
                          int coded, const unit *differ) {
    for (uint32_t i = 0; i < c->nunits; i++) {
        const unit *u = &c->units[i];
        if (u->first < lo || u->first >= hi) continue;
        if (c->deleted[u->first]) continue;
        if (coded != !!u->coded) continue;
        if (differ && u->ncodes && differ->ncodes &&
            strcmp(u->codes[0], differ->codes[0]) == 0)
            continue;
        return (int32_t)i;
    }
    return -1;
}

static int32_t last_unit(const sent_ctx *c, uint32_t lo, uint32_t hi,
                         int coded, const unit *differ) {
    for (uint32_t i = c->nunits; i-- > 0;) {
        const unit *u = &c->units[i];
        if (u->first < lo || u->end > hi) continue;
        if (c->deleted[u->first]) continue;
        if (coded != !!u->coded) continue;
        if (differ && u->ncodes && differ->ncodes &&
            strcmp(u->codes[0], differ->codes[0]) == 0)
            continue;
        return (int32_t)i;
    }
    return -1;
}

void code_sentence_verbs(sent_ctx *c, event_list *out) {
    const sentence *s = c->s;
    const dict *d = &c->e->d;
    uint32_t ci = 0;
    while (ci < s->nchunk) {
        const chunk *ch = &s->chunks[ci];
        if (ch->kind != CK_VG || c->deleted[ch->head]) {
            ci++;
            continue;
        }
        verb_hit hit;
        if (!find_verb(c, ch->head, &hit)) {
            trace_add(c, "verb %s: not in the verb dictionary\n",
                      s->toks[ch->head].norm);
            ci++;
            continue;
        }
        const verb_block *blk = &d->blocks[hit.form->block];
        uint32_t lo = stretch_start(c, hit.vfirst);
        uint32_t hi = phrase_end(c, hit.vend);
        const char *code = hit.form->code, *rcode = hit.form->rcode;
        const pattern *fired = NULL;
        match_result m = {-1, -1, -1, hit.vfirst, hit.vend};
        for (uint32_t k = 0; k < blk->n; k++) {
            const pattern *p = &d->patterns[blk->first + k];
            match_result mm;
            if (!match_pattern(c, p, hit.vfirst, hit.vend, lo, hi, &mm))
                continue;
            if (strcmp(p->code, "---") == 0 && !p->rcode[0]) continue;
            fired = p;
            m = mm;
            code = p->code;
            rcode = p->rcode;
            break;
        }
        const char *rule_file =
            fired ? d->files[fired->file] : d->files[hit.form->file];
        uint32_t rule_line = fired ? fired->line : hit.form->line;
        if ((!code[0] || strcmp(code, "---") == 0) && !rcode[0]) {
            trace_add(c, "verb %s (%s:%u): null code, no event\n",
                      s->toks[ch->head].norm, rule_file, rule_line);
            ci++;
            continue;
        }
        if (!c->e->linear && (ch->vflags & VG_NEG)) {
            trace_add(c, "verb %s: negated, no event\n",
                      s->toks[ch->head].norm);
            ci = chunk_at(s, hi);
            if (ci <= (uint32_t)(ch - s->chunks)) ci = (uint32_t)(ch - s->chunks) + 1;
            continue;
        }

        /* roles */
        int32_t src = m.source, tgt = m.target;
        if (m.compound >= 0 && m.source == m.compound) tgt = m.compound;
        if (m.compound >= 0 && m.source != m.compound) tgt = m.compound;
        if (src < 0) {
            src = first_unit(c, lo, hit.vfirst, 1, NULL);
            if (src < 0) src = first_unit(c, lo, hit.vfirst, 0, NULL);
        }
        const unit *su = src >= 0 ? &c->units[src] : NULL;
        if (tgt < 0) {
            tgt = first_unit(c, hit.vend, hi, 1, su);
            if (tgt < 0) tgt = first_unit(c, hit.vend, hi, 0, NULL);
            if (tgt < 0) tgt = last_unit(c, lo, hit.vfirst, 1, su);
            if (tgt < 0 && src >= 0) {
                int32_t t2 = last_unit(c, lo, hit.vfirst, 0, NULL);
                if (t2 != src) tgt = t2;
            }
        }
        if (tgt == src && m.compound < 0) tgt = -1;
        /* "A and B renewed ties": a compound with no other target acts on
         * itself, one event per ordered pair */
        int self_compound = 0;
        if (src >= 0 && c->units[src].compound && c->units[src].ncodes > 1 &&
            (tgt < 0 || !c->units[tgt].coded) && m.target < 0) {
            tgt = src;
            self_compound = 1;
        }
        /* passive: "B was opposed by A" */
        int passive = 0;
        if ((ch->vflags & VG_PASSIVE) && m.source < 0) {
            for (uint32_t q = hit.vend; q < hi && !passive; q++)
                passive = tok_is(s, q, c->e->w_by) && !c->deleted[q];
            if (passive) {
                int32_t tmp = src;
                src = tgt;
                tgt = tmp;
            }
        }
        trace_add(c, "verb %s -> %s (%s:%u)%s\n", s->toks[ch->head].norm,
                  code[0] ? code : rcode, rule_file, rule_line,
                  passive ? " passive: roles swapped" : "");
        event_add_pairs(c, out, src, tgt, code, rcode,
                        m.compound >= 0 || self_compound,
                        ch - s->chunks, rule_file, rule_line);
        /* resume after the verb's phrase */
        uint32_t next = chunk_at(s, hi);
        ci = next > ci ? next : ci + 1;
    }
}
