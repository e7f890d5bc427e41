"""Which rejects of earlier runs no longer hold, once a run has walked its inputs.

`rejects` lists what is refused now. A reject goes when its input is read again (the warehouse
clears it then), but some inputs are never read again: a page since deleted, a link, URL list
or folder since mended (they are never remembered, so nothing reads them through as a file
is). This module tells those apart from rejects that still hold, of which a run only sees
part: a file its walk passes over (hidden, README), or one inside a folder it cannot list.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from pipeline.batch import NOT_FILES
from pipeline.input_files import Input, source_name, source_path
from pipeline.sources import ignored_by_walk

# Refusals of an input as a whole that a run makes again whenever they still hold: one of an
# earlier run that this run did not make again is over.
INPUT_REFUSALS = frozenset(
    {"unreadable-folder", "broken-link", "not-a-file", "unreadable-url-list", "empty-url-list"}
)


class SettledRejects:
    """settled(source, reason): whether an earlier run's reject under the run's roots is over.
    roots: the paths the run was given, resolved as its walk resolved them; found: what the
    walk found under them."""

    def __init__(self, roots: Iterable[Path], found: Iterable[Input]) -> None:
        self.roots = [source_name(r) for r in roots]
        found = list(found)
        self.present = {i.source for i in found}
        # refused afresh on each run while it holds: an earlier run's reject of it is over
        self.remade = {i.source for i in found if i.kind in NOT_FILES or i.kind == "urls"}

    def __call__(self, source: str, reason: str) -> bool:
        if not self._in_view(source):
            return False  # the walk passed it over: nothing is known of it now
        found = self._input_of(source)
        if found is not None:
            return found in self.remade
        if reason in INPUT_REFUSALS:
            return True
        return not _exists(source)

    def gone(self, source: str) -> bool:
        """Whether an input an earlier run read (a URL list) is no longer there: under a root,
        not found by this run's walk, and not on disk (one the walk passed over is there)."""
        return self._in_view(source) and source not in self.present and not _exists(source)

    def _in_view(self, source: str) -> bool:
        """Under a root, and not where the walk passes over (a hidden folder given as a root
        of its own by an earlier run is passed over by a run over its parent)."""
        for root in self.roots:
            if source == root:
                return True
            if source.startswith(root.rstrip("/") + "/"):
                return not ignored_by_walk(Path(source[len(root.rstrip("/")) + 1 :]))
        return False

    def _input_of(self, source: str) -> str | None:
        """The input found now that source is or holds (path#3, path#item0; a name may hold a
        # of its own)."""
        return next((c for c in _input_names(source) if c in self.present), None)


def _input_names(source: str) -> list[str]:
    return [source] + [source[:i] for i, c in enumerate(source) if c == "#"]


def _exists(source: str) -> bool:
    """Whether the file a reject names (or holds a record of) is still there. One that cannot
    be looked at (inside a folder that cannot be listed) is taken to be."""
    for name in _input_names(source):
        try:
            os.lstat(source_path(name))
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError:
            return True
        return True
    return False
