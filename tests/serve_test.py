"""serve_test.py BUILD_DIR -- dyad serve's API against a test database:
every endpoint, every error (malformed JSON, oversized bodies and headers,
bad filters, missing and wrong API keys, path traversal, wrong methods),
that a rejected request stores nothing, and that the server keeps
answering while `dyad code --db` writes the same file. Prints one line per
check and 'serve: N passed, M failed'."""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_util import KEY, Counter, Server, make_db  # noqa: E402

t = Counter("serve")
AUTH = {"X-API-Key": KEY}
TEXT = {"Content-Type": "text/plain"}
JSONCT = {"Content-Type": "application/json"}


def cli(dyad, *args):
    return subprocess.run([dyad] + list(args), check=True, capture_output=True,
                          text=True).stdout


def events_of(text):
    """The event lines of JSON Lines output (not its "type":"quote" records)."""
    return [e for e in (json.loads(l) for l in text.splitlines()) if e.get("type") != "quote"]


def export(dyad, db, *args):
    return events_of(cli(dyad, "export", "--db", db, *args))


def q(path, **params):
    return path + ("?" + urllib.parse.urlencode(params) if params else "")


def is_error(s, st, doc, status, words, what):
    ok = st == status and isinstance(doc, dict) and doc.get("status") == status and \
        all(w in doc.get("error", "") for w in words)
    t.check(ok, "%s -> %d %s" % (what, status, " ".join(words)), (st, doc))


def all_pages(s, limit, **params):
    """Every event through the cursor, and the number of pages."""
    out, cursor, pages = [], None, 0
    while True:
        p = dict(params, limit=limit)
        if cursor:
            p["cursor"] = cursor
        st, _, doc = s.json("GET", q("/api/events", **p))
        if st != 200:
            return None, pages
        out += doc["events"]
        pages += 1
        cursor = doc["next"]
        if not cursor or pages > 100:
            return out, pages


def strip(ev):
    """An /api/events object without what dyad export does not write (the code's name)."""
    return {k: v for k, v in ev.items() if k != "cameo_name"}


def test_reads(dyad, db, s):
    st, h, doc = s.json("GET", "/healthz")
    t.check(st == 200 and doc["status"] == "ok" and doc["has_events"], "GET /healthz", doc)
    st, h, body = s.request("HEAD", "/healthz")
    t.check(st == 200 and body == b"", "HEAD /healthz: no body", (st, body))

    # /api/stats is dyad stats --format json, byte for byte
    for params, args in (({"dyad": "VEN:GUY"}, ["--dyad", "VEN:GUY"]),
                         ({}, []),
                         ({"actor": "ven", "by": "week", "dedup": "1", "top": "3"},
                          ["--actor", "VEN", "--by", "week", "--dedup", "--top", "3"]),
                         ({"from": "2026-02-01", "to": "20260331", "code": "19", "by": "day"},
                          ["--from", "2026-02-01", "--to", "20260331", "--code", "19", "--by", "day"])):
        st, _, body = s.request("GET", q("/api/stats", **params))
        want = cli(dyad, "stats", "--db", db, "--format", "json", *args)
        t.check(st == 200 and body.decode() == want, "GET /api/stats %s equals dyad stats %s"
                % (params, " ".join(args)), (st, body[:300], want[:300]))

    # /api/series: dyad stats' periods as columns, gaps filled
    stats = json.loads(cli(dyad, "stats", "--db", db, "--dyad", "VEN:GUY", "--format", "json"))
    st, _, se = s.json("GET", q("/api/series", dyad="VEN:GUY"))
    want_p = [p["period"] for p in stats["periods"]]
    ok = st == 200 and se["periods"] == want_p and se["events"] == [p["events"] for p in stats["periods"]]
    ok = ok and se["conflict"] == [p["quad"].get("3", 0) + p["quad"].get("4", 0) for p in stats["periods"]]
    ok = ok and se["material_cooperation"] == [p["quad"].get("2", 0) for p in stats["periods"]]
    t.check(ok, "GET /api/series by month: dyad stats' counts and quad classes", (se, want_p))
    st, _, wk = s.json("GET", q("/api/series", dyad="VEN:GUY", by="week"))
    # 2026-01-12 (W03) .. 2026-05-04 (W19): 17 consecutive weeks
    t.check(st == 200 and len(wk["periods"]) == 17 and wk["periods"][0] == "2026-W03" and
            wk["periods"][-1] == "2026-W19" and sum(wk["events"]) == stats["events"],
            "GET /api/series by week: every week between the first and last date", wk["periods"])
    st, _, dd = s.json("GET", q("/api/series", dyad="VEN:GUY", dedup="1"))
    t.check(st == 200 and sum(dd["events"]) == stats["events"] - 1 and dd["dedup"],
            "GET /api/series with dedup: the repeated report counts once", dd)
    st, _, un = s.json("GET", q("/api/series", actor="JPN"))
    t.check(st == 200 and un["unknown_date_events"] == 2 and un["periods"] == [],
            "events without a date are counted apart", un)

    # /api/events: the exported events, with the document's fields
    every = export(dyad, db)
    st, _, doc = s.json("GET", q("/api/events", limit=1000, sort="doc"))
    t.check(st == 200 and [strip(e) for e in doc["events"]] == every and doc["next"] is None,
            "GET /api/events sort=doc: dyad export's objects in its order", (st, doc and doc.get("count")))
    e0 = doc["events"][0]
    t.check(e0["publisher"] == "Test Wire" and e0["url"] == "https://example.org/srv-001" and
            e0["title"] == "Brazil and Guyana open talks" and e0["cameo_name"] == "Make a visit",
            "an event carries its publisher, title, url and CAMEO name", e0)
    ids = sorted(e["event_id"] for e in every)
    for sort in ("-date", "date", "goldstein", "-goldstein", "doc", "-doc"):
        got, pages = all_pages(s, 7, sort=sort)
        ok = got is not None and sorted(e["event_id"] for e in got) == ids and pages == 6
        key = {"date": lambda e: (e["date"] or "0"), "goldstein": lambda e: e["goldstein"],
               "doc": None}[sort.lstrip("-")]
        if ok and key:
            vals = [key(e) for e in got]
            ok = vals == sorted(vals, reverse=sort.startswith("-"))
        t.check(ok, "GET /api/events sort=%s: 7 a page, every event once, in order" % sort,
                (pages, got and len(got)))
    for params, args in (({"actor": "VEN"}, ["--actor", "VEN"]),
                         ({"dyad": "VENMIL:GUY"}, ["--dyad", "VENMIL:GUY"]),
                         ({"source": "USA"}, ["--dyad", "USA:"]),
                         ({"code": "19"}, ["--code", "19"]),
                         ({"from": "2026-03-01", "to": "2026-04-30"}, ["--from", "2026-03-01", "--to", "2026-04-30"])):
        st, _, doc = s.json("GET", q("/api/events", sort="doc", limit=1000, **params))
        if args == ["--dyad", "USA:"]:
            want = [e for e in every if e["source"].startswith("USA")]
        else:
            want = export(dyad, db, *args)
        t.check(st == 200 and [strip(e) for e in doc["events"]] == want,
                "GET /api/events %s: the events dyad export selects" % params, (st, doc))
    st, _, doc = s.json("GET", q("/api/events", quad=4, limit=1000))
    t.check(st == 200 and doc["count"] == sum(e["quad"] == 4 for e in every) and
            all(e["quad"] == 4 for e in doc["events"]), "GET /api/events quad=4", doc and doc["count"])
    st, _, doc = s.json("GET", q("/api/events", text="BORDER", limit=1000))
    want = [e for e in every if "border" in (e["sentence_text"] + e["target_text"]).lower()]
    t.check(st == 200 and sorted(e["event_id"] for e in doc["events"]) ==
            sorted(e["event_id"] for e in want), "GET /api/events text=BORDER (any case)",
            (doc and doc["count"], len(want)))
    st, _, doc = s.json("GET", q("/api/events", text="100%_"))
    t.check(st == 200 and doc["count"] == 0, "text search: % and _ are literal", doc)

    # lookup tables
    st, _, ac = s.json("GET", "/api/actors")
    names = {a["code"]: a for a in ac["actors"]} if st == 200 else {}
    t.check(names.get("VEN", {}).get("name") == "Venezuela" and
            names.get("GUYGOV", {}).get("name") == "Guyana government" and
            names.get("IGOUNO", {}).get("name") == "United Nations",
            "GET /api/actors: names of countries, roles, organisations", list(names.items())[:4])
    top = {a["name"]: a["events"] for a in json.loads(cli(dyad, "stats", "--db", db, "--format",
                                                         "json", "--top", "1000"))["top_actors"]}
    t.check(all(top[c] == a["events"] for c, a in names.items()), "actors count as dyad stats does")
    st, _, ac = s.json("GET", q("/api/actors", q="ven", limit=2))
    t.check(st == 200 and ac["count"] == 2 and all(a["code"].startswith("VEN") for a in ac["actors"])
            and ac["matched"] >= 3, "GET /api/actors?q=ven&limit=2", ac)
    st, _, co = s.json("GET", "/api/codes")
    c190 = [c for c in co["codes"] if c["code"] == "190"] if st == 200 else []
    t.check(c190 and c190[0]["name"] == "Use conventional military force" and c190[0]["quad"] == 4
            and c190[0]["plover_type"] == "ASSAULT" and co["count"] > 250,
            "GET /api/codes: the CAMEO table with names and PLOVER", c190)
    st, _, co = s.json("GET", q("/api/codes", prefix="04"))
    t.check(st == 200 and co["count"] > 5 and all(c["code"].startswith("04") for c in co["codes"]),
            "GET /api/codes?prefix=04", co and co["count"])

    st, h, body = s.request("GET", q("/api/plot.svg", dyad="VEN:GUY", by="month"))
    # (the command's note names the database file; the server's does not)
    want = cli(dyad, "plot", "--db", db, "--dyad", "VEN:GUY", "--by", "month", "-o", "-")
    want = want.replace(" (%s)" % db, "")
    t.check(st == 200 and h["content-type"].startswith("image/svg+xml") and
            body.decode() == want,
            "GET /api/plot.svg?dyad=VEN:GUY: the chart dyad plot draws, byte for byte (but the file name)",
            (st, len(body), len(want)))
    st, h, doc = s.json("GET", q("/api/plot.svg", by="fortnight"))
    is_error(s, st, doc, 400, ["by", "fortnight"], "GET /api/plot.svg?by=fortnight")

    st, h, body = s.request("GET", "/metrics")
    text = body.decode()
    t.check(st == 200 and h["content-type"].startswith("text/plain") and
            'dyad_http_requests_total{route="/api/events",code="2xx"}' in text and
            "dyad_http_request_duration_seconds_bucket" in text and "dyad_resident_memory_bytes" in text,
            "GET /metrics: counts, latency histograms, memory", text[:300])

    st, h, body = s.request("GET", "/")
    t.check(st == 200 and h["content-type"].startswith("text/html") and b"app.js" in body and
            "default-src 'self'" in h.get("content-security-policy", ""),
            "GET /: the dashboard, with a content security policy", h)
    st, h, body = s.request("GET", "/app.js")
    t.check(st == 200 and h["content-type"].startswith("text/javascript"), "GET /app.js", h)


def test_code(dyad, db, s, work):
    st, _, doc = s.json("POST", q("/api/code", date="2026-02-17"),
                        b"Turkey condemned Iran for the attack.", TEXT)
    t.check(st == 200 and doc["nevents"] == 1 and doc["events"][0]["code"] == "111" and
            doc["stored"] is None and doc["date"] == "2026-02-17" and doc["id"].startswith("api-"),
            "POST /api/code text/plain", doc)
    st, _, doc = s.json("POST", q("/api/code", explain=1), b"Iran's president met his Turkish counterpart.", TEXT)
    t.check(st == 200 and isinstance(doc.get("trace"), list) and doc["trace"] and
            "tokens" in json.dumps(doc["trace"]), "POST /api/code?explain=1: the explain trace", doc)
    # a JSON document codes as dyad code codes the same line
    line = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "serve", "news.jsonl")).readline()
    st, _, doc = s.json("POST", "/api/code", line.encode(), JSONCT)
    p = os.path.join(work, "one.jsonl")
    with open(p, "w") as f:
        f.write(line)
    want = events_of(cli(dyad, "code", p))
    t.check(st == 200 and doc["events"] == want, "POST /api/code JSON: dyad code's events", (doc, want))
    st, _, doc = s.json("POST", "/api/code", "Les forces ont attaqu\xe9 \u00e0 l'aube.".encode("latin-1", "replace"), TEXT)
    t.check(st == 200 and doc["invalid_bytes"] >= 1, "invalid UTF-8 is replaced and counted", doc)


def count(dyad, db):
    return len(export(dyad, db))


def test_errors(dyad, db, s, work):
    before = count(dyad, db)
    e = lambda m, p, b=None, h=None: s.json(m, p, b, h)  # noqa: E731
    # API key
    st, h, doc = e("POST", "/api/code?store=1", b"Turkey condemned Iran.", TEXT)
    is_error(s, st, doc, 401, ["API key"], "store without the key")
    t.check(h.get("www-authenticate", "").startswith("Bearer"), "401 says how to authenticate", h)
    st, h, doc = e("POST", "/api/code?store=1", b"Turkey condemned Iran.", dict(TEXT, **{"X-API-Key": KEY + "x"}))
    is_error(s, st, doc, 403, ["wrong API key"], "store with a wrong key")
    st, h, doc = e("POST", "/api/code?store=1", b"Turkey condemned Iran.",
                   dict(TEXT, Authorization="Bearer " + KEY[:-1]))
    is_error(s, st, doc, 403, ["wrong API key"], "store with a wrong Bearer token")
    st, h, doc = e("POST", "/api/code?store=1", b"Turkey condemned Iran.", dict(TEXT, Authorization="Basic eDp5"))
    is_error(s, st, doc, 401, ["Bearer"], "store with Basic authentication")
    # bodies
    for body, words, what in ((b'{"text": "Turkey', ["malformed JSON"], "malformed JSON"),
                              (b'["Turkey condemned Iran."]', ["must be an object"], "JSON not an object"),
                              (b'{"title": "x"}', ["text", "missing"], "JSON without text"),
                              (b'{"text": 5}', ["text", "string"], "text not a string"),
                              (b'{"text": "a", "text": "b"}', ["malformed JSON", "duplicate"], "a key twice"),
                              (b'{"text": "Turkey condemned Iran.", "date": "yesterday"}', ["date"], "a bad date"),
                              (b'{"text": "a\\u0000b"}', ["malformed JSON"], "NUL in a string"),
                              (b'{"text": "   "}', ["no text"], "blank text")):
        st, _, doc = e("POST", "/api/code?store=1", body, dict(JSONCT, **AUTH))
        is_error(s, st, doc, 400, words, "POST " + what)
    st, _, doc = e("POST", "/api/code?store=1", b"", dict(TEXT, **AUTH))
    is_error(s, st, doc, 400, ["no text"], "POST an empty body")
    st, _, doc = e("POST", "/api/code?store=1", b"a=b", dict({"Content-Type": "application/x-www-form-urlencoded"}, **AUTH))
    is_error(s, st, doc, 415, ["Content-Type"], "POST a form")
    st, _, doc = e("POST", '/api/code?store=1&date=2026-01-01', b'{"text":"x"}', dict(JSONCT, **AUTH))
    is_error(s, st, doc, 400, ["in the document"], "JSON body with date in the query")
    st, _, doc = e("POST", "/api/code?store=maybe", b"x", TEXT)
    is_error(s, st, doc, 400, ["store", "flag"], "store=maybe")
    # the answer comes once the headers are read: the body is not waited for
    sock = socket.create_connection(("127.0.0.1", s.port), timeout=30)
    sock.sendall(("POST /api/code?store=1 HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                  "X-API-Key: %s\r\nContent-Length: 1200000\r\n\r\n" % KEY).encode()
                 + b"Turkey condemned Iran. " * 100)
    raw = b""
    while b"}" not in raw:
        chunk = sock.recv(65536)
        if not chunk:
            break
        raw += chunk
    sock.close()
    head, _, rest = raw.partition(b"\r\n\r\n")
    st = int(head.split()[1]) if head else 0
    try:
        doc = json.loads(rest[rest.index(b"{"):rest.rindex(b"}") + 1])
    except ValueError:
        doc = None
    is_error(s, st, doc, 413, ["larger than 1048576"], "an oversized body (Content-Length)")

    def chunks():
        for _ in range(60):
            yield b"Turkey condemned Iran. " * 1000
    c = __import__("http.client").client.HTTPConnection("127.0.0.1", s.port, timeout=30)
    c.request("POST", "/api/code?store=1", body=chunks(), headers=dict(TEXT, **AUTH), encode_chunked=True)
    r = c.getresponse()
    doc = json.loads(r.read())
    c.close()
    is_error(s, r.status, doc, 413, ["larger than"], "an oversized chunked body")
    # headers
    st, _, doc = e("GET", "/healthz", None, {"X-Filler": "a" * 20000})
    is_error(s, st, doc, 431, ["headers larger than"], "20 KB of headers")
    st, _, doc = e("GET", "/healthz", None, {"X-Filler": "a" * 100000})
    t.check(st == 431, "100 KB of headers -> 431", st)
    # nothing stored by any of them
    t.check(count(dyad, db) == before, "no rejected request stored anything", (count(dyad, db), before))

    # filters
    for params, words in (({"from": "yesterday"}, ["from", "not a date"]),
                          ({"to": "2026-13-01"}, ["to", "not a date"]),
                          ({"from": "2026-05-01", "to": "2026-01-01"}, ["after"]),
                          ({"quad": "5"}, ["quad", "1 to 4"]),
                          ({"quad": "x"}, ["quad"]),
                          ({"code": "1a"}, ["code", "CAMEO"]),
                          ({"code": "12345"}, ["code"]),
                          ({"actor": "US A"}, ["actor", "not an actor code"]),
                          ({"actor": "A" * 64}, ["actor", "1 to 63"]),
                          ({"dyad": "VEN"}, ["dyad", "SOURCE:TARGET"]),
                          ({"dyad": "VEN:GUY", "source": "VEN"}, ["not both"]),
                          ({"text": "x" * 300}, ["text", "256"]),
                          ({"limit": "0"}, ["limit", "1 to 1000"]),
                          ({"limit": "1001"}, ["limit"]),
                          ({"sort": "random"}, ["sort", "-date"]),
                          ({"cursor": "garbage"}, ["cursor"]),
                          ({"cursor": "date~20260101~1~0"}, ["cursor", "sort=-date"]),
                          ({"cursor": "-date~x~1~0"}, ["cursor", "not a cursor"]),
                          ({"colour": "red"}, ["unknown parameter 'colour'"])):
        st, _, doc = e("GET", q("/api/events", **params))
        is_error(s, st, doc, 400, words, "GET /api/events %s" % params)
    st, _, doc = e("GET", "/api/events?actor=VEN&actor=GUY")
    is_error(s, st, doc, 400, ["given twice"], "a parameter given twice")
    for path, words in ((q("/api/stats", by="decade"), ["by"]),
                        (q("/api/stats", top="-1"), ["top"]),
                        (q("/api/stats", dedup="perhaps"), ["dedup"]),
                        (q("/api/series", top="3"), ["unknown parameter 'top'"]),
                        (q("/api/actors", limit="9999"), ["limit"]),
                        (q("/api/codes", prefix="x"), ["prefix"]),
                        (q("/healthz", verbose="1"), ["unknown parameter"])):
        st, _, doc = e("GET", path)
        is_error(s, st, doc, 400, words, "GET " + path)
    # methods and paths
    st, h, doc = e("DELETE", "/api/events")
    is_error(s, st, doc, 405, ["GET"], "DELETE /api/events")
    t.check(h.get("allow") == "GET, HEAD", "405 names the allowed methods", h)
    st, h, doc = e("GET", "/api/code")
    is_error(s, st, doc, 405, ["POST"], "GET /api/code")
    st, h, doc = e("POST", "/healthz", b"x", TEXT)
    is_error(s, st, doc, 405, ["GET"], "POST /healthz")
    st, h, doc = e("GET", "/api/nothing")
    is_error(s, st, doc, 404, ["no such endpoint"], "GET /api/nothing")
    st, h, doc = e("GET", "/nothing.html")
    is_error(s, st, doc, 404, ["no such file"], "GET /nothing.html")
    # static files stay in their folder
    for path in ("/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                 "/..%2f..%2f..%2fetc%2fpasswd", "/.%2e/.%2e/etc/passwd", "/web/../../etc/passwd",
                 "//etc/passwd", "/.hidden", "/a/./b"):
        st, h, body = s.request("GET", path)
        t.check(st in (400, 403, 404) and b"root:" not in body and body.startswith(b"{"),
                "GET %s is refused with a JSON error" % path, (st, body[:120]))
    # the path ends at a decoded NUL: "/" is what is left
    st, h, body = s.request("GET", "/%00../etc/passwd")
    t.check(b"root:" not in body and (st != 200 or b"app.js" in body),
            "GET /%00../etc/passwd serves nothing outside", (st, body[:80]))


def test_static_links(dyad, db, work):
    web = os.path.join(work, "web")
    os.makedirs(web)
    with open(os.path.join(web, "index.html"), "w") as f:
        f.write("<!doctype html><title>x</title>")
    os.makedirs(os.path.join(work, "outside"))
    with open(os.path.join(work, "outside", "secret.txt"), "w") as f:
        f.write("secret")
    os.symlink(os.path.join(work, "outside", "secret.txt"), os.path.join(web, "link.txt"))
    os.symlink(os.path.join(work, "outside"), os.path.join(web, "dir"))
    s = Server(dyad, db, "--web", web, key=None)
    try:
        for path in ("/link.txt", "/dir/secret.txt"):
            st, _, body = s.request("GET", path)
            t.check(st == 403 and body.startswith(b"{") and not body.startswith(b"secret"),
                    "a symbolic link out of the folder: %s" % path,
                    (st, body))
        st, _, doc = s.json("POST", "/api/code?store=1", b"Turkey condemned Iran.", dict(TEXT, **AUTH))
        is_error(s, st, doc, 403, ["no API key"], "a server without a key refuses writes")
    finally:
        t.check(s.stop() == 0, "the server stops on SIGTERM with status 0")


def test_store(dyad, db, s):
    before = count(dyad, db)
    body = json.dumps({"id": "api-store-1", "date": "2026-06-01", "source": "API Test",
                       "url": "https://example.org/api-1", "text": "Turkey condemned Iran for the attack."})
    st, _, doc = s.json("POST", "/api/code?store=1", body.encode(), dict(JSONCT, **AUTH))
    t.check(st == 200 and doc["stored"] and doc["stored"]["events"] == 1, "POST /api/code?store=1 with the key", doc)
    got = [e for e in export(dyad, db) if e["doc_id"] == "api-store-1"]
    t.check(count(dyad, db) == before + 1 and got and got[0]["code"] == "111",
            "the stored event is in dyad export", got)
    st, _, doc = s.json("GET", q("/api/events", text="attack", source="TUR"))
    t.check(st == 200 and any(e["doc_id"] == "api-store-1" and e["url"] == "https://example.org/api-1"
                              for e in doc["events"]), "and in /api/events, with its url", doc)
    st, _, doc = s.json("POST", "/api/code?store=1", body.encode(),
                        dict(JSONCT, Authorization="Bearer " + KEY))
    t.check(st == 200 and count(dyad, db) == before + 1, "storing the same id again replaces it", doc)


def test_concurrent_writer(dyad, db, s, work):
    """GETs answer while dyad code --db writes the same file in batches."""
    big = os.path.join(work, "big.jsonl")
    lines = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "serve", "news.jsonl")).read().splitlines()
    with open(big, "w") as f:
        for i in range(4000):
            d = json.loads(lines[i % len(lines)])
            d["id"] = "bulk-%05d" % i
            f.write(json.dumps(d) + "\n")
    writer = subprocess.Popen([dyad, "code", "--db", db, "--db-batch", "200", big],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    statuses, worst = [], 0.0
    counts = []
    while writer.poll() is None and len(statuses) < 2000:
        t0 = time.time()
        st, _, doc = s.json("GET", q("/api/stats", top=1))
        st2, _, _ = s.json("GET", q("/api/events", limit=20))
        worst = max(worst, time.time() - t0)
        statuses += [st, st2]
        if st == 200:
            counts.append(doc["events"])
    writer.wait()
    t.check(statuses and all(x == 200 for x in statuses),
            "%d requests answered 200 while dyad code --db wrote the file" % len(statuses),
            set(statuses))
    t.check(worst < 5, "no request waited on the writer (slowest %.2f s)" % worst, worst)
    t.check(counts == sorted(counts) and len(set(counts)) > 1,
            "the counts grew batch by batch as the writer committed", counts[:5] + counts[-5:])
    st, _, doc = s.json("GET", "/api/stats")
    t.check(st == 200 and doc["events"] == count(dyad, db), "the final count is the store's", doc and doc["events"])

    # concurrent codings: one dyad_doc per worker, the results as alone
    results, errors = [], []
    texts = ["Turkey condemned Iran for the attack.", "Iran's president met his Turkish counterpart.",
             "Russian forces shelled Ukrainian positions near Kharkiv."]
    alone = [s.json("POST", "/api/code", x.encode(), TEXT)[2]["events"] for x in texts]

    def run(k):
        for i in range(30):
            st, _, doc = s.json("POST", "/api/code", texts[(i + k) % 3].encode(), TEXT)
            if st != 200:
                errors.append(st)
            else:
                results.append((texts.index(texts[(i + k) % 3]), doc["events"]))
    th = [threading.Thread(target=run, args=(k,)) for k in range(6)]
    for x in th:
        x.start()
    for x in th:
        x.join()
    t.check(not errors and len(results) == 180 and all(ev == alone[i] for i, ev in results),
            "180 codings from 6 clients at once give the events of each text alone", errors[:5])


def main():
    build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build")
    dyad = os.path.join(build, "dyad")
    work = tempfile.mkdtemp(prefix="dyad-serve-test.")
    try:
        db = make_db(dyad, work)
        st = subprocess.run([dyad, "serve"], capture_output=True, text=True)
        t.check(st.returncode == 2 and "--db" in st.stderr, "dyad serve without --db: usage error", st.stderr)
        st = subprocess.run([dyad, "serve", "--db", os.path.join(work, "none.sqlite")],
                            capture_output=True, text=True)
        t.check(st.returncode == 2 and "no such database" in st.stderr, "a missing database", st.stderr)
        st = subprocess.run([dyad, "serve", "--db", db, "--api-key", "short"], capture_output=True, text=True)
        t.check(st.returncode == 2 and "16 to 256" in st.stderr, "a short API key is refused", st.stderr)
        st = subprocess.run([dyad, "serve", "--db", db, "--listen", "example.org:80"],
                            capture_output=True, text=True)
        t.check(st.returncode == 2 and "ADDRESS:PORT" in st.stderr, "--listen takes an address", st.stderr)
        keyfile = os.path.join(work, "key")
        with open(keyfile, "w") as f:
            f.write(KEY + "\n")
        s = Server(dyad, db, "--api-key-file", keyfile, key=None)
        t.check("127.0.0.1:%d" % s.port in s.output() and "writes with the API key" in s.output(),
                "the server says where it listens", s.output())
        try:
            test_reads(dyad, db, s)
            test_code(dyad, db, s, work)
            test_errors(dyad, db, s, work)
            test_store(dyad, db, s)
            test_concurrent_writer(dyad, db, s, work)
        finally:
            t.check(s.stop() == 0, "the server stops on SIGTERM with status 0", s.output()[-500:])
        test_static_links(dyad, db, work)
        # a store created empty when the key allows writing into it
        s = Server(dyad, os.path.join(work, "new.sqlite"))
        try:
            st, _, doc = s.json("GET", "/healthz")
            t.check(st == 200 and not doc["has_events"], "a new, empty store with --api-key", doc)
        finally:
            s.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return t.summary()


if __name__ == "__main__":
    sys.exit(main())
