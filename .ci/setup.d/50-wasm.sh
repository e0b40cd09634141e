#!/usr/bin/env bash
# The WASM binding's toolchain (bindings-wasm/, scripts/test.d/50-wasm.sh): the wasm32 standard
# library, wasm-bindgen-cli at the version of the wasm-bindgen crate in Cargo.lock, the npm tools
# (bindings-wasm: binaryen's wasm-opt, TypeScript; bindings-wasm/test: playwright-core) from
# their lockfiles, and Debian's Chromium for the browser test. Idempotent: each step is a no-op
# when already done (another setup script may have installed Chromium).
set -euo pipefail
cd "$(dirname "$0")/../.."

# 1. wasm32-unknown-unknown: nothing else provides its standard library, so fail loudly.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown || {
    echo "cannot add the wasm32-unknown-unknown target (rustup needs the Rust distribution server)"
    exit 1
  }
fi

# 2. wasm-bindgen-cli: must equal the crate, or wasm-bindgen refuses the module.
wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$wanted" ] || { echo "Cargo.lock has no wasm-bindgen"; exit 1; }
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$wanted" ]; then
  echo "cargo install wasm-bindgen-cli $wanted (was: ${have:-none}; ~3 minutes)"
  # --locked can fail when the registry lacks the newest release of one of the tool's
  # dependencies; then let cargo resolve them.
  cargo install -q wasm-bindgen-cli --version "$wanted" --no-default-features --locked \
    || cargo install -q wasm-bindgen-cli --version "$wanted" --no-default-features
fi
wasm-bindgen --version

# 3. npm tools, from the committed lockfiles.
command -v npm >/dev/null || { echo "npm is required (node 20 or newer)"; exit 1; }
for dir in bindings-wasm bindings-wasm/test; do
  stamp="$dir/node_modules/.gestpay-package-lock.json"
  if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then
    echo "$dir: node_modules is current"
    continue
  fi
  echo "$dir: npm ci"
  (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  cp "$dir/package-lock.json" "$stamp"
done
echo "wasm-opt: $(bindings-wasm/node_modules/.bin/wasm-opt --version)"

# 4. Chromium for the browser test.
if [ ! -x /usr/bin/chromium ]; then
  echo "installing Debian's chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null | head -1 || true
