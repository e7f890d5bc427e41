# Two entry points: `make demo` (set up, run the main job on the bundled samples) and
# `make test` (set up, lint, run the whole test suite). CI runs `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint format clean browser

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,transformer]'
	$(BIN)/duokong setup
	touch $(STAMP)

demo: setup
	$(BIN)/duokong run

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The report's browser test renders it in Debian's Chromium; installed here when we are root
# with apt (as in CI), else the test says it skipped for lack of a browser.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; } || \
	  echo "no Chromium: the browser test of the report will be skipped"

# Two pytest workers, one per core of a CI machine (TEST_WORKERS=0 runs in one process). Each
# test file stays on one worker: a file's module fixtures (a model trained for its tests) are
# then built once, not once per worker. Files go out heaviest first (tests/conftest.py's
# HEAVY_FIRST), not by xdist's count of tests, so that both workers end together.
TEST_WORKERS ?= 2

test: lint browser
	$(BIN)/pytest -q -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

clean:
	rm -rf $(VENV) data/duokong.duckdb* reports .pytest_cache .ruff_cache
