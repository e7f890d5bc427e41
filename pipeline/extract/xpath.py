"""Compiled XPath expressions, cached: tree.xpath(str) compiles the expression on every call."""

from __future__ import annotations

from functools import lru_cache

from lxml import etree


@lru_cache(maxsize=256)
def xpath(expr: str) -> etree.XPath:
    return etree.XPath(expr)
