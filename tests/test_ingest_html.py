"""Reading HTML sources: the article's paragraphs and metadata, no navigation, adverts or comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.ingest.make import SEEDS, corpus_article, make_html, norm, quotes, seed_source, texts

from briefgen.errors import SourceError
from briefgen.ingest import read_file
from briefgen.ingest.html import HtmlReader, html_paragraphs


def read(path: Path):
    (source,), warnings = HtmlReader().read(path, path.read_bytes())
    return source, warnings


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_as_html_page_gives_the_same_paragraphs_and_quotes(seed: Path, tmp_path: Path):
    ref = seed_source(seed)
    got, _ = read(
        make_html(tmp_path / "page.html", [p.text for p in ref.paragraphs], title=ref.title or "Story")
    )
    assert texts(got) == texts(ref)
    assert quotes(got) == quotes(ref)


def test_boilerplate_is_left_out_and_metadata_read(tmp_path: Path):
    ref = seed_source(SEEDS[0])
    got, _ = read(make_html(tmp_path / "page.html", [p.text for p in ref.paragraphs], title="Big Story"))
    joined = " ".join(p.text for p in got.paragraphs)
    for boilerplate in ("Home", "Advertisement", "Reader123", "Copyright", "Privacy policy"):
        assert boilerplate not in joined
    assert got.authors == ("Jane Doe",)
    assert got.date == "2025-12-14"
    assert got.outlet == "The Daily"
    assert got.url == "https://example.com/news/story-123"
    assert got.reader == "html"


def test_page_without_article_text(tmp_path: Path):
    path = tmp_path / "empty.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>x</title></head><body><script>render()</script></body></html>"
    )
    with pytest.raises(SourceError) as err:
        read(path)
    assert err.value.problems == [f"{path}: no article text found in the HTML page; skipped"]


def test_html_is_sniffed_whatever_the_extension(tmp_path: Path):
    ref = seed_source(SEEDS[0])
    path = make_html(tmp_path / "saved_page.txt", [p.text for p in ref.paragraphs])
    (source,), _ = read_file(path, 10_000_000)
    assert source.reader == "html"


def test_fragment_paragraphs_keep_blocks_lists_and_table_rows():
    fragment = (
        "<h2>Head</h2><p>One <b>bold</b> word.</p><blockquote><p>Quoted text.</p></blockquote>"
        "<ul><li>First</li><li>Second</li></ul><table><tr><td>Year</td><td>Trade</td></tr></table>"
    )
    assert html_paragraphs(fragment) == [
        "Head",
        "One bold word.",
        "Quoted text.",
        "First",
        "Second",
        "Year | Trade",
    ]


def test_corpus_article_through_html(tmp_path: Path):
    paras = corpus_article("business", "002")
    if paras is None:
        pytest.skip("BBC News Summary corpus not found under shared/corpora/bbc-news-summary; skipped")
    got, _ = read(make_html(tmp_path / "bbc.html", paras, title=paras[0]))
    assert texts(got) == [norm(p) for p in paras]
