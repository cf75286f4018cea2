#!/usr/bin/env bash
# Counts the instructions the browser's engine runs to read one file with Reflet's wasm code:
#
#   scripts/count-wasm.sh [FILE] [--names]
#
# The browser's timings swing by a quarter from one run to the next on a shared machine; an
# instruction count does not. This builds `report::describe_input` for wasm32 as the page's
# module is built (profile `app`, then wasm-opt as trunk runs it), in a small library of its own under
# target/count-wasm (the profiles are copied from Cargo.toml), runs it in Node's V8 with the
# optimising compiler only (`--no-liftoff`) under callgrind, once and three times, and prints the
# difference halved: the instructions of one read, the compilation left out. FILE defaults to
# the benchmark's 10 MB Records.json (generated if needed). `--names`: a sampled profile by
# function instead (`node --prof`, 3 reads).
#
# Needs valgrind and node; a developer's tool, not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
FILE=${1:-target/bench/records-g4-s7-10MB.json}
case "$FILE" in /*) ;; *) FILE="$ROOT/$FILE" ;; esac
if [ ! -f "$FILE" ] && [ "$FILE" = "$ROOT/target/bench/records-g4-s7-10MB.json" ]; then
  cargo run --locked --release --quiet --example bench -- 10 > /dev/null
fi
OUT=target/count-wasm
mkdir -p "$OUT/src"
{
  cat <<EOF
[package]
name = "count-wasm"
version = "0.0.0"
edition = "2021"
publish = false

[lib]
crate-type = ["cdylib"]

[dependencies]
reflet = { path = "$ROOT" }
serde_json = "1"

EOF
  # The same profiles as the page's module.
  sed -n '/^\[profile\./,/^$/p' Cargo.toml
} > "$OUT/Cargo.toml"
cat > "$OUT/src/lib.rs" <<'EOF'
//! `describe_input` on bytes handed over by the host (scripts/count-wasm.sh).

/// Room for `len` bytes, for the host to copy the file into.
#[no_mangle]
pub extern "C" fn buffer(len: usize) -> *mut u8 {
    Box::leak(vec![0_u8; len].into_boxed_slice()).as_mut_ptr()
}

/// Reads the file of `len` bytes at `ptr`; the length of its reports in JSON.
#[no_mangle]
pub extern "C" fn run(ptr: *const u8, len: usize) -> u64 {
    // SAFETY: the host wrote `len` bytes at `ptr`, from `buffer`.
    let mut source: &[u8] = unsafe { std::slice::from_raw_parts(ptr, len) };
    let mut total = 0;
    reflet::report::describe_input("Records.json", &mut source, &mut |r: reflet::report::FileReport| {
        total += serde_json::to_string(&r).map_or(0, |s| s.len() as u64);
    });
    total
}
EOF
cat > "$OUT/run.mjs" <<'EOF'
// Runs the module's `run` on FILE RUNS times, each in a new instance of the compiled module.
import { readFileSync } from 'node:fs';
const [wasm, file, runs] = process.argv.slice(2);
const module = new WebAssembly.Module(readFileSync(wasm));
const imports = {};
for (const i of WebAssembly.Module.imports(module)) {
  imports[i.module] ??= {};
  if (i.kind === 'function') imports[i.module][i.name] = () => { throw new Error(`${i.name} called`); };
}
const data = readFileSync(file);
for (let k = 0; k < Number(runs); k++) {
  const e = new WebAssembly.Instance(module, imports).exports;
  const at = e.buffer(data.length);
  new Uint8Array(e.memory.buffer, at, data.length).set(data);
  const t = performance.now();
  const out = e.run(at, data.length);
  console.log(`read ${k + 1}: ${(performance.now() - t).toFixed(0)} ms, reports ${out} bytes`);
}
EOF
cp Cargo.lock "$OUT/Cargo.lock"
CARGO_TARGET_DIR="$ROOT/$OUT/target" cargo build --quiet --manifest-path "$OUT/Cargo.toml" \
  --profile app --target wasm32-unknown-unknown
WASM_OPT=tests/e2e/node_modules/.bin/wasm-opt
# shellcheck source=scripts/release-wasm-opt.sh
source scripts/release-wasm-opt.sh
FLAGS=("${RELEASE_WASM_OPT[@]}")
if [ "${2:-}" = --names ]; then
  "$WASM_OPT" "${FLAGS[@]}" --debuginfo "$OUT/target/wasm32-unknown-unknown/app/count_wasm.wasm" -o "$OUT/named.wasm"
  (cd "$OUT" && rm -f isolate-*.log && node --prof --no-liftoff run.mjs named.wasm "$FILE" 3 \
    && node --prof-process isolate-*.log 2>/dev/null | sed -n '/\[JavaScript\]/,/^$/p' | head -40)
  exit 0
fi
"$WASM_OPT" "${FLAGS[@]}" "$OUT/target/wasm32-unknown-unknown/app/count_wasm.wasm" -o "$OUT/module.wasm"
count() {
  valgrind --tool=callgrind --smc-check=all-non-file --callgrind-out-file="$OUT/callgrind.$1" \
    node --no-liftoff "$OUT/run.mjs" "$OUT/module.wasm" "$FILE" "$1" > /dev/null 2>&1
  sed -n 's/^summary: //p' "$OUT/callgrind.$1" | head -1
}
ONE=$(count 1)
THREE=$(count 3)
echo "$(basename "$FILE"): $(( (THREE - ONE) / 2 )) instructions per read in V8" \
  "(module $(stat -c %s "$OUT/module.wasm") bytes, $(gzip -9c "$OUT/module.wasm" | wc -c) gzipped)"
