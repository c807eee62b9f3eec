"""serve_pg_test.py BUILD_DIR STORE EMPTY OLD -- dyad serve on a PostgreSQL
store answers as on SQLite. Run by tests/pg_test.sh, which makes the three
databases (STORE, EMPTY and OLD: empty ones, each a postgresql:// URI).

  same answers   the test articles coded into STORE and into a SQLite file:
                 /api/events (every filter, sort, limit and cursor),
                 /api/stats, /api/series, /api/actors, /api/plot.svg,
                 /healthz and the errors are byte for byte the SQLite
                 server's
  filters        on PostgreSQL alone, each filter selects exactly the events
                 it names, and fewer than all (so that a filter both back
                 ends ignored would fail too)
  pages          every sort, 7 events a page through the cursor: every event
                 exactly once, in the sort's order, the SQLite pages
  writes         POST /api/code?store=1 on both: the same stored answer,
                 /metrics counts the stored events, the aggregates follow
  time limit     a query waiting on a lock is answered 503 at --timeout and
                 the worker's connection answers normally afterwards
  read-only      serve on a database without tables (EMPTY) or of schema
                 version 2 (OLD, tests/pg_schema2.sql) fails, naming the
                 database and the versions, and changes nothing; with an API
                 key an empty database gets its tables

Prints one line per check and 'serve-pg: N passed, M failed'."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_util import KEY, ROOT, Counter, Server, make_db  # noqa: E402

t = Counter("serve-pg")
JSONCT = {"Content-Type": "application/json", "X-API-Key": KEY}


def q(path, **params):
    return path + ("?" + urllib.parse.urlencode(params) if params else "")


def psql(url, sql):
    r = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", url, "-c", sql],
                       capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 else "psql failed: " + r.stderr.strip()


def low(s):
    """ASCII letters folded only, as the text search folds them."""
    return (s or "").encode().lower()


# (query, predicate on an event) -- each selects some events, not all
FILTERS = [
    ({"actor": "VEN"}, lambda e: e["source"].startswith("VEN") or e["target"].startswith("VEN")),
    ({"dyad": "VENMIL:GUY"}, lambda e: e["source"].startswith("VENMIL") and e["target"].startswith("GUY")),
    ({"source": "USA"}, lambda e: e["source"].startswith("USA")),
    ({"target": "guy"}, lambda e: e["target"].startswith("GUY")),
    ({"code": "19"}, lambda e: e["code"].startswith("19")),
    ({"from": "2026-03-01", "to": "20260430"}, lambda e: "20260301" <= (e["date"] or "") <= "20260430"),
    ({"from": "2026-04-01"}, lambda e: (e["date"] or "") >= "20260401"),
    ({"quad": "1"}, lambda e: e["quad"] == 1),
    ({"quad": "2"}, lambda e: e["quad"] == 2),
    ({"quad": "3"}, lambda e: e["quad"] == 3),
    ({"quad": "4"}, lambda e: e["quad"] == 4),
    ({"text": "BORDER"}, lambda e: any(b"border" in low(e[k]) for k in
                                       ("source_text", "verb_text", "target_text", "sentence_text"))),
    ({"text": "guyana"}, lambda e: any(b"guyana" in low(e[k]) for k in
                                       ("source_text", "verb_text", "target_text", "sentence_text"))),
    ({"actor": "GUY", "quad": "3", "text": "venezuela"},
     lambda e: (e["source"].startswith("GUY") or e["target"].startswith("GUY")) and e["quad"] == 3 and
     any(b"venezuela" in low(e[k]) for k in ("source_text", "verb_text", "target_text", "sentence_text"))),
]
SORTS = ("-date", "date", "-goldstein", "goldstein", "-doc", "doc")


def sort_key(sort):
    return {"date": lambda e: e["date"] or "0", "goldstein": lambda e: e["goldstein"],
            "doc": None}[sort.lstrip("-")]


def test_same(sq, pg):
    paths = [q("/api/events")]
    paths += [q("/api/events", sort=s, limit=1000) for s in SORTS]
    paths += [q("/api/events", sort="doc", limit=1000, **f) for f, _ in FILTERS]
    paths += [q("/api/events", limit=3, **f) for f, _ in FILTERS]
    paths += [q("/api/events", text="100%_"), q("/api/events", text="x" * 257),
              q("/api/events", sort="goldstein", cursor="goldstein~-2~3~1", limit=4),
              q("/api/events", sort="date", cursor="-date~1~1~1"),
              q("/api/events", sort="date", cursor="date~nan~1~1")]
    stats = [{}, {"dyad": "VEN:GUY"}, {"actor": "ven", "by": "week", "dedup": "1", "top": "3"},
             {"from": "2026-02-01", "to": "20260331", "code": "19", "by": "day"},
             {"quad": "4"}, {"text": "border", "by": "year"}, {"quad": "1", "dedup": "1"}]
    paths += [q("/api/stats", **p) for p in stats]
    paths += [q("/api/series", **p) for p in ({"dyad": "VEN:GUY"}, {"dyad": "VEN:GUY", "by": "week"},
                                              {"dyad": "VEN:GUY", "dedup": "1"}, {"actor": "JPN"},
                                              {"quad": "3"}, {"text": "border", "by": "day"})]
    paths += [q("/api/actors", **p) for p in ({}, {"q": "ven", "limit": "2"}, {"quad": "1"},
                                              {"text": "guyana"}, {"code": "1", "from": "2026-03-01"})]
    paths += [q("/api/plot.svg", **p) for p in ({"dyad": "VEN:GUY", "by": "month"},
                                                {"quad": "4", "by": "week"}, {"text": "border"})]
    diff = []
    for p in paths:
        a, b = sq.request("GET", p), pg.request("GET", p)
        if a[0] != b[0] or a[2] != b[2]:
            diff.append((p, a[0], b[0], a[2][:160], b[2][:160]))
    t.check(not diff, "%d requests: the PostgreSQL server's answers are the SQLite server's, byte for byte"
            % len(paths), diff[:3])
    st, _, doc = pg.json("GET", q("/api/events", text="x" * 257))
    t.check(st == 400 and "1 to 256" in doc["error"], "a text search over 256 bytes: 400", doc)
    (s1, _, h1), (s2, _, h2) = sq.json("GET", "/healthz"), pg.json("GET", "/healthz")
    t.check(s1 == s2 == 200 and h2["store"] == "postgres" and h2["has_events"] and
            dict(h1, store="postgres") == h2, "/healthz: the same but for the store's name", (h1, h2))


def all_events(s):
    st, _, doc = s.json("GET", q("/api/events", sort="doc", limit=1000))
    return doc["events"] if st == 200 and doc["next"] is None else []


def test_filters(pg):
    every = all_events(pg)
    t.check(len(every) > 20, "PostgreSQL: %d events, every one in one page" % len(every))
    for f, pred in FILTERS:
        st, _, doc = pg.json("GET", q("/api/events", sort="doc", limit=1000, **f))
        want = [e for e in every if pred(e)]
        got = doc["events"] if st == 200 else None
        t.check(got == want and 0 < len(want) < len(every),
                "PostgreSQL /api/events %s: exactly the %d events it names" % (f, len(want)),
                (st, got and len(got), len(want)))
        st, _, stats = pg.json("GET", q("/api/stats", **f))
        t.check(st == 200 and stats["events"] == len(want),
                "PostgreSQL /api/stats %s counts them" % f, (st, stats and stats.get("events"), len(want)))
    st, _, doc = pg.json("GET", q("/api/events", sort="doc", limit=5))
    t.check(st == 200 and doc["events"] == every[:5] and doc["count"] == 5 and doc["next"],
            "PostgreSQL limit=5: the first five and a cursor", doc and doc.get("count"))


def pages(s, limit, **params):
    """Every event through the cursor, the bodies of the pages."""
    out, bodies, cursor = [], [], None
    while len(bodies) < 200:
        p = dict(params, limit=limit)
        if cursor:
            p["cursor"] = cursor
        st, _, body = s.request("GET", q("/api/events", **p))
        if st != 200:
            return None, bodies
        bodies.append(body)
        doc = json.loads(body)
        out += doc["events"]
        cursor = doc["next"]
        if not cursor:
            break
    return out, bodies


def test_pages(sq, pg):
    every = all_events(pg)
    ids = sorted(e["event_id"] for e in every)
    for sort in SORTS:
        got, bodies = pages(pg, 7, sort=sort)
        _, sq_bodies = pages(sq, 7, sort=sort)
        ok = got is not None and len(got) == len(every) and sorted(e["event_id"] for e in got) == ids
        key = sort_key(sort)
        if ok and key:
            vals = [key(e) for e in got]
            ok = vals == sorted(vals, reverse=sort.startswith("-"))
        if ok and sort == "doc":
            ok = got == every
        if ok and sort == "-doc":
            ok = got == every[::-1]
        st, _, one = pg.json("GET", q("/api/events", sort=sort, limit=1000))
        t.check(ok and got == one["events"] and len(bodies) == (len(every) + 6) // 7,
                "PostgreSQL sort=%s, 7 a page: every event exactly once, in order, %d pages"
                % (sort, len(bodies)), (got and len(got), len(every), len(bodies)))
        t.check(bodies == sq_bodies, "PostgreSQL sort=%s: the SQLite server's pages and cursors" % sort,
                [(a[-120:], b[-120:]) for a, b in zip(bodies, sq_bodies) if a != b][:2])
    for f, pred in FILTERS[:2] + FILTERS[7:9] + FILTERS[11:12]:
        want = [e for e in every if pred(e)]
        got, bodies = pages(pg, 2, sort="-goldstein", **f)
        _, sq_bodies = pages(sq, 2, sort="-goldstein", **f)
        t.check(got is not None and sorted(e["event_id"] for e in got) ==
                sorted(e["event_id"] for e in want) and bodies == sq_bodies,
                "PostgreSQL %s, sort=-goldstein, 2 a page: each selected event once, the SQLite pages" % f,
                (got and len(got), len(want)))


def metric(s, name):
    st, _, body = s.request("GET", "/metrics")
    for line in body.decode().splitlines():
        if line.startswith(name + " "):
            return int(float(line.split()[1]))
    return None


def test_writes(sq, pg):
    before = [s.json("GET", "/api/stats")[2]["events"] for s in (sq, pg)]
    body = json.dumps({"id": "api-pg-1", "date": "2026-06-01", "source": "API Test",
                       "url": "https://example.org/api-pg-1",
                       "text": "Turkey condemned Iran for the attack."}).encode()
    answers = [s.json("POST", "/api/code?store=1", body, JSONCT) for s in (sq, pg)]
    (s1, _, a1), (s2, _, a2) = answers
    t.check(s1 == s2 == 200 and a2["stored"] and a2["stored"]["events"] == 1 and
            {k: v for k, v in a1.items() if k != "stored"} == {k: v for k, v in a2.items() if k != "stored"},
            "POST /api/code?store=1 on PostgreSQL: stored, the SQLite server's events", (a1, a2))
    t.check(metric(pg, "dyad_events_stored_total") == 1 and metric(pg, "dyad_documents_stored_total") == 1,
            "/metrics on PostgreSQL: 1 document and 1 event stored",
            (metric(pg, "dyad_events_stored_total"), metric(pg, "dyad_documents_stored_total")))
    after = [s.json("GET", "/api/stats")[2]["events"] for s in (sq, pg)]
    st, _, doc = pg.json("GET", q("/api/events", text="attack", source="TUR"))
    t.check(after == [before[0] + 1, before[1] + 1] and st == 200 and
            any(e["doc_id"] == "api-pg-1" and e["url"] == "https://example.org/api-pg-1" for e in doc["events"]),
            "the stored event is counted and listed on PostgreSQL", (before, after))
    pg.json("POST", "/api/code?store=1", body, JSONCT)
    t.check(pg.json("GET", "/api/stats")[2]["events"] == after[1] and
            metric(pg, "dyad_events_stored_total") == 2,
            "storing the same id again replaces it (and counts as stored)", metric(pg, "dyad_events_stored_total"))
    for p in (q("/api/stats", by="day"), q("/api/events", sort="-doc", limit=5), q("/api/series", actor="TUR")):
        a, b = sq.request("GET", p), pg.request("GET", p)
        t.check(a[0] == b[0] == 200 and a[2] == b[2], "after the writes, %s is the same on both" % p,
                (a[2][:200], b[2][:200]))


def test_time_limit(dyad, url):
    s = Server(dyad, url, "--timeout", "500", threads=1, key=None)
    locker = None
    try:
        st, _, want = s.request("GET", q("/api/events", limit=5))
        locker = subprocess.Popen(["psql", "-X", "-q", url], stdin=subprocess.PIPE,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)
        locker.stdin.write("BEGIN; LOCK TABLE events IN ACCESS EXCLUSIVE MODE;\n")
        locker.stdin.flush()
        held = False
        for _ in range(200):
            if psql(url, "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                         " WHERE c.relname = 'events' AND l.mode = 'AccessExclusiveLock'"
                         " AND l.granted") == "1":
                held = True
                break
            time.sleep(0.05)
        t.check(held, "a psql session holds an exclusive lock on events")
        for p in (q("/api/events", limit=5), q("/api/stats"), "/healthz"):
            t0 = time.time()
            try:
                st, _, body = s.request("GET", p, timeout=10)
                doc = json.loads(body)
            except (OSError, ValueError) as e:  # a server that waits for the lock
                st, doc = None, {"error": repr(e)}
            took = time.time() - t0
            t.check(st == 503 and ("time limit" in doc["error"] or "does not answer" in doc["error"])
                    and took < 5, "%s waiting on the lock: 503 after %.2f s (--timeout 500)" % (p, took),
                    (st, doc))
        locker.stdin.write("ROLLBACK;\n")
        locker.stdin.close()
        locker.wait(30)
        locker = None
        got = [s.request("GET", q("/api/events", limit=5)) for _ in range(8)]
        t.check(all(g[0] == 200 and g[2] == want for g in got),
                "the lock gone, the same connection answers every request (no stray cancel)",
                [g[0] for g in got])
    finally:
        if locker:
            locker.kill()
            locker.wait()
        s.stop()


def tables(url):
    return psql(url, "SELECT coalesce(string_agg(table_name || '.' || column_name, ','"
                     " ORDER BY table_name, column_name), '') FROM information_schema.columns"
                     " WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")


def serve_fails(dyad, url, words, what):
    try:
        r = subprocess.run([dyad, "serve", "--db", url, "--listen", "127.0.0.1:0"],
                           capture_output=True, text=True, timeout=20)
        rc, err = r.returncode, r.stderr
    except subprocess.TimeoutExpired as e:  # it opened the store and served
        rc, err = None, str(e.stderr)
    t.check(rc == 2 and all(w in err for w in [url] + words), what, (rc, err[-400:]))


def test_read_only(dyad, work, empty, old):
    serve_fails(dyad, empty, ["no dyad event store here", "schema version none", "reads version 3"],
                "serve on a database without tables: exit 2, the database and the versions named")
    t.check(tables(empty) == "", "... and it has no tables afterwards", tables(empty))
    make_db(dyad, work, old)
    r = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", old, "-f",
                        os.path.join(ROOT, "tests", "pg_schema2.sql")], capture_output=True, text=True)
    v2 = tables(old)
    t.check(r.returncode == 0 and "quotes." not in v2 and "events.place_name" not in v2,
            "a store taken back to schema version 2", r.stderr)
    serve_fails(dyad, old, ["schema version 2, this dyad reads 3 read-only", "dyad export --db"],
                "serve on a version 2 store: exit 2, the database and versions 2 and 3 named")
    t.check(tables(old) == v2 and psql(old, "SELECT value FROM meta WHERE key = 'schema_version'") == "2",
            "... and it is not migrated (tables, columns and version as they were)")
    # with a key, writing is allowed: the empty database gets its tables
    what = "with --api-key, an empty PostgreSQL database is made a store (as a new SQLite file)"
    try:
        s = Server(dyad, empty)
    except RuntimeError as e:
        t.check(False, what, e)
        return
    try:
        st, _, doc = s.json("GET", "/healthz")
        t.check(st == 200 and not doc["has_events"] and doc["writes"] and
                psql(empty, "SELECT value FROM meta WHERE key = 'schema_version'") == "3", what, doc)
    finally:
        s.stop()


def main():
    if len(sys.argv) != 5:
        print("usage: serve_pg_test.py BUILD_DIR STORE EMPTY OLD", file=sys.stderr)
        return 2
    dyad = os.path.join(os.path.abspath(sys.argv[1]), "dyad")
    store, empty, old = sys.argv[2:5]
    work = tempfile.mkdtemp(prefix="dyad-serve-pg.")
    try:
        sq_db = make_db(dyad, work)
        pg_db = make_db(dyad, work, store)
        sq, pg = Server(dyad, sq_db, threads=2), Server(dyad, pg_db, threads=2)
        try:
            t.check("(%s, 2 threads, writes with the API key)" % pg_db in pg.output(),
                    "dyad serve --db postgresql://... starts", pg.output())
            test_same(sq, pg)
            test_filters(pg)
            test_pages(sq, pg)
            test_writes(sq, pg)
        finally:
            t.check(sq.stop() == 0 and pg.stop() == 0, "both servers stop on SIGTERM with status 0",
                    pg.output()[-300:])
        test_time_limit(dyad, pg_db)
        test_read_only(dyad, work, empty, old)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return t.summary()


if __name__ == "__main__":
    sys.exit(main())
