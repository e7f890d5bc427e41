"""Compiled XPath expressions, cached, and skipped when they cannot match.

tree.xpath(str) compiles the expression on every call, so expressions are compiled once. Most
metadata expressions test one attribute value (`contains(@class, "post-time")`) and scan the
whole tree to find nothing on most pages: some forty such scans were a third of the extraction
time. An expression whose quoted values appear nowhere in the page's markup cannot match, and
a substring test on the serialised page (one C call per page) rules it out.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from lxml import etree

_LITERAL = re.compile(r"\"([^\"]*)\"|'([^']*)'")
_local = threading.local()
_ALL_VALUES = etree.XPath("//@*")


def _markup(node: etree._Element) -> str:
    """Every attribute value of node's document, one a line, kept for the last document seen in
    this thread (the values alone are a tenth of the page: searched faster than its markup). A
    tree only loses elements after it is first searched (boilerplate is cut), so values taken
    earlier hold every value still present: a skip decided on them stays right."""
    root = node.getroottree().getroot()
    cached = getattr(_local, "doc", None)
    if cached is None or cached[0] is not root:
        cached = (root, "\n".join(_ALL_VALUES(root)))
        _local.doc = cached
    return cached[1]


def _needles(expr: str) -> tuple[str, ...]:
    """The quoted values of expr, trimmed (concat(" ", @class, " ") pads with spaces).
    A concat pad alone says nothing; any other value under three characters (@id="pt") or not
    ASCII is too weak a test: such an expression is never skipped."""
    values = [(a or b).strip() for a, b in _LITERAL.findall(expr)]
    values = [v for v in values if v]
    if any(len(v) < 3 or not v.isascii() for v in values):
        return ()
    return tuple(values)


class _Guarded:
    """An XPath that first checks that one of its quoted values occurs in the page at all."""

    __slots__ = ("_compiled", "_needles")

    def __init__(self, compiled: etree.XPath, needles: tuple[str, ...]) -> None:
        self._compiled = compiled
        self._needles = needles

    def __call__(self, node: etree._Element, **variables: Any) -> Any:
        markup = _markup(node)
        if not any(n in markup for n in self._needles):
            return []
        return self._compiled(node, **variables)


@lru_cache(maxsize=256)
def xpath(expr: str) -> Callable[..., Any]:
    compiled = etree.XPath(expr)
    needles = _needles(expr)
    return _Guarded(compiled, needles) if needles else compiled
