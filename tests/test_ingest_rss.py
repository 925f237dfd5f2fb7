"""Reading RSS and Atom feeds: one source per entry, full text or marked summaries, malformed feeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.ingest.make import SEEDS, make_atom, quotes, seed_source, texts

from briefgen.errors import SourceError
from briefgen.ingest import read_file
from briefgen.ingest.rss import SUMMARY_GENRE, FeedReader

_RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Policy Wire</title>
<item><title>Talks resume</title><link>https://example.org/talks</link>
<pubDate>Mon, 15 Dec 2025 08:00:00 GMT</pubDate><author>desk@example.org (Anna Petrova)</author>
<description>&lt;p&gt;Talks resumed on Monday, officials said.&lt;/p&gt;</description></item>
<item><title>Talks resume</title><link>https://example.org/talks-2</link>
<description>Second item with the same title.</description></item>
</channel></rss>"""


def test_atom_entries_carry_the_seed_articles(tmp_path: Path):
    refs = [seed_source(seed) for seed in SEEDS]
    feed = make_atom(
        tmp_path / "week.atom", [(r.title or r.id, [p.text for p in r.paragraphs]) for r in refs]
    )
    got, warnings = FeedReader().read(feed, feed.read_bytes())
    assert len(got) == len(refs) and warnings == []
    for n, (ref, source) in enumerate(zip(refs, got, strict=True), 1):
        assert texts(source) == texts(ref)
        assert quotes(source) == quotes(ref)
        assert source.url == f"https://example.com/a/{n}"
        assert source.date == f"2025-12-1{n}"
        assert source.authors == ("Jane Doe",)
        assert source.outlet == "The Daily"
        assert source.genre is None
        assert source.id.startswith("week-")


def test_rss_summaries_are_marked_and_ids_stay_unique(tmp_path: Path):
    path = tmp_path / "wire.rss"
    path.write_text(_RSS)
    got, warnings = FeedReader().read(path, path.read_bytes())
    assert [s.id for s in got] == ["wire-talks-resume", "wire-talks-resume-2"]
    first = got[0]
    assert texts(first) == ["Talks resumed on Monday, officials said."]
    assert first.genre == SUMMARY_GENRE
    assert first.date == "2025-12-15"
    assert first.authors == ("Anna Petrova",)
    assert warnings == [
        f"{path}: 2 of 2 entries carry only a summary, not the full article (genre '{SUMMARY_GENRE}')"
    ]


def test_malformed_feed(tmp_path: Path):
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>Broken</title><item><title>x</ti")
    with pytest.raises(SourceError) as err:
        FeedReader().read(path, path.read_bytes())
    (problem,) = err.value.problems
    assert problem.startswith(f"{path}: not a readable RSS/Atom feed")
    assert problem.endswith(("; no entries", "; no entry with text"))


def test_a_feed_that_is_a_url_is_never_fetched(tmp_path: Path):
    path = tmp_path / "link.rss"
    path.write_text("https://example.com/feed.xml")
    with pytest.raises(SourceError) as err:
        FeedReader().read(path, path.read_bytes())
    assert err.value.problems[0].startswith(f"{path}: not a readable RSS/Atom feed")


def test_feed_is_sniffed_with_an_xml_extension(tmp_path: Path):
    path = tmp_path / "wire.xml"
    path.write_text(_RSS)
    sources, _ = read_file(path, 10_000_000)
    assert {s.reader for s in sources} == {"rss"}


def test_every_reader_fills_what_the_metadata_leaves_out_from_the_opening_lines() -> None:
    from pathlib import Path

    from briefgen.ingest.header import source_with_header

    paras = [
        "Dockers voted on Sunday to end a walkout that had closed the country's two largest harbours.",
        "OSLO, March 3 -",
        "Ships queued outside the harbour for a second day as crews returned to work on Monday.",
    ]
    source = source_with_header("feed-ports", Path("feed.rss"), paras, "rss", title="Ports reopen")
    assert source.title == "Ports reopen"  # what the feed states wins
    assert source.dateline == "OSLO, March 3"
    assert source.standfirst == paras[0]  # a line before the dateline, as in every other reader
    assert [p.n for p in source.paragraphs] == [1, 2, 3]
    assert source.body_from == 3
