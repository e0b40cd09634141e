#!/usr/bin/env bash
# The Node binding (bindings-node/): the generated message types are current; the addon builds
# (napi build --release, which also writes the loader binding.js / binding.d.ts) and its API is
# bundled over it (esbuild: lib/ → index.js); node --test
# (the binding with the whole shared corpus, loopback and emulator end-to-end tests, bad input,
# random input, redaction); tsc --strict on the type tests and the TypeScript example; the
# Express example's test; a one-round run of the benchmark script (it checks, never times).
# scripts/test runs scripts/setup.d/30-node.sh first.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
step() { printf '\n--- node: %s\n' "$*"; }
t0=$SECONDS
[ -d bindings-node/node_modules ] || { echo "bindings-node/node_modules is missing: run bash scripts/setup.d/30-node.sh"; exit 1; }

cd "$root/bindings-node"
step "generated types (gen-types.mjs --check)"
node scripts/gen-types.mjs --check

step "napi build --platform --release"
npx --no-install napi build --platform --release --js binding.js --dts binding.d.ts -- --locked
step "the API bundled over the addon (scripts/bundle.mjs, esbuild: lib/ → index.js)"
node scripts/bundle.mjs
ls -l ./*.node

step "the emulator for the end-to-end test (gestpay sandbox)"
(cd "$root" && cargo build --locked -q -p gestpay-cli)
export GESTPAY_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/gestpay"

step "node --test test/"
node --test test/

step "tsc --strict: type tests and the TypeScript example"
npx --no-install tsc -p test-types/tsconfig.json
npx --no-install tsc -p examples/typescript/tsconfig.json

step "the Express example"
(cd examples/express-amazon-pay && node --test test/)

step "the benchmark script runs (one round, not a timing)"
node "$root/bench/node/bench.mjs" --rounds 1 >/dev/null

printf '\nnode suite done in %ss\n' "$((SECONDS - t0))"
