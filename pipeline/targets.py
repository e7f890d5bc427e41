"""The target catalogue (data/lexicons/targets.toml) and finding its mentions in a text.

A target is data, not code: adding AMD is a new [[target]] table. Mentions are found with one
compiled regex per catalogue (longest term first), on the original text, so offsets point into
the article body as stored.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pipeline.errors import ConfigError
from pipeline.records import Mention

KINDS = ("names", "aliases", "products", "people", "weak", "related")
LISTS = ("bullish", "bearish", "exclude")  # a target's other lists of words
ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")  # what an id may be: it names columns and cells
_KIND_OF = {
    "names": "name",
    "aliases": "alias",
    "products": "product",
    "people": "person",
    "weak": "alias",
    "related": "related",
}


@dataclass(frozen=True)
class Target:
    id: str
    label: str
    names: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    bullish: tuple[str, ...] = ()
    bearish: tuple[str, ...] = ()
    # words that hold one of its terms and do not mean it (老黄牛, 任天堂DS): read as words of
    # no target, the longest word at a place winning (老黄牛逼, a name of NVIDIA, over 老黄牛)
    exclude: tuple[str, ...] = ()

    def terms(self) -> dict[str, str]:
        """term → kind key (names, aliases, …) for every term of this target."""
        out: dict[str, str] = {}
        for kind in KINDS:
            for term in getattr(self, kind):
                out.setdefault(term, kind)
        return out


# Full-width Latin letters and digits (ＮＶＩＤＩＡ, ＤｅｅｐＳｅｅｋ, Ｈ２０), as Chinese input methods type
# them, read as their ASCII forms. One character for one, so positions in the text hold;
# full-width punctuation (，：) is the ordinary Chinese kind and is left alone.
_WIDE_ALNUM = str.maketrans(
    {
        **{0xFF10 + i: 0x30 + i for i in range(10)},
        **{0xFF21 + i: 0x41 + i for i in range(26)},
        **{0xFF41 + i: 0x61 + i for i in range(26)},
    }
)


def narrow(text: str) -> str:
    """text with full-width Latin letters and digits as ASCII, of the same length."""
    return text.translate(_WIDE_ALNUM)


def _any_case(term: str) -> bool:
    """Whether a term matches in any case: one of three Latin letters or more (amd, INTEL, Cuda,
    as commentators type them; the catalogue listing NVIDIA, Nvidia and nvidia one by one missed
    nVidia), not a shorter one (DS, NV, R1), which in lower case is as often something else."""
    return sum(c.isascii() and c.isalpha() for c in term) >= 3


def _spellings(term: str) -> set[str]:
    """The term in both scripts (超微半导体, 超微半導體; 仁勋, 仁勳), character by character: a
    catalogue written in one script found no page written in the other, while the cue words of
    both are read as one (nlp.to_simplified)."""
    if not any("\u4e00" <= c <= "\u9fff" for c in term):
        return {term}
    from pipeline.nlp import to_simplified  # (nlp reads the catalogue: imported here)

    return {term, to_simplified(term), _to_traditional().convert(term)}


@functools.cache
def _to_traditional():  # -> opencc.OpenCC, made once
    import opencc

    return opencc.OpenCC("s2t")


def _term_pattern(term: str) -> str:
    """ASCII terms get boundaries so that DS does not match inside DSP nor R1 inside R10."""
    pat = re.escape(term)
    if _any_case(term):
        pat = f"(?i:{pat})"
    if term[:1].isascii() and term[:1].isalnum():
        pat = r"(?<![A-Za-z0-9])" + pat
    if term[-1:].isascii() and term[-1:].isalnum():
        pat = pat + r"(?![A-Za-z0-9])"
    return pat


def _check_terms(path: Path, target: str, key: str, terms: list[str]) -> None:
    """A term that could never match as meant: " AMD " (spaces around it) matched nothing, and
    a one-character name or alias (的) matched inside nearly every sentence, which then
    named the target."""
    for term in terms:
        if term != term.strip():
            raise ConfigError(
                f"{path}: target {target!r}: {key} {term!r} has spaces around it; write "
                f"{term.strip()!r}"
            )
        if ((key in KINDS and key != "related") or key == "exclude") and len(term) < 2:
            raise ConfigError(
                f"{path}: target {target!r}: {key} {term!r} is one character, which would match "
                "inside most words; give a longer term"
            )


class AmbiguousTarget(ValueError):
    """A word a user gave for a target that several targets list (GPU, 显卡)."""

    def __init__(self, name: str, ids: list[str]) -> None:
        super().__init__(f"{name!r} names more than one target ({', '.join(ids)}); give an id")
        self.ids = ids


class Catalogue:
    def __init__(self, targets: list[Target], path: Path | None = None) -> None:
        where = f"{path}: " if path is not None else "the target catalogue: "
        if not targets:
            raise ConfigError(f"{where}the catalogue is empty; add at least one [[target]]")
        # ids that differ in case only (AMD, amd) are one id to --target and to a reader
        ids = [t.id.casefold() for t in targets]
        if len(set(ids)) != len(ids):
            twice = sorted({t.id for t in targets if ids.count(t.id.casefold()) > 1})
            raise ConfigError(
                f"{where}more than one [[target]] with id {', '.join(twice)}; give each its "
                "own id (ids that differ in case only are one)"
            )
        owner: dict[str, str] = {}  # the target of each term, case-folded
        spelled: dict[str, str] = {}  # and how it was first written
        for t in targets:
            for term, kind in t.terms().items():
                if kind in ("related", "weak"):
                    continue  # context words may be shared (芯片 for NVIDIA and AMD alike)
                # NV and nv are one word to --target, which ignores case
                folded = term.casefold()
                if owner.setdefault(folded, t.id) != t.id:
                    other = spelled[folded]
                    words = repr(term) if other == term else f"{other!r} and {term!r}"
                    raise ConfigError(
                        f"{where}{words} is listed under both {owner[folded]!r} and {t.id!r}; "
                        "a name, alias, product or person must point at one target (a word "
                        "spelled in other case is the same word to --target)"
                    )
                spelled.setdefault(folded, term)
        for t in targets:
            for term in t.weak:
                if owner.get(term.casefold(), t.id) != t.id:
                    # it would stand for t wherever the other target is named, which then
                    # lost the mention
                    raise ConfigError(
                        f"{where}{term!r} is listed as a weak term of {t.id!r}, but it names "
                        f"{owner[term.casefold()]!r}; a weak term is a short name of its own "
                        "target"
                    )
        self.targets = targets
        self.by_id = {t.id: t for t in targets}

    @classmethod
    def load(cls, path: str | Path) -> Catalogue:
        path = Path(path)
        try:
            # utf-8-sig: a byte-order mark (Notepad saves one) read as "Invalid statement"
            data = tomllib.loads(path.read_text("utf-8-sig"))
        except FileNotFoundError:
            raise ConfigError(f"target catalogue {path} not found; set targets_file") from None
        except UnicodeDecodeError:
            raise ConfigError(
                f"target catalogue {path} is not UTF-8; save it as UTF-8 (iconv -f gbk -t utf-8)"
            ) from None
        except OSError as exc:
            raise ConfigError(f"target catalogue {path} cannot be read: {exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"target catalogue {path} is not valid TOML: {exc}") from None
        stray = sorted(set(data) - {"target"})
        if stray:
            # [[targets]] (a letter too many) or a key above the first table: silently left
            # out, the target it held was not followed and nothing said so
            hint = (
                "; write [[target]], not [[targets]]"
                if "targets" in stray
                else "; each key belongs inside a [[target]] table"
            )
            raise ConfigError(f"{path}: unknown top-level keys {stray}{hint}")
        entries = data.get("target", [])
        if not isinstance(entries, list) or not all(isinstance(raw, dict) for raw in entries):
            # [target] (one table) reads as a dict, whose keys the loop below would take for
            # targets and then refuse as lacking an id and names, though they are there.
            single = ", not [target]" if isinstance(entries, dict) else ""
            raise ConfigError(
                f"{path}: write each target under [[target]] (two brackets, one for each "
                f"target){single}"
            )
        targets = []
        for i, raw in enumerate(entries):
            lacking = [key for key in ("id", "names") if key not in raw]
            if lacking:
                which = f" (id {raw['id']!r})" if "id" in raw else ""
                raise ConfigError(
                    f"{path}: [[target]] number {i + 1}{which} has no {' and no '.join(lacking)}"
                    f'; each target needs an id and names, e.g. id = "amd", names = ["AMD"]'
                )
            if not isinstance(raw["id"], str) or not ID.fullmatch(raw["id"]):
                # an id names columns (stance_amd), CSV cells and SQL values: a comma or a
                # quote in it broke the report's CSV and the HTML around its chart
                raise ConfigError(
                    f"{path}: [[target]] number {i + 1} needs an id of ASCII letters, digits, - "
                    f'and _ (got {raw["id"]!r}), e.g. id = "amd"; its label may be any text'
                )
            unknown = set(raw) - {"id", "label", *KINDS, *LISTS}
            if unknown:
                raise ConfigError(
                    f"{path}: target {raw['id']!r} has unknown keys {sorted(unknown)}"
                )
            if not isinstance(raw.get("label", ""), str):
                raise ConfigError(f"{path}: target {raw['id']!r}: label must be a string")
            for key in (*KINDS, *LISTS):
                value = raw.get(key, [])
                if not isinstance(value, list) or not all(
                    isinstance(v, str) and v.strip() for v in value
                ):
                    raise ConfigError(
                        f"{path}: target {raw['id']!r}: {key} must be a list of non-empty strings, "
                        f'e.g. {key} = ["…"]'
                    )
                _check_terms(path, raw["id"], key, value)
            if not raw["names"]:
                raise ConfigError(
                    f"{path}: target {raw['id']!r} has no names, the words that always mean "
                    f'it; give it at least one, e.g. names = ["{raw.get("label", raw["id"])}"]'
                )
            targets.append(
                Target(
                    id=raw["id"],
                    label=raw.get("label", raw["id"]),
                    **{k: tuple(raw.get(k, ())) for k in (*KINDS, *LISTS)},
                )
            )
        return cls(targets, path)

    @property
    def ids(self) -> list[str]:
        return [t.id for t in self.targets]

    @property
    def labels(self) -> dict[str, str]:
        """Each target's label by its id: what a report heads its section with."""
        return {t.id: t.label for t in self.targets}

    def id_for(self, name: str) -> str | None:
        """The id a user means by name: an id or any term of a target, case ignored (NVIDIA,
        英伟达 and 輝達 all mean nvidia); None when no target has it. A word several targets
        list (a related word, GPU) raises AmbiguousTarget: it picked the first silently."""
        key = narrow(name.strip()).casefold()
        for t in self.targets:
            if key == t.id.casefold():
                return t.id
        owners = {
            tid for term, of in self._lookup.items() if term.casefold() == key for tid, _ in of
        }
        found = [t for t in self.ids if t in owners]  # (超微半導體 for 超微半导体 too)
        if len(found) > 1:
            raise AmbiguousTarget(name.strip(), found)  # a related word (GPU) several list
        return found[0] if found else None

    @cached_property
    def _lookup(self) -> dict[str, list[tuple[str, str]]]:
        """term → (target, kind) of every target listing it: a name, alias, product or person
        has one; a related or weak word may be several targets' (显卡 for NVIDIA and AMD). A
        term's spelling in the other script stands for it too, where no target lists that
        spelling and it is no exclude word."""
        lookup: dict[str, list[tuple[str, str]]] = {}
        for t in self.targets:
            for term, kind in t.terms().items():
                lookup.setdefault(term, []).append((t.id, kind))
        listed = set(lookup) | self._listed_excluded
        for t in self.targets:
            for term, kind in t.terms().items():
                for spelling in _spellings(term) - listed:
                    if (t.id, kind) not in lookup.setdefault(spelling, []):
                        lookup[spelling].append((t.id, kind))
        return lookup

    @cached_property
    def _listed_excluded(self) -> set[str]:
        return {w for t in self.targets for w in t.exclude}

    @cached_property
    def _folded(self) -> dict[str, list[tuple[str, str]]]:
        """The terms matched in any case (_any_case), by their case-folded form."""
        return {term.casefold(): found for term, found in self._lookup.items() if _any_case(term)}

    @cached_property
    def _regex(self) -> re.Pattern[str]:
        # Longest first, so 英伟达公司 wins over 英伟达. The lookahead on the terms' first
        # characters lets the engine skip most positions at once: Python tries every
        # alternative at every position otherwise, which made this 15 times slower.
        # Exclude words are alternatives too, matched as nothing: at a position, the longest
        # word wins, so 老黄牛 (a word of no target) hides 老黄, and a term longer than an
        # exclude word (老黄牛逼) hides it in turn, as words are read.
        excluded = {spelling for w in self._listed_excluded for spelling in _spellings(w)} - set(
            self._lookup
        )
        terms = sorted([*self._lookup, *excluded], key=len, reverse=True)
        firsts = re.escape(
            "".join(sorted({c for t in terms for c in {t[0], t[0].lower(), t[0].upper()}}))
        )
        return re.compile(f"(?=[{firsts}])(?:" + "|".join(_term_pattern(t) for t in terms) + ")")

    def all_terms(self) -> list[str]:
        return list(self._lookup)

    def _terms_in(self, text: str) -> list[tuple[str, str, re.Match[str]]]:
        """(target, kind, match) of every catalogue term in text, weak or not; none inside an
        exclude word (老黄 in 老黄牛 is no NVIDIA)."""
        return [
            (target, kind, m)
            for m in self._regex.finditer(narrow(text))
            for target, kind in (
                self._lookup.get(m.group(0)) or self._folded.get(m.group(0).casefold(), ())
            )
        ]

    def find(self, text: str) -> list[Mention]:
        """Every catalogue term in text, with weak terms kept only where the target is named;
        a term typed in full-width letters (ＮＶＩＤＩＡ) counts, its mention as written."""
        raw = self._terms_in(text)
        strong = {t for t, kind, _ in raw if kind not in ("weak", "related")}
        return [
            Mention(
                target=t,
                text=text[m.start() : m.end()],
                start=m.start(),
                end=m.end(),
                kind=_KIND_OF[kind],
            )
            for t, kind, m in raw
            if kind not in ("weak", "related") or t in strong
        ]

    def mentioned(self, text: str) -> set[str]:
        return {m.target for m in self.find(text) if m.kind != "related"}

    def weakly_named(self, text: str) -> set[str]:
        """The targets whose short or ambiguous terms (R1, V3) text holds, named or not: what
        such a term stands for where the text around it has named its target already."""
        return {target for target, kind, _ in self._terms_in(text) if kind == "weak"}
