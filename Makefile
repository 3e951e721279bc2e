# Thin wrapper over the translate-kit command; every target's logic lives in the CLI.
# The first target that needs it creates .venv and installs the package (editable, with
# test and bench extras); it is reinstalled whenever pyproject.toml changes.

PYTHON  ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
TK      := $(BIN)/translate-kit
PYTEST_ARGS ?=
SERVE_ARGS ?=
BENCH_ARGS ?=

.PHONY: help html pdf epub site livehtml test test-min update-po stats check bench editions clean

help:
	@echo "make html       build every edition into _build/html (site with language switcher)"
	@echo "make pdf        build one PDF per edition into _build/pdf (needs TeX Live)"
	@echo "make epub       build the EPUBs (volumes, articles) into _build/epub (needs the Noto CJK fonts)"
	@echo "make site       html + pdf + epub, with the PDFs and EPUBs copied into the site"
	@echo "make livehtml   serve the site on 127.0.0.1:8000, rebuild on save, reload pages"
	@echo "make test       run the test suite"
	@echo "make test-min   the suite without TeX and browser, on the lowest declared versions (.venv-min)"
	@echo "make update-po  extract messages and update locale/*/LC_MESSAGES/*.po"
	@echo "make stats      translation progress per edition and document"
	@echo "make check      check the catalogs (errors fail)"
	@echo "make bench      benchmarks against plain sphinx-build"
	@echo "make editions   list the editions of translate-kit.toml"
	@echo "make clean      remove _build"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	@touch $(STAMP)

html: $(STAMP)
	$(TK) build html

pdf: $(STAMP)
	$(TK) build pdf

epub: $(STAMP)
	$(TK) build epub

site: $(STAMP)
	$(TK) build site

# SERVE_ARGS: e.g. "-e en --port 8001"
livehtml: $(STAMP)
	$(TK) serve $(SERVE_ARGS)

# One worker per core, each taking whole test files, so that a module's built project is
# built once.
test: $(STAMP)
	$(BIN)/pytest -n auto --dist loadfile $(PYTEST_ARGS)

test-min:
	$(PYTHON) .ci/min-versions $(PYTEST_ARGS)

update-po: $(STAMP)
	$(TK) update

stats: $(STAMP)
	$(TK) stats

check: $(STAMP)
	$(TK) check

bench: $(STAMP)
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

editions: $(STAMP)
	$(TK) editions

clean:
	rm -rf _build
