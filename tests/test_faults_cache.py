"""Faults in the cache folder: a foreign folder, damaged or swapped entries, forged pickles, odd files."""

from __future__ import annotations

import os
import pickle
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from test_cache import make_project

import briefgen.cache
from briefgen.cache import SourceCache
from briefgen.cache_folder import KEY_NAME, SUBFOLDER
from briefgen.pipeline import build

ROOT = Path(__file__).resolve().parent.parent


def _outputs(report) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p, _ in report.written}


def _entries(folder: Path) -> list[Path]:
    """Return the per-source entries, and forget the whole week (else an unchanged week loads whole
    and the per-source entries these tests damage are never read)."""
    for whole in folder.rglob("*.whole"):
        whole.unlink()
    return sorted(folder.rglob("*.pickle"))


def _no_cache(config: Path, tmp_path: Path, jobs: int) -> tuple[int, dict[str, bytes]]:
    report = build(config, formats=["json", "md"], jobs=jobs, use_cache=False, out=tmp_path / "plain")
    return report.sources, _outputs(report)


# 1. A folder that is not briefgen's loses nothing and gets no tag files.


def _user_folder(root: Path) -> Path:
    folder = root / "some" / "folder"
    for name, text in (("v1-notes/todo.txt", "call Ana"), ("v2-final-report/report.md", "# Final")):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    (folder / "v3-0.1-0123456789abcdef").mkdir()  # even a name like a cache generation
    (folder / "v3-0.1-0123456789abcdef" / "keep.txt").write_text("mine")
    return folder


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_cache_dir_with_someone_elses_files_is_left_alone(tmp_path):
    config = make_project(tmp_path / "project")
    folder = _user_folder(tmp_path)
    before = _tree(folder)
    first = build(config, formats=["md"], jobs=1, cache_dir=folder)
    second = build(config, formats=["md"], jobs=1, cache_dir=folder)
    after = {k: v for k, v in _tree(folder).items() if not k.startswith(SUBFOLDER + "/")}
    assert after == before  # nothing removed, changed or added beside the user's files
    assert not (folder / "CACHEDIR.TAG").exists() and not (folder / ".gitignore").exists()
    assert first.cache_dir == second.cache_dir == folder / SUBFOLDER
    assert (second.from_cache, second.analysed) == (3, 0)  # the sub-folder works as a cache
    assert (folder / SUBFOLDER / "CACHEDIR.TAG").is_file()


def test_a_tag_file_alone_does_not_make_a_folder_ours(tmp_path):
    """A folder an older briefgen tagged but that holds user files is still the user's."""
    config = make_project(tmp_path / "project")
    folder = _user_folder(tmp_path)
    (folder / "CACHEDIR.TAG").write_text(briefgen.cache_folder.TAG)
    before = _tree(folder)
    build(config, formats=["md"], jobs=1, cache_dir=folder)
    assert {k: v for k, v in _tree(folder).items() if not k.startswith(SUBFOLDER + "/")} == before


def test_a_new_or_empty_folder_becomes_the_cache(tmp_path):
    config = make_project(tmp_path / "project")
    empty = tmp_path / "empty"
    empty.mkdir()
    for folder in (empty, tmp_path / "new" / "cache"):
        report = build(config, formats=["md"], jobs=1, cache_dir=folder)
        assert report.cache_dir == folder
        assert {p.name for p in folder.iterdir()} >= {KEY_NAME, "CACHEDIR.TAG", ".gitignore"}
        assert (folder / KEY_NAME).stat().st_mode & 0o777 == 0o600


def test_pruning_removes_only_entries_briefgen_wrote(tmp_path):
    old = SourceCache.open(tmp_path, {}, version="0.0.1")
    old.store(briefgen.cache.CachedFile(old.key("a.txt", b"x"), (), ()))
    (old.folder / "notes.txt").write_text("mine")  # a user's file inside an old generation
    (old.folder / "ab").mkdir(exist_ok=True)
    (old.folder / "ab" / "photo.jpg").write_bytes(b"jpeg")
    SourceCache.open(tmp_path, {}).prepare()
    assert not _entries(old.folder)
    assert (old.folder / "notes.txt").read_text() == "mine"
    assert (old.folder / "ab" / "photo.jpg").read_bytes() == b"jpeg"


def test_a_folder_taken_twice_over_means_no_cache_and_a_warning(tmp_path):
    config = make_project(tmp_path / "project")
    folder = _user_folder(tmp_path)
    (folder / SUBFOLDER).mkdir()
    (folder / SUBFOLDER / "x.txt").write_text("also mine")
    report = build(config, formats=["md"], jobs=1, cache_dir=folder)
    assert report.cache_dir is None and report.sources == 3
    assert any("choose an empty or new folder with --cache-dir" in w for w in report.warnings)
    assert (folder / SUBFOLDER / "x.txt").read_text() == "also mine"


# 2. A damaged cache never changes the output.


@pytest.mark.parametrize("jobs", [1, 2])
def test_swapped_entries_are_recomputed_and_nothing_is_lost(tmp_path, jobs):
    config = make_project(tmp_path, extra=17)
    plain = _no_cache(config, tmp_path, jobs)
    first = build(config, formats=["json", "md"], jobs=jobs)
    entries = _entries(first.cache_dir)
    blobs = [p.read_bytes() for p in entries]
    for path, blob in zip(entries, blobs[1:] + blobs[:1], strict=True):  # every entry holds another's bytes
        path.write_bytes(blob)
    second = build(config, formats=["json", "md"], jobs=jobs)
    assert second.discarded == len(entries) == 20
    assert (second.sources, _outputs(second)) == plain


@pytest.mark.parametrize("jobs", [1, 2])
def test_authentic_but_undecodable_entries_are_recomputed_and_nothing_is_lost(tmp_path, jobs):
    config = make_project(tmp_path, extra=17)
    plain = _no_cache(config, tmp_path, jobs)
    first = build(config, formats=["json", "md"], jobs=jobs)
    cache = SourceCache.open(first.cache_dir, {})
    payloads = [pickle.dumps(["not", "an", "entry"]), b"\x80\x05garbage", pickle.dumps(None)]
    for i, path in enumerate(_entries(first.cache_dir)[:6]):
        path.write_bytes(cache.seal(path.stem, payloads[i % 3]))  # as if briefgen itself wrote them
    second = build(config, formats=["json", "md"], jobs=jobs)
    assert (second.from_cache, second.discarded) == (14, 6)
    assert (second.sources, _outputs(second)) == plain
    third = build(config, formats=["json", "md"], jobs=jobs)
    assert (third.sources, _outputs(third)) == plain


# 8. The cache is input: nothing in it runs, hangs or eats memory.


class _Command:
    """A pickle that runs a shell command when loaded."""

    def __init__(self, command: str) -> None:
        self.command = command

    def __reduce__(self):
        return (os.system, (self.command,))


def _forgeries(path: Path, payload: bytes) -> list[bytes]:
    """Return entries an attacker could write: unkeyed checksums and a MAC under a guessed key."""
    import hashlib
    import hmac

    guessed = hmac.new(b"\0" * 32, path.stem.encode() + b"\0" + payload, hashlib.sha256).hexdigest()
    return [
        briefgen.cache.MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload,
        b"briefgen-cache 1\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload,
        briefgen.cache.MAGIC + guessed.encode() + b"\n" + payload,
    ]


@pytest.mark.parametrize("variant", [0, 1, 2])
def test_a_forged_pickle_is_never_loaded(tmp_path, variant):
    config = make_project(tmp_path)
    plain = _no_cache(config, tmp_path, 1)
    first = build(config, formats=["json", "md"], jobs=1)
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_Command(f"touch {marker}"))
    for path in _entries(first.cache_dir):
        path.write_bytes(_forgeries(path, payload)[variant])
    second = build(config, formats=["json", "md"], jobs=1)
    assert not marker.exists()
    assert second.discarded == 3
    assert (second.sources, _outputs(second)) == plain


def _build_in_subprocess(config: Path, cache: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """Build in a child with 1.5 GB of address space and 60 s, so a regression fails instead of hanging."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))

    return subprocess.run(
        [sys.executable, "-m", "briefgen", "--quiet", "build", str(config), "--format", "json,md"]
        + ["--jobs", "1", "--cache-dir", str(cache), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limit,
        cwd=ROOT,
    )


@pytest.mark.parametrize("kind", ["symlink to /dev/zero", "fifo", "folder", "symlink to a good entry"])
def test_entries_that_are_not_regular_files_are_recomputed(tmp_path, kind):
    config = make_project(tmp_path)
    plain = _no_cache(config, tmp_path, 1)
    first = build(config, formats=["json", "md"], jobs=1, cache_dir=tmp_path / "cache")
    entries = _entries(first.cache_dir)
    good = tmp_path / "good.pickle"
    good.write_bytes(entries[0].read_bytes())
    for path in entries:
        path.unlink()
        if kind == "symlink to /dev/zero":
            path.symlink_to("/dev/zero")
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "folder":
            path.mkdir()
        else:
            path.symlink_to(good)
    done = _build_in_subprocess(config, tmp_path / "cache", tmp_path / "again")
    assert done.returncode == 0, done.stderr
    assert {p.name: p.read_bytes() for p in (tmp_path / "again").iterdir() if p.is_file()} == plain[1]
    if kind != "folder":  # an entry briefgen cannot read is removed, then written anew
        assert all(p.is_file() and not p.is_symlink() for p in _entries(first.cache_dir))


def test_an_oversized_entry_is_not_read(tmp_path):
    cache = SourceCache.open(tmp_path, {"max_source_bytes": 10})
    key = cache.key("a.txt", b"x")
    path = cache.folder / key[:2] / f"{key}.pickle"
    path.parent.mkdir(parents=True)
    with open(path, "wb") as fh:
        fh.truncate(cache.max_entry_bytes + 1)  # sparse: no disk used
    assert cache.load(key) == (None, True)
    assert not path.exists()


def test_a_key_others_can_read_is_replaced(tmp_path):
    cache = SourceCache.open(tmp_path, {})
    key = cache.key("a.txt", b"x")
    cache.store(briefgen.cache.CachedFile(key, (), ()))
    os.chmod(tmp_path / KEY_NAME, 0o644)
    again = SourceCache.open(tmp_path, {})
    assert again.secret != cache.secret
    assert (tmp_path / KEY_NAME).stat().st_mode & 0o777 == 0o600
    assert again.load(key) == (None, True)  # entries made under a key others could read are not trusted


def test_builds_claiming_a_new_folder_at_once_agree(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    from briefgen.cache_folder import claim

    for round_ in range(20):  # the race between listing the folder and reading the key is narrow
        target = tmp_path / f"fresh{round_}"
        with ThreadPoolExecutor(16) as pool:
            claims = list(pool.map(claim, [target] * 32))
        assert set(claims) == {claims[0]} and claims[0][0] == target


def test_a_cache_an_earlier_briefgen_made_is_taken_over(tmp_path):
    """Before the key file, a cache held only CACHEDIR.TAG, .gitignore and generation folders."""
    (tmp_path / "CACHEDIR.TAG").write_text(briefgen.cache_folder.TAG)
    (tmp_path / ".gitignore").write_text("*\n")
    old = tmp_path / "v3-0.1.0-0123456789abcdef" / "ab"
    old.mkdir(parents=True)
    (old / ("ab" + "0" * 62 + ".pickle")).write_bytes(b"old entry")
    cache = SourceCache.open(tmp_path, {})
    cache.prepare()
    assert cache.root == tmp_path and (tmp_path / KEY_NAME).is_file()
    assert not old.parent.exists()


def test_a_cache_dir_that_is_a_file_means_no_cache_and_a_warning(tmp_path, capsys):
    from briefgen.cli import main

    config = make_project(tmp_path / "project")
    target = tmp_path / "notes.txt"
    target.write_text("not a folder")
    args = ["build", str(config), "--format", "md", "--jobs", "1", "--cache-dir", str(target)]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert f"warning: {target}" in err and "this build ran without a cache" in err
    assert target.read_text() == "not a folder"
    assert main([*args, "--strict"]) == 1


def test_an_unusable_default_cache_costs_only_speed(tmp_path):
    """As in a read-only project: the default folder cannot be made, and --strict must not fail for it."""
    config = make_project(tmp_path)
    (config.parent / ".briefgen-cache").write_text("a file where the folder would go")
    report = build(config, formats=["md"], jobs=1, out=tmp_path / "out")
    assert report.cache_dir is None and report.sources == 3 and not report.warnings


def test_even_an_entry_sealed_with_the_key_cannot_run_code(tmp_path):
    """A cache folder handed on carries its key: its entries may build briefgen's records, nothing else."""
    cache = SourceCache.open(tmp_path, {})
    key = cache.key("a.txt", b"x")
    marker = tmp_path / "pwned"
    path = cache.folder / key[:2] / f"{key}.pickle"
    path.parent.mkdir(parents=True)
    path.write_bytes(cache.seal(key, pickle.dumps(_Command(f"touch {marker}"))))
    assert cache.load(key) == (None, True)
    assert not marker.exists()


def test_every_record_of_a_real_build_loads_through_the_guarded_unpickler(tmp_path):
    """If the model gains a kind of object the guard refuses, every cached build would recompute."""
    config = make_project(tmp_path, extra=2)
    first = build(config, formats=["md"], jobs=1)
    second = build(config, formats=["md"], jobs=1)
    assert first.analysed == second.from_cache == 5 and second.discarded == 0
