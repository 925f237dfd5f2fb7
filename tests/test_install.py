"""Installing as a new user does: a fresh venv with the pip it ships, no upgrade, then an HTML source."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# What pip prints when it cannot reach an index; the test is then skipped, not failed.
OFFLINE = (
    "NewConnectionError",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "No matching distribution found",
    "Could not find a version that satisfies",
    "ConnectTimeout",
    "ReadTimeoutError",
)

ARTICLE = """<!doctype html>
<html><head><title>Ports reopen after the strike</title>
<meta name="author" content="Ana Pereira"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Ports reopen after the strike</h1>
<p>Dock workers returned to the harbour on Monday after a three-week strike over pay ended with a deal
that raises wages by six percent this year and four percent next year.</p>
<p>"We got most of what we asked for," said Marta Silva, who leads the dockers' union, outside the
main gate. The port authority said ships waiting offshore would be unloaded within ten days.</p>
<p>Exporters had warned that the stoppage was costing them millions of euros a week in lost sales and
storage fees, and several had begun sending goods through a rival port to the north.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>
"""


def _copy_project(dest: Path) -> Path:
    """Return a copy of what pip needs to build the package, so an in-tree build leaves the repo alone."""
    dest.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, dest / name)
    shutil.copytree(
        ROOT / "briefgen", dest / "briefgen", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    return dest


def test_install_with_the_venvs_own_pip_reads_html(tmp_path):
    venv = tmp_path / "venv"
    made = subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot create a venv with ensurepip here: {made.stderr.strip()[-200:]}")
    bin_dir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    project = _copy_project(tmp_path / "src")
    install = subprocess.run(
        [
            *(str(bin_dir / "python"), "-m", "pip", "install", "--no-compile", "--verbose"),
            *("--timeout", "20", "--retries", "1", str(project)),  # offline: fail fast, then skip
        ],
        capture_output=True,
        text=True,
    )
    output = install.stdout + install.stderr
    if install.returncode != 0 and any(sign in output for sign in OFFLINE):
        pytest.skip("PyPI (or the configured index) is unreachable; cannot test a fresh install")
    assert install.returncode == 0, output[-2000:]
    assert "Successfully installed" in output
    assert "DeprecationWarning" not in output  # --verbose shows the build backend's warnings

    page = tmp_path / "ports.html"
    page.write_text(ARTICLE, encoding="utf-8")
    run = subprocess.run([str(bin_dir / "briefgen"), "extract", str(page)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "Ports reopen after the strike" in run.stdout
    assert "Marta Silva" in run.stdout
    assert "ImportError" not in run.stderr and "lxml" not in run.stderr
    assert "lxml_html_clean" in _installed(bin_dir)


def _installed(bin_dir: Path) -> str:
    listing = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "list"], capture_output=True, text=True, check=True
    )
    return listing.stdout.replace("-", "_")
