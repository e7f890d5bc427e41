# Two entry points: `make demo` (set up, run the main job on the bundled samples) and
# `make test` (set up, lint, run the whole test suite). CI runs `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint format clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
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

test: lint
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) data/duokong.duckdb* reports .pytest_cache .ruff_cache
