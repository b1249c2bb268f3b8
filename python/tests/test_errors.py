"""test_errors.py — failures are Python exceptions: a story that cannot be
coded raises StoryError naming it (or is left out, as `dyad code` does, with
on_error="skip"); a dictionary that does not load raises dyad.Error."""
import pytest

import dyad
from conftest import read_stories


def test_bad_date_names_the_story(coder):
    with pytest.raises(dyad.StoryError) as e:
        coder.code("France praised Germany.", date="2026-13-40", id="s9")
    assert e.value.story_id == "s9"
    assert "s9" in str(e.value) and "2026-13-40" in str(e.value)
    assert isinstance(e.value, ValueError) and isinstance(e.value, dyad.Error)
    with pytest.raises(dyad.StoryError, match="bad date"):
        coder.code("France praised Germany.", date=3.5)


def test_no_text(coder):
    with pytest.raises(dyad.StoryError, match="no text"):
        coder.code_many([{"id": "t1", "date": "2026-01-01"}])
    with pytest.raises(dyad.StoryError, match="has no id"):
        coder.code_many([{"date": "2026-01-01", "text": "France praised Germany."}])
    assert coder.code("   ") == []


def test_a_story_over_the_limit(coder):
    big = "France praised Germany. " * (dyad_max_story_bytes() // 24 + 1)
    with pytest.raises(dyad.StoryError) as e:
        coder.code(big, date="2026-01-01", id="huge")
    assert e.value.story_id == "huge" and e.value.status == "DYAD_ERR_LIMIT"
    assert "huge" in str(e.value)


def dyad_max_story_bytes():
    return 4 << 20   # DYAD_MAX_STORY_BYTES of dyad.h


def test_lone_surrogates_are_a_story_error(coder):
    with pytest.raises(dyad.StoryError) as e:
        coder.code("France \udc80 praised Germany.", id="sur")
    assert e.value.story_id == "sur"
    with pytest.raises(dyad.StoryError) as e:
        coder.code_many([("ok", None, "France praised Germany."), ("sur", None, "\ud800")],
                        threads=2)
    assert e.value.story_id == "sur" and e.value.index == 1


def mixed():
    good = read_stories()[:6]
    return (good[:2] + [{"id": "bad-date", "date": "2026-02-30", "text": "Japan met India."}]
            + good[2:4] + [{"id": "huge", "date": "2026-01-01", "text": "x " * (3 << 20)}]
            + good[4:]), good


@pytest.mark.parametrize("threads", [1, 4])
def test_code_many_raises_for_the_first_bad_story(coder, threads):
    stories, _ = mixed()
    with pytest.raises(dyad.StoryError) as e:
        coder.code_many(stories, threads=threads)
    assert (e.value.story_id, e.value.index) == ("bad-date", 2)


@pytest.mark.parametrize("threads", [1, 4])
def test_code_many_skips_bad_stories(coder, threads):
    stories, good = mixed()
    want = [e.as_dict() for e in coder.code_many(good)]
    assert [e.as_dict() for e in coder.code_many(stories, threads=threads, on_error="skip")] == want
    seen = []
    got = coder.code_many(stories, threads=threads, on_error=seen.append)
    assert [e.as_dict() for e in got] == want
    assert [(x.story_id, x.index, x.status) for x in seen] == [
        ("bad-date", 2, "DYAD_ERR_PARSE"), ("huge", 5, "DYAD_ERR_LIMIT")]


def test_bad_arguments(coder):
    with pytest.raises(ValueError):
        dyad.Coder(mode="deep")
    with pytest.raises(ValueError):
        coder.code_many([], threads=0)
    with pytest.raises(ValueError):
        coder.code_many([], on_error="ignore")
    with pytest.raises(TypeError):
        coder.code_many(["France praised Germany."])
    with pytest.raises(TypeError):
        coder.parse(b"bytes")


def test_a_dictionary_that_does_not_load(tmp_path):
    missing = str(tmp_path / "nowhere.project")
    with pytest.raises(dyad.Error) as e:
        dyad.Coder(dict=missing)
    assert e.value.status == "DYAD_ERR_IO" and missing in str(e.value)
    bad = tmp_path / "bad.dyd"
    bad.write_bytes(b"not a compiled dictionary")
    with pytest.raises(dyad.Error) as e:
        dyad.Coder(dict=str(bad))
    assert str(bad) in str(e.value)
