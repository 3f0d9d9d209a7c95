# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint unit bench scan clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(VENV)/.installed $@

demo: $(VENV)/.installed
	$(BIN)/masthead demo

lint: $(VENV)/.test-installed
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/lint-imports
	$(BIN)/mypy
	@# Models and migrations agree (test settings: a throwaway data dir, never a real database).
	env -u DATABASE_URL -u REDIS_URL PYTHONPATH=. DJANGO_SETTINGS_MODULE=tests.settings \
	  $(BIN)/python -m django makemigrations --check --dry-run

unit: $(VENV)/.test-installed
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

test: lint unit

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/run.py

# A maintained scanner (wapiti3, in its own venv) against a live demo on 127.0.0.1; bounded.
.venv-scan/bin/wapiti:
	$(PYTHON) -m venv .venv-scan
	.venv-scan/bin/python -m pip install --quiet "wapiti3>=3.2"

scan: $(VENV)/.installed .venv-scan/bin/wapiti
	$(BIN)/python tools/scan.py

clean:
	rm -rf $(VENV) .venv-scan .masthead .pytest_cache
