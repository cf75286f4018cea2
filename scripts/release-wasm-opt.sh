# Sourced by the developer's scripts that build the module outside trunk: sets RELEASE_WASM_OPT
# to wasm-opt's arguments as the release build passes them (index.html: the `data-wasm-opt`
# level first, then `data-wasm-opt-params`, in that order: wasm-opt runs its passes in the order
# given), with the features Rust's wasm32 output uses.
# shellcheck shell=bash
_index="$(dirname "${BASH_SOURCE[0]}")/../index.html"
# `read -a` splits the parameters without expanding their wildcards as file names.
read -r -a _params <<< "$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' "$_index")"
RELEASE_WASM_OPT=(-O"$(sed -n 's/.*data-wasm-opt="\([^"]*\)".*/\1/p' "$_index")" "${_params[@]}"
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals)
unset _index _params
