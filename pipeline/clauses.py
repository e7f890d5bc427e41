"""Clauses of a Chinese sentence, and which of them are about a target.

Claims and their directions are read clause by clause: one sentence can name NVIDIA in one
clause and AMD in the next, and a change word counts for the target its clause is about.
"""

from __future__ import annotations

import re

from pipeline.targets import Catalogue

CLAUSE = re.compile(r"[^，,；;：:]+[，,；;：:]*")
CLAUSE_BREAK = re.compile(r"[，,；;]")
# A pronoun that stands for a target named before it (它会回到正常位置, 从它手里抢走, 取代它).
IT = r"它|其|该公司|這家公司|这家公司"
TARGET_PRONOUN = re.compile(IT)
# A clause opening with a company's Latin name of its own (AMD, Intel), not a generic term.
LATIN_NAME_START = re.compile(r"\s*(?!(?:AI|GPU|CPU|TPU|Q[1-4])(?![A-Za-z]))[A-Z][A-Za-z0-9.\-]+")


def clauses_naming(text: str, target: str, catalogue: Catalogue, or_no_one: bool = False) -> str:
    """The clauses of text that name target, joined; all of text when none does (它会…). With
    or_no_one, also the clauses that name no catalogue target and do not open with a name of
    their own (英伟达的营收，增长会放缓 keeps both; 英伟达将大涨，AMD增长放缓 keeps the first)."""

    def about(clause: str) -> bool:
        named = catalogue.mentioned(clause)
        if target in named:
            return True
        return or_no_one and not named and not LATIN_NAME_START.match(clause)

    return "".join(c for c in CLAUSE.findall(text) if about(c)) or text
