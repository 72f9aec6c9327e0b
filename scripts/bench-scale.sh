#!/usr/bin/env bash
# Times `galley render` on inputs scaled 1×, 10× and 100× in each dimension issue 11 found quadratic — line breaks
# in one paragraph (HTML <br> and Markdown hard breaks), footnotes, blocks, words in one paragraph, and the length
# of one word — and prints seconds and peak memory, so linear scaling can be read off (10× input ≈ 10× time).
#
#   scripts/bench-scale.sh            # build the release binary, then run every input
#   SCALES="1 10" INPUTS="html-footnotes:50:html" scripts/bench-scale.sh
#   GALLEY=/path/to/old/galley GALLEY_ARGS="--layout $PWD/Layouts/article-a4.yaml" scripts/bench-scale.sh
#
# The inputs are generated into a temporary folder (removed at the end); the base sizes are below.
set -euo pipefail
cd "$(dirname "$0")/.."

# GALLEY names another binary to time (an older build, for a before-and-after).
if [[ -z "${GALLEY:-}" ]]; then swift build -c release --product galley >/dev/null; fi
galley=${GALLEY:-"$PWD/.build/release/galley"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scales=${SCALES:-"1 10 100"}

generate() { # kind count file
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def article(blocks, **extra):
    return json.dumps({"id": "scale", "title": "Scale", "language": "en", "blocks": blocks, **extra})
if kind == "html-breaks":
    text = "<html><head><title>Breaks</title></head><body><p>" + "".join(f"line {i}<br>" for i in range(n)) + "</p></body></html>"
elif kind == "markdown-breaks":
    text = "# Hard breaks\n\n" + "".join(f"line {i}\\\n" for i in range(n)) + "end\n"
elif kind == "html-footnotes":
    calls = "".join(f'<p>Claim {i}<sup><a href="#fn{i}" id="r{i}">{i}</a></sup>.</p>' for i in range(n))
    notes = "".join(f'<li id="fn{i}">Note {i}. <a href="#r{i}">↩</a></li>' for i in range(n))
    text = f'<html><head><title>Notes</title></head><body><article>{calls}<ol class="footnotes">{notes}</ol></article></body></html>'
elif kind == "blocks":
    text = article([{"type": "paragraph", "content": f"Paragraph {i} with a few ordinary words in it."} for i in range(n)])
elif kind == "words":
    text = article([{"type": "paragraph", "content": " ".join(f"word{i % 977}" for i in range(n))}])
elif kind == "one-word":
    text = article([{"type": "paragraph", "content": "a" * n}])
open(path, "w").write(text)
PY
}

printf '%-16s %6s %10s %8s %12s\n' input scale count seconds "peak RSS"
for spec in ${INPUTS:-"html-breaks:1000:html" "markdown-breaks:500:md" "html-footnotes:50:html" "blocks:100:json" "words:1000:json" "one-word:50000:json"}; do
    IFS=: read -r kind base extension <<<"$spec"
    for scale in $scales; do
        count=$((base * scale))
        input="$work/$kind-$count.$extension"
        generate "$kind" "$count" "$input"
        # Pages past the default limit would stop the run; the benchmark measures time, not that limit.
        /usr/bin/time -o "$work/time" -f "%e %M" "$galley" render "$input" -o "$work/out.pdf" \
            --limit pages-per-article=1000000 ${GALLEY_ARGS:-} >/dev/null 2>"$work/err" || { echo "failed: $(head -c 300 "$work/err")"; continue; }
        read -r seconds kib <"$work/time"
        printf '%-16s %5s× %10s %8s %9s MB\n' "$kind" "$scale" "$count" "$seconds" "$((kib / 1024))"
    done
done
