# One command to preview the site, one to run every check. Both set themselves up.
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test chromium check-links add-ref readability review-due bench-setup bench lock clean

# Only what requirements.txt pins by version and hash, pip and setuptools included:
# pip refuses any file whose hash differs, and --no-deps lets nothing in unlisted.
$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	$(PY) -m pip check
	touch $@

# axe-core for the browser tests; Lighthouse for bench/lighthouse.py and its test.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
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

## check: set up, then run the fast checks: sources, build and built site, no browser (under a minute)
check: $(VENV)/.installed
	$(PY) -m pytest tests --ignore=tests/browser

## test: set up, then run every check (build, sources, built site, browser)
test: $(VENV)/.installed node_modules/.installed chromium
	$(PY) -m pytest tests

## check-links: fetch every external link (needs the network; weekly in CI)
check-links: build
	@PYTHONPATH=hooks $(PY) -m checks.external_links

## add-ref: add the source with this DOI to refs.bib in the house style, to check and cite (needs the network): make add-ref DOI=10.xxxx/yyyy
add-ref: $(VENV)/.installed
	@$(PY) tools/add_ref.py $(if $(KEY),--key '$(KEY)') -- '$(DOI)'

## readability: print every page's reading grade (aim for about 6; a page above 8 fails make test)
readability: $(VENV)/.installed
	@PYTHONPATH=hooks $(PY) -m checks.readability

## review-due: list pages whose next_review is past or within DAYS days (default 30)
DAYS ?= 30
REVIEW_FLAGS ?=
review-due: $(VENV)/.installed
	@PYTHONPATH=hooks $(PY) -m checks.review_due --days $(DAYS) $(REVIEW_FLAGS)

## bench-setup: install what the benchmarks need (the same as make test's set-up)
bench-setup: $(VENV)/.installed node_modules/.installed chromium

## bench: run every benchmark, print its figures, fail if any budget is broken (slow: see "Benchmarks" in README.md)
bench: bench-setup
	@status=0; for script in page_weight build_time live_preview lighthouse; do \
	  echo "== bench/$$script.py"; $(PY) bench/$$script.py || status=1; done; exit $$status

## lock: regenerate requirements.txt from requirements.in, every package pinned by version and hash (after editing requirements.in)
lock: $(VENV)/.installed
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links --output-file=requirements.txt requirements.in

clean:
	rm -rf site $(VENV) node_modules .pytest_cache
