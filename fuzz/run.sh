#!/usr/bin/env bash
# Runs each fuzz target for a while with libFuzzer (cargo-fuzz on the stable toolchain):
#   fuzz/run.sh [seconds per target] [target…]
# The working corpus grows in fuzz/corpus/<target> (not committed), starting from the committed
# seeds in fuzz/seeds/<target>; crashes land in fuzz/artifacts/<target>. The last line of each
# target's log (fuzz/logs/<target>.log) gives its executions and time.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(results requests envelope callback amount custom_info roundtrip)
# cargo-fuzz passes nightly-only flags to rustc; the stable toolchain accepts them with
# RUSTC_BOOTSTRAP=1. No sanitizer: the core forbids unsafe code. Debug assertions on: integer
# overflows panic.
export RUSTC_BOOTSTRAP=1
target_dir="${CARGO_TARGET_DIR:-../target/fuzz}"
mkdir -p logs
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  cargo fuzz run -s none -a --target-dir "$target_dir" "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$seconds" -max_len=16384 -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 >"logs/$t.log" 2>&1 || { echo "$t: FAILED (see fuzz/logs/$t.log)"; continue; }
  runs=$(grep -E '^stat::number_of_executed_units' "logs/$t.log" | awk '{print $2}')
  echo "$t: ${runs:-?} executions in ${seconds}s"
done
