#!/usr/bin/env bash
# Builds the ES module package `gestpay-wasm` into bindings-wasm/pkg (not committed):
#   1. cargo build --profile wasm-release --target wasm32-unknown-unknown -p gestpay-wasm, and
#      again without the `builders` feature for the read-only module (gestpay_read_bg.wasm)
#   2. wasm-bindgen --target web (pkg/web, for browsers and bundlers) and --target nodejs
#      (pkg/node, for Node and the test suite); the CLI must be the wasm-bindgen crate's version
#   3. wasm-opt -Oz (npm binaryen, bindings-wasm/node_modules) on both modules
#   4. scripts/package.mjs: the JS API (bindings-js-core/lib, bundled), entries, declarations, manifest
# Needs scripts/setup.d/50-wasm.sh first (wasm32 target, wasm-bindgen-cli, npm ci here).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
target="${CARGO_TARGET_DIR:-$root/target}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac

wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }')
[ "$have" = "$wanted" ] || {
  echo "wasm-bindgen CLI ${have:-missing}, the crate is $wanted: run bash scripts/setup.d/50-wasm.sh"
  exit 1
}
wasm_opt="$here/node_modules/.bin/wasm-opt"
[ -x "$wasm_opt" ] || { echo "$wasm_opt is missing: run bash scripts/setup.d/50-wasm.sh"; exit 1; }

(cd "$root" && cargo build --locked --profile wasm-release --target wasm32-unknown-unknown -p gestpay-wasm)
module="$target/wasm32-unknown-unknown/wasm-release/gestpay_wasm.wasm"

# The read-only module (`gestpay-wasm/read`, docs/wasm.md "Two modules"): without the builders,
# optimised for size (opt-level "z", no inlining, and `--cfg gestpay_small`: the core's hot
# functions not forced inline, core/build.rs), in a target directory of its own so that the
# two builds' flags do not invalidate each other's cache.
(cd "$root" && CARGO_TARGET_DIR="$target/wasm-read" CARGO_PROFILE_WASM_RELEASE_OPT_LEVEL=z \
  RUSTFLAGS="-Cllvm-args=--inline-threshold=0 --cfg gestpay_small" \
  cargo build --locked --profile wasm-release --target wasm32-unknown-unknown -p gestpay-wasm \
  --no-default-features)
read_module="$target/wasm-read/wasm32-unknown-unknown/wasm-release/gestpay_wasm.wasm"

rm -rf "$here/pkg"
for dir in web node; do
  case "$dir" in web) bindgen_target=web ;; node) bindgen_target=nodejs ;; esac
  # --weak-refs: a message view's native half is freed when the view is collected.
  wasm-bindgen --no-typescript --weak-refs --target "$bindgen_target" --out-dir "$here/pkg/$dir" "$module"
  wasm-bindgen --no-typescript --weak-refs --target "$bindgen_target" --out-dir "$here/pkg/$dir" \
    --out-name gestpay_read "$read_module"
done

# The features Chromium and Node 20 have, which rustc and wasm-bindgen use: wasm-opt must be
# told about them (and be recent: Debian's wasm-opt 108 writes modules that fail to load),
# or the optimised module does not load.
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
for wasm in "$here"/pkg/{web,node}/gestpay_{wasm,read}_bg.wasm; do
  "$wasm_opt" -Oz --strip-debug --strip-producers "${features[@]}" "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
done

node "$here/scripts/package.mjs" "$here/pkg"
for wasm in "$here"/pkg/{web,node}/gestpay_{wasm,read}_bg.wasm; do
  printf "%s: %s bytes\n" "${wasm#"$here/"}" "$(wc -c <"$wasm")"
done
