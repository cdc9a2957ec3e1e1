#!/usr/bin/env bash
# Set-up command 2: runs every test — the Swift suite, then the browser suite over a fresh Site/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --tests
swift build -c release --product habitat
swift test 2>&1 | tee /tmp/habitat-swift-test.log
.build/release/habitat build --clock 2026-11-23 --output .build/site-under-test --quiet
python3 -m pytest -q Tests/fidelity
python3 -m pytest -q Tests/browser --site .build/site-under-test
