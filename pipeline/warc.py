"""WARC files: one page per response (or resource) record that holds HTML or text.

Why a module of its own: a crawl's WARC file fails in more ways than any other input (cut off
inside a record or its gzip member, records warcio cannot parse, error responses, records over
the size limit, a file gzipped whole rather than a record at a time), and each way gets a reject
that says what happened and what to do. sources.py finds the file and hands it here.
"""

from __future__ import annotations

import functools
import itertools
import logging
import os
import zlib
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.input_files import (
    COPY_AGAIN,
    GZIP_MAGIC,
    RAISE_LIMIT,
    READ_AGAIN,
    Input,
    Part,
    is_gzipped,
    parse_time,
)
from pipeline.records import RawPage, Reject

log = logging.getLogger(__name__)


def _cut_short(record: Any) -> bool:
    """Whether the WARC file ends inside the record: before its declared length, or inside its
    header, before the length every WARC record declares (warcio hands over what there is
    without a word, and reads a record of no length to the file's end)."""
    from warcio.limitreader import LimitReader

    if record.format.startswith("warc") and not record.rec_headers.get_header("Content-Length"):
        return True
    raw = record.raw_stream
    if not isinstance(raw, LimitReader):
        return False
    while raw.read(1 << 16):  # what the body's reader left (a too-large page's rest)
        pass
    return raw.limit > 0


def _stopped_early(
    archive: Any, fh: Any, path: Path, part: Part | None, last_start: int | None
) -> bool:
    """Whether the file ends inside a record warcio did not hand over whole, or gave no word
    of: a record cut in its header ends the records without one, and a gzipped record cut in
    the trailer of its gzip member reads as whole (the records after it are gone)."""
    if part is not None:
        if not part.final:
            return False
        if next(archive, None) is not None:
            return False  # the file grew since it was split: the next run reads it again
    if archive.offset < os.fstat(fh.fileno()).st_size and not _only_padding(
        fh, archive.offset, is_gzipped(path)
    ):
        return True
    return last_start is not None and is_gzipped(path) and not _member_ends(fh, last_start)


def _only_padding(fh: Any, offset: int, gzipped: bool) -> bool:
    """Whether what follows the last record holds no record: blank lines, or (gzipped) empty
    gzip members, as files joined with cat or closed by some writers end."""
    fh.seek(offset)
    rest = fh.read(1 << 16)
    if fh.read(1):
        return False  # far more than padding
    rest = rest.strip()
    while gzipped and rest:
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            text = member.decompress(rest)
        except zlib.error:
            return False
        if not member.eof or text.strip():
            return False
        rest = member.unused_data.strip()
    return not rest


def _member_ends(fh: Any, start: int) -> bool:
    """Whether the gzip member at `start` ends with its trailer; its text is thrown away a
    megabyte at a time."""
    fh.seek(start)
    member = zlib.decompressobj(16 + zlib.MAX_WBITS)
    while not member.eof:
        data = member.unconsumed_tail or fh.read(1 << 16)
        if not data:
            return False
        try:
            member.decompress(data, 1 << 20)
        except zlib.error:
            return False
    return True


def _truncated(source: str, index: int, uri: str | None) -> Reject:
    """The cut record, named by its URI where its header still gives one."""
    where = f"{uri}: the file ends inside this record" if uri else "the file is cut off here"
    return Reject.now(
        f"{source}#{index}",
        "read",
        "truncated-warc",
        f"{source}#{index}: {where}, after {index} whole record(s); {READ_AGAIN}",
    )


PAGE_TYPES = ("html", "text/plain")  # media types of a WARC response read as a page


def media_type(record: Any) -> str:
    """A WARC record's media type, lower-cased (Text/HTML is text/html): a resource (a file as
    saved) has it in the WARC header, a response in its HTTP header."""
    if record.rec_type == "resource":
        ctype = record.rec_headers.get_header("Content-Type")
    else:
        ctype = record.http_headers.get_header("Content-Type") if record.http_headers else None
    return (ctype or "").lower()


@dataclass
class _WarcCounts:
    """What a WARC file's records turned out to be, counted as they are read: a file that gives
    no page is refused with these numbers (and what it left out is logged), and one that
    breaks off says how many records it got through."""

    records: int = 0  # padding is no record
    responses: int = 0  # response and resource records
    pages: int = 0
    skipped: int = 0  # not HTML or text, or the crawler's own files
    moved: int = 0  # redirects and 304 Not Modified
    revisits: int = 0
    next_index: int = 0  # of the record after the last one read


def _padding(record: Any) -> bool:
    """Whether warcio handed over no record but blank lines or an empty gzip member (files
    joined with cat): nothing is missing there, if nothing but padding follows."""
    return record.rec_type is None and not record.rec_headers.headers


def _http_status(record: Any) -> str:
    """The status a crawled response was answered with, as the server wrote it; a resource (a
    file as saved) and a response without HTTP headers (ftp:, dns:) have none ("")."""
    http = record.http_headers
    return http.get_statuscode() if http and record.rec_type == "response" else ""


def _status_number(status: str) -> int | None:
    """The status as a number, when it is ASCII digits: what a server or crawler wrote there is
    not always a number, and such a response is read as if it had none. Not str.isdigit alone:
    a superscript passes it and int() then raises, which cost every record after it."""
    return int(status) if status.isascii() and status.isdigit() else None


def _sniffed_type(record: Any, ctype: str, max_bytes: int) -> tuple[str, bytes]:
    """The media type to go by, and the body when it had to be read to tell: a response saved
    without a Content-Type leaves its body to say whether it is a page, and a record's body
    can be read only once, so the page is made of what was read here."""
    if ctype.strip():
        return ctype, b""
    from pipeline.extract.core import looks_html

    sniffed = record.content_stream().read(max_bytes + 1)
    head = sniffed[:4096].decode("utf-8", errors="replace")
    return ("text/html" if looks_html(head) else ""), sniffed


def _holds_page(record: Any, ctype: str, uri: str) -> bool:
    """Whether a response may be a page: images, style sheets and scripts are part of any
    crawl, whatever their status, and so are the crawler's own files (wget saves its log as a
    resource at metadata://…/wget.log); they are counted, not one reject each."""
    if not any(t in ctype for t in PAGE_TYPES):
        return False
    return record.rec_type != "resource" or uri.lower().startswith(("http:", "https:"))


def _crawled_error(source: str, index: int, uri: str, status: str) -> Reject:
    """The crawler saved an error page: the fetch failed, and is refused as a URL list's
    failed fetch is, not read as an article about the error."""
    return Reject.now(
        f"{source}#{index}",
        "fetch",
        f"http-{status}",
        f"{source}#{index}: {uri} answered HTTP {status} when crawled",
    )


def _headerless(record: Any) -> bool:
    """A crawled response saved without the HTTP status line and headers its page should follow
    (some crawlers write the page alone as a response): warcio reads the page's first lines as
    them, so what is left is not the page."""
    http = record.http_headers
    return (
        record.rec_type == "response"
        and http is not None
        and not (http.protocol or "").upper().startswith("HTTP/")
    )


def _headerless_response(source: str, index: int, uri: str) -> Reject:
    return Reject.now(
        f"{source}#{index}",
        "read",
        "no-http-headers",
        f"{source}#{index}: the response for {uri} holds no HTTP status line and headers before "
        "its page, so its first lines would be read as them; have the crawler save them, or "
        "save the page alone as a resource record",
    )


def _record_too_large(source: str, index: int, max_bytes: int) -> Reject:
    """A page over the limit is refused on its own: the file's other records are still read."""
    return Reject.now(
        f"{source}#{index}",
        "read",
        "too-large",
        f"{source}#{index}: over max_page_bytes ({max_bytes}){RAISE_LIMIT}",
    )


def _charset(ctype: str) -> str | None:
    """The charset the HTTP header gives, as written: decoding normalises it and weighs it
    against the page's own declaration (pipeline/decode.py), so it is not judged here."""
    if "charset=" not in ctype:
        return None
    return ctype.split("charset=", 1)[1].split(";")[0].strip()


def _warc_page(source: str, index: int, record: Any, body: bytes, ctype: str) -> RawPage:
    """A record's page, named by its number in the file (the same whether the file is read
    whole or in parts), with what the crawl knew of it: its URL, charset and fetch time."""
    return RawPage(
        source=f"{source}#{index}",
        data=body,
        kind="html" if "html" in ctype else "text",
        url=record.rec_headers.get_header("WARC-Target-URI"),
        http_charset=_charset(ctype),
        fetched_at=parse_time(record.rec_headers.get_header("WARC-Date")),
    )


def _warc_response(
    source: str, index: int, record: Any, max_bytes: int, counts: _WarcCounts
) -> Generator[RawPage | Reject, None, bool]:
    """What a response or resource record gives: its page, a reject, or nothing (counted);
    then whether the file goes on after it, as one cut off in this record is the last."""
    counts.responses += 1
    ctype = media_type(record)
    uri = record.rec_headers.get_header("WARC-Target-URI") or "?"
    if _headerless(record):
        yield _headerless_response(source, index, uri)
        return True
    status = _http_status(record)
    code = _status_number(status)
    if code is not None and 300 <= code < 400:
        # A redirect or a 304 Not Modified holds no page: the page it leads to, or the copy
        # crawled before, is a record of its own (or not in the crawl).
        counts.moved += 1
        return True
    ctype, sniffed = _sniffed_type(record, ctype, max_bytes)
    if not _holds_page(record, ctype, uri):
        counts.skipped += 1
        return True
    if code is not None and code >= 400:
        yield _crawled_error(source, index, uri, status)
        return True
    body = sniffed or record.content_stream().read(max_bytes + 1)
    if _cut_short(record):
        # The file ends inside this record (a crawl still being written, a copy cut off): half
        # a page would replace the whole one read before; nothing follows.
        yield _truncated(source, index, uri)
        return False
    if len(body) > max_bytes:
        yield _record_too_large(source, index, max_bytes)
        return True
    counts.pages += 1
    yield _warc_page(source, index, record, body, ctype)
    return True


def _end_cut(
    item: Input,
    fh: Any,
    reader: Any,
    last: tuple[int, Any] | None,
    last_start: int | None,
    padding_at: int | None,
) -> Reject | None:
    """Why the file proves cut off after its last record was read, if it does: warcio reads a
    cut file to its end without a word, so what follows the last record (more than padding),
    the last record itself (an image or a request short of its length) and the file's end
    (_stopped_early) are looked at once the records are through."""
    source, part = item.source, item.part
    after_last = last[0] + 1 if last else part.first if part else 0
    if padding_at is not None and not _only_padding(fh, padding_at, is_gzipped(item.path)):
        return _truncated(source, after_last, None)
    if last is not None and _cut_short(last[1]):  # an image or a request cut off
        uri = last[1].rec_headers.get_header("WARC-Target-URI") or "?"
        return _truncated(source, last[0], uri)
    if _stopped_early(reader, fh, item.path, part, last_start):
        return _truncated(source, after_last, None)
    return None


def _warc_file(
    item: Input, max_bytes: int, counts: _WarcCounts, skip: int = 0
) -> Generator[RawPage | Reject, None, bool]:
    """The pages and rejects of the file's records (of its part's, when it was split), then
    whether it was read to a whole end: a file cut off ends with the cut record's reject, and
    what it holds is then not summed up, as the rest of it is missing."""
    source, part = item.source, item.part
    with item.path.open("rb") as fh:
        if part is not None:
            fh.seek(part.start)
        reader = quiet_archive(fh)
        archive: Iterable[Any] = reader
        if part is not None:
            archive = itertools.islice(reader, part.count)
        last: tuple[int, Any] | None = None
        last_start = padding_at = None
        held: _Held | None = None
        try:
            for i, record in enumerate(archive, start=part.first if part else 0):
                counts.next_index = i + 1
                if held is not None:
                    yield from held.settled(reader, counts)
                    held = None
                if i < skip:
                    continue  # read before, from the same file gzipped in one stream
                if _padding(record):
                    padding_at = reader.get_record_offset()  # an end, if only padding follows
                    continue
                padding_at = None  # a record follows: what came before it was no end
                counts.records += 1
                last, last_start = (i, record), reader.offset
                held = _Held(source, i, record, reader.err_count)
                if record.rec_type not in ("response", "resource"):
                    counts.revisits += record.rec_type == "revisit"
                    continue
                held.given, goes_on = _drained(_warc_response(source, i, record, max_bytes, counts))
                if not goes_on:
                    yield from held.given
                    return False
        except Exception as exc:
            if held is not None:  # (the records read so far count, whatever comes next)
                yield from held.settled(reader, counts)
            if isinstance(exc, (AttributeError, KeyError, TypeError)):
                # warcio meets a record without a header it needs (a response without its
                # WARC-Target-URI) with whatever its parser hits first: name the record instead
                offset = None if is_gzipped(item.path) else reader.offset
                raise _BadWarcHeader(counts.next_index, offset) from exc
            raise
        if held is not None:
            reader.read_to_end()  # (a part's last record: islice leaves its end unread)
            yield from held.settled(reader, counts)
        cut = _end_cut(item, fh, reader, last, last_start, padding_at)
        if cut is not None:
            yield cut
            return False
    return True


@functools.cache
def _quiet_iterator() -> type:
    """warcio's reader, without its warning of a record not followed by a blank line (a raw
    byte dump on stderr): _Held says it in words, as a reject of the record. Made on first use,
    as warcio is imported."""
    from warcio.archiveiterator import ArchiveIterator

    return type("QuietArchiveIterator", (ArchiveIterator,), {"INC_RECORD": ""})


def quiet_archive(fh: Any) -> Any:
    """warcio's ArchiveIterator over fh, without its byte dump on stderr (_quiet_iterator)."""
    return _quiet_iterator()(fh)


def _drained(
    outputs: Generator[RawPage | Reject, None, bool],
) -> tuple[list[RawPage | Reject], bool]:
    """What a generator yields, and what it returns."""
    given: list[RawPage | Reject] = []
    while True:
        try:
            given.append(next(outputs))
        except StopIteration as done:
            return given, done.value


class _Held:
    """What one record gave (its page, a reject, nothing), held until warcio has read past its
    end: a record whose Content-Length is wrong (a crawler counting characters, not bytes) is
    known only then, by the line after it, which is no blank line. Given as it was, the page
    was cut short, or ran on over the next record's header and swallowed it, without a word."""

    def __init__(self, source: str, index: int, record: Any, errors: int) -> None:
        self.source, self.index, self.errors = source, index, errors
        self.uri = record.rec_headers.get_header("WARC-Target-URI") or "?"
        self.length = record.rec_headers.get_header("Content-Length")
        self.given: list[RawPage | Reject] = []

    def settled(self, reader: Any, counts: _WarcCounts) -> Iterator[RawPage | Reject]:
        """What the record gave, or, where warcio found no blank line after its declared
        length, a reject of it in place of its page."""
        if reader.err_count == self.errors:
            yield from self.given
            return
        counts.pages -= sum(isinstance(g, RawPage) for g in self.given)
        where = f"{self.source}#{self.index}"
        yield Reject.now(
            where,
            "read",
            "bad-warc-length",
            f"{where} ({self.uri}): its Content-Length ({self.length} bytes) does not end where "
            "the record does: read by it, the page is cut short or runs on into the next "
            "record, which may be lost with it (a crawler counting characters, not bytes, "
            "writes such lengths); write the WARC again with a WARC library (warcio, wget "
            "--warc-file)",
        )


def _log_left_out(source: str, counts: _WarcCounts) -> None:
    """Images, scripts, PDFs and redirects are part of any crawl: logged as counts, so that a
    file's pages can be told from what was left out of them without one reject each."""
    if counts.skipped:
        log.info(
            "%s: %d response(s) that hold no page (not HTML or text, or the crawler's own "
            "files) left out",
            source,
            counts.skipped,
        )
    if counts.moved:
        log.info(
            "%s: %d redirect(s) and 304 Not Modified response(s) left out", source, counts.moved
        )


def _no_pages_detail(source: str, counts: _WarcCounts) -> str:
    """Why a WARC file gave no page, in the terms that tell what to do: a re-crawl that found
    its pages unchanged lost nothing, and a file of no response records may be no WARC file."""
    detail = f"{source}: no HTML or text response among its {counts.records} WARC record(s)"
    if counts.revisits:
        # A re-crawl that found its pages unchanged saves no page again: nothing is lost (the
        # redirects it followed and the images it saved again hold no page either).
        others = " and ".join(
            f"{n} {what}"
            for n, what in ((counts.moved, "redirect(s)"), (counts.skipped, "non-page response(s)"))
            if n
        )
        return (
            f"{source}: a WARC file with nothing new: {counts.revisits} of its {counts.records} "
            "record(s) are revisits, pages the crawler found unchanged and did not save again "
            "(their text is in the WARC file of the crawl that saved them)"
            + (f", the others {others}" if others else "")
            + ", and none holds a page"
        )
    if not counts.responses:
        detail += "; none is a response or resource record: is it a WARC file?"
    return detail


class _BadWarcHeader(Exception):
    """warcio failed inside its own code on the header of a record: which one (numbered as
    the pages of the file are, source#index), and where it starts in an uncompressed file
    (in a gzipped one warcio's offsets are of gzip members, no help to a reader)."""

    def __init__(self, index: int, offset: int | None) -> None:
        super().__init__(index, offset)
        self.index, self.offset = index, offset


def _malformed_warc(source: str, records: int, exc: Exception) -> Reject:
    """A file warcio cannot read through, refused whole with how far reading got: a crawl still
    being written breaks off the same way, so the fix is named too. warcio's own words where
    they tell something (Unknown archive format…); where its parser merely tripped over a
    missing header, where that record starts and what such a record needs."""
    if isinstance(exc, _BadWarcHeader):
        log.debug("%s: warcio failed on record #%d", source, exc.index, exc_info=exc.__cause__)
        at = f" (at byte {exc.offset})" if exc.offset is not None else ""
        return Reject.now(
            source,
            "read",
            "malformed-warc",
            f"{source} cannot be read as WARC after {records} record(s): the header of record "
            f"#{exc.index}{at} lacks a field warcio needs or holds one it cannot read (a response record needs WARC-Target-URI, WARC-Date and "
            "Content-Length); fix or drop that record, or check that the crawler finished "
            "writing the file",
        )
    return Reject.now(
        source,
        "read",
        "malformed-warc",
        f"{source} cannot be read as WARC after {records} record(s) "
        f"({type(exc).__name__}: {exc}); check that the crawler finished writing it",
    )


def _gzip_fault(path: Path) -> tuple[int, str] | None:
    """Where a file gzipped a record at a time first fails to decompress or fails its checksum
    (the byte its gzip member starts at), and zlib's words for it; None where every member is
    whole (a file cut off, or bytes after its last member that open none, are not this).
    warcio reads such a member as raw bytes and refuses them with its first line, binary."""
    d, start, fed = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16), 0, 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 16):
            fed += len(chunk)
            while chunk:
                try:
                    d.decompress(chunk, 1 << 16)  # (what it holds is not kept)
                except zlib.error as exc:
                    return start, str(exc)
                if not d.eof:
                    chunk = d.unconsumed_tail
                    continue
                chunk, start = d.unused_data, fed - len(d.unused_data)
                if not GZIP_MAGIC.startswith(chunk[:2]):
                    return None  # padding, or no gzip member
                d = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    return None


def _corrupt_warc(source: str, records: int, fault: tuple[int, str]) -> Reject:
    """A gzipped WARC file with a damaged member: the records before it are read."""
    at, why = fault
    return Reject.now(
        source,
        "read",
        "corrupt-gzip",
        f"{source}: the file is damaged: the gzip member at byte {at} does not decompress "
        f"({why}); the {records} WARC record(s) before it are kept, the records from there on "
        f"are not read: {COPY_AGAIN}",
    )


# A WARC file gzipped whole is unzipped to a temporary copy of at most this many times its
# size (HTML compresses five to ten times).
MAX_UNZIP_RATIO = 50


def _one_gzip_stream(item: Input, exc: Exception) -> bool:
    """Whether warcio stopped at a WARC file gzipped whole (gzip crawl.warc), not a record at a
    time as crawlers write them: a valid file, of which it reads the first record only."""
    return item.part is None and is_gzipped(item.path) and "recompress" in str(exc)


def _warc_read_unzipped(
    item: Input, max_bytes: int, counts: _WarcCounts
) -> Generator[RawPage | Reject, None, bool]:
    """The records of a WARC file gzipped whole, after the ones read before warcio stopped, from
    an unzipped copy (one stream cannot be read from the middle, and warcio's own fix is to
    recompress the file). Recorded under the file's own name; the copy is removed after."""
    import gzip
    import tempfile

    log.info("%s is gzipped whole, not a record at a time; reading an unzipped copy", item.path)
    limit = MAX_UNZIP_RATIO * max(item.path.stat().st_size, 1 << 20)
    with tempfile.TemporaryDirectory(prefix="duokong-warc-") as folder:
        copy = Path(folder) / "whole.warc"
        with gzip.open(item.path, "rb") as src, copy.open("wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
                if dst.tell() > limit:  # a gzip bomb, or nothing a crawler writes
                    yield Reject.now(
                        item.source,
                        "read",
                        "too-large",
                        f"{item.source} unzips to over {MAX_UNZIP_RATIO} times its size; "
                        "recompress it a record at a time (warcio recompress FILE OUT)",
                    )
                    return False
        unzipped = Input(copy, "warc", None, name=item.source)
        skip, counts.next_index = counts.next_index, 0
        try:
            return (yield from _warc_file(unzipped, max_bytes, counts, skip))
        except _BadWarcHeader as exc:
            exc.offset = None  # of the copy, not of the file the user has
            raise


def warc_records(item: Input, max_bytes: int) -> Iterator[RawPage | Reject]:
    """The pages of a WARC file (or of one part of it). What is in the file never raises: a
    record that should be a page and is not, a file cut off or unreadable and a file without
    a page each become a reject that says so, so one bad crawl neither ends a batch nor goes
    unrecorded."""
    from warcio.exceptions import ArchiveLoadFailed

    counts = _WarcCounts()
    try:
        try:
            whole = yield from _warc_file(item, max_bytes, counts)
        except ArchiveLoadFailed as exc:
            if not _one_gzip_stream(item, exc):
                raise
            whole = yield from _warc_read_unzipped(item, max_bytes, counts)
    except (ArchiveLoadFailed, OSError, ValueError, EOFError, _BadWarcHeader) as exc:
        # a bad archive, not a bug of ours
        fault = _gzip_fault(item.path) if is_gzipped(item.path) else None
        if fault is not None and (item.part is None or fault[0] >= item.part.start):
            yield _corrupt_warc(item.source, counts.records, fault)
        else:
            yield _malformed_warc(item.source, counts.records, exc)
        return
    if not whole:
        return  # cut off: its last reject says where, and the rest of it is missing
    _log_left_out(item.source, counts)
    if (
        not counts.pages
        and not counts.responses - counts.skipped - counts.moved
        and item.part is None
    ):
        # (A part without pages is a stretch of images: split_container splits no file that
        # has none.)
        yield Reject.now(
            item.source, "read", "no-pages-in-warc", _no_pages_detail(item.source, counts)
        )
