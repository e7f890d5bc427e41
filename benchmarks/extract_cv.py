"""k-fold view of the DEV half of ../shared/eval/boilerplate, to judge extraction rules by whether
they help pages they were not written for.

    .venv/bin/python benchmarks/extract_cv.py [--folds 4] [--dump FILE]

Rules tuned on a handful of dev pages lift the dev figure but not the test figure. Splitting the
dev half into folds by a hash of the page id (stable across runs, independent of file order) and
printing each fold's figures shows whether a change helps broadly (every fold moves) or only the
pages it was written for (one fold moves). The test half is never read here.

Per fold: body char-F1 of DAnIEL and immortal-autumn (same metric as boilerplate_eval.py), title
exact match (DAnIEL), date and author correct (immortal-autumn; null when the page has none).
`--dump` writes per-page results as JSON lines, to diff two versions of a rule.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.boilerplate_eval import DATA, _author_hit, _gold_date, _norm, f1, pages  # noqa: E402
from pipeline.batch import analyzer_for  # noqa: E402
from pipeline.records import RawPage  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402


def fold_of(page_id: str, k: int) -> int:
    """A stable fold from the id's hash: the same page lands in the same fold on every run."""
    return int(hashlib.sha1(page_id.encode()).hexdigest(), 16) % k


def score_dev() -> list[dict]:
    """One record per dev page: dataset, id, and the figures that page contributes."""
    analyzer = analyzer_for(load_settings())

    def run(html: bytes):
        try:
            return analyzer.process(RawPage("eval", html, "html"), analyse=False).article
        except Exception:  # a page we reject scores 0, as in boilerplate_eval
            return None

    records: list[dict] = []
    for pid, html, gold, _ in pages("daniel_zh", "dev"):
        a = run(html)
        text = f"{a.title or ''}\n{a.body}" if a else ""
        title_ok = _norm(a.title if a else "") == _norm(gold.splitlines()[0])
        records.append({"ds": "daniel", "id": pid, "body": f1(text, gold), "title": title_ok})
    folder = DATA / "immortal_autumn_zh"
    for pid, html, gold, _ in pages("immortal_autumn_zh", "dev"):
        a = run(html)
        text = f"{a.title or ''}\n{a.body}" if a else ""
        gold_date = _gold_date((folder / "date" / f"{pid}.txt").read_text("utf-8"))
        ours = a.published.isoformat() if a and a.published else None
        names = (folder / "author" / f"{pid}.txt").read_text("utf-8").split()
        names = [] if names == ["UNKNOWN"] else names
        records.append(
            {
                "ds": "autumn",
                "id": pid,
                "body": f1(text, gold),
                "date": ours == gold_date,
                "author": _author_hit(names, a.author if a else None),
                "got_date": ours,
                "got_author": a.author if a else None,
            }
        )
    return records


def _mean(values: list[float]) -> float:
    return statistics.mean(values) if values else float("nan")


def report(records: list[dict], k: int) -> None:
    cols = ("daniel body", "autumn body", "title", "date", "author")
    print(f"{'fold':<6}" + "".join(f"{c:>13}" for c in cols) + f"{'pages':>8}")
    for fold in [*range(k), None]:
        rs = [r for r in records if fold is None or fold_of(r["id"], k) == fold]
        dn = [r for r in rs if r["ds"] == "daniel"]
        au = [r for r in rs if r["ds"] == "autumn"]
        cells = (
            _mean([r["body"] for r in dn]),
            _mean([r["body"] for r in au]),
            _mean([r["title"] for r in dn]),
            _mean([r["date"] for r in au]),
            _mean([r["author"] for r in au]),
        )
        label = "all" if fold is None else str(fold)
        print(f"{label:<6}" + "".join(f"{c:13.3f}" for c in cells) + f"{len(rs):>8}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--dump", type=Path, help="write per-page results as JSON lines")
    args = ap.parse_args()
    if not DATA.is_dir():
        sys.exit(f"{DATA} is absent: this benchmark reads ../shared evaluation data")
    records = score_dev()
    if args.dump:
        args.dump.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records))
    report(records, args.folds)


if __name__ == "__main__":
    main()
