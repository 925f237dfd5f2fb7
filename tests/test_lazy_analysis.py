"""The analysis steps load on first use: a rebuild whose week comes whole from the cache (an editor's
rebuild) starts without importing them, and every public name still imports from ``briefgen.analysis``."""

from __future__ import annotations

import subprocess
import sys

import pytest

import briefgen.analysis


def _modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_the_build_and_compose_modules_do_not_load_the_analysis_steps() -> None:
    loaded = _modules_after("import briefgen.cli, briefgen.pipeline, briefgen.compose, briefgen.archive")
    assert "briefgen.analysis.steps" not in loaded
    assert "briefgen.analysis.quotes" not in loaded


def test_every_public_step_imports_from_the_package() -> None:
    for name in briefgen.analysis.__all__:
        assert getattr(briefgen.analysis, name) is getattr(briefgen.analysis.steps, name)
    assert "briefgen.analysis.steps" in _modules_after("from briefgen.analysis import analyse_source")


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'analyze'"):
        briefgen.analysis.analyze  # noqa: B018
