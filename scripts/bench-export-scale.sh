#!/usr/bin/env bash
# Measures the export parent's memory as the archive grows: N tiny one-paragraph articles (one file each) exported
# with --jobs 2, then exported again unchanged, printing wall time and the parent's own peak resident set (VmHWM
# read from /proc while it runs, so the workers' memory is not counted).
#
#   scripts/bench-export-scale.sh 10000 100000       # build the release binary, then 10k and 100k articles
#   GALLEY=/path/to/old/galley scripts/bench-export-scale.sh 100000   # another binary, for a before-and-after
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${GALLEY:-}" ]]; then swift build -c release --product galley >/dev/null; fi
galley=${GALLEY:-"$PWD/.build/release/galley"}
work=$(mktemp -d "${TMPDIR:-/tmp}/galley-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Runs one export and prints "seconds parent-peak-MB summary-line"; the poll keeps the largest VmHWM seen.
measure() {
    local start end pid peak=0 hwm
    start=$(date +%s.%N)
    "$galley" export "$@" --jobs 2 --json >"$work/out.json" 2>/dev/null &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
        hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
        [[ -n "$hwm" && "$hwm" -gt "$peak" ]] && peak=$hwm
        sleep 0.05
    done
    wait "$pid" || true
    end=$(date +%s.%N)
    printf '%7.1f s  parent peak %4d MB  %s\n' "$(echo "$end - $start" | bc)" "$((peak / 1024))" \
        "$(tail -1 "$work/out.json" | python3 -c 'import json,sys; s=json.load(sys.stdin); print("rebuilt %d skipped %d failed %d" % (s["rebuilt"], s["skipped"], s["failed"]))')"
}

for count in "${@:-10000}"; do
    rm -rf "$work/articles" "$work/out"
    python3 - "$count" "$work/articles" <<'PY'
import json, os, sys
count, folder = int(sys.argv[1]), sys.argv[2]
for n in range(count):
    sub = os.path.join(folder, f"{n // 1000:03d}")
    if n % 1000 == 0: os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, f"a{n}.json"), "w") as f:
        json.dump({"id": str(100000 + n), "title": f"Short article number {n}", "language": "en",
                   "blocks": [{"type": "paragraph", "content": f"A short paragraph for article {n}, set on one page."}]}, f)
PY
    echo "$count articles:"
    printf '  first run: '; measure "$work/articles" --out-dir "$work/out"
    printf '  unchanged: '; measure "$work/articles" --out-dir "$work/out"
done
