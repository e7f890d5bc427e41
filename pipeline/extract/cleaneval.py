"""The CleanEval wrapper, <text id="…" title="…" encoding="…">…</text>, around a page or a text
dump (the CleanEval corpus's files, and tools that write its format): no part of the page, but
its title attribute is the page's title where the page shows none. Its encoding attribute is
read by pipeline/decode.py."""

from __future__ import annotations

import html
import re

_OPEN = re.compile(r"\A\s*<text\b([^>]*)>", re.IGNORECASE)
_CLOSE = re.compile(r"</text>\s*\Z", re.IGNORECASE)
_TITLE = re.compile(r"""\btitle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def unwrapped(text: str) -> tuple[str, str | None]:
    """The page inside the wrapper, and the wrapper's title (None where it gives none); a text
    without the wrapper as it is. Left in a text dump, the wrapper's tag was taken for the
    headline and </text> ended the body; in an HTML page its title was dropped."""
    opening = _OPEN.match(text)
    if opening is None:
        return text, None
    inner = _CLOSE.sub("", text[opening.end() :])
    title = _TITLE.search(opening.group(1))
    value = html.unescape(title.group(1) or title.group(2) or "").strip() if title else ""
    return inner, value or None
