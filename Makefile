# Samskapa: `make run` sets up and serves the demo; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SAMSKAPA := $(VENV)/bin/samskapa
PORT ?= 8000
PG_TEST_URL ?= postgresql://postgres@127.0.0.1:5432/test
PYTEST_ARGS ?=

.PHONY: help install install-test lock run worker test test-sqlite test-postgres lint format messages bench clean accessibility-record

help:
	@echo "make run     set up (venv, packages, database, demo) and serve http://127.0.0.1:$(PORT)"
	@echo "make test    install what tests need and run the whole suite (SQLite, then PostgreSQL)"
	@echo "make lint    ruff and mypy"
	@echo "make bench   benchmark scripts (they print figures)"
	@echo "make messages  update the sv/fi/en translation catalogues from the code"
	@echo "make lock    re-pin requirements.lock from pyproject.toml (after changing a dependency)"

# The venv and the runtime packages at the versions in requirements.lock (a constraints file:
# `make lock` regenerates it from pyproject.toml); redone only when one of these files changes.
LOCK := requirements.lock
$(VENV)/.install-stamp: pyproject.toml $(LOCK) package.json
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c $(LOCK) -e .
	@if command -v npm >/dev/null; then npm install --no-audit --no-fund --silent; \
	  else echo "npm is missing: htmx (progressive enhancement) and axe-core (browser tests) are not installed"; fi
	@touch $@

install: $(VENV)/.install-stamp
	@$(PY) -m samskapa.core.catalogues compile
	@$(PY) -m samskapa.publicsite.catalogue compile
	@# OCR of scanned PDFs uses Debian's tesseract with Swedish, Finnish and English data.
	@if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -q '^fin$$'; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's tesseract-ocr (swe, fin, eng) for scanned documents"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      tesseract-ocr tesseract-ocr-swe tesseract-ocr-fin tesseract-ocr-eng >/dev/null) \
	      || echo "SKIP: tesseract could not be installed; scanned PDFs will be reported as unreadable"; \
	  else echo "SKIP: tesseract is missing and apt-get is not usable; scanned PDFs cannot be read"; fi; \
	fi

$(VENV)/.test-stamp: $(VENV)/.install-stamp
	$(PY) -m pip install --quiet -c $(LOCK) -e '.[test]'
	@touch $@

# Resolve pyproject.toml's ranges afresh in a clean venv and pin the result (commit both files).
lock:
	bash scripts/lock.sh

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here).
install-test: install $(VENV)/.test-stamp
	@if ! command -v chromium >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "SKIP: chromium could not be installed; browser tests will be skipped"; \
	  else echo "SKIP: chromium is missing and apt-get is not usable; browser tests will be skipped"; fi; \
	fi

run: install
	@PORT=$(PORT) SAMSKAPA=$(SAMSKAPA) bash scripts/run.sh

worker: install
	$(SAMSKAPA) db_worker

# The two backends run side by side, one per core: SQLite (with the browser tests) in the foreground,
# PostgreSQL in the background with its own var/ folder (uploads, keys), its log shown when it ends.
test: install-test
	@mkdir -p var
	@pg=0; if $(PY) -c "import psycopg; psycopg.connect('$(PG_TEST_URL)', connect_timeout=3).close()" 2>/dev/null; then \
	  pg=1; (SAMSKAPA_VAR_DIR=var/test-postgres $(MAKE) --no-print-directory test-postgres > var/test-postgres.log 2>&1; \
	         echo $$? > var/test-postgres.rc) & \
	else echo "SKIP: PostgreSQL at $(PG_TEST_URL) does not answer; the suite runs on SQLite only"; fi; \
	$(MAKE) --no-print-directory test-sqlite; sqlite=$$?; wait; pgrc=0; \
	if [ $$pg = 1 ]; then cat var/test-postgres.log; pgrc=$$(cat var/test-postgres.rc); fi; \
	echo "SQLite exit $$sqlite, PostgreSQL exit $$pgrc"; [ $$sqlite = 0 ] && [ $$pgrc = 0 ]

test-sqlite:
	@echo "== test suite on SQLite =="
	env -u DATABASE_URL $(VENV)/bin/pytest $(PYTEST_ARGS)

# The browser tests already ran against SQLite; on PostgreSQL the rest runs again.
test-postgres:
	@echo "== test suite on PostgreSQL =="
	DATABASE_URL=$(PG_TEST_URL) $(VENV)/bin/pytest -m "not browser" $(PYTEST_ARGS)

lint: $(VENV)/.test-stamp
	$(VENV)/bin/ruff check src tests bench scripts
	$(VENV)/bin/ruff format --check src tests bench scripts
	$(VENV)/bin/mypy

format: $(VENV)/.test-stamp
	$(VENV)/bin/ruff format src tests bench scripts
	$(VENV)/bin/ruff check --fix src tests bench scripts

messages: install
	cd src/samskapa && ../../$(SAMSKAPA) makemessages -l sv -l fi -l en --no-obsolete --no-location -i "analysis/engine/*"
	$(PY) -m samskapa.core.catalogues compile
	@# The public pages' own catalogues (Arabic): only their strings.
	$(PY) -m samskapa.publicsite.catalogue extract
	$(PY) -m samskapa.publicsite.catalogue compile

# The public pages' axe-core and keyboard walk, recorded for the accessibility statement.
accessibility-record: install-test
	SAMSKAPA_RECORD_ACCESSIBILITY=1 $(VENV)/bin/pytest tests/browser/test_public_pages.py -k four_languages -q
	@cat src/samskapa/publicsite/data/accessibility-checks.json

# Each script prints its figures (bench/README.md); those that need PostgreSQL (BENCH_DATABASE_URL,
# default a samskapa_bench database on the local server) or Chromium say SKIP without them.
BENCH_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/samskapa_bench
bench: install-test
	$(PY) -m pip install --quiet -e '.[test,bench]'
	@# bench/scale.py drives the load with Debian's wrk; without it, with Python threads (rougher figures).
	@if ! command -v wrk >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's wrk for the load benchmarks"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null) \
	      || echo "SKIP: wrk could not be installed; bench/scale.py uses Python threads instead"; \
	  else echo "SKIP: wrk is missing and apt-get is not usable; bench/scale.py uses Python threads instead"; fi; \
	fi
	@for script in bench/[!_]*.py; do echo "== $$script =="; \
	  SAMSKAPA_BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) $$script || echo "($$script did not finish)"; done

clean:
	rm -rf $(VENV) node_modules var .pytest_cache
