/* cameo_hex.c -- CAMEO codes as composable integers (formats.md, appendix B).
 *
 * A verb that governs another verb ("vowed to attack", "urged X to release
 * Y", "offered to mediate") gets its event from both: each CAMEO code maps
 * to an integer whose hex digits are a speech-act class, a reduce/yield
 * digit, a material class and a topic, so "intend" 0x3000 + "fight" 0x00A0
 * = 0x30A0, which reads back as 138 (threaten with military force). The
 * table is PETRARCH2's published scheme; reject codes (12x) are negative.
 */
#include "code/cameo_hex.h"

#include <stdlib.h>
#include <string.h>

typedef struct hex_entry {
    const char *code;
    int value;
} hex_entry;

/* sorted by code, so lookups are a binary search */
static const hex_entry forward[] = {
    {"010", 4096}, {"011", -61439}, {"012", 4108}, {"013", 4097},
    {"014", 4098}, {"015", 4256}, {"016", -61279}, {"017", 4099},
    {"018", 4100}, {"019", 4101}, {"020", 8192}, {"021", 8304},
    {"0211", 8309}, {"0212", 8310}, {"0213", 8312}, {"0214", 8314},
    {"022", 8320}, {"023", 8256}, {"0231", 8261}, {"0232", 8262},
    {"0233", 8263}, {"0234", 8265}, {"024", 8288}, {"0241", 8289},
    {"0242", 8290}, {"0243", 8291}, {"0244", 8292}, {"025", 8704},
    {"0251", 8715}, {"0252", 8716}, {"0253", 8717}, {"0254", 8709},
    {"0255", 8718}, {"0256", 8719}, {"026", 8208}, {"027", 8224},
    {"028", 8240}, {"030", 12288}, {"031", 12400}, {"0311", 12405},
    {"0312", 12406}, {"0313", 12408}, {"0314", 12410}, {"032", 12416},
    {"033", 12352}, {"0331", 12357}, {"0332", 12358}, {"0333", 12359},
    {"0334", 12361}, {"034", 12384}, {"0341", 12385}, {"0342", 12386},
    {"0343", 12387}, {"0344", 12388}, {"035", 12800}, {"0351", 12811},
    {"0352", 12812}, {"0353", 12813}, {"0354", 12805}, {"0355", 12814},
    {"0356", 12815}, {"036", 12304}, {"037", 12320}, {"038", 12848},
    {"039", 12336}, {"040", 45056}, {"041", 45057}, {"042", 45058},
    {"043", 45059}, {"044", 45072}, {"045", 45104}, {"046", 45072},
    {"050", 128}, {"051", 129}, {"052", 130}, {"053", 131},
    {"054", 132}, {"055", 133}, {"056", 134}, {"057", 135},
    {"060", 112}, {"061", 117}, {"062", 118}, {"063", 120},
    {"064", 122}, {"070", 64}, {"071", 69}, {"072", 70},
    {"073", 71}, {"074", 73}, {"075", 78}, {"080", 512},
    {"081", 523}, {"0811", 515}, {"0812", 513}, {"0813", 516},
    {"0814", 518}, {"082", 524}, {"083", 608}, {"0831", 609},
    {"0832", 610}, {"0833", 611}, {"0834", 612}, {"084", 592},
    {"0841", 524}, {"0842", 524}, {"085", 517}, {"086", 526},
    {"0861", 521}, {"0862", 522}, {"0863", 519}, {"087", 704},
    {"0871", 713}, {"0872", 705}, {"0873", 710}, {"0874", 706},
    {"090", 40960}, {"091", 40961}, {"092", 40962}, {"093", 40963},
    {"094", 40964}, {"100", 16384}, {"101", 16496}, {"1011", 16501},
    {"1012", 16502}, {"1013", 16504}, {"1014", 16506}, {"102", 16512},
    {"103", 16448}, {"1031", 16453}, {"1032", 16454}, {"1033", 16455},
    {"1034", 16457}, {"104", 16480}, {"1041", 16481}, {"1042", 16482},
    {"1043", 16483}, {"1044", 16484}, {"105", 16896}, {"1051", 16907},
    {"1052", 16908}, {"1053", 16909}, {"1054", 16901}, {"1055", 16910},
    {"1056", 16911}, {"106", 16400}, {"107", 16416}, {"108", 16432},
    {"110", 28672}, {"111", 28673}, {"112", 28832}, {"1121", 28833},
    {"1122", 28834}, {"1123", 28835}, {"1124", 28836}, {"1125", 28837},
    {"113", 28674}, {"114", 28675}, {"115", 28680}, {"116", 28677},
    {"120", -65535}, {"121", -65423}, {"1211", -65418}, {"1212", -65417},
    {"122", -56511}, {"1221", -56506}, {"1222", -56505}, {"1223", -56504},
    {"1224", -56502}, {"123", -56479}, {"1231", -56478}, {"1232", -56477},
    {"1233", -56476}, {"1234", -56475}, {"124", -65023}, {"1241", -65012},
    {"1242", -65011}, {"1243", -65010}, {"1244", -65018}, {"1245", -65009},
    {"1246", -64831}, {"125", -65519}, {"126", -65487}, {"127", -65503},
    {"128", -65533}, {"129", -65534}, {"130", 24576}, {"131", 24832},
    {"1311", 24896}, {"1312", 24837}, {"1313", 24960}, {"132", 24587},
    {"1321", 24579}, {"1322", 24577}, {"1323", 24580}, {"1324", 24582},
    {"133", 24588}, {"134", 24592}, {"135", 24624}, {"136", 24590},
    {"137", 24580}, {"138", 24736}, {"1381", 24737}, {"1382", 24738},
    {"1383", 24739}, {"1384", 24740}, {"1385", 24752}, {"139", 24581},
    {"140", 20480}, {"145", 20640}, {"150", 32768}, {"151", 32769},
    {"152", 32770}, {"153", 32771}, {"154", 32772}, {"160", 256},
    {"161", 384}, {"162", 320}, {"1621", 325}, {"1622", 326},
    {"1623", 327}, {"163", 11}, {"164", 272}, {"165", 304},
    {"166", 336}, {"1661", 345}, {"1662", 346}, {"1663", 350},
    {"170", 36864}, {"171", 36880}, {"1711", 36881}, {"1712", 36882},
    {"172", 36875}, {"1721", 36867}, {"1722", 36865}, {"1723", 36868},
    {"1724", 36870}, {"173", 36896}, {"174", 36912}, {"175", 36928},
    {"180", 144}, {"181", 145}, {"182", 146}, {"1821", 147},
    {"1822", 148}, {"1823", 149}, {"1824", 150}, {"183", 151},
    {"1831", 152}, {"1832", 153}, {"1833", 154}, {"1834", 155},
    {"184", 156}, {"185", 157}, {"186", 158}, {"190", 160},
    {"191", 161}, {"192", 162}, {"193", 163}, {"194", 164},
    {"195", 165}, {"1951", 166}, {"1952", 167}, {"196", 168},
    {"200", 176},
};

#define NFORWARD (sizeof forward / sizeof forward[0])

/* strcmp's sign, inline: the codes are a few bytes long and every event
 * looks up one or two, so a library call per probe cost more than the
 * comparison. */
static inline int code_cmp(const char *a, const char *b) {
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (unsigned char)*a < (unsigned char)*b ? -1 : *a != *b;
}

static const hex_entry *find_code(const char *code) {
    size_t lo = 0, hi = NFORWARD;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = code_cmp(forward[mid].code, code);
        if (c == 0) return &forward[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

int cameo_to_hex(const char *code) {
    if (!code || !code[0] || strcmp(code, "---") == 0) return 0;
    const hex_entry *e = find_code(code);
    if (e) return e->value;
    /* unknown sub-code: fall back to its root ("1411" -> "140") */
    char root[4] = {code[0], code[1] ? code[1] : '0', '0', '\0'};
    e = find_code(root);
    return e ? e->value : 0;
}

const char *cameo_from_hex(int value) {
    if (value == 0) return NULL;
    if (value == 0x30A0) return "138"; /* intend + fight */
    /* 137 and 1323 share a value in PETRARCH2's table; a threat of
     * repression is by far the commoner */
    if (value == 0x6004) return "137";
    /* first entry wins; the table lists the preferred code first */
    for (size_t i = 0; i < NFORWARD; i++)
        if (forward[i].value == value) return forward[i].code;
    return NULL;
}

int cameo_to_hex_governed(const char *code) {
    /* releasing people or things is a yield on topic "release" (0x020D),
     * which is how appeals and demands for releases are coded (0253,
     * 1053); the plain forward entry of 084 does not compose */
    if (code && !strncmp(code, "084", 3)) return 0x020D;
    return cameo_to_hex(code);
}

const char *cameo_from_hex_near(int value) {
    const char *c = cameo_from_hex(value);
    if (c || value <= 0) return c;
    /* no code for the exact combination: keep the speech act and the
     * reduce/yield digit ("appeal" + "yield": 025), then the act alone */
    c = cameo_from_hex(value & 0xFF00);
    if (c) return c;
    return cameo_from_hex(value & 0xF000);
}

/* An intention to do harm is a threat (CAMEO 13x), which PETRARCH2's
 * digits do not compose: intend 0x3000 + sanction 0x000B reads back as a
 * bare 030, and the coercion and protest classes (0x9000, 0x5000) sit in
 * the speech-act digit. The threat for each hostile act, by its integer;
 * 0 for an act that has none. */
static int threat_of(int lower) {
    static const struct {
        int lo, hi;
        const char *threat;
    } table[] = {
        {0x000B, 0x000B, "1312"}, /* sanctions, embargo: 163 */
        {0x0090, 0x009F, "138"},  /* assault: 18x */
        {0x00A0, 0x00A0, "138"},  /* fight: 190 */
        {0x00A1, 0x00A1, "1381"}, /* blockade: 191 */
        {0x00A2, 0x00A2, "1382"}, /* occupy: 192 */
        {0x00A3, 0x00AF, "138"},  /* small arms, artillery, air strikes */
        {0x00B0, 0x00BF, "138"},  /* mass violence: 20x */
        {0x0100, 0x010F, "1313"}, /* reduce relations: 160 */
        {0x0140, 0x014F, "1311"}, /* reduce or stop aid: 162x */
        {0x0110, 0x011F, "134"},  /* halt negotiations: 164 */
        {0x0130, 0x013F, "135"},  /* halt mediation: 165 */
        {0x0150, 0x015F, "1313"}, /* expel, withdraw: 166x */
        {0x0180, 0x018F, "1313"}, /* break relations: 161 */
        {0x5000, 0x5FFF, "133"},  /* protest: 14x */
        {0x9000, 0x900A, "137"},  /* repression: 170, 1722 ... */
        {0x900B, 0x900B, "132"},  /* administrative sanctions: 172 */
        {0x900C, 0x9FFF, "137"},  /* arrest, expel, repress: 173-175 */
    };
    static const struct {
        int act;
        const char *threat;
    } exact[] = {
        {36867, "1321"}, /* 1721 restrict political freedoms */
        {36865, "1322"}, /* 1722 ban parties or politicians */
        {36868, "1323"}, /* 1723 curfew */
        {36870, "1324"}, /* 1724 martial law */
    };
    for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++)
        if (exact[i].act == lower) return cameo_to_hex(exact[i].threat);
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (lower >= table[i].lo && lower <= table[i].hi)
            return cameo_to_hex(table[i].threat);
    return 0;
}

int cameo_hex_intent(int act) {
    int t = threat_of(act);
    if (t) return t;
    /* a meeting, a visit or talks ahead: 036 */
    if (act >= 0xB000 && act <= 0xBFFF) return cameo_to_hex("036");
    return act > 0 && act < 0x1000 ? cameo_hex_combine(0x3000, act) : 0;
}

int cameo_hex_combine(int upper, int lower) {
    /* intending or threatening harm: the threat of it */
    if ((upper == 0x3000 || (upper & 0xF000) == 0x6000) && lower > 0) {
        int t = threat_of(lower);
        if (t) return t;
    }
    /* consulting governed by another act is "meeting": "asked X to hold
     * talks" is an appeal to meet (026), not a consultation */
    if (lower >= 0xB000 && lower <= 0xBFFF) lower = 0x0010;
    /* ... and so is investigating: "urged the authorities to investigate"
     * is an appeal (020), a demand (100), not an investigation */
    if (lower >= 0xA000 && lower <= 0xAFFF &&
        ((upper & 0xF000) == 0x2000 || (upper & 0xF000) == 0x4000))
        return upper;
    /* refusing an act is its negation: "declined to comment" (011),
     * "refused to meet" (125), "refused to release" (1243) */
    if (upper < 0 && lower > 0) return lower - 0xFFFF;
    if (lower < 0) return lower + upper;
    if (upper >= 0x1000 && lower >= 0x1000) return lower;
    if (lower >= upper) return lower;
    return upper + lower;
}
