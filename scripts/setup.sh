#!/usr/bin/env bash
# Quick start, step 1: install what Galley needs, build it, and render every example into Output/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh
# The Swift runtime linked in, as scripts/install.sh and the .deb build it: one release build serves both.
swift build -c release --static-swift-stdlib
mkdir -p Output
# The examples are one publisher's (Examples/galley.yaml): named here, because galley looks for galley.yaml only in the
# working folder and above it, and this runs from the repository root.
.build/release/galley render Examples/*.json --out-dir Output --config Examples/galley.yaml
.build/release/galley bundle Examples/issue.yaml -o Output/issue.pdf --config Examples/galley.yaml
# The magazine layouts: the seed, a long article and the article with figures in two and three columns, and the
# issue in two.
for layout in magazine-a4 magazine-tabloid; do
  .build/release/galley render Examples/iv-9062.json Examples/long-climate-labour.json Examples/energy-workers-in-numbers.json --out-dir "Output/$layout" --layout "$layout" --config Examples/galley.yaml
done
.build/release/galley bundle Examples/issue.yaml -o Output/issue-magazine-a4.pdf --layout magazine-a4 --config Examples/galley.yaml
echo "PDFs are in Output/"
