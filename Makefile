# Peyvand: every routine task is one command. `make run` and `make test` are all a newcomer needs.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
MANAGE := $(PY) manage.py
# Checks that need settings but no real secret.
CHECK_ENV := PEYVAND_TESTING=1
# pytest-xdist workers (each with its own test database and live server); at most 4.
# `make pytest PYTEST_XDIST=` runs everything in one process.
PYTEST_XDIST ?= -n auto --maxprocesses=4
# Every worker imports every test module; where the environment forbids bytecode files
# (PYTHONDONTWRITEBYTECODE), each run would compile and assertion-rewrite them all again.
PYTEST := PYTHONDONTWRITEBYTECODE= $(VENV)/bin/pytest

.PHONY: compile-messages help setup run test check lint format typecheck migrations-check messages messages-check \
        pytest test-fast permission-rows e2e bench bench-load demo-logins lock clean chromium

help:
	@echo "make run          set up (venv, database, world data, demo office) and serve on :8000"
	@echo "make test         lint, types, migrations, translations, then the whole pytest suite"
	@echo "make test-fast    the same without the full world import (tests marked slow)"
	@echo "make demo-logins  issue fresh passwords for the demo users"
	@echo "make messages     update the Persian catalogues (locale/ and each app's locale/)"
	@echo "make bench        run the benchmarks in bench/"
	@echo "make bench-load   every page under load against /healthz (bench/load.py)"

$(STAMP): requirements.txt pyproject.toml
	@PYBIN="$$(scripts/find-python)" || exit 1; \
	 if [ ! -x $(PY) ] || ! $(PY) -c 'import sys' >/dev/null 2>&1; then \
	   echo "Creating $(VENV) with $$PYBIN"; rm -rf $(VENV); "$$PYBIN" -m venv $(VENV) || exit 1; \
	 fi
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	@scripts/run

demo-logins: $(STAMP)
	@$(MANAGE) demo_logins

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

typecheck: $(STAMP)
	$(CHECK_ENV) $(VENV)/bin/mypy config peyvand scripts/*.py

migrations-check: $(STAMP)
	$(CHECK_ENV) $(MANAGE) makemigrations --check --dry-run

messages: $(STAMP)
	$(CHECK_ENV) $(MANAGE) makemessages -l fa --no-location --no-obsolete -i '.venv/*' -i 'static/vendor/*' -i 'var/*'

messages-check: $(STAMP) compile-messages
	$(PY) scripts/check_translations.py $(PO)

# The four checks are independent: they run side by side.
check: $(STAMP)
	@$(MAKE) --no-print-directory -j4 lint typecheck migrations-check messages-check

chromium:
	@scripts/ensure-chromium

pytest: $(STAMP) compile-messages
	@scripts/ensure-chromium || true
	@scripts/ensure-report-tools
	$(PYTEST) $(PYTEST_XDIST) $(PYTEST_ARGS)

test: check pytest

test-fast: check compile-messages
	@scripts/ensure-chromium || true
	@scripts/ensure-report-tools
	$(PYTEST) $(PYTEST_XDIST) -m "not slow" $(PYTEST_ARGS)

# The rows the permission matrix (docs/permissions.csv) lacks, with the answers their
# routes give now; WRITE=1 adds them to the table. Check each answer before committing it.
permission-rows: $(STAMP) compile-messages
	$(CHECK_ENV) PYTHONDONTWRITEBYTECODE= $(PY) -m peyvand.api.tests.permission_rows $(if $(WRITE),--write)

e2e: $(STAMP)
	$(PYTEST) $(PYTEST_XDIST) e2e $(PYTEST_ARGS)

bench: $(STAMP)
	@for script in bench/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

# DATABASE_URL picks the database (SQLite by default); BENCH_ARGS e.g. --clients 8 --only "office home"
bench-load: $(STAMP) compile-messages
	$(PY) bench/load.py $(BENCH_ARGS)

lock: $(STAMP)
	$(PY) -m pip freeze --exclude-editable | grep -v '^-e' > requirements.txt

clean:
	rm -rf $(VENV) var/staticfiles .pytest_cache .mypy_cache .ruff_cache artefacts

# The catalogue is compiled when its source changed (or when it is missing).
# The project's catalogue and each app's own (an app with a locale/ folder keeps its
# strings there: decision 0008).
PO := locale/fa/LC_MESSAGES/django.po $(wildcard peyvand/*/locale/fa/LC_MESSAGES/django.po)
MO := locale/fa/LC_MESSAGES/django.mo
compile-messages: $(MO)
$(MO): $(PO) $(STAMP)
	@$(CHECK_ENV) $(MANAGE) compilemessages -l fa -v 0 --ignore '.venv/*'
	@touch $@
