"""Quote attribution counts distances in the segmenter's sentences (one splitter for the whole analysis)."""

from __future__ import annotations

from briefgen.analysis.quotes.coref import Sentences
from briefgen.analysis.segment import sentence_spans

# An abbreviation inside a sentence ("a.m." before a name of a day) does not end it.
_TEXT = "The U.S. Navy said so on Monday. Adm. Kay Moss arrived at 9 a.m. Friday. \u201cWe are ready,\u201d she said."


def test_sentence_numbers_follow_the_segmenter() -> None:
    sentences = Sentences([(1, _TEXT), (2, "Lee left. Moss stayed.")])
    spans = sentence_spans(_TEXT)
    assert len(spans) == 3
    assert [sentences.number(1, start) for start, _ in spans] == [0, 1, 2]
    assert sentences.number(1, _TEXT.index("Friday")) == 1
    assert sentences.number(2, 0) == 3 and sentences.number(2, 10) == 4


def test_sentence_bounds_include_the_space_after() -> None:
    sentences = Sentences([(1, _TEXT)])
    second = sentence_spans(_TEXT)[1]
    assert sentences.start(1, _TEXT.index("Moss")) == second[0]
    assert sentences.end(1, _TEXT.index("Moss")) == sentence_spans(_TEXT)[2][0]
    assert sentences.end(1, _TEXT.index("ready")) is None
