"""Peak memory and wall time of `duokong sql` on a large result, against reading the whole
result first (fetchall, as `duokong sql` did before it wrote CSV, JSON and Markdown batch by
batch), side by side in one run.

    .venv/bin/python benchmarks/sql_memory.py [--rows 2000000] [--repeats 3]

Each measure runs in a child process of its own (its peak resident memory is the child's
ru_maxrss); the figures are medians over the repeats. The query returns an integer, a
32-character string and a list per row, written to /dev/null.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERY = "select i, md5(i::varchar) as s, [i, 2] as l from range({rows}) t(i)"
# The old way, as a child: every row fetched, then written in one go.
WHOLE = """
import sys, duckdb
sys.path.insert(0, {root!r})
from pipeline.cli_common import print_rows
con = duckdb.connect({db!r}, read_only=True)
cur = con.execute({query!r})
rows = cur.fetchall()
print_rows([d[0] for d in cur.description], rows, {fmt!r})
"""


def measure(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak MB) of one child process."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{cmd[:3]} failed: {proc.stderr.read().decode()[-500:]}")
    return wall, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    duokong = str(Path(sys.executable).with_name("duokong"))
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "empty.duckdb")
        subprocess.run([sys.executable, "-c", f"import duckdb; duckdb.connect({db!r}).close()"])
        query = QUERY.format(rows=args.rows)
        print(f"{args.rows:,} rows; median of {args.repeats} runs each")
        print(
            f"{'format':<9} {'streamed MB':>12} {'whole MB':>9} {'ratio':>6} {'streamed s':>11} {'whole s':>8}"
        )
        for fmt in ("csv", "json", "markdown"):
            streamed, whole = [], []
            for _ in range(args.repeats):  # alternating, so drift on a shared machine hits both
                streamed.append(measure([duokong, "sql", query, "--db", db, "--format", fmt]))
                code = WHOLE.format(root=str(ROOT), db=db, query=query, fmt=fmt)
                whole.append(measure([sys.executable, "-c", code]))
            s_wall, s_mb = (statistics.median(x) for x in zip(*streamed, strict=True))
            w_wall, w_mb = (statistics.median(x) for x in zip(*whole, strict=True))
            print(
                f"{fmt:<9} {s_mb:>12.0f} {w_mb:>9.0f} {s_mb / w_mb:>6.2f} {s_wall:>11.2f} {w_wall:>8.2f}"
            )


if __name__ == "__main__":
    main()
