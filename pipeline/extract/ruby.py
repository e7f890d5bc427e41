"""Pinyin reading aids written into the text: 預(yù)計將, 國(guó)產(chǎn)算力, 他們(men).

Some Traditional-script content farms convert Simplified articles and print the reading of each
converted character after it; a scraper that flattens <ruby> markup produces the same. Left in
the body, the annotations break every word they sit in (預(yù)計 is no longer 預計 to a cue
list, a tokenizer or a user's LIKE query), so extraction removes them: the reading is not the
author's text.

What counts as such an aid, so that prose about pronunciation keeps its pinyin: one pinyin
syllable in parentheses (a valid syllable: 網絡(network) is no reading) right after a character
the conversion changed (a Traditional form with a different Simplified one: 妈(mā) in a lesson,
咖啡(café) are left alone, as the converter never annotates them), on a page with at least
MIN_ANNOTATIONS of them. On the real converter pages measured, every annotation sits on such a
character.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A Han character, then a run of letters in ASCII or full-width parentheses.
CANDIDATE = re.compile(r"([\u3400-\u9fff])([(（])([a-zA-Zü\u00c0-\u024f]{1,6})([)）])")
# One pinyin syllable, tone marks removed: an optional initial, a final.
SYLLABLE = re.compile(r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:[aeiouv]{1,3}(?:ng|n|r)?|er)")
_TONE_MARKS = frozenset("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")
# Fewer than this many annotations on a page are prose about pronunciation, not a reading aid.
MIN_ANNOTATIONS = 3


@lru_cache(maxsize=8192)
def _converted(char: str) -> bool:
    """Whether the character is a Traditional form whose Simplified form differs."""
    from pipeline.nlp import to_simplified

    return to_simplified(char) != char


def _syllable(letters: str) -> bool:
    """One pinyin syllable: a vowel in it (not km, mm), and a tone mark unless it has two
    letters or more (們(men), 個(ge); not 選項(a))."""
    base = "".join(
        c for c in unicodedata.normalize("NFD", letters.replace("ü", "v")) if c.isascii()
    )
    toned = any(c in _TONE_MARKS for c in letters)
    return letters.islower() and (toned or len(letters) >= 2) and bool(SYLLABLE.fullmatch(base))


def _annotations(text: str) -> list[re.Match[str]]:
    return [m for m in CANDIDATE.finditer(text) if _syllable(m.group(3)) and _converted(m.group(1))]


def annotated(text: str) -> bool:
    """Whether a page carries enough reading aids to be a converter's output."""
    return len(_annotations(text)) >= MIN_ANNOTATIONS


def strip_annotations(text: str) -> str:
    """Every reading aid removed whatever their number: the text of an annotated page (its title
    too, which has only one or two), or a quote copied from the raw page (pipeline/scoring.py)."""
    out, last = [], 0
    for m in _annotations(text):
        out.append(text[last : m.start(2)])
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def without_ruby(text: str) -> str:
    """The text with its reading aids removed, when it has enough to be a converter's output."""
    return strip_annotations(text) if annotated(text) else text
