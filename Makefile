# Two entry points a new user needs: `make demo` and `make test`.
# Each creates the local virtual environment .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
export TEI_EDITION_TEI_ALL ?= $(abspath $(SHARED)/tei/tei_all.rng)

.PHONY: demo test venv bench clean

$(BIN)/tei-edition: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

venv: $(BIN)/tei-edition

# The main job: the bundled editions in editions/ to validated TEI and reading copies in build/.
demo: venv
	$(BIN)/tei-edition build editions -o build/site

# The whole test suite (jing and Chromium checks included; .ci/run installs them).
test: venv
	$(BIN)/python -m pytest -q

bench: venv
	$(BIN)/python -m bench

clean:
	rm -rf build .pytest_cache .hypothesis
