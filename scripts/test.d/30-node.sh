#!/usr/bin/env bash
# The Node binding (bindings-node/, over the JS bindings' shared part in bindings-js-core/): the
# generated message types are current; the addon builds (napi build --release, which also
# writes the loader binding.js / binding.d.ts) and the package is assembled over it
# (scripts/package.mjs: bindings-js-core/lib bundled by esbuild into index.js, the shared
# declarations copied, lib/testing.mjs bundled into testing.js); node --test of the shared
# suite (the binding with the whole shared corpus, loopback and emulator end-to-end tests, bad
# input, random input, redaction) and of the package's own tests (its entries, and
# `gestpay/testing` against the local gateway: test/testing.test.mjs); tsc --strict on the
# shared type tests and the TypeScript example, which is then compiled and run against the
# local gateway; the Express example's test (against the local gateway too); a one-round run of
# the benchmark script (it checks, never times).
# scripts/test runs scripts/setup.d/30-node.sh first.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
step() { printf '\n--- node: %s\n' "$*"; }
t0=$SECONDS
for dir in bindings-js-core bindings-node; do
  [ -d "$dir/node_modules" ] || { echo "$dir/node_modules is missing: run bash scripts/setup.d/30-node.sh"; exit 1; }
done

step "generated types (bindings-js-core/scripts/gen-types.mjs --check)"
node bindings-js-core/scripts/gen-types.mjs --check

cd "$root/bindings-node"
step "napi build --platform --release"
npx --no-install napi build --platform --release --js binding.js --dts binding.d.ts -- --locked
step "the package assembled over the addon (scripts/package.mjs: index.js bundled, declarations copied)"
node scripts/package.mjs
ls -l ./*.node

step "the emulator for the end-to-end test (gestpay sandbox)"
(cd "$root" && cargo build --locked -q -p gestpay-cli)
export GESTPAY_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/gestpay"

step "node --test bindings-js-core/test/ (the shared suite) and bindings-node/test/ (the package's entries, gestpay/testing)"
node --test "$root/bindings-js-core/test/" test/   # test/testing.test.mjs: gestpay/testing against the local gateway

step "tsc --strict: the shared type tests and the TypeScript example"
(cd "$root/bindings-js-core" && npx --no-install tsc -p test-types/tsconfig.json)
npx --no-install tsc -p examples/typescript/tsconfig.json

step "the TypeScript example compiled (tsconfig.build.json → examples/typescript/dist/) and run against the local gateway"
rm -rf examples/typescript/dist
npx --no-install tsc -p examples/typescript/tsconfig.build.json
node examples/typescript/dist/local-gateway.js
rm -rf examples/typescript/dist

step "the Express example"
(cd examples/express-amazon-pay && node --test test/)

step "the benchmark script runs (one round, not a timing)"
node "$root/bench/node/bench.mjs" --rounds 1 >/dev/null

printf '\nnode suite done in %ss\n' "$((SECONDS - t0))"
