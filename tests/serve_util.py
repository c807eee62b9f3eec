"""serve_util.py -- what dyad serve's tests share: a test database coded
from tests/serve/news.jsonl, a server on a free localhost port, and
raw HTTP requests to it (http.client, so headers and bodies can be
malformed on purpose)."""
import http.client
import json
import os
import signal
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NEWS = os.path.join(ROOT, "tests", "serve", "news.jsonl")
KEY = "serve-test-key-0123456789"


def make_db(dyad, work, name="events.sqlite", news=NEWS):
    """Codes the test articles into a new store; returns its path (name
    may be a database URI instead: postgresql://...)."""
    db = name if "://" in name else os.path.join(work, name)
    subprocess.run([dyad, "code", "--db", db, news], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return db


class Server:
    """dyad serve on 127.0.0.1, port 0 (the kernel picks a free one)."""

    def __init__(self, dyad, db, *extra, key=KEY, threads=4):
        self.work = tempfile.mkdtemp(prefix="dyad-serve.")
        self.port_file = os.path.join(self.work, "port")
        self.log = open(os.path.join(self.work, "log"), "w+")
        args = [dyad, "serve", "--db", db, "--listen", "127.0.0.1:0",
                "--port-file", self.port_file, "--threads", str(threads)]
        if key:
            args += ["--api-key", key]
        self.proc = subprocess.Popen(args + list(extra), stdout=self.log,
                                     stderr=subprocess.STDOUT)
        self.port = None
        deadline = time.time() + 30
        while time.time() < deadline and self.proc.poll() is None:
            try:
                with open(self.port_file) as f:
                    text = f.read().strip()
                if text:
                    self.port = int(text)
                    break
            except OSError:
                pass
            time.sleep(0.05)
        if not self.port:
            raise RuntimeError("dyad serve did not start: " + self.output())

    def output(self):
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def request(self, method, path, body=None, headers=None, timeout=30):
        """(status, headers dict (lower-case names), body bytes)."""
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
        finally:
            c.close()

    def json(self, method, path, body=None, headers=None):
        status, hdrs, data = self.request(method, path, body, headers)
        try:
            doc = json.loads(data)
        except ValueError:
            doc = None
        return status, hdrs, doc

    def stop(self):
        """SIGTERM, then the exit status (SIGKILL after 20 s)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


class Counter:
    """ok/not ok lines and the closing 'NAME: N passed, M failed'."""

    def __init__(self, name):
        self.name, self.passed, self.failed = name, 0, 0

    def check(self, cond, what, detail=""):
        if cond:
            self.passed += 1
            print("ok - " + what)
        else:
            self.failed += 1
            print("not ok - " + what + (": " + str(detail)[:600] if detail != "" else ""))
        return cond

    def summary(self):
        print("%s: %d passed, %d failed" % (self.name, self.passed, self.failed))
        return 1 if self.failed else 0
