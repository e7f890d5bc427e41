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


def _norm(text: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def _gold_date(text: str) -> str | None:
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text.strip())
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None


def _author_hit(names: list[str], value: str | None) -> bool:
    """Right when it names one of the gold authors; a page with none must get none."""
    if not names:
        return not value
    return bool(value) and any(n in value or value in n for n in names)


def metadata(half: str) -> None:
    """Title (DAnIEL: the gold's first line), date and author (immortal-autumn), for duokong and
    trafilatura's bare_extraction, on the same pages."""
    import trafilatura

    analyzer = analyzer_for(load_settings())

    def ours(html: bytes):
        return analyzer.process(RawPage("eval", html, "html"), analyse=False).article

    def theirs(html: bytes):
        return trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)

    rows = {"title": [], "date": [], "author": []}
    for _pid, html, gold, _ in pages("daniel_zh", half):
        gold_title = _norm(gold.splitlines()[0])
        a, t = ours(html), theirs(html)
        rows["title"].append(
            (
                _norm(a.title if a else "") == gold_title,
                _norm(getattr(t, "title", None)) == gold_title,
            )
        )
    folder = DATA / "immortal_autumn_zh"
    for pid, html, _, _ in pages("immortal_autumn_zh", half):
        a, t = ours(html), theirs(html)
        gold_date = _gold_date((folder / "date" / f"{pid}.txt").read_text("utf-8"))
        our_date = a.published.isoformat() if a and a.published else None
        their_date = getattr(t, "date", None)
        rows["date"].append((our_date == gold_date, (their_date or None) == gold_date))
        names = (folder / "author" / f"{pid}.txt").read_text("utf-8").split()
        names = [] if names == ["UNKNOWN"] else names

        def hit(value: str | None, names: list[str] = names) -> bool:
            if not names:
                return not value
            return bool(value) and any(n in value or value in n for n in names)

        rows["author"].append((hit(a.author if a else None), hit(getattr(t, "author", None))))
    print(
        f"\nmetadata, {half} half (share correct; a page without a date or author must get none):"
    )
    for key, pairs in rows.items():
        ours_ok = sum(p[0] for p in pairs) / len(pairs)
        theirs_ok = sum(p[1] for p in pairs) / len(pairs)
        print(
            f"  {key:<7} duokong {ours_ok:.3f}   trafilatura {theirs_ok:.3f}   ({len(pairs)} pages)"
        )


def text_dumps() -> None:
    """Plain-text page dumps (../shared/eval/commentary/body.jsonl): keep strings survive, drop
    strings go, body bounds."""
    folder = ROOT.parent / "shared" / "eval" / "commentary"
    texts = {
        json.loads(line)["id"]: json.loads(line)
        for line in (folder / "pages.jsonl").read_text("utf-8").splitlines()
    }
    analyzer = analyzer_for(load_settings())
    keep = kept = drop = dropped = first = last = n = 0
    for line in (folder / "body.jsonl").read_text("utf-8").splitlines():
        gold = json.loads(line)
        page = texts[gold["id"]]
        art = analyzer.process(
            RawPage(gold["id"], page["text"].encode(), "text"), analyse=False
        ).article
        body = _norm(art.body if art else "")
        n += 1
        keep += len(gold["keep"])
        kept += sum(_norm(k) in body for k in gold["keep"])
        drop += len(gold["drop"])
        dropped += sum(_norm(d) not in body for d in gold["drop"])
        first += body.startswith(_norm(gold["body_first"]))
        last += body.endswith(_norm(gold["body_last"]))
    print(
        f"\ntext dumps ({n} pages of body.jsonl): keep kept {kept}/{keep}, drop gone {dropped}/{drop} "
        f"({dropped / max(drop, 1):.1%}), body start right {first}/{n}, end right {last}/{n}"
    )


def other_pages(extractors: dict[str, Callable[[bytes], str]]) -> None:
    """The other Chinese pages with gold in ../shared (neither half: development pages too):
    Readability's test pages (char-F1 against its expected output) and trafilatura's eval pages
    (a page passes when every `with` string is in the output and no `without` string is)."""
    readable = sorted(p for p in (DATA / "readability_testpages_zh").glob("*/source.html"))
    traf_dir = DATA / "trafilatura_eval_zh"
    traf = json.loads((traf_dir / "gold.json").read_text("utf-8"))
    traf = {  # Chinese pages: Han characters and no kana (one page is Japanese)
        k: v
        for k, v in traf.items()
        if _HAN.search(w := "".join(v.get("with", []))) and not _KANA.search(w)
    }
    print(
        f"\nother pages: readability test pages ({len(readable)}, mean char-F1), "
        f"trafilatura eval pages ({len(traf)} Chinese, pages passed)"
    )
    from lxml import html as lxml_html

    for name, run in extractors.items():
        scores = []
        for src in readable:
            expected = (src.parent / "expected.html").read_text("utf-8")
            try:
                scores.append(
                    f1(run(src.read_bytes()), lxml_html.fromstring(expected).text_content())
                )
            except Exception:
                scores.append(0.0)
        passed = 0
        for item in traf.values():
            try:
                out = _norm(run((traf_dir / "html" / item["file"]).read_bytes()))
            except Exception:
                continue
            passed += all(_norm(w) in out for w in item.get("with", [])) and not any(
                _norm(w) in out for w in item.get("without", [])
            )
        print(f"  {name:<30} {statistics.mean(scores):12.3f} {passed:>6}/{len(traf)}")


_HAN = re.compile(r"[\u4e00-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")


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
        metadata(half)
    other_pages(extractors)
    text_dumps()


if __name__ == "__main__":
    main()
