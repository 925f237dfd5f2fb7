"""Errors users see: each carries one line per problem and an exit code; cli.py prints them."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    # Not a clean build: built with warnings under --strict, or an unexpected failure (a worker died).
    # One member, since an IntEnum's second name for a value is only an alias of the first.
    FAILED = 1
    CONFIG = 2  # config or usage error
    SOURCES = 3  # source errors
    RENDER = 4  # a template or renderer failed


class BriefgenError(Exception):
    """A problem to report as ``file:line: message`` lines, without a traceback."""

    category = "error"
    status = ExitStatus.CONFIG

    def __init__(self, problems: str | list[str]) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


class ConfigError(BriefgenError):
    category = "config"
    status = ExitStatus.CONFIG


class SourceError(BriefgenError):
    category = "source"
    status = ExitStatus.SOURCES


class RenderError(BriefgenError):
    category = "render"
    status = ExitStatus.RENDER
