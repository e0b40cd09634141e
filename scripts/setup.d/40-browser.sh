#!/usr/bin/env bash
# The browser test's tools (scripts/test.d/40-browser.sh; scripts/test runs this first): Debian's
# Chromium at /usr/bin/chromium and playwright-core in tests/browser/node_modules, installed from
# its lockfile with `npm ci` (playwright-core never downloads a browser). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash scripts/setup.d/chromium.sh
command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 or newer with npm, then run again"; exit 1; }

dir=tests/browser
stamp="$dir/node_modules/.gestpay-package-lock.json"
if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then
  echo "tests/browser/node_modules is up to date"
  exit 0
fi
(cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
cp "$dir/package-lock.json" "$stamp"
