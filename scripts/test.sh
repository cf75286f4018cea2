#!/usr/bin/env bash
# Installs what is missing, then runs every check Reflet has: formatting, clippy (host and wasm32,
# -D warnings), native tests (including the layer check), browser tests in headless Chromium, the
# release build, and the end-to-end tests against it. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
START=$SECONDS
# shellcheck source=scripts/setup.sh
source scripts/setup.sh
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
export CHROMEDRIVER=/usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-60}

timed() {
  local name=$1; shift
  local t0=$SECONDS
  step "$name"
  "$@"
  printf '   (%s: %ss)\n' "$name" $((SECONDS - t0))
}

timed "rustfmt" cargo fmt --all -- --check
timed "clippy, host" cargo clippy --locked --all-targets -- -D warnings
timed "clippy, wasm32" cargo clippy --locked --target wasm32-unknown-unknown --all-targets -- -D warnings
timed "native tests (unit, integration, layers, inspect)" cargo test --locked
timed "browser tests (wasm-bindgen-test, headless Chromium)" \
  cargo test --locked --target wasm32-unknown-unknown --test browser
timed "release build (trunk)" trunk build --release

step "release sizes"
for f in dist/reflet_bg.wasm; do
  printf '   %-22s %8d bytes, %8d gzipped\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
done
printf '   %-22s %8d bytes gzipped\n' "whole dist/" "$(cat dist/* 2>/dev/null | gzip -9c | wc -c)"
# The first-load budget (BENCHMARK.md T7b): everything fetched before the drop zone is enabled,
# the files at the top of dist/, and any wasm-bindgen snippets (dist/snippets/, imported by
# reflet.js at start-up). dist/guides/ holds the static "Get your data" pages, which the app
# links to and never loads.
FIRST_LOAD=0
while IFS= read -r f; do
  FIRST_LOAD=$((FIRST_LOAD + $(gzip -9c "$f" | wc -c)))
done < <(find dist -maxdepth 1 -type f; [ ! -d dist/snippets ] || find dist/snippets -type f)
printf '   %-22s %8d bytes gzipped (budget 1,500,000)\n' "first load" "$FIRST_LOAD"
if [ "$FIRST_LOAD" -gt 1500000 ]; then
  echo "The first load is over its 1.5 MB budget." >&2
  exit 1
fi

timed "end-to-end tests (Playwright, Debian Chromium)" bash -c 'cd tests/e2e && node --test --test-concurrency=1'
# BENCHMARK.md's CI smoke run: 10 and 50 MB inputs (generated, cached in target/bench), Reflet's
# worker beside JSON.parse and oboe.js; fails on a wrong result, memory growing with input size, a
# main-thread long task (50 ms or more), or W/N at 50 MB under half its "must" (W/J and W/O are
# reported, not yet gating). W/N compares medians of three runs on each side: one run
# of each swings by a third on this shared machine.
timed "benchmark smoke (10 and 50 MB)" bash -c '
  set -e
  runs=()
  for i in 1 2 3; do
    cargo run --locked --release --quiet --example bench -- 10 50
    cp target/bench/native-summary.json "target/bench/native-summary-smoke-$i.json"
    runs+=("target/bench/native-summary-smoke-$i.json")
  done
  node tests/e2e/contenders.mjs --smoke --native "$(IFS=,; echo "${runs[*]}")"'
printf '\nAll checks passed in %ss.\n' $((SECONDS - START))
