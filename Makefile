# briefgen: `make brief` builds the weekly briefs; `make test` runs the tests. Both set themselves up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CONFIG ?= configs/weekly.yaml

.PHONY: brief test lint typecheck bench bench-scale clean setup dev docs golden

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The package and its run-time dependencies; re-run when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# Test and benchmark tools on top.
$(VENV)/.dev: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $@

setup: $(VENV)/.installed
dev: $(VENV)/.dev

# Build any config: make brief CONFIG=path/to/mine.yaml
brief: $(VENV)/.installed
	$(BIN)/briefgen build $(CONFIG)
	@echo "briefgen is $(BIN)/briefgen (not on PATH); or run: source $(BIN)/activate"

test: $(VENV)/.dev
	$(BIN)/python -m pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check briefgen tests bench
	$(BIN)/ruff format --check briefgen tests bench

typecheck: $(VENV)/.dev
	$(BIN)/mypy briefgen

# The golden briefs (tests/golden/): rewrite them after a change meant to change the briefs, then review the diff.
golden: $(VENV)/.dev
	$(BIN)/python tests/make_golden.py

bench: $(VENV)/.dev
	$(BIN)/python bench/quotes.py --split test
	$(BIN)/python bench/rouge.py

bench-scale: $(VENV)/.dev
	$(BIN)/python bench/scale.py

# The README's page images: page 1 of each audience's PDF (needs poppler's pdftoppm).
docs: brief
	mkdir -p docs
	for a in principals analysts press sanctions_desk; do \
	  pdftoppm -r 70 -png -f 1 -l 1 -singlefile out/*-$$a.pdf docs/$$a-page1; \
	done

clean:
	rm -rf out .briefgen-cache .pytest_cache build *.egg-info
