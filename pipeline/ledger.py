"""Recording the outcome of a prediction: the one write users make to the warehouse by hand, so
it checks what a hurried user gets wrong (an id that matches nothing or several, an outcome
already recorded, a prediction not due yet, a bet whose condition decides between void and
correct) and never drops an earlier judgement."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

import duckdb

from pipeline.errors import DuokongError


class LedgerError(DuokongError):
    """An outcome that cannot be recorded as asked; the message says what to do instead."""


@dataclass(frozen=True)
class Resolved:
    id: str
    replaced: str | None = None  # the outcome recorded before, when --replace changed it
    warnings: list[str] = field(default_factory=list)


# The fewest characters of an id that resolve takes: a verdict recorded on the wrong claim
# scores its author wrongly, and one mistyped character must not find another claim by luck.
MIN_ID_PREFIX = 6


def find_prediction(con: duckdb.DuckDBPyConnection, prefix: str) -> str:
    """The one prediction id starting with prefix (ids are lower-case hex; case is ignored)."""
    return _find(con, prefix)[0]


NOTE_SHOWN = 80


def _short(note: str) -> str:
    """A note as an error message shows it: a long one (a pasted article) would bury the
    message under it."""
    return note if len(note) <= NOTE_SHOWN else note[:NOTE_SHOWN] + "…"


def _find(con: duckdb.DuckDBPyConnection, prefix: str) -> tuple[str, str | None]:
    """The prediction id prefix names, and a note when it names it by a former id: a claim
    keeps its outcome when its page is edited or the catalogue gives it a target, under a new
    id (the hash of its article, quote and target), and the id the user noted must still
    find it."""
    prefix = prefix.strip().lower()
    if len(prefix) < MIN_ID_PREFIX:
        raise LedgerError(
            f"prediction id {prefix!r} is too short: give at least {MIN_ID_PREFIX} characters "
            "(`duokong predictions list` shows 12)"
        )
    ids = [
        r[0]
        for r in con.execute(
            "SELECT id FROM predictions WHERE starts_with(id, ?) ORDER BY id LIMIT 6", [prefix]
        ).fetchall()
    ]
    if not ids:
        moved = _moved_to(con, prefix)
        if moved is not None:
            return moved, (
                f"{prefix} is now {moved[:12]}: the claim's page was edited or the catalogue "
                "changed its target, and its outcome moved with it"
            )
    if not ids:
        raise LedgerError(
            f"no prediction has an id starting with {prefix!r}; "
            "see the ids with `duokong predictions list` or `duokong predictions due`"
        )
    if len(ids) > 1:
        shown = ", ".join(i[:16] for i in ids[:5])
        raise LedgerError(
            f"prediction id {prefix!r} matches several predictions ({shown}…); give more characters"
        )
    return ids[0], None


def _moved_to(con: duckdb.DuckDBPyConnection, prefix: str) -> str | None:
    """The current id of the one claim a former id starting with prefix belonged to."""
    found = con.execute(
        "SELECT DISTINCT c.new_id FROM prediction_id_changes c "
        "JOIN predictions p ON p.id = c.new_id WHERE starts_with(c.old_id, ?) LIMIT 2",
        [prefix],
    ).fetchall()
    return found[0][0] if len(found) == 1 else None


def resolve(
    con: duckdb.DuckDBPyConnection,
    prefix: str,
    outcome: str,
    note: str | None = None,
    evidence: str | None = None,
    *,
    replace: bool = False,
    today: date | None = None,
    on: date | None = None,
) -> Resolved:
    """Record outcome for the prediction whose id starts with prefix. An outcome recorded
    before is changed only with replace, and then kept in prediction_outcome_history. Its note
    and evidence carry over when none are given and the outcome stays the same (an empty one
    clears it); a changed outcome starts without them, since they argued for the other verdict.
    on: the day the outcome became known (a ledger caught up on late keeps each verdict's day;
    the day recorded before where the outcome stays the same, as a note added is no new
    knowledge; else today), never a day to come."""
    pid, moved = _find(con, prefix)
    # not given (carried over) apart from given empty (cleared)
    keep_note, keep_evidence = note is None, evidence is None
    # what a script passes as an empty --note or --evidence, or a pasted URL's spaces
    note, evidence = (v.strip() or None if v is not None else None for v in (note, evidence))
    # A former id's claim is refused under its new id: say why that id is named
    was = f"{moved}; " if moved else ""
    today = today or date.today()
    if on is not None and on > today:
        raise LedgerError(
            f"--on {on} is a day still to come (today is {today}); an outcome is recorded "
            "on the day it became known"
        )
    due, conditional, quote, published = con.execute(
        "SELECT p.due, p.conditional, p.quote, a.published FROM predictions p "
        "JOIN articles a ON a.id = p.article_id WHERE p.id = ?",
        [pid],
    ).fetchone()
    before = con.execute(
        "SELECT outcome, resolved_on, note, evidence, recorded_at FROM prediction_outcomes "
        "WHERE prediction_id = ?",
        [pid],
    ).fetchone()
    copy = con.execute(
        "SELECT co.resolved_as, co.outcome, co.resolved_on, a.url, a.source, o.note, o.evidence "
        "FROM claim_copies c JOIN claim_outcomes co USING (claim) "
        "JOIN predictions p ON p.id = co.resolved_as JOIN articles a ON a.id = p.article_id "
        "LEFT JOIN prediction_outcomes o ON o.prediction_id = co.resolved_as "
        "WHERE c.prediction_id = ? AND co.resolved_as <> ?",
        [pid, pid],
    ).fetchone()
    # The claim's verdict: recorded on another copy of it where that one was recorded last,
    # else this id's. The same verdict, corrected, keeps its day, note and evidence.
    if copy is not None:
        earlier = (copy[1], copy[2], copy[5], copy[6])
    else:
        earlier = before[:4] if before else None
    same = earlier is not None and earlier[0] == outcome
    day = on or (earlier[1] if same else today)
    if copy and not replace:
        # the same claim on a mirror, or said twice: one verdict counts, so a second one
        # would silently replace the first
        raise LedgerError(
            f"{was}{pid[:12]} is the claim {copy[0][:12]} makes in {copy[3] or copy[4]} (same words, "
            f"author, site and day, or a repost of that page), resolved {copy[1]} on {copy[2]}; "
            "pass --replace to record this outcome for the claim in its place"
        )
    if before and not replace:
        raise LedgerError(
            f"{was}{pid[:12]} was resolved {before[0]} on {before[1]}"
            + (f" ({_short(before[2])})" if before[2] else "")
            + "; pass --replace to change it (the old outcome is kept in prediction_outcome_history)"
        )
    warnings = [moved] if moved else []
    if due is None:
        warnings.append(f"{pid[:12]} has no due date ({quote[:40]}…); recorded anyway")
    elif due > day:
        warnings.append(f"{pid[:12]} is not due until {due}; recorded anyway")
    if published is not None and day < published:
        warnings.append(f"{pid[:12]} was published on {published}, after {day}; recorded anyway")
    if conditional and outcome in ("correct", "wrong"):
        warnings.append(
            f"{pid[:12]} is conditional: {outcome} means its condition happened and the claim "
            f"{'came true' if outcome == 'correct' else 'did not'}; if the condition did not "
            "happen, resolve it void"
        )
    if not conditional and outcome == "void":
        # void takes a call out of the hit rate and the Brier score: a quiet way to hide a miss
        warnings.append(
            f"{pid[:12]} has no condition: void takes it out of the scores; use it only where "
            "the claim cannot be judged (say why with --note)"
        )
    if evidence and urlsplit(evidence).scheme not in ("http", "https"):
        warnings.append(f"evidence {evidence!r} is not an http(s) URL; recorded as given")
    con.execute("BEGIN TRANSACTION")
    try:
        if before:
            con.execute(
                "INSERT INTO prediction_outcome_history VALUES (?, ?, ?, ?, ?, ?, now())",
                [pid, *before],
            )
            con.execute("DELETE FROM prediction_outcomes WHERE prediction_id = ?", [pid])
        if same:  # its reasons still hold
            note = earlier[2] if keep_note else note
            evidence = earlier[3] if keep_evidence else evidence
        con.execute(
            "INSERT INTO prediction_outcomes VALUES (?, ?, ?, ?, ?, now())",
            [pid, outcome, day, note, evidence],
        )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return Resolved(pid, earlier[0] if earlier else None, warnings)  # the verdict replaced
