# Quick start: `make build` (set up, then build the bundled catalog into _site/)
#              `make test`  (set up, then run every test: Python, Node, browser)
.PHONY: setup build serve check test
PY := .venv/bin/python

setup:
	@bash scripts/setup.sh

build: setup
	$(PY) build.py build

serve: setup
	$(PY) build.py serve

check: setup
	$(PY) build.py check

test: setup
	$(PY) -m pytest -n 2
