#!/usr/bin/env bash
# Galley's regression guard: the figures that matter for speed, measured the same way every time and written as one
# JSON file per run, then compared with the last run on the same machine.
#
#   scripts/bench.sh                 # build the release binary (static Swift runtime, as setup.sh does), measure all
#   QUICK=1 scripts/bench.sh         # fewer repetitions and articles: a quick look, not figures to quote
#   GALLEY=/path/to/old/galley scripts/bench.sh   # another binary, for a before-and-after on the same machine
#   NO_CALLGRIND=1 scripts/bench.sh  # skip the instruction counts (valgrind makes them slow: about 15 s)
#
# Measured:
#   cold      each command in a fresh process, 20 times: `galley --version`, `render`, `check`, `boxes` of the example
#             article, and `bundle` of the example issue (Examples/issue.yaml); median and minimum wall time in ms
#   callgrind instructions executed by each cold command above (only `render` with QUICK=1; valgrind), which load
#             on the machine does not change
#   bench     `galley bench`: ms per article in a warm process
#   export    `galley bench-export`: articles/s with --jobs 1 and 2, peak RSS, unchanged-rerun time
#   bundle    `galley bench-bundle`: a 50-article issue laid out afresh and from cached layouts, in one process; then
#             the same issue from the command line, 20 fresh processes each (cold bundle-50-fresh with --no-cache,
#             bundle-50-cached from the layouts bench-bundle kept): issue 15's 0.3 s
#
# The JSON goes to Output/bench/<machine>/<UTC time>.json (Output/ is not versioned); the previous file of the same
# machine, if any, is printed beside the new figures.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${GALLEY:-}" ]]; then swift build -c release --static-swift-stdlib --product galley >/dev/null; fi
galley=${GALLEY:-"$PWD/.build/release/galley"}
export GALLEY_BIN=$galley
exec python3 scripts/bench.py
