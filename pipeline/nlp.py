"""Segmentation, sentences and target mentions.

jieba carries our user dictionary plus every catalogue term, so that 英伟达 or 黄仁勋 stay one
token; spaCy's blank `zh` pipeline uses that jieba segmenter, a sentencizer for Chinese end
punctuation, and an entity ruler built from the catalogue (`ChineseNLP.docs`, for token-level
work and for users who want spaCy Docs). Paragraphs are fed one at a time: spaCy's tokenizer is
quadratic on one very long Doc. Everything loads on first use.

The batch path splits sentences with a regex on the same end punctuation instead: stance and
predictions need sentences and mentions, not tokens, and segmenting every page with jieba inside
spaCy cost 44 % of the pipeline's time. A test checks that both splits agree on our samples.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pipeline.errors import ConfigError
from pipeline.targets import Catalogue

log = logging.getLogger(__name__)

SENTENCE_END = ["。", "！", "？", "!", "?", "；", ";", "…"]
# A sentence runs to a run of end punctuation and any closing quotes or brackets after it.
_SENTENCE = re.compile(r"[^。！？!?；;…]+(?:[。！？!?；;…]+[”’」』）)\]]*|$)")
# A URL's ? and ; end no sentence (…](https://mp.weixin.qq.com/s?__biz=…&mid=…)的问题。): URLs are
# masked while sentence ends are found. A ? ! ; . , or ) right after a URL is not part of it
# (你看过https://nvidia.com?英伟达明年会跌。 is two sentences).
URL = re.compile(r"(?:https?://|www\.)[!-~]*?(?=[?!;.,)]*(?:[^!-~]|$))")
_jieba_lock = threading.Lock()
_jieba_dicts: set[str] = set()


def load_jieba(userdict: Path, extra_words: list[str]) -> None:
    """Load our dictionary into jieba's default tokenizer once per process (jieba is global)."""
    import jieba

    key = f"{userdict}|{len(extra_words)}"
    with _jieba_lock:
        if key in _jieba_dicts:
            return
        require_userdict(userdict)
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        try:
            jieba.load_userdict(str(userdict))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise ConfigError(
                f"jieba dictionary {userdict} cannot be read ({exc}); save it as UTF-8, one "
                "word a line (word [frequency] [tag])"
            ) from None
        for word in extra_words:
            if " " not in word:
                jieba.add_word(word, freq=2000)
        _jieba_dicts.add(key)


def require_userdict(userdict: Path) -> None:
    """A mistyped path changed every segmentation (and so evidence and stances) without a word,
    where a mistyped lexicon path is an error."""
    if not Path(userdict).is_file():
        raise ConfigError(
            f"jieba dictionary {userdict} not found; set userdict (DUOKONG_USERDICT) to "
            "our data/lexicons/userdict.txt or a dictionary of yours"
        )


def quiet_jieba() -> None:
    """jieba logs its dictionary's loading at DEBUG on stderr; a first use outside
    load_jieba (the extractor's name checks) printed those lines to the user's terminal."""
    import jieba

    jieba.setLogLevel(logging.WARNING)


def tokenize(text: str) -> list[str]:
    import jieba

    return jieba.lcut(text)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the body
    end: int
    paragraph: int
    targets: frozenset[str] = frozenset()  # catalogue targets named in it


class ChineseNLP:
    def __init__(self, catalogue: Catalogue, userdict: Path) -> None:
        self.catalogue = catalogue
        self.userdict = userdict

    @cached_property
    def nlp(self):  # -> spacy.language.Language
        import spacy

        load_jieba(self.userdict, self.catalogue.all_terms())
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        nlp.add_pipe("sentencizer", config={"punct_chars": SENTENCE_END})
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
        patterns = []
        for target in self.catalogue.targets:
            for term, kind in target.terms().items():
                if kind in ("weak", "related"):
                    continue
                patterns.append({"label": "TARGET", "pattern": term, "id": target.id})
        ruler.add_patterns(patterns)
        return nlp

    def docs(self, paragraphs: list[str]):  # -> Iterator[spacy.tokens.Doc]
        """spaCy Docs (jieba tokens, sentences, TARGET entities with the target id as ent_id_)."""
        return self.nlp.pipe(paragraphs, batch_size=64)

    def tokens(self, text: str) -> list[str]:
        """jieba tokens with our dictionary and the catalogue terms loaded (once per process)."""
        load_jieba(self.userdict, self.catalogue.all_terms())
        return tokenize(text)

    def tagged(self, text: str) -> list[tuple[str, str]]:
        """(word, part-of-speech) pairs from jieba.posseg, which shares jieba's dictionary: catalogue
        terms come out whole (英伟达 as one noun), so the word after a function word is known."""
        import jieba.posseg

        load_jieba(self.userdict, self.catalogue.all_terms())
        return [(p.word, p.flag) for p in jieba.posseg.lcut(text)]

    def sentences(self, body: str) -> list[Sentence]:
        """Sentences of a body (paragraphs separated by '\\n'), with offsets into it and the
        catalogue targets each one names."""
        out: list[Sentence] = []
        offset = 0
        index = 0
        for para in body.split("\n"):
            masked = URL.sub(lambda u: "x" * len(u.group(0)), para)
            for m in _SENTENCE.finditer(masked):
                raw = para[m.start() : m.end()]
                text = raw.strip()
                if not text:
                    continue
                start = offset + m.start() + (len(raw) - len(raw.lstrip()))
                out.append(
                    Sentence(
                        text,
                        start,
                        start + len(text),
                        index,
                        frozenset(self.catalogue.mentioned(text)),
                    )
                )
            offset += len(para) + 1
            index += bool(para.strip())
        return out


_t2s = None
# Taiwan and Hong Kong market words that OpenCC's t2s converts character by character into words
# the mainland does not use for a position: 加碼 / 減碼 (adding to / trimming a holding) become
# 加码 / 减码, while the lexicons and the models know 加仓 / 减仓. Each is read as the mainland
# word, of the same length (quotes are cut from the original by the offsets of the Simplified
# text). Not where the 加码 is a government's on a control or a tariff (美國加碼對華晶片管制):
# that is no holding added to.
MARKET_WORD = re.compile(
    r"([加减])码(?![^，,。；;！!？?]{0,8}?(?:管制|制裁|限制|禁令|关税|封锁|打压|审查|调查))"
)


def to_simplified(text: str) -> str:
    """Traditional → Simplified (OpenCC), so one cue lexicon serves both scripts; Taiwan's
    market words for a position taken (加碼, 減碼: MARKET_WORD) read as the mainland's."""
    global _t2s
    if _t2s is None:
        import opencc

        _t2s = opencc.OpenCC("t2s")
    return MARKET_WORD.sub(r"\1仓", _t2s.convert(text))
