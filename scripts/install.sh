#!/usr/bin/env bash
# Install everything dateline needs on a fresh Debian/Ubuntu machine, offline-safe:
#   - Debian's chromium, for the web map's browser tests (no browser download by a test framework);
#   - dateline itself, editable, with every extra: dev (tests, linters), api (dateline serve),
#     browser (Playwright driving the system chromium), dask (the cluster engine).
# The spaCy model and the gazetteer's data come from PyPI as ordinary dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

python3 -m pip install -q -e '.[dev,api,browser,dask]'

# Byte-compile the editable sources once: where PYTHONDONTWRITEBYTECODE is set, every run would
# otherwise compile dateline's modules from source again (~0.25 CPU-s of each cold start).
python3 -m compileall -q src >/dev/null
