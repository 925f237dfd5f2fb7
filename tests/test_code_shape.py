"""The shape of the code (issue 14): no module over 450 lines and no import cycle inside briefgen/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "briefgen"
MAX_LINES = 450


def _module_name(path: Path, root: Path) -> str:
    """Return the dotted name of a module file under the package ``root`` ("briefgen.analysis.quotes")."""
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, name: str, modules: set[str]) -> set[str]:
    """Return the briefgen modules the file at ``path`` imports, relative imports resolved."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in modules)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            for alias in node.names:
                # "from . import rss" imports a module; "from .words import word_set" a name of one
                found.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in modules else target)
    return (found & modules) - {name}


def import_graph(root: Path) -> dict[str, set[str]]:
    """Return each module under ``root`` with the modules under it that it imports."""
    files = {_module_name(p, root): p for p in sorted(root.rglob("*.py"))}
    names = set(files)
    return {name: _imports(path, name, names) for name, path in files.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the import cycles of ``graph``: its strongly connected parts of two or more modules."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        order[v] = low[v] = len(order)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in order:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], order[w])
        if low[v] == order[v]:
            part: list[str] = []
            while not part or part[-1] != v:
                part.append(stack.pop())
                on_stack.discard(part[-1])
            if len(part) > 1:
                found.append(sorted(part))

    for v in sorted(graph):
        if v not in order:
            visit(v)
    return found


def test_no_module_is_over_450_lines() -> None:
    long = {
        str(p.relative_to(PACKAGE.parent)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, f"split these by what they are about: {long}"


def test_no_import_cycle_inside_briefgen() -> None:
    assert cycles(import_graph(PACKAGE)) == []


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"a.py": "from . import b\n", "b.py": "from .c import f\n", "c.py": "x = 1\n"}, []),
        ({"a.py": "from . import b\n", "b.py": "from .c import f\n", "c.py": "from .a import g\n"}, 1),
        ({"__init__.py": "from .a import f\n", "a.py": "from .sub.d import h\n", "sub/d.py": "y = 2\n"}, []),
        (
            {
                "sub/__init__.py": "from .d import h\n",
                "sub/d.py": "from .. import a\n",
                "a.py": "from .sub import d\n",
            },
            1,
        ),
        ({"a.py": "import pkg.b\n", "b.py": "import pkg.a\n"}, 1),
    ],
)
def test_the_cycle_check_finds_cycles(tmp_path: Path, files: dict[str, str], expected: object) -> None:
    root = tmp_path / "pkg"
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    found = cycles(import_graph(root))
    assert (len(found) if expected else found) == expected


def _how_it_works() -> str:
    """Return the README's "How it works" section, with its subsections."""
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("\n## How it works\n")
    end = readme.find("\n## ", start + 1)
    return readme[start : end if end >= 0 else len(readme)]


def _module_names(path: Path) -> set[str]:
    """Return the names a module (or a package's __init__.py) defines or imports at its top level."""
    tree = ast.parse((path / "__init__.py" if path.is_dir() else path).read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def test_every_path_the_readme_names_in_how_it_works_exists() -> None:
    paths = set(re.findall(r"`(briefgen/[\w/.]*)`", _how_it_works()))
    assert len(paths) > 20
    assert sorted(p for p in paths if not (PACKAGE.parent / p).exists()) == []


def test_each_stage_function_the_readme_names_is_in_the_module_it_names() -> None:
    pairs = re.findall(r"`(briefgen/[\w/.]*)`\s+`(\w+)[`(]", _how_it_works())
    assert len(pairs) > 8
    missing = [(path, name) for path, name in pairs if name not in _module_names(PACKAGE.parent / path)]
    assert missing == []
