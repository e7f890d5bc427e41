"""Batch helpers the flow's tasks call: read, extract and analyse lists of inputs.

Kept here, not in flows/, so the same work runs without Prefect (tests, `duokong analyze`).
An Analyzer is built once per thread and reused: spaCy pipelines are not shared across threads.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.analyze import Analyzer
from pipeline.records import PageResult, RawPage, Reject
from pipeline.settings import Settings
from pipeline.sources import Input, read_inputs_safely

_local = threading.local()


def analyzer_for(settings: Settings) -> Analyzer:
    cached = getattr(_local, "analyzer", None)
    if cached is None or cached.settings != settings:
        cached = Analyzer(settings)
        _local.analyzer = cached
    return cached


def read_inputs(items: Iterable[Input], settings: Settings) -> Iterator[RawPage | Reject]:
    """Pages of files (URL lists are fetched by the flow's own task and refused here)."""
    return read_inputs_safely((i for i in items if i.kind != "urls"), settings.max_page_bytes)


def read_any(items: Iterable[Input], settings: Settings) -> Iterator[RawPage | Reject]:
    """Pages of files, with a Reject for URL lists: for commands that do not fetch."""
    return read_inputs_safely(items, settings.max_page_bytes)


def process_pages(pages: Iterable[RawPage | Reject], settings: Settings) -> list[PageResult]:
    analyzer = analyzer_for(settings)
    out = []
    for page in pages:
        if isinstance(page, Reject):
            out.append(PageResult(page.source, reject=page))
        else:
            out.append(analyzer.process(page))
    release_memory()
    return out


def release_memory() -> None:
    """Hand freed heap back to the system after a batch: parsed pages leave glibc's arenas
    fragmented, and a long-lived worker's resident memory would otherwise creep up."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to do
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def spill(results: list[PageResult], folder: str | Path) -> str:
    """Hand a batch's results to the writer through a file: an orchestrator that keeps every
    task's return value would otherwise hold all pages of a run in memory."""
    fd, path = tempfile.mkstemp(suffix=".pickle", dir=folder)
    with os.fdopen(fd, "wb") as fh:
        pickle.dump(results, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def unspill(path: str | Path) -> list[PageResult]:
    """The results spill() wrote (our own file, in a folder of this run), removing the file."""
    path = Path(path)
    with path.open("rb") as fh:
        results = pickle.load(fh)
    path.unlink()
    return results
