"""Throughput of duokong against trafilatura's extraction alone, on the same pages, in one run.

    .venv/bin/python benchmarks/throughput.py [--pages 10000] [--subset 600] [--repeat 3]
                                              [--flow-repeat 3] [--flow-only]

1. Builds a corpus in a temporary folder: our samples and, when ../shared is present, the
   DAnIEL pages of ../shared/eval/boilerplate, replicated with a marker inserted in the body, so that
   nearly every copy (96 %) is a distinct article.
2. On a subset, side by side in this process, medians over --repeat: trafilatura.extract alone,
   each duokong stage alone (extract, sentences, stance, predictions, write), and the whole
   pipeline in one process and in two worker processes.
3. The whole `duokong run` flow (Prefect, worker processes, single writer) over all pages,
   alternating with the same run without Prefect (pipeline.ingest.run_inputs: same batches,
   incremental bookkeeping, run record and report), --flow-repeat pairs against a running local
   server: pages/s and Prefect's overhead (median of the pairs); then peak RSS of the process
   tree for 100 pages against all of them. The same once under the embedded (ephemeral) API.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.batch import analyzer_for, read_inputs  # noqa: E402
from pipeline.decode import decode  # noqa: E402
from pipeline.ingest import run_inputs  # noqa: E402
from pipeline.records import PageResult, RawPage  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402
from pipeline.sources import discover  # noqa: E402
from pipeline.stance.base import AnalysisInput  # noqa: E402
from pipeline.stance.encoder import shared_encoder  # noqa: E402
from pipeline.warehouse import connect  # noqa: E402
from pipeline.warehouse.load import write_results  # noqa: E402

SHARED_DANIEL = ROOT.parent / "shared" / "eval" / "boilerplate" / "daniel_zh" / "html"


def build_corpus(folder: Path, pages: int) -> list[Path]:
    """Write `pages` files: templates replicated, each copy with a distinct body."""
    templates: list[tuple[str, bytes]] = []
    for f in sorted((ROOT / "data" / "samples").rglob("*")):
        if f.is_file() and f.suffix in (".html", ".txt", ".json"):
            templates.append((f.suffix, f.read_bytes()))
    if SHARED_DANIEL.is_dir():
        templates += [
            (".html", gzip.decompress(f.read_bytes())) for f in sorted(SHARED_DANIEL.glob("*.gz"))
        ]
    rng = random.Random(1)
    out = []
    for i in range(pages):
        suffix, data = templates[i % len(templates)]
        copy = i // len(templates)
        if copy:
            data = _vary(suffix, data, f"（第{copy}版）")
        path = folder / f"{i:06d}-{rng.randrange(10**6)}{suffix}"
        path.write_bytes(data)
        out.append(path)
    return out


def _vary(suffix: str, data: bytes, mark: str) -> bytes:
    """The page with mark inserted inside its article text (found by extracting it once): a
    distinct article, in the page's own encoding (JSON records: inside their html/text field)."""
    if suffix == ".json":
        rec = json.loads(data)
        key = "html" if "html" in rec else "text"
        rec[key] = _mark_body(rec[key], mark, "html" if key == "html" else "text")
        return json.dumps(rec, ensure_ascii=False).encode()
    text, encoding = decode(data, "corpus")
    return _mark_body(text, mark, "text" if suffix == ".txt" else "html").encode(
        encoding, errors="xmlcharrefreplace"
    )


_ANCHORS: dict[int, str | None] = {}


def _mark_body(text: str, mark: str, kind: str) -> str:
    key = hash(text)
    if key not in _ANCHORS:
        result = analyzer_for(load_settings()).process(
            RawPage("corpus", text.encode(), kind), analyse=False
        )
        longest = max(result.article.paragraphs, key=len) if result.article else ""
        _ANCHORS[key] = longest[:12] if len(longest) >= 12 and longest[:12] in text else None
    anchor = _ANCHORS[key]
    if anchor is None:
        return text
    pos = text.rfind(anchor) + len(anchor)  # the meta description may repeat it earlier
    return text[:pos] + mark + text[pos:]


def timed(fn, *args):
    t = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t


def stage_trafilatura(pages: list[RawPage]) -> list:
    import trafilatura

    return [trafilatura.extract(p.data, include_comments=False) for p in pages]


def stage_extract(analyzer, pages):
    return [r.article for r in (analyzer.process(p, analyse=False) for p in pages) if r.article]


def stage_sentences(analyzer, articles):
    return [AnalysisInput(a, analyzer.nlp.sentences(a.body)) for a in articles]


def stage_stance(analyzer, items):
    shared_encoder().forget()  # linear.v2 reads every sentence afresh, as a new page's are
    return [analyzer.classifier.predict(i, analyzer.catalogue.ids) for i in items]


def stage_predictions(analyzer, items):
    return [analyzer.predictor.extract(i.article, i.sentences) for i in items]


def stage_write(results: list[PageResult]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "b.duckdb")
        write_results(con, results, "bench", "lexicon.v1")
        con.close()


def library_run(inputs: list[Path], workers: int, db: Path) -> int:
    """The flow's work without Prefect (pipeline.ingest.run_inputs: same batches, incremental
    bookkeeping, worker processes, single writer, run record and report); pages seen."""
    settings = load_settings().with_overrides(db=str(db), workers=workers)
    out = run_inputs([str(i) for i in inputs], settings, report=str(db.with_suffix(".html")))
    return out["seen"]


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) * 1024
        except (OSError, AttributeError):
            pass
        stack += children.get(p, [])
    return total


def run_measured(cmd: list[str]) -> tuple[float, int, str]:
    """(seconds, peak RSS of the process tree, stdout) of a child command."""
    peak = 0
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{out[-2000:]}")
    return time.perf_counter() - t, peak, out


def _library_cmd(folder: Path, workers: int, db: Path) -> list[str]:
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r}); from pathlib import Path; "
        "from benchmarks.throughput import library_run; "
        f"print(library_run([Path({str(folder)!r})], {workers}, Path({str(db)!r})))"
    )
    return [sys.executable, "-c", code]


def _flow_cmd(folder: Path, db: Path) -> list[str]:
    return [
        sys.executable,
        *("-m", "pipeline.cli", "run", str(folder)),
        *("--db", str(db), "--report", str(db.with_suffix(".html"))),
    ]


def flow_section(tmp: Path, files: list[Path], workers: int, repeat: int) -> None:
    """`duokong run` against the same run without Prefect (pipeline.ingest.run_inputs), both in
    child processes, alternating so that both see the same machine: the overhead is the median
    of the pairs. Then peak RSS of 100 against all pages, under each Prefect API."""
    from flows.serve import local_prefect_server

    corpus, small = tmp / "corpus", tmp / "small"
    small.mkdir()
    # The same mix of pages, fewer of them: every (n/100)th file, not the first hundred (our
    # small sample pages come first, the larger news pages after).
    for f in files[:: max(1, len(files) // 100)][:100]:
        (small / f.name).symlink_to(f)
    n = len(files)
    print(
        f"\nthe flow (`duokong run`) and the same run without Prefect, {n:,} pages, child processes:"
    )
    env_before = dict(os.environ)
    for api in ("running local server", "ephemeral API"):
        ctx = local_prefect_server() if api != "ephemeral API" else contextlib.nullcontext()
        with ctx:
            pairs, peaks = [], {}
            for r in range(repeat if api != "ephemeral API" else 1):
                lib_sec, lib_peak, _ = run_measured(
                    _library_cmd(corpus, workers, tmp / f"lib-{api[:3]}-{r}.duckdb")
                )
                sec, peak, _ = run_measured(_flow_cmd(corpus, tmp / f"flow-{api[:3]}-{r}.duckdb"))
                pairs.append((lib_sec, sec))
                peaks[n] = peak
                print(
                    f"  {api}, pair {r + 1}: without Prefect {lib_sec:6.1f} s ({n / lib_sec:5.1f} "
                    f"pages/s, peak {lib_peak / 2**20:,.0f} MiB); flow {sec:6.1f} s "
                    f"({n / sec:5.1f} pages/s, peak {peak / 2**20:,.0f} MiB)"
                )
            lib_med = statistics.median(p[0] for p in pairs)
            flow_med = statistics.median(p[1] for p in pairs)
            share = statistics.median((f - lib) / f for lib, f in pairs)
            print(
                f"    median of {len(pairs)}: without Prefect {lib_med:.1f} s, flow {flow_med:.1f} s "
                f"({n / flow_med:.1f} pages/s); Prefect overhead {share:.1%} of the flow run"
            )
            sec, peaks[100], _ = run_measured(
                _flow_cmd(small, tmp / f"flow-{api[:3]}-small.duckdb")
            )
            print(
                f"    flow on 100 pages: {sec:.1f} s, peak {peaks[100] / 2**20:,.0f} MiB; "
                f"peak RSS {n:,} / 100 pages: {peaks[n] / peaks[100]:.2f}"
            )
        os.environ.clear()
        os.environ.update(env_before)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--subset", type=int, default=600)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--flow-only", action="store_true", help="skip the side-by-side stage timings")
    ap.add_argument(
        "--flow-repeat", type=int, default=3, help="flow / no-Prefect pairs against the server"
    )
    args = ap.parse_args()
    if not args.flow_only:
        try:
            import trafilatura  # noqa: F401  (imported here only to fail early and clearly)
        except ImportError:
            sys.exit(
                "the side-by-side timings run trafilatura beside duokong: "
                "pip install -e '.[bench]', or pass --flow-only"
            )
    workers = os.cpu_count() or 1

    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        (tmp / "corpus").mkdir()
        files = build_corpus(tmp / "corpus", args.pages)
        size = sum(f.stat().st_size for f in files) / 2**20
        print(
            f"corpus: {len(files):,} pages, {size:,.0f} MiB ({'with' if SHARED_DANIEL.is_dir() else 'without'} ../shared pages); {workers} cores"
        )

        settings = load_settings()
        subset_files = files[: args.subset]
        pages = [p for p in read_inputs(discover(subset_files), settings) if isinstance(p, RawPage)]
        html_pages = [p for p in pages if p.kind == "html"]
        analyzer = analyzer_for(settings)
        analyzer.process(pages[0])  # dictionaries and models load outside the timings
        rates: dict[str, list[float]] = {}

        def record(name: str, n: int, seconds: float) -> None:
            rates.setdefault(name, []).append(n / seconds)

        for r in range(0 if args.flow_only else args.repeat):
            _, sec = timed(stage_trafilatura, pages)
            record("trafilatura extract (all pages)", len(pages), sec)
            articles, sec = timed(stage_extract, analyzer, pages)
            record("duokong extract", len(pages), sec)
            items, sec = timed(stage_sentences, analyzer, articles)
            record("sentences + mentions", len(items), sec)
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
            for w in sorted({1, workers}):
                db = tmp / f"lib-{r}-{w}.duckdb"
                n, sec = timed(library_run, subset_files, w, db)
                record(f"whole pipeline, {w} process{'es' if w > 1 else ''}", n, sec)
        if rates:
            print(
                f"\nside by side on {len(pages)} pages ({len(html_pages)} HTML), pages/s, median of {args.repeat}:"
            )
            traf = statistics.median(rates["trafilatura extract (all pages)"])
            for name, values in rates.items():
                med = statistics.median(values)
                print(f"  {name:<34} {med:8.1f}   ×{med / traf:.2f} of trafilatura")

        flow_section(tmp, files, workers, max(1, args.flow_repeat))


if __name__ == "__main__":
    main()
