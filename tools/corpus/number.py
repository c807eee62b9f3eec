#!/usr/bin/env python3
"""number.py RAW.json SLOT OUT.txt -- numbered text for the coder (0 = title)."""
import json, sys
raw, slot, out = sys.argv[1], sys.argv[2], sys.argv[3]
arts = json.load(open(raw))
with open(out, "w") as f:
    for a in arts:
        assert a["id"].startswith(slot + "-"), a["id"]
        f.write("=== ARTICLE %s | %s | %s | %s\n" % (a["id"], a["date"], a["publisher"], a["genre"]))
        f.write("0: %s\n\n" % a["title"])
        n = 1
        for p in a["paragraphs"]:
            for s in p:
                f.write("%d: %s\n" % (n, s)); n += 1
            f.write("\n")
print(out, [sum(len(p) for p in a["paragraphs"]) + 1 for a in arts])
