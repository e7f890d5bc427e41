"""One large WARC file read whole (one batch) against read in parts (a batch each), same run.

    .venv/bin/python benchmarks/container_split.py [--pages 1200] [--part 200] [--workers 2]
                                                   [--repeat 2]

A crawl hands over few, large files: one WARC of 40,000 pages was one batch, on one worker,
with nothing written until its last page. pipeline/ingest.split_large now reads a WARC or
JSONL file of more than batch_size records in parts. This script builds one gzipped WARC of
--pages pages (our samples and, where ../shared is present, DAnIEL's pages, each copy made a
distinct article as benchmarks/throughput.py does), then runs pipeline.ingest.run_inputs over
it into a fresh database, alternating: batch_size above the file's size (read whole, as
before) and batch_size --part (read in parts). Each run is a child process of its own, so its
peak memory is its own. Printed per run and as medians: seconds, pages/s, the pages written,
and the peak resident memory of the run's process and of its largest worker.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WHOLE = 10**9  # a batch_size no file reaches: the file is one batch, as before parts


def build_warc(folder: Path, pages: int) -> Path:
    """A gzipped WARC of HTML and text responses, one per page of the benchmark corpus."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from benchmarks.throughput import build_corpus

    files = [f for f in build_corpus(folder, pages * 2) if f.suffix in (".html", ".txt")]
    path = folder / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, f in enumerate(files[:pages]):
            ctype = "text/plain; charset=utf-8" if f.suffix == ".txt" else "text/html"
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://crawl.example/{i}",
                "response",
                payload=io.BytesIO(f.read_bytes()),
                http_headers=headers,
            )
            writer.write_record(record)
    return path


def child(warc: str, db: str, batch_size: int, workers: int) -> None:
    """One run, its figures as a JSON line on stdout."""
    import time

    from pipeline.ingest import run_inputs
    from pipeline.settings import load_settings

    settings = load_settings().with_overrides(db=db, batch_size=batch_size, workers=workers)
    start = time.perf_counter()
    result = run_inputs([warc], settings, report=str(Path(db).with_suffix(".html")))
    seconds = time.perf_counter() - start
    workers_usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "pages": result["seen"],
                "articles": result["articles"],
                "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "worker_rss_mb": workers_usage.ru_maxrss / 1024,
                "worker_cpu_s": workers_usage.ru_utime + workers_usage.ru_stime,
            }
        )
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1200)
    ap.add_argument("--part", type=int, default=200, help="batch_size of the parts run")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--child", nargs=3, metavar=("WARC", "DB", "BATCH"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        warc, db, batch = args.child
        child(warc, db, int(batch), args.workers)
        return
    with tempfile.TemporaryDirectory(prefix="duokong-split-") as tmp:
        folder = Path(tmp)
        (folder / "pages").mkdir()
        warc = build_warc(folder / "pages", args.pages)
        size_mb = warc.stat().st_size / 1e6
        print(f"one WARC of {args.pages} pages ({size_mb:.1f} MB gzipped), {args.workers} workers")
        runs: dict[str, list[dict]] = {"whole": [], f"parts of {args.part}": []}
        for r in range(args.repeat):
            for name, batch in ((k, WHOLE if k == "whole" else args.part) for k in list(runs)):
                db = folder / f"{name.split()[0]}-{r}.duckdb"
                cmd = [sys.executable, __file__, "--workers", str(args.workers)]
                out = subprocess.run(
                    [*cmd, "--child", str(warc), str(db), str(batch)],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                fig = json.loads(out.strip().splitlines()[-1])
                runs[name].append(fig)
                print(
                    f"  {name:<14} {fig['seconds']:7.1f} s  {fig['pages'] / fig['seconds']:6.1f}"
                    f" pages/s  {fig['pages']} pages  run {fig['rss_mb']:.0f} MB,"
                    f" largest worker {fig['worker_rss_mb']:.0f} MB, workers busy"
                    f" {fig['worker_cpu_s'] / fig['seconds']:.2f} cores"
                )
        print("medians:")
        base = statistics.median(f["seconds"] for f in runs["whole"])
        for name, figs in runs.items():
            secs = statistics.median(f["seconds"] for f in figs)
            worker = statistics.median(f["worker_rss_mb"] for f in figs)
            print(
                f"  {name:<14} {secs:7.1f} s  speed-up ×{base / secs:.2f}  "
                f"largest worker {worker:.0f} MB"
            )


if __name__ == "__main__":
    main()
