#!/usr/bin/env bash
# Set up everything the catalog generator needs, from the project's own files.
# Idempotent: re-running it only installs what is missing.
#   - Debian packages for the browser and HTML-validator tests (when run as root)
#   - a virtual environment in .venv with the package and its test extra, at the versions of constraints.txt
#   - front-end packages from package-lock.json (npm ci)
# With --build-only (the deploy workflow): no Debian packages, no test extra and no
# devDependencies, only what `build.py check` and `build.py build` use.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  "") build_only=false ;;
  --build-only) build_only=true ;;
  *) echo "usage: scripts/setup.sh [--build-only]" >&2; exit 2 ;;
esac
if $build_only; then
  pip_target=. npm_flags=(--omit=dev) kind=build
else
  pip_target='.[test]' npm_flags=() kind=test
fi

need_apt=()
if ! $build_only; then
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
  command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
  if [ "${#need_apt[@]}" -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
    else
      echo "setup: missing ${need_apt[*]} (install them with apt-get as root for the browser tests)" >&2
    fi
  fi
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# The stamps name what was installed, so a full set-up after --build-only adds the rest.
stamp=.venv/.installed-$kind-$(sha256sum pyproject.toml constraints.txt | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -c constraints.txt -e "$pip_target"
  touch "$stamp"
fi

lock_stamp=node_modules/.installed-$kind-$(sha256sum package-lock.json | cut -c1-16)
if [ ! -f "$lock_stamp" ]; then
  npm ci --no-audit --no-fund --loglevel=error "${npm_flags[@]}"
  touch "$lock_stamp"
fi
