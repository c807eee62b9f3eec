"""dyad -- Python binding of libdyad, the CAMEO political event coder.

News text in, events out: who did what to whom, with the evidence each
event was coded from. The binding uses ctypes from the standard library
over the shared library libdyad.so (include/dyad.h, dyad(3))::

    import dyad
    e = dyad.Engine()                     # dyad's bundled dictionaries
    for ev in e.code("Iran's foreign minister met his Turkish counterpart.",
                     date="2024-01-15"):
        print(ev["source"], ev["code"], ev["target"])

    e = dyad.Engine(dicts=[("actors", "my.actors.txt")],
                    buffers=[("verbs", "my.verbs.txt", verbs_text)])

An Engine is read-only once built and may be used from many threads at
once: each thread codes with its own document workspace, and the library
runs without the GIL. Errors are raised as dyad.Error subclasses with the
library's status and message.

The library is found, in this order, at the path in the environment
variable DYAD_LIBRARY, next to this package (libdyad.so in the package's
folder or its parent), in the build folder of a source tree (build/ beside
python/), and then by the system's loader (libdyad.so.0).
"""

import ctypes
import ctypes.util
import datetime
import os
import threading

__all__ = [
    "Engine", "Error", "OutOfMemory", "ArgumentError", "ReadError",
    "DictionaryError", "LimitError", "FormatError", "version",
    "version_number", "library_path", "parse_date", "KINDS", "FORMATS",
    "MODELS",
]

# The ABI this binding is written for: libdyad.so.<_ABI_MAJOR>.
_ABI_MAJOR = 0

# ---- the C types of dyad.h (only ever growing at the end) --------------

_c_size = ctypes.c_size_t
_c_str = ctypes.c_char_p


class _Error(ctypes.Structure):
    _fields_ = [("status", ctypes.c_int), ("msg", ctypes.c_char * 1024)]


class _Options(ctypes.Structure):
    _fields_ = [("size", _c_size), ("require_dyad", ctypes.c_int),
                ("comma_min", ctypes.c_int), ("comma_max", ctypes.c_int),
                ("comma_bmin", ctypes.c_int), ("comma_bmax", ctypes.c_int),
                ("comma_emin", ctypes.c_int), ("comma_emax", ctypes.c_int),
                ("new_actor_length", ctypes.c_int),
                ("one_sentence", ctypes.c_int), ("trace", ctypes.c_int)]


class _Input(ctypes.Structure):
    _fields_ = [("size", _c_size), ("text", ctypes.c_void_p),
                ("text_len", _c_size), ("title", ctypes.c_void_p),
                ("title_len", _c_size), ("date", ctypes.c_uint32)]


class _Span(ctypes.Structure):
    _fields_ = [("off", ctypes.c_uint32), ("len", ctypes.c_uint32)]


class _Issue(ctypes.Structure):
    _fields_ = [("code", _c_str), ("count", ctypes.c_uint32)]


class _Event(ctypes.Structure):
    _fields_ = [("sentence", ctypes.c_uint32), ("source", _c_str),
                ("target", _c_str), ("code", ctypes.c_char * 8),
                ("root", ctypes.c_char * 4), ("quad", ctypes.c_int),
                ("goldstein", ctypes.c_double), ("source_text", _c_str),
                ("verb_text", _c_str), ("target_text", _c_str),
                ("sentence_text", _c_str), ("sentence_span", _Span),
                ("source_span", _Span), ("verb_span", _Span),
                ("target_span", _Span), ("issues", _c_str),
                ("issue_list", ctypes.POINTER(_Issue)),
                ("nissues", ctypes.c_uint32), ("rule", _c_str),
                ("in_title", ctypes.c_int)]


class _Result(ctypes.Structure):
    _fields_ = [("size", _c_size), ("text", ctypes.c_void_p),
                ("text_len", _c_size), ("title", ctypes.c_void_p),
                ("title_len", _c_size), ("nevents", _c_size),
                ("nsentences", ctypes.c_uint32),
                ("invalid_bytes", ctypes.c_uint32),
                ("discarded", ctypes.c_int), ("trace", _c_str),
                ("trace_json", _c_str)]


class _Stats(ctypes.Structure):
    _fields_ = [("size", _c_size)] + [
        (n, ctypes.c_uint32) for n in (
            "actor_phrases", "actor_records", "agent_phrases", "verb_forms",
            "verb_blocks", "patterns", "synsets", "discards",
            "issue_phrases", "vocabulary", "files", "warnings")
    ] + [("load_seconds", ctypes.c_double)]


class _Finding(ctypes.Structure):
    _fields_ = [("file", _c_str), ("file_index", ctypes.c_uint32),
                ("line", ctypes.c_uint32), ("error", ctypes.c_int),
                ("kind", _c_str), ("msg", _c_str)]


_FINDING_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p,
                               ctypes.POINTER(_Finding))

KINDS = {"verbs": 1, "actors": 2, "agents": 3, "discards": 4, "issues": 5,
         "nominals": 6}
FORMATS = {"auto": 0, "petrarch2": 1, "petrarch1": 2, "dyad": 3}
MODELS = {"auto": 0, "clause": 1, "linear": 2}
_MODEL_NAMES = {v: k for k, v in MODELS.items()}

# ---- errors ---------------------------------------------------------------

DYAD_OK = 0


class Error(Exception):
    """An error of libdyad: .status is the dyad_status, .message its text."""

    status = None

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message

    def __str__(self):
        return self.message


class OutOfMemory(Error):
    """DYAD_ERR_NOMEM: an allocation failed."""


class ArgumentError(Error):
    """DYAD_ERR_ARG: a NULL or invalid argument."""


class ReadError(Error):
    """DYAD_ERR_IO: a file or folder cannot be read."""


class DictionaryError(Error):
    """DYAD_ERR_DICT: a malformed dictionary ("name:line: reason")."""


class LimitError(Error):
    """DYAD_ERR_LIMIT: an input exceeds a documented limit."""


class FormatError(Error):
    """DYAD_ERR_FORMAT: data of an unknown or unexpected format."""


_ERRORS = {1: OutOfMemory, 2: ArgumentError, 3: ReadError,
           4: DictionaryError, 5: LimitError, 6: FormatError}


def _raise(lib, status, err=None):
    msg = err.msg.decode("utf-8", "replace") if err is not None else ""
    if not msg:
        msg = lib.dyad_status_string(status).decode("utf-8", "replace")
    raise _ERRORS.get(status, Error)(status, msg)


# ---- loading the library --------------------------------------------------

_lock = threading.Lock()
_lib = None
_lib_path = None


def _candidates():
    env = os.environ.get("DYAD_LIBRARY")
    if env:
        return [env], True
    here = os.path.dirname(os.path.abspath(__file__))
    paths = []
    for d in (here, os.path.dirname(here),
              os.path.join(os.path.dirname(os.path.dirname(here)), "build")):
        for name in ("libdyad.so", "libdyad.so.%d" % _ABI_MAJOR):
            paths.append(os.path.join(d, name))
    paths = [p for p in paths if os.path.exists(p)]
    paths.append("libdyad.so.%d" % _ABI_MAJOR)  # the system's loader
    found = ctypes.util.find_library("dyad")
    if found:
        paths.append(found)
    return paths, False


def _declare(lib):
    P = ctypes.POINTER
    vp = ctypes.c_void_p
    st = ctypes.c_int
    sigs = {
        "dyad_version": (_c_str, []),
        "dyad_version_number": (ctypes.c_int, []),
        "dyad_status_string": (_c_str, [st]),
        "dyad_config_new": (st, [P(vp), vp]),
        "dyad_config_free": (None, [vp]),
        "dyad_config_add_file": (st, [vp, ctypes.c_int, ctypes.c_int,
                                      _c_str]),
        "dyad_config_add_buffer": (st, [vp, ctypes.c_int, ctypes.c_int,
                                        _c_str, ctypes.c_char_p, _c_size]),
        "dyad_config_add_dir": (st, [vp, _c_str, P(_Error)]),
        "dyad_config_set_bundled": (st, [vp, ctypes.c_int]),
        "dyad_config_set_model": (st, [vp, ctypes.c_int]),
        "dyad_engine_new": (st, [vp, P(vp), P(_Error)]),
        "dyad_engine_free": (None, [vp]),
        "dyad_engine_model": (ctypes.c_int, [vp]),
        "dyad_engine_stats": (st, [vp, vp, _c_size]),
        "dyad_engine_check": (st, [vp, _FINDING_FN, vp,
                                   P(ctypes.c_uint32), P(ctypes.c_uint32)]),
        "dyad_cameo_lookup": (ctypes.c_int, [vp, _c_str, P(ctypes.c_int),
                                             P(ctypes.c_double),
                                             P(_c_str)]),
        "dyad_doc_new": (st, [P(vp), vp]),
        "dyad_doc_free": (None, [vp]),
        "dyad_options_initn": (None, [vp, ctypes.c_size_t]),
        "dyad_input_initn": (None, [vp, ctypes.c_size_t]),
        "dyad_code": (st, [vp, vp, vp, vp, P(P(_Result)), P(_Error)]),
        "dyad_result_event": (P(_Event), [P(_Result), _c_size]),
        "dyad_parse_date": (ctypes.c_uint32, [ctypes.c_char_p, _c_size]),
    }
    for name, (res, args) in sigs.items():
        f = getattr(lib, name)
        f.restype = res
        f.argtypes = args


def _load():
    global _lib, _lib_path
    with _lock:
        if _lib is not None:
            return _lib
        paths, from_env = _candidates()
        errors = []
        for p in paths:
            try:
                lib = ctypes.CDLL(p)
            except OSError as e:
                errors.append("%s: %s" % (p, e))
                continue
            _declare(lib)
            major = lib.dyad_version_number() // 10000
            if major != _ABI_MAJOR:
                errors.append("%s: version %s, this binding needs %d.x"
                              % (p, lib.dyad_version().decode(), _ABI_MAJOR))
                continue
            _lib, _lib_path = lib, p
            return lib
        where = "DYAD_LIBRARY=%s" % paths[0] if from_env else \
            "next to the package, in build/ or by the system's loader"
        raise OSError("dyad: cannot load libdyad (%s): %s"
                      % (where, "; ".join(errors)))


def library_path():
    """The path of the libdyad loaded (loading it if need be)."""
    _load()
    return _lib_path


def version():
    """The library's version at run time, "0.2.0"."""
    return _load().dyad_version().decode()


def version_number():
    """MAJOR * 10000 + MINOR * 100 + PATCH of the library."""
    return _load().dyad_version_number()


# ---- sized structs (dyad.h's ABI rules) -------------------------------------

def _init_sized(init, cls):
    """A cls initialised by the library's sized init function (it writes at
    most sizeof(cls) bytes and records that size, so a later library with a
    larger struct gives the fields past ours their defaults)."""
    buf = (ctypes.c_char * ctypes.sizeof(cls))()
    init(buf, ctypes.sizeof(cls))
    return buf, cls.from_buffer(buf)


def _has(s, cls, field):
    """True when the library's struct (s.size bytes) holds field."""
    f = getattr(cls, field)
    return s.size >= f.offset + f.size


def _set(s, cls, field, value):
    if _has(s, cls, field):
        setattr(s, field, value)
    elif value:
        raise ArgumentError(2, "dyad: this libdyad has no %s option" % field)


# ---- dates and text ---------------------------------------------------------

def parse_date(date):
    """A date as the library's YYYYMMDD integer (0: none).

    Accepts None, a datetime.date or datetime, an int 20240115, or a string
    "2024-01-15", "20240115" or "2024-01-15T10:00:00Z". An invalid date
    raises ValueError."""
    if date is None:
        return 0
    if isinstance(date, (datetime.date, datetime.datetime)):
        return date.year * 10000 + date.month * 100 + date.day
    if isinstance(date, int) and not isinstance(date, bool):
        date = str(date)
    if isinstance(date, bytes):
        raw = date
    elif isinstance(date, str):
        raw = date.encode("utf-8")
    else:
        raise TypeError("dyad: date must be a str, int, date or None, not %s"
                        % type(date).__name__)
    d = _load().dyad_parse_date(raw, len(raw))
    if not d:
        raise ValueError("dyad: invalid date %r" % (date,))
    return d


def _encode(text, what):
    if isinstance(text, str):
        # (lone surrogates become invalid UTF-8, which the library replaces,
        # one character each: offsets stay in step)
        return text.encode("utf-8", "surrogatepass"), True
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text), False
    raise TypeError("dyad: %s must be str or bytes, not %s"
                    % (what, type(text).__name__))


class _Offsets:
    """Byte offsets of a UTF-8 encoding to character offsets of its str."""

    def __init__(self, raw, is_str):
        self.ident = not is_str or len(raw) == 0 or raw.isascii()
        self.raw = raw
        self.table = None

    def __call__(self, off):
        if self.ident:
            return off
        if self.table is None:
            # char index of every byte offset (continuation bytes map to
            # the index of the character they continue)
            t = []
            i = -1
            for b in self.raw:
                if b & 0xC0 != 0x80:
                    i += 1
                t.append(i)
            t.append(i + 1)
            self.table = t
        if off >= len(self.table):
            return self.table[-1]
        return self.table[off]


def _s(p):
    return p.decode("utf-8", "replace") if p is not None else None


# ---- the engine -------------------------------------------------------------

class _Doc:
    """One thread's dyad_doc."""

    def __init__(self, lib):
        self.lib = lib
        self.ptr = ctypes.c_void_p()
        st = lib.dyad_doc_new(ctypes.byref(self.ptr), None)
        if st != DYAD_OK:
            self.ptr = None
            _raise(lib, st)

    def __del__(self):
        if getattr(self, "ptr", None):
            self.lib.dyad_doc_free(self.ptr)
            self.ptr = None


class Engine:
    """Loaded dictionaries, ready to code documents.

    With no argument, dyad's bundled dictionaries. Otherwise:

    dicts    a list of (kind, path): kind one of KINDS ("verbs", "actors",
             "agents", "discards", "issues", "nominals"), or "dir" for a
             folder whose files are picked by name (like dyad --dict);
    buffers  a list of (kind, name, text): a dictionary in memory, str or
             bytes; name labels its messages ("name:line: reason");
    bundled  take the kinds that neither gives from the bundled
             dictionaries (by default only when there are no dicts and no
             buffers at all);
    model    "auto" (the default), "clause" or "linear";
    format   the format of every source: "auto" (the default),
             "petrarch2", "petrarch1" or "dyad".

    Raises DictionaryError for a malformed dictionary, ReadError for a file
    that cannot be read, OutOfMemory, and ValueError for an unknown kind.
    """

    def __init__(self, dicts=None, buffers=None, bundled=None, model="auto",
                 format="auto"):
        lib = _load()
        self._lib = lib
        self._ptr = None
        self._local = threading.local()
        if model not in MODELS:
            raise ValueError("dyad: model must be one of %s, not %r"
                             % (", ".join(MODELS), model))
        if format not in FORMATS:
            raise ValueError("dyad: format must be one of %s, not %r"
                             % (", ".join(FORMATS), format))
        fmt = FORMATS[format]
        cfg = ctypes.c_void_p()
        st = lib.dyad_config_new(ctypes.byref(cfg), None)
        if st != DYAD_OK:
            _raise(lib, st)
        err = _Error()
        try:
            for item in dicts or ():
                kind, path = item
                path = os.fsencode(path)
                if kind == "dir":
                    st = lib.dyad_config_add_dir(cfg, path, ctypes.byref(err))
                    if st != DYAD_OK:
                        _raise(lib, st, err)
                    continue
                st = lib.dyad_config_add_file(cfg, self._kind(kind), fmt,
                                              path)
                if st != DYAD_OK:
                    _raise(lib, st)
            for item in buffers or ():
                kind, name, text = item
                raw, _ = _encode(text, "a dictionary buffer")
                st = lib.dyad_config_add_buffer(
                    cfg, self._kind(kind), fmt,
                    name.encode("utf-8") if name is not None else None,
                    raw, len(raw))
                if st != DYAD_OK:
                    _raise(lib, st)
            if bundled:
                lib.dyad_config_set_bundled(cfg, 1)
            lib.dyad_config_set_model(cfg, MODELS[model])
            ptr = ctypes.c_void_p()
            st = lib.dyad_engine_new(cfg, ctypes.byref(ptr),
                                     ctypes.byref(err))
            if st != DYAD_OK:
                _raise(lib, st, err)
            self._ptr = ptr
        finally:
            lib.dyad_config_free(cfg)

    @staticmethod
    def _kind(kind):
        if kind not in KINDS:
            raise ValueError("dyad: dictionary kind must be one of %s, "
                             "not %r" % (", ".join(KINDS), kind))
        return KINDS[kind]

    def _engine(self):
        if not self._ptr:
            raise ArgumentError(2, "dyad: the engine is closed")
        return self._ptr

    def close(self):
        """Frees the engine (also done when it is garbage-collected)."""
        if self._ptr:
            self._local = threading.local()
            self._lib.dyad_engine_free(self._ptr)
            self._ptr = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        if getattr(self, "_ptr", None):
            self.close()

    @property
    def model(self):
        """The coding model: "clause" or "linear"."""
        return _MODEL_NAMES.get(self._lib.dyad_engine_model(self._engine()))

    def stats(self):
        """What the dictionaries hold, as a dict (dyad dict)."""
        s = _Stats()
        st = self._lib.dyad_engine_stats(self._engine(), ctypes.byref(s),
                                         ctypes.sizeof(s))
        if st != DYAD_OK:
            _raise(self._lib, st)
        return {name: getattr(s, name) for name, _ in _Stats._fields_
                if name != "size"}

    def check(self):
        """The dictionary checks of dyad dict check: a list of dicts (file,
        line, error, kind, message)."""
        found = []

        def cb(_ctx, f):
            f = f.contents
            found.append({"file": _s(f.file), "line": f.line,
                          "error": bool(f.error), "kind": _s(f.kind),
                          "message": _s(f.msg)})

        fn = _FINDING_FN(cb)
        st = self._lib.dyad_engine_check(self._engine(), fn, None, None, None)
        if st != DYAD_OK:
            _raise(self._lib, st)
        return found

    def cameo(self, code):
        """(quad class, Goldstein score, name) of a CAMEO code, or None."""
        q = ctypes.c_int()
        g = ctypes.c_double()
        n = _c_str()
        if not self._lib.dyad_cameo_lookup(self._engine(),
                                           code.encode("ascii"),
                                           ctypes.byref(q), ctypes.byref(g),
                                           ctypes.byref(n)):
            return None
        return q.value, g.value, _s(n.value)

    def _doc(self):
        d = getattr(self._local, "doc", None)
        if d is None:
            d = self._local.doc = _Doc(self._lib)
        return d

    def code(self, text, date=None, title=None, require_dyad=True,
             one_sentence=False):
        """Codes one document and returns its events, a list of dicts:

        sentence       0-based sentence index (the title, when given, is
                       sentence 0 and the text's sentences follow from 1)
        source, target actor codes ("---GOV" an agent alone, "---" none)
        code, root     CAMEO event code "0231" and its root "02"
        quad           quad class 1..4 (0 for an unknown code)
        goldstein      Goldstein score
        source_text, verb_text, target_text, sentence_text
                       the evidence
        spans          {"sentence", "source", "verb", "target"}: (start,
                       end) in the text given (or the title, for events
                       with in_title), in characters of a str and bytes
                       of bytes: text[start:end]
        issues         {issue code: count} of the sentence
        rule           "file:line" of the verb or pattern that fired
        in_title       the event was coded from the title

        date: None, "2024-01-15", "20240115", 20240115 or a datetime.date.
        """
        lib = self._lib
        eng = self._engine()
        raw, is_str = _encode(text, "text")
        traw, tstr = _encode(title, "title") if title is not None \
            else (None, False)
        ibuf, inp = _init_sized(lib.dyad_input_initn, _Input)
        tbuf = ctypes.create_string_buffer(raw, len(raw))
        inp.text = ctypes.cast(tbuf, ctypes.c_void_p)
        inp.text_len = len(raw)
        if traw is not None:
            ttbuf = ctypes.create_string_buffer(traw, len(traw))
            inp.title = ctypes.cast(ttbuf, ctypes.c_void_p)
            inp.title_len = len(traw)
        inp.date = parse_date(date)
        obuf, opt = _init_sized(lib.dyad_options_initn, _Options)
        opt.require_dyad = 1 if require_dyad else 0
        _set(opt, _Options, "one_sentence", 1 if one_sentence else 0)
        doc = self._doc()
        res = ctypes.POINTER(_Result)()
        err = _Error()
        st = lib.dyad_code(eng, doc.ptr, ibuf, obuf, ctypes.byref(res),
                           ctypes.byref(err))
        if st != DYAD_OK:
            _raise(lib, st, err)
        r = res.contents
        text_off = _Offsets(raw, is_str)
        title_off = _Offsets(traw or b"", tstr)
        events = []
        for i in range(r.nevents):
            ev = lib.dyad_result_event(res, i).contents
            conv = title_off if ev.in_title else text_off

            def span(sp, conv=conv):
                return (conv(sp.off), conv(sp.off + sp.len))

            issues = {}
            for k in range(ev.nissues):
                iss = ev.issue_list[k]
                issues[_s(iss.code)] = iss.count
            events.append({
                "sentence": ev.sentence,
                "source": _s(ev.source),
                "target": _s(ev.target),
                "code": _s(ev.code),
                "root": _s(ev.root),
                "quad": ev.quad,
                "goldstein": ev.goldstein,
                "source_text": _s(ev.source_text),
                "verb_text": _s(ev.verb_text),
                "target_text": _s(ev.target_text),
                "sentence_text": _s(ev.sentence_text),
                "spans": {"sentence": span(ev.sentence_span),
                          "source": span(ev.source_span),
                          "verb": span(ev.verb_span),
                          "target": span(ev.target_span)},
                "issues": issues,
                "rule": _s(ev.rule),
                "in_title": bool(ev.in_title),
            })
        return events
