#!/usr/bin/env bash
# Profiles Reflet's worker on one benchmark input (see tests/e2e/profile.mjs):
#
#   scripts/profile-worker.sh [SIZE_MB] [W|Wwarm]
#
# Builds the module as the release does (profile `app`, wasm-bindgen, wasm-opt) but keeps
# its function names, into target/profile-dist beside a copy of dist/ (run `trunk build --release`
# first), generates the input if needed, and prints the functions that took the most time.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-50}
KIND=${2:-Wwarm}
[ -f dist/index.html ] || { echo "run trunk build --release first" >&2; exit 1; }
OUT=target/profile-dist
cargo build --locked --quiet --profile app --target wasm32-unknown-unknown --bin reflet \
  --no-default-features --features everyday # as index.html builds it
rm -rf "$OUT" && cp -r dist "$OUT"
wasm-bindgen --target web --no-typescript --out-dir "$OUT/bindgen" target/wasm32-unknown-unknown/app/reflet.wasm
# shellcheck source=scripts/release-wasm-opt.sh
source scripts/release-wasm-opt.sh
tests/e2e/node_modules/.bin/wasm-opt "${RELEASE_WASM_OPT[@]}" --debuginfo "$OUT/bindgen/reflet_bg.wasm" -o "$OUT/reflet_bg.wasm"
cp "$OUT/bindgen/reflet.js" "$OUT/reflet.js" && rm -r "$OUT/bindgen"
cargo run --locked --release --quiet --example bench -- "$MB" > /dev/null
REFLET_DIST="$OUT" node tests/e2e/profile.mjs "$MB" "$KIND"
