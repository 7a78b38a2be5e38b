# The two commands: `make run` (the bot; the offline demo when no token is set)
# and `make test` (lint, types, tests). Everything installs itself into .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CONFIG ?= $(if $(wildcard config.toml),config.toml,config.example.toml)
# The demo user's language: `make run LANG=en` (only exactly "en" or "ru": a locale such as
# en_US.UTF-8 inherited from the shell keeps the Russian default).
DEMO_LANG := $(if $(filter en ru,$(LANG)),$(LANG),ru)

.PHONY: install run test check lint typecheck pytest bench eval demo emulator clean

install: $(STAMP)

# Reinstall when the pins or the project metadata change.
$(STAMP): pyproject.toml constraints.txt
	@echo "Installing newsbot and its pinned dependencies into $(VENV) (once)..."
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	@$(BIN)/python -m bot run --config $(CONFIG) --demo-if-no-token --lang $(DEMO_LANG)

demo: $(STAMP)
	@$(BIN)/python -m bot demo --config $(CONFIG) --lang $(DEMO_LANG)

emulator: $(STAMP)
	$(BIN)/python -m bot emulator

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

# Four workers on two cores: most end-to-end tests wait on pacing, retries and the network,
# so the suite (every end-to-end test on SQLite and on PostgreSQL) takes a third of the time.
# Work stealing: a worker that runs out takes tests queued behind a long one elsewhere.
pytest: $(STAMP)
	$(BIN)/pytest -n 4 --dist worksteal

check: lint typecheck pytest

test: check

bench: $(STAMP)
	$(BIN)/python -m bench

eval: $(STAMP)
	$(BIN)/python -m bench.eval_regions
	$(BIN)/python -m bench.eval_events

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache *.egg-info
