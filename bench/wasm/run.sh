#!/usr/bin/env bash
# The WASM build against native Rust on the same parse (bindings-wasm/bench/wasm.mjs, whose
# native side bench/native.rs it builds through cargo, under CARGO_TARGET_DIR).
#   bash bench/wasm/run.sh [--repeat N] [--rounds N] [--iterations N] [--no-write]
# Benchmarks the package already in bindings-wasm/pkg: it is built (scripts/build.sh) only when
# missing, since the WASM crate is rebuilt by whoever changes it. Writes bench/wasm/results.md
# and bench/wasm/summary.tsv (target, measured ratio, met: bench/run's summary table).
# A benchmark, not a test: it is not part of scripts/test.d or CI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target/bench}"

write=1
args=()
for arg in "$@"; do
  if [ "$arg" = "--no-write" ]; then write=0; else args+=("$arg"); fi
done

if [ ! -f "$root/bindings-wasm/pkg/node/index.mjs" ]; then
  echo "bindings-wasm/pkg is missing: building it (bindings-wasm/scripts/build.sh)" >&2
  bash "$root/bindings-wasm/scripts/build.sh" >&2
fi

json="$CARGO_TARGET_DIR/wasm-bench.json"
mkdir -p "$CARGO_TARGET_DIR"
cd "$root"
node bindings-wasm/bench/wasm.mjs ${args[@]+"${args[@]}"} --json "$json"
if [ "$write" = 1 ]; then
  node "$here/report.mjs" "$json" "$here/results.md" "$here/summary.tsv"
  echo "written to bench/wasm/results.md and bench/wasm/summary.tsv" >&2
fi
