"""What an input is (a file, or a stretch of a large container file) and how its bytes are read:
the size limit, gzip (whole, in members, cut off or damaged) and the texts that tell the user
what to do about each fault. Shared by sources.py, which finds inputs and reads each kind, and
warc.py, which reads WARC files.
"""

from __future__ import annotations

import codecs
import os
import re
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path


@dataclass(frozen=True)
class Part:
    """A stretch of a large container file's records (WARC, JSONL), read by a batch of its own:
    one file of 40,000 crawled pages would otherwise be one task on one core, with nothing
    written until its last page (pipeline/ingest.py splits them; split_container finds parts)."""

    start: int  # byte offset of its first record
    first: int  # that record's number in the file: its pages are named path#number, as unsplit
    count: int  # records in this part
    line: int  # the physical line its first record is on (JSONL), for messages
    final: bool  # the file's last part: it alone checks the file's end
    digest: str  # the whole file's sha256, hashed once when it was split


@dataclass(frozen=True)
class Input:
    """One discovered input: a file on disk (URL lists are expanded later, by the fetch task),
    or one part of a large container file."""

    path: Path
    kind: str  # html text json warc urls feed unsupported broken-link special unreadable-folder
    part: Part | None = None
    name: str | None = None  # recorded under this name, not its path's (a file read via a copy)

    @property
    def source(self) -> str:
        """The name the input is recorded under (source_name)."""
        return self.name if self.name is not None else source_name(self.path)


_ESCAPED_BYTE = re.compile(rb"\\x([0-9a-f]{2})")


def source_path(source: str) -> bytes:
    """The file a recorded name stands for, as bytes (source_name, undone)."""
    return _ESCAPED_BYTE.sub(lambda m: bytes([int(m.group(1), 16)]), os.fsencode(source))


def source_name(path: Path) -> str:
    """The name an input is recorded under: its path, with bytes that are not UTF-8 (a file
    named on a system using GBK, an archive unpacked without a name encoding) written as \\xff.
    The database and the JSON output hold only Unicode: such a name crashed the whole run's
    write. The same file gets the same name on every run, so it is skipped when unchanged."""
    name = str(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return name


class TooLarge(ValueError):
    pass


# What a too-large reject tells the user to do: the limit guards memory, and is theirs to set.
RAISE_LIMIT = "; to read it, raise max_page_bytes (DUOKONG_MAX_PAGE_BYTES)"


class TruncatedGzip(ValueError):
    """A gzipped file whose stream breaks off: what it held past the cut is missing."""


# What a reject of a file cut off tells the user to do, as a WARC file's says (_truncated).
READ_AGAIN = "read it again once the crawler has finished writing it"


class CorruptGzip(zlib.error):
    """A gzipped file whose data does not decompress or fails its checksum: damaged on the way."""


# What a reject of a file whose gzip data is damaged tells the user to do.
COPY_AGAIN = "copy the file again from where it was written (or crawl it again) and read the copy"


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress with a cap, so a small gzip bomb cannot fill the memory. A stream that breaks
    off is no page: zlib hands over what there is without a word, and half a page (or half a
    JSON document, refused as invalid JSON) was read as if it were whole. A file of several
    gzip members, one after another (`cat a.gz b.gz`, a crawler appending as it goes), is read
    to its last member, as gzip itself reads it: zlib stops at the end of the first."""
    out = b""
    while True:
        d = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
        try:
            out += d.decompress(data, max_bytes + 1 - len(out))
        except zlib.error as exc:
            raise CorruptGzip(
                f"the file is damaged: its gzip data does not decompress ({exc}); {COPY_AGAIN}"
            ) from None
        if len(out) > max_bytes:
            raise TooLarge(
                f"decompresses to over the max_page_bytes limit of {max_bytes}{RAISE_LIMIT}"
            )
        if not d.eof:
            raise TruncatedGzip(f"the file is cut off (its gzip stream breaks off); {READ_AGAIN}")
        data = d.unused_data
        if not data.startswith(GZIP_MAGIC):
            return out  # the end, or bytes after the last member that are none (padding)


GZIP_MAGIC = b"\x1f\x8b"


def read_file_bytes(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise TooLarge(f"{size} bytes, over the max_page_bytes limit of {max_bytes}{RAISE_LIMIT}")
    data = path.read_bytes()
    if path.suffix.lower() == ".gz" or data[:2] == b"\x1f\x8b":
        try:
            data = gunzip(data, max_bytes)
        except zlib.error:
            if path.suffix.lower() == ".gz":
                raise
    return data


# A fetch time after this much past now is a scraper's clock gone wrong, or a placeholder
# (9999-12-31): kept, it made the page's copy newer than every later crawl, and counting a
# stamp such as 3天前 back from it overflowed the calendar and lost the page.
FETCH_CLOCK_SLACK = timedelta(days=1)
EARLIEST_FETCH = datetime(1990, 1, 1, tzinfo=UTC)  # before the web: a placeholder too


def parse_time(value: object) -> datetime | None:
    """When a record says its page was fetched (a record's fetched_at, a WARC-Date), or None
    where it says no time a fetch can have happened at (the page is then undated by its
    fetch, as one without the field)."""
    if not isinstance(value, str):
        return None
    try:
        at = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    aware = at if at.tzinfo else at.replace(tzinfo=UTC)
    if not EARLIEST_FETCH <= aware <= datetime.now(UTC) + FETCH_CLOCK_SLACK:
        return None
    return at


UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def first_two_bytes(path: Path) -> bytes:
    """Where a file's byte-order mark or magic number stands; nothing when it cannot be read
    (reading it then says why)."""
    try:
        with path.open("rb") as fh:
            return fh.read(2)
    except OSError:
        return b""


def is_utf16(path: Path) -> bool:
    """A file saved as UTF-16 (Windows tools do), by its byte-order mark: its lines are not
    byte lines, so a UTF-16 JSONL file is read as text, whole."""
    return first_two_bytes(path) in UTF16_BOMS


def is_gzipped(path: Path) -> bool:
    """By its magic bytes: scrapers gzip files without naming them .gz."""
    return first_two_bytes(path) == b"\x1f\x8b"
