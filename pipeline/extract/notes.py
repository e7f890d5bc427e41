"""The relaying writer's note: an editor's or a translator's note over a story (编者按, 译者按).

A plain-text dump's gold drops it from the body, as it does a caption: it frames the story, it is
not the story. But it is often the only place where the writer who relays a translation or a
guest column says what they think (译者按：作者观点偏空，我不同意…), and the stance labels are the
relaying writer's. So extraction keeps it apart, in Article.note, for the stance stage to read.
A note that a marked-up page writes as a paragraph of the story stays in its body, as the HTML
gold keeps it; nothing is read twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A note's label at the line's start, bare or bracketed, in either script, with its text after
# it. 译者注 / 编者注 explain a word in passing (a term, a figure) and say nothing of a view.
WRITER_NOTE = re.compile(
    r"^\s*[【\[（(]?\s*(?:编者按|編者按|编按|編按|主编按|主編按|小编按|小編按|译者按|譯者按|译按|譯按|"
    r"编者的话|編者的話|译者的话|譯者的話)\s*[】\]）)]?\s*[:：]?\s*\S.{5,}$"
)


def is_writer_note(line: str) -> bool:
    """Whether the line is an editor's or a translator's note with its text after the label."""
    return WRITER_NOTE.match(line) is not None


def writer_note(lines: Iterable[str], body: Iterable[str]) -> str:
    """The note lines among `lines` that extraction left out of `body`, one a line, as written
    (label included: it says whose words they are)."""
    kept = {line.strip() for line in body}
    notes: list[str] = []
    for line in lines:
        line = line.strip()
        if is_writer_note(line) and line not in kept and line not in notes:
            notes.append(line)
    return "\n".join(notes)
