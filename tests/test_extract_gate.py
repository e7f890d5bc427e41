"""Evaluation gate for extraction on pages we wrote (data/samples, gold in
data/labelled/samples-gold), in the spirit of trafilatura's tests/eval_gate.py.

test_samples.py checks each page on its own; this gate scores the whole set at once, per field,
and pins each score at its current value, so that a change that trades one field for another, or
that loses a little everywhere, fails with the figures in the message. Raise a floor when a change
improves a score; never lower one to make a change pass. (A floor is a share over all the pages
in the gate: a new set of pages written blind, harder than the ones the rules grew on, is the one
reason to set it lower, and the commit that adds the set says how the pages already there fared.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest

from pipeline.batch import read_inputs
from pipeline.records import RawPage
from pipeline.scoring import char_f1
from pipeline.settings import PROJECT_ROOT
from pipeline.sources import discover
from tests.conftest import GOLD_DIR, SAMPLES

# Current values (all samples, December 2026). Shares of pages, or of keep/drop strings.
FLOORS = {
    "body_first": 1.0,
    "body_last": 1.0,
    "keep": 1.0,
    "drop": 1.0,
    "title": 1.0,
    "published": 1.0,
    "author": 1.0,
    "site": 1.0,
    "extracted": 1.0,
}


def _compact(text: str | None) -> str:
    return "".join((text or "").split())


@dataclass
class Scores:
    hits: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add(self, key: str, ok: bool, where: str) -> None:
        self.totals[key] = self.totals.get(key, 0) + 1
        self.hits[key] = self.hits.get(key, 0) + ok
        if not ok:
            self.misses.append(f"{where}: {key}")

    def share(self, key: str) -> float:
        return self.hits.get(key, 0) / self.totals[key]


def _gold() -> list[dict]:
    return [
        json.loads(line)
        for f in sorted(GOLD_DIR.glob("*.jsonl"))
        for line in f.read_text("utf-8").splitlines()
        if line.strip()
    ]


def _score_page(scores: Scores, gold: dict, art) -> None:
    where = gold["path"]
    scores.add("extracted", art is not None, where)
    if art is None:
        return
    body = _compact(art.body)
    scores.add("body_first", body.startswith(_compact(gold["body_first"])), where)
    scores.add("body_last", body.endswith(_compact(gold["body_last"])), where)
    for s in gold.get("keep", []):
        scores.add("keep", _compact(s) in body, where)
    for s in gold.get("drop", []):
        scores.add("drop", _compact(s) not in body, where)
    got = {"published": art.published.isoformat() if art.published else None}
    for key in ("title", "published", "author", "site"):
        if key == "published" or gold.get(key) is not None:
            scores.add(key, got.get(key, getattr(art, key, None)) == gold.get(key), where)


@pytest.fixture(scope="module")
def scores(analyzer, settings) -> Scores:
    result = Scores()
    for gold in _gold():
        pages = [
            p
            for p in read_inputs(discover([SAMPLES / gold["path"]]), settings)
            if isinstance(p, RawPage)
        ]
        art = analyzer.process(pages[0], analyse=False).article if pages else None
        _score_page(result, gold, art)
    return result


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_extraction_stays_above_its_floor(scores: Scores, key: str):
    share = scores.share(key)
    misses = [m for m in scores.misses if m.endswith(f": {key}")]
    assert share >= FLOORS[key], f"{key} {share:.3f} < floor {FLOORS[key]:.3f}: {misses[:10]}"


def test_gate_covers_every_field_on_enough_pages(scores: Scores):
    """A gate over a handful of pages pins nothing: every field is scored on many of them."""
    assert scores.totals["extracted"] >= 40
    for key in ("title", "published", "author", "site", "keep", "drop"):
        assert scores.totals[key] >= 20, key


# The pages written for extraction (data/labelled/extraction: 2000s portals, forums, blogs, book
# chapters and papers, 2010s-2020s news, notices, reposts, tables, 2018-2026 tech and finance
# commentary, plain-text dumps). Current values, December 2026, 900 pages: the floors were lowered
# when dumps-2020-2026-q, -r, -s and later sets up to -ah, each written blind, came in (the
# pages before each held every floor). Rules were developed on these pages, so the floors pin
# what works rather than measure it (benchmarks/boilerplate_eval.py measures on
# ../shared). Still below 1: papers whose header lines the gold keeps, a hosted blog read as its
# service rather than by its own name (the later sets' gold; the earlier ones name the service),
# reports' speakers and reposts' original writers as authors, authors on cards far below the
# headline (a video page's uploader) or glued to the date in one line of links, a day-first
# date that could be read either way (05/03/2013 on a Macau page: left undated). Headlines are
# compared with their spaces as one kind (the DAnIEL benchmark ignores them). The first scores
# of each set are in data/labelled/extraction/README.md.
EXTRACTION_SETS = PROJECT_ROOT / "data" / "labelled" / "extraction"
EXTRACTION_FLOORS = {
    "body_f1": 0.986,
    "drop": 0.970,
    "title": 0.947,
    "published": 0.962,
    "author": 0.941,
    "site": 0.888,
}


def _day(value: str | None) -> str | None:
    """A gold date of month or year precision (1998-03, 2018) is no publish day."""
    return value if value and len(value) == 10 else None


def _credits(names: list[str], author: str | None) -> bool:
    """Right when the author names one of the credited writers (a page of five reporters is
    credited by its first); a page that credits nobody must get none."""
    if not names:
        return not author
    return bool(author) and any(n in author for n in names)


def _spaced(title: str | None) -> str | None:
    """A headline with its spaces as one kind: the gold keeps a full-width space as the page
    shows it (輝達市值衝天\u3000散戶別只看一隻股), duokong writes every run of spaces as one space."""
    return " ".join(title.split()) if title else title


@pytest.fixture(scope="module")
def extraction_scores(analyzer) -> tuple[Scores, list[float]]:
    result, body_f1 = Scores(), []
    for folder in sorted(p for p in EXTRACTION_SETS.iterdir() if p.is_dir()):
        for line in (folder / "gold.jsonl").read_text("utf-8").splitlines():
            gold = json.loads(line)
            path = folder / "pages" / gold["path"]
            kind = "text" if path.suffix == ".txt" else "html"  # a plain-text page dump
            art = analyzer.process(RawPage(str(path), path.read_bytes(), kind), analyse=False)
            art = art.article
            where = f"{folder.name}/{gold['path']}"
            body_f1.append(char_f1(art.body if art else "", gold["body"]))
            body = _compact(art.body if art else "")
            for s in gold["drop"]:
                result.add("drop", _compact(s) not in body, where)
            published = art.published.isoformat() if art and art.published else None
            names = (gold["author"] or "").split()
            got_author = art.author if art else None
            result.add("title", bool(art) and _spaced(art.title) == _spaced(gold["title"]), where)
            result.add("published", published == _day(gold["published"]), where)
            result.add(
                "author",
                (not names and not got_author)
                or bool(got_author and got_author in names)
                or bool(got_author and all(n in got_author for n in names[:1])),
                where,
            )
            result.add("site", bool(art) and art.site == gold["site"], where)
    return result, body_f1


@pytest.mark.parametrize("key", sorted(EXTRACTION_FLOORS))
def test_written_pages_stay_above_their_floor(extraction_scores, key: str):
    scores, body_f1 = extraction_scores
    if key == "body_f1":
        mean = sum(body_f1) / len(body_f1)
        assert mean >= EXTRACTION_FLOORS[key], f"body char-F1 {mean:.3f}"
        return
    share = scores.share(key)
    misses = [m for m in scores.misses if m.endswith(f": {key}")]
    assert share >= EXTRACTION_FLOORS[key], f"{key} {share:.3f} < floor: {misses[:10]}"
