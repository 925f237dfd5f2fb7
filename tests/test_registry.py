"""Plug-in registries fail loudly when a name is registered twice."""

from __future__ import annotations

import pytest

from briefgen.ingest import READERS
from briefgen.registry import registrar
from briefgen.render import RENDERERS


def test_built_in_readers_and_renderers_are_listed():
    assert {"text", "html", "pdf", "docx", "rss", "manifest"} <= set(READERS)
    assert set(RENDERERS) == {"docx", "pdf", "json", "md", "html"}


def test_a_name_registered_twice_names_both_modules():
    register = registrar({}, "renderer")

    @register
    class First:
        name = "x"

    class Second:
        name = "x"

    with pytest.raises(RuntimeError, match="renderer 'x' registered twice: test_registry and test_registry"):
        register(Second)
