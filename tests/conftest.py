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
