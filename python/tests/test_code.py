"""test_code.py — Coder.code and Coder.code_many give the events `dyad code
--out jsonl` writes, every field, in its order; the Event class."""
import datetime
import os

import pytest

import dyad
from conftest import MINI, STORIES, cli_events, many_stories, write_stories


def dicts(events):
    return [e.as_dict() for e in events]


def test_code_equals_the_command(coder, stories):
    want = cli_events(STORIES)
    got = []
    for s in stories:
        got += dicts(coder.code(s["text"], date=s["date"], id=s["id"], source=s.get("source"),
                                url=s.get("url")))
    assert got == want
    assert len(want) > 15


def test_shallow_mode_equals_the_command(shallow, stories):
    assert dicts(shallow.code_many(stories)) == cli_events("--mode", "shallow", STORIES)


def test_the_modes_differ(coder, shallow):
    assert coder.mode == "syntax" and shallow.mode == "shallow"


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """680 stories and the events `dyad code -j 2` writes for them."""
    stories = many_stories(40)
    path = tmp_path_factory.mktemp("many") / "many.jsonl"
    write_stories(path, stories)
    return stories, cli_events("-j", "2", str(path))


@pytest.mark.parametrize("threads", [1, 2, 4])
def test_code_many_equals_the_command_in_order(coder, many, threads):
    stories, want = many
    got = dicts(coder.code_many(stories, threads=threads))
    assert got == want
    order = {s["id"]: i for i, s in enumerate(stories)}
    ranks = [order[e["story_id"]] for e in got]
    assert ranks == sorted(ranks)


def test_code_many_takes_any_iterable_in_batches(coder):
    many = many_stories(150)   # 2,550 stories: more than one batch
    want = dicts(coder.code_many(many, threads=1))
    assert dicts(coder.code_many(iter(many), threads=3)) == want
    assert dicts(coder.code_many((s for s in many), threads=4)) == want


def test_code_many_takes_tuples(coder, stories):
    tuples = [(s["id"], s["date"], s["text"]) for s in stories]
    plain = [{k: s[k] for k in ("id", "date", "text")} for s in stories]
    assert dicts(coder.code_many(tuples)) == dicts(coder.code_many(plain))
    assert coder.code_many([]) == []


def test_dates_in_every_form(coder):
    text = "France praised Germany."
    want = dicts(coder.code(text, date="2026-11-20"))
    for d in ("20261120", 20261120, "2026-11-20T23:30:00-05:00", datetime.date(2026, 11, 20),
              datetime.datetime(2026, 11, 20, 23, 30)):
        assert dicts(coder.code(text, date=d)) == want
    undated = coder.code(text)
    assert undated[0].date is None and undated[0].date_origin is None


def test_numeric_ids_as_the_command_reads_them(coder, tmp_path):
    story = {"id": 7, "date": 20261123, "text": "Japan met India about maritime security."}
    path = tmp_path / "one.jsonl"
    write_stories(path, [story])
    assert dicts(coder.code_many([story])) == cli_events(str(path))


def test_other_dictionaries(tmp_path):
    cache = str(tmp_path / "cache")
    c = dyad.Coder(dict=MINI, cache=cache)
    assert c.cache == "stored"
    c2 = dyad.Coder(dict=MINI, cache=cache)
    assert c2.cache == "hit"
    assert dyad.Coder(dict=MINI, cache=False).cache == "none"
    text = "Japan met India about maritime security."
    ev = dicts(c.code(text, date="2026-01-01", id="x"))
    assert ev == dicts(c2.code(text, date="2026-01-01", id="x"))
    path = tmp_path / "x.jsonl"
    write_stories(path, [{"id": "x", "date": "2026-01-01", "text": text}])
    assert ev == cli_events("--dict", MINI, str(path))


def test_event_fields(coder):
    e = coder.code("Japan met India in Istanbul on Thursday.", date="2026-11-20", id="s1",
                   source="Example Wire")[0]
    assert (e.story_id, e.source, e.target, e.code, e.date) == ("s1", "JPN", "IND", "040",
                                                                 "2026-11-19")
    assert e.place_name == "Istanbul" and e.place_country == "TUR"
    assert e["code_name"] == e.code_name == "Consult"
    assert e.story_source == "Example Wire"
    assert e.story_url is None and e.issues is None and e.stories is None
    assert isinstance(e.event_id, int) and e.event_id > 0
    assert e == dyad.Event(e.as_dict())
    assert "JPN IND 040" in repr(e)
    assert "place_name" in dir(e)
    with pytest.raises(AttributeError):
        e.no_such_field
    with pytest.raises(AttributeError):
        e.code = "999"


def test_fields_are_those_of_the_command(coder, stories):
    """FIELDS lists the JSON's fields in its order: a field the library
    adds fails here until FIELDS and docs/python.md name it."""
    for ev in cli_events(STORIES) + cli_events("--one-a-day", STORIES):
        assert [f for f in dyad.FIELDS if f in ev] == list(ev)
    required = [f for f in dyad.FIELDS if f not in dyad.OPTIONAL_FIELDS]
    for ev in dicts(coder.code_many(stories)):
        assert all(f in ev for f in required)


def test_mentions_fold_identical_events(coder):
    ev = coder.code("Germany met France. Germany met France. Germany met France.",
                    date="2026-03-02", id="m")
    assert [(e.source, e.target, e.mentions, e.sentence_ids) for e in ev] == [
        ("DEU", "FRA", 3, "m_1;m_2;m_3")]


def test_set_option():
    c = dyad.Coder(dict=MINI, cache=False)
    short = "France praised Germany."   # three words: below the dictionary's minimum
    assert c.code(short, date="2026-01-01") == []
    c.set_option("SET: MINIMUM WORDS = 2")
    assert [e.code for e in c.code(short, date="2026-01-01")] == ["051"]
    assert [e.code for e in c.code_many([("a", None, short)], threads=3)] == ["051"]
    c.reset_options()
    assert c.code(short, date="2026-01-01") == []
    with pytest.raises(dyad.Error):
        c.set_option("NO SUCH OPTION = 3")


def test_versions():
    assert dyad.__version__ == dyad.libversion()
    import subprocess
    from conftest import dyad_command
    out = subprocess.run([dyad_command(), "--version"], stdout=subprocess.PIPE, text=True).stdout
    assert out.split()[1] == dyad.__version__
