/* actor.c -- CAMEO actor codes split into GDELT's fields (store/actor.h).
 * The block lists are the classes of the CAMEO actor codebook (roles,
 * sectors, organisation types, religions, known groups) as dyad's and the
 * Phoenix dictionaries use them. */
#include <string.h>

#include "store/actor.h"

/* Roles, sectors and organisation types: GDELT's Type codes. */
static const char types[] =
    "COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV "
    "HLH HRI LAB LEG MED REF MOD RAD PTY PPL REL IGO IMG INT MNC NGM NGO UIS "
    "PKO SET ";
static const char religions[] =
    "ADR ALE ATH BAH BUD CHR CON CPT CTH DOX DRZ HIN HSD ITR JAN JEW JHW LDS "
    "MOS MUS MRN NRM PAG PRO SFI SHI SHN SIK SUN TAO UDX ZRO ";
static const char groups[] =
    "UNO WBK IMF WTO OPC APE NAT EEC EFT COE SCE EBR ASN SAA ADB AFU OAU AFB "
    "WAS WAD WAM EAC SAD CEM ECA BCA CES CSS NEP IAD ATD ARL AMU ACC AMF AEU "
    "ABD GCC OIC IDB OAS CIS CWN SOT GOE GOS BIS IAE HCR HCH KID WFP WHO ILO "
    "FAO ICC ICJ WCT ITP IPU IGC CPA CPC ICO IAC AMN HRW IRC MSF XFM ICG FID "
    "JUR WEF ALQ HMS HEZ TAL PLO ISI JMA ";

/* Whether the three bytes at b are one of list's blocks. */
static int in_list(const char *list, const char *b) {
    for (const char *p = list; *p; p += 4)
        if (p[0] == b[0] && p[1] == b[1] && p[2] == b[2]) return 1;
    return 0;
}

static void set(char dst[4], const char *b) {
    memcpy(dst, b, 3);
    dst[3] = '\0';
}

void actor_split(const char *code, actor_parts *out) {
    memset(out, 0, sizeof *out);
    if (!code) return;
    size_t n = strlen(code);
    char *tp[3] = {out->type1, out->type2, out->type3};
    int nt = 0;
    for (size_t i = 0; i + 3 <= n; i += 3) {
        const char *b = code + i;
        if (!memcmp(b, "---", 3)) continue;
        if (in_list(types, b)) {
            if (nt < 3) set(tp[nt++], b);
        } else if (in_list(religions, b) && (i > 0 || memcmp(b, "SUN", 3))) {
            /* SUN first is the Soviet Union, a country */
            if (!out->religion1[0]) set(out->religion1, b);
            else if (!out->religion2[0]) set(out->religion2, b);
        } else if (in_list(groups, b)) {
            if (!out->group[0]) set(out->group, b);
        } else if (!out->country[0] && (i == 0 || (nt > 0 && nt == (int)(i / 3)))) {
            /* the first block, or the home country after a prefix such as
             * MNC or NGO (MNCUSA, NGOGBR) */
            set(out->country, b);
        }
    }
}
