"""Fetching the pages of a URL list: timeouts, retries with back-off, the response charset.

A URL that cannot be fetched becomes a Reject (stage fetch) and the batch goes on.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx

from pipeline.records import RawPage, Reject, utcnow
from pipeline.sources import RAISE_LIMIT

log = logging.getLogger(__name__)
USER_AGENT = "duokong/0.1 (+https://example.invalid/duokong)"


class HostPacer:
    """At most one request per `interval` seconds to each host, retries included: a URL list
    is often one site's archive, and hammering it gets the crawler banned."""

    def __init__(
        self,
        interval: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = interval
        self.clock = clock
        self.sleep = sleep
        self._last: dict[str, float] = {}

    def wait(self, url: str) -> None:
        host = host_key(url)
        last = self._last.get(host)
        if last is not None:
            delay = last + self.interval - self.clock()
            if delay > 0:
                self.sleep(delay)
        self._last[host] = self.clock()


def host_key(url: str) -> str:
    """The site a URL's requests are paced under: its host name without a leading www.
    (example.com and www.example.com are one server to be polite to). A URL too broken to
    have a host gets the empty name, and fetch refuses it as bad-url."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:  # http://[::1/page
        return ""
    return host.removeprefix("www.")


def fetch(
    url: str,
    timeout: float = 15.0,
    retries: int = 2,
    backoff: tuple[float, ...] = (2, 5, 15),
    max_bytes: int = 20_000_000,
    pacer: HostPacer | None = None,
    deadline: float | None = None,
) -> RawPage | Reject:
    """deadline: seconds one try may take in all (default four times timeout). httpx's timeout
    bounds each read, so a server that drips a byte every few seconds, in its headers or its
    body, would otherwise hold the batch for as long as it likes."""
    deadline = 4 * timeout if deadline is None else deadline
    bad = _bad_url(url)
    if bad:  # not worth retrying, nor a DNS lookup
        return Reject(
            url, "fetch", "bad-url", f"{url!r} {bad}; fix that line of the URL list", utcnow()
        )
    last = ""
    for attempt in range(retries + 1):
        if pacer is not None:
            pacer.wait(url)
        once = functools.partial(_try, url, timeout, max_bytes, deadline, attempt == retries)
        outcome = _bounded(once, deadline)
        if outcome is None:
            return _too_slow(url, deadline, None)
        if not isinstance(outcome, str):
            return outcome
        last = outcome
        if attempt < retries:
            time.sleep(backoff[min(attempt, len(backoff) - 1)])
    return Reject(
        url,
        "fetch",
        "unreachable",
        f"{url} failed after {retries + 1} tries: {last}",
        utcnow(),
    )


def _bounded(call: Callable[[], RawPage | Reject | str], seconds: float):
    """call's result, or None when it has not returned within seconds (plus a moment for the
    body's own check to answer first). It runs in a daemon thread: one stuck on a server that
    drips its headers is left to end with its connection, and does not hold the exit."""
    box: list[RawPage | Reject | str] = []
    worker = threading.Thread(target=lambda: box.append(call()), daemon=True)
    worker.start()
    worker.join(seconds + 1)
    return box[0] if box else None


def _too_slow(url: str, deadline: float, received: int | None) -> Reject:
    got = f" ({received} bytes)" if received is not None else ""
    return Reject(
        url,
        "fetch",
        "too-slow",
        f"{url} was still sending after {deadline:g} s{got}; try it again later",
        utcnow(),
    )


def _try(
    url: str, timeout: float, max_bytes: int, deadline: float, final: bool
) -> RawPage | Reject | str:
    """One request: the page, a Reject that no retry would change, or the error to retry on
    (a server error only while tries are left: the last one is its reject)."""
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                timeout=timeout,
                max_redirects=5,
                headers={"User-Agent": USER_AGENT},
            ) as client,
            client.stream("GET", url) as resp,
        ):
            buf = bytearray()
            started = time.monotonic()
            for chunk in resp.iter_bytes():
                buf += chunk
                if time.monotonic() - started > deadline:
                    return _too_slow(url, deadline, len(buf))
                if len(buf) > max_bytes:
                    return Reject(
                        url,
                        "fetch",
                        "too-large",
                        f"{url} sends over {max_bytes} bytes{RAISE_LIMIT}",
                        utcnow(),
                    )
        if resp.status_code >= 500 and not final:
            return f"HTTP {resp.status_code}"
        if resp.status_code >= 400:
            return Reject(
                url,
                "fetch",
                f"http-{resp.status_code}",
                f"{url} answered HTTP {resp.status_code}",
                utcnow(),
            )
        ctype = resp.headers.get("content-type", "")
        media = _not_a_page(ctype)
        if media:
            return Reject(
                url,
                "fetch",
                "not-a-page",
                f"{url} answered {media}, which is not a web page (HTML or text); list the "
                "URLs of the pages themselves",
                utcnow(),
            )
        return RawPage(
            source=url,
            data=bytes(buf),
            kind="text" if "text/plain" in ctype else "html",
            url=str(resp.url),
            http_charset=resp.charset_encoding,
            fetched_at=utcnow(),
        )
    except httpx.TooManyRedirects:
        return Reject(url, "fetch", "redirect-loop", f"{url} redirects more than 5 times", utcnow())
    except httpx.HTTPError as exc:
        return f"{type(exc).__name__}: {exc}"


def _not_a_page(ctype: str) -> str | None:
    """The media type of a response that holds no page (JSON, a script, a style sheet, an
    image, a PDF), or None for any other: HTML, XML, text, no type, a generic or a malformed
    one (binary/octet-stream, application/force-download, charset=utf-8), where the body then
    tells, as a file's does. Read as HTML, JSON or a script is refused with advice meant for
    files."""
    media = ctype.split(";", 1)[0].strip().lower()
    if "html" in media or "xml" in media:
        return None
    if (
        any(kind in media for kind in ("json", "javascript", "ecmascript"))
        or media in ("text/css", "application/pdf")
        or media.startswith(("image/", "audio/", "video/", "font/"))
    ):
        return media
    return None


def _bad_url(url: str) -> str | None:
    """Why url cannot be fetched at all, or None."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        return f"is not a valid URL ({exc})"
    if parsed.scheme not in ("http", "https"):
        return "is not an http:// or https:// URL"
    if not parsed.host or any(c.isspace() for c in url):
        return "has no valid host name"
    if parsed.port is not None and not 0 < parsed.port < 65536:
        return f"has no valid port ({parsed.port}: a port is 1 to 65535)"
    return None
