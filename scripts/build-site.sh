#!/usr/bin/env bash
# Set-up command 1: installs what the build needs, compiles Habitat (release) and builds Site/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product habitat
.build/release/habitat build "$@"
