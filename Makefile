# One command to preview the site, one to run every check. Both set themselves up.
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test chromium check-links clean

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --omit=dev --no-audit --no-fund --ignore-scripts
	touch $@

## serve: set up, then preview the site at http://127.0.0.1:8000 with live reload
serve: $(VENV)/.installed
	$(VENV)/bin/mkdocs serve

## build: set up, then build the site into site/ (strict: any warning fails)
build: $(VENV)/.installed
	$(VENV)/bin/mkdocs build

## chromium: install Debian's Chromium for the browser tests if it is missing
chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

## test: set up, then run every check (build, sources, built site, browser)
test: $(VENV)/.installed node_modules/.installed chromium
	$(PY) -m pytest tests

## check-links: fetch every external link (needs the network; weekly in CI)
check-links: $(VENV)/.installed
	CHECK_EXTERNAL_LINKS=1 $(PY) -m pytest tests/test_external_links.py

clean:
	rm -rf site $(VENV) node_modules .pytest_cache
