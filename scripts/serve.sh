#!/usr/bin/env bash
# Installs what is missing, then serves Reflet at http://127.0.0.1:8080 (rebuilds on change).
# Pass --release to serve the optimised build the tests use.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh --no-browser
echo
echo "Reflet: http://127.0.0.1:8080/"
# No auto-reload script: it would be an inline script, which the Content-Security-Policy refuses.
exec trunk serve --no-autoreload "$@"
