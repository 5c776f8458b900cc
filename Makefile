# The two commands a newcomer needs: `make demo` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
DEMO_ADDR ?= 127.0.0.1:8000
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal
PYTEST_ARGS ?=

.PHONY: demo test install install-dev browser postgres lint migrations-check serve bench bench-compare clean nginx stack stack-stop

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## demo: install, migrate (SQLite by default), load demo content, serve on 127.0.0.1:8000
demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "Serving the portal at http://$(DEMO_ADDR)/  (Ctrl-C to stop; e-mails print below)"
	$(PY) manage.py runserver $(DEMO_ADDR)

## browser: Debian's Chromium for the end-to-end tests (never a downloaded browser)
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

## gettext: Debian's GNU gettext for `make messages` and the catalogue test (issue 12)
.PHONY: gettext
gettext:
	@command -v msgfmt >/dev/null 2>&1 && command -v xgettext >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq gettext >/dev/null; }

## nginx: Debian's nginx for `make stack` and the production-shape tests
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { \
	  echo "Installing Debian's nginx..."; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq nginx-light >/dev/null; }

## stack: the production shape on loopback (nginx :8280, two app servers, Redis, worker)
stack: install nginx postgres
	$(PY) deploy/stack.py start

## stack-stop: stop what `make stack` started, by process id
stack-stop:
	$(PY) deploy/stack.py stop

## postgres: make sure the local PostgreSQL answers (starts the cluster if it is stopped)
postgres:
	@if [ -z "$$DATABASE_URL" ] && ! pg_isready -q -h 127.0.0.1 -p 5432; then \
	  echo "Starting PostgreSQL..."; \
	  pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start; \
	  for i in $$(seq 1 20); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done; \
	fi

lint: install-dev
	$(VENV)/bin/ruff check .

migrations-check: install-dev
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} $(PY) manage.py makemigrations --check --dry-run --settings=portal.settings.test

## test: everything tests need, then the whole suite on PostgreSQL, browser tests included
test: install-dev browser gettext nginx postgres lint
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} $(VENV)/bin/pytest $(PYTEST_ARGS)

bench: install-dev
	bench/run.sh

# Issue 13: the portal against the plain-Wagtail / bare-Django anchors in one interleaved run.
bench-compare: install-dev
	$(VENV)/bin/python bench/compare.py

clean:
	rm -rf $(VENV) staticfiles test-artifacts

## assets: rebuild the committed front-end files (static/css/portal.css, USWDS images, icon
## sprite) from frontend/ with Node 18+ and npm. Tests and CI never need this.
.PHONY: assets
assets:
	cd frontend && npm ci --no-audit --no-fund && npm run build

## messages: refresh the Spanish catalogue from the code and compile it (needs GNU gettext)
.PHONY: messages
messages: install-dev gettext
	$(PY) manage.py makemessages -l es -i ".venv/*" -i "frontend/*" -i "tests/*" -i "node_modules/*"
	$(PY) manage.py compilemessages -l es -i ".venv"
