#!/usr/bin/env python3
"""assemble.py BATCH SLOT OUT.jsonl -- raw + gold -> corpus records, appended to OUT."""
import json, sys
batch, slot, out = sys.argv[1], sys.argv[2], sys.argv[3]
arts = json.load(open("raw/%s.json" % slot)); gold = json.load(open("gold/%s.json" % slot))
with open(out, "a") as f:
    for a in arts:
        rec = {"id": a["id"], "batch": batch, "split": "dev", "date": a["date"],
               "publisher": a["publisher"], "genre": a["genre"], "title": a["title"],
               "paragraphs": a["paragraphs"],
               "gold": [{"n": s["n"], "events": [{k: e[k] for k in ("source", "target", "code", "context", "tags", "why")} for e in s["events"]]} for s in gold[a["id"]]]}
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
print("appended", len(arts), "to", out)
