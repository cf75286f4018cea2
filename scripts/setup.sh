#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test Reflet on a fresh Debian machine with
# Rust 1.95 and Node 20 (only package registries reachable). Safe to run again: each step checks first.
# Sourced by scripts/serve.sh and scripts/test.sh; it exports PATH for the tools it installs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' "$ROOT/Cargo.lock" | sed -n 's/^version = "\(.*\)"/\1/p')

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

if [ "${1:-}" != "--no-browser" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    step "Debian chromium and chromium-driver"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null || { echo "Installing chromium needs root: run this script as root." >&2; exit 1; }
      SUDO="sudo"
    fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    step "Rust component $component"
    rustup component add "$component"
  fi
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qF "$TRUNK_VERSION"; then
  step "trunk $TRUNK_VERSION (a few minutes, once)"
  # 0.22 needs a newer rustc. No default features: no update check, no downloads. A debug build
  # installs in half the time and builds Reflet as fast (trunk only orchestrates other tools).
  cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features --debug
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qF "$WASM_BINDGEN_VERSION"; then
  step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: its lock file names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x "$ROOT/tests/e2e/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/tests/e2e/node_modules/axe-core" ] \
   || [ "$ROOT/tests/e2e/package-lock.json" -nt "$ROOT/tests/e2e/node_modules/.package-lock.json" ]; then
  step "npm packages (playwright-core, axe-core, binaryen's wasm-opt 132)"
  (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi
# npm's wasm-opt 132 first: Debian's binaryen 108 cannot read rustc 1.95's output.
export PATH="$ROOT/tests/e2e/node_modules/.bin:$PATH"

step "Rust crates"
(cd "$ROOT" && cargo fetch --locked >/dev/null)
