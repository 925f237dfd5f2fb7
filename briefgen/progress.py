"""Progress of the build's stages: a bar on a terminal, plain log lines otherwise, nothing when quiet."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Literal, TextIO

Mode = Literal["bar", "plain", "quiet"]
# Plain mode logs at these fractions of a stage, so a CI log shows that a long stage is moving.
_MILESTONES = (0.25, 0.5, 0.75)
_MIN_FOR_MILESTONES = 100


class Stage:
    """One stage's counter; use as a context manager around the stage's work."""

    def __init__(
        self, progress: Progress, name: str, total: int, unit: str, timing: str | None = None
    ) -> None:
        self.name, self.total, self.unit = name, total, unit
        self.timing = timing or name  # the key of its time in ``Progress.timings``
        self.done = 0
        self._progress = progress
        self._start = time.perf_counter()
        self._milestones = [m for m in _MILESTONES if total >= _MIN_FOR_MILESTONES]
        self._bar = None
        if progress.mode == "bar":
            from tqdm import tqdm  # imported only for a terminal: plain and quiet runs do without it

            tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked while bars are open
            self._bar = tqdm(
                total=total, desc=name, unit=unit, file=progress.stream, leave=True, dynamic_ncols=True
            )

    @property
    def seconds(self) -> float:
        """Return the time since the stage started."""
        return time.perf_counter() - self._start

    def advance(self, n: int = 1) -> None:
        """Count ``n`` more units done."""
        self.done += n
        if self._bar is not None:
            self._bar.update(n)
        elif self._progress.mode == "plain":
            while self._milestones and self.done >= self._milestones[0] * self.total:
                self._milestones.pop(0)
                self._progress.log(f"{self.name}: {self.done}/{self.total} {self.unit}s")

    def __enter__(self) -> Stage:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._progress.add_time(self.timing, self.seconds)
        if self._bar is not None:
            self._bar.close()
        elif kind is None and self._progress.mode == "plain":
            seconds = self.seconds
            rate = f" ({self.done / seconds:,.0f} {self.unit}s/s)" if seconds > 0 and self.done > 1 else ""
            self._progress.log(f"{self.name}: {self.done} {self.unit}(s) in {seconds:.1f}s{rate}")


class Progress:
    """Where and how stage progress is shown."""

    def __init__(self, mode: Mode = "quiet", stream: TextIO | None = None) -> None:
        self.mode: Mode = mode
        self.stream = stream if stream is not None else sys.stderr
        self.timings: dict[str, float] = {}  # wall time per stage, in the order the stages ran

    @classmethod
    def for_stream(cls, stream: TextIO, *, quiet: bool = False) -> Progress:
        """Return bars for an interactive terminal, plain lines for a pipe or a file, nothing if quiet."""
        if quiet:
            return cls("quiet", stream)
        interactive = hasattr(stream, "isatty") and stream.isatty()
        return cls("bar" if interactive else "plain", stream)

    def stage(self, name: str, total: int, unit: str = "item", *, timing: str | None = None) -> Stage:
        """Return a counter for a stage of ``total`` units; its time goes to ``timings[timing or name]``."""
        return Stage(self, name, total, unit, timing)

    @contextmanager
    def timed(self, timing: str) -> Iterator[None]:
        """Time a step that shows no progress of its own (writing, archiving) into ``timings``."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add_time(timing, time.perf_counter() - start)

    def add_time(self, timing: str, seconds: float) -> None:
        """Add ``seconds`` to the time of the stage ``timing``."""
        self.timings[timing] = self.timings.get(timing, 0.0) + seconds

    def log(self, line: str) -> None:
        """Write one line of progress (plain mode only)."""
        if self.mode == "plain":
            self.stream.write(f"briefgen: {line}\n")
            self.stream.flush()
