# Two commands: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench reference clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[gui,test,bench]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m cwgdraft sample
	$(PY) -m cwgdraft gui

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check cwgdraft tests bench templates

bench: $(STAMP)
	$(PY) bench/run_all.py

reference: $(STAMP)
	$(PY) templates/council-ar/build_reference.py

clean:
	rm -rf $(VENV) out build dist .pytest_cache
