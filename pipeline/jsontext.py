"""JSON text as scrapers write it: parsed the way every record is read (parse_json), what is
wrong with it in words (json_error), and what a file holds when its name says otherwise. JSON
Lines saved as .json was refused whole ("Extra data: line 2"), and a pretty-printed array
saved as .jsonl gave a reject for each of its lines, none saying what the file was.
"""

from __future__ import annotations

import codecs
import json
import re

# Python refuses to turn more digits than this into an int (a guard against slow conversion):
# a scraper's record with a 5,000-digit view counter would fail its whole file.
MAX_INT_DIGITS = 4000


def _number(digits: str) -> int | str:
    """A JSON integer; one too long to convert stays its digits (no field we read is one)."""
    return int(digits) if len(digits) <= MAX_INT_DIGITS else digits


# What a JSON string may hold that no text can: half of a surrogate pair (a JavaScript scraper
# cutting a title or an author in the middle of an emoji writes "老王\ud83d") and NUL. Python
# reads both; no UTF-8 store takes the first, and one such author failed a whole batch.
UNWRITABLE = re.compile("[\ud800-\udfff\x00]")


def _writable(value: object) -> object:
    """value with every string's halves of surrogate pairs and NULs taken out (a cut emoji
    stands for nothing), in keys too. Walked with a stack of its own, in place (json made every
    list and dict anew): JSON nested as deep as json reads must not run out of Python's."""
    if isinstance(value, str):
        return _clean(value)
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            for i, item in enumerate(node):
                if isinstance(item, str):
                    node[i] = _clean(item)
                elif isinstance(item, (list, dict)):
                    stack.append(item)
        elif isinstance(node, dict):
            for key in [k for k in node if UNWRITABLE.search(k)]:
                node[_clean(key)] = node.pop(key)
            for key, item in node.items():
                if isinstance(item, str):
                    node[key] = _clean(item)
                elif isinstance(item, (list, dict)):
                    stack.append(item)
    return value


def _clean(text: str) -> str:
    return UNWRITABLE.sub("", text) if UNWRITABLE.search(text) else text


def parse_json(text: str | bytes) -> object:
    """json.loads as every scraper record is read: bytes in UTF-8, UTF-16 or UTF-32 (json
    detects which, with or without a byte-order mark), any integer, strings as text can hold
    them (_writable). Raises JSONDecodeError, UnicodeDecodeError for bytes in none of them, or
    RecursionError for JSON nested too deeply to read (json_error says so)."""
    if isinstance(text, bytes) and text.startswith(codecs.BOM_UTF8):
        text = text[len(codecs.BOM_UTF8) :]
    return _writable(json.loads(text, parse_int=_number))


def not_utf8(exc: UnicodeDecodeError, where: str = "", what: str = "it") -> str:
    """Bytes that are no UTF-8 (GBK, as Chinese tools on Windows save), in the words a URL list
    that is no UTF-8 is refused in: JSON is read as UTF-8, as the standard has it."""
    return f"is not UTF-8 text ({exc.reason} at byte {exc.start}{where}); save {what} as UTF-8"


def json_error(source: str, exc: Exception) -> str:
    """What is wrong with a JSON text, in words: valid JSON nested deeper than Python's parser
    reaches is no syntax error, and GBK bytes are no JSON error at all."""
    if isinstance(exc, RecursionError):
        return f"{source} is JSON nested too deeply to read (over about 1,000 levels)"
    if isinstance(exc, UnicodeDecodeError):
        return f"{source} {not_utf8(exc)}"
    return f"{source} is not valid JSON: {exc}"


def _text(data: bytes) -> str | None:
    """The bytes of a JSON file as text, in the encoding json itself would read them in."""
    try:
        return data.decode(json.detect_encoding(data)).removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None


def _object(line: str) -> dict | None:
    try:
        value = parse_json(line)
    except (json.JSONDecodeError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def json_lines_in(data: bytes) -> list[object] | None:
    """The records of a file that is JSON Lines whatever its name: two or more non-blank lines,
    each a JSON object. None where one line is not."""
    text = _text(data)
    if text is None:
        return None
    records: list[object] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        record = _object(line)
        if record is None:
            return None
        records.append(record)
    return records if len(records) >= 2 else None


def json_values_in(data: bytes) -> list[object] | None:
    """The values of a text of JSON values one after another, spaces or lines between them, as
    `jq '.[]'` writes a list's records pretty-printed: two or more. None where anything else
    stands between them or one does not parse."""
    text = _text(data)
    if text is None:
        return None
    decoder = json.JSONDecoder(parse_int=_number)
    values: list[object] = []
    at = _skip_space(text, 0)
    while at < len(text):
        try:
            value, at = decoder.raw_decode(text, at)
        except (json.JSONDecodeError, RecursionError):
            return None
        values.append(_writable(value))
        at = _skip_space(text, at)
    return values if len(values) >= 2 else None


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at


def opens_with_a_record_line(data: bytes) -> bool:
    """Whether the first non-blank line is a JSON object on its own, as JSON Lines' are."""
    text = _text(data)
    first = next((ln for ln in (text or "").splitlines() if ln.strip()), "")
    return _object(first) is not None


def holds_a_record_line(data: bytes) -> bool:
    """Whether any line is a JSON object on its own: a JSON Lines file whose first line is
    broken still has records to read, line by line."""
    text = _text(data)
    return any(_object(ln) is not None for ln in (text or "").splitlines() if ln.strip())


def opens_a_document(line: bytes) -> bool:
    """Whether a file's first non-blank line opens a JSON array or object that it does not
    close (`[`, `{`, `[{"url": "…",`): a document pretty-printed over lines. No line of JSON
    Lines does that: a broken record fails inside the line (`{"url": broken`), not at its end."""
    text = line.decode("utf-8-sig", errors="replace").strip()
    if not text.startswith(("[", "{")):
        return False
    try:
        parse_json(text)
    except json.JSONDecodeError as exc:
        return exc.pos >= len(text)
    except RecursionError:
        return False
    return False
