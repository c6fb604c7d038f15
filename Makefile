# Portail CUI: `make run` serves the embedded demo, `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installe
APT_PAQUETS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core poppler-utils
# poppler-utils: pdftotext and pdftoppm read the printed PDFs back in the tests (the Cerfa box by box).
APT_NAVIGATEUR := chromium
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run run-full test test-rapide lint format bench deps-systeme navigateur demo migrate worker beat clean

$(STAMP): requirements.lock requirements-dev.lock
	@command -v $(PYTHON) >/dev/null 2>&1 || PYTHON=python3; $(MAKE) --no-print-directory deps-systeme
	@test -x $(PY) || ($(PYTHON) -m venv $(VENV) 2>/dev/null || python3 -m venv $(VENV))
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock -r requirements-dev.lock
	@touch $(STAMP)

# WeasyPrint needs Pango (and HarfBuzz); installed from Debian's packages when missing.
deps-systeme:
	@manque=""; for p in $(APT_PAQUETS); do dpkg -s $$p >/dev/null 2>&1 || manque="$$manque $$p"; done; \
	if [ -n "$$manque" ]; then \
	  echo "Paquets système manquants :$$manque"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$manque >/dev/null; \
	fi

# Debian's Chromium for the browser tests (Playwright's own download does not work here).
navigateur:
	@command -v chromium >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_NAVIGATEUR) >/dev/null; }
	@test -f node_modules/axe-core/axe.min.js || npm install --no-audit --no-fund --silent

migrate: $(STAMP)
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py charger_demo

# The demonstration lives on 30/11/2010 (arrêtés 2011 due, CAOM report due, a bilan due): `DATE_DU_JOUR=2010-12-16
# make run` for another day, `DATE_DU_JOUR= make run` for the calendar's.
run: export DATE_DU_JOUR ?= 2010-11-30
run: demo
	$(PY) manage.py runserver 127.0.0.1:8000

# Full stack on local services: PostgreSQL, Redis, Celery worker and beat, web served by gunicorn (2 workers, its
# access log on the standard output, `JOURNAL_ACCES=var/acces.log` for a file: cui_portal/gunicorn_conf.py).
run-full: export DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/cui_portal
run-full: export REDIS_URL ?= redis://127.0.0.1:6379/0
run-full: export DATE_DU_JOUR ?= 2010-11-30
run-full: $(STAMP)
	@psql "$${DATABASE_URL%/*}/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='cui_portal'" | grep -q 1 \
	  || psql "$${DATABASE_URL%/*}/postgres" -c "CREATE DATABASE cui_portal"
	$(PY) manage.py migrate --noinput
	$(PY) manage.py charger_demo
	$(PY) manage.py installer_planification
	@trap 'kill 0' EXIT; \
	$(VENV)/bin/celery -A cui_portal worker --loglevel=INFO --concurrency=2 & \
	$(VENV)/bin/celery -A cui_portal beat --loglevel=INFO & \
	DJANGO_SETTINGS_MODULE=cui_portal.settings.dev $(VENV)/bin/gunicorn -c cui_portal/gunicorn_conf.py

worker: $(STAMP)
	$(VENV)/bin/celery -A cui_portal worker --loglevel=INFO

beat: $(STAMP)
	$(VENV)/bin/celery -A cui_portal beat --loglevel=INFO

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test: $(STAMP) navigateur
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DJANGO_SETTINGS_MODULE=cui_portal.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest --create-db $(PYTEST_ARGS)

# The quick loop while working: lint, layers, and every test but the browser ones, on all the cores (pytest-xdist).
test-rapide: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/pytest -m "not navigateur" -n auto $(PYTEST_ARGS)

# National-scale measurements on PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/cui_bench,
# created if missing and emptied between sizes): `make bench BENCH_ARGS=--sans-1m` or `--tailles 10000,100000`.
bench: $(STAMP)
	@command -v wrk >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk >/dev/null; }
	$(PY) -m benchmarks.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var node_modules
