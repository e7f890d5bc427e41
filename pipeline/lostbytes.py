"""UTF-8 bytes with some bytes lost: a page that a tool read as Windows-1252 with
errors="replace" and saved again. Windows-1252 leaves five bytes undefined, and each of them in
the page became U+FFFD, so reading the mojibake back (pipeline/decode.py) gives UTF-8 with holes.

Every byte lost that way stood inside a character, never at its start (the five are UTF-8
continuation bytes), so the characters around it read back whole, and only the character it
was part of is lost. That one is not guessed: of the five bytes that may have stood there,
several give a frequent character as often as not (降 and 限, 经 and 绝), and a wrong guess
changes what the text says (下降 as 下限). Nor is it dropped, which changes it as much (百分之二十
as 百分之二): it is U+FFFD, marked lost.
"""

from __future__ import annotations

# The bytes Windows-1252 defines no character for: the ones a lossy decode turned into U+FFFD.
UNDEFINED_IN_CP1252 = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
PLACEHOLDER = UNDEFINED_IN_CP1252[0]
_LOST = "\ufffd".encode()


def _continuation(byte: int) -> bool:
    return 0x80 <= byte <= 0xBF


def _sequence(data: bytes, at: int) -> tuple[int, int] | None:
    """Where the UTF-8 sequence holding the continuation byte at `at` starts, and where it
    ends; None where no lead byte stands before it within reach (no UTF-8 there)."""
    start = at
    while start > 0 and at - start < 3 and _continuation(data[start]):
        start -= 1
    lead = data[start]
    if not 0xC2 <= lead <= 0xF4:
        return None
    end = start + (2 if lead < 0xE0 else 3 if lead < 0xF0 else 4)
    return (start, end) if at < end else None


def mark_lost(data: bytes, lost: list[int]) -> bytes | None:
    """The bytes with each character that held a lost byte (at the offsets `lost`, whatever
    stands there now) replaced by U+FFFD; None where a lost byte sits in no UTF-8 sequence
    (the page was no UTF-8)."""
    spans = set()
    for at in lost:
        span = _sequence(data, at)
        if span is None:
            return None
        spans.add(span)
    out = bytearray(data)
    for start, end in sorted(spans, reverse=True):
        out[start:end] = _LOST
    return bytes(out)
