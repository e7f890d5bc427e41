"""Pinyin reading aids written into the text: 預(yù)計將, 國(guó)產(chǎn)算力.

Some Traditional-script content farms convert Simplified articles and print the reading of each
converted character after it; a scraper that flattens <ruby> markup produces the same. Left in
the body, the annotations break every word they sit in (預(yù)計 is no longer 預計 to a cue
list, a tokenizer or a user's LIKE query), so extraction removes them: the reading is not the
author's text. A tone mark is required (ā á ǎ à…): "(AI)", "(H20)", "(de)" and every other
parenthesis are left alone, and a page must carry several annotations before any is removed,
so a lone pronunciation note in prose (啊(ā)是感叹词) stays.
"""

from __future__ import annotations

import re

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# One Han character, then one pinyin syllable with a tone mark in ASCII or full-width parentheses.
RUBY = re.compile(rf"(?<=[\u3400-\u9fff])[(（][a-zü]*[{_TONED}][a-zü]*[)）]")
# Fewer than this many annotations on a page are prose about pronunciation, not a reading aid.
MIN_ANNOTATIONS = 3


def without_ruby(text: str, page: str | None = None) -> str:
    """The text with its pinyin reading aids removed, when its page (the text itself unless
    given: a title's one or two are judged with the page they head) has enough to be read as
    annotated."""
    if len(RUBY.findall(text if page is None else page)) < MIN_ANNOTATIONS:
        return text
    return RUBY.sub("", text)
