#!/usr/bin/env bash
# Builds the ES module package `gestpay-wasm` into bindings-wasm/pkg (not committed):
#   1. cargo build --profile wasm-release --target wasm32-unknown-unknown -p gestpay-wasm
#   2. wasm-bindgen --target web (pkg/web, for browsers and bundlers) and --target nodejs
#      (pkg/node, for Node and the test suite); the CLI must be the wasm-bindgen crate's version
#   3. wasm-opt -Oz (npm binaryen, bindings-wasm/node_modules) on both modules
#   4. scripts/package.mjs: the JS API (bindings-node/lib, bundled), entries, declarations, manifest
# Needs .ci/setup.d/50-wasm.sh first (wasm32 target, wasm-bindgen-cli, npm ci here).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
target="${CARGO_TARGET_DIR:-$root/target}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac

wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }')
[ "$have" = "$wanted" ] || {
  echo "wasm-bindgen CLI ${have:-missing}, the crate is $wanted: run bash .ci/setup.d/50-wasm.sh"
  exit 1
}
wasm_opt="$here/node_modules/.bin/wasm-opt"
[ -x "$wasm_opt" ] || { echo "$wasm_opt is missing: run bash .ci/setup.d/50-wasm.sh"; exit 1; }

(cd "$root" && cargo build --locked --profile wasm-release --target wasm32-unknown-unknown -p gestpay-wasm)
module="$target/wasm32-unknown-unknown/wasm-release/gestpay_wasm.wasm"

rm -rf "$here/pkg"
wasm-bindgen --no-typescript --target web --out-dir "$here/pkg/web" "$module"
wasm-bindgen --no-typescript --target nodejs --out-dir "$here/pkg/node" "$module"

# The features Chromium and Node 20 have, which rustc and wasm-bindgen use (TOOLCHAIN.md).
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
for dir in web node; do
  wasm="$here/pkg/$dir/gestpay_wasm_bg.wasm"
  "$wasm_opt" -Oz --strip-debug --strip-producers "${features[@]}" "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
done

node "$here/scripts/package.mjs" "$here/pkg"
for dir in web node; do
  wasm="$here/pkg/$dir/gestpay_wasm_bg.wasm"
  printf "%s: %s bytes\n" "pkg/$dir/gestpay_wasm_bg.wasm" "$(wc -c <"$wasm")"
done
