#!/usr/bin/env bash
# Builds the release bundle and prints the performance report (sizes, cold
# load, edit latency, native recompute benchmark), also written to
# target/perf-report.json. A benchmark, not a test: it never fails on timing.
# FT_ROI_DIST=... builds into and measures another directory; PERF_LOADS and
# PERF_EDITS change the sample sizes (defaults 25 and 600).
source "$(dirname "$0")/env.sh"
cd "$ROOT"
if [ -n "${FT_ROI_DIST:-}" ]; then
    trunk build --release --dist "$FT_ROI_DIST"
else
    trunk build --release
fi
node tools/perf.mjs
