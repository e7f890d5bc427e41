"""Throughput of each pipeline stage against trafilatura's extraction, on the same pages, in one run.

    .venv/bin/python benchmarks/throughput.py [--repeat 3] [--shared-pages 200]

Corpus: the bundled samples, plus up to --shared-pages pages of ../shared/eval/boilerplate
(daniel_zh) when present. Prints pages/s per stage (median over repeats) and the ratio of the
whole pipeline to trafilatura alone.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.batch import analyzer_for, read_inputs  # noqa: E402
from pipeline.records import PageResult, RawPage  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402
from pipeline.sources import discover  # noqa: E402
from pipeline.stance.base import AnalysisInput  # noqa: E402
from pipeline.warehouse import connect  # noqa: E402
from pipeline.warehouse.load import write_results  # noqa: E402


def corpus(shared_pages: int) -> list[RawPage]:
    settings = load_settings()
    pages = [
        p
        for p in read_inputs(discover([settings.path("samples")]), settings)
        if isinstance(p, RawPage)
    ]
    daniel = ROOT.parent / "shared" / "eval" / "boilerplate" / "daniel_zh" / "html"
    if daniel.is_dir() and shared_pages:
        for f in sorted(daniel.glob("*.html.gz"))[:shared_pages]:
            pages.append(RawPage(str(f), gzip.decompress(f.read_bytes()), "html"))
    return pages


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--shared-pages", type=int, default=200)
    args = ap.parse_args()

    import trafilatura

    pages = corpus(args.shared_pages)
    analyzer = analyzer_for(load_settings())
    analyzer.process(pages[0])  # load dictionaries and models outside the timings
    html_pages = [p for p in pages if p.kind == "html"]
    print(
        f"corpus: {len(pages)} pages ({len(html_pages)} HTML), {sum(len(p.data) for p in pages) / 1e6:.1f} MB"
    )

    stages: dict[str, list[float]] = {
        k: []
        for k in (
            "trafilatura",
            "extract",
            "sentences",
            "stance",
            "predictions",
            "write",
            "pipeline",
        )
    }
    for _ in range(args.repeat):
        stages["trafilatura"].append(
            len(html_pages)
            / timed(
                lambda: [trafilatura.extract(p.data, include_comments=False) for p in html_pages]
            )
        )
        articles = []
        stages["extract"].append(
            len(pages)
            / timed(lambda: articles.extend(analyzer.process_extract_only(p) for p in pages))
        )
        articles = [a for a in articles if a is not None]
        sents = []
        stages["sentences"].append(
            len(articles)
            / timed(lambda: sents.extend(analyzer.nlp.sentences(a.paragraphs) for a in articles))
        )
        items = [AnalysisInput(a, s) for a, s in zip(articles, sents, strict=True)]
        stances = []
        stages["stance"].append(
            len(items)
            / timed(
                lambda: stances.extend(
                    analyzer.classifier.predict(i, analyzer.catalogue.ids) for i in items
                )
            )
        )
        preds = []
        stages["predictions"].append(
            len(items)
            / timed(
                lambda: preds.extend(
                    analyzer.predictor.extract(i.article, i.sentences) for i in items
                )
            )
        )
        results = [
            PageResult(a.source, a, tuple(s), tuple(p))
            for a, s, p in zip(articles, stances, preds, strict=True)
        ]
        with tempfile.TemporaryDirectory() as tmp:
            con = connect(Path(tmp) / "b.duckdb")
            stages["write"].append(
                len(results) / timed(lambda: write_results(con, results, "bench", "lexicon.v1"))
            )
            con.close()
        with tempfile.TemporaryDirectory() as tmp:

            def whole() -> None:
                res = [analyzer.process(p) for p in pages]
                con = connect(Path(tmp) / "w.duckdb")
                write_results(con, res, "bench", "lexicon.v1")
                con.close()

            stages["pipeline"].append(len(pages) / timed(whole))

    print(f"{'stage':<12} {'pages/s (median of ' + str(args.repeat) + ')':>26}")
    for name, values in stages.items():
        print(f"{name:<12} {statistics.median(values):>26.1f}")
    ratio = statistics.median(stages["pipeline"]) / statistics.median(stages["trafilatura"])
    print(f"whole pipeline / trafilatura extract alone: {ratio:.2f}")


if __name__ == "__main__":
    main()
