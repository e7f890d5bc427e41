"""Boilerplate removal: a decoded page → an Article (title, date, site, author, category, body).

Cascade (html.py; htmltree.py, htmlblocks.py and htmlmeta.py hold its parts):
1. parse, drop non-content elements (scripts, navigation, comment areas, share bars, sidebars);
2. take the body from a known content container of common Chinese site templates;
3. otherwise take the densest block of prose (on a page listing several posts under post-title /
   entry-title headings, the first post's block);
4. clean the paragraphs line by line against known boilerplate phrases (data/lexicons): an end
   marker ends the body unless far more prose follows it than precedes it;
5. metadata (titles.py, dates.py, authors.py, sites.py; fields.py reads one field from the
   markup) from the markup first, then from the text: the header above the block, the raw lines
   right above the body's first sentence (bylines the block starts below), the body's first and
   last lines, the lines after it (来源/编辑 lines), a blog's sidebar profile. Each author
   candidate must pass authors.plausible_author (no site, portal, label word, URL, id,
   dateline or headline), else the next rule is asked: a wrong author is worse than none.
   Dates never come from below the body, from a page clock (今天是…) or from a month-first
   date whose day could be a month (7/5/2005). An official document's 成文日期 is its date; a
   report whose own date (right above the story) has only a month gets none.
Rules are judged with benchmarks/extract_cv.py (k folds of the dev half): keep a rule only when
it helps pages it was not written for.
Plain-text page dumps (textdump.py) have no markup: their header and footer are found by line
patterns (breadcrumbs, meta lines, end markers such as 扫描二维码 or 相关文章; dumplines.py tells
a line's shape, dumpheader.py finds the header and its headline, dumpwriters.py the writer,
dumpmeta.py reads the header's fields), and where no end marker stands, by the shape of what follows a story
(dumptail.py: a thread of stamped comments, a list of lines that close no sentence). The
lexicon's patterns are matched against a line and its Simplified reading (OpenCC), so one
Simplified phrase serves Traditional pages too.
"""

from pipeline.extract.core import EXTRACTOR_VERSION, extract_page

__all__ = ["EXTRACTOR_VERSION", "extract_page"]
