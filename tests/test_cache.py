"""The per-source cache: keys, invalidation, damaged entries, and its use by the build."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import pytest
from factories import make_source
from fixture_project import copy_project

import briefgen.cache
from briefgen.analysis import analyse_source
from briefgen.cache import CachedFile, SourceCache
from briefgen.cli import main
from briefgen.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
EXTRA = (
    "Council approves new budget\n\nThe city council approved a new budget on Tuesday, "
    "raising spending on schools by four percent.\n\n\u201cThis is a good day for our children,\u201d "
    "the mayor, Jane Doe, said after the vote.\n",
    "Port strike ends\n\nDock workers returned to work on 3 March after a two-week strike over pay.\n\n"
    "The union said the deal would raise wages by six percent over two years.\n",
)


def make_project(root: Path, extra: int = 0) -> Path:
    """Return the config of a copy of the fixture project, with ``extra`` small made-up articles."""
    config = copy_project(root)
    for i in range(extra):
        (root / "seeds" / f"made_up_{i:02d}.txt").write_text(EXTRA[i % len(EXTRA)] + f"\nNote {i}.\n")
    return config


def _entry(cache: SourceCache, key: str) -> CachedFile:
    return CachedFile(
        key, (analyse_source(make_source("One sentence here. Another one there.", id="s1")),), ("a warning",)
    )


def test_store_then_load(tmp_path):
    cache = SourceCache.open(tmp_path, {"max_source_bytes": 10})
    key = cache.key("a.txt", b"bytes")
    assert cache.load(key) == (None, False)
    cache.store(_entry(cache, key))
    entry, discarded = cache.load(key)
    assert entry == _entry(cache, key) and not discarded


def test_key_depends_on_bytes_path_settings_and_version(tmp_path):
    cache = SourceCache.open(tmp_path, {"max_source_bytes": 10})
    key = cache.key("a.txt", b"bytes")
    assert cache.key("a.txt", b"bytes") == key
    assert cache.key("a.txt", b"bytez") != key
    assert cache.key("b.txt", b"bytes") != key
    assert SourceCache.open(tmp_path, {"max_source_bytes": 11}).key("a.txt", b"bytes") != key
    assert SourceCache.open(tmp_path, {"max_source_bytes": 10}, version="9.9").key("a.txt", b"bytes") != key


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b[:-1] + bytes([b[-1] ^ 1]),  # one bit flipped in the payload
        lambda b: b"not a cache entry",  # wrong header
        lambda b: b"",
        lambda b: b.replace(briefgen.cache.MAGIC, b"briefgen-cache 0\n"),  # another schema
    ],
)
def test_damaged_entry_is_discarded(tmp_path, damage):
    cache = SourceCache.open(tmp_path, {})
    key = cache.key("a.txt", b"x")
    cache.store(_entry(cache, key))
    (path,) = cache.folder.rglob("*.pickle")
    path.write_bytes(damage(path.read_bytes()))
    assert cache.load(key) == (None, True)
    assert not path.exists()


def test_checksummed_entry_of_the_wrong_kind_is_discarded(tmp_path):
    cache = SourceCache.open(tmp_path, {})
    key = cache.key("a.txt", b"x")
    cache.store(_entry(cache, "another key"))  # stored under the other key's name
    (path,) = cache.folder.rglob("*.pickle")
    target = cache.folder / key[:2] / f"{key}.pickle"
    target.parent.mkdir(parents=True, exist_ok=True)
    path.replace(target)
    assert cache.load(key) == (None, True)


def test_other_generations_are_pruned(tmp_path):
    old = SourceCache.open(tmp_path, {}, version="0.0.1")
    old.store(_entry(old, old.key("a.txt", b"x")))
    new = SourceCache.open(tmp_path, {})
    new.prepare()
    assert not old.folder.exists() and new.folder.is_dir()
    assert (tmp_path / "CACHEDIR.TAG").is_file()


def test_rebuild_uses_the_cache_and_notices_changes(tmp_path, monkeypatch):
    config = make_project(tmp_path, extra=2)
    files = len(list((tmp_path / "seeds").iterdir()))
    kw = {"formats": ["md"], "jobs": 1}
    first = build(config, **kw)
    assert (first.from_cache, first.analysed) == (0, files)
    assert (tmp_path / "configs" / ".briefgen-cache" / "CACHEDIR.TAG").is_file()
    md = {p: p.read_bytes() for p, _ in first.written}

    second = build(config, **kw)
    assert (second.from_cache, second.analysed) == (files, 0)
    assert {p: p.read_bytes() for p, _ in second.written} == md  # the cache changes nothing

    changed = tmp_path / "seeds" / "made_up_01.txt"
    changed.write_text(changed.read_text() + "\nA new closing line.\n")
    third = build(config, **kw)
    assert (third.from_cache, third.analysed) == (files - 1, 1)

    monkeypatch.setattr(briefgen.cache, "__version__", "99.0")
    fourth = build(config, **kw)
    assert (fourth.from_cache, fourth.analysed) == (0, files)


def test_damaged_entry_is_recomputed_by_the_build(tmp_path):
    config = make_project(tmp_path)
    first = build(config, formats=["json"], jobs=1)
    entries = sorted((tmp_path / "configs" / ".briefgen-cache").rglob("*.pickle"))
    assert len(entries) == first.analysed == 3
    entries[0].write_bytes(entries[0].read_bytes()[:100])
    _forget_weeks(tmp_path)  # else the unchanged week loads whole and no per-source entry is read
    second = build(config, formats=["json"], jobs=1)
    assert (second.from_cache, second.analysed, second.discarded) == (2, 1, 1)
    assert [p.read_bytes() for p, _ in second.written] == [p.read_bytes() for p, _ in first.written]


def test_checksummed_entry_of_the_wrong_kind_is_recomputed_by_the_build(tmp_path):
    """Workers hand cached payloads to the main process, which decodes them: a bad one is recomputed."""
    config = make_project(tmp_path)
    first = build(config, formats=["json"], jobs=1)
    entries = sorted((tmp_path / "configs" / ".briefgen-cache").rglob("*.pickle"))
    cache = SourceCache.open(tmp_path, {})
    payload = pickle.dumps(["not", "an", "entry"])
    entries[0].write_bytes(
        briefgen.cache.MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
    )
    assert cache.decode(payload, "any") is None
    _forget_weeks(tmp_path)  # else the unchanged week loads whole and no per-source entry is read
    second = build(config, formats=["json"], jobs=1)
    assert (second.from_cache, second.analysed, second.discarded) == (2, 1, 1)
    assert [p.read_bytes() for p, _ in second.written] == [p.read_bytes() for p, _ in first.written]
    third = build(config, formats=["json"], jobs=1)
    assert (third.from_cache, third.analysed, third.discarded) == (3, 0, 0)  # rewritten, and good now


def test_no_cache_writes_nothing(tmp_path, capsys):
    config = make_project(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    assert main(["build", str(config), "--format", "md", "--no-cache", "--cache-dir", str(elsewhere)]) == 0
    assert not elsewhere.exists()
    assert not (tmp_path / "configs" / ".briefgen-cache").exists()
    assert "cache off" in capsys.readouterr().out


def test_cache_dir_option_and_summary_count(tmp_path, capsys):
    config = make_project(tmp_path)
    chosen = tmp_path / "chosen"
    args = ["build", str(config), "--format", "md", "--jobs", "1", "--cache-dir", str(chosen)]
    assert main(args) == 0
    assert "3 read (0 from cache, 3 analysed)" in capsys.readouterr().out
    assert main(args) == 0
    assert "3 read (3 from cache, 0 analysed)" in capsys.readouterr().out
    assert list(chosen.rglob("*.pickle"))
    assert not (tmp_path / "configs" / ".briefgen-cache").exists()


def _forget_weeks(root):
    """Remove the whole-week and rendered-file entries, so a build reads the per-source ones."""
    for entry in (root / "configs" / ".briefgen-cache").rglob("*.whole"):
        entry.unlink()
