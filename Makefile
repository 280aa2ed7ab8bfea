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
# STUDY: a study under studies/ or a path to one; empty means iran-drones for data/raw and
# general-news for any other RAW. COLUMNS maps an export's columns; STYLE is report or slides.
STUDY ?=
COLUMNS ?=
STYLE ?= report
# ENGINE: where the per-article pass runs, local (every core) or dask (the scheduler in
# DASK_SCHEDULER, else a LocalCluster); see docs/scale.md.
ENGINE ?= local
# PARALLEL: notebooks run at once where they declare what they read (0: one per core, at most 4).
PARALLEL ?= 0

.PHONY: help setup native report manifest test lab bench bench-scale lint clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

setup: $(READY) native  ## Build the .venv from requirements.lock, register the Jupyter kernel, compile the figure reader and the attribution

# The build script compares the sources' hashes with the last build and returns at once when
# they match; without a C compiler, or when mypyc fails, the kit runs pure Python.
native: $(READY)  ## Compile the figure reader and the attribution with mypyc when their sources changed (HELPERS_PURE=1 runs pure Python)
	@$(BIN)/python tools/build_native.py --if-changed || echo "native: the build script failed; the kit runs pure Python (same figures, slower)"

$(READY): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python ($(KERNEL))" >/dev/null
	@touch $@
	@echo "Environment ready in $(VENV) (kernel: $(KERNEL))."

report: $(READY) native  ## Rerun the notebooks that changed and rebuild reports/ (RAW= OUT= STUDY= COLUMNS= STYLE= ENGINE= PARALLEL= FORCE=1 reruns every notebook)
	@$(BIN)/python -m helpers.runner --raw "$(RAW)" --out "$(OUT)" --processed "$(PROCESSED)" --max-file-mb $(MAX_FILE_MB) --study "$(STUDY)" --columns "$(COLUMNS)" --style "$(STYLE)" --engine "$(ENGINE)" --parallel $(PARALLEL) $(if $(FORCE),--force)

manifest: $(READY)  ## Write an editable manifest.csv for a corpus
	@$(BIN)/python -m helpers.corpus.make_manifest "$(RAW)" $(if $(findstring command line,$(origin OUT)),--out "$(OUT)") $(if $(FORCE),--force) $(if $(COLUMNS),--columns "$(COLUMNS)") $(if $(STUDY),--study "$(STUDY)")

# Annotation: sheets to fill in, the check of the gold files, agreement, validation samples.
ANNOTATIONS ?= data/annotations
.PHONY: annotate check-annotations agreement sample

annotate: $(READY)  ## Write one article's annotation sheet (ARTICLE=id [BLIND=1] [ANNOTATOR=name]); ADD=sheet adds a filled one to the gold
	@$(BIN)/python -m helpers.annotate $(if $(ADD),add "$(ADD)" $(if $(REPLACE),--replace),template "$(ARTICLE)" $(if $(BLIND),--blind) $(if $(ANNOTATOR),--annotator "$(ANNOTATOR)") $(if $(SHEET),--out "$(SHEET)") $(if $(FORCE),--force)) --raw "$(RAW)" --annotations "$(ANNOTATIONS)" $(if $(STUDY),--study "$(STUDY)")

check-annotations: $(READY)  ## Check the gold files of data/annotations against the corpus and the study's labels
	@$(BIN)/python -m helpers.annotate check --raw "$(RAW)" --annotations "$(ANNOTATIONS)" $(if $(STUDY),--study "$(STUDY)")

agreement: $(READY)  ## Compare two annotators' sheets of one article: F1, Cohen's kappa, disagreements (A=sheet B=sheet)
	@$(BIN)/python -m helpers.agreement "$(A)" "$(B)" --raw "$(RAW)" $(if $(SHEET),--out "$(SHEET)")

sample: $(READY)  ## Draw a random sample of the machine's figures to judge, stratified by outlet (N=100 SEED=1)
	@$(BIN)/python -m helpers.sampling --n $(or $(N),100) --seed $(or $(SEED),1) --processed "$(PROCESSED)" --out "$(or $(SHEET),$(ANNOTATIONS)/validation_sample.csv)" $(if $(FORCE),--force)

test: $(READY) native  ## Run the test suite (and name the slowest tests)
	$(BIN)/python -m pytest --durations=10

lab: $(READY) native  ## Open JupyterLab on the notebooks with the project's kernel
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

bench: $(READY) native  ## Benchmarks: NewsQuant and number suites, extractor speed, attribution dev set, fuzzing
	$(BIN)/python bench/bench_figures.py
	$(BIN)/python bench/bench_attribution.py
	$(BIN)/python bench/bench_fuzz.py

bench-scale: $(READY) native  ## Scale benchmark: N synthetic articles (20000) through the per-article pass, then 10 added (ENGINE= WORKERS= REPORT=1)
	$(BIN)/python bench/bench_scale.py --n $(or $(N),20000) --engine $(ENGINE) $(if $(WORKERS),--workers $(WORKERS)) $(if $(REPORT),--report)

lint: $(READY)  ## Check style with ruff
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

clean:  ## Delete generated data and reports (keeps the environment)
	find data/processed reports -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
	rm -rf .reports.run data/.processed.run
