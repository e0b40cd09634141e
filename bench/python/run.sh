#!/usr/bin/env bash
# The Python binding's benchmark against zeep and hand-written xml.etree (bench/python/bench.py).
#   bash bench/python/run.sh [--reinstall] [--quick] [--rounds N] [--no-write]
# Uses the repository's .venv (made by scripts/setup.d/20-python.sh when missing), installs the
# pinned requirements.txt into it when they changed, and the binding (a release build from
# ./bindings-python) when it is missing or with --reinstall. Writes bench/python/results.md.
# A benchmark, not a test: it is not part of scripts/test.d or CI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
py="$root/.venv/bin/python"
pip=("$py" -m pip install -q --disable-pip-version-check)

reinstall=0
args=()
for arg in "$@"; do
  if [ "$arg" = "--reinstall" ]; then reinstall=1; else args+=("$arg"); fi
done

[ -x "$py" ] || bash "$root/scripts/setup.d/20-python.sh"

stamp="$root/.venv/.gestpay-bench-requirements"
if ! cmp -s "$here/requirements.txt" "$stamp"; then
  echo "installing the benchmark's requirements into .venv" >&2
  "${pip[@]}" -r "$here/requirements.txt"
  cp "$here/requirements.txt" "$stamp"
fi

if [ "$reinstall" = 1 ] || ! "$py" -c 'import gestpay' 2>/dev/null; then
  echo "building and installing ./bindings-python (release; a few minutes)" >&2
  export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target/python}"
  "${pip[@]}" --force-reinstall --no-deps "$root/bindings-python"
fi

# The core's own time on the same bytes and values (bench/src/bin/native.rs).
cargo build --release --locked -q -p gestpay-bench --bin native

exec "$py" "$here/bench.py" ${args[@]+"${args[@]}"}
