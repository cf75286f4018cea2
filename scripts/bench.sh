#!/usr/bin/env bash
# The whole benchmark suite of ../shared/BENCHMARK.md in one command, then BENCHMARKS.md rewritten
# from its results:
#
#   scripts/bench.sh [--quick] [--stretch]
#
# Builds the release app (trunk), generates the inputs (seeded, cached in target/bench), runs the
# native bench (N, summary and map mode), the contenders side by side (W, Wwarm, Wsync, J, J2, O, F), the
# app in both modes (time, first progress, renderer memory, bytes per point, long tasks: T8),
# the scanner's raw view natively and in the worker (issue 7), first progress and findings on a
# small real file (T7) and Cancel (T9), then
# tests/e2e/report.mjs writes BENCHMARKS.md (machine, commit, the targets T1–T10, every table,
# docs/benchmarks-notes.md). Every run's raw results stay in target/bench/results/.
#
# Default: 10, 100 and 1000 MB, 3 runs each (medians and spread): roughly 20–30 minutes on 2 cores,
# more when the release builds are not cached.
# --quick: 10 and 50 MB, one run each, Cancel on 100 MB (3–5 minutes once built: to check the script).
# --stretch: adds 2500 MB (T4's stretch).
# Installs nothing beyond what scripts/setup.sh installs. Exits non-zero when a step failed (a
# wrong result, a crash); BENCHMARKS.md is written from whatever was measured.
set -euo pipefail
cd "$(dirname "$0")/.."
COMMAND="scripts/bench.sh${*:+ $*}"
SIZES=(10 100 1000)
RUNS=3
CANCEL_MB=1000
for arg in "$@"; do
  case "$arg" in
    --quick) SIZES=(10 50); RUNS=1; CANCEL_MB=100 ;;
    --stretch) STRETCH=1 ;;
    -h|--help) sed -n '2,/^set -euo/{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $arg (scripts/bench.sh [--quick] [--stretch])" >&2; exit 2 ;;
  esac
done
if [ "${STRETCH:-0}" = 1 ]; then SIZES+=(2500); fi

# shellcheck source=scripts/setup.sh
source scripts/setup.sh
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
RESULTS=target/bench/results
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
STARTED=$(date -u '+%Y-%m-%d %H:%M:%S')
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# The code measured is the code at the start (BENCHMARKS.md itself does not count as a change).
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain -- . ':(exclude)BENCHMARKS.md' 2>/dev/null)" ]; then COMMIT="$COMMIT + uncommitted changes"; fi
START=$SECONDS
FAILED=()

# A step whose failure is recorded, not fatal: the other measurements still run.
measure() {
  local name=$1; shift
  local t0=$SECONDS
  step "$name"
  if ! "$@"; then FAILED+=("$name"); echo "   ($name FAILED)" >&2; fi
  printf '   (%s: %ss)\n' "$name" $((SECONDS - t0))
}

step "release build (trunk)"
trunk build --release

step "native bench (N): generates the inputs once; ${RUNS} run(s) each mode"
cargo build --locked --release --quiet --example bench
for i in $(seq "$RUNS"); do
  measure "native, summary mode, run $i" bash -o pipefail -c 'cargo run --locked --release --quiet --example bench -- "$@" | tee "$0"' \
    "$RESULTS/native-summary-$i.md" "${SIZES[@]}"
  measure "native, map mode, run $i" bash -o pipefail -c 'cargo run --locked --release --quiet --example bench -- --map "$@" | tee "$0"' \
    "$RESULTS/native-map-$i.md" "${SIZES[@]}"
done
# The other inputs of BENCHMARK.md, natively, once: the legacy `timestampMs` records, the Takeout
# zip with monthly Semantic Location History, and the Meta zip of 20,000 small files with mojibake.
EXTRA_SIZES=(10 100)
if [ "$RUNS" = 1 ]; then EXTRA_SIZES=(10); fi
measure "native, the other inputs (legacy, semantic zip, Meta zip)" bash -o pipefail -c \
  'cargo run --locked --release --quiet --example bench -- --only-new --all-inputs "$@" | tee "$0"' \
  "$RESULTS/native-summary-extra.md" "${EXTRA_SIZES[@]}"
if [[ " ${SIZES[*]} " != *" $CANCEL_MB "* ]]; then
  # The input Cancel reads, when it is not one of the sizes (--quick).
  measure "input for Cancel ($CANCEL_MB MB)" bash -o pipefail -c 'cargo run --locked --release --quiet --example bench -- "$1" > "$0"' \
    "$RESULTS/cancel-input.log" "$CANCEL_MB"
fi

measure "contenders (W, Wwarm, J, J2, O, F)" bash -o pipefail -c 'node tests/e2e/contenders.mjs --runs "$1" --json "$0/contenders.json" "${@:2}" | tee "$0/contenders.md"' \
  "$RESULTS" "$RUNS" "${SIZES[@]}"
measure "the app, summary mode" bash -o pipefail -c 'node tests/e2e/bench.mjs --runs "$1" --json "$0/app-summary.json" "${@:2}" | tee "$0/app-summary.md"' \
  "$RESULTS" "$RUNS" "${SIZES[@]}"
measure "the app, map mode" bash -o pipefail -c 'node tests/e2e/bench.mjs --map --runs "$1" --json "$0/app-map.json" "${@:2}" | tee "$0/app-map.md"' \
  "$RESULTS" "$RUNS" "${SIZES[@]}"
measure "the scanner, natively" bash -o pipefail -c 'cargo run --locked --release --quiet --example scan_bench -- --runs "$1" --json "$0/scan-native.json" "${@:2}" | tee "$0/scan-native.md"' \
  "$RESULTS" "$RUNS" "${SIZES[@]}"
measure "the scanner, in the worker" bash -o pipefail -c 'node tests/e2e/scan-bench.mjs --runs "$1" --json "$0/scan-worker.json" "${@:2}" | tee "$0/scan-worker.md"' \
  "$RESULTS" "$RUNS" "${SIZES[@]}"
measure "first findings (T7) and Cancel (T9)" bash -o pipefail -c 'node tests/e2e/latency.mjs --runs 5 --cancel-mb "$1" --json "$0/latency.json" | tee "$0/latency.md"' \
  "$RESULTS" "$CANCEL_MB"

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
printf '{"command": "%s", "commit": "%s", "started": "%s UTC", "load_before": "%s", "load_after": "%s", "sizes": [%s], "runs": %s, "failed": [%s]}\n' \
  "$COMMAND" "$COMMIT" "$STARTED" "$LOAD_BEFORE" "$LOAD_AFTER" "$(IFS=,; echo "${SIZES[*]}")" "$RUNS" \
  "$(for f in "${FAILED[@]}"; do printf '"%s",' "$f"; done | sed 's/,$//')" > "$RESULTS/run.json"
step "BENCHMARKS.md"
node tests/e2e/report.mjs --results "$RESULTS"
printf '\nBenchmarks done in %ss; raw results in %s.\n' $((SECONDS - START)) "$RESULTS"
if [ "${#FAILED[@]}" -gt 0 ]; then
  printf 'Failed steps:\n' >&2
  printf -- '- %s\n' "${FAILED[@]}" >&2
  exit 1
fi
