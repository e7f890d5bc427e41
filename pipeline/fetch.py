"""Fetching the pages of a URL list: timeouts, retries with back-off, the response charset.

A URL that cannot be fetched becomes a Reject (stage fetch) and the batch goes on. Only what
another try may mend is retried (a timeout, a server error, 429 Too Many Requests); a redirect
to no web address, a body that does not decode or a refusal is the same on every try.
"""

from __future__ import annotations

import functools
import logging
import re
import ssl
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from pipeline.input_files import RAISE_LIMIT
from pipeline.records import RawPage, Reject, utcnow

log = logging.getLogger(__name__)
USER_AGENT = "duokong/0.1 (+https://example.invalid/duokong)"
# The longest a Retry-After is waited: a server asking for an hour would hold its host's whole
# list; the last try's reject says to try later instead.
MAX_RETRY_AFTER_S = 60.0
DEFAULT_PORTS = {"http": 80, "https": 443}
# What to do about a refusal (HTTP 4xx), by status; others: check the URL.
REFUSAL_ADVICE = {
    **dict.fromkeys(
        (404, 410), "the page is gone or the URL is wrong: check it, or remove it from the list"
    ),
    **dict.fromkeys(
        (401, 403),
        "the site refuses the crawler: save the page from a browser and give the file instead",
    ),
    429: "the site asks for fewer requests: raise fetch_host_interval_ms, or try again later",
}


@dataclass(frozen=True)
class _Retry:
    """A failure another try may mend: why, and the seconds the server asked to wait, if any."""

    error: str
    wait: float | None = None
    timed_out: bool = False  # no answer within fetch_timeout_s


class _BodyCutShort(Exception):
    """A compressed body that ends before its compressed stream does."""


class _UnknownEncoding(Exception):
    """A Content-Encoding this fetcher does not decode (br, zstd, compress)."""


# What is asked for, and all that is decoded: httpx would name br and zstd too where their
# packages are installed, and a server sending one unasked is refused by name.
ACCEPTED_ENCODINGS = "gzip, deflate"


class BodyDecoder:
    """A response body decoded as its Content-Encoding says, here rather than by httpx: httpx
    hands back what decompressed of a gzip body cut short and says nothing, so a page cut in
    half was stored as if whole."""

    def __init__(self, content_encoding: str) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
        unknown = [c for c in codings if c in UNDECODED]
        if unknown:
            raise _UnknownEncoding(", ".join(unknown))
        # gzip, deflate; any other name (identity, none, utf-8: servers misconfigured) is no
        # compression, as httpx and browsers read it. Applied in order, undone in reverse.
        self._chain = [_Coding(c) for c in reversed(codings) if c in ("gzip", "x-gzip", "deflate")]

    def feed(self, data: bytes) -> bytes:
        for coding in self._chain:
            data = coding.feed(data)
        return data

    def finish(self) -> None:
        """Raise _BodyCutShort where a compressed stream did not end."""
        for coding in self._chain:
            coding.finish()


# Compressions named in a response that this fetcher does not decode.
UNDECODED = ("br", "zstd", "compress", "x-compress")
GZIP_MAGIC = b"\x1f\x8b"


class _Coding:
    """One gzip or deflate stream of a body."""

    def __init__(self, coding: str) -> None:
        self.coding = coding
        self._z = self._new()
        self._first = True
        self._done = False

    def _new(self):  # -> a zlib decompressor
        if self.coding in ("gzip", "x-gzip"):
            return zlib.decompressobj(zlib.MAX_WBITS | 16)
        return zlib.decompressobj()

    def feed(self, data: bytes) -> bytes:
        out = bytearray()
        while data and not self._done:
            try:
                out += self._z.decompress(data)
            except zlib.error as exc:
                if self.coding == "deflate" and self._first:
                    # deflate as many servers send it: raw, without zlib's wrapper
                    self._first = False
                    self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise httpx.DecodingError(str(exc)) from None
            self._first = False
            data = self._z.unused_data if self._z.eof else b""
            if data.startswith(GZIP_MAGIC) and self.coding != "deflate":
                self._z = self._new()  # gzip members one after another (RFC 1952)
            elif self._z.eof:
                # bytes after the stream's end (a newline, padding): ignored, as httpx and
                # browsers ignore them
                self._done = True
        return bytes(out)

    def finish(self) -> None:
        if not self._first and not self._z.eof:
            raise _BodyCutShort(self.coding)


class _BadRedirect(Exception):
    """A redirect to something no request can be made to (javascript:, mailto:, ftp://): httpx
    raises InvalidURL, outside its HTTPError, or UnsupportedProtocol, which looks retryable."""

    def __init__(self, location: str, problem: str) -> None:
        super().__init__(f"{location!r} {problem}")
        self.location = location
        self.problem = problem


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


def url_key(url: str) -> str:
    """url as its server reads it, for telling one URL listed under two spellings: scheme and
    host lower-cased, the default port dropped, non-ASCII in the path and query percent-encoded
    (as httpx sends it) and escapes upper-cased. A URL that cannot be fetched (bad_url) is
    its own key: one with a space (中文 页.html) must not stand for its fetchable spelling
    (%20), which a list giving both would then never fetch."""
    if bad_url(url):
        return url
    parsed = httpx.URL(url)
    host = parsed.raw_host.decode("ascii")
    if ":" in host:  # IPv6
        host = f"[{host}]"
    if parsed.port is not None and parsed.port != DEFAULT_PORTS.get(parsed.scheme):
        host = f"{host}:{parsed.port}"
    if parsed.userinfo:
        host = f"{parsed.userinfo.decode('ascii')}@{host}"
    path = re.sub(r"%[0-9a-fA-F]{2}", lambda m: m[0].upper(), parsed.raw_path.decode("ascii"))
    return f"{parsed.scheme}://{host}{path}"


def fetch(
    url: str,
    timeout: float = 15.0,
    retries: int = 2,
    backoff: tuple[float, ...] = (2, 5, 15),
    max_bytes: int = 20_000_000,
    pacer: HostPacer | None = None,
    deadline: float | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> RawPage | Reject:
    """deadline: seconds one try may take in all (default four times timeout). httpx's timeout
    bounds each read, so a server that drips a byte every few seconds, in its headers or its
    body, would otherwise hold the batch for as long as it likes. sleep waits between tries
    (tests pass one that does not)."""
    deadline = 4 * timeout if deadline is None else deadline
    bad = bad_url(url)
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
        if isinstance(outcome, Exception):
            return _internal_error(url, outcome)
        if not isinstance(outcome, _Retry):
            return outcome
        last = outcome.error
        if outcome.timed_out:
            last += (
                f" (no answer within {timeout:g} s: for a slow site raise fetch_timeout_s, "
                "DUOKONG_FETCH_TIMEOUT_S)"
            )
        if attempt < retries:
            sleep(_pause(backoff[min(attempt, len(backoff) - 1)], outcome.wait))
    return Reject(
        url,
        "fetch",
        "unreachable",
        f"{url} failed after {retries + 1} tries: {last}",
        utcnow(),
    )


def _pause(backoff: float, asked: float | None) -> float:
    """Seconds to wait before the next try: what the server asked (Retry-After), within
    MAX_RETRY_AFTER_S, and never less than the back-off, which a Retry-After: 0 would undo."""
    if asked is None:
        return backoff
    return max(backoff, min(asked, MAX_RETRY_AFTER_S))


def _retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """A Retry-After header's delay in seconds, or None: absent or garbage, where the back-off
    is waited instead. An HTTP date (Retry-After: Wed, 09 Dec 2026 08:00:00 GMT) is the time
    until it, none for a date gone by: waiting the back-off instead gave up on sites that
    would have answered when they said."""
    value = (value or "").strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _bounded(
    call: Callable[[], RawPage | Reject | _Retry], seconds: float
) -> RawPage | Reject | _Retry | Exception | None:
    """call's result (or the exception it raised), or None when it has not returned within
    seconds (plus a moment for the body's own check to answer first). It runs in a daemon
    thread: one stuck on a server that drips its headers is left to end with its connection,
    and does not hold the exit. An exception is handed back, not left to print a thread's
    traceback and pass for a slow server."""
    box: list[RawPage | Reject | _Retry | Exception] = []

    def run() -> None:
        try:
            box.append(call())
        except Exception as exc:
            box.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds + 1)
    return box[0] if box else None


def _internal_error(url: str, exc: Exception) -> Reject:
    """A fetch that failed in a way no case here foresees: logged with its traceback for a bug
    report, and a reject, for one URL must not end the batch."""
    log.error("unexpected error fetching %s", url, exc_info=exc)
    return Reject(url, "fetch", "internal-error", f"{url}: {type(exc).__name__}: {exc}", utcnow())


def _too_slow(url: str, deadline: float, received: int | None) -> Reject:
    got = f" ({received} bytes)" if received is not None else ""
    return Reject(
        url,
        "fetch",
        "too-slow",
        f"{url} was still sending after {deadline:g} s{got}; try it again later",
        utcnow(),
    )


def _check_redirect(response: httpx.Response) -> None:
    """Raise _BadRedirect when response redirects to no http(s) URL: httpx would fail on it
    in ways that look like a slow or an unreachable server."""
    if not response.has_redirect_location:
        return
    location = response.headers["location"]
    try:
        target = str(response.request.url.join(location))
    except httpx.InvalidURL as exc:
        raise _BadRedirect(location, f"is not a valid URL ({exc})") from None
    problem = bad_url(target)
    if problem:
        raise _BadRedirect(location, problem)


def _try(
    url: str, timeout: float, max_bytes: int, deadline: float, final: bool
) -> RawPage | Reject | _Retry:
    """One request: the page, a Reject that no retry would change, or the error to retry on
    (a server error or 429 only while tries are left: the last one is its reject)."""
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                timeout=timeout,
                max_redirects=5,
                headers={"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPTED_ENCODINGS},
                event_hooks={"response": [_check_redirect]},
            ) as client,
            client.stream("GET", url) as resp,
        ):
            buf = bytearray()
            started = time.monotonic()
            if resp.status_code >= 400:
                # its body is never read (a 503 sent br is retried, not refused for its br)
                return _status_outcome(url, resp, final)
            body = BodyDecoder(resp.headers.get("content-encoding", ""))
            for raw in resp.iter_raw():
                buf += body.feed(raw)
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
            body.finish()
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
        return Reject(
            url,
            "fetch",
            "redirect-loop",
            f"{url} redirects more than 5 times (in a loop, or through a chain too long to "
            "follow): list the page's final URL (where a browser ends up) instead",
            utcnow(),
        )
    except _BadRedirect as exc:
        return Reject(
            url,
            "fetch",
            "bad-redirect",
            f"{url} redirects to {exc.location!r}, which {exc.problem}: no page can be fetched "
            "there; list the page's final URL (where a browser ends up) instead",
            utcnow(),
        )
    except _BodyCutShort as exc:
        # as a plain body cut off is (httpx raises on its Content-Length): another try may
        # get it whole
        return _Retry(f"its {exc} body was cut short", timed_out=False)
    except _UnknownEncoding as exc:
        return Reject(
            url,
            "fetch",
            "bad-encoding",
            f"{url} sends its body compressed as {exc}, which duokong does not decode (it asks "
            f"for {ACCEPTED_ENCODINGS}); save the page from a browser and give the file",
            utcnow(),
        )
    except httpx.DecodingError as exc:
        return Reject(
            url,
            "fetch",
            "bad-encoding",
            f"{url} sends a body that does not decode as its Content-Encoding header says "
            f"({exc}); the server is at fault: try again later, or save the page from a browser "
            "and give the file",
            utcnow(),
        )
    except httpx.ConnectError as exc:
        refused = _tls_refusal(url, exc)
        if refused is not None:
            return refused
        return _Retry(f"{type(exc).__name__}: {exc}")
    except httpx.HTTPError as exc:
        return _Retry(
            f"{type(exc).__name__}: {exc}", timed_out=isinstance(exc, httpx.TimeoutException)
        )


def _status_outcome(url: str, resp: httpx.Response, final: bool) -> Reject | _Retry:
    """An error status: a server error or 429 retried while tries are left, else its reject."""
    status = resp.status_code
    if (status >= 500 or status == 429) and not final:
        return _Retry(f"HTTP {status}", _retry_after(resp.headers.get("retry-after")))
    return _http_error(url, status)


def _tls_refusal(url: str, exc: BaseException) -> Reject | None:
    """The reject for an HTTPS connection no retry will mend, or None: a certificate that does
    not verify (self-signed, expired, another site's), or no TLS at all on the port (https:// to
    a plain http port). Each was tried three times and ended as unreachable, with no word of
    why or what to do."""
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, ssl.SSLError):
        cause = cause.__cause__ or cause.__context__
    if isinstance(cause, ssl.SSLCertVerificationError):
        return Reject(
            url,
            "fetch",
            "bad-certificate",
            f"{url}: the site's HTTPS certificate does not verify ({cause.verify_message}); "
            "a browser warns too: save the page from a browser and give the file",
            utcnow(),
        )
    if isinstance(cause, ssl.SSLError) and "WRONG_VERSION_NUMBER" in str(cause):
        return Reject(
            url,
            "fetch",
            "not-https",
            f"{url}: the server does not speak HTTPS on that port; check the URL (http:// "
            "rather than https://, or another port)",
            utcnow(),
        )
    return None


def _http_error(url: str, status: int) -> Reject:
    """The reject for an error status, saying what to do about it; the reason stays http-NNN."""
    if status >= 500:
        advice = "the site's server failed: try again later"
    else:
        advice = REFUSAL_ADVICE.get(status, "check the URL")
    return Reject(
        url, "fetch", f"http-{status}", f"{url} answered HTTP {status}: {advice}", utcnow()
    )


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


def bad_url(url: str) -> str | None:
    """Why url cannot be fetched at all, or None."""
    try:
        parsed = httpx.URL(url)
        parsed.host  # noqa: B018  a host in punycode that decodes to no name (xn--abc.com)
    except (httpx.InvalidURL, ValueError) as exc:  # idna's errors are UnicodeErrors
        return f"is not a valid URL ({exc})"
    if parsed.scheme not in ("http", "https"):
        return "is not an http:// or https:// URL"
    if not parsed.host:
        return "has no valid host name"
    if any(c.isspace() for c in url):
        # two URLs on a line, or a note after one without its #: nothing to guess from
        return "holds a space (write a space in a URL as %20; a note after a URL starts with #)"
    if parsed.port is not None and not 0 < parsed.port < 65536:
        return f"has no valid port ({parsed.port}: a port is 1 to 65535)"
    return None
