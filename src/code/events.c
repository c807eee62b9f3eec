/* coder_events.c -- turning a coded verb and its actor units into events.
 *
 * Every source code is paired with every target code ("A and B attacked C"
 * gives A->C and B->C); a pair with the same code on both sides is no event.
 * A reciprocal code [A:B] adds the reversed event with code B ("X visited
 * Y" also gives Y hosting X). Each event carries its evidence: the text of
 * the sentence, of the source and target phrases and of the verb group.
 */
#include <stdio.h>
#include <string.h>

#include "code/coder.h"
#include "util/strfmt.h"

/* A direct-mapped cache (a newer string takes an older one's slot), so
 * that it costs one hash and one compare and never grows; a short
 * document has none (doc_state.strs). */
const char *events_intern(sent_ctx *c, const char *s, size_t n) {
    intern_slot *v = c->ds ? c->ds->strs : NULL;
    if (!v || n > 64) return arena_strndup(c->pa, s, n);
    /* the slot from the length and the first and last 8 bytes (a clash
     * costs a copy, not a wrong string: the compare decides) */
    uint64_t head = 0, tail = 0;
    memcpy(&head, s, n < 8 ? n : 8);
    memcpy(&tail, s + (n > 8 ? n - 8 : 0), n < 8 ? n : 8);
    uint64_t m = (head * 0x9E3779B97F4A7C15ull) ^ (tail * 0xC2B2AE3D27D4EB4Full) ^ n;
    uint32_t h = (uint32_t)(m >> 32) ^ (uint32_t)m;
    intern_slot *e = &v[(h ^ (h >> 16)) & (INTERN_SLOTS - 1)];
    if (e->s && e->hash == h && e->len == n && !memcmp(e->s, s, n))
        return e->s;
    const char *p = arena_strndup(c->pa, s, n);
    e->s = p;
    e->hash = h;
    e->len = (uint32_t)n;
    return p;
}

static const char *span_text(sent_ctx *c, uint32_t first, uint32_t end,
                             dyad_span *sp) {
    const sentence *s = c->s;
    if (first >= end || end > s->ntok) {
        sp->off = sp->len = 0;
        return "";
    }
    uint32_t a = s->toks[first].off;
    uint32_t b = s->toks[end - 1].off + s->toks[end - 1].len;
    sp->off = s->doc_off + a;
    sp->len = b - a;
    return events_intern(c, s->text + a, b - a);
}

/* Codes whose act is mutual by its nature: consult (040), telephone
 * (041), meet at a third place (044), negotiate (046), sign a formal
 * agreement (057), express accord (019). Visits (042/043) have their
 * own pair; most others have a direction. */
int events_symmetric_code(const char *code) {
    static const char *const sym[] = {"040", "041", "044", "046", "057",
                                      "019", NULL};
    for (const char *const *p = sym; *p; p++)
        if (!strcmp(code, *p)) return 1;
    return 0;
}

static int is_null(const char *code) {
    return !code || !code[0] || strcmp(code, "---") == 0;
}

/* "Beijing will supply the archipelago with ... Chinese troops", "Seoul
 * suspended the pact and resumed broadcasts along the border": giving aid
 * (06, 07) and cutting relations (16) are acts between countries, so one
 * country acting so on itself is a misreading; meetings and cooperation
 * (04, 05) inside one country are between the state and those outside it
 * (the opposition, rebels, the people), not between the state and its own
 * organs (SYR -> SYRGOV, CHNGOV <-> CHNMIL). Protests, coercion and
 * violence (14, 17-20) have such pairs as domestic events. */

static int self_dealing(const char *src, const char *tgt, const char *code) {
    if (strlen(src) < 3 || strlen(tgt) < 3 || memcmp(src, tgt, 3) != 0 ||
        !memcmp(src, "---", 3) || !memcmp(src, "IGO", 3) ||
        !memcmp(src, "NGO", 3) || !memcmp(src, "IMG", 3))
        return 0;
    if (code[0] == '1' && code[1] == '6') return 1;
    if (code[0] != '0') return 0;
    if (code[1] == '6' || code[1] == '7') return 1;
    /* "Iran welcomed what its spokesman called ...", "MOFA thanks the
     * friends of Taiwan": a bare country and one of its own state organs
     * are one side, whatever statement or cooperation (01, 05)
     * is read between them */
    if ((code[1] == '1' || code[1] == '5') &&
        ((!src[3] && code_state_organ(tgt)) || (!tgt[3] && code_state_organ(src))))
        return 1;
    /* (a visit or praise of one's own forces does happen: "the president
     * visited troops", "the government praised the army") */
    if ((code[1] == '4' && code[2] != '2' && code[2] != '3') ||
        (code[1] == '5' && code[2] != '1'))
        return code_state_organ(src) && code_state_organ(tgt);
    /* ... but no government visits or hosts its own country as a place:
     * "Turkey would host the summit in Istanbul", "the president flew
     * home to Tajikistan", nor means to (036: "a delegation would travel
     * to Honiara" when the delegation was taken for Solomon Islands'),
     * nor promises anything to it: "Hollande promised that France would
     * help Burkina Faso" is no promise of the government to France */
    if (code[1] == '4' || code[1] == '3')
        return (!src[3] && !strcmp(tgt + 3, "GOV")) ||
               (!tgt[3] && !strcmp(src + 3, "GOV"));
    return 0;
}

/* "conveyed India's support for the people of Bangladesh", "reaffirmed
 * Argentina's commitment to reform": a government's own country as the
 * possessor of what it offers is the offer's owner, not its addressee; a
 * cooperative statement (01-05) to it is no event. */
static int own_possessor(const sent_ctx *c, const char *src, const char *tgt,
                         const char *code, int32_t tu) {
    /* (a bare country: "Kenya's police officers" are an actor) */
    if (tu < 0 || code[0] != '0' || code[1] < '1' || code[1] > '5' || strlen(tgt) != 3)
        return 0;
    if (strlen(src) < 3 || strlen(tgt) < 3 || memcmp(src, tgt, 3) != 0 ||
        !memcmp(src, "---", 3) || !memcmp(src, "IGO", 3) ||
        !memcmp(src, "NGO", 3) || !memcmp(src, "IMG", 3))
        return 0;
    const sentence *s = c->s;
    /* the possessive inside the phrase ("Taiwan's willingness") or
     * right after it */
    uint32_t e = c->units[tu].end;
    for (uint32_t i = c->units[tu].first; i <= e && i < s->ntok; i++)
        if (s->toks[i].tag == T_POS) return 1;
    return 0;
}

/* "Japan protested to China", "Tokyo protested Beijing's incursion": a
 * state or government protesting (140, 141) to another country complains
 * officially (114); strikes and blockades (142-145) are its people's. */
static const char *official_protest(const char *src, const char *tgt,
                                    const char *code) {
    if (code[0] != '1' || code[1] != '4' || strlen(src) < 3 || strlen(tgt) < 3 ||
        !memcmp(src, tgt, 3) || !memcmp(src, "---", 3) || !memcmp(tgt, "---", 3) ||
        !memcmp(src, "IGO", 3) || !memcmp(src, "NGO", 3) || !memcmp(src, "IMG", 3))
        return code;
    /* (a bare country protesting may be its people: "Palestinian prisoners
     * began a hunger strike"; only the plain verb is the state's) */
    if (!strcmp(src + 3, "GOV") ? code[2] <= '1' : !src[3] && !strcmp(code, "140"))
        return "114";
    return code;
}

/* "---REB", "---INS", "---UAF": an armed group no country was found for. */
static int armed_agent(const char *code) {
    return !strncmp(code, "---", 3) && strlen(code) == 6 &&
           (!strcmp(code + 3, "REB") || !strcmp(code + 3, "INS") || !strcmp(code + 3, "UAF"));
}

static void push(sent_ctx *c, event_list *out, const char *src,
                 const char *tgt, const char *code, int32_t su, int32_t tu,
                 long verb_chunk, const char *rule) {
    if (is_null(code)) return;
    if (c->opt->require_dyad && (is_null(src) || is_null(tgt))) return;
    /* an agent no country was found for ("the president", "lawmakers",
     * "the attorney general") is the story's country's */
    char sbuf[64], tbuf[64];
    /* "Chad's military government signed a peace deal with rebel
     * groups": armed groups a state talks, agrees or yields to with no
     * country named are its own, wherever the deal is signed (the
     * story's country may be the venue's: a Doha dateline) */
    if (!strncmp(code, "03", 2) || !strncmp(code, "04", 2) ||
        !strncmp(code, "05", 2) || !strncmp(code, "08", 2)) {
        if (armed_agent(tgt) && code_is_state(src) && strncmp(src, "---", 3)) {
            snprintf(tbuf, sizeof tbuf, "%.3s%s", src, tgt + 3);
            tgt = tbuf;
        } else if (armed_agent(src) && code_is_state(tgt) && strncmp(tgt, "---", 3)) {
            snprintf(sbuf, sizeof sbuf, "%.3s%s", tgt, src + 3);
            src = sbuf;
        }
    }
    const char *f = NULL;
    if ((!strncmp(src, "---", 3) && src[3]) || (!strncmp(tgt, "---", 3) && tgt[3]))
        f = context_focus(c);
    if (f && !strncmp(src, "---", 3) && src[3]) {
        snprintf(sbuf, sizeof sbuf, "%.3s%s", f, src + 3);
        src = sbuf;
    }
    if (f && !strncmp(tgt, "---", 3) && tgt[3]) {
        snprintf(tbuf, sizeof tbuf, "%.3s%s", f, tgt + 3);
        tgt = tbuf;
    }
    if (f && !strcmp(src, tgt)) return;
    /* "police fired on protesters" in a story that never says where: roles
     * of no known country on both sides are no dyad anyone can place */
    if (c->opt->require_dyad && !strncmp(src, "---", 3) && !strncmp(tgt, "---", 3))
        return;
    /* ... nor one side of no known country at all ("The Authority
     * requested the AU ...", "---GOV"): no user can place it, and no
     * coder's gold has it */
    if (c->opt->require_dyad && c->e->rules->pronouns &&
        (!strncmp(src, "---", 3) || !strncmp(tgt, "---", 3)))
        return;
    if (self_dealing(src, tgt, code)) return;
    /* "migrants arriving in the Greek islands", "a young man who had
     * travelled to Kabylie": civilians and refugees who travel pay no
     * visit (042) and are hosted by no one (043) */
    if (!strcmp(code, "042") || !strcmp(code, "043")) {
        const char *r = code_role(code[2] == '2' ? src : tgt);
        if (!strcmp(r, "CVL") || !strcmp(r, "REF")) return;
    }
    /* "Vucic, speaking to reporters", "spoke to the media": talking to
     * the press is no consultation (04, not visits) of the two */
    if (code[0] == '0' && code[1] == '4' && code[2] != '2' && code[2] != '3' &&
        (!strcmp(code_role(src), "MED") || !strcmp(code_role(tgt), "MED")))
        return;
    if (su != tu && own_possessor(c, src, tgt, code, tu)) return;
    code = official_protest(src, tgt, code);
    /* "the UK's expulsion of Russian diplomats", "deported the envoy":
     * sending a government's people or an organisation's out is expelling
     * diplomats (166); deporting individuals (174) is for the rest */
    if (!strcmp(code, "174") && strlen(tgt) >= 6 &&
        (!strcmp(tgt + strlen(tgt) - 3, "GOV") || !strncmp(tgt, "IGO", 3)))
        code = "166";
    /* the same triple twice in one sentence is one event */
    uint32_t first_of_sentence = out->n;
    while (first_of_sentence > 0 &&
           out->ev[first_of_sentence - 1].sentence == c->s->index)
        first_of_sentence--;
    for (uint32_t i = first_of_sentence; i < out->n; i++)
        if (strcmp(out->ev[i].source, src) == 0 &&
            strcmp(out->ev[i].target, tgt) == 0 &&
            strcmp(out->ev[i].code, code) == 0)
            return;
    if (out->n >= out->cap) {
        uint32_t ncap = out->cap ? out->cap * 2 : 64;
        dyad_event *nv = mem_realloc(out->m, out->ev, (size_t)ncap * sizeof *nv);
        if (!nv) return; /* (mem_realloc unwinds when it can) */
        out->ev = nv;
        out->cap = ncap;
        if (out->home) *out->home = nv, *out->home_cap = ncap;
    }
    dyad_event *e = &out->ev[out->n++];
    memset(e, 0, sizeof *e);
    const sentence *s = c->s;
    e->sentence = s->index;
    /* (codes the coder made live in the sentence's scratch) */
    e->source = events_intern(c, src, strlen(src));
    e->target = events_intern(c, tgt, strlen(tgt));
    str_copy(e->code, sizeof e->code, code, sizeof e->code);
    str_copy(e->root, sizeof e->root, code, 2);
    const cameo_entry *ce = engine_cameo(c->e, code);
    if (ce) {
        e->quad = ce->quad;
        e->goldstein = ce->goldstein;
    }
    e->sentence_span.off = s->doc_off;
    e->sentence_span.len = s->len;
    if (!c->span_text && !c->ptext)
        c->ptext = arena_strndup(c->pa, s->text, s->len);
    e->sentence_text = c->span_text ? NULL : c->ptext;
    e->source_text = su >= 0 ? span_text(c, c->units[su].first,
                                         c->units[su].end, &e->source_span)
                             : "";
    e->target_text = tu >= 0 ? span_text(c, c->units[tu].first,
                                         c->units[tu].end, &e->target_span)
                             : "";
    const chunk *vg = &s->chunks[verb_chunk];
    e->verb_text = span_text(c, vg->first, vg->end, &e->verb_span);
    e->rule = rule;
    e->issues = "";
}

/* The rule's "file:line", formatted once per document and rule: a long
 * document repeats a few hundred rules thousands of times. */
static const char *rule_name(sent_ctx *c, const char *file, uint32_t line) {
    doc_state *ds = c->ds;
    if (!ds) return arena_file_line(c->pa, file, line);
    uint32_t h = (line * 2654435761u ^ (uint32_t)(uintptr_t)file) >> 26;
    if (ds->rules[h].file == file && ds->rules[h].line == line && ds->rules[h].name)
        return ds->rules[h].name;
    ds->rules[h].file = file;
    ds->rules[h].line = line;
    ds->rules[h].name = arena_file_line(c->pa, file, line);
    return ds->rules[h].name;
}

void events_add_pairs(sent_ctx *c, event_list *out, int32_t src, int32_t tgt,
                     const char *code, const char *rcode, int compound,
                     long verb_chunk, const char *rule_file,
                     uint32_t rule_line) {
    static const char *const null_code[1] = {"---"};
    const char *const *sc = null_code, *const *tc = null_code;
    uint32_t ns = 1, nt = 1;
    if (src >= 0 && c->units[src].ncodes) {
        sc = c->units[src].codes;
        ns = c->units[src].ncodes;
    }
    if (tgt >= 0 && c->units[tgt].ncodes) {
        tc = c->units[tgt].codes;
        nt = c->units[tgt].ncodes;
    }
    const char *rule = rule_name(c, rule_file, rule_line);
    /* "X met Y", "X signed a deal with Y": both took part */
    if (!rcode[0] && c->e->rules->symmetric && events_symmetric_code(code))
        rcode = code;
    if (compound && src == tgt && src >= 0) {
        /* "A and B agreed": A->B with the active code, B->A with the
         * reciprocal one (or the same code when there is none) */
        for (uint32_t i = 0; i < ns; i++)
            for (uint32_t j = i + 1; j < ns; j++) {
                if (strcmp(sc[i], sc[j]) == 0) continue;
                push(c, out, sc[i], sc[j], code[0] ? code : rcode, src, src,
                     verb_chunk, rule);
                push(c, out, sc[j], sc[i], rcode[0] ? rcode : code, src, src,
                     verb_chunk, rule);
            }
        return;
    }
    for (uint32_t i = 0; i < ns; i++)
        for (uint32_t j = 0; j < nt; j++) {
            if (strcmp(sc[i], tc[j]) == 0) continue;
            push(c, out, sc[i], tc[j], code, src, tgt, verb_chunk, rule);
            if (rcode[0])
                push(c, out, tc[j], sc[i], rcode, tgt, src, verb_chunk, rule);
        }
}
