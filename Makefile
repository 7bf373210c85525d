# Two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint typecheck eval bench clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

demo: install
	$(BIN)/warledger extract corpus/articles/c1-wire-zhytomyr-2025-05-25.txt --published 2025-05-25 --format table
	$(BIN)/warledger extract corpus/articles/c3-html-volgograd-refinery-drones-2025-10-14.html --published 2025-10-14 --format table
	$(BIN)/warledger extract corpus/articles/c3-json-wire-kharkiv-flash-2026-02-19.json --format table
	$(BIN)/warledger eval corpus/gold

test: install
	$(BIN)/ruff check warledger tests benchmarks docs
	$(BIN)/mypy
	$(BIN)/pytest

eval: install
	$(BIN)/warledger eval corpus/gold ../shared/dev/gold

bench: install
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
