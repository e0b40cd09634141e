#!/usr/bin/env bash
# The browser test (tests/browser/amazon-pay.test.mjs): headless Debian Chromium, driven by
# playwright-core, clicks through the emulator's Amazon Pay payment page (sign in → address →
# wallet), lands on the merchant's URL with `a` and `b`, and `b` must Decrypt to OK. Screenshots
# go to tests/browser/output/. Needs scripts/setup.d/40-browser.sh first.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

[ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium is missing: run bash scripts/setup.d/40-browser.sh"; exit 1; }
[ -d tests/browser/node_modules/playwright-core ] \
  || { echo "tests/browser/node_modules is missing: run bash scripts/setup.d/40-browser.sh"; exit 1; }

cargo build --locked -q -p gestpay-cli
target="${CARGO_TARGET_DIR:-target}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac
export GESTPAY_BIN="$target/debug/gestpay"

cd tests/browser
npm test
