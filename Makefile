# The front door of the kit: `make` lists the targets.
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
KERNEL := news-figures

# `make report RAW=path/to/articles OUT=path/to/report` runs the collection on another corpus.
RAW ?= data/raw
OUT ?= reports
PROCESSED ?= $(if $(filter reports,$(OUT)),data/processed,$(OUT)/processed)
MAX_FILE_MB ?= 10

.PHONY: help setup report manifest test lab bench lint clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

setup: $(READY)  ## Build the .venv from requirements.lock and register the Jupyter kernel

$(READY): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python ($(KERNEL))" >/dev/null
	@touch $@
	@echo "Environment ready in $(VENV) (kernel: $(KERNEL))."

report: $(READY)  ## Rerun the notebooks that changed and rebuild reports/ (RAW=... OUT=... for another corpus)
	@$(BIN)/python -m helpers.runner --raw "$(RAW)" --out "$(OUT)" --processed "$(PROCESSED)" --max-file-mb $(MAX_FILE_MB)

manifest: $(READY)  ## Write an editable manifest.csv for a corpus
	@$(BIN)/python -m helpers.corpus.make_manifest "$(RAW)" $(if $(findstring command line,$(origin OUT)),--out "$(OUT)") $(if $(FORCE),--force) $(if $(COLUMNS),--columns "$(COLUMNS)") $(if $(STUDY),--study "$(STUDY)")

test: $(READY)  ## Run the test suite
	$(BIN)/python -m pytest

lab: $(READY)  ## Open JupyterLab on the notebooks with the project's kernel
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

bench: $(READY)  ## Benchmark the figure extractor (speed against quantulum3, NewsQuant scores)
	$(BIN)/python bench/bench_figures.py
	$(BIN)/python ../shared/benchmarks/newsquant/score.py ../shared/benchmarks/newsquant/dev.json --project .

lint: $(READY)  ## Check style with ruff
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

clean:  ## Delete generated data and reports (keeps the environment)
	find data/processed reports -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
