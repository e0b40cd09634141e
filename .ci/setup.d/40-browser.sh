#!/usr/bin/env bash
# The browser test's tools (scripts/test.d/40-browser.sh): Debian's Chromium at /usr/bin/chromium
# and playwright-core in tests/browser/node_modules, installed from its lockfile with `npm ci`
# (playwright-core never downloads a browser). Idempotent: a no-op when both are in place.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -x /usr/bin/chromium ]; then
  echo "installing Debian's chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null | head -1 || true

if ! command -v npm >/dev/null; then
  echo "installing Debian's nodejs and npm"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi

dir=tests/browser
stamp="$dir/node_modules/.gestpay-package-lock.json"
if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then
  echo "tests/browser/node_modules is up to date"
  exit 0
fi
(cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
cp "$dir/package-lock.json" "$stamp"
