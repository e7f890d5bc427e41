"""What a trained stance model reads for one target: the title and the sentences around the
target's mentions, with the target's names masked.

Why a view rather than the whole article: a page about DeepSeek that mentions NVIDIA once says
little about NVIDIA outside that passage, and long pages would drown the signal. Why masks: one
model then serves every catalogue target (including ones a user adds later), learning how people
argue about *a* target, while the other targets stay visible as "another target".
"""

from __future__ import annotations

from collections.abc import Collection

from pipeline.stance.base import AnalysisInput
from pipeline.targets import Catalogue

TARGET_MASK = "TGT"
OTHER_MASK = "OTH"
MAX_VIEW_CHARS = 3000


def mentioned_targets(item: AnalysisInput, catalogue: Catalogue) -> set[str]:
    """Targets the article names in its body or title; the rest are `none` for every model."""
    return catalogue.mentioned(item.article.body) | catalogue.mentioned(item.article.title or "")


def mask(
    text: str, target: str, catalogue: Catalogue, others: Collection[str] | None = None
) -> str:
    """The target's names as TGT, another target's as OTH. others: the targets that count as
    another target (a model's: those it was trained on); the names of the rest stay as
    written, as before they were in the catalogue (None: every other target is OTH)."""
    out, last = [], 0
    for m in catalogue.find(text):
        if m.start < last:
            continue
        if m.target == target:
            out += [text[last : m.start], TARGET_MASK]
        elif others is None or m.target in others:
            out += [text[last : m.start], OTHER_MASK]
        else:
            continue
        last = m.end
    out.append(text[last:])
    return "".join(out)


def target_view(
    item: AnalysisInput,
    target: str,
    catalogue: Catalogue,
    window: int = 1,
    max_chars: int = MAX_VIEW_CHARS,
    others: Collection[str] | None = None,
) -> str:
    """Title, then each sentence naming the target with `window` neighbours in its paragraph,
    in document order, joined by newlines and cut at max_chars (others: as mask)."""
    parts = [item.article.title] if item.article.title else []
    parts += [item.sentences[i].text for i in view_sentences(item, target, window)]
    return mask("\n".join(parts), target, catalogue, others)[:max_chars]


def view_sentences(item: AnalysisInput, target: str, window: int = 1) -> list[int]:
    """Indices of the sentences naming the target and of their `window` neighbours in the same
    paragraph, in document order."""
    sentences = item.sentences
    keep: set[int] = set()
    for i, s in enumerate(sentences):
        if target in s.targets:
            for j in range(i - window, i + window + 1):
                if 0 <= j < len(sentences) and sentences[j].paragraph == s.paragraph:
                    keep.add(j)
    return sorted(keep)


def sentences_naming(item: AnalysisInput, target: str) -> tuple[str, ...]:
    """The sentences naming the target, each once, in document order: what evidence is chosen
    from."""
    return tuple(dict.fromkeys(s.text for s in item.sentences if target in s.targets))


def first_mentions(item: AnalysisInput, target: str, k: int) -> tuple[str, ...]:
    """The first k sentences naming the target, in document order: a neutral label's evidence.

    Why not the sentences a model reads as most neutral: those are the blandest, which say
    least about the target, where a reader (and the annotator of the real pages) quotes where
    the page introduces it and says what it reports. With first mentions, the share of labels
    whose evidence holds a sentence the annotator quoted rose (`duokong eval`'s evidence
    column, 2026-12-02): linear.v2 on our held-out data/labelled/stance-dev 0.862 → 0.881, on
    the real pages of ../shared/eval/commentary 0.585 → 0.606; linear.v1 0.866 → 0.885 and
    0.601 → 0.632."""
    return sentences_naming(item, target)[:k]
