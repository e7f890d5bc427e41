"""Readings of "whose view is this" for linear.v1, measured against the shipped features.

    .venv/bin/python benchmarks/stance_variants.py [--runs 3] [--drop 0.03]

The commonest error on real pages is a neutral news-like page read as bull or bear (model card,
`benchmarks/stance_limits.py`): reported views and reported facts carry polar words. Ways
to let the model weigh them apart, each against the shipped features in the same run:

- *attribution*: the target view's sentences that report someone else (a speech verb after a
  subject other than the writer, 据…报道, 援引, 分析师, 知情人士, a sentence that is mostly a quote)
  get their tokens prefixed (R_…), or are dropped from the view;
- *page voice*: the view's tokens are copied into a namespace of their page's kind (news-like:
  a dateline, or almost no first person and no spoken endings; else opinion), the "frustratingly
  easy" domain-adaptation trick, or the cue sums get their product with the news-like flag;
- *the writer's verdict*: the cue sums of the sentences that give it (the writer's own view,
  a sentence turning with 但是 or 所以, the last one naming the target, the title), or of the
  writer's own view sentences alone, in columns of their own: a writer who sets out the other
  side's case and then answers it.

Printed for each variant and each refit leaving 3 % of the articles out (as in stability.py):
macro-F1 NVIDIA / DeepSeek on our held-out stance-dev examples and, where ../shared is present,
on the real pages. Throwaway models only: nothing is saved.
"""

from __future__ import annotations

import math
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from benchmarks.refits import kept_articles, macro_per_target, refit_parser  # noqa: E402
from pipeline.analyze import Analyzer  # noqa: E402
from pipeline.learn import logistic_exact, with_classifier  # noqa: E402
from pipeline.nlp import to_simplified  # noqa: E402
from pipeline.settings import PROJECT_ROOT, load_settings  # noqa: E402
from pipeline.speakers import AUTHOR_VIEW  # noqa: E402
from pipeline.stance.cues import FIRST_PERSON_VIEW  # noqa: E402
from pipeline.stance.dataset import default_training_paths, load_examples  # noqa: E402
from pipeline.stance.evaluate import commentary_cases, example_cases  # noqa: E402
from pipeline.stance.features import SQUASH, FeatureBuilder  # noqa: E402
from pipeline.stance.linear import C, feature_columns  # noqa: E402
from pipeline.stance.train import training_set  # noqa: E402
from pipeline.stance.views import (  # noqa: E402
    MAX_VIEW_CHARS,
    mask,
    mentioned_targets,
    view_sentences,
)
from pipeline.targets import Catalogue  # noqa: E402

COMMENTARY = ROOT.parent / "shared" / "eval" / "commentary"
SPEECH = r"(?:表示|称|说|认为|指出|预计|预测|强调|透露|坦言|写道|提到|介绍|估计|判断|相信|警告|直言|宣布|回应|解释|分析|看来)"
REPORTED = re.compile(
    r"^[^，。；！？]{1,24}?(?<![我们])" + SPEECH + r"(?:道|说|称)?[,，:：]"
    r"|^据[^，。]{0,30}(?:报道|消息|透露|数据|统计|称|介绍|了解)"
    r"|援引|消息人士|知情人士|分析师|分析人士|业内人士|报道称|据悉|彭博|路透"
    r"|^[^，。]{0,20}?[“「].{8,}[”」]"
)
WRITER = re.compile(r"我|笔者|本人|小编")
# A sentence that turns to the writer's point (…的担心我都看过。但是…; 所以…).
TURN = re.compile(r"^\s*(?:但是?|可是|不过|然而|其实|说到底|总之|总的来说|归根结底|所以|因此)")
EXTRA = 3  # dense columns every variant carries (zeros where unused), so one estimator fits all


def reported(sentence: str) -> bool:
    s = to_simplified(sentence)
    return bool(REPORTED.search(s)) and not WRITER.search(s)


class Variants:
    """Feature rows of one (article, target) pair under each variant."""

    def __init__(self, features: FeatureBuilder) -> None:
        self.features = features
        self.catalogue = features.catalogue
        self._base: dict[tuple[str, str], list[object]] = {}

    def _tokens(self, text: str, target: str, prefix: str = "") -> list[str]:
        masked = to_simplified(mask(text, target, self.catalogue))
        return [prefix + t for t in self.features.nlp.tokens(masked) if not t.isspace()]

    def row(self, key: tuple[str, str], item, target: str, variant: str) -> list[object]:
        if key not in self._base:
            self._base[key] = self.features.row(item, target)
        base = self._base[key]
        text, dense = list(base[:2]), list(base[2:])
        title = [item.article.title] if item.article.title else []
        sentences = [item.sentences[i].text for i in view_sentences(item, target)]
        flags = [reported(s) for s in sentences]
        own = [s for s, r in zip(sentences, flags, strict=True) if not r]
        if variant == "reported speech dropped":
            view = mask("\n".join(title + own), target, self.catalogue)[:MAX_VIEW_CHARS]
            text = self.features.text_columns(view)
        elif variant == "reported speech tagged":
            tokens = [t for s in title for t in self._tokens(s, target)]
            for s, r in zip(sentences, flags, strict=True):
                tokens += self._tokens(s, target, "R_" if r else "")
            text[0] = " ".join(tokens)
        first_person, spoken, _, dateline, _ = dense[-5:]
        news = float(dateline > 0 or (first_person < 0.05 and spoken < 0.05))
        extra = [0.0] * EXTRA
        if variant == "tokens copied by page voice":
            prefix = "N_" if news else "O_"
            text[0] += " " + " ".join(prefix + t for t in str(text[0]).split())
        elif variant == "cue sums × news-like":
            extra = [dense[1] * news, dense[2] * news, news]
        elif variant in ("writer's verdict sums", "writer's own view sums"):
            extra = self._verdict(item, target, own_only=variant == "writer's own view sums")
        return [*text, *dense, *extra]

    def _verdict(self, item, target: str, own_only: bool) -> list[float]:
        """The cue sums (up, down) and count of the sentences that give the writer's verdict:
        their own view (我认为, 我的判断是…) and, unless own_only, a sentence that turns (但是,
        不过, 所以…), the last one naming the target and the title."""
        named = mentioned_targets(item, self.catalogue)
        scored = [
            s for s in self.features.lexicon.sentence_scores(item, named) if target in s.scores
        ]
        last = max((i for i, s in enumerate(scored) if not s.is_title), default=None)
        kept = []
        for i, s in enumerate(scored):
            simplified = to_simplified(s.sentence)
            own = bool(FIRST_PERSON_VIEW.search(simplified) or AUTHOR_VIEW.search(simplified))
            turns = bool(TURN.search(simplified)) or i == last or s.is_title
            if own or (turns and not own_only):
                kept.append(s.scores[target])
        return [
            math.tanh(sum(v for v in kept if v > 0) / SQUASH),
            math.tanh(-sum(v for v in kept if v < 0) / SQUASH),
            math.log1p(len(kept)) / 3,
        ]


VARIANTS = (
    "shipped features",
    "reported speech tagged",
    "reported speech dropped",
    "tokens copied by page voice",
    "cue sums × news-like",
    "writer's verdict sums",
    "writer's own view sums",
)


def estimator():
    from sklearn.compose import ColumnTransformer

    columns = ColumnTransformer(feature_columns(FeatureBuilder.DENSE + EXTRA))
    return with_classifier(columns, logistic_exact(C))


def pairs_of(cases, catalogue: Catalogue):
    """((case id, target), analysis input, target) of every pair whose gold says the page names
    the target and that the page does name, with (target, gold label) of each."""
    pairs, gold = [], []
    for case in cases:
        if case.item is None:
            continue
        named = mentioned_targets(case.item, catalogue)
        for target, label in case.gold.items():
            if label != "none" and target in named:
                pairs.append(((case.id, target), case.item, target))
                gold.append((target, label))
    return pairs, gold


def main() -> None:
    args = refit_parser(__doc__).parse_args()
    started = time.perf_counter()
    settings = load_settings()
    catalogue = Catalogue.load(settings.path("targets_file"))
    analyzer = Analyzer(settings)
    variants = Variants(FeatureBuilder.from_settings(settings, catalogue))
    data = training_set(
        load_examples(default_training_paths("linear.v1", PROJECT_ROOT)), catalogue, analyzer.nlp
    ).articles()
    train = [((ex.id, t), item, t) for ex, item, t, _ in data.items]
    y, groups = np.array(data.labels), np.array(data.groups)
    dev = load_examples([PROJECT_ROOT / "data" / "labelled" / "stance-dev"])
    held_out = {"stance-dev": pairs_of(example_cases(dev, analyzer), catalogue)}
    if (COMMENTARY / "labels.jsonl").is_file():
        held_out["real pages"] = pairs_of(commentary_cases(COMMENTARY, analyzer), catalogue)
    else:
        print(f"({COMMENTARY} is absent: real pages are not scored)")
    for name, (pairs, _) in {"training": (train, None), **held_out}.items():
        n = flagged = 0
        for _, item, target in pairs:
            for i in view_sentences(item, target):
                n += 1
                flagged += reported(item.sentences[i].text)
        print(f"{name}: {flagged} of {n} view sentences read as reported ({flagged / n:.2f})")
    print("\nlinear.v1 macro-F1 NVIDIA / DeepSeek")
    print(f"{'variant':<30}{'run':>4}" + "".join(f"{name:>18}" for name in held_out))
    for variant in VARIANTS:

        def matrix(pairs, variant: str = variant) -> np.ndarray:
            rows = [variants.row(key, item, target, variant) for key, item, target in pairs]
            return np.array(rows, dtype=object)

        x = matrix(train)
        rows = {name: (matrix(pairs), gold) for name, (pairs, gold) in held_out.items()}
        for run in range(args.runs):
            keep = kept_articles(groups, run, args.drop)
            model = estimator().fit(x[keep], y[keep])
            cells = "".join(
                f"{macro_per_target(g, model.predict(r)):>18}" for r, g in rows.values()
            )
            print(f"{variant:<30}{run:>4}{cells}", flush=True)
    print(f"\n{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
