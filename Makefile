# `make run` and `make test` work on a fresh machine: they create .venv and install into it.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench screenshots translations clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[gui,dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/proofreader-gui resources/samples || $(BIN)/proofreader check resources/samples

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	$(BIN)/ruff check proofreader ui tests bench

lint: $(STAMP)
	$(BIN)/ruff check proofreader ui tests bench

bench: $(STAMP)
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/ui_bench.py

screenshots: $(STAMP)
	$(BIN)/python bench/screenshots.py docs/screenshots

translations: $(STAMP)
	$(BIN)/python tools/update_translations.py

clean:
	rm -rf $(VENV) build dist *.egg-info
