#!/usr/bin/env bash
# Debian's Chromium at /usr/bin/chromium, for the browser tests (40-browser, 50-wasm).
# playwright-core drives it and never downloads a browser of its own. Idempotent.
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "/usr/bin/chromium is missing and this script can install it only as root with apt-get:"
    echo "install Debian's package chromium (sudo apt-get install chromium), then run again"
    exit 1
  fi
  echo "installing Debian's chromium (~40 s)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null | head -1
