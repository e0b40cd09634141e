#!/usr/bin/env bash
# Fuzz smoke test: replays the committed seed corpus (fuzz/seeds/<target>/*, regressions
# included) through every fuzz target of fuzz/ — the same target functions libFuzzer runs, called
# by a plain test (`cargo test --no-default-features`: no libFuzzer, no nightly flags, nothing to
# install). Long fuzzing runs are fuzz/run.sh (cargo-fuzz; see fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
# The main workspace's target directory: the core's dependencies are already built there.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
cargo test --locked --manifest-path fuzz/Cargo.toml --no-default-features
