"""Boilerplate removal on ../shared/eval/boilerplate, side by side with the extractors people
would otherwise pick, on the same pages, in one run.

    .venv/bin/python benchmarks/boilerplate_eval.py [--half test|dev|both]

Metric (issue 3): per-page F1 of the multiset of characters of the extracted text against the
gold main text, after NFKC, ignoring whitespace, punctuation and symbols (Unicode categories P,
S, Z, C); empty output scores 0; the mean over pages. Pages in known_defects.json are left out.
duokong is scored as title + body (the gold keeps the headline as its first line); the others
as their main text output. Reference extractors that are not installed are skipped with a note
(`pip install readability-lxml` for readability).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.batch import analyzer_for  # noqa: E402
from pipeline.records import RawPage  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "boilerplate"


def chars(text: str) -> Counter:
    text = unicodedata.normalize("NFKC", text or "")
    return Counter(ch for ch in text if unicodedata.category(ch)[0] not in "PSZC")


def f1(pred: str, gold: str) -> float:
    p, g = chars(pred), chars(gold)
    if not p or not g:
        return 0.0
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def pages(dataset: str, half: str) -> list[tuple[str, bytes, str, str]]:
    """(id, html bytes, gold text, script) of one half of one dataset, defects left out."""
    split = json.loads((DATA / "split.json").read_text())[dataset][half]
    defects = {d["id"] for d in json.loads((DATA / "known_defects.json").read_text())[dataset]}
    out = []
    if dataset == "daniel_zh":
        index = {e["id"]: e for e in json.loads((DATA / dataset / "index.json").read_text())}
        for pid in split:
            if pid in defects:
                continue
            html = gzip.decompress((DATA / dataset / "html" / f"{pid}.html.gz").read_bytes())
            gold = re.sub(
                r"</?p>", "", (DATA / dataset / "reference" / f"{pid}.txt").read_text("utf-8")
            )
            out.append((pid, html, gold, index[pid]["script"]))
    else:
        for pid in split:
            if pid in defects:
                continue
            html = (DATA / dataset / "original" / f"{pid}.html").read_bytes()
            gold = (DATA / dataset / "cleaned" / f"{pid}.txt").read_text("utf-8")
            out.append((pid, html, gold, "simplified"))
    return out


def duokong() -> Callable[[bytes], str]:
    analyzer = analyzer_for(load_settings())

    def run(html: bytes) -> str:
        result = analyzer.process(RawPage("eval", html, "html"), analyse=False)
        a = result.article
        return f"{a.title or ''}\n{a.body}" if a else ""

    return run


def trafilatura_default() -> Callable[[bytes], str]:
    import trafilatura

    return lambda html: trafilatura.extract(html, include_comments=False) or ""


def trafilatura_precision() -> Callable[[bytes], str]:
    import trafilatura

    return lambda html: (
        trafilatura.extract(html, include_comments=False, favor_precision=True) or ""
    )


def readability() -> Callable[[bytes], str]:
    from lxml import html as lxml_html
    from readability import Document

    def run(data: bytes) -> str:
        summary = Document(data).summary()
        return lxml_html.fromstring(summary).text_content() if summary.strip() else ""

    return run


EXTRACTORS = {
    "duokong": duokong,
    "trafilatura (favor_precision)": trafilatura_precision,
    "trafilatura (default)": trafilatura_default,
    "readability-lxml": readability,
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", choices=["test", "dev", "both"], default="test")
    args = ap.parse_args()
    if not DATA.is_dir():
        sys.exit(f"{DATA} is absent: this benchmark reads ../shared evaluation data")
    halves = ["dev", "test"] if args.half == "both" else [args.half]
    extractors = {}
    for name, make in EXTRACTORS.items():
        try:
            extractors[name] = make()
        except ImportError as exc:
            print(f"(skipped {name}: {exc})")
    for half in halves:
        for dataset in ("daniel_zh", "immortal_autumn_zh"):
            items = pages(dataset, half)
            groups = {"all": items}
            if dataset == "daniel_zh":
                for script in ("simplified", "traditional"):
                    groups[script] = [i for i in items if i[3] == script]
            print(f"\n{dataset} {half} half: {len(items)} pages")
            print(
                f"  {'extractor':<30} " + " ".join(f"{g:>12}" for g in groups) + f" {'pages/s':>9}"
            )
            for name, run in extractors.items():
                scores = {}
                t = time.perf_counter()
                for pid, html, gold, _ in items:
                    try:
                        scores[pid] = f1(run(html), gold)
                    except Exception:  # a reference extractor that crashes scores 0 on that page
                        scores[pid] = 0.0
                rate = len(items) / (time.perf_counter() - t)
                cells = [
                    statistics.mean(scores[i[0]] for i in g) if g else float("nan")
                    for g in groups.values()
                ]
                print(f"  {name:<30} " + " ".join(f"{c:12.3f}" for c in cells) + f" {rate:9.1f}")


if __name__ == "__main__":
    main()
