#!/usr/bin/env bash
# The Node binding's benchmark against soap and fast-xml-parser (bench/node/bench.mjs).
#   bash bench/node/run.sh [--rounds N] [--no-write]
# Installs bench/node's npm dependencies when they are missing or their lockfile changed (the
# stamp of scripts/setup.d/30-node.sh), builds the addon (napi build --release in bindings-node,
# under CARGO_TARGET_DIR) only when it does not load, then writes bench/node/results.md and
# bench/node/summary.tsv (target, measured ratio, met: bench/run's summary table).
# A benchmark, not a test: it is not part of scripts/test.d or CI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

write=1
args=()
for arg in "$@"; do
  if [ "$arg" = "--no-write" ]; then write=0; else args+=("$arg"); fi
done

# npm ci from the committed lockfile, once per lockfile (same stamp as scripts/setup.d/30-node.sh).
npm_ci() {
  local dir="$1" stamp="$1/node_modules/.gestpay-package-lock.json"
  if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then return; fi
  echo "npm ci in ${dir#"$root"/}" >&2
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$dir/package-lock.json" "$stamp"
}

npm_ci "$here"
# bench/node links the package (file:../../bindings-node): it loads once the addon is built.
if ! (cd "$here" && node -e 'require("gestpay")' 2>/dev/null); then
  echo "building the Node addon (napi build --release in bindings-node; a few minutes)" >&2
  npm_ci "$root/bindings-js-core"   # esbuild: the build bundles the shared API (bindings-js-core/lib)
  npm_ci "$root/bindings-node"
  export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target/node}"
  (cd "$root/bindings-node" && npm run --silent build -- -- --locked)
fi

# The core's own time on the same bytes (bench/src/bin/native.rs), for the ratios to native.
(cd "$root" && cargo build --locked -q --release -p gestpay-bench --bin native)
native="${CARGO_TARGET_DIR:-$root/target}/release/native"
case "$native" in /*) ;; *) native="$root/$native" ;; esac
args+=(--native "$native")

out=()
if [ "$write" = 1 ]; then
  out=(--markdown "$here/results.md" --summary "$here/summary.tsv")
fi
cd "$here"
node bench.mjs ${args[@]+"${args[@]}"} ${out[@]+"${out[@]}"}
[ "$write" = 0 ] || echo "written to bench/node/results.md and bench/node/summary.tsv" >&2
