#!/usr/bin/env bash
# The Node binding's toolchain: `npm ci` for the JS bindings' shared part (bindings-js-core:
# esbuild, which bundles the API into both packages, fast-xml-parser for the shared suite,
# TypeScript for its type tests), the package (bindings-node: @napi-rs/cli, TypeScript), its
# Express example and the Node benchmark (bench/node: soap, fast-xml-parser), each from its
# committed package-lock.json. Idempotent: a directory whose node_modules was installed from the
# same lockfile is left alone.
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v node >/dev/null || { echo "node is missing: install Node.js 20 or newer with npm, then run again"; exit 1; }
command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 or newer with npm, then run again"; exit 1; }
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] || { echo "node $(node --version) is too old: 20 or newer is required"; exit 1; }

for dir in bindings-js-core bindings-node bindings-node/examples/express-amazon-pay bench/node; do
  stamp="$dir/node_modules/.gestpay-package-lock.json"
  if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then
    echo "$dir: node_modules is current"
    continue
  fi
  echo "$dir: npm ci"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$dir/package-lock.json" "$stamp"
done
echo "node $(node --version), npm $(npm --version), napi $(cd bindings-node && npx --no-install napi --version)"
