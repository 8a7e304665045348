# The two commands: `make run` serves the portal, `make test` runs the whole suite.
# Both start an embedded PostgreSQL and Redis under ./var when DATABASE_URL / REDIS_URL are unset.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
ARGS ?=

.PHONY: run test stop lint messages clean-var bench

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.installed  ## serve web + Celery worker + beat on http://127.0.0.1:8000 until Ctrl-C
	$(PY) -m smartcity.devservers run

test: $(VENV)/.installed  ## the whole suite, browser tests included
	$(PY) -m smartcity.devservers test $(ARGS)

stop:  ## stop embedded servers left running
	$(PY) -m smartcity.devservers stop

# Settings are imported by mypy's Django plugin and by import-linter: any URLs will do, nothing connects.
LINT_ENV := DATABASE_URL=$${DATABASE_URL:-postgres://unused/x} REDIS_URL=$${REDIS_URL:-redis://unused}

lint: $(VENV)/.installed  ## ruff, ruff format --check, mypy and import-linter (the layer contracts)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(LINT_ENV) $(VENV)/bin/mypy
	$(LINT_ENV) $(VENV)/bin/lint-imports

messages: $(VENV)/.installed  ## refresh the Thai and English catalogues
	DEBUG=true DATABASE_URL=postgres://unused/x REDIS_URL=redis://unused $(PY) manage.py makemessages -l th -l en --no-obsolete --ignore .venv --ignore var --ignore static --ignore tests
	DEBUG=true DATABASE_URL=postgres://unused/x REDIS_URL=redis://unused $(PY) manage.py compilemessages --ignore .venv --ignore var

bench: $(VENV)/.installed  ## load test at 1,000 and 100,000 synthetic proposals (README, "Benchmark")
	$(PY) bench/run.py $(ARGS)
