"""Boilerplate removal: a decoded page → an Article (title, date, site, author, category, body).

Cascade (html.py):
1. parse, drop non-content elements (scripts, navigation, comment areas, share bars, sidebars);
2. take the body from a known content container of common Chinese site templates;
3. otherwise take the densest block of prose;
4. clean the paragraphs line by line against known boilerplate phrases (data/lexicons).
Plain-text page dumps (textdump.py) have no markup: their header and footer are found by line
patterns (breadcrumbs, meta lines, end markers such as 扫描二维码 or 相关文章).
"""

from pipeline.extract.core import EXTRACTOR_VERSION, extract_page

__all__ = ["EXTRACTOR_VERSION", "extract_page"]
