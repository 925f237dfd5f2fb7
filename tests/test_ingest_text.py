"""Reading plain-text sources: paragraphs, repair, front matter and inferred metadata."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_project import SEEDS

from briefgen.errors import SourceError
from briefgen.ingest.header import byline_authors, infer_header, parse_date
from briefgen.ingest.layout import is_hard_wrapped, paragraphs, strip_markup
from briefgen.ingest.text import TextReader
from briefgen.pipeline import BuildReport, read_and_analyse
from briefgen.workers import Executor

ROOT = Path(__file__).resolve().parent.parent


def read(tmp_path: Path, text: str, name: str = "doc.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (source,), warnings = TextReader().read(path, path.read_bytes())
    return source


def test_markdown_links_and_emphasis_lose_markup_not_words():
    assert (
        strip_markup("As he [told](#) a *modus operandi* and **bold** move")
        == "As he told a modus operandi and bold move"
    )
    assert strip_markup("snake_case_name stays, 2*3*4 stays") == "snake_case_name stays, 2*3*4 stays"


def test_paragraph_cut_by_blank_line_mid_sentence_is_joined():
    text = (
        "Relations with the West, once cultivated to\n\ncounterbalance risks, became highly conflictual.\n\n"
        "Next paragraph."
    )
    assert paragraphs(text) == [
        "Relations with the West, once cultivated to counterbalance risks, became highly conflictual.",
        "Next paragraph.",
    ]


def test_hard_wrapped_text_is_unwrapped():
    text = (
        "The first paragraph was wrapped at a fixed width of about sixty\n"
        "characters, so every line is close to the same length and it\n"
        "ends with a hyphenated word split across lines, like well-\nintentioned.\n\n"
        "The second paragraph is wrapped the same way so that it looks\n"
        "like the first one and is rejoined into a single line.\n"
    )
    blocks = [b.split("\n") for b in text.strip().split("\n\n")]
    assert is_hard_wrapped(blocks)
    paras = paragraphs(text)
    assert len(paras) == 2
    assert "about sixty characters, so" in paras[0] and "like well-intentioned." in paras[0]


def test_one_line_paragraphs_are_not_unwrapped():
    text = "Short title\n\nFirst paragraph, one line.\nSecond paragraph, its own line.\n"
    assert paragraphs(text) == [
        "Short title",
        "First paragraph, one line.",
        "Second paragraph, its own line.",
    ]


def test_byline_with_two_authors():
    assert byline_authors("Ryhor Nizhnikau and Arkady Moshes") == ("Ryhor Nizhnikau", "Arkady Moshes")
    assert byline_authors("By Jane Smith, John O'Neil and Ana de la Cruz") == (
        "Jane Smith",
        "John O'Neil",
        "Ana de la Cruz",
    )
    assert byline_authors("Russia dominates the Belarusian information space.") == ()


def test_header_title_byline_outlet_then_body():
    header = infer_header(
        [
            "A Deal with the Devil: Lukashenko Navigates Vulnerabilities",
            "Ryhor Nizhnikau and Arkady Moshes",
            "PONARS Eurasia Policy memo no. 985",
            "Since Russia's invasion of Ukraine in February 2022, relations have changed.",
        ]
    )
    assert header.title == "A Deal with the Devil: Lukashenko Navigates Vulnerabilities"
    assert header.authors == ("Ryhor Nizhnikau", "Arkady Moshes")
    assert header.outlet == "PONARS Eurasia Policy memo no. 985"
    assert header.body_from == 4


def test_header_standfirst_and_dateline():
    header = infer_header(
        [
            "With the war grinding on, Belarus tests a thaw. But will it be enough?",
            "MINSK / VILNIUS",
            "Belarusian President Alexander Lukashenko is trying something.",
        ]
    )
    assert header.dateline == "MINSK / VILNIUS"
    assert header.standfirst.startswith("With the war")
    assert header.title is None and header.body_from == 3


def test_header_leaves_plain_prose_alone():
    header = infer_header(
        [
            "In perhaps the most surprising diplomatic moment of the last few weeks, the "
            "president met an envoy.",
            "More prose follows here.",
        ]
    )
    assert (header.title, header.authors, header.outlet, header.dateline) == (None, (), None, None)
    assert header.body_from == 1


def test_dates_in_common_forms():
    assert parse_date("Published 3 December 2025") == "2025-12-03"
    assert parse_date("December 3, 2025") == "2025-12-03"
    assert parse_date("2025-02-30") is None


def test_front_matter_overrides_inference(tmp_path):
    source = read(
        tmp_path,
        "---\ntitle: Given title\nauthors: [A. Writer, B. Writer]\noutlet: The Desk\n"
        "date: 2025-12-01\nurl: https://example.org/x\n---\nInferred Title Line\n\nBody text.\n",
    )
    assert source.title == "Given title"
    assert source.authors == ("A. Writer", "B. Writer")
    assert (source.outlet, source.date, source.url) == ("The Desk", "2025-12-01", "https://example.org/x")
    assert [p.text for p in source.paragraphs] == ["Inferred Title Line", "Body text."]


def test_bad_front_matter_date_names_file_and_fix(tmp_path):
    with pytest.raises(SourceError) as err:
        read(tmp_path, "---\ndate: 12/03/2025\n---\nBody.\n", "memo.md")
    assert err.value.problems == [
        f"{tmp_path / 'memo.md'}: front matter: date '12/03/2025' is not YYYY-MM-DD"
    ]


def test_paragraphs_numbered_from_one_and_id_is_stem(tmp_path):
    source = read(tmp_path, "One.\n\nTwo.\nThree.\n", "abc_123.txt")
    assert source.id == "abc_123"
    assert [(p.n, p.text) for p in source.paragraphs] == [(1, "One."), (2, "Two."), (3, "Three.")]


def test_seeds_metadata():
    paths = sorted(SEEDS.glob("*.txt"))
    sources = [p.source for p in read_and_analyse(paths, BuildReport(), Executor(1), max_bytes=1_000_000)]
    by_id = {s.id: s for s in sources}
    memo = by_id["003_c01c6f53f3c5a598"]
    assert memo.authors == ("Ryhor Nizhnikau", "Arkady Moshes")
    assert memo.outlet == "PONARS Eurasia Policy memo no. 985"
    assert memo.title.startswith("A Deal with the Devil")
    news = by_id["004_395f6132c7b5c1a9"]
    assert news.dateline == "MINSK / VILNIUS"
    # markdown links are cleaned without changing the words around them
    assert any("only entrenched these developments" in p.text for p in memo.paragraphs)
    assert all("](#)" not in p.text and "*modus" not in p.text for s in sources for p in s.paragraphs)


def test_duplicate_ids_skip_the_second_file(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text("First.\n")
    (tmp_path / "b" / "x.md").write_text("Second.\n")
    report = BuildReport()
    parts = read_and_analyse(
        [tmp_path / "a" / "x.txt", tmp_path / "b" / "x.md"], report, Executor(1), max_bytes=1_000_000
    )
    assert [p.source.path for p in parts] == [str(tmp_path / "a" / "x.txt")]
    assert "source id 'x' is already used by" in report.skipped[0][1]


def test_one_paragraph_per_line_of_similar_length_is_not_unwrapped():
    text = "He said the talks would go on.\n" + "Another paragraph about the talks.\n" * 4
    assert len(paragraphs(text)) == 5


def test_a_headline_with_a_full_stop_is_still_the_title():
    header = infer_header(
        [
            "Voters Desert Ruling Party Ahead of Regional Elections.",
            "Support for the ruling party fell to 31 percent in a poll published on Monday.",
        ]
    )
    assert header.title == "Voters Desert Ruling Party Ahead of Regional Elections."
    assert header.body_from == 2
    # A sentence-case opening line that ends a sentence is the body, not a title.
    plain = infer_header(["The ruling party lost ground in a poll published on Monday.", "More text."])
    assert plain.title is None and plain.body_from == 1


def test_a_short_one_sentence_opening_line_above_prose_is_the_title():
    body = (
        "The mayor won the city's Democratic primary on Tuesday by a wide margin, taking most districts "
        "and turning out more voters than any candidate since the charter was rewritten in 1998."
    )
    header = infer_header(["Mayor wins Democratic primary in landslide.", body])
    assert header.title == "Mayor wins Democratic primary in landslide." and header.body_from == 2
    # Two sentences, or a long first paragraph, are the article's own opening.
    assert infer_header(["The mayor won. Turnout was high.", body]).title is None
    assert infer_header([body, body]).title is None
