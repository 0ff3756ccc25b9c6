# The course's commands. Each creates .venv (pinned packages + the helpers package) on first use.
#   make lab     open the course in JupyterLab
#   make test    run every test: helpers, notebooks (nbval, strict), course consistency
#   make bench   speed benchmarks (adds the lifetimes reference package in .bench-packages)
#   make lab-zh  the same in Chinese: zh/notebooks/00_start_here.ipynb, JupyterLab's menus in Chinese
#   make nav     regenerate everything derived from the notebooks: navigation bars, course map,
#                slide metadata, dashboards, the lecturer guides (teaching/lecturer_guide.md and
#                teaching/lecturer_guide.zh-CN.md, from teaching/notes/ and zh/teaching/notes/) and
#                the Chinese edition in zh/ (tools/chinese_edition.py, from zh/translations/)
#   make execute run notebooks in place (NB="notebooks/01_why_crm.ipynb" or
#                NB="zh/notebooks/01_why_crm.ipynb"; all, both editions, if unset)
#   make stability  strict nbval three times in a row
#   make slides  reveal.js decks in build/slides (offline: no CDN)
#   make html    the static HTML edition in build/html (offline)
#   make dashboards  every explorer as a Voila dashboard (offline template: voila.json, share/jupyter)
#   make wheelhouse  download every pinned package once into build/wheelhouse, for offline classrooms

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The oldest Python the pins of requirements.txt install on (soupsieve 4.1.2 needs 3.11.5; numpy 2.3,
# SciPy 1.16 and IPython 9 need 3.11). README.md, pyproject.toml, environment.yml and
# helpers/doctor.py say the same; tests/test_environment.py keeps them in step.
PYTHON_FLOOR := 3.11.5
# The interpreter that installs: the one in .venv once it exists, else $(PYTHON)
INSTALL_PYTHON = $(if $(wildcard $(BIN)/python),$(BIN)/python,$(PYTHON))
LAB_ARGS ?=
# JupyterLab refuses to run as root (containers, CI) unless told it may
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
PYTEST_ARGS ?=
VOILA_ARGS ?=

.PHONY: lab lab-zh test bench nav execute stability slides html dashboards lock clean

# postBuild copies the prebuilt labextensions/crm-course-rise-widgets (source in labextensions/src)
# into .venv so that ipywidgets render in RISE slideshows; no node needed
$(STAMP): requirements.txt pyproject.toml postBuild labextensions/crm-course-rise-widgets/package.json share/jupyter/voila/templates/crm-offline/index.html.j2
	@$(INSTALL_PYTHON) -c 'import sys; v = tuple(sys.version_info[:3]); \
	  print("Found Python %d.%d.%d (%s); the course needs $(PYTHON_FLOOR) or newer." % (v + (sys.executable,))); \
	  sys.exit(v < tuple(int(n) for n in "$(PYTHON_FLOOR)".split(".")))' \
	|| { echo "Stopped before installing anything: $(INSTALL_PYTHON) is missing or older than Python $(PYTHON_FLOOR)."; \
	     echo "Install Python $(PYTHON_FLOOR) or newer and name it, e.g. make PYTHON=python3.12 lab"; \
	     echo "(run make clean first if $(VENV) was made with the old one)."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python postBuild
	touch $@

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/00_start_here.ipynb $(ROOT_FLAG) $(LAB_ARGS)

# JupyterLab in Chinese: the zh_CN language pack (requirements.txt) chosen in a settings file of
# its own (build/lab-zh/settings, made here) so that `make lab` stays in English
LAB_ZH_SETTINGS := build/lab-zh/settings
lab-zh: $(STAMP)
	mkdir -p $(LAB_ZH_SETTINGS)/@jupyterlab/translation-extension
	echo '{"locale": "zh_CN"}' > $(LAB_ZH_SETTINGS)/@jupyterlab/translation-extension/plugin.jupyterlab-settings
	JUPYTERLAB_SETTINGS_DIR=$(CURDIR)/$(LAB_ZH_SETTINGS) $(BIN)/jupyter lab zh/notebooks/00_start_here.ipynb $(ROOT_FLAG) $(LAB_ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

BENCH_PACKAGES := .bench-packages

$(BENCH_PACKAGES)/.installed: benchmarks/requirements.txt | $(STAMP)
	$(BIN)/python -m pip install --quiet --no-deps --target $(BENCH_PACKAGES) -r benchmarks/requirements.txt
	touch $@

bench: $(STAMP) $(BENCH_PACKAGES)/.installed
	PYTHONPATH=$(BENCH_PACKAGES) $(BIN)/python benchmarks/run.py $(BENCH)

nav: $(STAMP)
	$(BIN)/python tools/course.py
	$(BIN)/python tools/chinese_edition.py
	$(BIN)/python tools/dashboards.py
	$(BIN)/python tools/lecturer_guide.py

# NB's English notebooks (all if NB is unset) run through tools/course.py, its zh/ ones through
# tools/chinese_edition.py, which regenerates zh/ from the translations first
NB_ZH = $(filter zh/%,$(NB))
NB_EN = $(filter-out zh/%,$(NB))
execute: $(STAMP)
	$(if $(NB_EN)$(if $(NB),,all),$(BIN)/python tools/course.py --execute $(NB_EN))
	$(if $(NB_ZH)$(if $(NB),,all),$(BIN)/python tools/chinese_edition.py --execute $(NB_ZH))
	$(BIN)/python tools/dashboards.py

stability: $(STAMP)
	for run in 1 2 3; do $(BIN)/python -m pytest -q notebooks casestudies zh || exit 1; done

slides: $(STAMP)
	$(BIN)/python tools/publish.py slides --out build/slides

html: $(STAMP)
	$(BIN)/python tools/publish.py html --out build/html

dashboards: $(STAMP)
	$(BIN)/python tools/dashboards.py
	JUPYTER_PATH=$(CURDIR)/share/jupyter $(BIN)/voila dashboards $(VOILA_ARGS)

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet -r requirements.in
	( echo "# Generated by 'make lock' from requirements.in: every package the course installs, pinned."; \
	  echo "# environment.yml installs this same file, so pip and conda users get identical versions."; \
	  $(BIN)/python -m pip freeze --exclude-editable ) > requirements.txt

clean:
	rm -rf $(VENV) $(BENCH_PACKAGES) build *.egg-info

# The student edition: every notebook and case without its worked answers, in build/student/
# (tools/student_edition.py), for lecturers who hand the notebooks out as graded work
.PHONY: student
student: $(STAMP)
	$(BIN)/python tools/student_edition.py --out build/student

# An offline classroom: every pinned package of requirements.txt (and setuptools, which installing
# the helpers package with -e . needs) downloaded once into build/wheelhouse, for the platform and
# Python that run this (other ones: WHEELHOUSE_ARGS="--platform win_amd64 --python-version 3.11
# --only-binary=:all:"). Install on a machine without network access with
#   python -m pip install --no-index --find-links build/wheelhouse -r requirements.txt
#   python -m pip install --no-index --find-links build/wheelhouse --no-deps -e .
WHEELHOUSE := build/wheelhouse
WHEELHOUSE_ARGS ?=
.PHONY: wheelhouse
wheelhouse:
	mkdir -p $(WHEELHOUSE)
	$(INSTALL_PYTHON) -m pip download --quiet -r requirements.txt -d $(WHEELHOUSE) $(WHEELHOUSE_ARGS)
	$(INSTALL_PYTHON) -m pip download --quiet "setuptools>=64" -d $(WHEELHOUSE) $(WHEELHOUSE_ARGS)
	@echo "$(WHEELHOUSE): $$(ls $(WHEELHOUSE) | wc -l) files; install offline with"
	@echo "  python -m pip install --no-index --find-links $(WHEELHOUSE) -r requirements.txt"
