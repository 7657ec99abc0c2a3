# Sourced by the tools/ scripts: installs what is missing, skips what is
# present, and puts the project's tools first on PATH. Safe to source twice.
# Everything comes from crates.io, npm or Debian: nothing is downloaded from
# GitHub, so it works on a machine that reaches only package registries.

set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock")

export PATH="$ROOT/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        log "need root for: $*"; return 1; fi
}

apt_install() {
    log "installing $* from Debian"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi
# clippy and rustfmt are part of the default profile, but a minimal one lacks them.
for component in clippy rustfmt; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
        rustup component add "$component"
    fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    log "installing trunk $TRUNK_VERSION (about 6 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    # Not --locked: one locked dependency version is missing from this registry.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# wasm-split-cli cuts the wasm into the first module and the chunks loaded
# after the first paint (tools/split.mjs, a Trunk post_build hook). 0.2.3 or
# later is needed with wasm-bindgen 0.2.128 and later.
WASM_SPLIT_VERSION=0.2.4
# (It has no --version: cargo's record of installed crates tells.)
if ! command -v wasm-split-cli >/dev/null \
    || ! grep -qs "^\"wasm_split_cli_support $WASM_SPLIT_VERSION " "${CARGO_HOME:-$HOME/.cargo}/.crates.toml"; then
    log "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
fi

missing=()
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
# pdftotext and pdfinfo: the memo's PDF checks (tests/e2e/memo.test.mjs).
command -v pdftotext >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi

# binaryen 132 (wasm-opt), terser and playwright-core, pinned by tools/package-lock.json.
# Never Debian's binaryen: its wasm-opt 108 yields a wasm that crashes at run time.
if [ ! -x "$ROOT/tools/node_modules/.bin/wasm-opt" ] || [ ! -x "$ROOT/tools/node_modules/.bin/terser" ] \
    || [ ! -d "$ROOT/tools/node_modules/playwright-core" ] \
    || [ "$ROOT/tools/package-lock.json" -nt "$ROOT/tools/node_modules/.package-lock.json" ]; then
    log "installing binaryen, terser and playwright-core from npm"
    npm ci --prefix "$ROOT/tools" --no-audit --no-fund --loglevel=error
fi

# MkDocs and the Material theme (PyPI, pinned by tools/mkdocs-requirements.txt)
# for the example docs site, in a virtual environment of their own; not on
# PATH (its python would shadow the system's): tools/venv/bin/mkdocs.
MKDOCS="$ROOT/tools/venv/bin/mkdocs"
export MKDOCS
if [ ! -x "$MKDOCS" ] || [ "$ROOT/tools/mkdocs-requirements.txt" -nt "$ROOT/tools/venv/.installed" ]; then
    log "installing MkDocs and the Material theme from PyPI"
    command -v python3 >/dev/null || apt_install python3
    python3 -m venv "$ROOT/tools/venv" 2>/dev/null || { apt_install python3-venv && python3 -m venv "$ROOT/tools/venv"; }
    "$ROOT/tools/venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$ROOT/tools/mkdocs-requirements.txt"
    touch "$ROOT/tools/venv/.installed"
fi
