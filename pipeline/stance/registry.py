"""Stance classifiers by versioned name ("lexicon.v1"), so a config or model card names one
and an old model keeps loading after a new one is added."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.errors import UnknownModelError

if TYPE_CHECKING:
    from pipeline.settings import Settings
    from pipeline.stance.base import StanceClassifier
    from pipeline.targets import Catalogue

Factory = Callable[["Settings", "Catalogue"], "StanceClassifier"]
_REGISTRY: dict[str, Factory] = {}


def register(name: str) -> Callable[[Factory], Factory]:
    def deco(factory: Factory) -> Factory:
        _REGISTRY[name] = factory
        return factory

    return deco


def _load_builtin() -> None:
    # Importing a backend module registers it; each imports its heavy libraries lazily.
    from pipeline.stance import lexicon, linear, transformer  # noqa: F401


def check(name: str) -> None:
    """Refuse a model name no backend has, naming those that exist: a run checks this before
    it starts its workers, each of which would otherwise fail on it with a traceback."""
    _load_builtin()
    if name not in _REGISTRY:
        raise UnknownModelError(
            f"unknown stance model {name!r} (setting `model`); available: "
            f"{', '.join(sorted(_REGISTRY))}"
        )


def create(name: str, settings: Settings, catalogue: Catalogue) -> StanceClassifier:
    check(name)
    return _REGISTRY[name](settings, catalogue)


def available() -> list[str]:
    """Every registered backend, in name order."""
    _load_builtin()
    return sorted(_REGISTRY)
