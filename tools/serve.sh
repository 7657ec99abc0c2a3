#!/usr/bin/env bash
# Builds the release bundle and serves it at http://127.0.0.1:8080
# (PORT=... to change the port). Installs missing tools first.
source "$(dirname "$0")/env.sh"
cd "$ROOT"
trunk build --release
exec node tools/serve.mjs dist "${PORT:-8080}"
