"""Fingerprints that find an article reposted with small changes.

An article's id is the hash of its body, so a repost that extraction reads word for word is the
same article already. Most reposts are not: the copying site adds 本文转载自… or drops the
original's closing line, converts it to Traditional script, or changes its punctuation. Each
copy was then a separate article, and the trend counted one writer's opinion twice (on two sites,
under two bylines) and the ledger scored one claim twice.

A body's fingerprint is a MinHash (datasketch) of its character 5-grams, read in Simplified
script with punctuation, symbols and spaces left out, so that what a copy changes costs only the
n-grams it touches. The estimated Jaccard similarity of two fingerprints is the share of equal
values; the writer compares only the pairs that share a band (LSH: 32 bands of 4 values each
put a pair of similarity 0.7 side by side with probability 1 − (1 − 0.7⁴)³² > 0.999, one of
0.3 with 0.23) and keeps those on two sites at `COPY_SIMILARITY` or more
(pipeline/warehouse/copies.py), of which the view `article_copies` tells copy from original.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

from datasketch import MinHash

from pipeline.nlp import to_simplified

SHINGLE = 5
PERMUTATIONS = 128
BAND_ROWS = 4
# Stored with each fingerprint: fingerprints of another method are made anew, never compared.
# v2: two publishers told apart by host or byline where a site is unknown (migration 0021);
# a database matched under v1 is fingerprinted and matched anew, once, on its next write.
METHOD = f"minhash-affine32-{PERMUTATIONS}-char{SHINGLE}-band{BAND_ROWS}-v2"
# The similarity at which two articles on two sites are one text: a repost with a line of its
# own added and a closing line dropped scores 0.74 on a 230-character column, more on a longer
# one; a Traditional copy the same;
# two columns on one subject in the same words, under 0.1 (tests/test_near_copies.py,
# benchmarks/near_copies.py).
COPY_SIMILARITY = 0.7
# A body with fewer 5-grams than this is never called a copy: two short posts that differ by a
# word are two posts (two readers can write the same one-line call), and one identical to
# another is the same article already.
MIN_SHINGLES = 40


@dataclass(frozen=True)
class Fingerprint:
    shingles: int  # distinct 5-grams read (a very short body matches little, and says so)
    minhash: tuple[int, ...]
    bands: tuple[int, ...]  # one 64-bit key per band of BAND_ROWS values; none when too short


def letters(text: str) -> str:
    """The text as a copy shares it: NFKC, Simplified, lower case, and only letters and digits.
    The fingerprint reads a body so; the ledger keys a claim by its quote so (predictions.words),
    that a Traditional repost's claim is its original's."""
    text = to_simplified(unicodedata.normalize("NFKC", text))
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN").lower()


def fingerprint(body: str) -> Fingerprint:
    read = letters(body)
    shingles = {
        read[i : i + SHINGLE].encode("utf-8") for i in range(max(1, len(read) - SHINGLE + 1))
    }
    sketch = MinHash(num_perm=PERMUTATIONS, seed=1, scheme="affine32")
    sketch.update_batch(list(shingles))
    values = tuple(int(v) for v in sketch.hashvalues)
    if len(shingles) < MIN_SHINGLES:
        return Fingerprint(len(shingles), values, ())
    raw = sketch.hashvalues.astype("<u4").tobytes()
    width = 4 * BAND_ROWS
    bands = tuple(
        int.from_bytes(hashlib.blake2b(raw[i : i + width], digest_size=8).digest(), "little")
        for i in range(0, len(raw), width)
    )
    return Fingerprint(len(shingles), values, bands)


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated Jaccard similarity of the two bodies' 5-gram sets (a standard error of 0.04 at 0.7)."""
    return sum(x == y for x, y in zip(a.minhash, b.minhash, strict=True)) / PERMUTATIONS
