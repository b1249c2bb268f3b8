"""dyad: political event coding (CAMEO) of news text, on top of libdyad.

    >>> import dyad
    >>> coder = dyad.Coder()
    >>> [e.code for e in coder.code("France praised Germany.", date="2026-11-20")]
    ['051']

Events carry every field of ``dyad code --out jsonl`` (docs/formats.md);
docs/python.md is the manual.
"""

import datetime as _datetime
import itertools as _itertools
import json as _json
import os as _os
import warnings as _warnings
from collections import namedtuple as _namedtuple
from collections.abc import Mapping as _Mapping

from . import _dyad

__all__ = ["Coder", "Event", "Error", "StoryError", "Word", "Sentence", "FIELDS",
           "to_dataframe", "libversion"]

__version__ = _dyad.VERSION

#: The fields of an event, in the order of ``dyad code --out jsonl``
#: (docs/formats.md). story_source, story_url, issues, stories and story_ids
#: appear in the JSON only when known (stories and story_ids only with
#: --one-a-day, which the package does not do); an Event gives None for them
#: otherwise, and to_dataframe() always has their columns.
FIELDS = (
    "event_id", "story_id", "sentence", "date", "source", "target", "code",
    "source_text", "source_start", "source_end", "target_text", "target_start",
    "target_end", "verb_text", "verb_start", "verb_end", "pattern", "story_source",
    "story_url", "pattern_file", "pattern_line", "attribution", "date_shift",
    "date_origin", "date_text", "date_start", "date_end", "code_name", "root_code",
    "quad_class", "goldstein", "plover_type", "plover_mode", "plover_context",
    "source_country", "source_is_country", "source_agents", "target_country",
    "target_is_country", "target_agents", "place_name", "place_country", "place_lat",
    "place_lon", "place_precision", "place_text", "place_start", "place_end",
    "mentions", "sentence_ids", "issues", "stories", "story_ids",
)
OPTIONAL_FIELDS = frozenset(("story_source", "story_url", "stories", "story_ids", "issues"))


def libversion():
    """The version of the libdyad this package was built with (it is linked in)."""
    return _dyad.libversion()


# ------------------------------------------------------------------ errors

class Error(Exception):
    """A failure of libdyad: a dictionary that does not load, a story that
    cannot be coded. ``status`` is the library's status name
    ("DYAD_ERR_PARSE"...), ``where`` the file or story id it names, ``line``
    the line (or sentence) in it, 0 when none, ``message`` its message."""

    def __init__(self, message, status=None, where=None, line=0):
        super().__init__(message)
        self.message = message
        self.status = status
        self.where = where
        self.line = line

    @classmethod
    def _from_lib(cls, t, **extra):
        status, where, line, message = t
        text = message
        if where and line:
            text = "%s:%d: %s" % (where, line, message)
        elif where:
            text = "%s: %s" % (where, message)
        return cls(text, status=status, where=where, line=line, **extra)


class StoryError(Error, ValueError):
    """A story that cannot be coded (a bad date, no text, over a limit).
    ``story_id`` names it, ``index`` is its place in the input of
    code_many (0 for code and explain)."""

    def __init__(self, message, status=None, where=None, line=0, story_id=None, index=0):
        if story_id is not None and not message.startswith(("story %s" % story_id,
                                                            "%s:" % story_id)):
            message = "story %s: %s" % (story_id, message)
        super().__init__(message, status=status, where=where, line=line)
        self.story_id = story_id
        self.index = index


def _lib_call(fn, *args):
    try:
        return fn(*args)
    except _dyad.LibError as e:
        raise Error._from_lib(e.args) from None


# ------------------------------------------------------------------ events

class Event:
    """One coded event: every field of ``dyad code --out jsonl`` as an
    attribute (``e.source``, ``e.code``, ``e.goldstein``...), None when
    unknown; ``as_dict()`` gives them as the JSON object, ``e["code"]``
    works too. Offsets (``*_start``, ``*_end``) are bytes of the story
    text's UTF-8, as in the JSON."""

    __slots__ = ("_fields",)

    def __init__(self, fields):
        object.__setattr__(self, "_fields", fields)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._fields[name]
        except KeyError:
            if name in OPTIONAL_FIELDS:
                return None
            raise AttributeError("dyad.Event has no field %r" % name) from None

    def __setattr__(self, name, value):
        raise AttributeError("dyad.Event is read-only")

    def __getitem__(self, name):
        try:
            return self._fields[name]
        except KeyError:
            if name in OPTIONAL_FIELDS:
                return None
            raise

    def __dir__(self):
        return sorted(set(object.__dir__(self)) | set(self._fields) | OPTIONAL_FIELDS)

    def as_dict(self):
        """The event as ``dyad code --out jsonl`` writes it (a new dict)."""
        return dict(self._fields)

    def __eq__(self, other):
        return isinstance(other, Event) and self._fields == other._fields

    __hash__ = None

    def __reduce__(self):
        return (Event, (self._fields,))

    def __repr__(self):
        f = self._fields
        return "<dyad.Event %s#%s %s %s %s %s (%s)>" % (
            f.get("story_id"), f.get("sentence"), f.get("date"), f.get("source"),
            f.get("target"), f.get("code"), f.get("code_name"))


def _events(jsonl):
    return [Event(_json.loads(line)) for line in jsonl.splitlines()]


# ----------------------------------------------------------------- parsing

Word = _namedtuple("Word", "id form lemma upos xpos deprel head start end space_after mwt")
Word.__doc__ = ("A syntactic word (the columns of CoNLL-U): id 1-based, head 0 for the "
                "root, start and end bytes of the text's UTF-8.")
Sentence = _namedtuple("Sentence", "text start end words")
Sentence.__doc__ = "A parsed sentence: its text, its bytes [start, end), its Words."


# ----------------------------------------------------------------- stories

def _date(value, story_id):
    """A story's date as YYYYMMDD (0: none), or StoryError."""
    if value is None:
        return 0
    if isinstance(value, _datetime.datetime):
        value = value.date()
    if isinstance(value, _datetime.date):
        return value.year * 10000 + value.month * 100 + value.day
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise StoryError("bad date %r (want a str, int YYYYMMDD or datetime.date)" % (value,),
                         status="DYAD_ERR_PARSE", where=story_id, story_id=story_id)
    d = _dyad.parse_date(str(value))
    if not d:
        raise StoryError("bad date %r (want YYYY-MM-DD or YYYYMMDD)" % (value,),
                         status="DYAD_ERR_PARSE", where=story_id, story_id=story_id)
    return d


def _story(text, date, id, source, url):
    """The tuple _dyad codes: (id, YYYYMMDD, text, source, url)."""
    if not isinstance(text, str):
        raise StoryError("no text" if text is None else
                         "text must be a str, not %s" % type(text).__name__,
                         status="DYAD_ERR_ARG", where=id, story_id=id)
    if "\0" in text:   # as dyad's readers do
        text = text.replace("\0", " ")
    for name, v in (("source", source), ("url", url)):
        if v is not None and not isinstance(v, str):
            raise StoryError("%s must be a str" % name, status="DYAD_ERR_ARG", where=id,
                             story_id=id)
    return (id, _date(date, id), text, source, url)


def _story_id(value, index):
    if value is None:
        raise StoryError("story %d of the input has no id" % (index + 1),
                         status="DYAD_ERR_ARG", story_id=None, index=index)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise StoryError("story %d of the input: the id must be a str or int" % (index + 1),
                         status="DYAD_ERR_ARG", story_id=None, index=index)
    return str(value)


def _input_story(s, index):
    """One story of code_many: a mapping {"id", "date", "text", "source"?,
    "url"?} (a JSON Lines story as json.loads gives it) or a tuple
    (id, date, text)."""
    if isinstance(s, _Mapping):
        sid = _story_id(s.get("id"), index)
        return _story(s.get("text"), s.get("date"), sid, s.get("source"), s.get("url"))
    if isinstance(s, (tuple, list)) and len(s) == 3:
        sid = _story_id(s[0], index)
        return _story(s[2], s[1], sid, None, None)
    raise TypeError("story %d of the input is a %s: want a dict {\"id\", \"date\", \"text\"} "
                    "or a tuple (id, date, text)" % (index + 1, type(s).__name__))


_ON_ERROR = ("raise", "skip")


class Coder:
    """Codes news text into events with one set of dictionaries.

    dict: None for dyad's built-in dictionaries, else a path: a TABARI
    .project, a folder of dictionary files, a PETRARCH PETR_config.ini or a
    compiled .dyd. Source dictionaries go through the compiled-dictionary
    cache ($XDG_CACHE_HOME/dyad, as the dyad command) unless cache=False or
    DYAD_NO_CACHE=1 is set; cache may also name another folder.
    mode: "syntax" (the default, as the dyad command) or "shallow".
    """

    def __init__(self, dict=None, mode=None, cache=True):
        mode = "syntax" if mode is None else mode
        if mode not in ("syntax", "shallow"):
            raise ValueError("mode must be 'syntax' or 'shallow', not %r" % (mode,))
        if dict is not None:
            dict = _os.fspath(dict)
        cache_dir = None
        no_cache = _os.environ.get("DYAD_NO_CACHE", "")
        if cache is True and not (no_cache and no_cache != "0"):
            cache_dir = _dyad.cache_dir()
        elif cache not in (True, False, None):
            cache_dir = _os.fspath(cache)
        self._c, info = _lib_call(_dyad.open, dict, mode == "syntax",
                                  cache_dir if dict is not None else None)
        self.dict = dict
        self.mode = mode
        #: what the cache did: "none", "hit", "stored" or "failed"
        self.cache = info["cache"]
        #: the loader's remarks about the dictionaries (duplicates...), one a line
        self.dict_warnings = [w for w in info["warnings"].split("\n") if w]
        if info["cache"] == "failed":
            _warnings.warn("dyad: the dictionary cache could not be used: %s"
                           % info["cache_problem"], RuntimeWarning, stacklevel=2)

    def __repr__(self):
        return "<dyad.Coder dict=%s mode=%s>" % (
            "built-in" if self.dict is None else repr(self.dict), self.mode)

    def code(self, text, date=None, id="story", source=None, url=None):
        """Codes one story: its events, a list of Event, as
        ``dyad code --out jsonl`` writes them (identical events once, with
        ``mentions`` and ``sentence_ids``). date: "YYYY-MM-DD", YYYYMMDD,
        an ISO 8601 timestamp or a datetime.date; None leaves the events
        undated. Raises StoryError for a story that cannot be coded."""
        story = _story(text, date, str(id), source, url)
        r = self._c.code(story)
        if isinstance(r, tuple):
            raise StoryError._from_lib(r, story_id=story[0])
        return _events(r)

    def code_many(self, stories, threads=1, on_error="raise"):
        """Codes many stories on `threads` native threads, the GIL released
        while they code: the events of all stories, in input order (each
        story's events in turn, as ``dyad code --out jsonl`` writes them for
        the same stories, with any ``-j``).

        stories: any iterable of dicts {"id", "date", "text", "source"?,
        "url"?} (JSON Lines stories as json.loads reads them; other keys are
        ignored) or tuples (id, date, text).
        on_error: "raise" (default) raises a StoryError naming the first bad
        story of the input, and nothing is returned; "skip" leaves bad stories
        out, as ``dyad code`` does; a callable is called with each StoryError
        and the story is left out."""
        if not (callable(on_error) or on_error in _ON_ERROR):
            raise ValueError("on_error must be 'raise', 'skip' or a callable")
        if isinstance(threads, bool) or not isinstance(threads, int) \
                or not 1 <= threads <= _dyad.MAX_THREADS:
            raise ValueError("threads must be an int from 1 to %d" % _dyad.MAX_THREADS)
        events = []
        it = iter(stories)
        batch = max(1024, 256 * threads)   # stories in memory at once, as C strings
        base = 0
        while True:
            chunk = list(_itertools.islice(it, batch))
            if not chunk:
                return events
            self._code_batch(chunk, base, threads, on_error, events)
            base += len(chunk)

    def _code_batch(self, chunk, base, threads, on_error, events):
        todo, slots = [], []   # slots: per story of chunk, its StoryError or place in todo
        for i, s in enumerate(chunk):
            try:
                todo.append(_input_story(s, base + i))
                slots.append(len(todo) - 1)
            except StoryError as e:
                e.index = base + i
                slots.append(e)
        results = self._c.code_many(todo, threads)
        if on_error == "raise":   # the first bad story wins, before any event is made
            for i, slot in enumerate(slots):
                err = self._failure(slot, todo, results, base + i)
                if err:
                    raise err
        for i, slot in enumerate(slots):
            err = self._failure(slot, todo, results, base + i)
            if err:
                if callable(on_error):
                    on_error(err)
            elif results[slot]:
                events.extend(Event(_json.loads(line)) for line in results[slot].splitlines())

    @staticmethod
    def _failure(slot, todo, results, index):
        if isinstance(slot, StoryError):
            return slot
        r = results[slot]
        if isinstance(r, tuple):
            return StoryError._from_lib(r, story_id=todo[slot][0], index=index)
        return None

    def explain(self, text, date=None, id="story"):
        """What the coder saw in one story, as ``dyad explain`` prints it:
        sentences, tokens, matched actors, agents and verbs, clauses, the
        pattern that fired, the events (a str)."""
        story = _story(text, date, str(id), None, None)
        r = self._c.explain(story)
        if isinstance(r, tuple):
            raise StoryError._from_lib(r, story_id=story[0])
        return r

    def parse(self, text, one_sentence=False):
        """Splits text into sentences and words and parses them with dyad's
        syntax model (docs/syntax.md): a list of Sentence(text, start, end,
        words), each word a Word(id, form, lemma, upos, xpos, deprel, head,
        start, end, space_after, mwt). head is the id of the word's head, 0
        for the root; offsets are bytes of the text's UTF-8."""
        if not isinstance(text, str):
            raise TypeError("text must be a str")
        raw = text.encode("utf-8")
        out = []
        for start, end, words in _lib_call(self._c.parse, text, bool(one_sentence)):
            out.append(Sentence(raw[start:end].decode("utf-8", "replace"), start, end,
                                [Word(*w) for w in words]))
        return out

    def set_option(self, line):
        """Applies one line of .options syntax ("COMMA: OFF",
        "SET: CODE BY SENTENCE") to this coder; reset_options() undoes."""
        _lib_call(self._c.set_option, line)

    def reset_options(self):
        """Returns the coder to the dictionary's own options."""
        self._c.reset_options()


# --------------------------------------------------------------- DataFrame

def to_dataframe(events):
    """A pandas DataFrame of events (any iterable of Event), one row per
    event and one column per field of FIELDS (and any field a newer libdyad
    adds), in the order of ``dyad code --out jsonl``. ``date`` is a
    datetime64 column (NaT when the event has none); the rest are as in the
    JSON. Needs pandas (Debian: python3-pandas)."""
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("dyad.to_dataframe needs pandas (Debian: apt install "
                          "python3-pandas; else pip install pandas)") from None
    rows = [e._fields if isinstance(e, Event) else e for e in events]
    columns = list(FIELDS)
    known = set(columns)
    for r in rows:
        for k in r:
            if k not in known:
                known.add(k)
                columns.append(k)
    df = pd.DataFrame.from_records(rows, columns=columns)
    df["date"] = pd.to_datetime(df["date"], format="%Y-%m-%d")
    return df
