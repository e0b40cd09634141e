#!/usr/bin/env bash
# The WASM binding's toolchain (bindings-wasm/, scripts/test.d/50-wasm.sh): the wasm32 standard
# library, wasm-bindgen-cli at the version of the wasm-bindgen crate in Cargo.lock, the npm tools
# (bindings-wasm: binaryen's wasm-opt, TypeScript; bindings-wasm/test: playwright-core) from
# their lockfiles, and Debian's Chromium for the browser test. Idempotent: each step is a no-op
# when already done (another setup script may have installed Chromium).
set -euo pipefail
cd "$(dirname "$0")/../.."

# 1. wasm32-unknown-unknown: nothing else provides its standard library, so fail loudly.
command -v rustup >/dev/null || { echo "rustup is missing: the wasm32-unknown-unknown target is added with rustup (install Rust with rustup)"; exit 1; }
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown || {
    echo "cannot add the wasm32-unknown-unknown target (rustup needs the Rust distribution server)"
    exit 1
  }
fi

# 2. wasm-bindgen-cli: must equal the crate, or wasm-bindgen refuses the module. Built from the
# lock in scripts/tools/wasm-bindgen-cli (why not `cargo install --locked`: see refresh.sh there)
# and copied next to cargo, the way `cargo install` would.
wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$wanted" ] || { echo "Cargo.lock has no wasm-bindgen"; exit 1; }
tool=scripts/tools/wasm-bindgen-cli
pinned=$(awk '/^name = "wasm-bindgen-cli"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$tool/Cargo.lock")
if [ "$pinned" != "$wanted" ]; then
  echo "$tool pins wasm-bindgen-cli ${pinned:-nothing}, the workspace uses wasm-bindgen $wanted:"
  echo "run bash $tool/refresh.sh and commit its Cargo.toml and Cargo.lock"
  exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$wanted" ]; then
  echo "building wasm-bindgen-cli $wanted from $tool/Cargo.lock (was: ${have:-none}; ~2 minutes)"
  tool_target="${CARGO_TARGET_DIR:-$PWD/target}/tools/wasm-bindgen-cli"
  cargo build -q --release --locked --manifest-path "$tool/Cargo.toml" --target-dir "$tool_target" \
    -p wasm-bindgen-cli --bin wasm-bindgen || {
    echo "could not build wasm-bindgen-cli $wanted from $tool/Cargo.lock (cargo's error above):"
    echo "if the registry lacks a crate it pins, see $tool/refresh.sh"
    exit 1
  }
  bin="${CARGO_HOME:-$HOME/.cargo}/bin"
  mkdir -p "$bin"
  install -m 755 "$tool_target/release/wasm-bindgen" "$bin/wasm-bindgen"
  command -v wasm-bindgen >/dev/null || { echo "wasm-bindgen was installed in $bin, which is not on PATH: add it"; exit 1; }
fi
wasm-bindgen --version

# 3. npm tools, from the committed lockfiles; 30-node.sh installs bindings-js-core's (esbuild
# for the package, the shared suite's).
bash scripts/setup.d/30-node.sh
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

# 4. Chromium for the example page's test.
# (scripts/dist passes --no-browser: building the package needs no browser.)
[ "${1:-}" = --no-browser ] || bash scripts/setup.d/chromium.sh
