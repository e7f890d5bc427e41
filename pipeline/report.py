"""The stance trend report: queries over the warehouse → one self-contained HTML file
(inline CSS and SVG: it opens offline, nothing to fetch), or the same content as Markdown.
"""

from __future__ import annotations

import contextlib
import csv
import html
import io
import logging
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
from jinja2 import Environment, select_autoescape

from pipeline import __version__
from pipeline.errors import DuokongError, WarehouseError
from pipeline.warehouse.connection import duckdb_file

log = logging.getLogger(__name__)


@dataclass
class TargetTrend:
    target: str
    periods: list[dict[str, Any]]
    totals: dict[str, int]
    evidence: list[dict[str, Any]]
    moves: list[dict[str, Any]] = field(default_factory=list)
    chart: str = ""
    # Articles about the target without a publish date: in no period, so not in the totals,
    # but in the evidence and the sources tables (counted only when no date range is set).
    undated: int = 0
    # Articles the current model read before the target was in the catalogue: they have no
    # row for it at all, and say nothing of it until read again.
    read_before: int = 0
    # What the catalogue calls the target (NVIDIA for nvidia); its id where it has no label
    # or is no longer in the catalogue.
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or self.target


@dataclass
class ReportData:
    generated: date
    freq: str
    since: date | None
    until: date | None
    targets: list[TargetTrend]
    sources: list[dict[str, Any]]
    predictions_due: list[dict[str, Any]]
    predictions_open: list[dict[str, Any]]
    predictions_resolved: list[dict[str, Any]] = field(default_factory=list)
    hit_rates: list[dict[str, Any]] = field(default_factory=list)
    provenance: dict[str, Any] = field(default_factory=dict)
    runs: list[dict[str, Any]] = field(default_factory=list)
    # How many rows each cut section has in all (sources, predictions_due, predictions_open,
    # predictions_resolved): the report shows the first ones and says how many it leaves out.
    totals: dict[str, int] = field(default_factory=dict)


# The per-target tally counts what became of every claim about a target; an author's score
# (prediction_scores) counts only the claims that are the author's own.
_HIT_RATES_NOTE = (
    "Every resolved claim about the target, the ones an author reports as well as the author's "
    "own; `duokong predictions scores` scores authors on their own claims only."
)


# Rows each long section shows; it says how many more there are and where they all are.
SHOWN = {
    "sources": 50,
    "predictions_due": 100,
    "predictions_open": 50,
    "predictions_resolved": 20,
    "evidence": 8,  # the newest dated articles' evidence, per target
    "undated_evidence": 2,  # and the surest undated ones after it
}


# A target's evidence rows: the stance with its sentences and the article it is on.
_EVIDENCE = """SELECT s.target, s.label, s.score, s.evidence, a.title, a.url, a.source, a.site,
       a.published
FROM counted_stances s JOIN articles a ON a.id = s.article_id"""


def _rows(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None
) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def _filters(
    since: date | None, until: date | None, target: str | None, date_col: str, target_col: str
) -> tuple[str, list]:
    clauses: list[str] = []
    params: list[Any] = []
    if since and date_col:
        clauses.append(f"{date_col} >= ?")
        params.append(since)
    if until and date_col:
        clauses.append(f"{date_col} <= ?")
        params.append(until)
    if target:
        clauses.append(f"{target_col} = ?")
        params.append(target)
    return (" AND ".join(clauses) or "TRUE"), params


def gather(
    con: duckdb.DuckDBPyConnection,
    freq: str = "week",
    since: date | None = None,
    until: date | None = None,
    target: str | None = None,
    labels: Mapping[str, str] | None = None,
) -> ReportData:
    """Everything the report shows, read in one go: the trend of each target, who says what,
    the predictions due, open and resolved, and where the data came from. Every cut section is
    ordered down to a unique row, so that two reports of one database are the same."""
    # The periods of stance_weekly/monthly (a column named week or month), counted over the
    # articles in the range only: a range starting on a Wednesday keeps that week, with the
    # articles from Wednesday on, as every other table of the report counts them.
    where_d, params_d = _filters(since, until, target, "date", "target")
    view = f"""(SELECT date_trunc('{freq}', date)::DATE AS {freq}, target,
                   sum(bullish)::INTEGER AS bullish, sum(bearish)::INTEGER AS bearish,
                   sum(neutral)::INTEGER AS neutral, sum(articles)::INTEGER AS articles,
                   (sum(bullish) - sum(bearish)) / sum(articles)::DOUBLE AS net
               FROM stance_daily WHERE {where_d} GROUP BY ALL)"""
    periods = _rows(con, f"SELECT * FROM {view} ORDER BY target, {freq}", params_d)
    moves = _moves(con, view, freq, params_d, since, until)
    trends = _trends(con, periods, moves, since, until, target, labels or {})
    where_a, params_a = _filters(since, until, target, "a.published", "s.target")
    sources = _rows(
        con,
        f"""SELECT coalesce(a.site, '(unknown site)') AS site, coalesce(a.author, '') AS author, s.target,
                   count(*) FILTER (WHERE s.label = 'bullish') AS bullish,
                   count(*) FILTER (WHERE s.label = 'bearish') AS bearish,
                   count(*) FILTER (WHERE s.label = 'neutral') AS neutral
            FROM counted_stances s JOIN articles a ON a.id = s.article_id
            WHERE s.label <> 'none' AND {where_a}
            GROUP BY ALL ORDER BY count(*) DESC, site, author, s.target
            LIMIT {SHOWN["sources"]}""",
        params_a,
    )
    where_p, params_p = _filters(None, None, target, "", "target")
    due = _rows(
        con,
        f"SELECT * FROM predictions_due WHERE {where_p} ORDER BY due, id "
        f"LIMIT {SHOWN['predictions_due']}",
        params_p,
    )
    upcoming = _rows(
        con,
        f"SELECT * FROM claim_status WHERE status = 'open' AND due IS NOT NULL AND {where_p} "
        f"ORDER BY due, id LIMIT {SHOWN['predictions_open']}",
        params_p,
    )
    resolved = _rows(
        con,
        f"SELECT * FROM resolved_claims WHERE {where_p} "
        f"ORDER BY resolved_on DESC, id LIMIT {SHOWN['predictions_resolved']}",
        params_p,
    )
    hit_rates = _rows(
        con,
        f"""SELECT coalesce(target, '(none)') AS target, count(*) AS resolved,
                   count(*) FILTER (WHERE outcome = 'correct') AS correct,
                   count(*) FILTER (WHERE outcome = 'wrong') AS wrong,
                   count(*) FILTER (WHERE outcome = 'void') AS void,
                   count(*) FILTER (WHERE outcome = 'correct')
                       / nullif(count(*) FILTER (WHERE outcome IN ('correct', 'wrong')), 0)::DOUBLE AS hit_rate
            FROM resolved_claims WHERE {where_p} GROUP BY ALL ORDER BY 1""",
        params_p,
    )
    for h in hit_rates:  # headed as the trends are: by the catalogue's label
        h["label"] = (labels or {}).get(h["target"]) or h["target"]
    runs = _rows(
        con,
        "SELECT started, status, inputs, seen, articles, new, updated, rejected, model "
        "FROM runs ORDER BY started DESC LIMIT 5",
    )
    return ReportData(
        date.today(),
        freq,
        since,
        until,
        trends,
        sources,
        due,
        upcoming,
        resolved,
        hit_rates,
        _provenance(con),
        runs,
        _section_totals(con, where_a, params_a, where_p, params_p),
    )


def _trends(
    con: duckdb.DuckDBPyConnection,
    periods: list[dict[str, Any]],
    moves: list[dict[str, Any]],
    since: date | None,
    until: date | None,
    target: str | None,
    labels: Mapping[str, str],
) -> list[TargetTrend]:
    """A section for each target with a period in range (or asked for, or, with no range set,
    with undated articles only): its periods, totals, latest bull and bear evidence, moves."""
    shown = {p["target"] for p in periods} | ({target} if target else set())
    if since is None and until is None:  # a target with undated articles only has a section
        shown |= {
            row[0]
            for row in con.execute(
                "SELECT DISTINCT s.target FROM counted_stances s JOIN articles a "
                "ON a.id = s.article_id WHERE s.label <> 'none' AND a.published IS NULL "
                "AND (? IS NULL OR s.target = ?)",
                [target, target],
            ).fetchall()
        }
    trends = []
    for t in sorted(shown):
        rows = [p for p in periods if p["target"] == t]
        totals = {
            k: sum(int(r[k]) for r in rows) for k in ("bullish", "bearish", "neutral", "articles")
        }
        # One top-N query per target: DuckDB keeps a small heap instead of sorting every row.
        where_t, params_t = _filters(since, until, t, "a.published", "s.target")
        ev = _rows(
            con,
            f"""{_EVIDENCE}
                WHERE s.label IN ('bullish', 'bearish') AND {where_t} AND a.published IS NOT NULL
                ORDER BY a.published DESC, s.score DESC, a.source
                LIMIT {SHOWN["evidence"]}""",
            params_t,
        )
        undated = 0
        if since is None and until is None:
            undated = con.execute(
                "SELECT count(*) FROM counted_stances s JOIN articles a ON a.id = s.article_id "
                "WHERE s.target = ? AND s.label <> 'none' AND a.published IS NULL",
                [t],
            ).fetchone()[0]
            # The newest dated evidence left no room for an undated article, which the report
            # said was listed with the evidence: the surest of them follow it.
            ev += _rows(
                con,
                f"""{_EVIDENCE}
                    WHERE s.label IN ('bullish', 'bearish') AND s.target = ?
                      AND a.published IS NULL
                    ORDER BY s.score DESC, a.source LIMIT {SHOWN["undated_evidence"]}""",
                [t],
            )
        moved = [m for m in moves if m["target"] == t]
        [(read_before,)] = con.execute(
            "SELECT count(*) FROM articles a WHERE a.id IN (SELECT article_id FROM pages) "
            "AND a.id IN (SELECT article_id FROM latest_stances) "
            "AND a.id NOT IN (SELECT article_id FROM latest_stances WHERE target = ?)",
            [t],
        ).fetchall()
        trends.append(
            TargetTrend(
                t,
                rows,
                totals,
                ev,
                moved,
                undated=undated,
                read_before=read_before,
                label=labels.get(t, ""),
            )
        )
    return trends


# Stored articles the current model has no stance of: read by another model only.
_UNREAD = (
    "SELECT count(*) FROM articles WHERE id IN (SELECT article_id FROM pages) "
    "AND id NOT IN (SELECT article_id FROM latest_stances)"
)


def unread_articles(con: duckdb.DuckDBPyConnection) -> tuple[str | None, int]:
    """The model the views read, and how many stored articles it has not read."""
    [(model,)] = con.execute("SELECT max(value) FROM meta WHERE key = 'current_model'").fetchall()
    return model, con.execute(_UNREAD).fetchone()[0]


def _provenance(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """What the database holds and how it was made. An article no page reads any more stays for
    the resolved claims it holds (its page was edited): it counts apart, and it has no stances
    to be missing."""
    prov = _rows(
        con,
        f"""SELECT (SELECT count(*) FROM articles WHERE id IN (SELECT article_id FROM pages))
                      AS articles,
                  (SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM pages))
                      AS kept,
                  (SELECT count(*) FROM article_copies
                      WHERE article_id IN (SELECT article_id FROM pages)) AS copies,
                  (SELECT count(*) FROM rejects) AS rejects,
                  (SELECT count(*) FROM runs) AS runs,
                  (SELECT min(published) FROM articles) AS first_date,
                  (SELECT max(published) FROM articles) AS last_date,
                  (SELECT value FROM meta WHERE key = 'current_model') AS model,
                  ({_UNREAD}) AS unread""",
    )[0]
    prov["version"] = __version__
    prov["reject_reasons"] = reject_reasons(con)
    return prov


def _section_totals(
    con: duckdb.DuckDBPyConnection,
    where_a: str,
    params_a: list,
    where_p: str,
    params_p: list,
) -> dict[str, int]:
    """How many rows each cut section has in all, so the report can say how many it leaves out."""
    counted = {
        "sources": f"""SELECT count(*) FROM (SELECT DISTINCT coalesce(a.site, ''),
                            coalesce(a.author, ''), s.target
                        FROM counted_stances s JOIN articles a ON a.id = s.article_id
                        WHERE s.label <> 'none' AND {where_a})""",
        "predictions_due": f"SELECT count(*) FROM predictions_due WHERE {where_p}",
        "predictions_open": "SELECT count(*) FROM claim_status WHERE status = 'open' "
        f"AND due IS NOT NULL AND {where_p}",
        "predictions_resolved": f"SELECT count(*) FROM resolved_claims WHERE {where_p}",
        "predictions_undated": "SELECT count(*) FROM claim_status WHERE status = 'open' "
        f"AND due IS NULL AND {where_p}",
        # of those, the ones that name a time on a page that gives no publish date to count from
        "predictions_unplaced": "SELECT count(*) FROM claim_status WHERE status = 'open' "
        f"AND due IS NULL AND horizon IS NOT NULL AND published IS NULL AND {where_p}",
    }
    return {
        k: con.execute(sql, params_a if k == "sources" else params_p).fetchone()[0]
        for k, sql in counted.items()
    }


def _moves(
    con: duckdb.DuckDBPyConnection,
    view: str,
    freq: str,
    params: list[Any],
    since: date | None,
    until: date | None,
) -> list[dict[str, Any]]:
    """The three periods per target where the net index moved most, since the period before
    it that had articles (named: a month without any stood between, unsaid), with the articles
    behind each move: those whose label points the way the index moved, then neutral ones (a
    neutral article alone pulls +1.00 down to +0.50; the move listed nothing behind it)."""
    in_range, range_params = _filters(since, until, None, "a.published", "")
    moves = _rows(
        con,
        f"""WITH p AS (
                SELECT target, {freq} AS period, net, articles,
                       net - lag(net) OVER (PARTITION BY target ORDER BY {freq}) AS delta,
                       lag({freq}) OVER (PARTITION BY target ORDER BY {freq}) AS since
                FROM {view})
            SELECT * FROM p WHERE delta IS NOT NULL AND delta <> 0
            QUALIFY row_number() OVER (PARTITION BY target ORDER BY abs(delta) DESC, period) <= 3
            ORDER BY target, abs(delta) DESC""",
        params,
    )
    for m in moves:
        m["articles_behind"] = _rows(
            con,
            f"""SELECT a.title, a.url, a.source, a.site, a.published, s.label, s.evidence
                FROM counted_stances s JOIN articles a ON a.id = s.article_id
                WHERE s.target = ? AND date_trunc('{freq}', a.published)::DATE = ?
                AND s.label IN (?, 'neutral') AND {in_range}
                ORDER BY s.label = 'neutral', s.score DESC LIMIT 3""",
            [m["target"], m["period"], "bullish" if m["delta"] > 0 else "bearish", *range_params],
        )
    return moves


COLORS = {
    "bullish": "#c0392b",
    "bearish": "#1e8449",
    "neutral": "#95a5a6",
}  # 红涨绿跌, as Chinese markets read


def _calendar_index(day: date, first: date, col: str) -> int:
    """How many weeks or months day lies after first: bars stand on a calendar axis, so a
    month without articles is a gap, not a bar's width closer."""
    if col == "month":
        return (day.year - first.year) * 12 + day.month - first.month
    return (day - first).days // 7


def _period_at(index: int, first: date, col: str) -> date:
    if col == "month":
        months = first.year * 12 + first.month - 1 + index
        return date(months // 12, months % 12 + 1, 1)
    return first + timedelta(days=7 * index)


def svg_chart(trend: TargetTrend, col: str) -> str:
    """Stacked bars of stance share per period on a calendar axis (periods without articles
    are gaps), with the net index as a line on its own scale (−1 to +1, right-hand labels),
    broken where periods are missing rather than drawn across them."""
    rows = trend.periods
    if not rows:
        return ""
    width, height, pad = 720, 220, 30
    first = rows[0][col]
    at = [_calendar_index(r[col], first, col) for r in rows]
    n = at[-1] + 1
    step = (width - 2 * pad) / n
    bw = max(2.0, step * 0.8)
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{html.escape(trend.target)} stance share">'
    ]
    parts.append(
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#999"/>'
    )
    plot_h = height - 2 * pad
    for net, label in ((1, "+1"), (0, "0"), (-1, "−1")):  # the net index's scale
        y = pad + plot_h * (1 - (net + 1) / 2)
        if net == 0:
            parts.append(
                f'<line x1="{pad}" y1="{y:.1f}" x2="{width - pad}" y2="{y:.1f}" stroke="#bbb" '
                'stroke-dasharray="4 3"/>'
            )
        parts.append(
            f'<text x="{width - pad + 4}" y="{y + 3:.1f}" font-size="9" fill="#2c3e50">{label}</text>'
        )
    segments: list[tuple[int, list[str]]] = []  # (calendar index of its last point, points)
    for i, r in zip(at, rows, strict=True):
        x = pad + i * step + (step - bw) / 2
        y = height - pad
        total = max(int(r["articles"]), 1)
        for label in ("bearish", "neutral", "bullish"):
            h = plot_h * int(r[label]) / total
            if h:
                y -= h
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{bw:.1f}" height="{h:.1f}" fill="{COLORS[label]}">'
                    f"<title>{r[col]} {label}: {r[label]} / {r['articles']}</title></rect>"
                )
        if bw >= 12:  # the article count above each bar, where there is room for it
            parts.append(
                f'<text x="{x + bw / 2:.1f}" y="{pad - 4}" font-size="9" fill="#555" '
                f'text-anchor="middle">{r["articles"]}</text>'
            )
        net = float(r["net"] or 0)
        point = f"{x + bw / 2:.1f},{pad + plot_h * (1 - (net + 1) / 2):.1f}"
        if segments and segments[-1][0] == i - 1:
            segments[-1] = (i, [*segments[-1][1], point])
        else:
            segments.append((i, [point]))
    for _, points in segments:
        if len(points) > 1:
            parts.append(
                f'<polyline points="{" ".join(points)}" fill="none" stroke="#2c3e50" '
                'stroke-width="2"/>'
            )
        for point in points:  # a period standing alone still shows its net index
            cx, cy = point.split(",")
            parts.append(f'<circle cx="{cx}" cy="{cy}" r="2.5" fill="#2c3e50"/>')
    every = max(1, -(-n // 8))  # at most ~8 axis labels, so they never overlap
    for i in range(0, n, every):
        x = pad + i * step + step / 2
        parts.append(
            f'<text x="{x:.1f}" y="{height - 10}" font-size="10" text-anchor="middle">'
            f"{_period_at(i, first, col)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _web_url(value: object) -> str | None:
    """Only http(s) links reach the page: a javascript: URL from a scraped record must not."""
    text = str(value or "")
    return text if text.startswith(("http://", "https://")) else None


def _env() -> Environment:
    env = Environment(autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
    env.filters["web_url"] = _web_url
    return env


def render_html(data: ReportData) -> str:
    col = data.freq  # the period column: week or month
    for t in data.targets:
        t.chart = svg_chart(t, col)
    template = resources.files("pipeline").joinpath("templates/report.html.j2").read_text("utf-8")
    return (
        _env()
        .from_string(template)
        .render(
            r=data,
            col=col,
            colors=COLORS,
            left_out=lambda key: left_out(data, key),
            undated=_undated,
            read_before=read_before,
            kept=_kept(data.provenance),
            unread=_unread(data.provenance),
            runs=_count(data.provenance["runs"], "run"),
            no_stances=no_stances(data),
            no_periods=lambda t: no_periods(data, t),
            ledger_note=_LEDGER_RANGE_NOTE,
        )
    )


def render_markdown(data: ReportData) -> str:
    col = data.freq  # the period column: week or month
    out = [f"# duokong stance report ({data.generated})", ""]
    # what the HTML's header says: which periods, which range
    scope = [f"per {col}", *_range(data)]
    out += [f"_{' · '.join(scope)}_", ""]
    if not data.targets:
        out += [no_stances(data), ""]
    for t in data.targets:
        out += [f"## {t.label}", ""]
        if not t.periods:
            out.append(no_periods(data, t))
        else:
            out += [
                f"| {col} | bullish | bearish | neutral | articles | net |",
                "|---|---|---|---|---|---|",
            ]
        out += [
            f"| {r[col]} | {r['bullish']} | {r['bearish']} | {r['neutral']} | {r['articles']} | {float(r['net']):+.2f} |"
            for r in t.periods
        ]
        out.append("")
        if t.undated:
            out += [_undated(t, col), ""]
        if t.read_before:
            out += [read_before(t), ""]
        for e in t.evidence:
            quote = (e["evidence"] or [""])[0]
            out.append(
                f"- **{e['label']}** {e['published'] or ''} {_md(e['title'] or e['source'])}: "
                f"{_md(quote)}"
            )
        out.append("")
        if t.moves:
            out += ["Biggest moves:", ""]
            for m in t.moves:
                out.append(
                    f"- {m['period']}: net index {'rose' if m['delta'] > 0 else 'fell'} by "
                    f"{abs(float(m['delta'])):.2f} to {float(m['net']):+.2f} since "
                    f"{m['since']} ({_count(m['articles'], 'article')})"
                )
                for a in m["articles_behind"]:
                    out.append(f"  - {a['label']} {_md(a['title'] or a['source'])} {_md(a['url'])}")
            out.append("")
    out += [
        "## Sources and authors",
        "",
        "| site | author | target | bullish | bearish | neutral |",
        "|---|---|---|---|---|---|",
    ]
    out += [
        f"| {_cell(s['site'])} | {_cell(s['author'])} | {s['target']} | {s['bullish']} | "
        f"{s['bearish']} | {s['neutral']} |"
        for s in data.sources
    ]
    out += _left_out(data, "sources")
    out += ["", "## Predictions due", ""]
    out += [_LEDGER_RANGE_NOTE, ""] if data.since or data.until else []
    out += [_sourced_line(p) for p in data.predictions_due] or ["(none)"]
    out += _left_out(data, "predictions_due")
    out += ["", "## Falling due later", ""]
    out += [_sourced_line(p) for p in data.predictions_open] or ["(none)"]
    out += _left_out(data, "predictions_open")
    out += ["", "## Resolved predictions", ""]
    if not data.hit_rates:
        out.append("No prediction has been resolved yet.")
    else:
        out += [_HIT_RATES_NOTE, ""]
        out += [
            f"- {h['label']}: {h['correct']} correct, {h['wrong']} wrong, {h['void']} void"
            + (
                f" (hit rate {float(h['hit_rate']):.0%} of correct and wrong)"
                if h["hit_rate"] is not None
                else ""
            )
            for h in data.hit_rates
        ]
    p = data.provenance
    out += [
        "",
        "## How this was made",
        "",
        f"_{p['articles']} articles{_kept(p)}, {p['rejects']} rejected inputs{_reasons(p)}, "
        f"{_count(p['runs'], 'run')}; model {p['model'] or '(none yet)'}{_unread(p)}; "
        f"duokong {p['version']}_",
        "",
    ]
    if data.runs:
        out += [
            "| run started | status | inputs | seen | new | updated | rejected |",
            "|---|---|---|---|---|---|---|",
        ]
        out += [
            f"| {u['started']:%Y-%m-%d %H:%M} | {u['status']} | {_cell(', '.join(u['inputs'] or []))} "
            f"| {u['seen']} | {u['new']} | {u['updated']} | {u['rejected']} |"
            for u in data.runs
            if u["started"]
        ]
        out.append("")
    return "\n".join(out)


def _prediction_line(p: dict[str, Any]) -> str:
    return f"- {p['due']} [{p['target'] or 'no target'}/{p['direction']}] {_md(p['quote'])}"


def _sourced_line(p: dict[str, Any]) -> str:
    """A prediction with who made it and the id to resolve it by."""
    source = " ".join(_md(v) for v in (p["site"] or p["title"], p["author"]) if v)
    return f"{_prediction_line(p)} ({source}; id {p['id'][:12]})"


def _md(value: Any) -> str:
    """Text of a page in Markdown: its <, > and & as entities, so that a title or a quote
    holding markup (<script>…) shows as written and never runs in a viewer that renders HTML."""
    return "" if value is None else html.escape(str(value), quote=False)


def _cell(value: Any) -> str:
    """A Markdown table cell: a pipe in a site or author name must not split the row."""
    return _md(value).replace("|", "\\|")


def render_csv(data: ReportData) -> str:
    """The trend table of every target, one row per period: for spreadsheets."""
    col = data.freq  # the period column: week or month
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")  # quoted where a value holds a comma
    writer.writerow(["target", col, "bullish", "bearish", "neutral", "articles", "net"])
    for t in data.targets:
        for r in t.periods:
            counts = [r[label] for label in ("bullish", "bearish", "neutral", "articles")]
            writer.writerow([t.target, r[col], *counts, f"{float(r['net']):.4f}"])
    return out.getvalue()


RENDERERS = {"html": render_html, "markdown": render_markdown, "csv": render_csv}


def catalogue_labels(path: Path) -> dict[str, str]:
    """The targets' labels for the section headings. The report reads the database, not the
    catalogue: a catalogue broken since the run leaves the headings on the target ids rather
    than the report unwritten."""
    from pipeline.targets import Catalogue

    try:
        return Catalogue.load(path).labels
    except DuokongError as exc:
        log.warning("report headings give target ids: %s", exc)
        return {}


def render_report(
    con: duckdb.DuckDBPyConnection,
    fmt: str = "html",
    freq: str = "week",
    since: date | None = None,
    until: date | None = None,
    target: str | None = None,
    labels: Mapping[str, str] | None = None,
) -> str:
    return RENDERERS[fmt](gather(con, freq, since, until, target, labels))


def write_report(
    con: duckdb.DuckDBPyConnection,
    out: str | Path,
    fmt: str = "html",
    freq: str = "week",
    since: date | None = None,
    until: date | None = None,
    target: str | None = None,
    labels: Mapping[str, str] | None = None,
) -> Path:
    out = Path(out)
    refuse_database_path(out, database_files(con), "the report")
    text = render_report(con, fmt, freq, since, until, target, labels)
    try:
        write_whole(out, text)
    except OSError as exc:
        raise WarehouseError(
            f"cannot write the report to {out} ({exc.strerror or exc}); give a path you can write"
        ) from None
    log.info("wrote %s report to %s", fmt, out)
    return out


def write_whole(out: Path, text: str) -> None:
    """Write text to out beside it first, then rename it over out: a report cut short (a full
    disk) left a truncated file where the last whole report had been. A link is followed (the
    file it names is replaced, not the link); what is not a file (/dev/stdout, a FIFO) is
    written to as it is, as a rename would replace it."""
    if out.exists() and not out.resolve().is_file():
        out.write_text(text, encoding="utf-8")
        return
    out = out.resolve() if out.is_symlink() else out
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.")
    try:
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as a file written in place would be, not mkstemp's 0600
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def database_files(con: duckdb.DuckDBPyConnection) -> list[Path]:
    """The files of the databases con reads (its write-ahead log beside each)."""
    rows = con.execute("SELECT path FROM duckdb_databases() WHERE path IS NOT NULL").fetchall()
    return [Path(p) for (p,) in rows] + [Path(f"{p}.wal") for (p,) in rows]


def refuse_database_path(out: Path, databases: list[Path], what: str) -> None:
    """Refuse to write over the database itself: --out and --db mixed up replaced a whole
    warehouse with a report, without a word."""
    for db in databases:
        if out.resolve() == db.resolve():
            raise WarehouseError(
                f"{out} is the database itself; give {what} a file name of its own"
            )
    # …nor over another warehouse or a run's lock (report --db a --out b.duckdb replaced b)
    if out.name.endswith(".lock") or duckdb_file(out):
        raise WarehouseError(
            f"{out} is a database or a run's lock file, not a report; give {what} a file name "
            "of its own (report.html)"
        )


# What each cut section is ordered by, and where the whole list is: the report shows the first.
_LEFT_OUT = {
    "sources": (
        "the rows with most articles, ties by site and author",
        "`duokong sql` on counted_stances",
    ),
    "predictions_due": ("the earliest due", "`duokong predictions due`"),
    "predictions_open": ("the earliest due", "`duokong predictions list`"),
    "predictions_resolved": ("the latest resolved", "`duokong predictions list`"),
}
_LEDGER_RANGE_NOTE = (
    "The whole ledger: --since and --until choose the articles of the trend, evidence and "
    "sources, not which predictions are listed or scored."
)


def left_out(data: ReportData, key: str) -> str | None:
    """'Showing 100 of 140, the earliest due: `duokong predictions due` lists all' for a cut
    section, None for a whole one."""
    shown, total = len(getattr(data, key)), data.totals.get(key, 0)
    said = []
    if total > shown:
        order, where = _LEFT_OUT[key]
        said.append(f"Showing {shown} of {total}, {order}; {where} has them all.")
    if key == "predictions_open" and (undated := data.totals.get("predictions_undated", 0)):
        # half the open predictions of the samples name no time: not listed, nor said
        unplaced = data.totals.get("predictions_unplaced", 0)
        name, fall = ("names", "falls") if undated == 1 else ("name", "fall")
        why = (
            f"{name} no time"
            if not unplaced
            else f"{name} a time on a page without a publish date to count it from"
            if unplaced == undated
            else f"name no time, or ({unplaced} of them) a time on a page without a publish "
            "date to count it from"
        )
        said.append(
            f"{undated} more open {_noun(undated, 'prediction')} {why}, so {fall} due on no "
            "date: `duokong predictions list` shows them."
        )
    return " ".join(said) or None


def _left_out(data: ReportData, key: str) -> list[str]:
    line = left_out(data, key)
    return ["", f"_{line}_"] if line else []


def _count(n: int, noun: str) -> str:
    return f"{n} {_noun(n, noun)}"


def _noun(n: int, noun: str) -> str:
    return noun if n == 1 else f"{noun}s"


def read_before(t: TargetTrend) -> str:
    """Said where articles were read before the target was added to the catalogue: a scraper
    that writes a new folder a day never has its history read for it, and the trend showed a
    part of the articles as if it were all of them."""
    one = t.read_before == 1
    return (
        f"{t.read_before} more {_noun(t.read_before, 'article')} "
        f"{'was' if one else 'were'} read before {t.label} was in the catalogue and "
        f"{'says' if one else 'say'} nothing of it: `duokong reanalyze --missing` reads "
        f"{'it' if one else 'them'} for it."
    )


def _undated(t: TargetTrend, col: str) -> str:
    return (
        f"{t.undated} more {_noun(t.undated, 'article')} about {t.label} "
        f"{'has' if t.undated == 1 else 'have'} no publish date: in no {col} and "
        "not counted above; the evidence lists the surest of them (up to "
        f"{SHOWN['undated_evidence']}), the sources all of them."
    )


def _kept(prov: dict) -> str:
    """Articles no page reads any more (their page was edited), kept for their resolved claims;
    and the reposts among the articles, whose stances the trend does not count again."""
    parts = []
    if n := prov.get("kept") or 0:
        parts.append(f"and {_count(n, 'earlier version')} kept for their resolved predictions")
    if copies := prov.get("copies") or 0:
        parts.append(f"{_count(copies, 'repost')} of an earlier article, counted once")
    return f" ({'; '.join(parts)})" if parts else ""


def _range(data: ReportData) -> list[str]:
    """The report's date range as its command line gave it (since …, until …)."""
    return [f"{k} {v}" for k, v in (("since", data.since), ("until", data.until)) if v]


def no_periods(data: ReportData, trend: TargetTrend) -> str:
    """What a target's section says in place of an empty table: a target asked for (--target)
    with no dated article in the range printed an empty table and nothing else (ledger probe)."""
    window = " ".join(_range(data))
    return f"No dated article about {trend.label}" + (
        f" in this range ({window})." if window else "."
    )


def no_stances(data: ReportData) -> str:
    """Why no target has a section: an empty database, a range with no article in it, or a
    model that has read none of the articles (chosen for one run, it becomes the current one).
    It said "run duokong run first" over a full database in each case."""
    p = data.provenance
    if not p["articles"]:
        return "No stances yet: run `duokong run` first."
    held = f"the database holds {_count(p['articles'], 'article')}"
    if p["first_date"]:
        held += f" from {p['first_date']} to {p['last_date']}"
    if data.since or data.until:
        window = " ".join(_range(data))
        return f"No article about a target in this range ({window}); {held}."
    if p.get("unread"):
        return (
            f"The stance model {p['model']} has read none of them ({held}): "
            f"`duokong reanalyze --missing --model {p['model']}` reads them."
        )
    return f"No article mentions a target of the catalogue; {held}."


def _unread(prov: dict) -> str:
    """Articles the current model has not read (it was switched on for new inputs only): the
    report counts without them, and says so."""
    n = prov.get("unread") or 0
    if not n:
        return ""
    return f" ({n} articles not read by it: duokong reanalyze --missing --model {prov['model']} reads them)"


def _reasons(prov: dict) -> str:
    """Why inputs were refused, after their count: the details are in the rejects table."""
    return f" ({prov['reject_reasons']})" if prov.get("reject_reasons") else ""


def reject_reasons(con: duckdb.DuckDBPyConnection, run_id: str | None = None) -> str:
    """The rejects by reason, commonest first ("2 http-404, 1 binary-file"); one run's when
    run_id is given."""
    rows = con.execute(
        "SELECT reason, count(*) AS n FROM rejects WHERE ? IS NULL OR run_id = ? "
        "GROUP BY reason ORDER BY n DESC, reason",
        [run_id, run_id],
    ).fetchall()
    return ", ".join(f"{n} {reason}" for reason, n in rows)
