#!/usr/bin/env bash
# Set-up command 2: runs every test — the Swift suite (engine, corpus of invalid sites, mutation
# fuzzer, differential test of the rules against simulateur.js under Node.js), a short
# coverage-guided libFuzzer run (Fuzz/fuzz.sh, 25 s per harness),
# the fidelity tests against the seed documents, then the browser suite over a fresh site
# (Chromium, axe-core, Nu HTML Checker, Pagefind, simulators, serve, reliability).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --tests
# One debug build serves both the Swift tests and the browser tests (a release build would
# compile everything a second time).
swift build --build-tests
swift test --skip-build 2>&1 | tee /tmp/habitat-swift-test.log
bash Fuzz/fuzz.sh 25
export HABITAT_BIN="$PWD/.build/debug/habitat"
# The site under test is built for today, the day its accessibility checks run: the browser suite
# records them (test-artifacts/audit-accessibilite.json) with today's date, and a statement built
# for an earlier day than its checks would honestly say "non conforme" (Conformance.swift).
"$HABITAT_BIN" build --clock "$(date +%F)" --output .build/site-under-test --quiet
python3 -m pytest -q Tests/fidelity
# The examples marked in the staff guides (docs/*.md) are run and compared with what the tool prints.
python3 -m pytest -q Tests/guides
python3 -m pytest -q Tests/browser --site .build/site-under-test
