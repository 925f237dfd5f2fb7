"""Tests for quote finding and speaker attribution (briefgen.analysis.quotes)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from factories import make_source
from fixture_project import SEEDS

from briefgen.analysis.quotes import find_quotes
from briefgen.model import Quote, Source

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "quotes" / "newsroom.yaml"


def seed(prefix: str) -> Source:
    """Return a seed file as a Source of its non-blank lines."""
    path = next(SEEDS.glob(prefix + "_*.txt"))
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return make_source(*lines, id=prefix)


def by_text(quotes: tuple[Quote, ...], start: str) -> Quote:
    """Return the quote whose text starts with ``start``."""
    found = [q for q in quotes if q.text.startswith(start)]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


# --- the hand-written fixture: figures over all expected quotes ---


def test_fixture_figures():
    spec = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    quotes = find_quotes(make_source(*spec["paragraphs"]))
    expected = spec["expected"]
    found = kinds = speakers = 0
    for exp in expected:
        match = [q for q in quotes if q.cite.paragraph == exp["paragraph"] and q.text == exp["text"]]
        if not match:
            continue
        found += 1
        q = match[0]
        kinds += q.kind == exp["kind"]
        speakers += q.speaker == exp["speaker"] and q.speaker_role == exp.get("speaker_role", q.speaker_role)
        assert tuple(exp.get("flags", ())) == q.flags
    assert found == len(expected)
    assert kinds == len(expected)
    assert speakers >= 0.9 * len(expected)
    # Nothing beyond the expected quotes: the apostrophes in paragraph 9 are not quotes.
    assert len(quotes) == len(expected)


def test_offsets_are_verbatim_everywhere():
    spec = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    source = make_source(*spec["paragraphs"])
    for q in find_quotes(source):
        assert source.paragraph(q.cite.paragraph).text[q.start : q.end] == q.text


# --- seed tricky cases ---


def test_seed_quote_lines_with_dash_names_and_roles():
    quotes = find_quotes(seed("000"))
    assert by_text(quotes, "It is hard to imagine").speaker == "Viktor Khrenin"
    assert by_text(quotes, "Dictators don’t like").speaker == "Artyom Shraibman"
    diplomat = by_text(quotes, "After five years of isolation")
    assert (diplomat.speaker, diplomat.speaker_role) == (None, "EU diplomat")
    assert diplomat.text.endswith("repression has not stopped.")  # two sentences in one quote


def test_seed_missing_opening_mark():
    q = by_text(find_quotes(seed("000")), "Russian drones")
    assert q.flags == ("missing-opening-mark",)
    assert q.text.endswith("Belarusian forces,")
    assert (q.speaker, q.cue, q.kind) == ("Alexander Lukashenko", "stated", "statement")


def test_seed_nested_single_quote_stays_inside():
    quotes = find_quotes(seed("000"))
    q = by_text(quotes, "People who hadn’t dared")
    assert "‘president’" in q.text
    assert not any(x.text == "president" for x in quotes)


def test_seed_every_statement_found_with_speakers():
    quotes = [q for q in find_quotes(seed("000")) if q.kind == "statement"]
    assert len(quotes) == 8
    right = sum(q.speaker is not None or q.speaker_role is not None for q in quotes)
    assert right / len(quotes) >= 0.9


def test_seed_scare_quotes_are_phrases():
    quotes = find_quotes(seed("003"))
    for start in ("co-aggression", "a co-aggressor", "compatriots", "gift,", "strange", "Global South,"):
        assert by_text(quotes, start).kind == "phrase"
    assert not [q for q in quotes if q.kind == "statement"]
    assert by_text(quotes, "compatriots").speaker is None


def test_seed_told_journalist_is_not_the_speaker():
    quotes = find_quotes(seed("003"))
    assert all(q.speaker != "Simon Shuster" for q in quotes)
    assert by_text(quotes, "a co-aggressor").speaker == "Alexander Lukashenko"


def test_seed_phrase_speaker_from_cue():
    quotes = find_quotes(seed("004"))
    begging = by_text(quotes, "begging")
    assert (begging.kind, begging.speaker, begging.cue) == ("phrase", "Alexander Lukashenko", "insists")
    assert by_text(quotes, "several steps").speaker == "Alexander Lukashenko"


# --- unit cases ---


def test_apostrophes_are_not_quotes():
    source = make_source("Belarus’s leaders don’t agree, and Belarus’ favour is fading in the voters’ eyes.")
    assert find_quotes(source) == ()


def test_unclosed_mark_is_capped_at_its_paragraph():
    source = make_source("He said “this never ends and goes on", "A second paragraph with “a phrase” only.")
    quotes = find_quotes(source)
    first = by_text(quotes, "this never ends")
    assert first.flags == ("unclosed",) and first.cite.paragraph == 1
    assert by_text(quotes, "a phrase").cite.paragraph == 2


@pytest.mark.parametrize("n", [200])
def test_many_unbalanced_marks_do_not_merge_paragraphs(n):
    source = make_source(*["Stray “mark here and nothing after" for _ in range(n)])
    quotes = find_quotes(source)
    assert len(quotes) == n
    assert all(q.text == "mark here and nothing after" for q in quotes)


# --- attribution patterns added for PolNeAR-style news copy (sentences written for these tests) ---


_MARKS = (
    "''Two apostrophes'' and ``backticks'' stand for marks; a lone ' or ` does not, nor does ''' or ```.",
    '\u201cCurly,\u201d \u201eGerman\u201c and \u00abguillemets\u00bb, "straight" ones, don\u2019t and it\'s.',
)


def test_double_marks_are_those_of_the_plain_pattern() -> None:
    import re

    from briefgen.analysis.quotes.quotemarks import DOUBLE

    plain = re.compile(r"''|``|[\u201c\u201d\u201e\u00ab\u00bb\"]")
    for text in _MARKS:
        assert [m.span() for m in DOUBLE.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_lower_case_words_are_looked_up_as_the_word_pattern_finds_them() -> None:
    from briefgen.analysis.quotes.speakers import _LOWER_WORD, _LowerWords

    texts = [
        "Yet Alexander met co-chair yet-again Smith, un\u00e9t\u00e9 mayor; the mayor's x_yet 3yet yet3 yet\u00e9.",
        "other Belarus Other\tpeople: ‘other’ and --other-- a b",
    ]
    found = {w for t in texts for w in _LOWER_WORD.findall(t)}
    lower = _LowerWords(texts)
    asked = {w for t in texts for w in t.replace("-", " ").split()} | {"", "a", "b", "yet", "other", "mayor"}
    for word in sorted(asked | {w.lower().strip(".,;:'‘’") for w in asked}):
        assert (word in lower) == (word in found), word
        assert (word in lower) == (word in found), word  # asked again: the kept answer
