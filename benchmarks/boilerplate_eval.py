"""Boilerplate removal on ../shared/eval/boilerplate, side by side with the extractors people
would otherwise pick, on the same pages, in one run.

    .venv/bin/python benchmarks/boilerplate_eval.py [--half test|dev|both] [--raw-input]

Metric (issue 3): per-page F1 of the multiset of characters of the extracted text against the
gold main text, after NFKC, ignoring whitespace, punctuation and symbols (Unicode categories P,
S, Z, C); empty output scores 0; the mean over pages. Pages in known_defects.json are left out.
duokong is scored as title + body (the gold keeps the headline as its first line); the others
as their main text output. Under each table, duokong's difference from each reference extractor
page by page, with a 95 % bootstrap interval over the pages (a half of 34 pages moves by 0.03
with one page). Reference extractors that are not installed are skipped with a note
(`pip install -e '.[bench]'` installs readability-lxml, goose3, GNE and jusText).

Every reference extractor is handed the page decoded as duokong decodes it (UTF-8, charset
declaration removed), so the table compares boilerplate removal alone; `--raw-input` hands the
bytes as saved instead, as a user calling them would, which adds their encoding mistakes (on
the immortal-autumn test half trafilatura favor_precision scores 0.911 prepared, 0.729 raw).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
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
from pipeline.scoring import char_f1 as f1  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402
from pipeline.sources import pages_of  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "boilerplate"


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

    return lambda html: trafilatura.extract(_given(html), include_comments=False) or ""


def trafilatura_precision() -> Callable[[bytes], str]:
    import trafilatura

    return lambda html: (
        trafilatura.extract(_given(html), include_comments=False, favor_precision=True) or ""
    )


def readability() -> Callable[[bytes], str]:
    from lxml import html as lxml_html
    from readability import Document

    def run(data: bytes) -> str:
        summary = Document(_given(data)).summary()
        return lxml_html.fromstring(summary).text_content() if summary.strip() else ""

    return run


_CHARSET_META = re.compile(rb"<meta[^>]*charset[^>]*>", re.IGNORECASE)
_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*>")
_CLEANEVAL_OPEN = re.compile(rb"^\s*<text\b[^>]*>")
_CLEANEVAL_CLOSE = re.compile(rb"</text>\s*$")


def _prepared(data: bytes) -> bytes:
    """What every reference extractor is given: the page decoded the way duokong decodes it, as
    UTF-8 without its charset or XML declaration, and a CleanEval <text …> wrapper made <html><body>.
    They are judged on removing boilerplate, not on guessing encodings: given the raw bytes,
    goose3 returns nothing on the GBK pages and the wrapped ones (0.65 on the immortal-autumn
    dev half against 0.89 prepared)."""
    from pipeline.decode import decode

    utf8 = decode(data, "eval")[0].encode("utf-8")
    utf8 = _CHARSET_META.sub(b"", _XML_DECLARATION.sub(b"", utf8))
    return _CLEANEVAL_CLOSE.sub(b"</body></html>", _CLEANEVAL_OPEN.sub(b"<html><body>", utf8))


RAW_INPUT = False  # --raw-input: the bytes as saved, as a user would call each extractor


def _given(data: bytes) -> bytes:
    """What an extractor that takes bytes is handed: prepared, or as saved with --raw-input."""
    return data if RAW_INPUT else _prepared(data)


def _text_of(data: bytes) -> str:
    return _prepared(data).decode("utf-8")


def goose() -> Callable[[bytes], str]:
    from goose3 import Goose
    from goose3.text import StopWordsChinese

    g = Goose({"stopwords_class": StopWordsChinese})
    return lambda html: g.extract(raw_html=_given(html)).cleaned_text or ""


def gne() -> Callable[[bytes], str]:
    from gne import GeneralNewsExtractor

    extractor = GeneralNewsExtractor()
    return lambda html: extractor.extract(_text_of(html)).get("content") or ""


def justext_run() -> Callable[[bytes], str]:
    """jusText has no Chinese stoplist: with an empty one and both stopword thresholds at 0 it
    classifies paragraphs by length and link density alone (as trafilatura uses it for languages
    it has no list for)."""
    import justext

    def run(data: bytes) -> str:
        paragraphs = justext.justext(_given(data), frozenset(), stopwords_low=0, stopwords_high=0)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def all_paragraphs() -> Callable[[bytes], str]:
    """The naive baseline: the text of every <p>."""
    from lxml import html as lxml_html

    def run(data: bytes) -> str:
        tree = lxml_html.fromstring(_text_of(data))
        return "\n".join(p.text_content() for p in tree.iter("p"))

    return run


EXTRACTORS = {
    "duokong": duokong,
    "trafilatura (favor_precision)": trafilatura_precision,
    "trafilatura (default)": trafilatura_default,
    "readability-lxml": readability,
    "goose3 (Chinese stopwords)": goose,
    "GNE": gne,
    "jusText (no stoplist)": justext_run,
    "all <p> text": all_paragraphs,
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


def _day(text: str | None) -> str | None:
    """YYYY-MM-DD from a date as GNE returns it (2020-11-26 08:04, 2020年11月26日)."""
    m = re.search(r"(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})", text or "")
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None


def metadata(half: str) -> None:
    """Title (DAnIEL: the gold's first line), date and author (immortal-autumn), for duokong,
    trafilatura's bare_extraction and GNE (each when installed), on the same pages."""
    analyzer = analyzer_for(load_settings())
    try:
        import trafilatura
    except ImportError:
        trafilatura = None
    try:
        from gne import GeneralNewsExtractor

        gne_extract = GeneralNewsExtractor().extract
    except ImportError:
        gne_extract = None

    def read(html: bytes) -> dict[str, dict]:
        """title, date, author by each extractor."""
        a = analyzer.process(RawPage("eval", html, "html"), analyse=False).article
        out = {
            "duokong": {
                "title": a.title if a else None,
                "date": a.published.isoformat() if a and a.published else None,
                "author": a.author if a else None,
            }
        }
        if trafilatura is not None:
            t = trafilatura.bare_extraction(
                _given(html), include_comments=False, with_metadata=True
            )
            out["trafilatura"] = {
                "title": getattr(t, "title", None),
                "date": getattr(t, "date", None) or None,
                "author": getattr(t, "author", None),
            }
        if gne_extract is not None:
            try:
                g = gne_extract(_text_of(html))
            except Exception:  # GNE raises on some pages; that page scores as nothing found
                g = {}
            out["GNE"] = {
                "title": g.get("title"),
                "date": _day(g.get("publish_time")),
                "author": g.get("author") or None,
            }
        return out

    rows: dict[str, dict[str, list[bool]]] = {"title": {}, "date": {}, "author": {}}
    for _pid, html, gold, _ in pages("daniel_zh", half):
        gold_title = _norm(gold.splitlines()[0])
        for name, got in read(html).items():
            rows["title"].setdefault(name, []).append(_norm(got["title"]) == gold_title)
    folder = DATA / "immortal_autumn_zh"
    for pid, html, _, _ in pages("immortal_autumn_zh", half):
        gold_date = _gold_date((folder / "date" / f"{pid}.txt").read_text("utf-8"))
        names = (folder / "author" / f"{pid}.txt").read_text("utf-8").split()
        names = [] if names == ["UNKNOWN"] else names
        for name, got in read(html).items():
            rows["date"].setdefault(name, []).append(got["date"] == gold_date)
            rows["author"].setdefault(name, []).append(_author_hit(names, got["author"]))
    print(
        f"\nmetadata, {half} half (share correct; a page without a date or author must get none):"
    )
    for key, by_name in rows.items():
        cells = "   ".join(f"{name} {sum(v) / len(v):.3f}" for name, v in by_name.items())
        pages_n = len(next(iter(by_name.values())))
        print(f"  {key:<7} {cells}   ({pages_n} pages)")


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


def dump_metadata() -> None:
    """Headline and publish date of the 130 real dumps of ../shared/eval/commentary/pages.jsonl,
    read from the text alone, against the title and date the scraper recorded beside it. A
    scraper's title is sometimes its URL's slug, which no dump shows: the headline is scored on
    the pages whose text shows the scraper's title."""
    folder = ROOT.parent / "shared" / "eval" / "commentary"
    analyzer = analyzer_for(load_settings())
    titles = titled = dates = dated = 0
    for line in (folder / "pages.jsonl").read_text("utf-8").splitlines():
        if not line.strip():
            continue
        page = json.loads(line)
        raw = next(pages_of(RawPage(page["id"], page["text"].encode(), "text")))
        art = analyzer.process(raw, analyse=False).article if isinstance(raw, RawPage) else None
        title = _norm(page.get("title"))
        if title and title in _norm(page["text"]):
            titled += 1
            titles += bool(art) and _norm(art.title) == title
        if page.get("published") and len(page["published"]) == 10:
            dated += 1
            dates += bool(art and art.published) and art.published.isoformat() == page["published"]
    print(
        f"text dumps (pages.jsonl, text alone): headline right {titles}/{titled} "
        f"({titles / max(titled, 1):.1%}) where the dump shows the scraper's title; "
        f"publish date right {dates}/{dated} ({dates / max(dated, 1):.1%})"
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


OUR_PAGES = ROOT / "data" / "labelled" / "extraction"


def our_pages(extractors: dict[str, Callable[[bytes], str]]) -> None:
    """The pages we wrote for extraction (data/labelled/extraction: 2000s portals, forums and
    blogs, 2020s news, notices and archives, 2018-2025 commentary): body char-F1 of every extractor against the
    headline and the body, as DAnIEL's gold has them; duokong's title, date and author."""
    golds = [
        (folder, json.loads(line))
        for folder in sorted(p for p in OUR_PAGES.iterdir() if p.is_dir())
        for line in (folder / "gold.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    for folder in sorted({f for f, g in golds if g["path"].endswith(".txt")}):
        our_dumps([(f, g) for f, g in golds if f == folder])
    golds = [(folder, g) for folder, g in golds if not g["path"].endswith(".txt")]
    print(f"\nour extraction pages ({len(golds)}, data/labelled/extraction), mean char-F1")
    for name, run in extractors.items():
        scores = []
        for folder, g in golds:
            try:
                out = run((folder / "pages" / g["path"]).read_bytes())
            except Exception:
                out = ""
            scores.append(f1(out, f"{g['title']}\n{g['body']}"))
        print(f"  {name:<30} {statistics.mean(scores):12.3f}")
    analyzer = analyzer_for(load_settings())
    hits = Counter()
    for folder, g in golds:
        path = folder / "pages" / g["path"]
        art = analyzer.process(RawPage(str(path), path.read_bytes(), "html"), analyse=False).article
        day = g["published"] if g["published"] and len(g["published"]) == 10 else None
        hits["title"] += bool(art) and _norm(art.title) == _norm(g["title"])  # as DAnIEL's
        hits["date"] += (art.published.isoformat() if art and art.published else None) == day
        hits["author"] += _author_hit((g["author"] or "").split(), art.author if art else None)
    print("  duokong metadata: " + "   ".join(f"{k} {v / len(golds):.3f}" for k, v in hits.items()))


def our_dumps(golds: list[tuple[Path, dict]]) -> None:
    """The plain-text dumps we wrote (data/labelled/extraction, *.txt): no reference extractor
    reads this form, so duokong's figures alone."""
    if not golds:
        return
    analyzer = analyzer_for(load_settings())
    scores, hits, drop, dropped = [], Counter(), 0, 0
    for folder, g in golds:
        path = folder / "pages" / g["path"]
        art = analyzer.process(RawPage(str(path), path.read_bytes(), "text"), analyse=False).article
        scores.append(f1(art.body if art else "", g["body"]))
        body = _norm(art.body if art else "")
        drop += len(g["drop"])
        dropped += sum(_norm(d) not in body for d in g["drop"])
        hits["title"] += bool(art) and _norm(art.title) == _norm(g["title"])
        day = g["published"] if g["published"] and len(g["published"]) == 10 else None
        hits["date"] += (art.published.isoformat() if art and art.published else None) == day
        hits["author"] += _author_hit((g["author"] or "").split(), art.author if art else None)
        hits["site"] += bool(art) and art.site == g["site"]
    print(
        f"\nour text dumps ({len(golds)}, {golds[0][0].name}): body char-F1 "
        f"{statistics.mean(scores):.3f}, drop gone {dropped}/{drop}; "
        + "   ".join(f"{k} {v / len(golds):.3f}" for k, v in hits.items())
    )


def paired_difference(
    ours: list[float], theirs: list[float], resamples: int = 2000
) -> tuple[float, float, float]:
    """Mean of ours − theirs over the same pages and its 95 % bootstrap interval (pages drawn
    with replacement, a fixed seed). A half of 33 pages moves by 0.03 with one page: whether a
    gap between two extractors is more than the draw of pages is what this says."""
    diffs = [a - b for a, b in zip(ours, theirs, strict=True)]
    rng = random.Random(0)
    means = sorted(statistics.fmean(rng.choices(diffs, k=len(diffs))) for _ in range(resamples))
    return statistics.fmean(diffs), means[int(0.025 * resamples)], means[int(0.975 * resamples)]


def differences(per_page: dict[str, list[float]]) -> None:
    """duokong against each reference extractor, page by page."""
    ours = per_page.get("duokong")
    if ours is None:
        return
    for name, theirs in per_page.items():
        if name == "duokong":
            continue
        diff, low, high = paired_difference(ours, theirs)
        wins = sum(a > b + 0.01 for a, b in zip(ours, theirs, strict=True))
        losses = sum(b > a + 0.01 for a, b in zip(ours, theirs, strict=True))
        print(
            f"    duokong − {name:<22} {diff:+.3f} (95 % CI {low:+.3f} … {high:+.3f}); "
            f"better on {wins}, worse on {losses} pages (by > 0.01)"
        )


_HAN = re.compile(r"[\u4e00-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", choices=["test", "dev", "both"], default="test")
    ap.add_argument(
        "--raw-input",
        action="store_true",
        help="hand trafilatura, readability, goose3 and jusText the bytes as saved (they then "
        "guess the encoding themselves) instead of the page decoded as duokong decodes it",
    )
    args = ap.parse_args()
    global RAW_INPUT
    RAW_INPUT = args.raw_input
    halves = ["dev", "test"] if args.half == "both" else [args.half]
    extractors = {}
    for name, make in EXTRACTORS.items():
        try:
            extractors[name] = make()
        except ImportError as exc:
            print(f"(skipped {name}: {exc})")
    if not DATA.is_dir():
        print(f"({DATA} is absent: only the pages in this repository are scored)")
        our_pages(extractors)
        return
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
            per_page: dict[str, list[float]] = {}
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
                per_page[name] = [scores[i[0]] for i in items]
            differences(per_page)
        metadata(half)
    other_pages(extractors)
    our_pages(extractors)
    text_dumps()
    dump_metadata()


if __name__ == "__main__":
    main()
