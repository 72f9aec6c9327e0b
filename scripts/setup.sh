#!/usr/bin/env bash
# Quick start, step 1: install what Galley needs, build it, and render every example into Output/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh
swift build -c release
mkdir -p Output
.build/release/galley render Examples/*.json --out-dir Output
.build/release/galley bundle Examples/issue.yaml -o Output/issue.pdf
echo "PDFs are in Output/"
