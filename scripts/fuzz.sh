#!/usr/bin/env bash
# Fuzzes Galley's readers, its layout and issue loaders, and the setting of whole articles with libFuzzer.
#
#   scripts/fuzz.sh [--seconds N] [--seed S] [--debug] [TARGET...]   (default: 60 s for each of every target, a random seed)
#
# --debug builds without optimisation and without debug information: sooner built (about 2 minutes from scratch on 2
# cores; release takes longer) but slower to run, which suits the short smoke run of the test command
# (scripts/test.sh); long runs want release, whose findings name their source lines.
# Targets run side by side, as many at once as there are cores; each one's result is printed in the order given.
# Targets: json markdown html wordpress wxr issue layout typeset (see Sources/GalleyFuzzing/FuzzTarget.swift).
# (Swift's own crash backtracer is turned off: libFuzzer records the crash and its input.)
# Each runs for N seconds from a seed corpus (the examples, the test fixtures and Tests/Fuzz/<target>/, where
# earlier findings are kept) with AddressSanitizer, a 30 s timeout per input and a 2 GB memory limit. The corpus
# grows in .build-fuzz/corpus/<target>/ across runs. A finding (crash, trap, hang, memory blow-up) is written to
# .build-fuzz/findings/<target>/ and makes the script exit 1; copy it into Tests/Fuzz/<target>/ once fixed, and
# the test suite replays it from then on (FuzzRegressionTests).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=60
seed=0
configuration=release
build_flags=()
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --debug) configuration=debug; build_flags=(-debug-info-format none); shift ;;
        -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) targets+=("$1"); shift ;;
    esac
done
all=(json markdown html wordpress wxr issue layout typeset)
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

scratch=.build-fuzz
echo "building the fuzzing targets (libFuzzer, AddressSanitizer) in $scratch/ …"
swift build -c "$configuration" ${build_flags[@]+"${build_flags[@]}"} --scratch-path "$scratch" --product galley-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DGALLEY_LIBFUZZER 2>&1 | grep -v "prohibited flag" | tail -3
binary=$scratch/$configuration/galley-fuzz

# The seeds for a target: files of the shape it reads, from the examples and fixtures, then its kept findings.
seeds() {
    case "$1" in
        json) ls Examples/*.json Tests/GalleyEndToEndTests/Fixtures/*.json ;;
        markdown|typeset) ls Tests/GalleyIngestTests/Fixtures/*.md ;;
        html) ls Tests/GalleyIngestTests/Fixtures/*.html ;;
        wordpress) ls Tests/GalleyIngestTests/Fixtures/wp-*.json ;;
        wxr) ls Tests/GalleyIngestTests/Fixtures/*.xml ;;
        issue) ls Examples/issue.yaml Tests/GalleyEndToEndTests/Fixtures/issue/*.yaml 2>/dev/null || true ;;
        layout) ls Layouts/*.yaml Tests/GalleyEndToEndTests/Fixtures/*.yaml ;;
        *) echo "scripts/fuzz.sh: unknown target \"$1\" (expected one of: ${all[*]})" >&2; exit 2 ;;
    esac
    if [ -d "Tests/Fuzz/$1" ]; then find "Tests/Fuzz/$1" -type f; fi
}

# One target's run, in the background: its log says what it found, its exit status whether it found anything.
run() {
    local target=$1 corpus=$scratch/corpus/$1 findings=$scratch/findings/$1
    GALLEY_FUZZ_TARGET=$target GALLEY_HOME=$root ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no "$binary" "$corpus" \
        -max_total_time="$seconds" -seed="$seed" -timeout=30 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$findings/" -print_final_stats=1 >"$scratch/fuzz-$target.log" 2>&1
}

# The result of the run of $1, started earlier as process $2: printed, and 1 returned for a finding.
report() {
    local target=$1 findings=$scratch/findings/$1 log=$scratch/fuzz-$1.log
    if wait "$2"; then
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
        echo "  $target: no finding in $runs runs"
    else
        echo "  $target: FINDING — see $log; inputs in $findings/:" >&2
        ls "$findings" >&2
        grep -m3 -E "fuzzing found|Fatal error|ERROR: (AddressSanitizer|libFuzzer)" "$log" >&2 || tail -5 "$log" >&2
        return 1
    fi
}

status=0
lanes=$(nproc 2>/dev/null || echo 1)
pids=()
next=0
for index in "${!targets[@]}"; do
    target=${targets[$index]}
    corpus=$scratch/corpus/$target
    mkdir -p "$corpus" "$scratch/findings/$target"
    for file in $(seeds "$target"); do cp "$file" "$corpus/seed-$(basename "$file")"; done
    # A lane is free once the oldest run still going has ended: results come out in the order the targets were given.
    if (( index - next >= lanes )); then
        report "${targets[$next]}" "${pids[$next]}" || status=1
        next=$((next + 1))
    fi
    echo "fuzzing $target for $seconds s ($(ls "$corpus" | wc -l) inputs in its corpus) …"
    run "$target" &
    pids[$index]=$!
done
while (( next < ${#targets[@]} )); do
    report "${targets[$next]}" "${pids[$next]}" || status=1
    next=$((next + 1))
done
exit $status
