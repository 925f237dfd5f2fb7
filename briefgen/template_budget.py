"""Layout templates run on a budget: time, memory, output size, and the size of every value they make.

Jinja's sandbox stops attribute tricks and caps ``range()``, but ``"x" * 10**9`` or two nested
``range(100000)`` loops still take minutes and gigabytes. Here every size a template can ask for is
checked before the work is done (operators, calls, filters), the output is counted as it streams,
and a trace on the template's own frames stops it when it runs out of time or memory.
"""

from __future__ import annotations

import functools
import re
import sys
import time
from collections.abc import Callable, Iterator, Sized
from contextlib import contextmanager
from types import FrameType
from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_SECONDS = 5.0  # a layout renders in milliseconds; this only stops runaway loops
MAX_SIZE = 200_000  # characters or items in any value a template makes, and in its whole output
MAX_NUMBER = 1_000_000  # the largest number a template may hand to a function or filter
MAX_MEMORY = 512 * 1024 * 1024  # bytes the process's peak memory may grow while a template runs


class TemplateBudgetError(Exception):
    """A template went over its budget; the message says which part and how to fix it."""


def _too_big(n: int, what: str) -> TemplateBudgetError:
    return TemplateBudgetError(
        f"{what} of {n:,} is over the {MAX_SIZE:,} a template may make; check its loops"
    )


def _check_number(value: object) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
        raise TemplateBudgetError(f"the number {value:,} is over the {MAX_NUMBER:,} a template may pass on")


def _size(value: object) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple, dict, set, frozenset)) else 0


def _check_size(value: object) -> object:
    if (n := _size(value)) > MAX_SIZE:
        raise _too_big(n, "a value")
    return value


def _check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would be too big, before it is computed."""
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            if isinstance(seq, Sized) and isinstance(count, int) and _size(seq) * count > MAX_SIZE:
                raise _too_big(_size(seq) * count, "a repeated value")
    elif operator == "+" and _size(left) + _size(right) > MAX_SIZE:
        raise _too_big(_size(left) + _size(right), "a joined value")
    elif operator == "**" and isinstance(left, int) and isinstance(right, int):
        if right > 0 and abs(left) > 1 and right * abs(left).bit_length() > 4 * MAX_SIZE:
            raise TemplateBudgetError(f"{left} ** {right} is too large a number for a template")
    elif operator == "%" and isinstance(left, str):
        _check_widths(left)
        for arg in right if isinstance(right, (tuple, list)) else (right,):
            _check_number(arg)


def _budgeted(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Return ``fn`` (a filter) with its numbers and result checked."""

    @functools.wraps(fn)  # keeps Jinja's pass_context / pass_environment marks
    def run(*args: Any, **kwargs: Any) -> Any:
        if fn.__name__ == "do_format" and args:
            _check_widths(args[0])
        for arg in (*args, *kwargs.values()):
            _check_number(arg)
        return _check_size(fn(*args, **kwargs))

    return run


class BudgetedEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, with lists and dicts read-only and every operator, call and filter sized first."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.filters = {name: _budgeted(f) for name, f in self.filters.items()}

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _check_binop(operator, left, right)
        return _check_size(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        for arg in (*args, *kwargs.values()):
            _check_number(arg)
        return _check_size(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        if getattr(value, "__name__", None) in ("format", "format_map"):
            _check_widths(getattr(value, "__self__", None))
        return super().wrap_str_format(value)


def _check_widths(text: object) -> None:
    """Refuse a format string with a width or precision over MAX_NUMBER ("{:>1000000000}", "%999999999s")."""
    if isinstance(text, str) and any(int(n) > MAX_NUMBER for n in re.findall(r"\d{7,}", text)):
        raise TemplateBudgetError("a width in a format string is over what a template may ask for")


def _peak_memory() -> int:
    """Return the process's peak memory in bytes (0 where it cannot be read)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


@contextmanager
def watched(folder: str) -> Iterator[None]:
    """Stop template code under ``folder`` (its compiled frames) once it runs out of time or memory."""
    deadline = time.monotonic() + MAX_SECONDS
    memory_cap = _peak_memory() + MAX_MEMORY

    def local(frame: FrameType, event: str, arg: object) -> Callable[..., Any]:
        # Every line of template code: a doubling string passes any memory cap in a few dozen steps.
        if time.monotonic() > deadline:
            raise TemplateBudgetError(f"ran for over {MAX_SECONDS:g} s; check its loops")
        if _peak_memory() > memory_cap:
            raise TemplateBudgetError(f"used over {MAX_MEMORY // 2**20} MB of memory; check its loops")
        return local

    def calls(frame: FrameType, event: str, arg: object) -> Callable[..., Any] | None:
        return local if frame.f_code.co_filename.startswith(folder) else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        with _address_space_capped():
            yield
    except MemoryError:
        raise TemplateBudgetError(f"asked for over {MAX_MEMORY // 2**20} MB of memory at once") from None
    finally:
        sys.settrace(previous)


@contextmanager
def _address_space_capped() -> Iterator[None]:
    """Cap this process's address space at its present size plus MAX_MEMORY (Linux), for a moment.

    One C call ("x".replace, join) can ask for gigabytes between two trace events; with the cap the
    allocation fails at once with a MemoryError instead of swapping the laptop.
    """
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as fh:
            size = int(fh.read().split()[0]) * resource.getpagesize()
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = size + MAX_MEMORY
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        if soft != resource.RLIM_INFINITY and soft <= cap:
            yield  # already capped tighter
            return
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, OSError, ValueError):  # not Linux: the trace's checks still apply
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def render_within_budget(template: Any, context: dict[str, Any], folder: str) -> str:
    """Return ``template`` rendered with ``context``, its output counted as it streams."""
    chunks: list[str] = []
    size = 0
    with watched(folder):
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_SIZE:
                raise TemplateBudgetError(f"its output is over {MAX_SIZE:,} characters; check its loops")
            chunks.append(chunk)
    return "".join(chunks)
