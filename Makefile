# Two commands for a fresh clone:  make build  ·  make test
# Everything else (virtualenv, packages, Chromium for browser tests) is set up
# on the way.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# npm packages for the tests: the search stemmer's source and the accessibility audit
NPM    := node_modules/.installed

# Reproducible builds: no MkDocs 2 banner, and the site's build date (used in
# sitemap.xml) is the time of the last commit that touched the corpus, so the
# same corpus always gives the same bytes.
export NO_MKDOCS_2_WARNING := 1
CORPUS_EPOCH := $(shell git log -1 --format=%ct -- corpus 2>/dev/null)
export SOURCE_DATE_EPOCH ?= $(if $(CORPUS_EPOCH),$(CORPUS_EPOCH),0)

BASE ?= origin/main

.PHONY: build generate explain serve offline check-links review validate add import bench test golden chromium clean

## build: set up, generate docs/ from corpus/, build the site into site/ and check it against docs/
##        (ENGINE=properdocs builds with the maintained fork of MkDocs; the same bytes)
ENGINE ?= mkdocs
build: generate
	$(BIN)/$(ENGINE) build --strict
	$(BIN)/python -m build_scripts check-site site

## generate: corpus/ -> docs/ (Markdown pages)
generate: $(BIN)/.site-deps
	$(BIN)/python -m build_scripts generate

## offline: build the site for file:// (search included) into dist/lavrov-kazakhstan-archive.zip
offline: $(BIN)/.site-deps
	$(BIN)/python -m build_scripts offline

## add: store a raw transcript in corpus/ and report what the generator finds:
##      make add FILE=path/to/raw.txt (or a saved page.html)  ·  make add URL=https://…
add: $(BIN)/.site-deps
	@if [ -n "$(FILE)" ] && [ -n "$(URL)" ]; then echo "usage: make add FILE=path/to/raw.txt or make add URL=https://… (not both)" >&2; exit 2; fi
	@if [ -z "$(FILE)$(URL)" ]; then echo "usage: make add FILE=path/to/raw.txt or make add URL=https://…" >&2; exit 2; fi
	$(BIN)/python -m build_scripts add $(if $(URL),--url "$(URL)","$(FILE)")

## import: every row of a CSV or JSON Lines export as a transcript with its sidecar (all rows or none):
##         make import FILE=export.csv [MAP="--text body --title headline --date date --url link"]
import: $(BIN)/.site-deps
	@if [ -z "$(FILE)" ]; then echo "usage: make import FILE=export.csv [MAP=\"--text COLUMN --title COLUMN …\"]" >&2; exit 2; fi
	$(BIN)/python -m build_scripts import "$(FILE)" $(MAP)

## validate: check every corpus file and sidecar, reporting all problems at once
validate: $(BIN)/.site-deps
	$(BIN)/python -m build_scripts validate

## check-links: check every internal link and resource of the built site/
check-links: $(BIN)/.site-deps
	$(BIN)/python -m build_scripts check-links site

## review: what the generator made of each transcript changed since BASE (default origin/main),
##         as Markdown; SUMMARY=file appends it there (the pull-request job summary)
review: $(BIN)/.site-deps
	@$(BIN)/python -m build_scripts review --base "$(BASE)" $(if $(SUMMARY),--append "$(SUMMARY)")

## bench: N transcripts synthesised, built and measured against stock MkDocs + Material: make bench N=1000;
##        then the judged query sets (tests/search/) in both editions
N ?= 1000
bench: $(BIN)/.test-deps chromium $(NPM)
	$(BIN)/python -m benchmarks.bench -n $(N)
	$(BIN)/python -m benchmarks.judged_search
	@if [ -d ../shared/sources ]; then \
	  $(BIN)/python -m benchmarks.judged_search --sources ../shared/sources --set tests/search/judged-sources.yml; \
	else echo "(no ../shared/sources: the development-set judged queries are skipped)"; fi

## explain: list every line the generator removed, with its rule
explain: $(BIN)/.site-deps
	$(BIN)/python -m build_scripts generate --explain

## serve: live preview on http://127.0.0.1:8000; edits to corpus/ and the rules regenerate it
serve: generate
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## test: set up what the tests need, then run every test
test: $(BIN)/.test-deps chromium $(NPM)
	$(BIN)/python -m build_scripts validate
	$(BIN)/python -m pytest

## golden: rewrite tests/golden/ from the current generator; review the diff before committing
golden: $(BIN)/.test-deps
	$(BIN)/python -m pytest -q tests/test_golden.py --update-golden

$(BIN)/.site-deps: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements.txt
	touch $@

$(BIN)/.test-deps: requirements-test.txt requirements-schemas.txt $(BIN)/.site-deps
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements-test.txt
	$(BIN)/python -m pip install --disable-pip-version-check -q --no-deps -r requirements-schemas.txt
	touch $@

# From npm, pinned by package-lock.json, for the tests: axe-core for the accessibility audit
# (tests/test_accessibility.py), and snowball-stemmers, from which the search page's stemmer
# (build_scripts/site/indexes/snowball_stemmers.js, kept in the repository so that building needs no
# npm) is cut again and compared. Debian's npm is installed when the machine has none.
$(NPM): package.json package-lock.json
	@if ! command -v npm >/dev/null; then \
	  echo "Installing Debian's npm for the tests (search stemmer, accessibility audit)…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null || \
	  { echo "error: could not install npm; install Debian's 'npm' package and re-run make" >&2; exit 1; }; \
	fi
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Browser tests drive Debian's Chromium; Playwright never downloads a browser.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Installing Debian's chromium for the browser tests…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null || \
	  { echo "error: could not install chromium; install Debian's 'chromium' package and re-run make test" >&2; exit 1; }; \
	fi

clean:
	rm -rf site docs dist .pytest_cache test-artifacts node_modules .docs-stat.json
