"""Tests of the Python binding (python/dyad) over libdyad.so.

Run from python/ with the library named by DYAD_LIBRARY (make test does):

    DYAD_LIBRARY=../build/libdyad.so python3 -m unittest discover -s tests -v

The small invented dictionaries (Valdoria, Kestria) are the ones of
examples/embed.c and tests/test_coder.c.
"""

import datetime
import os
import re
import tempfile
import threading
import unittest

import dyad

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))

ACTORS = """VALDORIA [VAL]
+VALDORIAN
+VALDORIANS
KESTRIA [KES]
+KESTRIAN
KESTOWN [KES]
AMARA_TOLL
    [VALGOV 20100101-20191231]
    [VALELI]
"""

AGENTS = """GOVERNMENT [~GOV]
MINISTER [~GOV]
FOREIGN_MINISTER [~GOV]
TROOPS {} [~MIL]
POLICE {} [~COP]
"""

VERBS = """--- ATTACK [190] ---
ATTACK {ATTACKS ATTACKED ATTACKING}
--- MEET [040:040] ---
MEET {MEETS MET MEETING}
--- VISIT [042:043] ---
VISIT {VISITS VISITED VISITING}
"""

BUFFERS = [("verbs", "t.verbs.txt", VERBS), ("actors", "t.actors.txt", ACTORS),
           ("agents", "t.agents.txt", AGENTS)]

KEYS = {"source", "target", "code", "root", "quad", "goldstein", "sentence",
        "source_text", "verb_text", "target_text", "sentence_text", "spans",
        "rule", "in_title", "issues"}

IRAN = "Iran's foreign minister met his Turkish counterpart in Ankara."


def triples(events):
    return [(e["sentence"], e["source"], e["code"], e["target"])
            for e in events]


class TestLibrary(unittest.TestCase):
    def test_version_is_the_headers(self):
        with open(os.path.join(ROOT, "include", "dyad.h")) as f:
            m = re.search(r'#define DYAD_VERSION "([^"]+)"', f.read())
        self.assertEqual(dyad.version(), m.group(1))
        major, minor, patch = (int(x) for x in m.group(1).split("."))
        self.assertEqual(dyad.version_number(),
                         major * 10000 + minor * 100 + patch)

    def test_library_from_environment(self):
        env = os.environ.get("DYAD_LIBRARY")
        if not env:
            self.skipTest("DYAD_LIBRARY not set")
        self.assertEqual(dyad.library_path(), env)

    def test_parse_date(self):
        self.assertEqual(dyad.parse_date("2024-01-15"), 20240115)
        self.assertEqual(dyad.parse_date("20240115"), 20240115)
        self.assertEqual(dyad.parse_date(20240115), 20240115)
        self.assertEqual(dyad.parse_date(datetime.date(2024, 1, 15)),
                         20240115)
        self.assertEqual(dyad.parse_date("2016-01-02T10:00:00Z"), 20160102)
        self.assertEqual(dyad.parse_date(None), 0)
        with self.assertRaises(ValueError):
            dyad.parse_date("2015-02-29")
        with self.assertRaises(TypeError):
            dyad.parse_date(1.5)


class TestBundled(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.e = dyad.Engine()

    @classmethod
    def tearDownClass(cls):
        cls.e.close()

    def test_code_a_sentence(self):
        events = self.e.code(IRAN, date="2024-01-15")
        self.assertEqual(triples(events), [(0, "IRNGOV", "040", "TURGOV"),
                                           (0, "TURGOV", "040", "IRNGOV")])
        ev = events[0]
        self.assertEqual(set(ev), KEYS)
        self.assertEqual(ev["root"], "04")
        self.assertEqual(ev["quad"], 1)
        self.assertIsInstance(ev["goldstein"], float)
        self.assertEqual(ev["source_text"], "Iran's foreign minister")
        self.assertEqual(ev["verb_text"], "met")
        self.assertEqual(ev["target_text"], "his Turkish counterpart")
        self.assertEqual(ev["sentence_text"], IRAN)
        self.assertRegex(ev["rule"], r"^<bundled>/dyad\.verbs\.txt:\d+$")
        self.assertFalse(ev["in_title"])
        for name in ("source", "verb", "target", "sentence"):
            a, b = ev["spans"][name]
            want = ev["sentence_text" if name == "sentence"
                      else name + "_text"]
            self.assertEqual(IRAN[a:b], want, name)

    def test_the_engine_facts(self):
        self.assertEqual(self.e.model, "clause")
        s = self.e.stats()
        self.assertGreater(s["actor_phrases"], 1000)
        self.assertGreater(s["files"], 0)
        self.assertEqual(self.e.cameo("190")[0], 4)
        self.assertIsNone(self.e.cameo("999"))

    def test_article_example(self):
        import json
        with open(os.path.join(ROOT, "examples", "article.jsonl")) as f:
            rec = json.loads(f.readline())
        events = self.e.code(rec["text"], date=rec["date"])
        self.assertIn((0, "BRAGOV", "042", "GUYGOV"), triples(events))
        self.assertIn("163", [ev["code"] for ev in events])

    def test_bytes_and_str_give_the_same_events(self):
        a = self.e.code(IRAN, date=20240115)
        b = self.e.code(IRAN.encode(), date=b"20240115")
        self.assertEqual(a, b)

    def test_spans_count_characters_of_a_str(self):
        text = "Ünïcödé Rävëns wön the cüp. " + IRAN
        ev = self.e.code(text, date="2024-01-15")[0]
        a, b = ev["spans"]["source"]
        self.assertEqual(text[a:b], "Iran's foreign minister")
        raw = text.encode()
        evb = self.e.code(raw, date="2024-01-15")[0]
        a, b = evb["spans"]["source"]
        self.assertEqual(raw[a:b], b"Iran's foreign minister")

    def test_no_events(self):
        self.assertEqual(self.e.code(""), [])
        self.assertEqual(self.e.code("The weather was fine."), [])

    def test_require_dyad(self):
        text = "Iran's foreign minister said the talks went well."
        self.assertLessEqual(len(self.e.code(text)),
                             len(self.e.code(text, require_dyad=False)))

    def test_threads_share_an_engine(self):
        want = triples(self.e.code(IRAN, date="2024-01-15"))
        got, errors = [], []

        def work():
            try:
                for _ in range(20):
                    got.append(triples(self.e.code(IRAN, date="2024-01-15")))
            except Exception as ex:  # pragma: no cover - reported below
                errors.append(ex)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(got, [want] * 80)

    def test_bad_arguments(self):
        with self.assertRaises(TypeError):
            self.e.code(None)
        with self.assertRaises(TypeError):
            self.e.code(IRAN, title=5)
        with self.assertRaises(ValueError):
            self.e.code(IRAN, date="yesterday")


class TestBuffers(unittest.TestCase):
    def setUp(self):
        self.e = dyad.Engine(buffers=BUFFERS)

    def tearDown(self):
        self.e.close()

    def test_title_is_sentence_zero(self):
        title = "Valdorian troops attack Kestrian police"
        text = ("Amara Toll met the Kestrian foreign minister in Kestown. "
                "The Valdorian government visited Kestria.")
        events = self.e.code(text, date="2015-03-10", title=title)
        self.assertEqual(triples(events), [
            (0, "VALMIL", "190", "KESCOP"),
            (1, "VALGOV", "040", "KESGOV"), (1, "KESGOV", "040", "VALGOV"),
            (2, "VALGOV", "042", "KES"), (2, "KES", "043", "VALGOV")])
        self.assertEqual([ev["in_title"] for ev in events],
                         [True, False, False, False, False])
        a, b = events[0]["spans"]["verb"]
        self.assertEqual(title[a:b], "attack")
        a, b = events[1]["spans"]["source"]
        self.assertEqual(text[a:b], "Amara Toll")
        self.assertEqual(events[0]["rule"], "t.verbs.txt:2")

    def test_dates_select_actor_codes(self):
        text = "Amara Toll met the Kestrian foreign minister."
        self.assertEqual(self.e.code(text, date="2015-03-10")[0]["source"],
                         "VALGOV")
        self.assertEqual(self.e.code(text, date=datetime.date(2021, 6, 1))
                         [0]["source"], "VALELI")

    def test_only_the_buffers(self):
        # no bundled dictionaries: Iran is unknown (the word classes of the
        # coder's rules, dyad.rules.txt, are always loaded: the fourth)
        self.assertEqual(self.e.code(IRAN), [])
        self.assertEqual(self.e.stats()["files"], 4)

    def test_bundled_fills_the_other_kinds(self):
        with dyad.Engine(buffers=[BUFFERS[1]], bundled=True) as e:
            events = e.code("Valdorian troops attacked Kestrian police.")
            self.assertEqual(triples(events), [(0, "VALMIL", "190", "KESCOP")])

    def test_files_and_folders(self):
        with tempfile.TemporaryDirectory() as d:
            for kind, name, text in BUFFERS:
                with open(os.path.join(d, name), "w") as f:
                    f.write(text)
            text = "Valdorian troops attacked Kestrian police."
            paths = [(kind, os.path.join(d, name))
                     for kind, name, _ in BUFFERS]
            with dyad.Engine(dicts=paths) as e:
                evs = e.code(text)
                self.assertEqual(triples(evs), [(0, "VALMIL", "190", "KESCOP")])
                self.assertEqual(evs[0]["rule"],
                                 os.path.join(d, "t.verbs.txt") + ":2")
            with dyad.Engine(dicts=[("dir", d)]) as e:
                self.assertEqual(triples(e.code(text)),
                                 [(0, "VALMIL", "190", "KESCOP")])


class TestErrors(unittest.TestCase):
    def test_malformed_dictionary(self):
        bad = "VALDORIA [VAL]\nKESTRIA [KES\n"
        with self.assertRaises(dyad.DictionaryError) as cm:
            dyad.Engine(buffers=[("actors", "bad.actors.txt", bad)])
        ex = cm.exception
        self.assertIsInstance(ex, dyad.Error)
        self.assertEqual(ex.status, 4)
        self.assertRegex(ex.message, r"^bad\.actors\.txt:2: .+")
        self.assertEqual(str(ex), ex.message)

    def test_malformed_bytes(self):
        bad = b"VALDORIA [VAL]\n\xff\xfe\x00 [[\n"
        with self.assertRaises(dyad.DictionaryError) as cm:
            dyad.Engine(buffers=[("actors", "bytes.actors.txt", bad)])
        self.assertTrue(cm.exception.message.startswith("bytes.actors.txt:2:"))

    def test_missing_file(self):
        path = "/nonexistent/dyad-python/none.actors.txt"
        with self.assertRaises(dyad.ReadError) as cm:
            dyad.Engine(dicts=[("actors", path)])
        self.assertEqual(cm.exception.status, 3)
        self.assertIn(path, cm.exception.message)
        with self.assertRaises(dyad.ReadError):
            dyad.Engine(dicts=[("dir", "/nonexistent/dyad-python")])

    def test_folder_without_dictionaries(self):
        with tempfile.TemporaryDirectory() as d:
            with self.assertRaises(dyad.DictionaryError):
                dyad.Engine(dicts=[("dir", d)])

    def test_unknown_kind_model_format(self):
        with self.assertRaises(ValueError):
            dyad.Engine(buffers=[("adverbs", "x", "X [Y]\n")])
        with self.assertRaises(ValueError):
            dyad.Engine(model="quantum")
        with self.assertRaises(ValueError):
            dyad.Engine(format="yaml")

    def test_closed_engine(self):
        e = dyad.Engine(buffers=BUFFERS)
        e.close()
        e.close()
        with self.assertRaises(dyad.ArgumentError) as cm:
            e.code("Valdorian troops attacked Kestrian police.")
        self.assertEqual(cm.exception.status, 2)

    def test_linear_model(self):
        with dyad.Engine(buffers=BUFFERS, model="linear") as e:
            self.assertEqual(e.model, "linear")


if __name__ == "__main__":
    unittest.main()
