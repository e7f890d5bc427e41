"""Cheap shared fixtures. Tests that need ../shared skip with a clear message when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.batch import analyzer_for
from pipeline.settings import PROJECT_ROOT, Settings, load_settings

SHARED = PROJECT_ROOT.parent / "shared"
SEED = SHARED / "seeds" / "kajuan-2025-02-02-deepseek-nvidia.txt"
SAMPLES = PROJECT_ROOT / "data" / "samples"
GOLD_DIR = PROJECT_ROOT / "data" / "labelled" / "samples-gold"


# Files holding minutes of work on one core (models trained, held-out sets encoded, Prefect
# runs), heaviest first, from `pytest --durations` on two cores. `make test` hands whole files to
# two workers (--dist loadfile) in collection order, with xdist's own reordering (by number of
# tests) off, so these start first and the many quick files fill in behind them. Left to that
# reordering, test_linear_v2.py (few tests, six minutes) started last and ran alone at the end.
HEAVY_FIRST = (
    "test_flow.py",
    "test_claims.py",
    "test_linear_v2.py",
    "test_linear.py",
    "test_faults.py",
    "test_cli.py",
    "test_reanalyze.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: i for i, name in enumerate(HEAVY_FIRST)}
    # a stable sort: each file's tests and the other files keep their order
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(
            f"{path} is absent: this test reads ../shared evaluation data, which is not in the repo"
        )
    return path


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def analyzer(settings: Settings):
    return analyzer_for(settings)


@pytest.fixture(scope="session")
def lexicon_analyzer(settings: Settings):
    """The rules backend: deterministic labels for tests about what is done with a stance."""
    from pipeline.analyze import Analyzer

    return Analyzer(settings.with_overrides(model="lexicon.v1"))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return need_shared(SEED)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "duokong.duckdb"


@pytest.fixture(scope="session")
def prefect_harness():
    """One Prefect test server for the whole session: starting one costs 10–20 s here."""
    from flows import configure

    configure()  # Prefect's environment, before Prefect is imported
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield
