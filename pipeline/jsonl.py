"""JSON-lines files we read (labelled examples, gold files): each bad line is named by file and
line, in the error type of the caller, rather than failing deep in whoever reads it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def json_lines(path: Path, error: type[Exception]) -> Iterator[tuple[str, Any]]:
    """(file:line, object) for each non-blank line; error(message) for an unreadable file or a
    line that is not JSON."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path} cannot be read as UTF-8 text: {exc}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(f"{where} is not valid JSON: {exc}") from None
        yield where, obj
