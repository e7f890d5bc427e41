"""Faults and bad input, end to end through `duokong run`, as a table of figures.

    .venv/bin/python benchmarks/faults.py [--quick] [--workers 2]

Beside good pages copied from data/samples, feeds every kind of bad input the issue lists (and a
local HTTP server on 127.0.0.1 for URL lists), then the process faults: a run SIGKILLed in the
middle of a write and rerun, two runs started at once, a read-only database, a database folder
that does not exist. Each run is a real `duokong run` in a child process, against one Prefect
server started here (so a run does not pay the embedded API's start). For every case: the run
completes or refuses with one line, good pages land exactly once with their text intact, every
bad input is in `rejects` with stage and reason, and a rerun (and a --full rerun) converges.

tests/test_faults.py runs the quick data cases (build_cases, check_case) without Prefect.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
DATA_TABLES = ("articles", "pages", "stances", "predictions", "rejects", "seen_inputs")

NVIDIA = "英伟达的数据中心需求依然旺盛，财报再次超出预期，我认为明年的出货量还会继续增长。"
DEEPSEEK = "深度求索的新模型训练成本很低，开源之后用的人越来越多，它会在应用层面取得领先。"
OLD = "这是这篇文章的旧版本，后来作者改写了：" + NVIDIA
TRADITIONAL = "輝達的股價會不會繼續上漲？我們認為資料中心的需求仍然強勁，深度求索的模型也很便宜。"


def page(paragraphs: list[str], title: str = "评论", head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head>{head}<title>{title}</title></head><body>"
        f"<div class='nav'>首页 | 科技 | 财经</div><article><h1>{title}</h1>{body}</article>"
        "<div class='footer'>版权所有</div></body></html>"
    )


@dataclass
class Case:
    """Files to drop in the inbox, and what must come of them.

    good: page key (a path relative to the inbox, or a URL) → a phrase its article must hold.
    bad: source (relative path, `path#i` for a record, or a URL) → (stage, reason) in rejects.
    later: files written before the second run (new content for the same page).
    gone: phrases no article may hold after the second run (replaced content).
    articles: how many distinct articles the good pages must make (duplicates collapse)."""

    name: str
    files: dict[str, bytes] = field(default_factory=dict)
    good: dict[str, str] = field(default_factory=dict)
    bad: dict[str, tuple[str, str]] = field(default_factory=dict)
    later: dict[str, bytes] = field(default_factory=dict)
    gone: list[str] = field(default_factory=list)
    articles: int | None = None
    urls: list[str] = field(default_factory=list)
    slow: bool = False

    @property
    def inputs(self) -> int:
        return len(self.files) + len(self.later) + len(self.urls)


def build_cases(server: str | None = None, slow: bool = True) -> list[Case]:
    """Every case; the URL ones only with a server (see Handler), the slow ones when asked."""
    samples = sorted(p for p in (SAMPLES / "news").glob("*.html"))[:4]
    gbk = page([NVIDIA, DEEPSEEK], "没有声明的GBK").encode("gbk")
    truncated = SAMPLES.joinpath("wechat").glob("*.html")
    wechat = next(truncated).read_text("utf-8")
    cases = [
        Case(
            "good sample pages",
            files={f"good/{p.name}": p.read_bytes() for p in samples},
            good={f"good/{p.name}": "" for p in samples},
        ),
        Case(
            "zero-byte file",
            files={"bad/zero.html": b""},
            bad={"bad/zero.html": ("decode", "empty-file")},
        ),
        Case(
            "binary PNG",
            files={"bad/image.html": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8},
            bad={"bad/image.html": ("decode", "binary-file")},
        ),
        Case(
            "binary PDF",
            files={"bad/doc.html": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 8},
            bad={"bad/doc.html": ("decode", "binary-file")},
        ),
        Case(
            "gzip garbage",
            files={"bad/page.html.gz": b"\x1f\x8b\x08\x00" + b"\x00" * 6 + b"not deflate at all"},
            bad={"bad/page.html.gz": ("read", "corrupt-gzip")},
        ),
        Case(
            "gzip of a PNG",
            files={"bad/pic.html.gz": gzip.compress(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))},
            bad={"bad/pic.html.gz": ("decode", "binary-file")},
        ),
        Case(
            "200,000-character single line",
            files={"odd/one-line.html": page([(NVIDIA + DEEPSEEK) * 2600], "一行").encode()},
            good={"odd/one-line.html": NVIDIA},
        ),
        Case(
            "truncated HTML",
            files={"bad/truncated.html": wechat[: wechat.find("js_content") + 40].encode()},
            bad={"bad/truncated.html": ("extract", "truncated-html")},
        ),
        Case(
            "wrong meta charset (says UTF-8, is GBK)",
            files={
                "enc/wrong-meta.html": page(
                    [NVIDIA, DEEPSEEK], "错误声明", "<meta charset='utf-8'>"
                ).encode("gbk")
            },
            good={"enc/wrong-meta.html": NVIDIA},
        ),
        Case(
            "GBK without a declaration",
            files={"enc/gbk.html": gbk},
            good={"enc/gbk.html": DEEPSEEK},
        ),
        Case(
            "Big5",
            files={
                "enc/big5.html": page([TRADITIONAL, TRADITIONAL], "繁體")
                .replace("首页 | 科技 | 财经", "首頁 | 科技 | 財經")
                .replace("版权所有", "版權所有")
                .encode("big5")
            },
            good={"enc/big5.html": TRADITIONAL[:10]},
        ),
        Case(
            "mixed encodings in one file",
            files={
                "enc/mixed.html": (
                    page([NVIDIA], "混合").split("</article>")[0].encode("utf-8")
                    + f"<p>{DEEPSEEK}</p></article></body></html>".encode("gbk")
                )
            },
            good={"enc/mixed.html": NVIDIA},
        ),
        Case(
            "English page",
            files={
                "odd/english.html": page(
                    [
                        "NVIDIA reported record data center revenue as demand for its GPUs stayed strong. "
                        * 6
                    ],
                    "NVIDIA",
                ).encode()
            },
            good={"odd/english.html": "NVIDIA reported"},
        ),
        Case(
            "page with no target",
            files={
                "odd/no-target.html": page(
                    ["今天天气很好，我们去公园散步，看到很多人在放风筝，孩子们玩得很开心。" * 4],
                    "散步",
                ).encode()
            },
            good={"odd/no-target.html": "放风筝"},
        ),
        Case(
            "duplicate pages under different names",
            files={
                "dup/a.html": samples[0].read_bytes(),
                "dup/copy of a.html": samples[0].read_bytes(),
            },
            good={"dup/a.html": "", "dup/copy of a.html": ""},
            articles=1,
        ),
        Case(
            "same URL with new content",
            files={"json/crawl-1.json": _record("https://news.example/a/1", OLD, "2025-03-01")},
            later={
                "json/crawl-2.json": _record("https://news.example/a/1", DEEPSEEK, "2025-03-02")
            },
            good={"https://news.example/a/1": DEEPSEEK},
            gone=[OLD[:10]],
            articles=1,
        ),
        Case(
            "malformed JSON records",
            files={
                "json/broken.json": b'{"url": "https://news.example/b", "html": ',
                "json/lines.jsonl": "\n".join(
                    [
                        _record("https://news.example/c/1", NVIDIA, "2025-03-01").decode(),
                        '{"url": "https://news.example/c/2", "html": broken',
                        json.dumps({"url": "https://news.example/c/3"}),
                    ]
                ).encode(),
            },
            good={"https://news.example/c/1": NVIDIA},
            bad={
                "json/broken.json": ("read", "malformed-json"),
                "json/lines.jsonl#1": ("read", "malformed-json"),
                "json/lines.jsonl#2": ("read", "json-without-page"),
            },
        ),
    ]
    if server:
        cases.append(
            Case(
                "URL list: good, 404, redirect loop, timeout",
                urls=[f"{server}/good", f"{server}/missing", f"{server}/loop", f"{server}/slow"],
                good={f"{server}/good": NVIDIA},
                bad={
                    f"{server}/missing": ("fetch", "http-404"),
                    f"{server}/loop": ("fetch", "redirect-loop"),
                    f"{server}/slow": ("fetch", "unreachable"),
                },
            )
        )
    if slow:
        # Bulk where big pages carry it: inline script data, around one real article.
        bulk = "<script>var state = '" + "x" * (19 * 1000 * 1000) + "';</script>"
        big = page([NVIDIA, DEEPSEEK], "大页面", head=bulk)
        cases += [
            Case(
                "20 MB page (over max_page_bytes)",
                files={"big/20mb.html": big.encode().ljust(20 * 1024 * 1024, b" ")},
                bad={"big/20mb.html": ("read", "too-large")},
                slow=True,
            ),
            Case(
                "19 MB page (under the limit)",
                files={"big/19mb.html": big.encode()},
                good={"big/19mb.html": NVIDIA},
                slow=True,
            ),
        ]
    return cases


def _record(url: str, text: str, day: str) -> bytes:
    rec = {"url": url, "html": page([text, text]), "fetched_at": f"{day}T08:00:00Z"}
    return json.dumps(rec, ensure_ascii=False).encode()


def write_case(inbox: Path, case: Case, later: bool = False) -> None:
    for rel, data in (case.later if later else case.files).items():
        path = inbox / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if case.urls and not later:
        name = "urls/" + case.name.split(":")[0].replace(" ", "-") + ".urls"
        (inbox / name).parent.mkdir(parents=True, exist_ok=True)
        (inbox / name).write_text("\n".join(case.urls) + "\n", "utf-8")


@dataclass
class Figures:
    lost: int = 0
    garbled: int = 0
    duplicates: int = 0
    rejects: int = 0
    rejects_expected: int = 0
    problems: list[str] = field(default_factory=list)


def _key(inbox: Path, key: str) -> str:
    return key if "://" in key else str(inbox / key)


def check_case(con: duckdb.DuckDBPyConnection, inbox: Path, case: Case) -> Figures:
    """What landed for a case: pages lost or garbled, duplicates, rejects recorded."""
    f = Figures(rejects_expected=len(case.bad))
    article_ids = set()
    for key, phrase in case.good.items():
        rows = con.execute(
            "SELECT a.id, a.body FROM pages p JOIN articles a ON a.id = p.article_id "
            "WHERE p.page_key = ?",
            [_key(inbox, key)],
        ).fetchall()
        if not rows:
            f.lost += 1
            f.problems.append(f"{key}: not in pages")
            continue
        f.duplicates += len(rows) - 1
        article_ids.add(rows[0][0])
        if phrase and phrase not in rows[0][1]:
            f.garbled += 1
            f.problems.append(f"{key}: body lacks {phrase[:12]!r}: {rows[0][1][:40]!r}")
    if case.articles is not None and len(article_ids) > case.articles:
        f.duplicates += len(article_ids) - case.articles
    for phrase in case.gone:
        n = con.execute(
            "SELECT count(*) FROM articles WHERE contains(body, ?)", [phrase]
        ).fetchone()[0]
        f.duplicates += n
        if n:
            f.problems.append(f"replaced content {phrase[:12]!r} still in {n} article(s)")
    for source, (stage, reason) in case.bad.items():
        rows = con.execute(
            "SELECT stage, reason FROM rejects WHERE source = ?", [_key(inbox, source)]
        ).fetchall()
        if (stage, reason) in rows:
            f.rejects += 1
        else:
            f.problems.append(f"{source}: expected reject {stage}/{reason}, found {rows}")
        f.duplicates += max(0, len(rows) - 1)
    return f


def table_counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in DATA_TABLES}
    finally:
        con.close()


# ---- the local HTTP server ------------------------------------------------------------------


class Handler(BaseHTTPRequestHandler):
    """/good: a GBK page with its charset header; /missing: 404; /loop: redirects to itself;
    /slow: answers after SLOW_S seconds, past the fetch timeout."""

    SLOW_S = 20.0

    def do_GET(self) -> None:
        if self.path == "/good":
            body = page([NVIDIA, DEEPSEEK], "抓取").encode("gbk")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=GBK")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(self.SLOW_S)
            self.send_response(200)
            self.end_headers()
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def reply_html(handler: BaseHTTPRequestHandler, html: str) -> None:
    """A 200 answer with html as UTF-8, for the handlers that tests and benchmarks write."""
    body = html.encode("utf-8")
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.end_headers()
    handler.wfile.write(body)


@contextlib.contextmanager
def http_server(handler: type[BaseHTTPRequestHandler] | None = None) -> Iterator[str]:
    """A handler (default: this module's) served on 127.0.0.1 at a free port, for the block;
    yields the base URL. Tests reuse it with handlers of their own."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler or Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


# ---- running duokong ------------------------------------------------------------------------


@dataclass
class Run:
    rc: int
    out: str
    err: str
    seconds: float

    @property
    def crashed(self) -> bool:
        """A crash: killed by something other than us, or a traceback instead of one line."""
        return self.rc < 0 or "Traceback" in self.err

    @property
    def refused_cleanly(self) -> bool:
        lines = [ln for ln in self.err.splitlines() if ln.startswith("Error:")]
        return self.rc > 0 and len(lines) == 1 and "Traceback" not in self.err


RUNNER = """
import os, signal, sys
if os.environ.get("KILL_AT_BATCH"):
    import pipeline.warehouse.load as load
    real, seen = load.insert_rows, [0]
    def insert(con, table, rows, conflict):
        real(con, table, rows, conflict)
        if table == "pages":
            seen[0] += 1
            if seen[0] == int(os.environ["KILL_AT_BATCH"]):
                os.kill(os.getpid(), signal.SIGKILL)  # inside the write's transaction
    load.insert_rows = insert
from pipeline.cli import main
main(sys.argv[1:], prog_name="duokong")
"""


def snapshot(tmp: Path) -> Path:
    """A copy of the code and data the runs use, so that an edit to the checkout while the
    benchmark runs cannot change the pipeline version (and reprocess everything) between runs."""
    code = tmp / "code"
    skip = shutil.ignore_patterns("__pycache__", "*.duckdb*")
    for name in ("pipeline", "flows", "data", "models"):
        shutil.copytree(ROOT / name, code / name, ignore=skip)
    return code


CODE: Path = ROOT


def start(args: list[str], kill_at: int | None = None, tag: str = "run"):
    """`duokong ARGS` in a child process of its own session (so that the worker processes a
    killed run leaves behind can be killed with it); its output goes to files, not pipes,
    which such orphans would hold open."""
    env = {**os.environ, "PYTHONPATH": str(CODE)}
    if kill_at:
        env["KILL_AT_BATCH"] = str(kill_at)
    # Closed by finish(), after the process ends.
    out = tempfile.NamedTemporaryFile("w+", prefix=f"{tag}-", suffix=".out", delete=False)  # noqa: SIM115
    err = tempfile.NamedTemporaryFile("w+", prefix=f"{tag}-", suffix=".err", delete=False)  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-c", RUNNER, *[str(a) for a in args]],
        cwd=CODE,
        env=env,
        stdout=out,
        stderr=err,
        start_new_session=True,
    )
    return proc, out, err, time.monotonic()


def finish(started) -> Run:
    proc, out, err, t0 = started
    proc.wait()
    seconds = time.monotonic() - t0
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)  # worker processes a killed run left behind
    texts = []
    for fh in (out, err):
        fh.seek(0)
        texts.append(fh.read())
        fh.close()
        os.unlink(fh.name)
    return Run(proc.returncode, texts[0], texts[1], seconds)


def duokong(*args: object, kill_at: int | None = None) -> Run:
    return finish(start([str(a) for a in args], kill_at=kill_at))


# ---- the table ------------------------------------------------------------------------------


@dataclass
class Row:
    case: str
    inputs: int
    crashes: int
    lost: int
    duplicates: int
    rejects: str
    converges: str
    note: str = ""


def data_cases(tmp: Path, server: str, workers: int, slow: bool) -> list[Row]:
    """All data cases in one inbox: run, add the new content, rerun, rerun, rerun --full."""
    cases = build_cases(server, slow)
    inbox, db = tmp / "inbox", tmp / "data" / "w.duckdb"
    for c in cases:
        write_case(inbox, c)
    common = ["--db", db, "--report", tmp / "r.html", "--workers", workers]
    runs = [duokong("run", inbox, *common)]
    for c in cases:
        write_case(inbox, c, later=True)
    runs.append(duokong("run", inbox, *common))
    after = table_counts(db)
    runs.append(duokong("run", inbox, *common))
    again = table_counts(db)
    runs.append(duokong("run", inbox, *common, "--full"))
    full = table_counts(db)
    crashes = sum(r.crashed or r.rc != 0 for r in runs)
    for r in runs:
        if r.rc != 0:
            print(f"run failed ({r.rc}): {r.err.strip()[-800:]}", file=sys.stderr)
    converged = after == again == full
    con = duckdb.connect(str(db), read_only=True)
    rows = []
    try:
        for c in cases:
            f = check_case(con, inbox, c)
            rows.append(
                Row(
                    c.name,
                    c.inputs,
                    crashes,
                    f.lost + f.garbled,
                    f.duplicates,
                    f"{f.rejects}/{f.rejects_expected}",
                    "yes" if converged else "NO",
                    "; ".join(f.problems)[:120] + (f" ({f.garbled} garbled)" if f.garbled else ""),
                )
            )
        skipped = con.execute("SELECT skipped, version FROM runs ORDER BY started").fetchall()
    finally:
        con.close()
    print(f"data runs: {[round(r.seconds, 1) for r in runs]} s, pipeline {skipped[0][1]}")
    for r, (_, version) in zip(runs, skipped, strict=True):
        print(
            f"  {r.out.splitlines()[0] if r.out else r.err[-200:]}"
            + f" [{version}]" * (version != skipped[0][1])
        )
    if not converged:
        print(f"tables after run 2, 3, --full: {after} {again} {full}", file=sys.stderr)
    return rows


def _good_inbox(tmp: Path, name: str, n: int = 20) -> Path:
    box = tmp / name
    files = sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".html", ".txt"))[:n]
    for p in files:
        dest = box / p.relative_to(SAMPLES)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(p, dest)
    return box


def _landed(db: Path, box: Path) -> tuple[int, int, int]:
    """(good pages expected, pages missing from `pages`, duplicate rows)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        keys = {k for (k,) in con.execute("SELECT page_key FROM pages").fetchall()}
        rejected = {k for (k,) in con.execute("SELECT source FROM rejects").fetchall()}
        dup = (
            con.execute("SELECT count(*) - count(DISTINCT page_key) FROM pages").fetchone()[0]
            + con.execute(
                "SELECT count(*) - count(DISTINCT (source, stage, reason)) FROM rejects"
            ).fetchone()[0]
        )
    finally:
        con.close()
    files = [str(p) for p in box.rglob("*") if p.is_file()]
    lost = sum(1 for f in files if f not in keys and f not in rejected)
    return len(files), lost, dup


def process_faults(tmp: Path, workers: int) -> list[Row]:
    rows = []
    # SIGKILL inside the second batch's write transaction, then a rerun.
    box, db = _good_inbox(tmp, "kill"), tmp / "kill" / "w.duckdb"
    common = ["--db", db, "--report", tmp / "k.html", "--workers", workers, "--batch-size", 4]
    killed = duokong("run", box, *common, kill_at=2)
    rerun = duokong("run", box, *common)
    n, lost, dup = _landed(db, box)
    third = duokong("run", box, *common)
    con = duckdb.connect(str(db), read_only=True)
    statuses = [s for (s,) in con.execute("SELECT status FROM runs ORDER BY started").fetchall()]
    con.close()
    rows.append(
        Row(
            "SIGKILL during the write, rerun",
            n,
            int(killed.rc != -signal.SIGKILL) + rerun.crashed + (rerun.rc != 0) + third.crashed,
            lost,
            dup,
            "-",
            "yes" if "0 new" in third.out and "0 updated" in third.out else "NO",
            f"runs: {statuses}",
        )
    )
    # Two runs started at once: without --wait one refuses in one line; with --wait both write.
    box, db = _good_inbox(tmp, "twice"), tmp / "twice" / "w.duckdb"
    common = ["--db", db, "--report", tmp / "t.html", "--workers", workers]
    a, b = start(["run", box, *common]), start(["run", box, *common])
    ra, rb = finish(a), finish(b)
    ok = [r for r in (ra, rb) if r.rc == 0]
    refused = [r for r in (ra, rb) if r.refused_cleanly and "another duokong run holds" in r.err]
    n, lost, dup = _landed(db, box)
    rows.append(
        Row(
            "two runs at once (no wait)",
            n,
            sum(r.crashed for r in (ra, rb)) + (len(ok) != 1),
            lost,
            dup,
            "-",
            "yes" if len(refused) == 1 else "NO",
            refused[0].err.strip().splitlines()[-1][:110] if refused else "no clean refusal",
        )
    )
    db2 = tmp / "twice" / "w2.duckdb"
    common = ["--db", db2, "--report", tmp / "t2.html", "--workers", workers, "--wait", 600]
    a, b = start(["run", box, *common]), start(["run", box, *common])
    ra, rb = finish(a), finish(b)
    n, lost, dup = _landed(db2, box)
    skipped_second = any("0 new" in r.out and " 0 skipped" not in r.out for r in (ra, rb))
    rows.append(
        Row(
            "two runs at once (--wait 600)",
            n,
            sum(r.crashed or r.rc != 0 for r in (ra, rb)),
            lost,
            dup,
            "-",
            "yes" if skipped_second else "NO",
            "the second waits, then skips",
        )
    )
    # The database file read-only.
    os.chmod(db2, 0o444)
    ro = duokong("run", box, "--db", db2, "--report", tmp / "ro.html")
    os.chmod(db2, 0o644)
    rows.append(
        Row(
            "database file read-only",
            n,
            int(ro.crashed or not ro.refused_cleanly),
            0,
            0,
            "-",
            "-",
            ro.err.strip().splitlines()[-1][:110] if ro.err.strip() else "(no message)",
        )
    )
    # The database's folder missing.
    db3 = tmp / "no" / "such" / "folder" / "w.duckdb"
    md = duokong("run", box, "--db", db3, "--report", tmp / "md.html", "--workers", workers)
    n, lost, dup = _landed(db3, box) if db3.exists() else (n, n, 0)
    rows.append(
        Row(
            "database folder missing",
            n,
            int(md.crashed or md.rc != 0),
            lost,
            dup,
            "-",
            "-",
            "created" if db3.exists() else md.err.strip()[-110:],
        )
    )
    return rows


def print_table(rows: list[Row]) -> None:
    head = ("case", "inputs", "crashes", "pages lost", "duplicates", "rejects", "converges")
    widths = [
        max(len(h), *(len(str(getattr(r, f))) for r in rows))
        for h, f in zip(
            head,
            ("case", "inputs", "crashes", "lost", "duplicates", "rejects", "converges"),
            strict=True,
        )
    ]
    line = " | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True))
    print(line + "\n" + "-" * len(line))
    for r in rows:
        cells = (r.case, r.inputs, r.crashes, r.lost, r.duplicates, r.rejects, r.converges)
        print(" | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)), end="")
        print(f"   {r.note}" if r.note else "")
    total = (
        sum(r.inputs for r in rows),
        sum(r.crashes for r in rows),
        sum(r.lost for r in rows),
        sum(r.duplicates for r in rows),
    )
    print(
        f"\ntotal: {total[0]} inputs tried, {total[1]} crashes, {total[2]} pages lost, {total[3]} duplicates"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="leave out the 20 MB pages")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from flows import configure
    from flows.serve import local_prefect_server

    configure()
    # Short fetch timeouts when the settings have them (the /slow URL would cost ~50 s a run).
    os.environ.setdefault("DUOKONG_FETCH_TIMEOUT_S", "2")
    os.environ.setdefault("DUOKONG_FETCH_RETRIES", "1")
    t0 = time.monotonic()
    global CODE
    with (
        tempfile.TemporaryDirectory(prefix="duokong-faults-") as tmp,
        http_server() as server,
        local_prefect_server(),
    ):
        CODE = snapshot(Path(tmp))
        rows = data_cases(Path(tmp), server, args.workers, slow=not args.quick)
        rows += process_faults(Path(tmp), args.workers)
    print_table(rows)
    print(f"in {time.monotonic() - t0:.0f} s")


if __name__ == "__main__":
    main()
