"""Batch helpers the flow's tasks call: read, extract and analyse lists of inputs.

Kept here, not in flows/, so the same work runs without Prefect (tests, `duokong analyze`).
An Analyzer is built once per thread and reused: spaCy pipelines are not shared across threads.
Inputs unchanged since they were last processed are skipped here, in the worker, after hashing
their bytes and before any parsing (see pipeline/incremental.py).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import logging
import os
import pickle
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.analyze import Analyzer
from pipeline.incremental import Known, SeenInput, file_digest
from pipeline.input_files import Input, Part
from pipeline.records import PageResult, RawPage, Reject
from pipeline.settings import Settings
from pipeline.sources import read_inputs_safely

_local = threading.local()
log = logging.getLogger(__name__)


def analyzer_for(settings: Settings) -> Analyzer:
    cached = getattr(_local, "analyzer", None)
    if cached is None or cached.settings != settings:
        cached = Analyzer(settings)
        _local.analyzer = cached
        _freeze_once()
    return cached


_frozen = False


def _freeze_once() -> None:
    """Move everything alive once the first analyzer is built (dictionaries, models, and the
    orchestrator's own modules in a worker) out of the garbage collector's sight. A worker keeps
    them for its whole life, yet every full collection would walk them again while pages churn
    through millions of short-lived objects: measured 4 % of analysis time, more in a Prefect
    worker, whose imports double the heap. Once per process, so that tests building many
    analyzers do not pin each of them."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


def read_inputs(items: Iterable[Input], settings: Settings) -> Iterator[RawPage | Reject]:
    """Pages of files (URL lists are fetched by the flow's own task and refused here)."""
    return read_inputs_safely((i for i in items if i.kind != "urls"), settings.max_page_bytes)


def read_any(items: Iterable[Input], settings: Settings) -> Iterator[RawPage | Reject]:
    """Pages of files, with a Reject for URL lists: for commands that do not fetch."""
    return read_inputs_safely(items, settings.max_page_bytes)


def process_pages(pages: Iterable[RawPage | Reject], settings: Settings) -> list[PageResult]:
    out = _process(pages, analyzer_for(settings))
    release_memory()
    return out


def _process(pages: Iterable[RawPage | Reject], analyzer: Analyzer) -> list[PageResult]:
    return [
        PageResult(p.source, reject=p) if isinstance(p, Reject) else analyzer.process(p)
        for p in pages
    ]


@dataclass
class BatchOutcome:
    """What one analysed batch hands to the writer."""

    results: list[PageResult] = field(default_factory=list)
    seen: list[SeenInput] = field(default_factory=list)
    # Each part of a split file read (pipeline/ingest.py sums them: the file is remembered once
    # its last part is written), and whether it is the file's last.
    parts: list[tuple[SeenInput, bool]] = field(default_factory=list)
    skipped_inputs: int = 0
    skipped_pages: int = 0
    fetched: list[str] = field(default_factory=list)  # URLs fetched fine, changed or not


NOT_FILES = frozenset({"special", "broken-link", "unreadable-folder"})  # no file to read


def input_keys(files: Iterable[Input], fetched: Iterable[RawPage | Reject]) -> list[str]:
    """The keys under which the warehouse remembers these inputs (file path, or URL)."""
    return [i.source for i in files] + [p.source for p in fetched if isinstance(p, RawPage)]


def analyze_batch(
    files: list[Input],
    fetched: list[RawPage | Reject],
    settings: Settings,
    known: Mapping[str, Known] | None = None,
) -> BatchOutcome:
    """Read, extract and analyse a batch, skipping every input whose bytes hash as they did
    when it was last processed (known: what the warehouse remembers; empty for --full).

    A file that cannot be hashed is processed anyway, so that its reject says why; it is not
    remembered, so the next run tries it again. So is a URL that could not be fetched."""
    known = known or {}
    analyzer = analyzer_for(settings)
    out = BatchOutcome()

    def run(
        key: str, digest: str | None, pages: Iterable[RawPage | Reject], part: Part | None = None
    ) -> None:
        results = _process(pages, analyzer)
        out.results.extend(results)
        if digest is None:
            return
        seen = SeenInput(key, digest, len(results), sum(1 for r in results if not r.ok))
        if part is None:
            out.seen.append(seen)
        else:
            out.parts.append((seen, part.final))

    for item in files:
        if item.kind == "urls":
            continue  # URL lists are fetched by the flow's own task
        if item.part is not None:  # split because it changed (ingest.split_large)
            pages = read_inputs_safely([item], settings.max_page_bytes)
            run(item.source, item.part.digest, pages, item.part)
            continue
        if item.kind in NOT_FILES:
            # nothing to hash (a FIFO would block its reader for ever): its reject says why,
            # and it is not remembered, so the next run says it again
            run(item.source, None, read_inputs_safely([item], settings.max_page_bytes))
            continue
        key, digest = item.source, file_digest(item.path)
        if _unchanged(known.get(key), digest, out):
            continue
        run(key, digest, read_inputs_safely([item], settings.max_page_bytes))
    for page in fetched:
        if isinstance(page, Reject):
            out.results.append(PageResult(page.source, reject=page))
            continue
        out.fetched.append(page.source)
        if not _unchanged(known.get(page.source), page.raw_hash, out):
            run(page.source, page.raw_hash, [page])
    release_memory()
    return out


def analyze_to_spill(
    files: list[Input],
    fetched: list[RawPage | Reject],
    settings: Settings,
    known: Mapping[str, Known],
    spill_dir: str | None,
    logger: logging.Logger | logging.LoggerAdapter = log,
) -> str | BatchOutcome:
    """analyze_batch in a worker, logged: its outcome spilled to a file in spill_dir, or
    returned as it is when there is no such folder (a worker on another machine, where this
    run's spill folder does not exist)."""
    out = analyze_batch(files, fetched, settings, known)
    bad = sum(1 for r in out.results if not r.ok)
    logger.info(
        "batch of %d inputs: %d skipped as unchanged, %d pages analysed, %d rejected",
        len(files) + len(fetched),
        out.skipped_inputs,
        len(out.results) - bad,
        bad,
    )
    if not spill_dir:
        return out
    try:
        return spill(out, spill_dir)
    except FileNotFoundError:
        # The run's folder is gone while this batch still ran (a runner that does not wait for
        # its workers on the way out, such as a Dask cluster's): nothing of it is written or
        # remembered, so the next run redoes it.
        logger.warning(
            "the run ended before this batch of %d inputs was handed over; "
            "the next run processes them",
            len(files) + len(fetched),
        )
        return BatchOutcome()


def _unchanged(prev: Known | None, digest: str | None, out: BatchOutcome) -> bool:
    if prev is None or digest is None or prev.raw_hash != digest:
        return False
    out.skipped_inputs += 1
    out.skipped_pages += prev.pages
    return True


def release_memory() -> None:
    """Hand freed heap back to the system after a batch: parsed pages leave glibc's arenas
    fragmented, and a long-lived worker's resident memory would otherwise creep up."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to do
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def spill(results: Any, folder: str | Path) -> str:
    """Hand a batch's results to the writer through a file: an orchestrator that keeps every
    task's return value would otherwise hold all pages of a run in memory."""
    fd, path = tempfile.mkstemp(suffix=".pickle", dir=folder)
    with os.fdopen(fd, "wb") as fh:
        pickle.dump(results, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def unspill(path: str | Path) -> Any:
    """The results spill() wrote (our own file, in a folder of this run), removing the file."""
    path = Path(path)
    with path.open("rb") as fh:
        results = pickle.load(fh)
    path.unlink()
    return results
