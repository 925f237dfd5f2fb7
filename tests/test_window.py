"""The week window (dates, file times, wording) and content de-duplication."""

from __future__ import annotations

import datetime as dt

from factories import make_source

from briefgen.model import Source
from briefgen.select.duplicates import dedupe
from briefgen.select.window import period_text, select_window

_WORDS = [
    "minsk",
    "moscow",
    "trade",
    "sanctions",
    "potash",
    "oil",
    "gas",
    "border",
    "drones",
    "talks",
    "prisoners",
    "envoy",
    "council",
    "memo",
    "analysis",
    "exports",
    "imports",
    "tariffs",
    "elections",
    "opposition",
    "army",
    "exercise",
    "observers",
    "statement",
    "deal",
]


def src(sid: str, text: str, **fields: str) -> Source:
    """Return a source read from ``/in/<sid>``, a paragraph a line of ``text``."""
    return make_source(*text.split("\n"), id=sid, path=f"/in/{sid}", **fields)


def article(seed: int, words: int = 400) -> str:
    """Return deterministic pseudo-text: distinct seeds share almost no 5-word shingles."""
    out, x = [], seed * 7919 + 1
    for _ in range(words):
        x = (x * 1103515245 + 12345) % 2**31
        out.append(_WORDS[x % len(_WORDS)])
    return " ".join(out)


def test_period_text():
    assert period_text("2025-12-20", 8) == "13\u201320 December 2025"
    assert period_text("2025-12-20", 7) == "14\u201320 December 2025"
    assert period_text("2025-12-04", 7) == "28 November \u2013 4 December 2025"
    assert period_text("2026-01-02", 7) == "27 December 2025 \u2013 2 January 2026"
    assert period_text("2025-12-20", 1) == "20 December 2025"


def test_select_window_uses_metadata_date_then_file_time():
    inside = src("a", "x", date="2025-12-14")
    early = src("b", "x", date="2025-12-13")
    late = src("c", "x", date="2025-12-21")
    by_mtime = src("d", "x")
    old_file = src("e", "x")
    undated = src("f", "x")
    times = {
        "/in/d": dt.datetime(2025, 12, 18, 12, tzinfo=dt.timezone.utc).timestamp(),
        "/in/e": dt.datetime(2025, 11, 2, 12, tzinfo=dt.timezone.utc).timestamp(),
        "/in/a": dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc).timestamp(),  # the date wins over mtime
    }
    kept, left = select_window([inside, early, late, by_mtime, old_file, undated], "2025-12-20", 7, times)
    assert [s.id for s in kept] == ["a", "d", "f"]
    assert [(s.id, why) for s, why in left] == [
        ("b", "dated 2025-12-13, before the week of 14\u201320 December 2025"),
        ("c", "dated 2025-12-21, after the as-of date 2025-12-20"),
        ("e", "no date in the file; modified 2025-11-02, before the week of 14\u201320 December 2025"),
    ]


def test_exact_duplicates_keep_the_richer_copy():
    text = "\u201cWe will talk,\u201d the envoy said.\n" + article(1)
    pdf_copy = src("story_pdf", text.replace("\u201c", '"').replace("\u201d", '"'))
    html_copy = src("story_html", text, date="2025-12-14", url="https://example.com/s")
    other = src("other", article(2))
    kept, pairs = dedupe([pdf_copy, other, html_copy])
    assert [s.id for s in kept] == ["other", "story_html"]
    assert pairs == [("/in/story_html", "/in/story_pdf")]


def test_near_duplicates_at_and_below_the_threshold():
    base = article(3, 1000).split()
    near = base.copy()
    near[500] = "different"  # one word: 5 of ~1000 shingles change
    far = base[:700] + article(4, 300).split()
    kept, pairs = dedupe([src("a", " ".join(base)), src("b", " ".join(near)), src("c", " ".join(far))])
    assert [s.id for s in kept] == ["a", "c"]
    assert pairs == [("/in/a", "/in/b")]


def test_distinct_sources_and_empty_ones_survive():
    sources = [src(f"s{i}", article(10 + i)) for i in range(50)] + [src("empty", "")]
    kept, pairs = dedupe(sources)
    assert len(kept) == 51 and pairs == []


def test_shingle_hashes_are_those_of_the_joined_shingles() -> None:
    import zlib

    from briefgen.select.duplicates import SHINGLE, _shingles, normalise

    for text in (
        article(3, 40),
        "Ünïcode – “quoted” words, ﬁve ligatures\nand a second paragraph here",
        "a b c",
    ):
        source = src("s", text)
        words = [w for p in source.paragraphs for w in normalise(p.text)]
        expected = {
            zlib.crc32(" ".join(words[i : i + SHINGLE]).encode()) for i in range(len(words) - SHINGLE + 1)
        }
        data, hashes = _shingles(source)
        assert data == " ".join(words).encode()
        assert hashes == (expected or {zlib.crc32(" ".join(words).encode())})
