/* gencorpus.c -- deterministic generator of synthetic wire-style news for
 * benchmarking dyad.
 *
 * Usage: gencorpus [NSENTENCES [SEED]]   (default 200000 sentences, seed 1)
 *
 * Writes JSON Lines documents {"id","date","source","title","text"} to stdout.
 * Each document is an article of 10-40 sentences, dated 2015-2026, mixing
 * event-bearing sentences (actor, verb phrase, actor, modifiers; reported
 * speech, passive voice, negation, quotes, numbers and dates) with ordinary
 * prose that carries no political event (economy, weather, sport, culture).
 *
 * Why: the benchmark needs a large, realistic-looking, non-repetitive input
 * that anyone can regenerate exactly. All randomness comes from a fixed-seed
 * xorshift64* generator (never rand()), no floating point reaches the output
 * and nothing depends on the locale, so the bytes are identical across runs
 * and machines. Only the JSON Lines go to stdout.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(a) ((a)[rnd((uint32_t)N_OF(a))])

/* ---------------------------------------------------------------- PRNG -- */

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

/* xorshift64*: small, fast and identical everywhere uint64_t exists. */
static uint64_t rng_next(void)
{
    uint64_t x = rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rng_state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

/* Uniform-enough integer in [0, n). */
static uint32_t rnd(uint32_t n)
{
    return (uint32_t)((rng_next() >> 32) % n);
}

/* True with probability pct percent. */
static int chance(uint32_t pct)
{
    return rnd(100) < pct;
}

/* ------------------------------------------------------ string builder -- */

typedef struct sbuf {
    char b[4096];   /* text, always NUL-terminated */
    size_t n;       /* bytes used, excluding the NUL */
} sbuf;

static void sb_fmt(sbuf *s, const char *fmt, ...)
{
    va_list ap;
    size_t room = sizeof s->b - s->n;
    int k;
    if (room <= 1)
        return;
    va_start(ap, fmt);
    k = vsnprintf(s->b + s->n, room, fmt, ap);
    va_end(ap);
    if (k < 0)
        return;
    s->n += ((size_t)k < room) ? (size_t)k : room - 1;
}

static void sb_put(sbuf *s, const char *t)
{
    sb_fmt(s, "%s", t);
}

/* ---------------------------------------------------------- word pools -- */

typedef struct country {
    const char *name;     /* as used in running text, with "the" if needed */
    const char *capital;
    const char *adj;      /* demonym adjective */
} country;

static const country countries[] = {
    {"Afghanistan", "Kabul", "Afghan"}, {"Albania", "Tirana", "Albanian"},
    {"Algeria", "Algiers", "Algerian"}, {"Angola", "Luanda", "Angolan"},
    {"Argentina", "Buenos Aires", "Argentine"}, {"Armenia", "Yerevan", "Armenian"},
    {"Australia", "Canberra", "Australian"}, {"Austria", "Vienna", "Austrian"},
    {"Azerbaijan", "Baku", "Azerbaijani"}, {"Bahrain", "Manama", "Bahraini"},
    {"Bangladesh", "Dhaka", "Bangladeshi"}, {"Belarus", "Minsk", "Belarusian"},
    {"Belgium", "Brussels", "Belgian"}, {"Benin", "Porto-Novo", "Beninese"},
    {"Bhutan", "Thimphu", "Bhutanese"}, {"Bolivia", "La Paz", "Bolivian"},
    {"Bosnia", "Sarajevo", "Bosnian"}, {"Botswana", "Gaborone", "Botswanan"},
    {"Brazil", "Brasília", "Brazilian"}, {"Bulgaria", "Sofia", "Bulgarian"},
    {"Burkina Faso", "Ouagadougou", "Burkinabe"}, {"Burundi", "Gitega", "Burundian"},
    {"Cambodia", "Phnom Penh", "Cambodian"}, {"Cameroon", "Yaoundé", "Cameroonian"},
    {"Canada", "Ottawa", "Canadian"}, {"Chad", "N'Djamena", "Chadian"},
    {"Chile", "Santiago", "Chilean"}, {"China", "Beijing", "Chinese"},
    {"Colombia", "Bogotá", "Colombian"}, {"Congo", "Brazzaville", "Congolese"},
    {"the Democratic Republic of Congo", "Kinshasa", "Congolese"},
    {"Costa Rica", "San José", "Costa Rican"}, {"Croatia", "Zagreb", "Croatian"},
    {"Cuba", "Havana", "Cuban"}, {"Cyprus", "Nicosia", "Cypriot"},
    {"the Czech Republic", "Prague", "Czech"}, {"Denmark", "Copenhagen", "Danish"},
    {"Djibouti", "Djibouti", "Djiboutian"},
    {"the Dominican Republic", "Santo Domingo", "Dominican"},
    {"Ecuador", "Quito", "Ecuadorean"}, {"Egypt", "Cairo", "Egyptian"},
    {"El Salvador", "San Salvador", "Salvadoran"}, {"Eritrea", "Asmara", "Eritrean"},
    {"Estonia", "Tallinn", "Estonian"}, {"Ethiopia", "Addis Ababa", "Ethiopian"},
    {"Fiji", "Suva", "Fijian"}, {"Finland", "Helsinki", "Finnish"},
    {"France", "Paris", "French"}, {"Gabon", "Libreville", "Gabonese"},
    {"Gambia", "Banjul", "Gambian"}, {"Georgia", "Tbilisi", "Georgian"},
    {"Germany", "Berlin", "German"}, {"Ghana", "Accra", "Ghanaian"},
    {"Greece", "Athens", "Greek"}, {"Guatemala", "Guatemala City", "Guatemalan"},
    {"Guinea", "Conakry", "Guinean"}, {"Guyana", "Georgetown", "Guyanese"},
    {"Haiti", "Port-au-Prince", "Haitian"}, {"Honduras", "Tegucigalpa", "Honduran"},
    {"Hungary", "Budapest", "Hungarian"}, {"Iceland", "Reykjavík", "Icelandic"},
    {"India", "New Delhi", "Indian"}, {"Indonesia", "Jakarta", "Indonesian"},
    {"Iran", "Tehran", "Iranian"}, {"Iraq", "Baghdad", "Iraqi"},
    {"Ireland", "Dublin", "Irish"}, {"Israel", "Jerusalem", "Israeli"},
    {"Italy", "Rome", "Italian"}, {"Ivory Coast", "Yamoussoukro", "Ivorian"},
    {"Jamaica", "Kingston", "Jamaican"}, {"Japan", "Tokyo", "Japanese"},
    {"Jordan", "Amman", "Jordanian"}, {"Kazakhstan", "Astana", "Kazakh"},
    {"Kenya", "Nairobi", "Kenyan"}, {"Kosovo", "Pristina", "Kosovar"},
    {"Kuwait", "Kuwait City", "Kuwaiti"}, {"Kyrgyzstan", "Bishkek", "Kyrgyz"},
    {"Laos", "Vientiane", "Laotian"}, {"Latvia", "Riga", "Latvian"},
    {"Lebanon", "Beirut", "Lebanese"}, {"Lesotho", "Maseru", "Basotho"},
    {"Liberia", "Monrovia", "Liberian"}, {"Libya", "Tripoli", "Libyan"},
    {"Lithuania", "Vilnius", "Lithuanian"}, {"Luxembourg", "Luxembourg", "Luxembourgish"},
    {"Madagascar", "Antananarivo", "Malagasy"}, {"Malawi", "Lilongwe", "Malawian"},
    {"Malaysia", "Kuala Lumpur", "Malaysian"}, {"the Maldives", "Male", "Maldivian"},
    {"Mali", "Bamako", "Malian"}, {"Malta", "Valletta", "Maltese"},
    {"Mauritania", "Nouakchott", "Mauritanian"}, {"Mauritius", "Port Louis", "Mauritian"},
    {"Mexico", "Mexico City", "Mexican"}, {"Moldova", "Chişinău", "Moldovan"},
    {"Mongolia", "Ulaanbaatar", "Mongolian"}, {"Montenegro", "Podgorica", "Montenegrin"},
    {"Morocco", "Rabat", "Moroccan"}, {"Mozambique", "Maputo", "Mozambican"},
    {"Myanmar", "Naypyitaw", "Myanmar"}, {"Namibia", "Windhoek", "Namibian"},
    {"Nepal", "Kathmandu", "Nepali"}, {"the Netherlands", "The Hague", "Dutch"},
    {"New Zealand", "Wellington", "New Zealand"}, {"Nicaragua", "Managua", "Nicaraguan"},
    {"Niger", "Niamey", "Nigerien"}, {"Nigeria", "Abuja", "Nigerian"},
    {"North Korea", "Pyongyang", "North Korean"}, {"North Macedonia", "Skopje", "Macedonian"},
    {"Norway", "Oslo", "Norwegian"}, {"Oman", "Muscat", "Omani"},
    {"Pakistan", "Islamabad", "Pakistani"}, {"Panama", "Panama City", "Panamanian"},
    {"Papua New Guinea", "Port Moresby", "Papua New Guinean"},
    {"Paraguay", "Asunción", "Paraguayan"}, {"Peru", "Lima", "Peruvian"},
    {"the Philippines", "Manila", "Philippine"}, {"Poland", "Warsaw", "Polish"},
    {"Portugal", "Lisbon", "Portuguese"}, {"Qatar", "Doha", "Qatari"},
    {"Romania", "Bucharest", "Romanian"}, {"Russia", "Moscow", "Russian"},
    {"Rwanda", "Kigali", "Rwandan"}, {"Saudi Arabia", "Riyadh", "Saudi"},
    {"Senegal", "Dakar", "Senegalese"}, {"Serbia", "Belgrade", "Serbian"},
    {"Sierra Leone", "Freetown", "Sierra Leonean"}, {"Singapore", "Singapore", "Singaporean"},
    {"Slovakia", "Bratislava", "Slovak"}, {"Slovenia", "Ljubljana", "Slovenian"},
    {"Somalia", "Mogadishu", "Somali"}, {"South Africa", "Pretoria", "South African"},
    {"South Korea", "Seoul", "South Korean"}, {"South Sudan", "Juba", "South Sudanese"},
    {"Spain", "Madrid", "Spanish"}, {"Sri Lanka", "Colombo", "Sri Lankan"},
    {"Sudan", "Khartoum", "Sudanese"}, {"Sweden", "Stockholm", "Swedish"},
    {"Switzerland", "Bern", "Swiss"}, {"Syria", "Damascus", "Syrian"},
    {"Taiwan", "Taipei", "Taiwanese"}, {"Tajikistan", "Dushanbe", "Tajik"},
    {"Tanzania", "Dodoma", "Tanzanian"}, {"Thailand", "Bangkok", "Thai"},
    {"Togo", "Lomé", "Togolese"}, {"Tunisia", "Tunis", "Tunisian"},
    {"Turkey", "Ankara", "Turkish"}, {"Turkmenistan", "Ashgabat", "Turkmen"},
    {"Uganda", "Kampala", "Ugandan"}, {"Ukraine", "Kyiv", "Ukrainian"},
    {"the United Arab Emirates", "Abu Dhabi", "Emirati"},
    {"Britain", "London", "British"}, {"the United States", "Washington", "U.S."},
    {"Uruguay", "Montevideo", "Uruguayan"}, {"Uzbekistan", "Tashkent", "Uzbek"},
    {"Venezuela", "Caracas", "Venezuelan"}, {"Vietnam", "Hanoi", "Vietnamese"},
    {"Yemen", "Sanaa", "Yemeni"}, {"Zambia", "Lusaka", "Zambian"},
    {"Zimbabwe", "Harare", "Zimbabwean"}, {"Eswatini", "Mbabane", "Swazi"},
    {"Belize", "Belmopan", "Belizean"}, {"Brunei", "Bandar Seri Begawan", "Bruneian"},
    {"Cape Verde", "Praia", "Cape Verdean"}, {"Comoros", "Moroni", "Comoran"},
    {"Equatorial Guinea", "Malabo", "Equatorial Guinean"},
    {"Guinea-Bissau", "Bissau", "Bissau-Guinean"}, {"Timor-Leste", "Dili", "Timorese"},
    {"Samoa", "Apia", "Samoan"}, {"Tonga", "Nuku'alofa", "Tongan"},
    {"Barbados", "Bridgetown", "Barbadian"},
    {"Trinidad and Tobago", "Port of Spain", "Trinidadian"},
    {"the Bahamas", "Nassau", "Bahamian"}, {"Suriname", "Paramaribo", "Surinamese"},
    {"Andorra", "Andorra la Vella", "Andorran"}, {"Monaco", "Monaco", "Monegasque"},
    {"the Seychelles", "Victoria", "Seychellois"},
    {"the Central African Republic", "Bangui", "Central African"},
    {"Grenada", "St. George's", "Grenadian"}, {"Palau", "Ngerulmud", "Palauan"},
    {"the Solomon Islands", "Honiara", "Solomon Islands"},
    {"the Marshall Islands", "Majuro", "Marshallese"},
    {"Micronesia", "Palikir", "Micronesian"}, {"Tuvalu", "Funafuti", "Tuvaluan"},
    {"the Palestinian territories", "Ramallah", "Palestinian"},
};

/* Offices held by one person: "the French foreign minister". */
static const char *const titles[] = {
    "president", "prime minister", "foreign minister", "defence minister",
    "interior minister", "finance minister", "trade minister", "justice minister",
    "energy minister", "deputy foreign minister", "national security adviser",
    "army chief of staff", "ambassador", "special envoy", "chief negotiator",
    "government spokesman", "opposition leader", "speaker of parliament",
    "central bank governor", "attorney general", "intelligence chief",
    "police chief", "king", "crown prince", "vice president", "health minister",
    "economy minister", "agriculture minister", "transport minister",
    "chief prosecutor", "navy commander", "top diplomat", "interior ministry spokeswoman",
};

static const char *const ministries[] = {
    "foreign ministry", "defence ministry", "interior ministry", "finance ministry",
    "justice ministry", "health ministry", "trade ministry", "energy ministry",
    "information ministry", "army", "navy", "central bank", "parliament",
    "supreme court", "election commission", "cabinet", "presidency",
};

/* Plural groups: "Kenyan troops", "police in Nairobi". */
static const char *const groups[] = {
    "troops", "security forces", "police", "border guards", "warplanes",
    "naval forces", "special forces", "militiamen", "rebels", "protesters",
    "students", "lawmakers", "prosecutors", "judges", "opposition parties",
    "trade unions", "farmers", "doctors", "journalists", "activists", "soldiers",
    "diplomats", "officials", "authorities", "investigators", "separatists",
    "insurgents", "militants", "fighters", "election officials", "riot police",
    "customs officers", "coast guard vessels", "drones",
};

static const char *const organisations[] = {
    "the United Nations", "the European Union", "NATO", "the African Union",
    "the Arab League", "ASEAN", "the International Monetary Fund", "the World Bank",
    "the Red Cross", "Amnesty International", "Human Rights Watch",
    "the World Health Organization", "the U.N. Security Council",
    "the Organization of American States", "OPEC",
    "the International Atomic Energy Agency", "the International Criminal Court",
    "the Gulf Cooperation Council", "ECOWAS", "the Shanghai Cooperation Organisation",
    "the OSCE", "the Council of Europe", "the World Food Programme", "UNICEF",
    "the U.N. refugee agency", "Doctors Without Borders", "the Commonwealth",
    "the G20", "the World Trade Organization", "the European Commission",
};

static const char *const armed_groups[] = {
    "Islamic State", "al Qaeda", "the Taliban", "Hezbollah", "Hamas", "al Shabaab",
    "Boko Haram", "the PKK", "the Houthis", "the ELN", "a breakaway faction",
    "an armed group", "unidentified gunmen", "a local militia", "jihadist fighters",
    "suspected separatists", "a rebel coalition",
};

static const char *const wires[] = {
    "Meridian Wire", "Northgate News", "Harbor Press Service", "Continental Dispatch",
    "Atlas Newswire", "Crescent Reports", "Equator Daily", "Baltic Bulletin",
};

static const char *const weekdays[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

static const char *const months[] = {
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
};

/* Verb phrases with a head verb and an optional tail placed before the
 * object ("held talks with X"). obj says what may follow the object. */
enum { OBJ_NONE, OBJ_OF, OBJ_TO, OBJ_FOR, OBJ_AGAINST, OBJ_OVER };

typedef struct verb {
    const char *f[5];     /* base, third person, past, gerund, participle */
    const char *tail;     /* words between verb and object, or "" */
    int obj;              /* OBJ_* complement after the object */
    int passive;          /* passive voice reads naturally */
} verb;

static const verb verbs[] = {
    {{"visit", "visits", "visited", "visiting", "visited"}, "", OBJ_NONE, 1},
    {{"meet", "meets", "met", "meeting", "met"}, "with", OBJ_OVER, 0},
    {{"host", "hosts", "hosted", "hosting", "hosted"}, "", OBJ_NONE, 1},
    {{"hold", "holds", "held", "holding", "held"}, "talks with", OBJ_OVER, 0},
    {{"welcome", "welcomes", "welcomed", "welcoming", "welcomed"}, "", OBJ_NONE, 1},
    {{"praise", "praises", "praised", "praising", "praised"}, "", OBJ_FOR, 1},
    {{"thank", "thanks", "thanked", "thanking", "thanked"}, "", OBJ_FOR, 1},
    {{"criticise", "criticises", "criticised", "criticising", "criticised"}, "", OBJ_FOR, 1},
    {{"condemn", "condemns", "condemned", "condemning", "condemned"}, "", OBJ_FOR, 1},
    {{"denounce", "denounces", "denounced", "denouncing", "denounced"}, "", OBJ_NONE, 1},
    {{"accuse", "accuses", "accused", "accusing", "accused"}, "", OBJ_OF, 1},
    {{"blame", "blames", "blamed", "blaming", "blamed"}, "", OBJ_FOR, 1},
    {{"urge", "urges", "urged", "urging", "urged"}, "", OBJ_TO, 1},
    {{"call", "calls", "called", "calling", "called"}, "on", OBJ_TO, 0},
    {{"appeal", "appeals", "appealed", "appealing", "appealed"}, "to", OBJ_FOR, 0},
    {{"threaten", "threatens", "threatened", "threatening", "threatened"}, "", OBJ_OVER, 1},
    {{"warn", "warns", "warned", "warning", "warned"}, "", OBJ_AGAINST, 1},
    {{"attack", "attacks", "attacked", "attacking", "attacked"}, "", OBJ_NONE, 1},
    {{"bomb", "bombs", "bombed", "bombing", "bombed"}, "", OBJ_NONE, 1},
    {{"shell", "shells", "shelled", "shelling", "shelled"}, "", OBJ_NONE, 1},
    {{"fire", "fires", "fired", "firing", "fired"}, "rockets at", OBJ_NONE, 0},
    {{"invade", "invades", "invaded", "invading", "invaded"}, "", OBJ_NONE, 1},
    {{"raid", "raids", "raided", "raiding", "raided"}, "", OBJ_NONE, 1},
    {{"ambush", "ambushes", "ambushed", "ambushing", "ambushed"}, "", OBJ_NONE, 1},
    {{"kill", "kills", "killed", "killing", "killed"}, "", OBJ_NONE, 1},
    {{"kidnap", "kidnaps", "kidnapped", "kidnapping", "kidnapped"}, "", OBJ_NONE, 1},
    {{"arrest", "arrests", "arrested", "arresting", "arrested"}, "", OBJ_OVER, 1},
    {{"detain", "detains", "detained", "detaining", "detained"}, "", OBJ_OVER, 1},
    {{"expel", "expels", "expelled", "expelling", "expelled"}, "", OBJ_OVER, 1},
    {{"impose", "imposes", "imposed", "imposing", "imposed"}, "sanctions on", OBJ_OVER, 0},
    {{"sanction", "sanctions", "sanctioned", "sanctioning", "sanctioned"}, "", OBJ_OVER, 1},
    {{"boycott", "boycotts", "boycotted", "boycotting", "boycotted"}, "", OBJ_NONE, 1},
    {{"reject", "rejects", "rejected", "rejecting", "rejected"}, "a proposal from", OBJ_NONE, 0},
    {{"sign", "signs", "signed", "signing", "signed"}, "an agreement with", OBJ_NONE, 0},
    {{"negotiate", "negotiates", "negotiated", "negotiating", "negotiated"}, "with", OBJ_OVER, 0},
    {{"cooperate", "cooperates", "cooperated", "cooperating", "cooperated"}, "with", OBJ_NONE, 0},
    {{"support", "supports", "supported", "supporting", "supported"}, "", OBJ_NONE, 1},
    {{"back", "backs", "backed", "backing", "backed"}, "", OBJ_NONE, 1},
    {{"recognise", "recognises", "recognised", "recognising", "recognised"}, "", OBJ_NONE, 1},
    {{"invite", "invites", "invited", "inviting", "invited"}, "", OBJ_TO, 1},
    {{"offer", "offers", "offered", "offering", "offered"}, "humanitarian aid to", OBJ_NONE, 0},
    {{"send", "sends", "sent", "sending", "sent"}, "troops to", OBJ_NONE, 0},
    {{"pledge", "pledges", "pledged", "pledging", "pledged"}, "support for", OBJ_NONE, 0},
    {{"apologise", "apologises", "apologised", "apologising", "apologised"}, "to", OBJ_FOR, 0},
    {{"consult", "consults", "consulted", "consulting", "consulted"}, "", OBJ_OVER, 1},
    {{"speak", "speaks", "spoke", "speaking", "spoken"}, "by telephone with", OBJ_NONE, 0},
    {{"investigate", "investigates", "investigated", "investigating", "investigated"}, "", OBJ_OVER, 1},
    {{"sue", "sues", "sued", "suing", "sued"}, "", OBJ_OVER, 1},
    {{"charge", "charges", "charged", "charging", "charged"}, "", OBJ_OF, 1},
    {{"seize", "seizes", "seized", "seizing", "seized"}, "a ship belonging to", OBJ_NONE, 0},
    {{"blockade", "blockades", "blockaded", "blockading", "blockaded"}, "", OBJ_NONE, 1},
    {{"clash", "clashes", "clashed", "clashing", "clashed"}, "with", OBJ_NONE, 0},
    {{"protest", "protests", "protested", "protesting", "protested"}, "against", OBJ_NONE, 0},
    {{"cut", "cuts", "cut", "cutting", "cut"}, "diplomatic ties with", OBJ_NONE, 0},
    {{"restore", "restores", "restored", "restoring", "restored"}, "diplomatic relations with", OBJ_NONE, 0},
    {{"recall", "recalls", "recalled", "recalling", "recalled"}, "its ambassador to", OBJ_NONE, 0},
    {{"summon", "summons", "summoned", "summoning", "summoned"}, "the ambassador of", OBJ_NONE, 0},
    {{"release", "releases", "released", "releasing", "released"}, "prisoners held by", OBJ_NONE, 0},
    {{"pardon", "pardons", "pardoned", "pardoning", "pardoned"}, "", OBJ_NONE, 1},
    {{"extradite", "extradites", "extradited", "extraditing", "extradited"}, "a suspect to", OBJ_NONE, 0},
    {{"deport", "deports", "deported", "deporting", "deported"}, "", OBJ_NONE, 1},
    {{"open", "opens", "opened", "opening", "opened"}, "fire on", OBJ_NONE, 0},
    {{"target", "targets", "targeted", "targeting", "targeted"}, "", OBJ_NONE, 1},
    {{"congratulate", "congratulates", "congratulated", "congratulating", "congratulated"}, "", OBJ_FOR, 1},
    {{"reassure", "reassures", "reassured", "reassuring", "reassured"}, "", OBJ_OVER, 1},
    {{"ease", "eases", "eased", "easing", "eased"}, "restrictions on", OBJ_NONE, 0},
    {{"lift", "lifts", "lifted", "lifting", "lifted"}, "sanctions against", OBJ_NONE, 0},
    {{"freeze", "freezes", "froze", "freezing", "frozen"}, "the assets of", OBJ_NONE, 0},
    {{"ban", "bans", "banned", "banning", "banned"}, "", OBJ_NONE, 1},
    {{"help", "helps", "helped", "helping", "helped"}, "", OBJ_TO, 1},
    {{"defend", "defends", "defended", "defending", "defended"}, "", OBJ_AGAINST, 1},
    {{"rebuke", "rebukes", "rebuked", "rebuking", "rebuked"}, "", OBJ_FOR, 1},
    {{"snub", "snubs", "snubbed", "snubbing", "snubbed"}, "", OBJ_NONE, 1},
    {{"mediate", "mediates", "mediated", "mediating", "mediated"}, "between rebels and", OBJ_NONE, 0},
    {{"demand", "demands", "demanded", "demanding", "demanded"}, "compensation from", OBJ_NONE, 0},
    {{"besiege", "besieges", "besieged", "besieging", "besieged"}, "", OBJ_NONE, 1},
    {{"shoot", "shoots", "shot", "shooting", "shot"}, "down a drone operated by", OBJ_NONE, 0},
};

static const char *const crimes[] = {
    "war crimes", "espionage", "human rights abuses", "violating the ceasefire",
    "meddling in the election", "funding terrorism", "smuggling weapons across the border",
    "corruption", "cyber attacks on state institutions", "money laundering",
    "breaching the arms embargo", "torturing detainees", "inciting unrest",
    "illegal fishing in its waters", "stealing classified documents",
};

static const char *const actions[] = {
    "return to the negotiating table", "release the detained journalists",
    "withdraw its forces from the border", "respect the truce",
    "open humanitarian corridors", "hold free and fair elections",
    "halt the construction of the dam", "stop arming militias",
    "allow inspectors into the nuclear sites", "reopen the border crossing",
    "investigate the killings", "free political prisoners",
    "show restraint", "join the peace talks", "pay compensation to the victims",
    "hand over the suspects", "end the blockade", "lift the travel ban",
};

static const char *const issues[] = {
    "the disputed border region", "a stalled nuclear deal", "fishing rights",
    "the detention of its citizens", "rising tensions in the region",
    "a contested election", "a water-sharing dispute", "gas exploration rights",
    "the status of refugees", "a series of cross-border raids",
    "arms sales to rebel groups", "the treatment of minorities",
    "a planned military exercise", "trade tariffs", "an oil pipeline project",
    "airspace violations", "the expulsion of diplomats", "a hostage crisis",
    "shipping lanes in the strait", "the future of the peacekeeping mission",
};

/* Generic nouns and adjectives for prose and noun phrases. */
static const char *const nouns[] = {
    "harvest", "market", "festival", "museum", "bridge", "railway", "harbour",
    "factory", "village", "river", "valley", "coastline", "forest", "island",
    "mountain", "desert", "airport", "highway", "stadium", "theatre", "library",
    "university", "hospital", "school", "cathedral", "mosque", "temple", "palace",
    "garden", "park", "orchestra", "choir", "novel", "painting", "sculpture",
    "exhibition", "concert", "film", "documentary", "opera", "ballet", "carnival",
    "parade", "tournament", "league", "season", "match", "championship", "derby",
    "marathon", "regatta", "team", "coach", "striker", "goalkeeper", "midfielder",
    "captain", "referee", "fan", "ticket", "crowd", "economy", "budget", "deficit",
    "surplus", "currency", "inflation", "unemployment", "wage", "pension", "tax",
    "tariff", "export", "import", "commodity", "copper", "coffee", "cocoa", "wheat",
    "rice", "maize", "sugar", "cotton", "timber", "steel", "aluminium", "cement",
    "fertiliser", "diesel", "petrol", "electricity", "solar panel", "wind farm",
    "grid", "reservoir", "drought", "flood", "storm", "cyclone", "heatwave",
    "rainfall", "snowfall", "frost", "fog", "temperature", "forecast", "climate",
    "glacier", "wildfire", "earthquake", "landslide", "tourist", "hotel",
    "restaurant", "chef", "recipe", "vineyard", "brewery", "bakery", "fishery",
    "shipyard", "port", "container", "freight", "cargo", "truck", "bus", "tram",
    "ferry", "bicycle", "car", "engine", "battery", "smartphone", "software",
    "network", "satellite", "telescope", "laboratory", "vaccine", "clinic",
    "nurse", "teacher", "pupil", "graduate", "scholarship", "curriculum",
    "exam", "book", "author", "poet", "poem", "journalist", "newspaper",
    "magazine", "radio station", "broadcaster", "audience", "award", "prize",
    "jury", "critic", "gallery", "collection", "archive", "manuscript", "ruin",
    "monument", "statue", "square", "neighbourhood", "suburb", "district",
    "province", "region", "capital", "city", "town", "farm", "ranch", "herd",
    "flock", "species", "bird", "whale", "turtle", "elephant", "lion", "leopard",
    "reef", "lagoon", "wetland", "estuary", "canal", "dam", "tunnel", "pipeline",
    "refinery", "mine", "quarry", "warehouse", "supermarket", "shop", "bank",
    "insurer", "investor", "shareholder", "bond", "loan", "mortgage", "rent",
    "price", "index", "stock", "dividend", "profit", "revenue", "loss", "merger",
    "startup", "company", "firm", "brand", "retailer", "supplier", "consumer",
    "household", "family", "child", "pensioner", "worker", "employer", "union",
    "contract", "shift", "holiday", "weekend", "morning", "evening", "night",
    "spring", "summer", "autumn", "winter", "century", "decade", "year", "quarter",
    "survey", "census", "study", "report", "index", "chart", "record", "trend",
    "festival programme", "design", "fashion", "fabric", "pottery", "craft",
    "dance", "song", "album", "singer", "band", "guitarist", "drummer", "stage",
    "audition", "premiere", "screening", "sequel", "trilogy", "translation",
    "dialect", "language", "tradition", "ritual", "cuisine", "spice", "tea",
};

static const char *const adjectives[] = {
    "ancient", "modern", "colourful", "busy", "quiet", "crowded", "remote",
    "coastal", "rural", "urban", "northern", "southern", "eastern", "western",
    "central", "local", "regional", "national", "annual", "seasonal", "monthly",
    "weekly", "daily", "early", "late", "new", "old", "young", "historic",
    "famous", "popular", "celebrated", "obscure", "rare", "common", "traditional",
    "contemporary", "experimental", "classical", "folk", "popular", "acclaimed",
    "long-awaited", "sold-out", "record", "strong", "weak", "steady", "sharp",
    "modest", "slight", "gradual", "sudden", "unexpected", "expected", "heavy",
    "light", "dry", "wet", "warm", "cold", "mild", "humid", "windy", "sunny",
    "cloudy", "stormy", "icy", "freezing", "scorching", "cool", "bright", "dark",
    "green", "golden", "silver", "red", "blue", "white", "black", "narrow", "wide",
    "deep", "shallow", "high", "low", "large", "small", "tiny", "vast", "huge",
    "broad", "steep", "flat", "rocky", "sandy", "fertile", "barren", "lush",
    "dense", "sparse", "fragile", "resilient", "sturdy", "elegant", "simple",
    "complex", "detailed", "rough", "smooth", "fresh", "ripe", "sweet", "bitter",
    "spicy", "salty", "fragrant", "organic", "industrial", "agricultural",
    "financial", "economic", "commercial", "domestic", "foreign", "global",
    "digital", "electric", "renewable", "affordable", "expensive", "cheap",
    "profitable", "volatile", "stable", "cautious", "optimistic", "pessimistic",
    "upbeat", "gloomy", "lively", "festive", "solemn", "joyful", "nostalgic",
    "ambitious", "innovative", "creative", "talented", "gifted", "veteran",
    "promising", "relegated", "unbeaten", "injured", "fit", "tired", "eager",
    "curious", "patient", "generous", "loyal", "proud", "humble", "famous",
    "restored", "renovated", "abandoned", "crumbling", "gleaming", "sprawling",
    "picturesque", "scenic", "mountainous", "tropical", "arctic", "temperate",
    "arid", "alpine", "volcanic", "forested", "medieval", "colonial", "baroque",
    "gothic", "futuristic", "minimalist", "vivid", "subtle", "haunting",
    "playful", "witty", "moving", "powerful", "gentle", "fierce", "tense",
    "dramatic", "thrilling", "disappointing", "impressive", "remarkable",
    "ordinary", "unusual", "familiar", "intricate", "handmade", "woven",
};

static const char *const prose_verbs_past[] = {
    "attracted", "drew", "featured", "celebrated", "showcased", "welcomed",
    "recorded", "reported", "produced", "exported", "harvested", "displayed",
    "restored", "opened", "closed", "expanded", "reduced", "doubled", "tripled",
    "lowered", "raised", "improved", "delayed", "cancelled", "postponed",
    "hosted", "completed", "launched", "unveiled", "built", "repaired",
    "replaced", "sold", "bought", "shipped", "planted", "painted", "published",
    "translated", "performed", "filmed", "rebuilt", "renamed", "reopened",
};

static const char *const preps[] = {
    "in", "near", "across", "along", "beside", "behind", "around", "throughout",
    "outside", "inside", "beyond", "above", "below", "at", "on", "with",
};

static const char *const speakers[] = {
    "officials said", "a government spokesman said", "diplomats said",
    "witnesses said", "state media reported", "the ministry said in a statement",
    "a senior official told reporters", "local media reported",
    "sources close to the talks said", "a military spokesman said",
    "according to a statement", "security sources said", "residents said",
    "a police spokeswoman said", "analysts said",
};

static const char *const denials[] = {
    "baseless", "fabricated", "politically motivated", "false", "absurd",
    "a provocation", "unfounded", "an attempt to distract attention",
};

static const char *const quotes[] = {
    "We will not accept any interference in our internal affairs",
    "This is a clear violation of international law",
    "Our door remains open to dialogue",
    "We call on all sides to exercise maximum restraint",
    "The talks were frank and constructive",
    "Those responsible will be held accountable",
    "We have no intention of escalating the situation",
    "There can be no military solution to this conflict",
    "We stand ready to help in any way we can",
    "The sanctions will remain in place until there is real progress",
    "We are deeply concerned by the latest reports",
    "Nobody wants a return to war",
};

/* ------------------------------------------------------------- actors -- */

static const country *pick_country(const country *avoid)
{
    const country *c;
    do
        c = &countries[rnd((uint32_t)N_OF(countries))];
    while (c == avoid);
    return c;
}

/* Possessive of a country name: "France's", "the Bahamas'". */
static void put_poss(sbuf *s, const char *name)
{
    size_t l = strlen(name);
    if (l > 0 && name[l - 1] == 's')
        sb_fmt(s, "%s'", name);
    else
        sb_fmt(s, "%s's", name);
}

/* Regular English plural of a pool noun into buf ("ranch" -> "ranches"). */
static const char *plural(const char *n, char *buf, size_t size)
{
    size_t l = strlen(n);
    const char *end = l >= 2 ? n + l - 2 : n;
    if (l > 0 && (n[l - 1] == 's' || n[l - 1] == 'x' || strcmp(end, "ch") == 0 ||
                  strcmp(end, "sh") == 0))
        snprintf(buf, size, "%ses", n);
    else if (l >= 2 && n[l - 1] == 'y' && !strchr("aeiou", n[l - 2]))
        snprintf(buf, size, "%.*sies", (int)(l - 1), n);
    else
        snprintf(buf, size, "%ss", n);
    return buf;
}

/* Write an actor noun phrase about country c. Returns 1 if plural. */
static int put_actor(sbuf *s, const country *c)
{
    switch (rnd(22)) {
    case 0: case 1: case 2:
        sb_put(s, c->name);
        return 0;
    case 3:
        sb_fmt(s, "the %s government", c->adj);
        return 0;
    case 4: case 5:
        sb_fmt(s, "the %s %s", c->adj, PICK(titles));
        return 0;
    case 6:
        sb_fmt(s, "the %s of %s", PICK(titles), c->name);
        return 0;
    case 7: case 8:
        put_poss(s, c->name);
        sb_fmt(s, " %s", PICK(ministries));
        return 0;
    case 9:
        sb_fmt(s, "police in %s", rnd(2) ? c->name : c->capital);
        return 1;
    case 10: case 11:
        sb_fmt(s, "%s %s", c->adj, PICK(groups));
        return 1;
    case 12:
        sb_fmt(s, "the %s army", c->adj);
        return 0;
    case 13:
        sb_put(s, PICK(organisations));
        return 0;
    case 14:
        sb_put(s, PICK(armed_groups));
        return 0;
    case 15:
        sb_fmt(s, "%s in %s", PICK(groups), c->name);
        return 1;
    case 16:
        sb_fmt(s, "officials in %s", c->capital);
        return 1;
    case 17:
        sb_put(s, c->capital);
        return 0;
    case 18:
        sb_fmt(s, "a delegation led by the %s %s", c->adj, PICK(titles));
        return 0;
    case 19:
        sb_fmt(s, "the %s opposition", c->adj);
        return 0;
    case 20:
        sb_fmt(s, "a court in %s", c->capital);
        return 0;
    default:
        sb_fmt(s, "%s President", c->adj);
        return 0;
    }
}

/* ---------------------------------------------------------- modifiers -- */

static void put_when(sbuf *s, int year)
{
    const char *m;
    uint32_t d;
    switch (rnd(8)) {
    case 0: case 1: case 2:
        sb_fmt(s, "on %s", PICK(weekdays));
        break;
    case 3:
        sb_fmt(s, "late on %s", PICK(weekdays));
        break;
    case 4:
        d = rnd(28) + 1;
        sb_fmt(s, "on %u %s", d, PICK(months));
        break;
    case 5:
        sb_put(s, rnd(2) ? "earlier this week" : "last month");
        break;
    case 6:
        m = PICK(months);
        sb_fmt(s, "in %s %d", m, year - (int)rnd(2));
        break;
    default:
        m = PICK(months);
        sb_fmt(s, "on %s %u", m, rnd(28) + 1);
        break;
    }
}

/* A generic noun phrase: "the colourful harbour of the old town". */
static void put_np(sbuf *s)
{
    uint32_t form = rnd(4);
    const char *w1 = PICK(adjectives);
    const char *w2 = PICK(nouns);
    const char *w3 = PICK(nouns);
    char pb[64];
    switch (form) {
    case 0:
        sb_fmt(s, "the %s %s", w1, w2);
        break;
    case 1:
        sb_fmt(s, "%s %s %s", strchr("aeiou", w1[0]) ? "an" : "a", w1, w2);
        break;
    case 2:
        sb_fmt(s, "the %s of the %s %s", w3, w1, w2);
        break;
    default:
        sb_fmt(s, "%s %s", w1, plural(w2, pb, sizeof pb));
        break;
    }
}

/* One modifier; *used collects the kinds already written in this clause
 * so that no clause says "in Paris ... in Paris". */
static void put_modifier(sbuf *s, const country *c, int year, unsigned *used)
{
    uint32_t kind;
    do
        kind = rnd(12);
    while (*used & (1u << (kind < 2 ? 0 : kind)));
    *used |= 1u << (kind < 2 ? 0 : kind);
    switch (kind) {
    case 0: case 1:
        put_when(s, year);
        break;
    case 2:
        sb_fmt(s, "in %s", c->capital);
        break;
    case 3:
        sb_fmt(s, "near the border with %s", pick_country(c)->name);
        break;
    case 4:
        sb_fmt(s, "over %s", PICK(issues));
        break;
    case 5:
        sb_fmt(s, "amid %s", PICK(issues));
        break;
    case 6:
        sb_fmt(s, "in a statement issued in %s", c->capital);
        break;
    case 7:
        sb_fmt(s, "during a %s-day visit", rnd(2) ? "two" : "three");
        break;
    case 8:
        sb_fmt(s, "for the first time since %u", 1990 + rnd(25));
        break;
    case 9:
        sb_fmt(s, "at a summit in %s", pick_country(c)->capital);
        break;
    case 10:
        sb_fmt(s, "in a %u-minute phone call", 20 + rnd(70));
        break;
    default:
        sb_fmt(s, "after %u hours of talks", 2 + rnd(30));
        break;
    }
}

static void put_complement(sbuf *s, int obj)
{
    switch (obj) {
    case OBJ_OF:
        sb_fmt(s, " of %s", PICK(crimes));
        break;
    case OBJ_TO:
        sb_fmt(s, " to %s", PICK(actions));
        break;
    case OBJ_FOR:
        if (chance(60))
            sb_fmt(s, " for %s", rnd(2) ? "its role in the crisis" : "its handling of the talks");
        break;
    case OBJ_AGAINST:
        sb_fmt(s, " against %s", rnd(2) ? "any further escalation" : "a military intervention");
        break;
    case OBJ_OVER:
        if (chance(50))
            sb_fmt(s, " over %s", PICK(issues));
        break;
    default:
        break;
    }
}

/* Verb group in one of several tenses, agreeing with the subject. */
static void put_vp(sbuf *s, const verb *v, int plural)
{
    const char *tail = v->tail;
    const char *sp = tail[0] ? " " : "";
    switch (rnd(14)) {
    case 0: case 1: case 2: case 3: case 4:
        sb_fmt(s, "%s%s%s", v->f[2], sp, tail);
        break;
    case 5: case 6:
        sb_fmt(s, "%s %s%s%s", plural ? "have" : "has", v->f[4], sp, tail);
        break;
    case 7:
        sb_fmt(s, "will %s%s%s", v->f[0], sp, tail);
        break;
    case 8:
        sb_fmt(s, "%s %s%s%s", plural ? "are" : "is", v->f[3], sp, tail);
        break;
    case 9:
        sb_fmt(s, "did not %s%s%s", v->f[0], sp, tail);
        break;
    case 10:
        sb_fmt(s, "%s not %s%s%s", plural ? "have" : "has", v->f[4], sp, tail);
        break;
    case 11: {
        static const char *const m[] = {"threatened to", "agreed to", "vowed to",
                                        "refused to", "could", "may", "plans to"};
        const char *mm = PICK(m);
        if (plural && strcmp(mm, "plans to") == 0)
            mm = "plan to";
        sb_fmt(s, "%s %s%s%s", mm, v->f[0], sp, tail);
        break;
    }
    default:
        sb_fmt(s, "%s%s%s", plural ? v->f[0] : v->f[1], sp, tail);
        break;
    }
}

/* ----------------------------------------------------------- sentences -- */

/* Core clause "A verbed B [complement] [modifiers]". */
static void put_clause(sbuf *s, int year)
{
    const country *a = pick_country(NULL), *b = pick_country(a);
    const verb *v = &verbs[rnd((uint32_t)N_OF(verbs))];
    int pl = put_actor(s, a);
    sb_put(s, " ");
    put_vp(s, v, pl);
    sb_put(s, " ");
    put_actor(s, b);
    put_complement(s, v->obj);
    unsigned used = 0;
    for (uint32_t k = 1 + rnd(3); k > 0; k--) {
        sb_put(s, " ");
        put_modifier(s, a, year, &used);
    }
}

static void event_sentence(sbuf *s, int year)
{
    const country *a = pick_country(NULL), *b = pick_country(a);
    const verb *v = &verbs[rnd((uint32_t)N_OF(verbs))];
    const char *w1, *w2, *w3;
    unsigned used = 0;
    int pl;

    /* Every random choice is its own statement: the order in which C
     * evaluates function arguments is unspecified, and the output must not
     * depend on the compiler. */
    switch (rnd(11)) {
    case 0: case 1: case 2:             /* plain clause */
        put_clause(s, year);
        sb_put(s, ".");
        break;
    case 3: case 4:                     /* trailing attribution */
        put_clause(s, year);
        sb_fmt(s, ", %s", PICK(speakers));
        if (chance(40)) {
            sb_put(s, " ");
            put_when(s, year);
        }
        sb_put(s, ".");
        break;
    case 5:                             /* reported speech, past perfect */
        put_actor(s, pick_country(NULL));
        sb_put(s, " said ");
        if (chance(50))
            sb_put(s, "that ");
        put_actor(s, a);
        sb_fmt(s, " had %s%s%s ", v->f[4], v->tail[0] ? " " : "", v->tail);
        put_actor(s, b);
        put_complement(s, v->obj);
        sb_put(s, " ");
        put_modifier(s, a, year, &used);
        sb_put(s, ".");
        break;
    case 6:                             /* passive voice */
        while (!v->passive)
            v = &verbs[rnd((uint32_t)N_OF(verbs))];
        pl = put_actor(s, b);
        if (pl)
            w1 = rnd(3) ? "were" : "have been";
        else
            w1 = rnd(3) ? "was" : "has been";
        w2 = chance(15) ? "reportedly " : "";
        sb_fmt(s, " %s %s%s by ", w1, w2, v->f[4]);
        put_actor(s, a);
        put_complement(s, v->obj);
        sb_put(s, " ");
        put_modifier(s, b, year, &used);
        sb_fmt(s, ", %s.", PICK(speakers));
        break;
    case 7:                             /* quotation */
        w1 = PICK(quotes);
        w2 = PICK(titles);
        w3 = rnd(2) ? "said" : "told reporters";
        sb_fmt(s, "\"%s,\" the %s %s %s ", w1, a->adj, w2, w3);
        put_modifier(s, a, year, &used);
        sb_fmt(s, ", after meeting %s counterpart from %s.",
               rnd(2) ? "his" : "her", b->name);
        break;
    case 8:                             /* denial */
        pl = put_actor(s, a);
        w1 = rnd(2) ? "denied reports" : "denied claims";
        sb_fmt(s, " %s that %s had %s%s%s ", w1, pl ? "they" : "it", v->f[4],
               v->tail[0] ? " " : "", v->tail);
        put_actor(s, b);
        sb_fmt(s, ", calling the accusations %s.", PICK(denials));
        break;
    case 9: {                           /* armed attack with casualties */
        static const char *const att[] = {"attacked", "shelled", "bombed", "raided",
                                          "ambushed", "struck"};
        uint32_t dead, hurt;
        put_actor(s, a);
        sb_fmt(s, " %s positions held by ", PICK(att));
        put_actor(s, b);
        dead = 2 + rnd(60);
        hurt = 5 + rnd(150);
        sb_fmt(s, " near %s, killing at least %u people and wounding %u others, %s.",
               a->capital, dead, hurt, PICK(speakers));
        break;
    }
    default:                            /* fronted clause, compound subject */
        sb_fmt(s, "After %s, ", rnd(2) ? "weeks of tension" : "a meeting in Geneva");
        put_actor(s, a);
        sb_put(s, " and ");
        put_actor(s, pick_country(a));
        sb_put(s, " ");
        put_vp(s, v, 1);
        sb_put(s, " ");
        put_actor(s, b);
        put_complement(s, v->obj);
        sb_put(s, ".");
        break;
    }
}

/* A list of up to 12 random choices drawn in a fixed order, so that a
 * single sb_fmt call can use them without unsequenced rnd() calls. */
typedef struct draws {
    const char *w[12];
    uint32_t u[8];
} draws;

static void prose_sentence(sbuf *s, int year)
{
    const country *c = pick_country(NULL);
    draws d;
    char p1[64], p2[64], p3[64];
    switch (rnd(8)) {
    case 0: {                           /* economy */
        static const char *const ind[] = {"inflation", "unemployment", "industrial output",
                                          "retail sales", "the trade surplus", "household spending",
                                          "house prices", "exports of %s"};
        char ibuf[96];
        d.w[0] = PICK(ind);
        d.w[1] = PICK(nouns);
        snprintf(ibuf, sizeof ibuf, d.w[0], d.w[1]);
        d.w[2] = rnd(2) ? "rose" : "fell";
        d.u[0] = rnd(12);
        d.u[1] = rnd(10);
        d.w[3] = PICK(months);
        d.u[2] = rnd(12);
        d.u[3] = rnd(10);
        d.w[4] = rnd(2) ? "higher" : "lower";
        sb_fmt(s, "In %s, %s %s to %u.%u percent in %s from %u.%u percent a year earlier, "
                  "the national statistics office said, while economists had expected a %s figure.",
               c->name, ibuf, d.w[2], d.u[0], d.u[1], d.w[3], d.u[2], d.u[3], d.w[4]);
        break;
    }
    case 1:                             /* weather */
        d.w[0] = rnd(2) ? "Heavy" : "Light";
        d.w[1] = rnd(3) ? "rain" : "snow";
        d.w[2] = PICK(adjectives);
        d.w[3] = rnd(2) ? "falling" : "rising";
        d.u[0] = rnd(40);
        d.w[4] = PICK(adjectives);
        sb_fmt(s, "%s %s is expected across the %s provinces of %s through the weekend, "
                  "with temperatures %s to %u degrees and %s winds along the coast.",
               d.w[0], d.w[1], d.w[2], c->name, d.w[3], d.u[0], d.w[4]);
        break;
    case 2:                             /* sport */
        d.w[0] = PICK(adjectives);
        d.w[1] = rnd(2) ? "first" : "second";
        d.u[0] = 2 + rnd(3);
        d.u[1] = rnd(2);
        d.u[2] = 5 + rnd(80);
        d.u[3] = rnd(1000);
        d.w[2] = rnd(2) ? "third" : "fifth";
        d.u[4] = 3 + rnd(15);
        sb_fmt(s, "The %s side scored twice in the %s half to beat the visitors %u-%u in front of "
                  "%u,%03u fans in %s, lifting them to %s place in the league with %u games left.",
               d.w[0], d.w[1], d.u[0], d.u[1], d.u[2], d.u[3], c->capital, d.w[2], d.u[4]);
        break;
    case 3:                             /* culture */
        d.w[0] = PICK(adjectives);
        d.w[1] = PICK(months);
        d.w[2] = PICK(adjectives);
        d.u[0] = 50 + rnd(400);
        d.w[3] = plural(PICK(nouns), p1, sizeof p1);
        d.w[4] = plural(PICK(nouns), p2, sizeof p2);
        sb_fmt(s, "The %s exhibition, which opens next %s at the %s museum in %s, brings together "
                  "more than %u %s and %s from private collections.",
               d.w[0], d.w[1], d.w[2], c->capital, d.u[0], d.w[3], d.w[4]);
        break;
    case 4:                             /* descriptive, from the big pools */
        d.w[0] = PICK(adjectives);
        d.w[1] = PICK(nouns);
        d.w[2] = PICK(adjectives);
        d.w[3] = PICK(nouns);
        sb_fmt(s, "The %s %s of the %s %s, ", d.w[0], d.w[1], d.w[2], d.w[3]);
        sb_fmt(s, "which %s ", PICK(prose_verbs_past));
        put_np(s);
        d.w[4] = PICK(preps);
        d.w[5] = PICK(nouns);
        d.u[0] = (uint32_t)year - 1 - rnd(30);
        d.w[6] = PICK(prose_verbs_past);
        sb_fmt(s, " %s the %s in %u, %s ", d.w[4], d.w[5], d.u[0], d.w[6]);
        put_np(s);
        sb_fmt(s, " %s ", PICK(preps));
        put_np(s);
        sb_put(s, " this year.");
        break;
    case 6:                             /* science */
        d.w[0] = PICK(adjectives);
        d.w[1] = PICK(nouns);
        d.w[2] = PICK(adjectives);
        d.w[3] = PICK(nouns);
        d.w[4] = PICK(prose_verbs_past);
        d.u[0] = 3 + rnd(900);
        d.w[5] = plural(PICK(nouns), p1, sizeof p1);
        d.u[1] = (uint32_t)year - 2 - rnd(20);
        sb_fmt(s, "Researchers at the %s %s in %s said the %s %s had %s %u %s since %u, "
                  "more than double the number recorded a decade earlier.",
               d.w[0], d.w[1], c->capital, d.w[2], d.w[3], d.w[4], d.u[0], d.w[5], d.u[1]);
        break;
    case 7:                             /* listings */
        d.w[0] = PICK(adjectives);
        d.w[1] = PICK(nouns);
        d.w[2] = PICK(months);
        d.u[0] = 5 + rnd(40);
        d.u[1] = d.u[0] + 10 + rnd(90);
        d.u[2] = 1 + rnd(60);
        d.w[3] = plural(PICK(nouns), p1, sizeof p1);
        sb_fmt(s, "Tickets for the %s %s, which runs until %s, cost between %u and %u dollars, "
                  "and organisers in %s expect about %u,000 visitors as well as dozens of %s.",
               d.w[0], d.w[1], d.w[2], d.u[0], d.u[1], c->capital, d.u[2], d.w[3]);
        break;
    default:                            /* travel / general */
        d.w[0] = rnd(2) ? "walk" : "cycle";
        d.w[1] = rnd(2) ? "for hours" : "at dawn";
        d.w[2] = PICK(adjectives);
        d.w[3] = PICK(nouns);
        d.w[4] = PICK(adjectives);
        d.w[5] = plural(PICK(nouns), p2, sizeof p2);
        d.w[6] = PICK(adjectives);
        d.w[7] = plural(PICK(nouns), p3, sizeof p3);
        d.u[0] = 2 + rnd(60);
        sb_fmt(s, "Visitors to %s can %s %s along the %s %s, where %s %s and %s %s line the road "
                  "for almost %u kilometres.",
               c->capital, d.w[0], d.w[1], d.w[2], d.w[3], d.w[4], d.w[5], d.w[6], d.w[7], d.u[0]);
        break;
    }
}

/* Capitalise the first letter (after an opening quote). */
static void capitalise(sbuf *s)
{
    size_t i = (s->b[0] == '"') ? 1 : 0;
    if (s->b[i] >= 'a' && s->b[i] <= 'z')
        s->b[i] = (char)(s->b[i] - 'a' + 'A');
}

/* ----------------------------------------------------------- output -- */

static void json_str(const char *t)
{
    putchar('"');
    for (; *t; t++) {
        unsigned char ch = (unsigned char)*t;
        if (ch == '"' || ch == '\\') {
            putchar('\\');
            putchar(ch);
        } else if (ch == '\n') {
            fputs("\\n", stdout);
        } else if (ch < 0x20) {
            printf("\\u%04x", ch);
        } else {
            putchar(ch);
        }
    }
    putchar('"');
}

static int days_in(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

int main(int argc, char **argv)
{
    long total = 200000, done = 0, doc = 0;
    unsigned long long seed = 1;
    static char text[1 << 17];

    if (argc > 1) {
        char *end;
        total = strtol(argv[1], &end, 10);
        if (*end || total < 0) {
            fprintf(stderr, "usage: gencorpus [NSENTENCES [SEED]]\n");
            return 2;
        }
    }
    if (argc > 2) {
        char *end;
        seed = strtoull(argv[2], &end, 10);
        if (*end) {
            fprintf(stderr, "usage: gencorpus [NSENTENCES [SEED]]\n");
            return 2;
        }
    }
    rng_state ^= seed * 0xD1B54A32D192ED03ULL;
    if (rng_state == 0)
        rng_state = 1;
    for (int k = 0; k < 8; k++)
        rng_next();

    while (done < total) {
        long n = 10 + (long)rnd(31);
        int year = 2015 + (int)rnd(12), month = 1 + (int)rnd(12);
        int day = 1 + (int)rnd((uint32_t)days_in(year, month));
        int political = chance(65);
        size_t tn = 0;
        sbuf title = {.n = 0};
        char date[40];

        if (n > total - done)
            n = total - done;
        doc++;

        for (long i = 0; i < n; i++) {
            sbuf s = {.n = 0};
            if (chance(political ? 75 : 15))
                event_sentence(&s, year);
            else
                prose_sentence(&s, year);
            capitalise(&s);
            if (i == 0) {               /* headline: the lead cut short */
                size_t cut = s.n < 70 ? s.n : 70;
                while (cut > 0 && cut < s.n && s.b[cut] != ' ')
                    cut--;
                memcpy(title.b, s.b, cut);
                title.n = cut;
                while (title.n > 0 && (title.b[title.n - 1] == '.' || title.b[title.n - 1] == ','))
                    title.n--;
                title.b[title.n] = 0;
            }
            if (i > 0) {
                const char *sep = chance(30) ? "\n\n" : " ";
                size_t l = strlen(sep);
                memcpy(text + tn, sep, l);
                tn += l;
            }
            if (tn + s.n + 4 < sizeof text) {
                memcpy(text + tn, s.b, s.n);
                tn += s.n;
            }
        }
        text[tn] = 0;
        done += n;

        if (chance(80))
            snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
        else
            snprintf(date, sizeof date, "%04d%02d%02d", year, month, day);

        printf("{\"id\":\"gen-%07ld\",\"date\":\"%s\",\"source\":", doc, date);
        json_str(PICK(wires));
        fputs(",\"title\":", stdout);
        json_str(title.b);
        fputs(",\"text\":", stdout);
        json_str(text);
        fputs("}\n", stdout);
    }
    if (fflush(stdout) != 0)
        return 1;
    return 0;
}
