# Two commands for a fresh clone: `make report` and `make test`.
# Both create .venv if it is missing and install the package (editable) with its
# dependencies from pyproject.toml; nothing else is fetched at run time.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DATA   ?= data/raw
OUT    ?= reports

.PHONY: report test install clean-cache sync-notebooks readme-figures

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

report: $(STAMP)
	$(BIN)/python -m analysis report --data $(DATA) --out $(OUT)

test: $(STAMP)
	$(BIN)/python -m pytest --nbmake

# Re-create every .ipynb from its jupytext twin (the .py file is what reviewers read).
sync-notebooks: $(STAMP)
	$(BIN)/jupytext --sync notebooks/*.py

clean-cache:
	rm -rf data/interim data/processed/analysis

# Copy the charts shown in README.md from the last report.
readme-figures:
	cp $(OUT)/figures/fig02_sourcing_profile.png $(OUT)/figures/fig04_genre_profiles.png \
	   $(OUT)/figures/fig09_look_signals.png docs/figures/
