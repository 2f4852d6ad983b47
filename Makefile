# Two entry points a new user needs: `make demo` and `make test`.
# Each creates the local virtual environment .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

# TEI P5 conformance needs tei_all.rng: use the copy in ../shared when it is there (tests and CI),
# else whatever the user configured ($TEI_EDITION_TEI_ALL or `tei-edition schema fetch`).
SHARED_TEI_ALL := $(wildcard $(abspath $(SHARED))/tei/tei_all.rng)
ifneq ($(SHARED_TEI_ALL),)
export TEI_EDITION_TEI_ALL ?= $(SHARED_TEI_ALL)
export TEI_EDITION_SHARED ?= $(abspath $(SHARED))
endif

.PHONY: demo test venv bench lint clean

$(BIN)/tei-edition: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

venv: $(BIN)/tei-edition

# The main job on the bundled editions: convert (when stale), validate, render HTML and text,
# collection and persons pages into build/site; then BagIt packages into build/bags.
demo: venv
	$(BIN)/tei-edition build editions -o build/site --no-write-tei
	$(BIN)/tei-edition package editions/*/ -o build/bags --zip --force
	@echo "open build/site/index.html; bags in build/bags"

# The whole test suite (jing and Chromium checks included; .ci/run installs them).
test: venv
	$(BIN)/python -m pytest -q -p no:cacheprovider

bench: venv
	$(BIN)/python -m bench

lint: venv
	$(BIN)/python -m pip install -q ruff
	$(BIN)/python -m ruff check src tests bench scripts

clean:
	rm -rf build .pytest_cache .hypothesis
