#!/usr/bin/env bash
# The Rust workspace: the core's unit, property, hostile-input and secrets tests, the golden
# corpus (Rust runner and CLI), the emulator, the bindings' Rust tests, the benchmarks' checks.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo test --workspace --locked
