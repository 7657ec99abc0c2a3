#!/usr/bin/env bash
# Runs every test: formatting and lints (native and wasm32), native unit,
# table and property tests, the release build and its size budget, and the
# end-to-end tests in headless Chromium. Installs missing tools first.
source "$(dirname "$0")/env.sh"
cd "$ROOT"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check
step "clippy (native)"
cargo clippy --all-targets --locked -- -D warnings
step "clippy (wasm32)"
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
step "native tests"
cargo test --locked
step "component tests (wasm-bindgen-test in headless Chromium)"
# The wasm32 runner is wasm-bindgen-test-runner (.cargo/config.toml),
# installed with wasm-bindgen-cli; it drives Debian's Chromium through
# ChromeDriver. Only the library holds browser tests (src/app/component_tests.rs).
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --lib --target wasm32-unknown-unknown
step "release build"
trunk build --release
step "size budget (brotli, deterministic)"
node tools/size-budget.mjs
step "end-to-end tests (headless Chromium)"
# A per-test timeout: a test that hangs fails instead of stalling the run.
node --test --test-concurrency=1 --test-timeout=180000 tests/e2e/
