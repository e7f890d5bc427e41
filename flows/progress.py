"""Progress of a run for whoever started it: a rich bar on a terminal, nothing otherwise.

The flow reports to the reporter set here by the command line (the flow runs in the same
thread as `duokong run`); a served or deployed run has none and reports to Prefect's log alone.
A module-level slot, not a flow parameter: a progress bar cannot travel through Prefect's API.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Protocol


class Reporter(Protocol):
    def start(self, total: int) -> None: ...

    def advance(
        self, inputs: float, new: int, updated: int, skipped: int, rejected: int
    ) -> None: ...


class _Silent:
    def start(self, total: int) -> None:
        pass

    def advance(self, inputs: float, new: int, updated: int, skipped: int, rejected: int) -> None:
        pass


_current: Reporter = _Silent()


def current() -> Reporter:
    return _current


@contextlib.contextmanager
def reporting(reporter: Reporter) -> Iterator[Reporter]:
    global _current
    previous, _current = _current, reporter
    try:
        yield reporter
    finally:
        _current = previous


class RichBar:
    """Inputs (or stored articles: unit) done out of those found, with running counts and the
    time left."""

    def __init__(self, console=None, unit: str = "inputs") -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(
            TextColumn(unit),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[counts]}"),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            console=console or Console(stderr=True),
            transient=True,
        )
        self._task = None
        self._totals = [0, 0, 0, 0]
        self._done = 0.0

    def start(self, total: int) -> None:
        self._bar.start()
        self._task = self._bar.add_task("run", total=total, counts="")

    def advance(self, inputs: float, new: int, updated: int, skipped: int, rejected: int) -> None:
        if self._task is None:
            return
        t = self._totals
        t[0], t[1], t[2], t[3] = t[0] + new, t[1] + updated, t[2] + skipped, t[3] + rejected
        counts = f"{t[0]} new · {t[1]} updated · {t[2]} skipped · {t[3]} rejected"
        # A part of a split file is a fraction of an input: sums of fractions are rounded, so
        # that ten tenths make one whole input done (MofN shows whole inputs).
        self._done += inputs
        self._bar.update(self._task, completed=round(self._done, 6), counts=counts)

    def stop(self) -> None:
        self._bar.stop()


@contextlib.contextmanager
def terminal_progress(enabled: bool | None = None, unit: str = "inputs") -> Iterator[Reporter]:
    """A bar on stderr when it is a terminal (or when enabled says so), else silence."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        with reporting(_Silent()) as r:
            yield r
        return
    bar = RichBar(unit=unit)
    try:
        with reporting(bar) as r:
            yield r
    finally:
        bar.stop()
