"""The pages of a URL list as they are fetched, in batches, for the run to analyse and write
while the rest is still being fetched.

A list of a few thousand URLs, paced at one request a second per site, takes hours. Fetched
whole before any write, its pages all sat in memory, the run wrote nothing until the last one
came, and a run stopped or failed midway lost every page it had fetched. Here the fetching runs
in threads of its own (`fetch_all`, one thread per host side by side, as before) and the run
takes its pages in batches (`batches`): a batch is handed over once it holds `batch_size` pages,
or once its first page has waited `flush_s`, so a slow site's pages are written within that
time of arriving. A bounded queue between the two keeps memory flat: when the analysis falls
behind, the fetching waits.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import math
import queue
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait

from pipeline.fetch import HostPacer, fetch, host_key
from pipeline.records import RawPage, Reject
from pipeline.settings import Settings
from pipeline.sources import pages_of

log = logging.getLogger(__name__)

Fetched = RawPage | Reject
# How long a fetched page waits for its batch to fill before the batch goes to be written.
FLUSH_S = 10.0
# The fetched URLs held for the run at most, in batches: past this the fetching waits.
HELD_BATCHES = 2


class _Stopped(Exception):
    """The run stopped while a host thread waited (its pace, a retry's back-off)."""


class FetchStream:
    """One URL list's fetch, shared by the thread that fetches (`fetch_all`) and the run
    that takes its pages (`batches`); `stop` ends both."""

    def __init__(
        self,
        urls: list[str],
        settings: Settings,
        batch_size: int,
        flush_s: float | None = None,
    ) -> None:
        self.urls = urls
        self.settings = settings
        self.batch_size = batch_size
        self.flush_s = FLUSH_S if flush_s is None else flush_s
        self._ready: queue.Queue[tuple[int, list[Fetched]]] = queue.Queue(
            maxsize=max(1, min(len(urls), HELD_BATCHES * batch_size))
        )
        self._stop = threading.Event()
        self._finished = threading.Event()
        self._error: BaseException | None = None
        # A fetched page's share of the URL it came from: a feed's n items are 1/n each, so a
        # progress bar counting URLs ends at the count of URLs.
        self._shares: dict[str, float] = {}
        self.fetched = 0
        self.failed = 0

    def stop(self) -> None:
        self._stop.set()

    def share(self, item: Fetched) -> float:
        return self._shares.get(item.source, 1.0)

    def fetch_all(self) -> None:
        """Fetch every URL, hosts side by side (fetch_hosts_at_once), each host's URLs one
        after another and at most one per fetch_host_interval_ms: a list mixing many sites
        should not wait on each site's pacing and slow answers in turn, and no site (www. or
        not) gets more than one request at a time. Fetched every run: a page's bytes, not its
        URL, decide whether it is processed again. A stop, or an error in one host's thread,
        ends every host after the request it is in (not after its list, nor after a back-off)."""
        by_host: dict[str, list[int]] = {}
        for i, u in enumerate(self.urls):
            by_host.setdefault(host_key(u), []).append(i)
        pacer = HostPacer(self.settings.fetch_host_interval_ms / 1000, sleep=self._pause)
        done = itertools.count(1)
        pool = ThreadPoolExecutor(min(self.settings.fetch_hosts_at_once, max(1, len(by_host))))
        try:
            futures = [pool.submit(self._host, ix, pacer, done) for ix in by_host.values()]
            finished, _ = wait(futures, return_when=FIRST_EXCEPTION)
            for future in finished:  # the error that ended the wait, before waiting on the rest
                if (error := future.exception()) is not None:
                    raise error
            pool.shutdown()
        except BaseException as exc:
            self._error = exc
            self._stop.set()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            self._finished.set()

    def _host(self, indexes: list[int], pacer: HostPacer, done: itertools.count) -> None:
        s = self.settings
        for i in indexes:
            if self._stop.is_set():
                return
            try:
                page = fetch(
                    self.urls[i],
                    timeout=s.fetch_timeout_s,
                    retries=s.fetch_retries,
                    max_bytes=s.max_page_bytes,
                    pacer=pacer,
                    sleep=self._pause,
                )
            except _Stopped:
                return
            items = list(pages_of(page)) if isinstance(page, RawPage) else [page]
            for item in items:
                self._shares[item.source] = 1 / len(items)
            if isinstance(page, Reject):
                self.failed += 1
            else:
                self.fetched += 1
            n = next(done)  # itertools.count is atomic under the GIL
            if n % 50 == 0 or n == len(self.urls):
                log.info("fetched %d of %d URLs", n, len(self.urls))
            if not self._hand_over((i, items)):
                return

    def _pause(self, seconds: float) -> None:
        if self._stop.wait(seconds):
            raise _Stopped

    def _hand_over(self, item: tuple[int, list[Fetched]]) -> bool:
        """Queue a URL's pages, waiting while the run is behind; False once it stopped."""
        while not self._stop.is_set():
            try:
                self._ready.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def batches(self, idle: bool = False) -> Iterator[list[Fetched]]:
        """The fetched pages in batches, each in the list's order. A page that waited flush_s
        for its batch to fill goes with the pages come so far: the run writes what it fetched
        as it goes. What ended the fetch (an error in a host's thread) is raised once the
        pages fetched before it are handed over: they are written, not lost with the run.
        idle: an empty batch whenever a moment passes with no batch ready, so that the run
        writes what it has analysed meanwhile instead of waiting here for the fetch."""
        if not self.urls:
            return
        held: list[tuple[int, list[Fetched]]] = []
        count = 0
        since = math.inf
        while True:
            failed = self._error is not None
            try:
                wait_s = 0.0 if failed else min(0.2, max(0.0, since + self.flush_s - _now()))
                item = self._ready.get(timeout=wait_s) if wait_s else self._ready.get_nowait()
            except queue.Empty:
                item = None
            if item is not None:
                held.append(item)
                count += len(item[1])
                since = min(since, _now())
                if failed:
                    continue  # take all that came before the error
            ended = item is None and self._finished.is_set() and self._ready.empty()
            if held and (count >= self.batch_size or _now() - since >= self.flush_s or ended):
                held.sort(key=lambda pair: pair[0])
                yield [page for _, pages in held for page in pages]
                held, count, since = [], 0, math.inf
            elif idle and item is None and not ended:
                yield []
            if ended:
                if self._error is not None:
                    raise self._error
                return


def _now() -> float:
    return time.monotonic()


def fetch_urls(urls: list[str], settings: Settings) -> list[Fetched]:
    """Every URL's pages in the list's order, once all are fetched: a feed's URL gives a page
    for each of its items (as a feed saved as a file does). For callers that want the whole
    list; a run takes the pages in batches as they come (FetchStream)."""
    stream = FetchStream(urls, settings, batch_size=sys.maxsize, flush_s=math.inf)
    fetch_in_thread(stream)
    try:
        return [page for batch in stream.batches() for page in batch]
    finally:
        stream.stop()


def fetch_in_thread(stream: FetchStream) -> None:
    """Run the fetch in a daemon thread; its error is raised by whoever reads its batches,
    not printed as a thread's traceback too."""

    def run() -> None:
        with contextlib.suppress(BaseException):
            stream.fetch_all()

    threading.Thread(target=run, name="duokong-fetch", daemon=True).start()
