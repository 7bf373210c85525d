# Two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint typecheck eval bench bench-ledger clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

DEMO_DB := demo.db
SERVE   ?= yes

# Ingest the bundled corpus into a fresh SQLite ledger, print the ingest summary, the timeline and
# one event with its sources, score event resolution, then serve the dashboard at
# http://127.0.0.1:8000/ until Ctrl-C (`make demo SERVE=no` stops before serving).
demo: install
	$(BIN)/warledger extract corpus/articles/c3-json-wire-kharkiv-flash-2026-02-19.json --format table
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/warledger ingest corpus/articles corpus/ledger/articles --db $(DEMO_DB)
	$(BIN)/warledger timeline --db $(DEMO_DB) --since 2025-06-01
	$(BIN)/warledger show A-2025-08-28-RU-UA --db $(DEMO_DB)
	$(BIN)/warledger eval-ledger corpus/ledger
	@if [ "$(SERVE)" = yes ]; then \
	  echo "Dashboard: http://127.0.0.1:8000/  (API docs: http://127.0.0.1:8000/docs; Ctrl-C to stop)"; \
	  $(BIN)/warledger serve --db $(DEMO_DB); \
	fi

test: install
	$(BIN)/ruff check warledger tests benchmarks docs
	$(BIN)/mypy
	$(BIN)/pytest

# The store tests against a throwaway PostgreSQL server (scripts/pg-test-server), stopped afterwards.
.PHONY: test-pg
test-pg: install
	env=$$(bash scripts/pg-test-server start) && eval "$$env" && \
	trap 'bash scripts/pg-test-server stop "$$WARLEDGER_PG_TEST_DIR"' EXIT && \
	WARLEDGER_REQUIRE_PG=1 $(BIN)/pytest tests/test_store.py

eval: install
	$(BIN)/warledger eval corpus/gold ../shared/dev/gold

bench: install
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_ingest.py

# Query and API latency on a generated ledger of 100,000 articles (generation takes minutes).
bench-ledger: install
	$(BIN)/python benchmarks/bench_ledger_queries.py
	$(BIN)/python benchmarks/bench_api.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
