# walkapp — two commands on a fresh machine:
#   make run    set everything up and open the app on its default local database
#   make test   set everything up and run the whole test suite (offscreen)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The suite runs on every core, up to four (pytest-xdist); TEST_WORKERS= runs it in one process.
TEST_WORKERS ?= -n auto --maxprocesses 4
# The stamp names the interpreter, so `make test PYTHON=…` after a run with another Python
# rebuilds the venv instead of silently testing with the old one.
STAMP  := $(VENV)/.walkapp-installed-$(subst /,_,$(PYTHON))
DEV_STAMP := $(VENV)/.walkapp-dev-installed

.PHONY: run test sysdeps-run sysdeps-test venv lint wheel screenshots bench killtest clean \
        translations

run: sysdeps-run $(STAMP)
	$(BIN)/walkapp

test: sysdeps-test $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(TEST_WORKERS) $(PYTEST_ARGS)

sysdeps-run:
	@PYTHON=$(PYTHON) sh .ci/system-deps.sh run

sysdeps-test:
	@PYTHON=$(PYTHON) sh .ci/system-deps.sh test

venv: $(STAMP)

$(STAMP): pyproject.toml setup.py
	@want=$$($(PYTHON) -c 'import os, sys; print(os.path.realpath(sys.executable))') && \
	have=$$($(BIN)/python -c 'import os, sys; print(os.path.realpath(sys._base_executable))' 2>/dev/null || true) && \
	if [ "$$want" != "$$have" ]; then rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); fi
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m walkapp.i18n_build
	@touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(DEV_STAMP)

# ruff; the import contracts of pyproject.toml ([tool.importlinter]); strict mypy over walkapp
# and walkapp.ui. The last two run over the package as installed (see tests/helpers/lint.py).
lint: $(DEV_STAMP)
	$(BIN)/ruff check walkapp ui tests
	$(BIN)/python -m tests.helpers.lint contracts
	$(BIN)/python -m tests.helpers.lint mypy

wheel: $(STAMP)
	$(BIN)/python -m pip wheel --no-deps -w dist .

# Every screen at 1024×640, 1366×768, 1920×1080, 1920×1080 at 2× and in the dark palette (one
# folder each), the screens in Spanish (es-1366x768, es-1024x640), and every report page,
# drawn from the sample walk. docs/screenshots/before/
# keeps the same pictures of the look before issue 18, for comparison.
screenshots: sysdeps-test $(STAMP)
	@command -v pdftoppm >/dev/null || sh .ci/system-deps.sh pdf
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m walkapp.ui.screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m walkapp.ui.screenshots docs/screenshots --lang es
	$(BIN)/python -m walkapp.reports.screenshots docs/screenshots/reports
	$(BIN)/python -m walkapp.reports.screenshots docs/screenshots/reports-es --lang es

# Speed figures (reports, imports, start-up check, backup/restore, nudge check, hostile
# files, search at 100,000 and 1,000,000 notes beside a bare FTS5 query, evidence wall, the GUI thread's longest stall per action, idle and locked, cold
# start to an idle window); see
# docs/benchmarks.md. Tests never assert on time.
bench: sysdeps-test $(STAMP)
	$(BIN)/python -m tests.bench.bench_reports
	$(BIN)/python -m tests.bench.bench_import
	$(BIN)/python -m tests.bench.bench_safety
	$(BIN)/python -m tests.bench.bench_checks
	$(BIN)/python -m tests.bench.bench_cli
	$(BIN)/python -m tests.bench.bench_search
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.bench.bench_save
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.bench.bench_gui_stall
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.bench.bench_start
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.bench.bench_library

# kill -9 and SIGTERM of the real app in a real window (Xvfb) while xdotool types a note;
# checks what the database kept (see docs/safety.md). About 15 s a round; not in `make test`.
ROUNDS      ?= 100
TERM_ROUNDS ?= 20
killtest: $(STAMP)
	@PYTHON=$(PYTHON) sh .ci/system-deps.sh killtest
	$(BIN)/python -m tests.e2e.real_window_kills --rounds $(ROUNDS) --term-rounds $(TERM_ROUNDS) $(KILLTEST_ARGS)

# Refresh the catalogue sources from the code, keeping what is translated: the screens'
# text (pyside6-lupdate over ui/ into walkapp_es.ts; entries whose text left the code are
# dropped) and the core's (pybabel extract over walkapp/ and ui/ into walkapp.pot, then
# update of each language's .po). Then build the binaries again.
TRANSLATIONS := resources/translations
BABEL_KEYWORDS := -k tr -k N_ -k plural:2,3
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -silent -no-obsolete -locations none -target-language es $$(find ui -name '*.py' | sort) \
		-ts $(TRANSLATIONS)/walkapp_es.ts
	$(BIN)/pybabel -q extract -F $(TRANSLATIONS)/babel.cfg --no-default-keywords \
		--no-location --sort-output --project walkapp \
		$(BABEL_KEYWORDS) -o $(TRANSLATIONS)/walkapp.pot .
	@if [ -f $(TRANSLATIONS)/es/LC_MESSAGES/walkapp.po ]; then \
		$(BIN)/pybabel -q update --no-fuzzy-matching --ignore-obsolete -D walkapp \
			-i $(TRANSLATIONS)/walkapp.pot -d $(TRANSLATIONS); fi
	$(BIN)/python -m walkapp.i18n_build

clean:
	rm -rf $(VENV) build dist *.egg-info
