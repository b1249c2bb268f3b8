"""memcheck.py — the extension's every path once, for `make valgrind`
(fuzz/valgrind.sh runs it under memcheck with PYTHONMALLOC=malloc, so that
errors and leaks in dyad._dyad or libdyad show, not CPython's pools).
Imports the package `make python` built: BUILD/python/lib."""
import gc
import os
import sys

sys.path.insert(0, os.path.join(os.environ.get("BUILD", "build"), "python", "lib"))
import dyad  # noqa: E402

c = dyad.Coder()
text = "France praised Germany. Japan met India in Istanbul on Thursday."
stories = [{"id": "s%d" % i, "date": "2026-01-0%d" % (1 + i % 9), "text": text}
           for i in range(40)]
stories += [{"id": "bad", "date": "2026-02-30", "text": "x"}, ("sur", None, "\ud800"),
            ("huge", None, "x " * (3 << 20))]
errors = []
events = c.code_many(stories, threads=3, on_error=errors.append)
assert len(events) == 80 and [e.story_id for e in errors] == ["bad", "sur", "huge"], errors
assert len(c.code(text, date="2026-01-01")) == 2
assert "PRAISE_" in c.explain(text)
assert len(c.parse(text)) == 2
shallow = dyad.Coder(mode="shallow")
assert len(shallow.parse("France praised Germany.")) == 1   # loads the model itself
try:
    dyad.Coder(dict="/nonexistent/dict.project")
    raise AssertionError("a missing dictionary loaded")
except dyad.Error:
    pass
try:
    c.set_option("NO SUCH OPTION = 1")
    raise AssertionError("a bad option was taken")
except dyad.Error:
    pass
c.set_option("SET: MINIMUM WORDS = 2")
c.code_many(stories[:5], threads=2)
c.reset_options()
del c, shallow, events, errors
gc.collect()
print("memcheck.py: ok")
