# Two commands for a fresh clone: `make report` and `make test`; `make lab` to explore.
# Both create .venv if it is missing and install the package (editable) with its
# dependencies from pyproject.toml; nothing else is fetched at run time.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DATA   ?= data/raw
OUT    ?= reports

.PHONY: report test test-fast lab install clean-cache sync-notebooks readme-figures

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

# The edit-test loop: unit tests without the slow ones (report, Dask, very long texts) and
# without running the notebooks. `make test` (what CI runs) is the whole suite.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow" tests

# JupyterLab on the notebooks, on this machine only, with the project's settings
# (jupyter/jupyter_lab_config.py: outputs never saved, the .venv kernel, no news pop-up).
# More options through LAB_ARGS, e.g. make lab LAB_ARGS="--port=8899 --no-browser".
# The kernels run numpy's BLAS on one thread, as the command line does (docs/performance.md),
# unless the environment sets it.
ONE_BLAS_THREAD = OPENBLAS_NUM_THREADS=$${OPENBLAS_NUM_THREADS:-1} MKL_NUM_THREADS=$${MKL_NUM_THREADS:-1}
lab: $(STAMP)
	$(ONE_BLAS_THREAD) $(BIN)/jupyter lab --config=jupyter/jupyter_lab_config.py --notebook-dir=notebooks $(LAB_ARGS)

# Re-create every .ipynb from its jupytext twin (the .py file is what reviewers read).
sync-notebooks: $(STAMP)
	$(BIN)/jupytext --sync notebooks/*.py

clean-cache:
	rm -rf data/interim data/processed/analysis data/processed/comparison data/processed/figures

# Copy the charts shown in README.md from the last report.
readme-figures:
	cp $(OUT)/figures/fig02_sourcing_profile.png $(OUT)/figures/fig04_genre_profiles.png \
	   $(OUT)/figures/fig09_look_signals.png docs/figures/
