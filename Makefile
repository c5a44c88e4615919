# Linkrete: `make run` serves the demo with its background worker, `make test` runs the whole
# suite (one database per xdist worker). Both on the embedded PostgreSQL in .postgres/
# (linkrete/embedded_database.py), or on the server DATABASE_URL names.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
PYTEST_ARGS ?= -n auto

.PHONY: run test test-instants install lint format messages demo check clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

demo: install
	DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DEBUG=1 $(BIN)/python manage.py seed_demo

# The background worker (manage.py run_worker: db_worker, plus the daily jobs enqueued at their
# hour) runs beside the server and stops with it: Ctrl-C reaches both (the worker finishes the
# task it is running, then exits); if the server stops by itself, the worker is told to stop.
# No autoreload for the worker: after changing a task, stop and start `make run` again. A
# search refresh the last worker left halfway is resumed first.
run: demo
	@DEBUG=1 $(BIN)/python manage.py resume_search_refreshes --now
	@DEBUG=1 $(BIN)/python manage.py run_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; \
	trap 'wait $$worker; exit 130' INT; \
	trap 'exit 143' TERM; \
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The whole suite once per instant of tests/clock.py (a Tuesday 21:40, a Sunday 23:59, the
# nights the clocks change, 31 December, 29 February): no test may depend on the day it runs.
test-instants: install
	$(BIN)/python tests/run_instants.py -- $(PYTEST_ARGS)

check: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

lint: install
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Needs GNU gettext; the compiled catalogues are committed, so only translators need this.
# Italian holds every string; the other interface languages (settings.LANGUAGES, English being
# the msgids) hold the public site and the booking: PUBLIC_IGNORE leaves the staff, operator,
# case and admin code out (those pages are in Italian in those languages, linkrete.middleware).
# `make messages NEW_LANGUAGES=` refreshes the Italian catalogue only.
# tests/linkrete/test_translations.py reads PUBLIC_IGNORE from here.
ALL_IGNORE := --ignore '.venv/*' --ignore 'static/*' --ignore 'tests/*' --ignore 'bench/*'
PUBLIC_IGNORE := $(ALL_IGNORE) --ignore 'templates/staff/*' --ignore 'templates/famiglie/*' --ignore 'templates/admin/*' --ignore 'templates/sportelli/console/*' --ignore 'templates/registration/*' --ignore 'famiglie/*' --ignore 'directory/staff/*' --ignore 'directory/admin/*' --ignore 'directory/onboarding/*' --ignore 'directory/hsds/*' --ignore 'directory/management/*' --ignore 'sportelli/management/*' --ignore 'sportelli/admin.py' --ignore 'linkrete/accounts/*' --ignore 'linkrete/history/*' --ignore 'linkrete/admin_*.py' --ignore 'directory/demo/*'
NEW_LANGUAGES ?= ar sq ro uk zh_Hans es fr

messages: install
	DEBUG=1 $(BIN)/python manage.py makemessages --locale it --no-obsolete $(ALL_IGNORE)
	$(if $(strip $(NEW_LANGUAGES)),DEBUG=1 $(BIN)/python manage.py makemessages $(foreach code,$(NEW_LANGUAGES),--locale $(code)) --no-obsolete $(PUBLIC_IGNORE))
	DEBUG=1 $(BIN)/python manage.py compilemessages --ignore '.venv/*'

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache  # never .postgres/: the local data
