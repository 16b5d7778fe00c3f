# Tertulia: `make run` starts the platform, `make test` runs every test. Both install what
# they need first (a virtualenv in .venv, the Socket.IO browser client from the npm lockfile).
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
SOCKETIO_JS := static/vendor/socket.io.min.js

.PHONY: run test install install-test chromium lint bench-matching bench-themes bench-realtime bench-summary translations clean

run: install
	$(VENV)/bin/tertulia serve

install: $(VENV)/.installed $(SOCKETIO_JS)

$(VENV)/.installed: pyproject.toml setup.py
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $@

$(SOCKETIO_JS): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	mkdir -p static/vendor
	cp node_modules/socket.io-client/dist/socket.io.min.js $(SOCKETIO_JS)

install-test: $(VENV)/.installed-test

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install --quiet -e '.[test]'
	touch $@

# Debian's Chromium drives the browser tests (Playwright's own browser download cannot work
# here); poppler-utils' pdftotext and pdftoppm check the PDF summaries.
chromium:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || [ -n "$$CHROMIUM_PATH" ] || missing="chromium"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = "0" ]; then \
		echo "Installing Debian packages for the tests:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
		echo "The tests need the Debian packages:$$missing (sudo apt-get install$$missing)."; \
		exit 1; \
	fi

lint: install-test
	$(VENV)/bin/ruff check .

test: install install-test chromium lint
	$(PY) -m pytest

bench-matching: install
	$(PY) bench/matching.py

bench-themes: install
	$(PY) bench/themes.py

bench-realtime: install install-test
	$(PY) bench/realtime.py

bench-summary: install
	$(PY) bench/summary_pdf.py

# Refresh the catalogs after changing user-facing text; the compiled .mo files are committed.
translations: install
	$(VENV)/bin/pybabel extract -F babel.cfg -k N_ -k _l -o translations/messages.pot .
	$(VENV)/bin/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching
	$(VENV)/bin/pybabel compile -d translations

clean:
	rm -rf $(VENV) node_modules static/vendor build *.egg-info
