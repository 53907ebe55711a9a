# Safe Community platform — run `make help` for the list of targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po locale/overrides/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help run test lint format messages compilemessages lock bench soak clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-16s %s\n", $$1, $$2}'

run: $(VENV)/.installed $(MO_FILES) ## Set up and serve the demo site on http://127.0.0.1:8000 (SQLite, in-process jobs)
	$(MANAGE) runembedded --demo --noreload 127.0.0.1:8000

test: $(VENV)/.installed $(MO_FILES) ## Set up and run the whole test suite (embedded defaults unless the environment says otherwise)
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed ## ruff, formatting, the layers between apps (import-linter) and migrations checks
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(MANAGE) makemigrations --check --dry-run

format: $(VENV)/.installed ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(VENV)/.installed ## Extract translatable strings into locale/uk and locale/en (needs GNU gettext)
	$(MANAGE) makemessages -l uk -l en --no-obsolete --ignore=.venv --ignore=var --ignore=tests --ignore=bench

compilemessages: $(MO_FILES) ## Compile the message catalogues (pure Python, no gettext needed)

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(VENV)/.installed
	$(VENV)/bin/pybabel compile -D django -l $* -i $< -o $@

# Ukrainian for Wagtail's and wagtail-localize's untranslated strings (the shorter stem wins).
locale/overrides/%/LC_MESSAGES/django.mo: locale/overrides/%/LC_MESSAGES/django.po $(VENV)/.installed
	$(VENV)/bin/pybabel compile -D django -l $* -i $< -o $@

lock: $(VENV)/.installed ## Re-pin requirements/*.txt from pyproject.toml
	$(VENV)/bin/pip-compile -q --strip-extras --generate-hashes --no-emit-index-url --no-emit-find-links -o requirements/base.txt pyproject.toml
	$(VENV)/bin/pip-compile -q --strip-extras --generate-hashes --no-emit-index-url --no-emit-find-links --extra dev -o requirements/dev.txt pyproject.toml

bench: $(VENV)/.installed $(MO_FILES) ## Requests/s and latency of public pages under gunicorn (SQLite and PostgreSQL)
	$(PY) bench/pages.py
	$(PY) bench/initiatives.py

soak: $(VENV)/.installed $(MO_FILES) ## 10 minutes at 64 connections on PostgreSQL: fails on any 5xx; p50/p99, worker memory
	$(PY) bench/soak.py

clean: ## Remove the virtualenv, the database and compiled files
	rm -rf $(VENV) var $(MO_FILES)

$(VENV)/.installed: requirements/dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements/dev.txt
	touch $@
