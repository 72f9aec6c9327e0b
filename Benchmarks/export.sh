#!/bin/sh
# Builds Galley in release mode and runs the export benchmark: N generated articles (default 1000)
# exported with --jobs 1 and 2, then rerun unchanged. Extra arguments go to `galley bench-export`.
set -eu
cd "$(dirname "$0")/.."
scratch=${GALLEY_SCRATCH:-.build-export}
swift build -c release --scratch-path "$scratch" --product galley >&2
exec "$scratch/release/galley" bench-export "$@"
