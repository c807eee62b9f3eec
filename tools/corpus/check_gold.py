#!/usr/bin/env python3
"""check_gold.py NUMBERED.txt GOLD.json -- every sentence present, fields well formed."""
import json, re, sys
num, gold = sys.argv[1], sys.argv[2]
arts, cur = {}, None
for line in open(num):
    if line.startswith("=== ARTICLE "):
        cur = line[12:].split("|")[0].strip(); arts[cur] = []
    elif re.match(r"^\d+: ", line) and cur:
        arts[cur].append(int(line.split(":")[0]))
g = json.load(open(gold)); bad = 0
TAGS = set("headline quote reported list conjunct reciprocal domestic intent demand light noun passive background metonym officeholder pronoun description".split())
for aid, ns in arts.items():
    if aid not in g: print("missing article", aid); bad += 1; continue
    got = [e.get("n") for e in g[aid]]
    if got != ns: print(aid, "sentence numbers differ: missing", sorted(set(ns) - set(got)), "extra", sorted(set(got) - set(ns))); bad += 1
    for s in g[aid]:
        for ev in s.get("events", []):
            for k in ("source", "target", "code", "context", "tags", "why"):
                if k not in ev: print(aid, s.get("n"), "event lacks", k); bad += 1
            if not re.match(r"^\d{3,4}$", str(ev.get("code", ""))): print(aid, s.get("n"), "bad code", ev.get("code")); bad += 1
            if not isinstance(ev.get("context"), bool): print(aid, s.get("n"), "context must be true/false"); bad += 1
            for t in ev.get("tags", []):
                if t not in TAGS: print(aid, s.get("n"), "unknown tag", t); bad += 1
for aid in g:
    if aid not in arts: print("extra article", aid); bad += 1
n = sum(len(s.get("events", [])) for a in g.values() for s in a)
print("OK" if not bad else "%d problems" % bad, "-", n, "events")
sys.exit(1 if bad else 0)
