"""Pages per second of plain-text dump extraction alone (no public extractor reads this form).

    .venv/bin/python benchmarks/dump_speed.py [--repeat 5]

Reads every labelled dump in data/labelled/extraction/dumps-*/pages and, where ../shared is
present, the 130 real dumps of ../shared/eval/commentary/pages.jsonl, and prints the median
pages/s of extract_text over --repeat passes (after one warm-up pass). To compare two
commits, run it in a worktree of each, alternately: the machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.batch import analyzer_for  # noqa: E402
from pipeline.errors import PageRejected  # noqa: E402
from pipeline.extract.textdump import extract_text  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402

REAL = ROOT.parent / "shared" / "eval" / "commentary" / "pages.jsonl"


def texts() -> list[str]:
    ours = sorted((ROOT / "data" / "labelled" / "extraction").glob("dumps-*/pages/*.txt"))
    out = [p.read_text("utf-8") for p in ours]
    if REAL.exists():
        out += [json.loads(line)["text"] for line in REAL.read_text("utf-8").splitlines()]
    else:
        print(f"{REAL} is absent: timing our labelled dumps only")
    return out


def one_pass(pages: list[str], boilerplate) -> float:
    start = time.perf_counter()
    for text in pages:
        with contextlib.suppress(PageRejected):  # a refused page costs its time too
            extract_text(text, "bench", boilerplate)
    return len(pages) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    boilerplate = analyzer_for(load_settings()).boilerplate
    pages = texts()
    one_pass(pages, boilerplate)  # warm-up: jieba, OpenCC and the regex caches
    rates = [one_pass(pages, boilerplate) for _ in range(args.repeat)]
    print(
        f"{len(pages)} dumps: median {statistics.median(rates):.1f} pages/s "
        f"(min {min(rates):.1f}, max {max(rates):.1f}, {args.repeat} passes)"
    )


if __name__ == "__main__":
    main()
