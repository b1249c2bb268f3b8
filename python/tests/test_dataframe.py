"""test_dataframe.py — to_dataframe, and the worked example of docs/python.md
run as written. Skipped, and said so, only when pandas is absent."""
import os
import shutil
import subprocess
import sys

import pytest

import dyad
from conftest import REPO, STORIES


def test_without_pandas_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="python3-pandas"):
        dyad.to_dataframe([])


def test_dataframe(coder, stories):
    pd = pytest.importorskip("pandas", reason="pandas is not installed (python3-pandas)")
    events = coder.code_many(stories)
    df = dyad.to_dataframe(events)
    assert list(df.columns) == list(dyad.FIELDS)
    assert len(df) == len(events)
    assert str(df["date"].dtype).startswith("datetime64")
    assert df["event_id"].dtype == "int64"
    assert list(df["event_id"]) == [e.event_id for e in events]
    assert list(df["code"]) == [e.code for e in events]
    empty = dyad.to_dataframe([])
    assert list(empty.columns) == list(dyad.FIELDS) and len(empty) == 0
    assert pd.isna(dyad.to_dataframe(coder.code("France praised Germany."))["date"][0])


def worked_example():
    """The code block of docs/python.md that follows "<!-- worked example -->"."""
    with open(os.path.join(REPO, "docs", "python.md")) as f:
        doc = f.read()
    start = doc.index("```python\n", doc.index("<!-- worked example -->")) + len("```python\n")
    return doc[start:doc.index("```", start)]


def test_the_worked_example_of_the_docs(tmp_path):
    pytest.importorskip("pandas", reason="pandas is not installed (python3-pandas)")
    shutil.copy(STORIES, tmp_path / "stories.jsonl")
    (tmp_path / "example.py").write_text(worked_example())
    r = subprocess.run([sys.executable, "example.py"], cwd=tmp_path, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    assert r.returncode == 0, r.stderr
    lines = [line.rstrip() for line in r.stdout.splitlines()]
    # the counts the docs show are what the example prints (trailing blanks aside)
    with open(os.path.join(REPO, "docs", "python.md")) as f:
        doc = f.read()
    shown = doc[doc.index("<!-- worked example output -->"):]
    shown = shown[shown.index("```\n") + 4:]
    shown = shown[:shown.index("```")]
    assert lines == [line.rstrip() for line in shown.splitlines()]
