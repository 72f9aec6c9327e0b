#!/usr/bin/env bash
# Quick start, step 2: install what the tests need, build, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh
# A real WordPress for GalleyWordPressTests, installed and started while Galley builds (about 30 s from scratch, 2 s
# when the site is already there); stopped when the tests end, pass or fail, unless it was running before.
if ! scripts/wordpress-test-site.sh status >/dev/null 2>&1; then
  # Waits for a start still under way (the build failed first), so that nothing it starts outlives the stop.
  trap 'wait ${wordpress_start:-} 2>/dev/null || true; scripts/wordpress-test-site.sh stop || true' EXIT
fi
scripts/wordpress-test-site.sh start >/tmp/galley-wordpress-start.log 2>&1 &
wordpress_start=$!
# Built without debug information: DWARF is a fifth of a debug build's compiling and linking here (9 min 8 s → 7 min
# 6 s from scratch on 2 cores), and a failed expectation names its file and line without it. Use the same switch when
# building by hand (swift build --build-tests -debug-info-format none), or the next run builds everything again.
# Each step prints how long it took, so that a slow CI run shows where its time went.
step() { echo "test.sh: $1 took $((SECONDS - step_start)) s (all: ${SECONDS} s)"; step_start=$SECONDS; }
step_start=$SECONDS
swift build --build-tests -debug-info-format none
step "building"
if ! wait "$wordpress_start"; then
  cat /tmp/galley-wordpress-start.log >&2
  exit 1
fi
grep 'running at' /tmp/galley-wordpress-start.log || true
GALLEY_REQUIRE_WORDPRESS=1 swift test --skip-build -debug-info-format none
step "the tests"
# A short fuzzing run of every reader and the layout, unoptimised to build sooner (a longer one: scripts/fuzz.sh --seconds 600).
scripts/fuzz.sh --seconds 10 --seed 1 --debug
step "fuzzing"
