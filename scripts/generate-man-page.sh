#!/usr/bin/env bash
# Writes galley(1) for the galley binary GALLEY into the folder DIR, from the command definitions themselves.
#
# swift-argument-parser's `generate-manual` tool does the writing (it reads `galley --experimental-dump-help`).
# Its package plugin (`swift package plugin generate-manual`) is not used: the plugin first builds every product
# of the package again in its own configuration (galley-fuzz too, and without --static-swift-stdlib, so everything
# recompiles), which on a shared 2-core machine costs a second full release build for one text file. The tool
# itself is built once from the argument parser checkout SwiftPM already resolved, in its own scratch folder.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: scripts/generate-man-page.sh GALLEY DIR" >&2; exit 64; }
galley="$1"
out="$2"
cd "$(dirname "$0")/.."

parser=.build/checkouts/swift-argument-parser
[ -d "$parser" ] || swift package resolve
tools=.build/argument-parser-tools
swift build -c release --package-path "$parser" --scratch-path "$tools" --product generate-manual >/dev/null
tool="$tools/release/generate-manual"

# The page's date is the last commit's, so that two builds of one commit give the same page.
date="$(git log -1 --format=%cs 2>/dev/null || date -u +%F)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$tool" "$galley" --output-directory "$work" --date "$date" --section 1 --authors "the Galley authors" >/dev/null
# The tool names the page after the executable's file name; installed or staged, that is galley.1.
page="$(find "$work" -name '*.1' | head -n 1)"
[ -n "$page" ] || { echo "generate-man-page.sh: generate-manual wrote no page" >&2; exit 1; }
install -d "$out"
install -m 0644 "$page" "$out/galley.1"
