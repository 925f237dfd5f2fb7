"""Reading source manifests: listed files read through the registry, overrides applied, problems named."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.ingest.make import make_html

from briefgen.errors import SourceError
from briefgen.ingest import read_file
from briefgen.ingest.manifest import ManifestReader


def _files(tmp_path: Path) -> Path:
    folder = tmp_path / "week"
    folder.mkdir()
    (folder / "memo.txt").write_text("Policy memo\n\nThe council met on Monday and agreed a plan.\n")
    make_html(folder / "story.html", ["Talks resumed on Monday, officials said in the capital today."])
    return folder


def test_yaml_manifest_applies_overrides_and_warns_for_missing_files(tmp_path: Path):
    folder = _files(tmp_path)
    manifest = folder / "week.sources.yaml"
    manifest.write_text(
        "# this week's reading\n"
        "sources:\n"
        "  - file: memo.txt\n"
        "    title: Council memo\n"
        "    outlet: Policy Institute\n"
        "    date: 2025-12-15\n"
        "    url: https://example.org/memo\n"
        "    reliability: think tank close to the government\n"
        "  - story.html\n"
        "  - file: missing.pdf\n"
        "  - file: memo.txt\n"
        "    colour: red\n"
    )
    sources, warnings = read_file(manifest, 10_000_000)
    memo, story, memo_again = sources
    assert (memo.title, memo.outlet, memo.date, memo.url) == (
        "Council memo",
        "Policy Institute",
        "2025-12-15",
        "https://example.org/memo",
    )
    assert memo.reader == "text" and story.reader == "html"
    assert story.outlet == "The Daily"  # nothing overridden: the page's own metadata stays
    assert memo_again.title != "Council memo"
    assert f"{manifest}:10: listed file 'missing.pdf' not found; skipped" in warnings
    assert any(w.startswith(f"{manifest}:11: manifest: unknown key 'colour' ignored") for w in warnings)


def test_csv_manifest(tmp_path: Path):
    folder = _files(tmp_path)
    manifest = folder / "week.sources.csv"
    manifest.write_text(
        "file,title,date,authors\nmemo.txt,Council memo,2025-12-16,Anna Petrova; Ivan Sidorov\n"
    )
    (memo,), warnings = read_file(manifest, 10_000_000)
    assert memo.title == "Council memo" and memo.date == "2025-12-16"
    assert memo.authors == ("Anna Petrova", "Ivan Sidorov")


def test_bad_date_is_ignored_with_a_warning(tmp_path: Path):
    folder = _files(tmp_path)
    manifest = folder / "m.sources.yaml"
    manifest.write_text("sources:\n  - file: memo.txt\n    date: someday\n")
    (memo,), warnings = ManifestReader().read(manifest, manifest.read_bytes())
    assert memo.date is None
    assert f"{manifest}:2: manifest: date 'someday' is not YYYY-MM-DD; ignored" in warnings


def test_nested_manifest_is_not_followed(tmp_path: Path):
    folder = _files(tmp_path)
    (folder / "inner.sources.yaml").write_text("sources:\n  - memo.txt\n")
    manifest = folder / "outer.sources.yaml"
    manifest.write_text("sources:\n  - inner.sources.yaml\n  - memo.txt\n")
    sources, warnings = ManifestReader().read(manifest, manifest.read_bytes())
    assert len(sources) == 1
    assert (
        f"{manifest}:2: 'inner.sources.yaml' is itself a manifest; nested manifests are not read" in warnings
    )


def test_manifest_without_a_sources_list(tmp_path: Path):
    manifest = tmp_path / "x.sources.yaml"
    manifest.write_text("files:\n  - a.txt\n")
    with pytest.raises(SourceError) as err:
        ManifestReader().read(manifest, manifest.read_bytes())
    assert err.value.problems == [f"{manifest}: manifest: expected a 'sources:' list of files"]


def test_manifest_listing_nothing_readable(tmp_path: Path):
    manifest = tmp_path / "x.sources.yaml"
    manifest.write_text("sources:\n  - nowhere.txt\n")
    with pytest.raises(SourceError) as err:
        ManifestReader().read(manifest, manifest.read_bytes())
    assert err.value.problems == [f"{manifest}: manifest lists no readable source"]
