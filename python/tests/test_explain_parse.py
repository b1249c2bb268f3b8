"""test_explain_parse.py — Coder.explain gives the coder's account as dyad
explain prints it; Coder.parse gives words, tags and dependency heads."""
import dyad


def test_explain(coder):
    text = coder.explain("France praised Germany.", date="2026-11-20", id="e1")
    assert isinstance(text, str)
    assert "sentence 1" in text and "PRAISE_" in text and "FRA" in text


def test_parse(coder):
    sents = coder.parse("France praised Germany. Japan didn't meet India.")
    assert [s.text for s in sents] == ["France praised Germany.", "Japan didn't meet India."]
    words = sents[0].words
    assert [w.form for w in words] == ["France", "praised", "Germany", "."]
    assert [(w.upos, w.deprel, w.head) for w in words[:3]] == [
        ("PROPN", "nsubj", 2), ("VERB", "root", 0), ("PROPN", "obj", 2)]
    assert words[1].lemma == "praise"
    for s in sents:
        assert sum(w.head == 0 for w in s.words) == 1
        assert all(0 <= w.head <= len(s.words) for w in s.words)
        assert [w.id for w in s.words] == list(range(1, len(s.words) + 1))
    did = sents[1].words[1]
    assert (did.form, did.mwt) == ("did", 2)   # "didn't" is "did" "n't"


def test_parse_offsets_are_utf8_bytes(coder):
    text = "Zürich praised Genève."
    s = coder.parse(text)[0]
    raw = text.encode("utf-8")
    assert [raw[w.start:w.end].decode() for w in s.words] == [w.form for w in s.words]


def test_parse_one_sentence_and_shallow(shallow):
    sents = shallow.parse("France praised Germany. Japan met India.", one_sentence=True)
    assert len(sents) == 1 and isinstance(sents[0].words[0], dyad.Word)
