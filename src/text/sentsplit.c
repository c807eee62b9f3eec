/* sentsplit.c -- rule-based sentence boundary detection; see sentsplit.h.
 *
 * One forward scan. Every byte is visited a bounded number of times: a
 * terminator looks back at most one short word and forward over white space
 * to the next word, a length cut rescans at most the tail after the last
 * space, and a newline scans the blanks after it. So a 3 MB document with no
 * punctuation at all costs the same per byte as ordinary prose.
 */
#include "text/sentsplit.h"

#include <string.h>
#include <utf8proc.h>

#include "util/swar.h"
#include "text/utf8norm.h"

/* Words that take a period but are not sentence ends by themselves. Kept
 * case-sensitive: "Gen." is a title, "gen." is not. */
typedef struct abbrev_entry {
    const char *word;
    unsigned char kind; /* sent_abbrev */
} abbrev_entry;

/* Sorted by strcmp (byte order) for the binary search in
 * sent_abbrev_kind. The kinds: SA_TITLE titles and ranks ("Gen.
 * Thorongil"); SA_OTHER months (May needs no period), companies, places
 * and the like, which can end a sentence; SA_NUMERIC only before a number
 * ("No. 10", but "The answer was No."). */
static const abbrev_entry ABBREVS[] = {
    {"Adm", SA_TITLE}, {"Amb", SA_TITLE}, {"Apr", SA_OTHER},
    {"Assn", SA_OTHER}, {"Aug", SA_OTHER}, {"Ave", SA_OTHER},
    {"Blvd", SA_OTHER}, {"Brig", SA_TITLE}, {"Bros", SA_OTHER},
    {"Capt", SA_TITLE}, {"Cmdr", SA_TITLE}, {"Cmdt", SA_TITLE},
    {"Co", SA_OTHER}, {"Col", SA_TITLE}, {"Corp", SA_OTHER},
    {"Cos", SA_OTHER}, {"Cpl", SA_TITLE}, {"Dec", SA_OTHER},
    {"Dept", SA_OTHER}, {"Det", SA_TITLE}, {"Dr", SA_TITLE},
    {"Feb", SA_OTHER}, {"Fig", SA_OTHER}, {"Fr", SA_TITLE}, {"Ft", SA_TITLE},
    {"Gen", SA_TITLE}, {"Gens", SA_TITLE}, {"Gov", SA_TITLE},
    {"Gov't", SA_OTHER}, {"Hon", SA_TITLE}, {"Inc", SA_OTHER},
    {"Insp", SA_TITLE}, {"Jan", SA_OTHER}, {"Jr", SA_OTHER},
    {"Jul", SA_OTHER}, {"Jun", SA_OTHER}, {"Lieut", SA_TITLE},
    {"Lt", SA_TITLE}, {"Ltd", SA_OTHER}, {"Maj", SA_TITLE}, {"Mar", SA_OTHER},
    {"Messrs", SA_TITLE}, {"Mlle", SA_TITLE}, {"Mme", SA_TITLE},
    {"Mr", SA_TITLE}, {"Mrs", SA_TITLE}, {"Ms", SA_TITLE}, {"Mt", SA_TITLE},
    {"No", SA_NUMERIC}, {"Nos", SA_NUMERIC}, {"Nov", SA_OTHER},
    {"Oct", SA_OTHER}, {"Pres", SA_TITLE}, {"Prof", SA_TITLE},
    {"Pvt", SA_TITLE}, {"Rd", SA_OTHER}, {"Rep", SA_TITLE},
    {"Reps", SA_TITLE}, {"Rev", SA_TITLE}, {"Sen", SA_TITLE},
    {"Sens", SA_TITLE}, {"Sep", SA_OTHER}, {"Sept", SA_OTHER},
    {"Sgt", SA_TITLE}, {"Sr", SA_OTHER}, {"St", SA_OTHER}, {"Supt", SA_TITLE},
    {"Univ", SA_OTHER}, {"Vol", SA_OTHER}, {"al", SA_OTHER},
    {"approx", SA_OTHER}, {"cf", SA_OTHER}, {"etc", SA_OTHER},
    {"no", SA_NUMERIC}, {"v", SA_OTHER}, {"vs", SA_OTHER},
};

static int is_alpha(int c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_space(int c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
           c == '\v';
}

/* Compares entry e (NUL-terminated) with w[0..n) in byte order, as
 * strcmp would with w as a string. */
static int abbrev_cmp(const char *e, const char *w, size_t n) {
    for (size_t j = 0; j < n; j++) {
        if (!e[j]) return -1; /* e is a proper prefix of w */
        if (e[j] != w[j]) return (unsigned char)e[j] < (unsigned char)w[j] ? -1 : 1;
    }
    return e[n] ? 1 : 0;
}

sent_abbrev sent_abbrev_kind(const char *w, size_t n) {
    if (n == 0 || n > 12) return SA_NONE;
    /* binary search: this runs at every period of every text, and a scan
     * of the whole table cost ~1 % of the coder's time */
    size_t lo = 0, hi = sizeof ABBREVS / sizeof ABBREVS[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = abbrev_cmp(ABBREVS[mid].word, w, n);
        if (!c) return (sent_abbrev)ABBREVS[mid].kind;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    if (n == 1 && w[0] >= 'A' && w[0] <= 'Z') return SA_INITIAL;
    /* acronyms: one- or two-letter segments joined by periods, at least
     * two segments: U.S, U.N, K.U, e.g, i.e, a.m, Ph.D */
    size_t seg = 0, nseg = 1;
    for (size_t i = 0; i < n; i++) {
        if (is_alpha((unsigned char)w[i])) {
            if (++seg > 2) return SA_NONE;
        } else if (w[i] == '.' && seg > 0 && i + 1 < n) {
            seg = 0;
            nseg++;
        } else {
            return SA_NONE;
        }
    }
    return nseg >= 2 ? SA_ACRONYM : SA_NONE;
}

/* Words that usually open a sentence, so "... in the U.S. The next day"
 * splits while "the U.S. State Department" does not. */
static const char *const STARTERS[] = {
    "The", "A", "An", "It", "Its", "He", "She", "His", "Her", "They",
    "Their", "We", "Our", "I", "You", "This", "That", "These", "Those",
    "There", "In", "On", "At", "But", "And", "Or", "So", "Yet", "However",
    "Meanwhile", "After", "Before", "When", "While", "If", "As", "Some",
    "Many", "Most", "Both", "All", "Earlier", "Later", "Last", "Then",
    "Officials", "What", "Why", "How", "Who", NULL,
};

static int is_starter(const char *s, uint32_t p, uint32_t len) {
    uint32_t e = p;
    while (e < len && is_alpha((unsigned char)s[e])) e++;
    if (e < len && (unsigned char)s[e] >= 0x80) return 0; /* longer word */
    for (int i = 0; STARTERS[i]; i++) {
        size_t n = strlen(STARTERS[i]);
        if (n == e - p && memcmp(STARTERS[i], s + p, n) == 0) return 1;
    }
    return 0;
}

/* After a closed quotation: '"Why?" Faramir asked.' or '"Go!" Gen. Hurin
 * shouted.' -- up to three capitalised words and then a reporting verb mean
 * the quotation is the object of the same sentence. */
static int reporting_follows(const char *s, uint32_t p, uint32_t len) {
    static const char *const VERBS[] = {
        "said", "says", "asked", "asks", "told", "tells", "added", "adds",
        "replied", "shouted", "wrote", "writes", "declared", "insisted",
        "warned", "stated", "explained", "noted", NULL,
    };
    for (int words = 0; words < 4 && p < len; words++) {
        uint32_t e = p;
        while (e < len && (is_alpha((unsigned char)s[e]) || s[e] == '.' ||
                           s[e] == '-'))
            e++;
        if (e == p) return 0;
        uint32_t we = e; /* "asked." compares as "asked" */
        while (we > p && s[we - 1] == '.') we--;
        for (int i = 0; words > 0 && VERBS[i]; i++) {
            size_t n = strlen(VERBS[i]);
            if (n == we - p && memcmp(VERBS[i], s + p, n) == 0) return 1;
        }
        if (!(s[p] >= 'A' && s[p] <= 'Z') || words == 3) return 0;
        p = e;
        if (p >= len || s[p] != ' ') return 0;
        p++;
    }
    return 0;
}

/* Opening punctuation that may precede the first word of a sentence. */
static int is_opener(int c) {
    return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{';
}

static int is_closer(int c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}';
}

/* Kind of the first character of the next word, at or after p. */
enum { NX_END, NX_LOWER, NX_UPPER, NX_DIGIT, NX_OTHER };

static int next_kind(const char *s, uint32_t p, uint32_t len, uint32_t *word) {
    while (p < len && is_opener((unsigned char)s[p])) p++;
    *word = p;
    if (p >= len) return NX_END;
    unsigned char c = (unsigned char)s[p];
    if (c >= 'a' && c <= 'z') return NX_LOWER;
    if (c >= 'A' && c <= 'Z') return NX_UPPER;
    if (is_digit(c)) return NX_DIGIT;
    if (c >= 0x80) {
        uint32_t cp;
        if (utf8_decode((const unsigned char *)s + p, len - p, &cp) > 0) {
            utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)cp);
            if (k == UTF8PROC_CATEGORY_LL) return NX_LOWER;
            if (k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT)
                return NX_UPPER;
        }
    }
    return NX_OTHER;
}

/* Decides whether the terminator run s[i..j), followed by closing
 * punctuation up to k and then white space (or the end), ends a sentence
 * that started at start. */
static int is_boundary(const char *s, uint32_t start, uint32_t i, uint32_t j,
                       uint32_t k, uint32_t len) {
    uint32_t p = k;
    while (p < len && is_space((unsigned char)s[p])) p++;
    uint32_t w;
    int nk = next_kind(s, p, len, &w);
    if (nk == NX_END) return 1;
    /* '"Why?" he asked', 'the deal... was signed': the sentence goes on */
    if (nk == NX_LOWER) return 0;
    if (k > j && s[j] == '"' && nk == NX_UPPER && reporting_follows(s, w, len))
        return 0;                            /* '"Why?" Faramir asked.' */
    if (j - i > 1 || s[i] != '.') return 1; /* "?", "!", "?!", "..." */
    if (k > j) return 1;                     /* period inside a quote: .") */
    /* the word before the period, back to white space or an opener */
    uint32_t b = i;
    while (b > start && i - b < 16 && !is_space((unsigned char)s[b - 1]) &&
           !is_opener((unsigned char)s[b - 1]))
        b--;
    switch (sent_abbrev_kind(s + b, i - b)) {
    case SA_NONE:
        return 1;
    case SA_TITLE:
        return 0; /* "Gen. Thorongil", "Mr. Elessar" */
    case SA_NUMERIC:
        return nk != NX_DIGIT; /* "No. 10" */
    default:
        /* "Jan. 5", "U.S. 90-day": no; "the U.S. The": yes;
         * "the U.S. Senate", "John F. Kennedy": no */
        if (nk == NX_DIGIT) return 0;
        return nk == NX_UPPER && is_starter(s, w, len);
    }
}

/* Appends the trimmed span s[b..e) when it is not blank. */
static void push_span(arena *a, const char *s, uint32_t b, uint32_t e,
                      sent_span **v, uint32_t *n, size_t *cap) {
    while (b < e && is_space((unsigned char)s[b])) b++;
    while (e > b && is_space((unsigned char)s[e - 1])) e--;
    if (e == b) return;
    ARENA_GROW(a, *v, *n, *cap);
    (*v)[*n].off = b;
    (*v)[*n].len = e - b;
    (*n)++;
}

/* Bytes that stop sent_split's fast scan: control bytes (below ' ': the
 * white space other than ' ' and the newline among them) and the
 * terminators '.', '!', '?'. */
static inline uint64_t swar_stop(uint64_t x) {
    return swar_zero(x & (SWAR_ONES * 0xE0u)) | swar_eq(x, '.') |
           swar_eq(x, '!') | swar_eq(x, '?');
}

uint32_t sent_split(arena *a, const char *s, uint32_t len, sent_span **out) {
    sent_span *v = NULL;
    uint32_t n = 0;
    size_t cap = 0;
    uint32_t start = 0, i = 0;
    int64_t last_ws = -1; /* last white space inside the current sentence */
    if (!s) len = 0;
    while (i < len && is_space((unsigned char)s[i])) i++;
    start = i;
    while (i < len) {
        if (i - start >= SENT_MAX_LEN) {
            /* Too long without a boundary: cut at the last space, or at a
             * character boundary when there is none (one giant "word"). */
            uint32_t cut;
            if (last_ws > (int64_t)start) {
                cut = (uint32_t)last_ws;
            } else {
                cut = start + SENT_MAX_LEN;
                while (cut > start && ((unsigned char)s[cut] & 0xC0) == 0x80)
                    cut--;
                if (cut == start) cut = start + SENT_MAX_LEN;
            }
            push_span(a, s, start, cut, &v, &n, &cap);
            i = cut;
            while (i < len && is_space((unsigned char)s[i])) i++;
            start = i;
            last_ws = -1;
            continue;
        }
        /* Ordinary bytes and plain spaces only advance i (a space also
         * sets last_ws): skip a run of them, up to the length cut, 8 bytes
         * at a time and then byte by byte, instead of going through every
         * test below per byte. */
        uint32_t lim = len - start > SENT_MAX_LEN ? start + SENT_MAX_LEN : len;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        while (lim - i >= 8) {
            uint64_t x = swar_load(s + i);
            if (swar_stop(x)) break;
            uint64_t sp = swar_eq(x, ' ');
            if (sp) /* the last space of the 8 (little-endian: top byte) */
                last_ws = i + (uint32_t)(63 - __builtin_clzll(sp)) / 8;
            i += 8;
        }
#endif
        while (i < lim) {
            unsigned char b = (unsigned char)s[i];
            if (b == ' ') last_ws = i;
            else if (b < ' ' || b == '.' || b == '!' || b == '?') break;
            i++;
        }
        if (i >= lim) continue; /* the end, or the cut above */
        unsigned char c = (unsigned char)s[i];
        if (c == '\n') {
            /* a blank line (possibly holding spaces) is a paragraph break */
            uint32_t j = i + 1;
            while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
                j++;
            if (j < len && s[j] == '\n') {
                push_span(a, s, start, i, &v, &n, &cap);
                i = j;
                while (i < len && is_space((unsigned char)s[i])) i++;
                start = i;
                last_ws = -1;
                continue;
            }
        }
        if (is_space(c)) {
            last_ws = i;
            i++;
            continue;
        }
        if (c == '.' || c == '!' || c == '?') {
            uint32_t j = i;
            while (j < len && (s[j] == '.' || s[j] == '!' || s[j] == '?')) j++;
            uint32_t k = j;
            while (k < len && k - j < 4 && is_closer((unsigned char)s[k])) k++;
            if ((k == len || is_space((unsigned char)s[k])) &&
                k - start <= SENT_MAX_LEN &&
                is_boundary(s, start, i, j, k, len)) {
                push_span(a, s, start, k, &v, &n, &cap);
                i = k;
                while (i < len && is_space((unsigned char)s[i])) i++;
                start = i;
                last_ws = -1;
                continue;
            }
            i = j;
            continue;
        }
        i++;
    }
    push_span(a, s, start, len, &v, &n, &cap);
    if (!v) v = arena_alloc(a, sizeof *v);
    *out = v;
    return n;
}
