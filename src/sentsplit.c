/* sentsplit.c -- rule-based sentence boundary detection; see sentsplit.h.
 *
 * One forward scan. Every byte is visited a bounded number of times: a
 * terminator looks back at most one short word and forward over white space
 * to the next word, a length cut rescans at most the tail after the last
 * space, and a newline scans the blanks after it. So a 3 MB document with no
 * punctuation at all costs the same per byte as ordinary prose.
 */
#include "sentsplit.h"

#include <string.h>
#include <utf8proc.h>

#include "utf8norm.h"

/* Words that take a period but are not sentence ends by themselves. Kept
 * case-sensitive: "Gen." is a title, "gen." is not. */
typedef struct abbrev_entry {
    const char *word;
    unsigned char kind; /* sent_abbrev */
} abbrev_entry;

static const abbrev_entry ABBREVS[] = {
    /* titles and ranks: "Gen. Thorongil", "Sen. Imrahil" */
    {"Mr", SA_TITLE}, {"Mrs", SA_TITLE}, {"Ms", SA_TITLE}, {"Dr", SA_TITLE},
    {"Messrs", SA_TITLE}, {"Mme", SA_TITLE}, {"Mlle", SA_TITLE},
    {"Prof", SA_TITLE}, {"Rev", SA_TITLE}, {"Hon", SA_TITLE},
    {"Gen", SA_TITLE}, {"Gens", SA_TITLE}, {"Lt", SA_TITLE},
    {"Col", SA_TITLE}, {"Maj", SA_TITLE}, {"Capt", SA_TITLE},
    {"Cmdr", SA_TITLE}, {"Cmdt", SA_TITLE}, {"Adm", SA_TITLE},
    {"Brig", SA_TITLE}, {"Sgt", SA_TITLE}, {"Cpl", SA_TITLE},
    {"Pvt", SA_TITLE}, {"Lieut", SA_TITLE}, {"Sen", SA_TITLE},
    {"Sens", SA_TITLE}, {"Rep", SA_TITLE}, {"Reps", SA_TITLE},
    {"Gov", SA_TITLE}, {"Pres", SA_TITLE}, {"Amb", SA_TITLE},
    {"Supt", SA_TITLE}, {"Insp", SA_TITLE}, {"Det", SA_TITLE},
    {"Fr", SA_TITLE}, {"Mt", SA_TITLE}, {"Ft", SA_TITLE},
    /* months (May needs no period) */
    {"Jan", SA_OTHER}, {"Feb", SA_OTHER}, {"Mar", SA_OTHER},
    {"Apr", SA_OTHER}, {"Jun", SA_OTHER}, {"Jul", SA_OTHER},
    {"Aug", SA_OTHER}, {"Sep", SA_OTHER}, {"Sept", SA_OTHER},
    {"Oct", SA_OTHER}, {"Nov", SA_OTHER}, {"Dec", SA_OTHER},
    /* companies, places, misc: these can end a sentence */
    {"Inc", SA_OTHER}, {"Corp", SA_OTHER}, {"Ltd", SA_OTHER},
    {"Co", SA_OTHER}, {"Bros", SA_OTHER}, {"Cos", SA_OTHER},
    {"Jr", SA_OTHER}, {"Sr", SA_OTHER}, {"St", SA_OTHER},
    {"Ave", SA_OTHER}, {"Blvd", SA_OTHER}, {"Rd", SA_OTHER},
    {"Dept", SA_OTHER}, {"Univ", SA_OTHER}, {"Assn", SA_OTHER},
    {"vs", SA_OTHER}, {"v", SA_OTHER}, {"etc", SA_OTHER}, {"al", SA_OTHER},
    {"approx", SA_OTHER}, {"cf", SA_OTHER}, {"Fig", SA_OTHER},
    {"Vol", SA_OTHER}, {"Gov't", SA_OTHER},
    /* only before a number: "No. 10", but "The answer was No." */
    {"No", SA_NUMERIC}, {"Nos", SA_NUMERIC}, {"no", SA_NUMERIC},
};

static int is_alpha(int c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_space(int c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
           c == '\v';
}

sent_abbrev sent_abbrev_kind(const char *w, size_t n) {
    if (n == 0 || n > 12) return SA_NONE;
    for (size_t i = 0; i < sizeof ABBREVS / sizeof ABBREVS[0]; i++) {
        const char *e = ABBREVS[i].word;
        /* first byte first: this runs at every period of every text */
        if (e[0] == w[0] && strlen(e) == n && memcmp(e, w, n) == 0)
            return (sent_abbrev)ABBREVS[i].kind;
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
