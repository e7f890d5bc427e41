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


def timed(fn, *args):
    """(result, seconds) of fn(*args)."""
    t = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t


def stage_trafilatura(pages: list[RawPage]) -> list:
    import trafilatura

    return [trafilatura.extract(p.data, include_comments=False) for p in pages]


def stage_extract(analyzer, pages: list[RawPage]) -> list:
    return [a for a in (analyzer.process_extract_only(p) for p in pages) if a is not None]


def stage_sentences(analyzer, articles: list) -> list:
    return [AnalysisInput(a, analyzer.nlp.sentences(a.paragraphs)) for a in articles]


def stage_stance(analyzer, items: list) -> list:
    return [analyzer.classifier.predict(i, analyzer.catalogue.ids) for i in items]


def stage_predictions(analyzer, items: list) -> list:
    return [analyzer.predictor.extract(i.article, i.sentences) for i in items]


def stage_write(results: list[PageResult]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "b.duckdb")
        write_results(con, results, "bench", "lexicon.v1")
        con.close()


def stage_pipeline(analyzer, pages: list[RawPage]) -> None:
    stage_write([analyzer.process(p) for p in pages])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--shared-pages", type=int, default=200)
    args = ap.parse_args()

    pages = corpus(args.shared_pages)
    analyzer = analyzer_for(load_settings())
    analyzer.process(pages[0])  # load dictionaries and models outside the timings
    html_pages = [p for p in pages if p.kind == "html"]
    size = sum(len(p.data) for p in pages) / 1e6
    print(f"corpus: {len(pages)} pages ({len(html_pages)} HTML), {size:.1f} MB")

    rates: dict[str, list[float]] = {}

    def record(name: str, n: int, seconds: float) -> None:
        rates.setdefault(name, []).append(n / seconds)

    for _ in range(args.repeat):
        _, sec = timed(stage_trafilatura, html_pages)
        record("trafilatura", len(html_pages), sec)
        articles, sec = timed(stage_extract, analyzer, pages)
        record("extract", len(pages), sec)
        items, sec = timed(stage_sentences, analyzer, articles)
        record("sentences", len(items), sec)
        stances, sec = timed(stage_stance, analyzer, items)
        record("stance", len(items), sec)
        preds, sec = timed(stage_predictions, analyzer, items)
        record("predictions", len(items), sec)
        results = [
            PageResult(i.article.source, i.article, tuple(s), tuple(p))
            for i, s, p in zip(items, stances, preds, strict=True)
        ]
        _, sec = timed(stage_write, results)
        record("write", len(results), sec)
        _, sec = timed(stage_pipeline, analyzer, pages)
        record("pipeline", len(pages), sec)

    print(f"{'stage':<12} pages/s (median of {args.repeat})")
    for name, values in rates.items():
        print(f"{name:<12} {statistics.median(values):>10.1f}")
    ratio = statistics.median(rates["pipeline"]) / statistics.median(rates["trafilatura"])
    print(f"whole pipeline / trafilatura extract alone: {ratio:.2f}")


if __name__ == "__main__":
    main()
