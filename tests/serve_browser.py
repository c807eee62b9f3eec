"""serve_browser.py BUILD_DIR [SCREENSHOT] -- dyad serve's dashboard in
Debian's headless Chromium (python3-selenium, chromium-driver): loads it
against the test database, picks the dyad VEN -> GUY, and checks that the
chart, the totals and the event table show what `dyad stats` and `dyad
export` give for it; opens an event's sentence; codes a text in the "code
this text" box; saves a screenshot (BUILD_DIR/serve/dashboard.png, and
SCREENSHOT when given). Exits 77, saying why, when Chromium, its driver or
Selenium is missing (.ci/run installs them)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_util  # noqa: E402

SKIP = 77


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        p = shutil.which(name)
        if p:
            return p
    return None


def main():
    build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build")
    shot_copy = sys.argv[2] if len(sys.argv) > 2 else None
    dyad = os.path.join(build, "dyad")
    browser, driver = find_chromium(), shutil.which("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import Select, WebDriverWait
    except ImportError:
        webdriver = None
    if not browser or not driver or not webdriver:
        missing = [n for n, ok in (("chromium", browser), ("chromium-driver", driver),
                                   ("python3-selenium", webdriver)) if not ok]
        print("serve-browser: skipped: %s not installed (apt-get install %s)"
              % (", ".join(missing), " ".join(missing)))
        return SKIP

    t = serve_util.Counter("serve-browser")
    work = tempfile.mkdtemp(prefix="dyad-browser.")
    db = serve_util.make_db(dyad, work)
    stats = json.loads(subprocess.run(
        [dyad, "stats", "--db", db, "--dyad", "VEN:GUY", "--format", "json"],
        check=True, capture_output=True, text=True).stdout)
    stats_all = json.loads(subprocess.run(
        [dyad, "stats", "--db", db, "--format", "json"],
        check=True, capture_output=True, text=True).stdout)
    export = [json.loads(l) for l in subprocess.run(
        [dyad, "export", "--db", db, "--dyad", "VEN:GUY"],
        check=True, capture_output=True, text=True).stdout.splitlines()]
    srv = serve_util.Server(dyad, db)
    opts = webdriver.ChromeOptions()
    opts.binary_location = browser
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=1280,1500", "--no-proxy-server", "--disable-extensions",
              "--hide-scrollbars"):
        opts.add_argument(a)
    d = None
    try:
        d = webdriver.Chrome(service=Service(driver), options=opts)
        wait = WebDriverWait(d, 20)
        base = "http://127.0.0.1:%d/" % srv.port
        d.get(base)
        wait.until(lambda x: x.find_element(By.TAG_NAME, "body").get_attribute("data-ready"))
        t.check("dyad" in d.title, "the dashboard loads", d.title)
        total_all = d.find_element(By.ID, "total-events").text
        t.check(total_all == str(stats_all["events"]), "all events before a pick: dyad stats' count",
                (total_all, stats_all["events"]))

        ready = d.find_element(By.TAG_NAME, "body").get_attribute("data-ready")
        Select(d.find_element(By.ID, "source")).select_by_value("VEN")
        wait.until(lambda x: x.find_element(By.TAG_NAME, "body").get_attribute("data-ready") != ready)
        ready = d.find_element(By.TAG_NAME, "body").get_attribute("data-ready")
        Select(d.find_element(By.ID, "target")).select_by_value("GUY")
        wait.until(lambda x: x.find_element(By.TAG_NAME, "body").get_attribute("data-ready") != ready)
        t.check(d.find_element(By.ID, "selection").text == "VEN \u2192 GUY",
                "the dyad VEN -> GUY is picked", d.find_element(By.ID, "selection").text)

        # the chart: one group per period, bars as dyad stats counts them
        want = {p["period"]: (p["quad"].get("1", 0) + p["quad"].get("2", 0),
                              p["quad"].get("3", 0) + p["quad"].get("4", 0))
                for p in stats["periods"]}
        got = {g.get_attribute("data-period"): (int(g.get_attribute("data-coop")),
                                                int(g.get_attribute("data-conflict")))
               for g in d.find_elements(By.CSS_SELECTOR, "#chart g.period")}
        t.check(got == want, "the chart's cooperation and conflict bars are dyad stats' "
                "quad classes by month", (got, want))
        bars = d.find_elements(By.CSS_SELECTOR, "#chart rect.conflict")
        t.check(len(bars) == len(want) and all(b.size["height"] >= 0 for b in bars),
                "a conflict bar per period is drawn", len(bars))
        tot = d.find_element(By.ID, "total-events").text
        t.check(tot == str(stats["events"]), "the total is dyad stats' events", (tot, stats["events"]))
        coop = sum(v[0] for v in want.values())
        conf = sum(v[1] for v in want.values())
        t.check(d.find_element(By.ID, "total-coop").text == str(coop) and
                d.find_element(By.ID, "total-conflict").text == str(conf),
                "cooperation and conflict totals", (coop, conf))
        g = d.find_element(By.ID, "total-goldstein").text
        t.check(abs(float(g) - stats["goldstein_mean"]) < 0.006, "the mean Goldstein score",
                (g, stats["goldstein_mean"]))

        # the table: the events dyad export gives, newest first
        rows = d.find_elements(By.CSS_SELECTOR, "#event-table tbody tr.event")
        ids = [r.get_attribute("data-event-id") for r in rows]
        t.check(sorted(ids) == sorted(e["event_id"] for e in export),
                "the event table holds the dyad's exported events", (len(ids), len(export)))
        dates = [r.get_attribute("data-date") for r in rows]
        t.check(dates == sorted(dates, reverse=True), "newest first", dates)
        tops = [li.get_attribute("data-dyad") for li in d.find_elements(By.CSS_SELECTOR, "#top-dyads li")]
        t.check(tops == [x["name"] for x in stats["top_dyads"]], "the top dyads are dyad stats'", tops)

        # a row opens its sentence with source, verb and target marked
        rows[0].click()
        detail = wait.until(lambda x: x.find_element(By.CSS_SELECTOR, "#event-table tr.detail"))
        marks = {m.get_attribute("class"): m.text for m in detail.find_elements(By.TAG_NAME, "mark")}
        first = next(e for e in export if e["event_id"] == ids[0])
        t.check(marks.get("src") == first["source_text"] and marks.get("verb") == first["verb_text"]
                and marks.get("tgt") == first["target_text"],
                "the sentence marks source, verb and target", (marks, first["source_text"]))
        t.check(first["rule"] in detail.text, "the rule that fired is shown", detail.text)

        # code this text
        d.find_element(By.ID, "code-text").send_keys(
            "Guyana's foreign minister met his Brazilian counterpart in Brasilia.")
        d.find_element(By.CSS_SELECTOR, "#code-form button[type=submit]").click()
        summary = wait.until(lambda x: x.find_element(By.ID, "code-summary"))
        coded = d.find_elements(By.CSS_SELECTOR, "#code-result .coded")
        t.check(summary.text.startswith("2 events") and len(coded) == 2,
                "the code-this-text box codes the text", summary.text)
        t.check(all(c.find_elements(By.CSS_SELECTOR, "mark.verb") for c in coded),
                "coded events show their marked sentence", len(coded))

        d.execute_script("window.scrollTo(0, 0)")
        time.sleep(0.2)
        out = os.path.join(build, "serve", "dashboard.png")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        # the whole page: as tall as its content
        h = d.execute_script("return document.documentElement.scrollHeight")
        d.set_window_size(1280, min(max(h, 800), 2400))
        time.sleep(0.2)
        t.check(d.save_screenshot(out), "screenshot " + out)
        if shot_copy:
            shutil.copyfile(out, shot_copy)
        logs = [e for e in d.get_log("browser") if e.get("level") == "SEVERE"]
        t.check(not logs, "no errors in the browser's console", logs)
    except Exception as e:  # a driver failure is a failed test, not a crash
        t.check(False, "the browser session", repr(e))
    finally:
        if d:
            d.quit()
        rc = srv.stop()
        t.check(rc == 0, "the server stops on SIGTERM with status 0", rc)
        shutil.rmtree(work, ignore_errors=True)
    return t.summary()


if __name__ == "__main__":
    sys.exit(main())
