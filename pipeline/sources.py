"""Discover inputs and read them into RawPage records.

Inputs are files, folders (walked recursively), URL lists (*.urls, one URL a line), JSON scraper
records, WARC files (pipeline/warc.py) and RSS/Atom feeds (pipeline/feeds.py: one page per item,
also when a feed document was saved as .txt, .html or inside a JSON record). Reading never
raises for one bad file: it yields a Reject instead, so a batch always finishes and every
refused input is on record. What an input is and how its bytes are read (size limit, gzip) is
in pipeline/input_files.py.
"""

from __future__ import annotations

import errno
import itertools
import json
import logging
import math
import os
import re
import zlib
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import InputError
from pipeline.feeds import feed_pages, looks_like_feed
from pipeline.input_files import (
    COPY_AGAIN,
    GZIP_MAGIC,
    RAISE_LIMIT,
    READ_AGAIN,
    CorruptGzip,
    Input,
    Part,
    TooLarge,
    TruncatedGzip,
    gunzip,
    is_gzipped,
    is_utf16,
    parse_time,
    read_file_bytes,
    source_name,
)
from pipeline.jsontext import (
    holds_a_record_line,
    json_error,
    json_lines_in,
    json_values_in,
    not_utf8,
    opens_a_document,
    opens_with_a_record_line,
    parse_json,
)
from pipeline.records import RawPage, Reject
from pipeline.warc import PAGE_TYPES, media_type, quiet_archive, warc_records

log = logging.getLogger(__name__)

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_SUFFIXES = {".txt"}
JSON_SUFFIXES = {".json", ".jsonl"}
WARC_SUFFIXES = {".warc"}
URL_SUFFIXES = {".urls"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
SUPPORTED = (
    HTML_SUFFIXES | TEXT_SUFFIXES | JSON_SUFFIXES | WARC_SUFFIXES | URL_SUFFIXES | FEED_SUFFIXES
)


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def kind_of(path: Path) -> str:
    suffix = _suffix(path)
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in WARC_SUFFIXES:
        return "warc"
    if suffix in URL_SUFFIXES:
        return "urls"
    if suffix in FEED_SUFFIXES:
        return "feed"
    return "unsupported"


def ignored_by_walk(rel: Path) -> bool:
    """Hidden files and a folder's README are not pages: skipped without a reject."""
    return any(part.startswith(".") for part in rel.parts) or rel.name.lower().startswith("readme")


def _files_under(folder: Path) -> tuple[list[Path], list[Path]]:
    """Every entry under folder that is not a folder, sorted; linked folders are followed (a
    scraper's dated folders are often links), each real folder once, so a link loop ends. Then
    the folders under it that cannot be listed: their pages are not lost in silence."""
    seen: set[str] = set()
    out: list[Path] = []
    unreadable: list[Path] = []

    def refused(exc: OSError) -> None:
        if exc.filename is not None:
            unreadable.append(Path(exc.filename))

    for dirpath, dirnames, filenames in os.walk(folder, followlinks=True, onerror=refused):
        real = os.path.realpath(dirpath)
        if real in seen:
            dirnames[:] = []
            continue
        seen.add(real)
        out += (Path(dirpath) / name for name in filenames)
    return sorted(out), sorted(unreadable)


def _file_kind(path: Path) -> str:
    """What a directory entry that is not a folder holds: a page file of some kind, a link that
    leads nowhere (to a missing file, or round a loop), or something that is not a file (a
    FIFO, a socket, a device): each of the last two becomes a reject that says so."""
    if path.is_file():
        return kind_of(path)
    if path.is_symlink() and not path.exists():
        return "broken-link"
    return "special"


def input_root(path: str | Path) -> Path:
    """A path given as input, as its inputs are recorded under it: absolute, links resolved."""
    return Path(path).expanduser().resolve()


def discover(paths: Iterable[str | Path]) -> list[Input]:
    """Every input under paths, in a stable order. A path that does not exist is an InputError.
    Paths are made absolute: an input is recorded (pages, rejects, seen inputs) under its path,
    and data/samples, ./data/samples and /work/main/data/samples are one input."""
    found: list[Input] = []
    for p in paths:
        path = input_root(p)
        if path.is_dir():
            children, unreadable = _files_under(path)
            for child in children:
                rel = child.relative_to(path)
                if ignored_by_walk(rel):
                    continue
                found.append(Input(child, _file_kind(child)))
            found += (
                Input(folder, "unreadable-folder")
                for folder in unreadable
                if not ignored_by_walk(folder.relative_to(path))
            )
        elif path.is_file():
            found.append(Input(path, kind_of(path)))
        elif path.exists() or path.is_symlink():
            found.append(Input(path, _file_kind(path)))
        else:
            raise InputError(f"input {path} does not exist; give a file, a folder or a *.urls list")
    log.info("discovered %d inputs", len(found))
    return found


@dataclass(frozen=True)
class _BadLine:
    line: int
    error: str  # what the line is, after "file line N ": "is not valid JSON: …"
    reason: str = "malformed-json"


class _FileEnds:
    """Where a JSONL file stops giving records before its end (cut off, damaged): the records
    before it are read, and one reject says where and what to do (reject)."""

    def reject(self, source: str, index: int) -> Reject:
        raise NotImplementedError


@dataclass(frozen=True)
class _StreamCut(_FileEnds):
    """A gzipped JSONL file that ends before its gzip stream does: what followed is missing."""

    after: int  # the last line read whole

    def reject(self, source: str, index: int) -> Reject:
        """The records before the cut are read; the reject says where it is and what to do, as
        a WARC file cut off does (_truncated)."""
        return Reject.now(
            f"{source}#{index}",
            "read",
            "truncated-gzip",
            f"{source}#{index}: the file is cut off after line {self.after} (its gzip stream "
            f"breaks off), after {index} whole record(s); {READ_AGAIN}",
        )


@dataclass(frozen=True)
class _LastLineCut(_FileEnds):
    """A JSONL file whose last line breaks off inside its record, with no newline after it: a
    crawl still being written, or a copy cut off. Not a malformed record: read it again."""

    line: int

    def reject(self, source: str, index: int) -> Reject:
        """In the words of a gzipped file cut off (_StreamCut)."""
        return Reject.now(
            f"{source}#{index}",
            "read",
            "truncated-jsonl",
            f"{source}#{index}: the file is cut off in its last line, line {self.line} (its "
            f"record breaks off unfinished, with no newline after it), after {index} whole "
            f"record(s); {READ_AGAIN}",
        )


@dataclass(frozen=True)
class _StreamBroken(_FileEnds):
    """A JSONL file that cannot be read past a point: gzip data that fails its check (CRC) or
    does not decompress, a disk error. Raised there, it cost the records already read and held
    in json_records' look-ahead."""

    after: int  # the last line read whole
    error: Exception

    def reject(self, source: str, index: int) -> Reject:
        """The records read before the fault are kept; the reject says where reading stopped,
        why, and what to do."""
        import gzip

        exc = self.error
        where = f"after line {self.after}" if self.after else "at its start"
        if isinstance(exc, gzip.BadGzipFile | zlib.error):
            return Reject.now(
                f"{source}#{index}",
                "read",
                "corrupt-gzip",
                f"{source}#{index}: the file is damaged: its gzip data breaks {where} ({exc}); "
                f"the {index} record(s) before are kept as read, anything after is lost: "
                f"{COPY_AGAIN}",
            )
        return Reject.now(
            f"{source}#{index}",
            "read",
            "unreadable",
            f"{source}#{index}: the file cannot be read {where} ({exc}); the {index} record(s) "
            "before are kept as read: check the disk, or copy the file again, and read it again",
        )


# A JSON or JSONL file is a container of pages, like a WARC file: max_page_bytes bounds each
# record's page, not the file. A JSONL file is read a line at a time; a .json file has to be
# parsed whole, so it may hold at most this many pages' worth of bytes, and never more than
# JSON_FILE_MAX_BYTES: Python's objects take three to four times the text's bytes, so a 1 GB
# file (or a gzipped one of under 1 MB that unpacks to it) took 3.3 GB of one worker.
JSON_FILE_PAGES = 50
JSON_FILE_MAX_BYTES = 256_000_000


def json_file_limit(max_bytes: int) -> int:
    """The most bytes a .json file may hold (it is parsed whole)."""
    return min(JSON_FILE_PAGES * max_bytes, JSON_FILE_MAX_BYTES)


# A JSONL line may be longer than its page: json.dumps writes each Chinese character as a
# six-byte \\uXXXX escape by default (Scrapy too). The page itself is checked once decoded.
JSON_ESCAPE_FACTOR = 6


def _jsonl_lines(path: Path, max_bytes: int, part: Part | None = None) -> Iterator[object]:
    """The records of a JSONL file (or of one part of it), one line at a time (gzipped too, by
    its magic bytes as read_file_bytes does); no line is read past its limit, so one endless line
    (or a gzip bomb) cannot fill the memory. A line that is not JSON or too long stands as a
    _BadLine."""
    import gzip

    if part is None and is_utf16(path):
        yield from _utf16_lines(path, max_bytes)
        return
    opener = gzip.open if is_gzipped(path) else open
    with opener(path, "rb") as fh:
        if part is None:
            yield from (rec for _, _, rec in _jsonl_entries(fh, max_bytes))
            return
        fh.seek(part.start)
        entries = _jsonl_entries(fh, max_bytes, line=part.line)
        yield from (rec for _, _, rec in itertools.islice(entries, part.count))


def _jsonl_entries(
    fh: Any, max_bytes: int, line: int = 1, parse: bool = True
) -> Iterator[tuple[int, int, object]]:
    """(byte offset, line number, record) of each record from fh's position on, `line` being
    the number of the line there; a blank line is no record. parse=False skips json.loads (for
    finding where records start: the same lines count as records either way)."""
    limit = JSON_ESCAPE_FACTOR * max_bytes + 2
    pos, n = fh.tell(), line - 1
    while True:
        whole = n  # lines read to their end so far
        try:
            raw = fh.readline(limit)
            if not raw:
                return
            n += 1
            at, pos = pos, pos + len(raw)
            if len(raw) >= limit and not raw.endswith(b"\n"):
                while (rest := fh.readline(limit)) and not rest.endswith(b"\n"):
                    pos += len(rest)  # the rest of the line, read and dropped a chunk at a time
                pos += len(rest)
                yield at, n, _BadLine(n, f"is too large: a line of over {limit} bytes", "too-large")
                continue
        except EOFError:
            # gzip.open reads a stream cut off (a crawl still being written, a copy broken
            # off) up to the cut, then raises: the lines before it are records like any
            yield pos, whole + 1, _StreamCut(whole)
            return
        except (OSError, zlib.error) as exc:
            # a gzip checksum that fails (gzip.BadGzipFile), data that does not decompress, a
            # disk error: the lines before it are records like any, as above
            yield pos, whole + 1, _StreamBroken(whole, exc)
            return
        last = not raw.endswith(b"\n")  # the file ends in it (a line too long is done above)
        codec = "utf-8-sig" if n == 1 else "utf-8"
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError as exc:
            if not (last and exc.reason == "unexpected end of data"):
                yield at, n, _BadLine(n, not_utf8(exc, " of the line", "the file"))
                continue
            text = raw.decode(codec, "ignore")  # cut inside its last character
        if not text.strip():
            continue
        if not parse:
            yield at, n, None
            continue
        record = _record(n, text)
        if last and isinstance(record, _BadLine) and _unfinished(text):
            record = _LastLineCut(n)
        yield at, n, record


# What a JSON text cut off inside a literal, a number or an escape leaves after the place where
# the parser stops (`"x": tru`, `"x": 1.`, `\u4e`); elsewhere it stops at the text's end.
_CUT_WORDS = ("true", "false", "null", "NaN", "Infinity", "-Infinity", ".", "e+", "e-", "E+", "E-")
_CUT_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{0,3})?")


def _unfinished(text: str) -> bool:
    """Whether text is the start of a JSON value cut off before its end (a record of a file
    still being written), not JSON gone wrong: a NUL after it, which no JSON text may hold
    there, is where the parser fails first."""
    try:
        parse_json(text + "\x00")
    except json.JSONDecodeError as exc:
        rest = text[exc.pos :]
        return (
            not rest
            or any(word.startswith(rest) for word in _CUT_WORDS)
            # (json points at the escape's backslash, or at the u after it)
            or _CUT_ESCAPE.fullmatch(text[max(exc.pos - 1, 0) :]) is not None
            or _CUT_ESCAPE.fullmatch(rest) is not None
        )
    except RecursionError:
        return False
    return False


def _record(n: int, text: str) -> object:
    """The record on line n, or a _BadLine saying why it is none."""
    try:
        return parse_json(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        if isinstance(exc, RecursionError):
            return _BadLine(n, "is JSON nested too deeply to read (over about 1,000 levels)")
        return _BadLine(n, f"is not valid JSON: {exc}")


def _utf16_lines(path: Path, max_bytes: int) -> Iterator[object]:
    """The records of a UTF-16 JSONL file, a line at a time as text (the BOM gives the byte
    order), none read past its limit."""
    limit = JSON_ESCAPE_FACTOR * max_bytes + 2
    with path.open("r", encoding="utf-16", newline=None) as fh:
        n = 0
        while line := fh.readline(limit):
            n += 1
            if len(line) >= limit and not line.endswith("\n"):
                while (rest := fh.readline(limit)) and not rest.endswith("\n"):
                    pass
                yield _BadLine(n, f"is too large: a line of over {limit} characters", "too-large")
            elif line.strip():
                yield _record(n, line)


def _json_input(item: Input, max_bytes: int) -> Iterator[RawPage | Reject]:
    source = item.source
    if _suffix(item.path) == ".jsonl" and not _spread_document(item):
        records: Iterable[object] | None = _jsonl_lines(item.path, max_bytes, item.part)
    else:
        records = yield from _json_document(item, max_bytes)
        if records is None:
            return
    try:
        first = item.part.first if item.part else None
        yield from json_records(source, records, max_bytes, first)
    except (OSError, EOFError, zlib.error) as exc:
        yield Reject.now(source, "read", "unreadable", f"{source}: {exc}")


# How much of a .jsonl file's first line is looked at for the bracket that opens a document: a
# pretty-printed one opens with a short line, and a longer line is a record's.
FIRST_LINE_PEEK = 1 << 16


def _spread_document(item: Input) -> bool:
    """Whether a .jsonl file is one JSON document pretty-printed over lines (a list saved with
    indent=2): its first non-blank line opens an array or object it does not close. Read line
    by line, each of its lines was a reject of its own, none saying what the file was."""
    import gzip

    if item.part is not None or is_utf16(item.path):
        return False
    try:
        with (gzip.open if is_gzipped(item.path) else open)(item.path, "rb") as fh:
            while (line := fh.readline(FIRST_LINE_PEEK)) and not line.strip():
                pass
    except (OSError, EOFError, zlib.error):
        return False  # reading it line by line says why
    if len(line) >= FIRST_LINE_PEEK and not line.endswith(b"\n"):
        return False
    return opens_a_document(line)


def _json_document(item: Input, max_bytes: int) -> Generator[Reject, None, Iterable[object] | None]:
    """The records of a file parsed whole (a .json file, or a .jsonl one spread over lines), or
    None where it yielded the reject that says why there are none."""
    source, limit = item.source, json_file_limit(max_bytes)
    spread = _suffix(item.path) == ".jsonl"
    try:
        data = read_file_bytes(item.path, limit)
        loaded = parse_json(data)
    except TooLarge:
        what = "a JSON document spread over lines" if spread else "a .json file"
        yield Reject.now(
            source,
            "read",
            "too-large",
            f"{source}: over the limit of {limit} bytes for {what} (it is parsed whole); save "
            "it as JSONL, one record a line, read a line at a time",
        )
        return None
    except TruncatedGzip as exc:
        yield Reject.now(source, "read", "truncated-gzip", f"{source}: {exc}")
        return None
    except CorruptGzip as exc:
        yield Reject.now(source, "read", "corrupt-gzip", f"{source}: {exc}")
        return None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        return (yield from _not_one_document(item, max_bytes, data, exc))
    except (OSError, EOFError, zlib.error) as exc:
        yield Reject.now(source, "read", "unreadable", f"{source}: {exc}")
        return None
    if spread:
        log.warning(
            "%s is one JSON document spread over lines, not JSON Lines (one record a line): "
            "read whole; name it .json",
            source,
        )
    return _records_of(source, loaded)


def _records_of(source: str, loaded: object) -> list[object]:
    """The records of a JSON document: a list's items; the list an API's answer wraps them in
    ({"items": [...]}, {"data": {"list": [...]}}), where the object holds no page itself and one
    list of objects, however deep; else the object itself, a record of one page."""
    if isinstance(loaded, list):
        return loaded
    wrapped = _wrapped_records(loaded)
    if wrapped is None:
        return [loaded]
    path, records = wrapped
    log.info("%s: the records under %s", source, path)
    return records


def _wrapped_records(value: object, path: str = "") -> tuple[str, list[object]] | None:
    """Where an object that is no page holds its one list of records, and the list: objects,
    one at least with a page. Not a record's own list (a page's comments): a record names its
    page's address."""
    if not isinstance(value, dict) or any(k in value for k in (*PAGE_FIELDS, "url")):
        return None
    lists = [(k, v) for k, v in value.items() if isinstance(v, list) and v]
    nested = [(k, v) for k, v in value.items() if isinstance(v, dict)]
    if (
        len(lists) == 1
        and all(isinstance(r, dict) for r in lists[0][1])
        and any(isinstance(r.get(k), str) for r in lists[0][1] for k in PAGE_FIELDS)
    ):
        key, records = lists[0]
        return f"{path}{key!r}", records
    if not lists and len(nested) == 1:
        key, inner = nested[0]
        return _wrapped_records(inner, f"{path}{key!r} → ")
    return None


def _not_one_document(
    item: Input, max_bytes: int, data: bytes, exc: Exception
) -> Generator[Reject, None, Iterable[object] | None]:
    """A file that does not parse as one JSON document: JSON Lines saved as .json is read as
    JSON Lines, and a .jsonl file that holds a record line after all (its first line broken) is
    read line by line; otherwise one reject says what the file is and how to mend it."""
    source = item.source
    detail = json_error(source, exc)
    if _suffix(item.path) == ".jsonl":
        if holds_a_record_line(data):
            return _jsonl_lines(item.path, max_bytes)
        if values := _values_one_after_another(source, data, exc):
            return values
        detail += (
            "; it is a JSON array or object spread over lines, not JSON Lines (one record a "
            "line): mend it and save it as .json"
        )
    elif isinstance(exc, json.JSONDecodeError) and _unfinished(data.decode("utf-8-sig", "replace")):
        detail += f"; it ends inside its JSON, as a file cut off does: {READ_AGAIN}"
    elif isinstance(exc, json.JSONDecodeError) and exc.msg == "Extra data":
        lines = json_lines_in(data)
        if lines is not None:
            log.warning(
                "%s holds JSON Lines (one record a line), not one JSON document: read as JSON "
                "Lines; name it .jsonl",
                source,
            )
            return lines
        if values := _values_one_after_another(source, data, exc):
            return values
        if opens_with_a_record_line(data):
            detail += (
                "; it looks like JSON Lines (one record a line): rename it to .jsonl, where "
                "each line is read on its own"
            )
    yield Reject.now(source, "read", "malformed-json", detail, data)
    return None


def _values_one_after_another(source: str, data: bytes, exc: Exception) -> list[object] | None:
    """The records of a file of JSON values one after another, each spread over lines (`jq
    '.[]'` without -c): refused whole before, and renaming it as the reject said did not mend
    it (input probe)."""
    if not (isinstance(exc, json.JSONDecodeError) and exc.msg == "Extra data"):
        return None
    values = json_values_in(data)
    if values is not None:
        log.warning(
            "%s holds JSON records one after another, each spread over lines: read so; JSON "
            "Lines (one record a line, as `jq -c` writes) is read a line at a time",
            source,
        )
    return values


def json_records_in(data: bytes) -> list[object] | None:
    """The records of bytes that are JSON or JSON lines (a scraper's record piped in), or None
    when they are not: a page, a text dump or a feed."""
    text = data.decode("utf-8-sig", errors="replace").strip()
    if not text.startswith(("{", "[")):
        return None
    try:
        loaded = parse_json(text)
    except (json.JSONDecodeError, RecursionError):
        try:
            loaded = [parse_json(line) for line in text.splitlines() if line.strip()]
        except (json.JSONDecodeError, RecursionError):
            loaded = json_values_in(text.encode("utf-8"))
            if loaded is None:
                return None
    records = _records_of("the records given", loaded)
    return records if records and all(isinstance(r, dict) for r in records) else None


def json_records(
    source: str, records: Iterable[object], max_bytes: int, first: int | None = None
) -> Iterator[RawPage | Reject]:
    """One page per record. A file of one record is that record's source; in a longer one each
    is source#i (a one-record lookahead tells the two apart without reading the file twice).
    first: the records are a part of a longer file, numbered from first."""
    it = iter(records)
    ahead = list(itertools.islice(it, 2))
    if not ahead:
        if first is None:  # (a part found empty: the file changed since it was split, and
            # the next run reads it again, its digest changed)
            yield Reject.now(source, "read", "json-without-page", f"{source} holds no records")
        return
    single = first is None and len(ahead) == 1
    for i, rec in enumerate(itertools.chain(ahead, it), start=first or 0):
        rec_source = source if single else f"{source}#{i}"
        if isinstance(rec, _FileEnds):
            yield rec.reject(source, i)
            return
        if isinstance(rec, _BadLine):
            yield Reject.now(
                f"{source}#{i}", "read", rec.reason, f"{source} line {rec.line} {rec.error}"
            )
            continue
        if not isinstance(rec, dict):
            yield Reject.now(
                rec_source, "read", "malformed-json", f"{rec_source}: a record must be an object"
            )
            continue
        field = next(
            (k for k in PAGE_FIELDS if isinstance(rec.get(k), str) and rec[k].strip()), None
        )
        if field is None:
            present = [k for k in PAGE_FIELDS if k in rec]
            yield Reject.now(
                rec_source,
                "read",
                "json-without-page",
                f"{rec_source}: record has no page: one of "
                f"{', '.join(repr(k) for k in PAGE_FIELDS)} must hold the page as text"
                + (f" ({', '.join(present)} empty or not text)" if present else ""),
            )
            continue
        body = rec[field].encode("utf-8", "replace")  # a lone surrogate (a cut emoji): ?
        if len(body) > max_bytes:
            yield Reject.now(
                rec_source,
                "read",
                "too-large",
                f"{rec_source}: {len(body)} bytes, over the max_page_bytes limit of {max_bytes}"
                + RAISE_LIMIT,
            )
            continue
        try:
            page = RawPage(
                source=rec_source,
                data=body,
                kind="html" if field != "text" and _holds_markup(rec[field]) else "text",
                url=rec.get("url") if isinstance(rec.get("url"), str) else None,
                http_charset="utf-8",
                fetched_at=parse_time(rec.get("fetched_at")),
                supplied=supplied_metadata(rec),
            )
        except Exception as exc:  # a field no rule foresaw must not cost the records after it
            log.exception("unexpected error reading %s", rec_source)
            yield Reject.now(
                rec_source, "read", "internal-error", f"{rec_source}: {type(exc).__name__}: {exc}"
            )
            continue
        yield from pages_of(page)


def pages_of(page: RawPage) -> Iterator[RawPage | Reject]:
    """The page itself, or the items of the feed it turns out to be."""
    if looks_like_feed(page.data):
        yield from feed_pages(page)
    else:
        yield page


SUPPLIED_KEYS = ("title", "published", "author", "site", "category")
# The fields of a scraper's record that may hold its page, the first filled one taken: `html`
# and `text` as duokong's own records name them, then the names scrapers commonly give.
PAGE_FIELDS = ("html", "text", "content", "body", "正文", "内容")
_MARKUP = re.compile(
    r"<(?:!doctype|html|head|body|div|p|br|span|article|section|h[1-6]|a|img)\b", re.I
)


def _holds_markup(page: str) -> bool:
    """Whether a record's page is HTML, whatever its field is called (`text` always holds text):
    plain text under `html`, or HTML under `content`, is common, and the first was refused as
    a page holding no markup."""
    return bool(_MARKUP.search(page[:20_000]))


def supplied_metadata(record: dict) -> tuple[tuple[str, str], ...]:
    """The metadata fields of a scraper's record that hold text (see RawPage.supplied); a
    publish time given as a finite number (a Unix timestamp) is kept as its digits."""
    out = []
    for key in SUPPLIED_KEYS:
        value = next(
            (record[k] for k in SUPPLIED_ALIASES[key] if record.get(k) not in (None, "", [])), None
        )
        if key == "published" and isinstance(value, int | float) and not isinstance(value, bool):
            # NaN and Infinity, as Python's json writes a missing float, are no time
            value = str(int(value)) if math.isfinite(value) else None
        if key == "author":
            value = _named(value)
        if isinstance(value, str) and value.strip():
            out.append((key, value.strip()))
    return tuple(out)


# The names scrapers give each metadata field, duokong's own first; each Chinese name in its
# Simplified and Traditional spellings (Taiwan writes 發布, Hong Kong as often 發佈).
SUPPLIED_ALIASES = {
    "title": ("title", "headline", "标题", "標題"),
    "published": (
        "published", "date", "pubDate", "pub_date", "publish_time", "published_at",
        "datePublished", "发布时间", "發布時間", "發佈時間", "发布日期", "發布日期", "發佈日期",
        "发表时间", "發表時間", "发表日期", "發表日期", "日期", "时间", "時間",
    ),
    "author": ("author", "authors", "byline", "作者"),
    "site": ("site", "site_name", "网站", "網站", "來源", "来源"),
    "category": ("category", "section", "分类", "分類", "栏目", "欄目"),
}  # fmt: skip


def _named(value: Any) -> str | None:
    """A record's author as one text: a list of them (["张三", "李四"]) joined, a person object
    ({"name": "王五"}) by its name; its label gone (文/张三, 作者：李四)."""
    from pipeline.extract.authors import strip_label, tidy_author

    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        names = [_named(v) for v in value]
        value = "、".join(n for n in names if n) or None
    if not isinstance(value, str) or not value.strip():
        return None
    return tidy_author(strip_label(value.strip())) or value.strip()


def splittable(item: Input) -> bool:
    """WARC and JSONL files can be read a stretch at a time; a .json file, and a JSON document
    spread over the lines of a .jsonl file, is parsed whole."""
    return item.part is None and (
        item.kind == "warc"
        or (
            item.kind == "json"
            and _suffix(item.path) == ".jsonl"
            and not is_utf16(item.path)
            and not _spread_document(item)
        )
    )


def split_container(item: Input, size: int, digest: str, max_bytes: int) -> list[Input]:
    """The parts of a WARC or plain JSONL file of more than `size` records, `size` records
    each, numbered as the whole file numbers them; the file itself when it holds no more, when
    it cannot be read from the middle (gzipped JSONL), when a WARC has no response that may be a
    page, or when it cannot be read through (reading it whole then says why)."""
    if not splittable(item):
        return [item]
    try:
        starts = _record_starts(item, max_bytes)
    except Exception as exc:  # the reader meets the same fault and turns it into a reject
        log.debug("%s not split: %s", item.path, exc)
        return [item]
    if starts is None or len(starts) <= size:
        return [item]
    cuts = range(0, len(starts), size)
    return [
        Input(
            item.path,
            item.kind,
            Part(
                start=starts[c][0],
                first=c,
                count=min(size, len(starts) - c),
                line=starts[c][1],
                final=c == cuts[-1],
                digest=digest,
            ),
        )
        for c in cuts
    ]


def _record_starts(item: Input, max_bytes: int) -> list[tuple[int, int]] | None:
    """(byte offset, line) where each record of the file starts; None when it cannot be split."""
    if item.kind != "warc":
        if is_gzipped(item.path):
            return None  # a gzip stream is read from its start only
        with item.path.open("rb") as fh:
            starts = list(_jsonl_entries(fh, max_bytes, parse=False))
        if any(rec is not None for _, _, rec in starts):
            return None  # it cannot be read through: reading it whole says why
        return [(at, n) for at, n, _ in starts]
    with item.path.open("rb") as fh:
        archive = quiet_archive(fh)  # (a record's wrong length is said once, as its reject)
        starts, maybe_pages = [], False
        for record in archive:
            starts.append((archive.get_record_offset(), 0))
            if record.rec_type in ("response", "resource") and not maybe_pages:
                ctype = media_type(record)
                maybe_pages = not ctype.strip() or any(t in ctype for t in PAGE_TYPES)
        offsets = [at for at, _ in starts]
        if not maybe_pages or offsets != sorted(set(offsets)):
            return None  # no page to share out, or records that cannot be sought one by one
        return starts


def _broken_link(path: Path) -> str:
    """Why a link cannot be read: where it leads is missing, or it leads round a loop."""
    source, target = source_name(path), source_name(Path(os.readlink(path)))
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return (
                f"{source} is a link to {target} that leads round a loop of links; fix or remove it"
            )
    return f"{source} is a link to {target}, which does not exist; fix or remove the link"


def _unreadable_folder(path: Path) -> str:
    """Why a folder under an input could not be listed, as the system says it now."""
    try:
        os.listdir(path)
        why = "it could not be listed when the inputs were found"
    except OSError as exc:
        why = exc.strerror or str(exc)
    return (
        f"{source_name(path)} is a folder that cannot be read ({why}); its pages were not read: "
        "give the run permission to list it, or move its pages elsewhere"
    )


def read_input(item: Input, max_bytes: int) -> Iterator[RawPage | Reject]:
    """The pages inside one input (several for JSON lists and WARC files), or why not."""
    source = item.source
    if item.kind == "broken-link":
        yield Reject.now(source, "read", "broken-link", _broken_link(item.path))
        return
    if item.kind == "unreadable-folder":
        yield Reject.now(source, "read", "unreadable-folder", _unreadable_folder(item.path))
        return
    if item.kind == "special":
        yield Reject.now(
            source,
            "read",
            "not-a-file",
            f"{source} is not a regular file (a FIFO, a socket or a device); give files of pages",
        )
        return
    if item.kind == "unsupported":
        yield Reject.now(
            source,
            "read",
            "unsupported-type",
            f"{source}: unsupported file type; give .html/.htm, .txt, .json, .warc, .urls or a "
            ".xml/.rss/.atom feed",
        )
        return
    if item.kind == "warc":
        yield from warc_records(item, max_bytes)
        return
    if item.kind == "urls":
        return  # URL lists are expanded by the fetch stage (see read_inputs_safely for the others)
    if item.kind == "json":
        yield from _json_input(item, max_bytes)
        return
    try:
        data = read_file_bytes(item.path, max_bytes)
    except TooLarge as exc:
        yield Reject.now(source, "read", "too-large", f"{source}: {exc}")
        return
    except TruncatedGzip as exc:
        yield Reject.now(source, "read", "truncated-gzip", f"{source}: {exc}")
        return
    except CorruptGzip as exc:
        yield Reject.now(source, "read", "corrupt-gzip", f"{source}: {exc}")
        return
    except (OSError, EOFError, ValueError, zlib.error) as exc:
        yield Reject.now(source, "read", "unreadable", f"{source}: {exc}")
        return
    if item.kind == "feed":
        yield from feed_pages(RawPage(source=source, data=data, kind="text"))
        return
    yield from pages_of(RawPage(source=source, data=data, kind=item.kind))  # type: ignore[arg-type]


def read_url_list(path: Path) -> list[tuple[int, str]]:
    """The URLs listed in path with their line numbers, one a line, without blank lines, #
    comment lines and comments after a URL (`http://host/a   # 英伟达财报点评`), which would
    otherwise be read as part of the URL and refused as having no valid host."""
    try:
        data = path.read_bytes()
        if data.startswith(GZIP_MAGIC):  # a list.urls.gz is found as a URL list: read it so
            data = gunzip(data, JSON_FILE_MAX_BYTES)
        lines = data.decode("utf-8-sig").splitlines()
    except (TooLarge, TruncatedGzip, CorruptGzip) as exc:
        raise InputError(f"URL list {path}: {exc}") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"URL list {path} is not UTF-8 text ({exc.reason} at byte {exc.start}); "
            "save it as UTF-8, one URL a line"
        ) from None
    except OSError as exc:
        raise InputError(f"URL list {path} cannot be read: {exc}") from None
    # A comment follows whitespace; a # glued to the URL is its fragment (no URL holds
    # whitespace), which split_inputs drops.
    urls = ((n, re.sub(r"\s#.*", "", ln).strip()) for n, ln in enumerate(lines, start=1))
    return [(n, u) for n, u in urls if u and not u.startswith("#")]


def read_inputs_safely(
    items: Iterable[Input], max_bytes: int, fetch_urls: bool = False
) -> Iterator[RawPage | Reject]:
    """Every page of every input, in order; an input that fails in an unforeseen way becomes a
    Reject instead of ending the batch. URL lists are refused unless fetch_urls is set (the
    flow fetches them in a task of its own, with retries)."""
    for item in items:
        if item.kind == "urls" and not fetch_urls:
            yield Reject.now(
                item.source,
                "read",
                "url-list-not-fetched",
                f"{item.source} is a URL list; `duokong run` fetches URL lists, this command does not",
            )
            continue
        try:
            yield from read_input(item, max_bytes)
        except Exception as exc:  # one input must never end a batch
            log.exception("unexpected error reading %s", item.source)
            yield Reject.now(
                item.source,
                "read",
                "internal-error",
                f"{item.source}: {type(exc).__name__}: {exc}",
            )
