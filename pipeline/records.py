"""Plain records passed between the pipeline stages.

Every stage is a function over these frozen dataclasses, so that a stage can be tested, cached
and moved to another process without knowing about Prefect or DuckDB.
"""

from __future__ import annotations

import hashlib
import math
import unicodedata
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, Literal
from uuid import UUID

StanceLabel = Literal["bullish", "bearish", "neutral", "none"]
Direction = Literal["up", "down", "other"]
Hedge = Literal["certain", "likely", "possible"]
Speaker = Literal["author", "reported"]
HorizonSource = Literal["stated", "inherited"]


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def utcnow() -> datetime:
    return datetime.now(UTC)


def normalise_for_id(text: str) -> str:
    """NFKC and whitespace-free text, so that re-wrapped or re-spaced copies hash the same."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@dataclass(frozen=True)
class RawPage:
    """One input as read from disk or the network, before decoding."""

    source: str  # path or URL it came from (plus '#n' for one record of a WARC file)
    data: bytes
    kind: Literal["html", "text", "json", "unknown"]
    url: str | None = None
    http_charset: str | None = None  # charset given by an HTTP header, when there was one
    fetched_at: datetime | None = None
    # Metadata a scraper handed over beside the page (a JSON record's title, published, author,
    # site, category): it fills what extraction does not find on the page itself.
    supplied: tuple[tuple[str, str], ...] = ()

    @property
    def raw_hash(self) -> str:
        return sha256_hex(self.data)


@dataclass(frozen=True)
class Article:
    id: str
    url: str | None
    source: str
    site: str | None
    title: str | None
    author: str | None
    published: date | None
    category: str | None
    body: str
    extractor: str
    # The relaying writer's note that the body leaves out (编者按, 译者按: extract/notes.py):
    # the stance stage reads it before the body, as the writer's own view.
    note: str = ""
    raw_hash: str = ""
    encoding: str | None = None
    # What identifies the page across runs: the URL it was fetched from, else where it was read.
    # Never the page's own canonical link: sites put one canonical on many pages.
    page_key: str = ""
    # When it was fetched (a WARC record's date): of two copies of a page, the newer is kept.
    fetched_at: datetime | None = None
    # Read from HTML that ends before </html>: a copy cut off, if its text is the head of the
    # page's last good copy (the writer refuses it then; warehouse/load.py _cut_copies)
    cut_off: bool = False
    # A publish date the page gives that is still to come, not taken (extract/dates.first_past):
    # its input is read again on each run until that day, when the page is dated
    dated_ahead: date | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n") if p.strip()]


@dataclass(frozen=True)
class Mention:
    target: str
    text: str  # as written in the body
    start: int  # character offsets in the body
    end: int
    kind: Literal["name", "alias", "product", "person", "related"] = "name"


@dataclass(frozen=True)
class Stance:
    article_id: str
    target: str
    label: StanceLabel
    score: float
    evidence: tuple[str, ...]
    model: str


@dataclass(frozen=True)
class Prediction:
    id: str
    article_id: str
    quote: str
    target: str | None
    direction: Direction
    horizon: str | None
    due: date | None
    window_start: date | None
    conditional: bool
    condition: str | None
    hedge: Hedge
    status: str = "open"
    speaker: Speaker = "author"  # or "reported": a claim the author attributes to someone else
    horizon_source: HorizonSource | None = None  # "stated" in the quote, or "inherited"


@dataclass(frozen=True)
class Reject:
    source: str
    stage: str  # read | decode | extract | analyze | write | fetch
    reason: str  # short machine-friendly reason, e.g. "empty-file"
    detail: str
    at: datetime
    raw_hash: str | None = None

    @classmethod
    def now(
        cls, source: str, stage: str, reason: str, detail: str, data: bytes | None = None
    ) -> Reject:
        """A reject stamped with the current time, with the hash of the refused bytes if any."""
        return cls(
            source, stage, reason, detail, utcnow(), sha256_hex(data) if data is not None else None
        )


@dataclass(frozen=True)
class PageResult:
    """What the pipeline made of one input: an analysed article or the reason it was refused."""

    source: str
    article: Article | None = None
    stances: tuple[Stance, ...] = ()
    predictions: tuple[Prediction, ...] = ()
    reject: Reject | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None and self.reject is None


def to_jsonable(obj: Any) -> Any:
    """dataclasses, dates and tuples → JSON-ready values; so are the other values a DuckDB
    query returns (DECIMAL, INTERVAL, UUID, BLOB; NaN and infinities as null)."""
    if hasattr(obj, "__dataclass_fields__"):
        return {k: to_jsonable(v) for k, v in asdict(obj).items()}
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, datetime | date | time):
        return obj.isoformat()
    if isinstance(obj, Decimal):
        return float(obj)
    if isinstance(obj, timedelta | UUID):
        return str(obj)
    if isinstance(obj, bytes):
        return obj.hex()
    if isinstance(obj, float) and not math.isfinite(obj):
        return None  # JSON has no NaN or Infinity
    return obj


ARTICLE_KEYS = (
    "source", "id", "url", "site", "title", "published", "author", "category", "body", "note",
)  # fmt: skip
PREDICTION_KEYS = (
    "id",
    "quote",
    "target",
    "direction",
    "horizon",
    "due",
    "window_start",
    "conditional",
    "condition",
    "hedge",
    "speaker",
    "horizon_source",
)


def page_json(result: PageResult, with_analysis: bool) -> dict[str, Any]:
    """The JSON object of `duokong analyze` / `duokong extract` (DESIGN.md contract): one per
    page; a page that cannot be used has `error` set and every other field null."""
    a = result.article
    obj: dict[str, Any] = {k: getattr(a, k) if a else None for k in ARTICLE_KEYS}
    obj["source"] = result.source
    if with_analysis:
        obj["stances"] = (
            [
                {
                    "target": s.target,
                    "label": s.label,
                    "score": s.score,
                    "evidence": list(s.evidence),
                }
                for s in result.stances
            ]
            if a
            else None
        )
        obj["predictions"] = (
            [{k: getattr(p, k) for k in PREDICTION_KEYS} for p in result.predictions] if a else None
        )
    obj["error"] = result.reject.detail if result.reject else None
    return to_jsonable(obj)
