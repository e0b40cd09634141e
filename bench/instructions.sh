#!/usr/bin/env bash
# Counts the instructions of each benchmark workload with callgrind (valgrind), one iteration
# averaged over ten: bench/instructions.sh OUT.tsv. Lines `workload family size instructions`,
# read by the report (bench/run --instructions). Instruction counts do not depend on what else
# the machine runs, so their ratios are exact where the medians are noisy.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target/bench}"
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 1; }
cargo build --locked -q --release -p gestpay-bench --bin profile
profile="$CARGO_TARGET_DIR/release/profile"
out="$1"
: >"$out"
count() { # workload family size
  local iterations=10 total
  total=$(valgrind --tool=callgrind --collect-atstart=no --toggle-collect='profile::measured*' \
    --callgrind-out-file=/dev/null "$profile" "$1" "$2" "$3" "$iterations" 2>&1 \
    | awk '/refs:/{gsub(",", "", $NF); print $NF}')
  echo "$1 $2 $3 $((total / iterations))" >>"$out"
}
for workload in parse scan build write; do
  count "$workload" corpus 0
done
for size in 50 500 5000; do
  for workload in parse scan scan_owned build write; do
    count "$workload" read_trx_events "$size"
  done
done
for size in 5 50 500; do
  for workload in parse scan scan_owned build unchecked write; do
    count "$workload" encrypt_products "$size"
  done
done
