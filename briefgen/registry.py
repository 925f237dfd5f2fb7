"""Plug-in registries: a name -> class table filled by a decorator, shared by readers and renderers."""

from __future__ import annotations

from collections.abc import Callable


def registrar(table: dict[str, type], kind: str) -> Callable[[type], type]:
    """Return a class decorator that files a class under its ``name``; a name filed twice fails loudly."""

    def register(cls: type) -> type:
        name = cls.name  # type: ignore[attr-defined]
        if name in table:
            raise RuntimeError(
                f"{kind} {name!r} registered twice: {table[name].__module__} and {cls.__module__}"
            )
        table[name] = cls
        return cls

    return register
