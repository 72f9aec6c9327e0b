#!/usr/bin/env bash
# Quick start, step 2: install what the tests need, build, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh
swift build --build-tests
swift test --skip-build
# A short fuzzing run of every reader and the layout (a longer one: scripts/fuzz.sh --seconds 600).
scripts/fuzz.sh --seconds 10 --seed 1
